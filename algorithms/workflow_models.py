"""The workflow models of ``models/*.model3`` as algorithms of the EcoSecurity provider (group "Workflows").

A ``.model3`` holds one name, which QGIS uses both as the id and as the display name; the models keep the
stable id (``liuzhiworkflow`` …) as their name and their bilingual display name in the help map under
``DISPLAY_NAME`` (written by ``scripts/build_models.py``).
"""
import glob
import os

from qgis.core import Qgis, QgsMessageLog, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication

MODELS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")


class WorkflowModel(QgsProcessingModelAlgorithm):
    """A model shown under its bilingual display name, in the group "Workflows" (id ``workflows``, translated
    like the other groups); its own texts are bilingual in the file."""

    def displayName(self):
        return self.helpContent().get("DISPLAY_NAME") or self.name()

    def group(self):
        return QCoreApplication.translate("EcoSecurity", "Workflows")

    def groupId(self):
        return "workflows"

    def processAlgorithm(self, parameters, context, feedback):
        """Inputs left out (qgis_process, ``processing.run``) take the model's defaults: QGIS 3.22 passes
        only the given values to the children, which would then fall back on their own defaults."""
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            if not definition.isDestination() and filled.get(definition.name()) is None \
                    and definition.defaultValue() is not None:
                filled[definition.name()] = definition.defaultValue()
        return super().processAlgorithm(filled, context, feedback)

    def createInstance(self):
        model = WorkflowModel()
        model.loadVariant(self.toVariant())
        model.setSourceFilePath(self.sourceFilePath())
        return model


def load_models(directory=MODELS_DIR):
    """Every readable ``*.model3`` of ``directory`` as a :class:`WorkflowModel`, sorted by file name; an
    unreadable one is logged and left out, so that the algorithms still load."""
    models = []
    for path in sorted(glob.glob(os.path.join(directory, "*.model3"))):
        model = WorkflowModel()
        if not model.fromFile(path):
            QgsMessageLog.logMessage(f"Cannot read the model {path} / 无法读取模型 {path}", "EcoSecurity",
                                     Qgis.Warning)
            continue
        model.setSourceFilePath(path)
        models.append(model)
    return models
