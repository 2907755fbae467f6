"""``ecosecurity:entropyweights`` — entropy weight method, optionally combined with AHP weights (thin wrapper)."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.blockio import AlignedSource
from ...core.io.raster import read_grid
from ...core.resistance.entropy import (
    COMBINATIONS,
    NORMALISATIONS,
    combine_weights,
    entropy_weights,
    entropy_weights_of_rasters,
    estimate_entropy_memory,
    parse_directions,
)
from ...core.runtime.memory import format_bytes
from ..base import EcoAlgorithm
from .factor_inputs import numeric_columns, read_weights_table, write_rows


class EntropyWeights(EcoAlgorithm):
    """Shannon-entropy weights of factor rasters or table columns; combination with AHP weights."""

    NAME = "entropyweights"
    GROUP_ID = "resistance"

    FACTORS, TABLE, FIELDS, DIRECTIONS = "FACTORS", "TABLE", "FIELDS", "DIRECTIONS"
    NORMALISATION, AHP_WEIGHTS, COMBINATION, ALPHA = "NORMALISATION", "AHP_WEIGHTS", "COMBINATION", "ALPHA"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Entropy weights (with optional AHP combination)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Objective factor weights by the entropy weight method: a factor whose values vary more across the "
            "samples carries more information and gets a larger weight. Optionally combined with subjective "
            "AHP weights.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Factor rasters</b>: the samples are the cells valid in every raster (rasters not on the grid of "
            "the first one are resampled onto it, nearest neighbour); the criterion names are the layer names. "
            "Large rasters are read block by block.</li>"
            "<li><b>Or a table</b> and its <b>numeric fields</b> (all numeric fields by default): the samples are "
            "the rows; rows with an empty value are skipped.</li>"
            "<li><b>Directions</b>: one per factor, <code>+</code> for a positive factor (larger is better) and "
            "<code>-</code> for a negative one, e.g. <code>+,+,-</code>; all positive by default.</li>"
            "<li><b>Normalisation</b>: <i>min-max</i> z = (x − min)/(max − min) for positive, (max − x)/(max − min) "
            "for negative factors (the usual form in Chinese studies); <i>proportion of the raw values</i> "
            "z = x (values must be ≥ 0; the direction does not change the entropy; as in Xu 2004).</li>"
            "<li><b>AHP weights table</b> (criterion, weight, e.g. from ecosecurity:ahpweights) and the "
            "<b>combination</b>: multiplicative w = a·b/Σa·b (Xu 2004) or linear w = α·a + (1 − α)·b with "
            "<b>α</b> the share of the AHP weights.</li></ul>"
            "<h3>Method</h3><p>p<sub>ij</sub> = z<sub>ij</sub>/Σ<sub>i</sub>z<sub>ij</sub>; entropy "
            "e<sub>j</sub> = −(1/ln m) Σ<sub>i</sub> p<sub>ij</sub> ln p<sub>ij</sub> (0·ln 0 = 0) over m samples; "
            "divergence d<sub>j</sub> = 1 − e<sub>j</sub>; weight w<sub>j</sub> = d<sub>j</sub>/Σd. A factor that "
            "does not vary gets weight 0 (reported).</p>"
            "<h3>Output</h3><p>A table <code>criterion, weight, entropy, divergence, entropy_weight, ahp_weight, "
            "normalisation, combination</code>; <code>weight</code> is the final (combined) weight, usable as the "
            "weights table of the resistance surface and suitability tools.</p>"
            "<h3>Accuracy</h3><p>Reproduces the published entropy weights of Xu (2004, EJOR 156:530-532) and "
            "Zavadskas &amp; Podvezko (2016, IJITDM 15:267-283) to 1e-4.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.FACTORS, self.tr("Factor rasters"), QgsProcessing.TypeRaster, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TABLE, self.tr("Or a table of samples"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FIELDS, self.tr("Numeric fields of the table (default all)"), parentLayerParameterName=self.TABLE,
            type=QgsProcessingParameterField.Any, allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DIRECTIONS, self.tr("Directions, one per factor (+ positive, - negative; default all +)"),
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.NORMALISATION, self.tr("Normalisation"),
            options=[self.tr("Min-max (range)"), self.tr("Proportion of the raw values")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AHP_WEIGHTS, self.tr("AHP weights table (criterion, weight)"), [QgsProcessing.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.COMBINATION, self.tr("Combination with the AHP weights"),
            options=[self.tr("None (entropy weights only)"), self.tr("Multiplicative"), self.tr("Linear")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALPHA, self.tr("α, share of the AHP weights (linear combination)"),
            QgsProcessingParameterNumber.Double, 0.5, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Entropy weights"), QgsProcessing.TypeVector))

    def process(self, parameters, context, feedback):
        layers = self.parameterAsLayerList(parameters, self.FACTORS, context)
        table = self.parameterAsSource(parameters, self.TABLE, context)
        if bool(layers) == bool(table):
            raise QgsProcessingException(self.tr("Give either factor rasters (FACTORS) or a table (TABLE)."))
        normalisation = NORMALISATIONS[self.parameterAsEnum(parameters, self.NORMALISATION, context)]
        directions_text = self.parameterAsString(parameters, self.DIRECTIONS, context)
        combination = COMBINATIONS[self.parameterAsEnum(parameters, self.COMBINATION, context)]
        ahp = read_weights_table(self, parameters, self.AHP_WEIGHTS, context)  # read first: a bad table fails at once
        if layers:
            names = [layer.name() for layer in layers]
            directions = parse_directions(directions_text, len(names))
            grid = read_grid(layers[0].source())
            required = estimate_entropy_memory(grid, len(layers))
            self.check_memory(required, self.tr("Entropy weights of {0} rasters on the grid of '{1}' ({2} x {3} cells)")
                              .format(len(layers), names[0], grid.cols, grid.rows))
            feedback.pushInfo(self.tr("{0} cells x {1} factors, read block by block ({2} passes); memory about {3}.")
                              .format(grid.rows * grid.cols, len(layers), 2 if normalisation == "minmax" else 1,
                                      format_bytes(required)))
            sources = [AlignedSource(layer.source(), grid, name=layer.name()) for layer in layers]
            for source in sources:
                for note in source.notes:
                    feedback.pushWarning(note)
            result = entropy_weights_of_rasters(sources, names, directions, normalisation, self.progress(feedback))
        else:
            names, values = numeric_columns(table, self.parameterAsFields(parameters, self.FIELDS, context))
            result = entropy_weights(values, names, parse_directions(directions_text, len(names)), normalisation)
        for note in result.notes:
            feedback.pushWarning(note)
        ahp_weights = None
        weights = result.weights
        if combination != "none":
            if ahp is None:
                raise QgsProcessingException(self.tr("The combination needs the AHP weights table (AHP_WEIGHTS)."))
            lookup = {name.strip().lower(): value for name, value in ahp.items()}
            missing = [name for name in names if name.strip().lower() not in lookup]
            if missing:
                raise QgsProcessingException(self.tr(
                    "The AHP weights table has no weight for {0}; its criteria are {1}. The names must match the "
                    "factor names.").format(", ".join(missing), ", ".join(ahp)))
            ahp_weights = [lookup[name.strip().lower()] for name in names]
            weights = combine_weights(ahp_weights, result.weights, combination,
                                      self.parameterAsDouble(parameters, self.ALPHA, context))
        feedback.pushInfo(self.tr("{0} samples; normalisation {1}; combination {2}").format(
            result.samples, normalisation, combination))
        rows = [{"criterion": name, "weight": float(weights[j]), "entropy": float(result.entropy[j]),
                 "divergence": float(result.divergence[j]), "entropy_weight": float(result.weights[j]),
                 "ahp_weight": None if ahp_weights is None else float(ahp_weights[j]),
                 "normalisation": normalisation, "combination": combination} for j, name in enumerate(names)]
        columns = [("criterion", QVariant.String), ("weight", QVariant.Double), ("entropy", QVariant.Double),
                   ("divergence", QVariant.Double), ("entropy_weight", QVariant.Double),
                   ("ahp_weight", QVariant.Double), ("normalisation", QVariant.String),
                   ("combination", QVariant.String)]
        return {self.OUTPUT: write_rows(self, parameters, self.OUTPUT, context, columns, rows)}
