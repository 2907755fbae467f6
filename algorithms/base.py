"""Shared base of every EcoSecurity Processing algorithm (the thin-wrapper room).

Conventions every algorithm follows (see ``tools/classify_raster.py`` for the pattern). Each
algorithm lives in the sub-package of its toolbox group (``tools/``, ``sources/``, ``resistance/``,
``corridors/``) and wraps a core of the room of the same name under ``core/``; shared services
are ``core/runtime`` (errors, progress, optional imports, memory) and ``core/io`` (files).


* **Identity**: class attributes ``NAME`` (the stable lowercase id, ``ecosecurity:<NAME>``) and
  ``GROUP_ID`` (a key of :func:`group_names`). ``createInstance``, ``name``, ``group``,
  ``groupId`` and ``icon`` come from here.
* **Translation**: every user-visible string is written as a literal inside ``self.tr("...")``
  in the algorithm's own class body, so ``pylupdate5`` extracts it under the class name as
  context; ``tr`` looks it up under ``type(self).__name__``. Chinese translations are kept in
  ``i18n/zh/<module>.json`` as ``{"ClassName": {"English source": "中文"}}`` and merged into
  ``i18n/ecosecurity_zh_CN.ts`` / ``.qm`` by ``make i18n`` (``scripts/i18n.py``).
* **Help**: ``shortHelpString`` returns ``self.tr(<one HTML literal>)``: what it does, the
  parameters, the outputs, the reference program and how closely it is reproduced, citations.
* **Work**: subclasses implement ``process(parameters, context, feedback)`` (not ``run``:
  QgsProcessingAlgorithm has its own ``run``) and call the pure core with
  ``progress=self.progress(feedback)``; core errors (:class:`EcoSecurityError`) become
  ``QgsProcessingException`` with the same message, any other exception a message too (never a
  traceback); a cancel returns ``{}`` with nothing written. Core warnings
  (:class:`EcoSecurityWarning`) appear in the log once each.
* **Parameters**: :func:`.parameter_checks.parameter_problem` runs before QGIS's own checks and
  names the parameter, the file and the allowed values.
* **Outputs** (:mod:`.outputs`): before ``process`` runs, every file and folder output is checked
  (not an input, also through side-cars; writable; disk for :meth:`estimate_output_bytes`) and
  redirected into a hidden staging folder beside its target; ``process`` sees the staged paths.
  When it returns, every output named in the results must exist; all are then moved into place
  together. A failure or a cancel deletes them; a killed run's leftovers go the next time. Files an
  algorithm writes beyond its destination parameters are declared by :meth:`extra_output_files`,
  inputs not given as parameters by :meth:`extra_input_files`. Styles are applied with
  :meth:`EcoAlgorithm.style_output` (a ``.qml`` side-car next to file outputs, so QGIS styles them
  when opened anywhere, plus a post-processor for layers loaded on completion).
"""
import contextlib
import gc
import os
import shutil
import traceback
import warnings

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.io.qml import keep_categories, write_qml
from ..core.runtime.errors import CancelledError, EcoSecurityError, EcoSecurityWarning
from ..core.runtime.memory import check_memory
from ..core.runtime.progress import Progress
from .outputs import commit_outputs, stage_outputs
from .parameter_checks import parameter_problem

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLES_DIR = os.path.join(PLUGIN_DIR, "styles")


def group_names():
    """Translated display names of the algorithm groups, by group id."""
    return {
        "sources": QCoreApplication.translate("EcoSecurity", "1 Ecological sources"),
        "resistance": QCoreApplication.translate("EcoSecurity", "2 Resistance surfaces"),
        "corridors": QCoreApplication.translate("EcoSecurity", "3 Corridors and circuit theory"),
        "keyareas": QCoreApplication.translate("EcoSecurity", "4 Key areas for restoration"),
        "landuse": QCoreApplication.translate("EcoSecurity", "5 Land-use scenarios"),
        "priority": QCoreApplication.translate("EcoSecurity", "6 Conservation priority"),
        "tools": QCoreApplication.translate("EcoSecurity", "0 General tools"),
    }


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a bundled QML style to an output layer loaded into the project."""

    _alive = []  # QGIS keeps only a raw pointer: the Python objects must outlive the run

    def __init__(self, qml_path):
        super().__init__()
        self.qml_path = qml_path

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is not None and layer.isValid():
            layer.loadNamedStyle(self.qml_path)
            layer.triggerRepaint()

    @classmethod
    def create(cls, qml_path):
        instance = cls(qml_path)
        cls._alive.append(instance)
        return instance


class EcoAlgorithm(QgsProcessingAlgorithm):
    """Base class: identity, translation, progress adapter, error conversion, styling."""

    NAME = ""
    GROUP_ID = "tools"
    _stage = None  # the OutputStage of the running instance

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return type(self)()

    def name(self):
        return self.NAME

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.GROUP_ID

    def group(self):
        return group_names()[self.GROUP_ID]

    def icon(self):
        return QIcon(os.path.join(PLUGIN_DIR, "icons", "ecosecurity.svg"))

    def helpUrl(self):  # noqa: N802 (QGIS API name)
        return "https://github.com/ecosecurity/ecosecurity#algorithms"

    # ------------------------------------------------------------------ running
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        """Check and stage the outputs, run :meth:`process`, move the outputs into place: all of them
        or, after an error or a cancel, none (:mod:`.outputs`)."""
        stage = None
        try:
            with forward_warnings(feedback):
                staged_parameters, stage, outputs = stage_outputs(self, parameters, context)
                self._stage = stage
                results = self.process(staged_parameters, context, feedback)
                if feedback is not None and feedback.isCanceled():
                    raise CancelledError()
                gc.collect()  # the feature sinks of the run are closed before their files move
                return commit_outputs(stage, outputs, results)
        except CancelledError:
            _discard(stage)
            feedback.pushInfo(QCoreApplication.translate("EcoSecurity", "Cancelled; no output was written."))
            return {}
        except EcoSecurityError as error:
            _discard(stage)
            raise failure(str(error), feedback) from None
        except QgsProcessingException as error:
            _discard(stage)
            raise failure(str(error), feedback) from None
        except MemoryError:
            _discard(stage)
            raise failure(QCoreApplication.translate(
                "EcoSecurity",
                "Out of memory. Clip the input to a smaller extent or use a coarser cell size."), feedback) from None
        except Exception as error:  # noqa: BLE001 (the last net: a message, never a bare traceback)
            _discard(stage)
            if feedback is not None:
                feedback.pushDebugInfo(traceback.format_exc())
            raise failure(QCoreApplication.translate(
                "EcoSecurity", "Unexpected error ({0}: {1}). No output was written. Please report it with the "
                               "log of this run.").format(type(error).__name__, error), feedback) from None

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        """The plugin's own messages first (:mod:`.parameter_checks`), then QGIS's checks."""
        problem = parameter_problem(self, parameters, context)
        if problem:
            return False, problem
        return super().checkParameterValues(parameters, context)

    # ---------------------------------------------------------- output hooks
    def extra_input_files(self, parameters, context):
        """(parameter, path) of input files not given as parameters (e.g. read from a configuration)."""
        return []

    def extra_output_files(self, parameters, context):
        """(label, path) of files the algorithm writes beyond its destination parameters; they are
        checked against the inputs before the run."""
        return []

    def estimate_output_bytes(self, parameters, context):
        """Disk bytes of the outputs: 4 bytes a cell of the largest input raster per raster output."""
        cells = 0
        for definition in self.parameterDefinitions():
            if definition.type() == "raster" and parameters.get(definition.name()) is not None:
                layer = self.parameterAsRasterLayer(parameters, definition.name(), context)
                if layer is not None:
                    cells = max(cells, layer.width() * layer.height())
        rasters = sum(1 for d in self.destinationParameterDefinitions()
                      if d.type() == "rasterDestination" and parameters.get(d.name()) is not None)
        return 4 * cells * rasters

    def process(self, parameters, context, feedback):
        """Do the work; return the results dict. Subclasses implement this."""
        raise NotImplementedError

    @staticmethod
    def progress(feedback):
        """A core :class:`Progress` that drives ``feedback`` and polls its cancel flag."""
        if feedback is None:
            return Progress()

        def report(percent, message):
            feedback.setProgress(percent)
            if message:
                feedback.setProgressText(message)
        return Progress(report, feedback.isCanceled)

    @staticmethod
    def check_memory(required, what):
        """Refuse a run whose estimated memory does not fit (raises ``QgsProcessingException``)."""
        try:
            check_memory(required, what)
        except EcoSecurityError as error:
            raise QgsProcessingException(str(error)) from None

    # ------------------------------------------------------------- parameters
    def raster_source(self, parameters, name, context):
        """(file path, layer name) of raster parameter ``name``; a clear error when unusable."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is None:
            raise QgsProcessingException(QCoreApplication.translate(
                "EcoSecurity", "Parameter {0}: the raster layer could not be loaded. Check the path.").format(name))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(QCoreApplication.translate(
                "EcoSecurity", "Layer '{0}' ({1}) is not a file-based raster; save it as GeoTIFF first.").format(
                    layer.name(), name))
        return layer.source(), layer.name()

    def output_path(self, parameters, name, context):
        """File path chosen for output ``name`` (a temporary file when left empty)."""
        path = self.parameterAsOutputLayer(parameters, name, context)
        if not path:
            raise QgsProcessingException(QCoreApplication.translate(
                "EcoSecurity", "Parameter {0}: no output file given.").format(name))
        return path

    # ----------------------------------------------------------------- styling
    def style_output(self, path, qml_name, context, categories=None):
        """Style output ``path`` with ``styles/<qml_name>`` (or an absolute ``.qml`` path): a side-car
        ``.qml`` beside file outputs, plus a post-processor when the layer is loaded on completion.
        ``categories``: the category values the output can hold (the legend lists only those)."""
        qml = qml_name if os.path.isabs(qml_name) else os.path.join(STYLES_DIR, qml_name)
        if not os.path.exists(qml):
            return
        if categories is not None:
            with open(qml, encoding="utf-8") as handle:
                text = keep_categories(handle.read(), categories)
            stem = os.path.splitext(os.path.basename(qml))[0]
            qml = write_qml(os.path.join(QgsProcessingUtils.tempFolder(),
                                         f"{stem}_{'_'.join(str(c) for c in categories)}.qml"), text)
        sidecar = os.path.splitext(path)[0] + ".qml"
        if os.path.exists(path) and not path.lower().endswith(".asc") and \
                os.path.abspath(sidecar) != os.path.abspath(qml):
            shutil.copyfile(qml, sidecar)
        loaded = self._stage.final(path) if self._stage is not None else path
        if context.willLoadLayerOnCompletion(loaded):
            context.layerToLoadOnCompletionDetails(loaded).setPostProcessor(StylePostProcessor.create(qml))


@contextlib.contextmanager
def forward_warnings(feedback):
    """Show the cores' :class:`EcoSecurityWarning` in the Processing log (each message once)."""
    shown = set()
    original = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if not issubclass(category, EcoSecurityWarning):
            return original(message, category, filename, lineno, file, line)
        if str(message) not in shown:
            shown.add(str(message))
            if feedback is not None:
                feedback.pushWarning(str(message))
        return None

    with warnings.catch_warnings():
        warnings.simplefilter("always", EcoSecurityWarning)
        warnings.showwarning = show
        yield


def _discard(stage):
    if stage is not None:
        stage.rollback()


def failure(message, feedback):
    """The exception that ends a failed run. ``qgis_process`` would print its text three times (the
    error line and two copies from the message log, which it echoes to the console); it is the last
    thing that process does, so there the message log is silenced and the error shows once."""
    if QgsApplication.platform() == "qgis_process":
        QgsApplication.messageLog().blockSignals(True)
    return QgsProcessingException(message)


def temporary_output(name):
    """A path in the Processing temporary folder for an intermediate file."""
    return QgsProcessingUtils.generateTempFilename(name)

