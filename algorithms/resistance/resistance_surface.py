"""``ecosecurity:resistancesurface`` — graded weighted overlay of resistance factors (thin wrapper)."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...core.io.qml import pseudocolor_qml, write_qml
from ...core.io.raster import read_grid
from ...core.resistance.factor_table import COLUMNS
from ...core.resistance.overlay import OUTPUT_RANGES, estimate_overlay_memory, resistance_surface
from ..base import EcoAlgorithm
from .factor_inputs import (
    REPORT_COLUMNS,
    add_factor_table_parameters,
    factor_rows,
    layer_resolver,
    read_weights_table,
    write_rows,
)

HEADERS = [column for column in COLUMNS if column != "function"]


class ResistanceSurface(EcoAlgorithm):
    """Factors graded and weighted into a resistance raster, with corrections and overrides."""

    NAME = "resistancesurface"
    GROUP_ID = "resistance"

    REFERENCE, FACTORS, FACTOR_TABLE, WEIGHTS_TABLE = "REFERENCE", "FACTORS", "FACTOR_TABLE", "WEIGHTS_TABLE"
    STRICT_WEIGHTS, REPROJECT = "STRICT_WEIGHTS", "REPROJECT"
    OUTPUT_RANGE, RANGE_MIN, RANGE_MAX = "OUTPUT_RANGE", "RANGE_MIN", "RANGE_MAX"
    OUTPUT, REPORT = "OUTPUT", "REPORT"
    MINIMUM, MAXIMUM, MEAN = "MINIMUM", "MAXIMUM", "MEAN"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Resistance surface (graded weighted overlay)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Builds an ecological resistance surface from a factor table, as in multi-factor resistance studies "
            "(e.g. land use, elevation, slope, vegetation cover and distances to roads, rivers and mining areas, each "
            "graded 1-5 and weighted by AHP, then corrected by rock desertification, soil erosion and geohazard "
            "layers). The template <code>templates/liuzhi_resistance.csv</code> of the plugin is such a table, to "
            "be edited.</p>"
            "<h3>Factor table</h3><p>Fill in the table in this dialog or choose a CSV file. One row per layer: "
            "<b>role</b> (factor, correction or override), <b>factor</b> name, <b>raster</b> (file path or the "
            "name of a loaded layer), <b>band</b>, <b>grading</b>, <b>classes</b>, <b>scores</b>, <b>weight</b>, "
            "<b>resampling</b>. Gradings: <i>categorical</i> (classes = <code>value:score</code> pairs such as "
            "<code>1:1; 4:3; 5:5</code>; a raster value without a pair is an error), <i>ascending</i> / "
            "<i>descending</i> (classes = breaks <code>8;15;25;35</code>; scores rise / fall with the value), "
            "<i>natural_breaks</i>, <i>quantile</i>, <i>equal_interval</i>, <i>geometric_interval</i>, "
            "<i>std_dev</i> (classes = number of classes, breaks from the data as in Classify raster) or "
            "<i>value</i> (the raster value is the score). Scores are listed for the lowest-value class first. "
            "Corrections multiply the result (classes = <code>value:coefficient</code>, e.g. <code>3:1.2</code>; "
            "other values ×1). Overrides set a fixed value or <code>nodata</code> (impassable), e.g. water "
            "<code>8:nodata</code>. Separate list items with <code>;</code>. See templates/README.md.</p>"
            "<h3>Weights</h3><p>Leave a weight empty to take it from the <b>weights table</b> (criterion, weight, "
            "e.g. from AHP weights or Entropy weights), matched by factor name. Weights that do not sum to 1 are "
            "divided by their sum with a warning, or refused when <b>Weights must sum to 1</b> is ticked.</p>"
            "<h3>Grid and alignment</h3><p>The output takes the grid (CRS, extent, cells) of the <b>reference "
            "raster</b>. Factors on another grid are resampled onto it with their row's resampling method (default "
            "nearest for categorical grading, bilinear otherwise); a factor in another CRS is reprojected with a "
            "warning, or refused when <b>Reproject factors in another CRS</b> is unticked. NoData in any factor "
            "gives NoData, except where an override sets a value.</p>"
            "<h3>Output range</h3><p>Circuit-theory and least-cost results depend on the resistance range. The "
            "weighted score S = Σ w·score is mapped linearly from its possible range [Σ w·min score, Σ w·max "
            "score] to the chosen range (1-5, 1-10, 1-100, 1-1000 or custom), or kept as is. Corrections are applied "
            "after the mapping, so a ×1.2 correction is exactly ×1.2. Zero and negative resistance are never "
            "written: the range must start above 0.</p>"
            "<h3>Outputs</h3><p>Resistance raster (Float32, NoData −9999, styled low green to high red) and a "
            "report table of the factors, their grading, the breaks computed and the weights used. The raster is "
            "computed block by block: memory stays bounded on rasters of any size.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.REFERENCE, self.tr("Reference raster (output grid, e.g. land use)")))
        add_factor_table_parameters(self, HEADERS, self.tr("Weights must sum to 1 (else they are normalised)"))
        self.addParameter(QgsProcessingParameterEnum(
            self.OUTPUT_RANGE, self.tr("Output range"),
            options=[self.tr("Weighted score as graded"), self.tr("1 to 5"), self.tr("1 to 10"), self.tr("1 to 100"),
                     self.tr("1 to 1000"), self.tr("Custom")],
            defaultValue=3))
        for name, description, default in ((self.RANGE_MIN, self.tr("Custom range minimum (> 0)"), 1.0),
                                           (self.RANGE_MAX, self.tr("Custom range maximum"), 100.0)):
            parameter = QgsProcessingParameterNumber(name, description, QgsProcessingParameterNumber.Double,
                                                     default)
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Resistance")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REPORT, self.tr("Factor report"), QgsProcessing.TypeVector, optional=True, createByDefault=True))
        for name, description in ((self.MINIMUM, self.tr("Minimum resistance")),
                                  (self.MAXIMUM, self.tr("Maximum resistance")),
                                  (self.MEAN, self.tr("Mean resistance"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def process(self, parameters, context, feedback):
        reference, reference_name = self.raster_source(parameters, self.REFERENCE, context)
        rows = factor_rows(self, parameters, self.FACTORS, self.FACTOR_TABLE, context, HEADERS)
        grid = read_grid(reference)
        self.check_memory(estimate_overlay_memory(grid, len(rows)),
                          self.tr("Resistance surface on the grid of '{0}' ({1} x {2} cells)").format(
                              reference_name, grid.cols, grid.rows))
        choice = self.parameterAsEnum(parameters, self.OUTPUT_RANGE, context)
        output_range = OUTPUT_RANGES[choice] if choice < len(OUTPUT_RANGES) else (
            self.parameterAsDouble(parameters, self.RANGE_MIN, context),
            self.parameterAsDouble(parameters, self.RANGE_MAX, context))
        output = self.output_path(parameters, self.OUTPUT, context)
        result = resistance_surface(
            rows, reference, output, read_weights_table(self, parameters, self.WEIGHTS_TABLE, context),
            self.parameterAsBool(parameters, self.STRICT_WEIGHTS, context),
            self.parameterAsBool(parameters, self.REPROJECT, context), output_range, layer_resolver(context),
            progress=self.progress(feedback))
        for note in result.notes:
            feedback.pushWarning(note)
        feedback.pushInfo(self.tr("Resistance {0:.6g} to {1:.6g} (mean {2:.6g}); {3} NoData cells").format(
            result.minimum, result.maximum, result.mean, result.nodata_cells))
        qml = write_qml(os.path.splitext(output)[0] + ".qml", pseudocolor_qml(
            result.minimum, result.maximum, self.tr("{0:.4g} low resistance").format(result.minimum),
            self.tr("{0:.4g} high resistance").format(result.maximum)))
        self.style_output(output, qml, context)
        results = {self.OUTPUT: output, self.MINIMUM: result.minimum, self.MAXIMUM: result.maximum,
                   self.MEAN: result.mean}
        report = write_rows(self, parameters, self.REPORT, context, REPORT_COLUMNS, result.report)
        if report is not None:
            results[self.REPORT] = report
        return results
