"""``ecosecurity:distance`` — exact Euclidean distance to features or raster cells (thin wrapper)."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...core.io.crs import check_projected
from ...core.io.raster import read_grid
from ...core.resistance.distance import distance_raster, estimate_distance_memory
from ...core.tools.classify import parse_numbers
from ..base import EcoAlgorithm


class EuclideanDistance(EcoAlgorithm):
    """Distance in map units from every cell of a reference grid to the nearest source."""

    NAME = "distance"
    GROUP_ID = "resistance"

    INPUT_VECTOR, INPUT_RASTER, SOURCE_VALUES = "INPUT_VECTOR", "INPUT_RASTER", "SOURCE_VALUES"
    REFERENCE, MAX_DISTANCE, EDGE_MARGIN, ALL_TOUCHED = "REFERENCE", "MAX_DISTANCE", "EDGE_MARGIN", "ALL_TOUCHED"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Euclidean distance (to roads, rivers, mines ...)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Computes, for every cell of a reference grid, the straight-line distance in map units to the "
            "nearest source: vector features (roads, rivers, mining areas) or raster cells (e.g. the water class of "
            "a land-use raster). Used to build distance factors of resistance surfaces and suitability "
            "evaluations.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Source features</b> or <b>source raster</b> (give one). Features are burnt onto the grid "
            "(all touched cells by default, so roads narrower than a cell count; features in another CRS are "
            "reprojected). Raster sources are the cells whose value is in <b>Source values</b> (e.g. "
            "<code>8</code>), or every non-zero valid cell.</li>"
            "<li><b>Reference grid</b>: the output has its CRS, extent and cells (use the land-use raster so all "
            "factors align).</li>"
            "<li><b>Maximum distance</b>: distances beyond it are set to it (0 = no cap). With a cap the grid is "
            "processed in strips of rows, each with the sources up to the maximum distance above and below it: the "
            "result is the same and the memory no longer grows with the grid (province-scale grids). Without a cap "
            "the whole grid is held (about 25 bytes per cell); a run that does not fit is refused with the memory "
            "needed and what would fit.</li>"
            "<li><b>Edge margin</b>: sources up to this distance outside the reference extent are also "
            "considered (a road just beyond the study-area edge); the maximum distance, when set, is always "
            "covered.</li></ul>"
            "<h3>Method</h3><p>Exact Euclidean distance transform (Maurer et al. 2003, via scipy.ndimage) between "
            "cell centres, with the cell height and width as sampling: not buffer rings and not a chamfer "
            "approximation; it equals the brute-force minimum over all source cells (tested).</p>"
            "<h3>Output</h3><p>A Float32 raster of distances (map units, usually metres).</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT_VECTOR, self.tr("Source features"), [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.INPUT_RASTER, self.tr("Or source raster"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE_VALUES, self.tr("Source values of the raster (comma separated; default all non-zero)"),
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.REFERENCE, self.tr("Reference grid")))
        self.addParameter(QgsProcessingParameterDistance(
            self.MAX_DISTANCE, self.tr("Maximum distance (0 = no cap)"), 0.0, self.REFERENCE, minValue=0.0))
        margin = QgsProcessingParameterDistance(
            self.EDGE_MARGIN, self.tr("Edge margin: sources this far outside the grid also count"), 0.0,
            self.REFERENCE, minValue=0.0)
        touched = QgsProcessingParameterBoolean(
            self.ALL_TOUCHED, self.tr("Burn every cell a feature touches"), True)
        for parameter in (margin, touched):
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Distance")))

    def process(self, parameters, context, feedback):
        reference, reference_name = self.raster_source(parameters, self.REFERENCE, context)
        grid = read_grid(reference)
        check_projected(grid.crs_wkt, reference_name, "distances")
        cap = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context) or None
        edge = self.parameterAsDouble(parameters, self.EDGE_MARGIN, context)
        what = (self.tr("Distance on the grid of '{0}'") if cap else self.tr(
            "Distance without a maximum distance (set one to process the grid in strips) on the grid of '{0}'"))
        self.check_memory(estimate_distance_memory(grid, cap, edge), what.format(reference_name))
        vector = None
        if parameters.get(self.INPUT_VECTOR):
            vector = self.parameterAsCompatibleSourceLayerPathAndLayerName(
                parameters, self.INPUT_VECTOR, context, ["gpkg", "shp"], "gpkg", feedback)
            vector = (vector[0], vector[1] or None)
        raster = None
        if parameters.get(self.INPUT_RASTER):
            raster, _name = self.raster_source(parameters, self.INPUT_RASTER, context)
        if vector is None and raster is None:
            raise QgsProcessingException(self.tr("Give source features (INPUT_VECTOR) or a source raster "
                                                 "(INPUT_RASTER)."))
        values = parse_numbers(self.parameterAsString(parameters, self.SOURCE_VALUES, context),
                               self.tr("Source values"))
        output = self.output_path(parameters, self.OUTPUT, context)
        distance_raster(grid, output, vector, raster, values, cap, edge,
                        self.parameterAsBool(parameters, self.ALL_TOUCHED, context), self.progress(feedback),
                        reference_name)
        return {self.OUTPUT: output}
