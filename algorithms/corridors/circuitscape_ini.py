"""``ecosecurity:circuitscapeini`` — run a Circuitscape ``.ini`` configuration unchanged (thin wrapper)."""
import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
)

from ...core.corridors.circuit.compute import run_ini
from ...core.corridors.circuit.ini import check_outputs_spare_inputs, read_ini
from ..base import EcoAlgorithm
from ..parallel_inputs import add_parallel_parameters, parallel_settings


class CircuitscapeIni(EcoAlgorithm):
    """A Circuitscape .ini file in, the files Circuitscape writes out."""

    NAME = "circuitscapeini"
    GROUP_ID = "corridors"

    INI, OUTPUT_FOLDER, FILES, SOLVES = "INI", "OUTPUT_FOLDER", "FILES", "SOLVES"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Run a Circuitscape .ini file")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Runs a Circuitscape configuration file (<code>.ini</code>, as written by Circuitscape 4, "
            "Circuitscape.jl or Linkage Mapper) with the EcoSecurity circuit engine, so existing configurations "
            "migrate unchanged and the results compare file by file.</p>"
            "<h3>Supported</h3><ul>"
            "<li>Raster data: pairwise, one-to-all, all-to-one and advanced modes; network (graph) data: pairwise "
            "and advanced.</li>"
            "<li>Inputs: ESRI ASCII grids (also <code>.asc.gz</code>), GeoTIFF and the text formats (focal points "
            "<code>id x y</code>, sources/grounds <code>value x y</code>, include/exclude pairs in matrix or list "
            "form, variable source strengths, network graphs <code>i j value</code>). Relative paths are relative "
            "to the folder of the .ini file.</li>"
            "<li>Every option that changes results: resistances or conductances, 4/8 neighbours, average "
            "conductance or resistance, short-circuit polygons, focal regions, masks, include/exclude pairs, "
            "variable source strengths, finite and direct grounds, unit currents, conflict policies, log "
            "transform, null currents/voltages to NoData, write_as_tif.</li></ul>"
            "<h3>Outputs</h3><p>The files Circuitscape writes, named from the stem of <code>output_file</code>: "
            "<code>&lt;stem&gt;_resistances.out</code>, <code>_resistances_3columns.out</code>, "
            "<code>_cum_curmap.asc</code>, <code>_max_curmap.asc</code>, <code>_curmap_&lt;a&gt;_&lt;b&gt;.asc</code>, "
            "<code>_voltmap_&lt;a&gt;_&lt;b&gt;.asc</code>, <code>_curmap_&lt;id&gt;.asc</code>, "
            "<code>_voltmap.asc</code>, <code>_curmap.asc</code> and the network tables "
            "(<code>_voltages_…</code>, <code>_node_currents_…</code>, <code>_branch_currents_…</code>). "
            "<b>Output folder</b>: where to write them (default: where <code>output_file</code> points). The "
            "effective options are written to <code>&lt;stem&gt;.out</code> as Circuitscape.jl does.</p>"
            "<h3>Reference</h3><p>Circuitscape.jl 5.x (and Circuitscape 4.0). All 20 cases of Circuitscape.jl's "
            "test suite are reproduced: resistances within 1e-6 relative, maps within Circuitscape's tolerance. "
            "Differences on purpose: rasters not on the habitat grid are refused (Circuitscape only warns); fewer "
            "than two usable focal nodes is an error; network outputs keep the node ids of the input file (as "
            "Circuitscape 4; Circuitscape.jl adds 1 to 0-based ids). The solver is chosen automatically (direct "
            "factorisation or multigrid) whatever <code>solver</code> says; results agree within the tolerance.</p>"
            "<p><b>Worker processes</b> (PARALLEL) and <b>Dask scheduler</b> (DASK_SCHEDULER), advanced: where the "
            "solves of raster pairwise (focal points), one-to-all and all-to-one modes run, as in the Circuitscape "
            "algorithm (0 = one process per core, 1 = in the QGIS process; the files are the same); focal regions, "
            "advanced mode and network data run in the QGIS process.</p>"
            "<p>McRae, B.H., Dickson, B.G., Keitt, T.H. &amp; Shah, V.B. (2008) Ecology 89: 2712-2724. "
            "Anantharaman, R. et al. (2020) Circuitscape in Julia. JuliaCon Proceedings 1(1): 58.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            self.INI, self.tr("Circuitscape configuration (.ini)"), extension="ini"))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Output folder (default: the folder of output_file)"), optional=True,
            createByDefault=False))
        add_parallel_parameters(self)
        self.addOutput(QgsProcessingOutputString(self.FILES, self.tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber(self.SOLVES, self.tr("Number of linear solves")))

    def process(self, parameters, context, feedback):
        ini = self.parameterAsFile(parameters, self.INI, context)
        config = read_ini(ini)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context) or None  # staged by the base
        if folder:
            final_folder = self._stage.final(folder)
        else:  # Circuitscape's own place, beside output_file: staged here so that it is whole-or-nothing too
            final_folder = os.path.dirname(os.path.abspath(config.output_stem))
            folder = self._stage.folder(final_folder, "output_file")
        check_outputs_spare_inputs(config, os.path.join(final_folder, os.path.basename(config.output_stem)))
        workers, scheduler = parallel_settings(self, parameters, context)
        summary = run_ini(ini, folder, progress=self.progress(feedback), workers=workers, scheduler=scheduler)
        for warning in summary.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("{0} files written, {1} linear solves ({2} solver).").format(
            len(summary.files), summary.solves, summary.method or "-"))
        return {self.OUTPUT_FOLDER: folder, self.FILES: ";".join(summary.files),
                self.SOLVES: summary.solves}
