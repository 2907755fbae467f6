"""``ecosecurity:ahpweights`` — AHP weights and consistency from pairwise comparisons (thin wrapper)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.resistance.ahp import RI_TABLES, ahp_weights, describe_inconsistency
from ...core.resistance.pairwise_input import assemble_matrix, parse_matrix_text, read_matrix_csv, split_experts
from ...core.tools.classify import parse_numbers
from ..base import EcoAlgorithm


def split_names(text):
    """Criteria names from ``'land use, slope; road'`` (also full-width commas)."""
    for separator in ("，", "；", ";"):
        text = text.replace(separator, ",")
    return [name.strip() for name in text.split(",") if name.strip()]


class AhpWeights(EcoAlgorithm):
    """Principal-eigenvector weights, λmax, CI, RI and CR of one or several experts' matrices."""

    NAME = "ahpweights"
    GROUP_ID = "resistance"

    CRITERIA, MATRIX, MATRIX_FILE = "CRITERIA", "MATRIX", "MATRIX_FILE"
    EXPERT_WEIGHTS, RI_TABLE, ALLOW_INCONSISTENT = "EXPERT_WEIGHTS", "RI_TABLE", "ALLOW_INCONSISTENT"
    OUTPUT = "OUTPUT"
    LAMBDA_MAX, CI, RI, CR = "LAMBDA_MAX", "CI", "RI", "CR"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("AHP weights (analytic hierarchy process)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Computes factor weights from a pairwise comparison matrix with Saaty's analytic hierarchy "
            "process, and checks its consistency.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Criteria</b>: the factor names, comma separated, in the order of the matrix rows "
            "(e.g. <code>land use, slope, road</code>). Optional when the CSV file names them.</li>"
            "<li><b>Pairwise comparison matrix</b>: a<sub>ij</sub> = importance of criterion i over j on Saaty's "
            "1-9 scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; reciprocals 1/3 … 1/9 for the "
            "reverse). Rows separated by <code>;</code>, values by <code>,</code>, fractions allowed: "
            "<code>1,3,5;1/3,1,3;1/5,1/3,1</code>. The upper triangle is enough: <code>3,5;3</code> (without "
            "the diagonal) or <code>1,3,5;1,3;1</code> (with it; then give the criteria names). A judgment given "
            "on both sides must be reciprocal (0.33 for 1/3 is accepted). Several experts: separate their "
            "matrices with <code>|</code>.</li>"
            "<li><b>Matrix CSV file</b>: instead of typing, a CSV file with the matrix, optionally with the names "
            "in the first row and/or column; several experts' matrices separated by a blank line.</li>"
            "<li><b>Expert weights</b>: for a group, one weight per expert (default equal).</li>"
            "<li><b>Random index table</b>: Saaty (1980) or the table common in Chinese studies (Xu Shubai 1988).</li>"
            "<li><b>Allow inconsistent matrix</b>: by default CR &gt; 0.1 is an error that names the most "
            "inconsistent comparisons and the values the other judgments imply.</li></ul>"
            "<h3>Method</h3><p>Weights = principal eigenvector of the matrix, scaled to sum 1; "
            "CI = (&lambda;max − n)/(n − 1); CR = CI/RI(n). A group's matrix is the element-wise (weighted) "
            "geometric mean of the experts' matrices (aggregation of individual judgments; Aczél &amp; Saaty 1983), "
            "whose consistency is checked; each expert's CR is reported in the log.</p>"
            "<h3>Outputs</h3><p>A table <code>criterion, weight</code> (give it to the resistance surface or "
            "suitability tools as the weights table) and the numbers &lambda;max, CI, RI and CR.</p>"
            "<h3>Accuracy</h3><p>Reproduces Saaty's published examples to their printed digits: the house example "
            "(Saaty 1990, EJOR 48:9-26: &lambda;max 9.669, CR 0.169), the drinks example (Saaty 2008, Int. J. "
            "Services Sciences 1:83-98: CR 0.022) and the wealth of nations (Saaty 1980).</p>"
            "<p>Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterString(
            self.CRITERIA, self.tr("Criteria (names, comma separated)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MATRIX, self.tr("Pairwise comparison matrix (rows separated by ;, experts by |)"), optional=True,
            multiLine=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MATRIX_FILE, self.tr("Matrix CSV file"), extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.EXPERT_WEIGHTS, self.tr("Expert weights (comma separated; default equal)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.RI_TABLE, self.tr("Random index table"),
            options=[self.tr("Saaty (1980)"), self.tr("Xu Shubai (1988), common in Chinese studies")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALLOW_INCONSISTENT, self.tr("Allow inconsistent matrix (CR > 0.1)"), False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("AHP weights"), QgsProcessing.TypeVector))
        for name, description in ((self.LAMBDA_MAX, self.tr("Largest eigenvalue λmax")),
                                  (self.CI, self.tr("Consistency index CI")),
                                  (self.RI, self.tr("Random index RI")),
                                  (self.CR, self.tr("Consistency ratio CR"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def process(self, parameters, context, feedback):
        names = split_names(self.parameterAsString(parameters, self.CRITERIA, context)) or None
        text = self.parameterAsString(parameters, self.MATRIX, context).strip()
        path = self.parameterAsFile(parameters, self.MATRIX_FILE, context)
        if text and path:
            raise QgsProcessingException(self.tr(
                "Give the matrix either typed (MATRIX) or as a CSV file (MATRIX_FILE), not both."))
        if not text and not path:
            raise QgsProcessingException(self.tr(
                "Give the pairwise comparison matrix, typed (e.g. 1,3,5;1/3,1,3;1/5,1/3,1) or as a CSV file."))
        if path:
            file_names, experts = read_matrix_csv(path)
            names = names or file_names
        else:
            experts = [parse_matrix_text(part) for part in split_experts(text)]
        matrices = [assemble_matrix(rows, names, self.tr("Matrix {0}").format(k + 1) if len(experts) > 1
                                    else self.tr("The matrix")) for k, rows in enumerate(experts)]
        expert_weights = parse_numbers(self.parameterAsString(parameters, self.EXPERT_WEIGHTS, context),
                                       self.tr("Expert weights")) or None
        result = ahp_weights(matrices, names, expert_weights,
                             RI_TABLES[self.parameterAsEnum(parameters, self.RI_TABLE, context)],
                             self.parameterAsBool(parameters, self.ALLOW_INCONSISTENT, context))
        for k, cr in enumerate(result.expert_crs):
            feedback.pushInfo(self.tr("Expert {0}: CR = {1:.4f}").format(k + 1, cr))
        feedback.pushInfo(self.tr("λmax = {0:.4f}, CI = {1:.4f}, RI = {2:.2f}, CR = {3:.4f}").format(
            result.lambda_max, result.ci, result.ri, result.cr))
        if not result.consistent:
            feedback.pushWarning(self.tr("The matrix is inconsistent (CR > 0.1); accepted as asked. Most "
                                         "inconsistent comparisons: {0}").format(
                describe_inconsistency(result.inconsistent)))
        fields = QgsFields()
        fields.append(QgsField("criterion", QVariant.String))
        fields.append(QgsField("weight", QVariant.Double))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry)
        for name, weight in zip(result.names, result.weights):
            feature = QgsFeature(fields)
            feature.setAttributes([name, float(weight)])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return {self.OUTPUT: dest_id, self.LAMBDA_MAX: result.lambda_max, self.CI: result.ci, self.RI: result.ri,
                self.CR: result.cr}
