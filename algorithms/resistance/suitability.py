"""``ecosecurity:suitability`` — production / living / ecological suitability and spaces (thin wrapper)."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.qml import pseudocolor_qml, write_qml
from ...core.io.raster import read_grid
from ...core.resistance.factor_table import COLUMNS, FUNCTIONS
from ...core.resistance.suitability import (
    estimate_suitability_memory,
    parse_space_mapping,
    suitability_evaluation,
    zone_raster,
)
from ..base import EcoAlgorithm
from .factor_inputs import (
    REPORT_COLUMNS,
    add_factor_table_parameters,
    factor_rows,
    layer_resolver,
    read_weights_table,
    write_rows,
)

#: Orders of the PRIORITY enum (space codes, preferred first).
PRIORITIES = ((3, 1, 2), (3, 2, 1), (1, 3, 2), (1, 2, 3), (2, 3, 1), (2, 1, 3))
DEFAULT_LANDUSE_SPACES = "1:3; 2:3; 3:3; 4:1; 5:2; 6:2; 7:3; 8:3; 9:3"


class Suitability(EcoAlgorithm):
    """Three graded weighted overlays, natural-breaks levels and the production/living/ecological space map."""

    NAME = "suitability"
    GROUP_ID = "resistance"

    LANDUSE, FACTORS, FACTOR_TABLE, WEIGHTS_TABLE = "LANDUSE", "FACTORS", "FACTOR_TABLE", "WEIGHTS_TABLE"
    STRICT_WEIGHTS, REPROJECT, LANDUSE_SPACES = "STRICT_WEIGHTS", "REPROJECT", "LANDUSE_SPACES"
    PLANNING_ZONES, ZONE_FIELD, ZONE_SPACE = "PLANNING_ZONES", "ZONE_FIELD", "ZONE_SPACE"
    LEVELS, KEEP_LEVELS, PRIORITY = "LEVELS", "KEEP_LEVELS", "PRIORITY"
    OUTPUT_PRODUCTION, OUTPUT_LIVING, OUTPUT_ECOLOGICAL = "OUTPUT_PRODUCTION", "OUTPUT_LIVING", "OUTPUT_ECOLOGICAL"
    OUTPUT_SPACES, AREA_TABLE, LEVEL_TABLE, REPORT = "OUTPUT_SPACES", "AREA_TABLE", "LEVEL_TABLE", "REPORT"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Production-living-ecological suitability and spaces")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Evaluates production, living and ecological suitability with graded weighted overlays and delineates "
            "the three spaces (生产/生活/生态空间), after the procedure of the Xi'an study (factors graded "
            "100/70/50/30/10, entropy + AHP weights, the important levels kept, overlaps resolved with the current "
            "land use and planning zones). The template <code>templates/xian_suitability.csv</code> lists its 14 "
            "factors, to be edited.</p>"
            "<h3>Factor table</h3><p>As in Resistance surface, with a <b>function</b> column: "
            "<code>production</code>, <code>living</code> or <code>ecological</code> (生产/生活/生态). Weights "
            "are normalised within each function; a weights table may name a factor <code>function:factor</code> "
            "when the same factor appears in several functions.</p>"
            "<h3>Levels</h3><p>Each suitability is graded into <b>levels</b> classes by natural breaks (Jenks); "
            "the highest level is the most suitable / most important. The top <b>levels kept</b> (2: \"very "
            "important\" and \"important\") are the function's candidate area.</p>"
            "<h3>Spaces</h3><ol><li>A cell that is a candidate for one function goes to its space.</li>"
            "<li>A candidate for several, inside a <b>planning zone</b> whose space is one of them, goes to the "
            "zone's space (zones from a field with codes 1/2/3 or names, or all features as the chosen space, "
            "e.g. the ecological red line).</li>"
            "<li>Other candidates for several go to the one with the highest level; ties follow the <b>priority</b> "
            "(default ecological, production, living).</li>"
            "<li>A cell that is a candidate for none goes to the space of its current land use (<b>land use to "
            "space</b>, <code>value:space</code> pairs; default for the 9 demo classes: cropland 4 → production, "
            "urban 5 and rural settlement 6 → living, the others → ecological).</li></ol>"
            "<h3>Outputs</h3><p>One suitability raster per function (Float32), the space map (1 production, "
            "2 living, 3 ecological; styled), an area table per space (cells, km², percent, and how many cells each "
            "rule decided), a level table (natural breaks, area and kept flag per level) and the factor report. "
            "The delineation rules are this tool's explicit reading of the study's description.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LANDUSE, self.tr("Current land use (output grid)")))
        add_factor_table_parameters(
            self, COLUMNS, self.tr("Weights must sum to 1 per function (else they are normalised)"))
        self.addParameter(QgsProcessingParameterString(
            self.LANDUSE_SPACES, self.tr("Land use to space (value:space pairs; 1 production, 2 living, "
                                         "3 ecological)"), DEFAULT_LANDUSE_SPACES))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLANNING_ZONES, self.tr("Planning zones"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_FIELD, self.tr("Zone field (space code or name; empty = all features one space)"),
            parentLayerParameterName=self.PLANNING_ZONES, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ZONE_SPACE, self.tr("Space of the planning zones without a field"),
            options=[self.tr("Production"), self.tr("Living"), self.tr("Ecological")], defaultValue=2))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVELS, self.tr("Suitability levels (natural breaks)"), QgsProcessingParameterNumber.Integer, 5,
            minValue=2, maxValue=9))
        self.addParameter(QgsProcessingParameterNumber(
            self.KEEP_LEVELS, self.tr("Top levels kept as candidates"), QgsProcessingParameterNumber.Integer, 2,
            minValue=1, maxValue=8))
        self.addParameter(QgsProcessingParameterEnum(
            self.PRIORITY, self.tr("Priority on ties"),
            options=[self.tr("Ecological > production > living"), self.tr("Ecological > living > production"),
                     self.tr("Production > ecological > living"), self.tr("Production > living > ecological"),
                     self.tr("Living > ecological > production"), self.tr("Living > production > ecological")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PRODUCTION, self.tr("Production suitability")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_LIVING, self.tr("Living suitability")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_ECOLOGICAL, self.tr("Ecological suitability")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_SPACES, self.tr("Production-living-ecological spaces")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.AREA_TABLE, self.tr("Area per space"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.LEVEL_TABLE, self.tr("Suitability levels"), QgsProcessing.TypeVector, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REPORT, self.tr("Factor report"), QgsProcessing.TypeVector, optional=True, createByDefault=False))

    def process(self, parameters, context, feedback):
        landuse, landuse_name = self.raster_source(parameters, self.LANDUSE, context)
        grid = read_grid(landuse)
        rows = factor_rows(self, parameters, self.FACTORS, self.FACTOR_TABLE, context, list(COLUMNS), True)
        self.check_memory(estimate_suitability_memory(grid, len(rows), bool(parameters.get(self.PLANNING_ZONES))),
                          self.tr("Suitability on the grid of '{0}' ({1} x {2} cells)").format(
                              landuse_name, grid.cols, grid.rows))
        zones = None
        if parameters.get(self.PLANNING_ZONES):
            path, layer = self.parameterAsCompatibleSourceLayerPathAndLayerName(
                parameters, self.PLANNING_ZONES, context, ["gpkg", "shp"], "gpkg", feedback)
            fields = self.parameterAsFields(parameters, self.ZONE_FIELD, context)
            zones = zone_raster(path, layer or None, grid, QgsProcessingUtils.tempFolder(),
                                fields[0] if fields else None,
                                self.parameterAsEnum(parameters, self.ZONE_SPACE, context) + 1)
        outputs = {function: self.output_path(parameters, name, context) for function, name in zip(
            FUNCTIONS, (self.OUTPUT_PRODUCTION, self.OUTPUT_LIVING, self.OUTPUT_ECOLOGICAL))}
        spaces = self.output_path(parameters, self.OUTPUT_SPACES, context)
        result = suitability_evaluation(
            rows, landuse, outputs, spaces,
            parse_space_mapping(self.parameterAsString(parameters, self.LANDUSE_SPACES, context)),
            zones, None, self.parameterAsInt(parameters, self.LEVELS, context),
            self.parameterAsInt(parameters, self.KEEP_LEVELS, context),
            PRIORITIES[self.parameterAsEnum(parameters, self.PRIORITY, context)],
            read_weights_table(self, parameters, self.WEIGHTS_TABLE, context),
            self.parameterAsBool(parameters, self.STRICT_WEIGHTS, context),
            self.parameterAsBool(parameters, self.REPROJECT, context), layer_resolver(context),
            progress=self.progress(feedback))
        for note in result.notes:
            feedback.pushWarning(note)
        for function, path in outputs.items():
            overlay = result.overlays[function]
            qml = write_qml(os.path.splitext(path)[0] + ".qml", pseudocolor_qml(
                overlay.minimum, overlay.maximum, self.tr("{0:.4g} low suitability").format(overlay.minimum),
                self.tr("{0:.4g} high suitability").format(overlay.maximum), reverse=True))
            self.style_output(path, qml, context)
        self.style_output(spaces, "spaces.qml", context)
        area_columns = [("space", QVariant.Int), ("name", QVariant.String), ("cells", QVariant.LongLong),
                        ("area_km2", QVariant.Double), ("percent", QVariant.Double),
                        ("by_suitability", QVariant.LongLong), ("by_planning_zone", QVariant.LongLong),
                        ("by_level_priority", QVariant.LongLong), ("by_land_use", QVariant.LongLong)]
        level_columns = [("function", QVariant.String), ("level", QVariant.Int), ("lower", QVariant.Double),
                         ("upper", QVariant.Double), ("cells", QVariant.LongLong), ("area_km2", QVariant.Double),
                         ("kept", QVariant.Bool)]
        results = {self.OUTPUT_PRODUCTION: outputs["production"], self.OUTPUT_LIVING: outputs["living"],
                   self.OUTPUT_ECOLOGICAL: outputs["ecological"], self.OUTPUT_SPACES: spaces,
                   self.AREA_TABLE: write_rows(self, parameters, self.AREA_TABLE, context, area_columns,
                                               result.areas)}
        for name, columns, rows_out in ((self.LEVEL_TABLE, level_columns, result.levels),
                                        (self.REPORT, REPORT_COLUMNS, result.report)):
            written = write_rows(self, parameters, name, context, columns, rows_out)
            if written is not None:
                results[name] = written
        return results
