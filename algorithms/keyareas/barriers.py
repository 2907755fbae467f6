"""``ecosecurity:barriers`` — where restoration most improves the corridors, Linkage Mapper's Barrier
Mapper (thin wrapper over ``core/keyareas/barriers.py``)."""
from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ...core.keyareas.barriers import BarrierOptions, barriers, estimate_memory
from ..base import EcoAlgorithm
from ..parallel_inputs import add_parallel_parameters, parallel_settings
from ..corridors.core_inputs import add_core_parameters, add_links_parameter, core_source, link_table


class Barriers(EcoAlgorithm):
    """Cores + resistance + link table → improvement scores of restoring discs (barriers)."""

    NAME = "barriers"
    GROUP_ID = "keyareas"

    CORES, CORE_ID_FIELD, RESISTANCE, LINKS = "CORES", "CORE_ID_FIELD", "RESISTANCE", "LINKS"
    MIN_RADIUS, MAX_RADIUS, RADIUS_STEP = "MIN_RADIUS", "MAX_RADIUS", "RADIUS_STEP"
    COMBINE, PERCENT, CWD_THRESHOLD = "COMBINE", "PERCENT", "CWD_THRESHOLD"
    OUTPUT_CENTERS, OUTPUT_CIRCLES = "OUTPUT_CENTERS", "OUTPUT_CIRCLES"
    OUTPUT_CAPPED, OUTPUT_FOLDER = "OUTPUT_CAPPED", "OUTPUT_FOLDER"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Barriers (Linkage Mapper Barrier Mapper)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Finds the barriers whose restoration would most improve the corridors: Linkage Mapper's Barrier "
            "Mapper (McRae et al. 2012) without ArcGIS. For every corridor (active link of the link table) and "
            "every detection radius R, each cell x gets the <b>improvement score</b> "
            "I(x) = (LCD - m<sub>A</sub>(x) - m<sub>B</sub>(x) - 2R) / 2R: the least-cost distance saved per map "
            "unit restored if the disc of radius R around x were restored to resistance 1. m<sub>A</sub>(x) is the "
            "least cost distance from core A found on the ring between R - 1 and R map units around x (cell "
            "centres farther than R - 1 and at most R), NoData ignored.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Core areas</b>, <b>core id field</b>, <b>resistance</b> and <b>link table</b>: those of the "
            "Least-cost corridors run (the table is checked: its cores must exist and its cw_dist must equal the "
            "least-cost distance on this resistance).</li>"
            "<li><b>Minimum / maximum radius</b> and <b>step</b> (map units; step 0 = the minimum radius only): at "
            "least one cell; multiples of the cell size are recommended (Linkage Mapper demo: 400, 1200, 400).</li>"
            "<li><b>Combine links</b>: <i>Maximum</i> keeps the best link's score; <i>Sum</i> adds the positive "
            "scores of all links (NoData and negative scores count as 0).</li>"
            "<li><b>Percent scores</b>: 100 &times; I / LCD, the share of each corridor's cost saved.</li>"
            "<li><b>CWD threshold</b>: cost distances at or above it are ignored (0 = none).</li>"
            "<li><b>Worker processes</b> (PARALLEL, advanced): the cost-distance search and focal minima of each "
            "core run on this many processes of this computer (0 = one per core, 1 = in the QGIS process); each "
            "worker gets only the core's search window (the whole grid for cores whose search reaches most of it). "
            "Fewer workers are used when their searches would not fit in memory. The result is the same whatever "
            "the number.</li>"
            "<li><b>Dask scheduler</b> (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster "
            "(tcp://host:8786) to send the per-core searches to instead (the cores searching the whole grid go in "
            "as many tasks as Worker processes says); needs the Python package dask[distributed] and the plugin "
            "installed on the workers. The result is the same as a local run.</li></ul>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Barrier centres</b>: the combined score at the disc centres, negative scores set to NoData "
            "(with Sum, 0 where no link improves); maximum over the radii.</li>"
            "<li><b>Barrier circles</b>: the centres spread over their restoration disc (focal maximum over the "
            "circle of radius R); maximum over the radii.</li>"
            "<li><b>Capped circles</b>: min(circles, resistance - 1), what a cell can gain by restoration "
            "(NoData resistance counts as 1e9); always in cost units, also with percent scores.</li>"
            "<li><b>Per-radius folder</b>: GeoTIFFs named as Linkage Mapper names them, e.g. "
            "barriers_BarrierCenters[_Sum]_Rad400.tif, barriers_BarrrierCircles[_Sum]_Rad400.tif (sic), "
            "_Pct variants, barriers_BarrierCircles_RBMin[_Sum]_Rad400.tif.</li></ul>"
            "<h3>Reference</h3><p>Linkage Mapper 3 Barrier Mapper (s6_barriers.py). Reproduced: the score, percent, "
            "maximum and sum rules, centres, circles, capped circles and the mosaic across radii. Differences: cost "
            "distances are exact (no bounding circles, float32 focal minima); the annulus and the circle contain "
            "the cells whose centres fall in them (ArcGIS converts map-unit radii to cells by an unpublished "
            "rule); with Sum the summed circles are capped (Linkage Mapper caps each link before summing).</p>"
            "<p>McRae, B.H., Hall, S.A., Beier, P. &amp; Theobald, D.M. (2012) Where to restore ecological "
            "connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_core_parameters(self)
        add_links_parameter(self)
        self.addParameter(QgsProcessingParameterDistance(
            self.MIN_RADIUS, self.tr("Minimum detection radius"), None, self.RESISTANCE, minValue=0.0))
        self.addParameter(QgsProcessingParameterDistance(
            self.MAX_RADIUS, self.tr("Maximum detection radius (used with a step > 0)"), 0.0, self.RESISTANCE,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterDistance(
            self.RADIUS_STEP, self.tr("Radius step (0 = the minimum radius only)"), 0.0, self.RESISTANCE,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.COMBINE, self.tr("Combine links by"), options=[self.tr("Maximum"), self.tr("Sum")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.PERCENT, self.tr("Percent scores (100 x improvement / least-cost distance)"), False))
        self.addParameter(QgsProcessingParameterNumber(
            self.CWD_THRESHOLD, self.tr("CWD threshold (cost units; 0 = none)"), QgsProcessingParameterNumber.Double,
            0.0, optional=True, minValue=0.0))
        add_parallel_parameters(self)
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CENTERS, self.tr("Barrier centres (improvement score)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CIRCLES, self.tr("Barrier circles (score over the restoration disc)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CAPPED, self.tr("Capped barrier circles (at most resistance - 1)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Folder for per-radius rasters"), optional=True, createByDefault=False))

    def process(self, parameters, context, feedback):
        resistance, resistance_name = self.raster_source(parameters, self.RESISTANCE, context)
        cores = core_source(self, parameters, context, feedback)
        percent = self.parameterAsBool(parameters, self.PERCENT, context)
        self.check_memory(estimate_memory(resistance, percent),
                          self.tr("Barriers on '{0}'").format(resistance_name))
        links, rows = link_table(self, parameters, context)
        outputs = {"centers": self.output_path(parameters, self.OUTPUT_CENTERS, context),
                   "circles": self.output_path(parameters, self.OUTPUT_CIRCLES, context),
                   "capped": self.parameterAsOutputLayer(parameters, self.OUTPUT_CAPPED, context) or None,
                   "folder": self.parameterAsString(parameters, self.OUTPUT_FOLDER, context) or None}
        options = BarrierOptions(
            min_radius=self.parameterAsDouble(parameters, self.MIN_RADIUS, context),
            max_radius=self.parameterAsDouble(parameters, self.MAX_RADIUS, context),
            radius_step=self.parameterAsDouble(parameters, self.RADIUS_STEP, context),
            combine=self.parameterAsEnum(parameters, self.COMBINE, context),
            percent=percent,
            cwd_threshold=self.parameterAsDouble(parameters, self.CWD_THRESHOLD, context) or None,
            capped=bool(outputs["capped"] or outputs["folder"]))
        workers, scheduler = parallel_settings(self, parameters, context)
        result = barriers(resistance, cores, rows, outputs, options, self.progress(feedback),
                          {"resistance": resistance_name, "links": links.sourceName(), "cores": cores.name},
                          workers=workers, scheduler=scheduler)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("{0} links, radii {1}").format(
            len(result.links), ", ".join(f"{radius:g}" for radius in result.radii)))
        results = {self.OUTPUT_CENTERS: outputs["centers"], self.OUTPUT_CIRCLES: outputs["circles"]}
        if outputs["capped"]:
            results[self.OUTPUT_CAPPED] = outputs["capped"]
        if outputs["folder"]:
            results[self.OUTPUT_FOLDER] = outputs["folder"]
        for name in (self.OUTPUT_CENTERS, self.OUTPUT_CIRCLES, self.OUTPUT_CAPPED):
            if results.get(name):
                self.style_output(results[name], "barriers.qml", context)
        return results
