"""``ecosecurity:classifyraster`` — graded classification of a raster (thin wrapper)."""
import os

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.qml import graded_classes_qml, write_qml
from ...core.runtime.errors import EcoSecurityError
from ...core.tools.classify import MAX_CLASSES, MIN_CLASSES, parse_numbers
from ...core.tools.classify_raster import classify_raster, estimate_memory
from ..base import EcoAlgorithm


class ClassifyRaster(EcoAlgorithm):
    """Natural breaks (Jenks), quantile, equal interval, geometric, standard deviation or manual."""

    NAME = "classifyraster"
    GROUP_ID = "tools"

    INPUT, BAND, METHOD, CLASSES = "INPUT", "BAND", "METHOD", "CLASSES"
    BREAKS, SCORES, REVERSE = "BREAKS", "SCORES", "REVERSE"
    SAMPLE_SIZE, SEED = "SAMPLE_SIZE", "SEED"
    OUTPUT, OUTPUT_TABLE = "OUTPUT", "OUTPUT_TABLE"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Classify raster (natural breaks, quantile, ...)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Grades the values of a raster band into classes and writes a score per class. "
            "Used for factor grading (e.g. slope into 1-5), current-density levels and importance levels.</p>"
            "<h3>Methods</h3><ul>"
            "<li><b>Natural breaks (Jenks)</b>: the exact Fisher-Jenks optimum (minimum within-class sum of "
            "squared deviations; Fisher 1958, Jenks 1977). On rasters with more valid cells than "
            "<i>Sample size</i>, the breaks are computed on a seeded random sample of that size (as ArcGIS "
            "does with 10 000 values); the minimum and maximum are always in the sample. Set the sample size "
            "to 0 to use every cell.</li>"
            "<li><b>Quantile</b>: equal numbers of cells per class (duplicate breaks are merged).</li>"
            "<li><b>Equal interval</b>: classes of equal width between the minimum and the maximum.</li>"
            "<li><b>Geometric interval</b>: breaks in geometric progression (values shifted to start at 1 "
            "when the minimum is 0 or negative).</li>"
            "<li><b>Standard deviation</b>: classes one standard deviation wide, centred on the mean.</li>"
            "<li><b>Manual breaks</b>: your ascending thresholds in <i>Manual breaks</i>, e.g. "
            "<code>5,15,25</code> gives 4 classes (&le;5, 5-15, 15-25, &gt;25); <i>Number of classes</i> "
            "is then ignored.</li></ul>"
            "<h3>Classes and scores</h3><p>Class i holds the values greater than break i-1 and up to break i; "
            "the first class includes the minimum. <i>Scores</i> gives one value per class (e.g. "
            "<code>1,2,3,4,5</code> or <code>10,30,50,70,100</code>); without it the class number 1..n is "
            "written. <i>Reverse</i> gives the highest score to the lowest class (e.g. distance to roads "
            "as resistance). NoData stays NoData.</p>"
            "<h3>Outputs</h3><p>A raster of scores (Int16, or Float32 for non-integer scores) and an optional "
            "table with the breaks, the score, the cell count and the area (map units squared) per class.</p>"
            "<h3>Large rasters</h3><p>The raster is read in strips of rows, a few times (the breaks first, then "
            "the classes), so memory does not grow with its size and the classes are exactly those of reading it "
            "whole. Exceptions: <i>Standard deviation</i> holds the values up to 2^25 of them (at most 512 MB, for "
            "numpy's exact mean and deviation; beyond, they are merged strip by strip, equal to about 1e-15) and "
            "natural breaks with <i>Sample size</i> 0 hold every distinct value.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Input raster")))
        # Optional so that the default applies when BAND is omitted (QGIS 3.22 rejects a missing band).
        self.addParameter(QgsProcessingParameterBand(self.BAND, self.tr("Band"), 1, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Classification method"),
            options=[self.tr("Natural breaks (Jenks)"), self.tr("Quantile"), self.tr("Equal interval"),
                     self.tr("Geometric interval"), self.tr("Standard deviation"), self.tr("Manual breaks")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.CLASSES, self.tr("Number of classes"), QgsProcessingParameterNumber.Integer, 5,
            minValue=MIN_CLASSES, maxValue=MAX_CLASSES))
        self.addParameter(QgsProcessingParameterString(
            self.BREAKS, self.tr("Manual breaks (ascending, comma separated)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCORES, self.tr("Scores, one per class (comma separated; default 1..n)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.REVERSE, self.tr("Reverse scores (highest score for the lowest class)"), False))
        sample = QgsProcessingParameterNumber(
            self.SAMPLE_SIZE, self.tr("Sample size for natural breaks (0 = all cells)"),
            QgsProcessingParameterNumber.Integer, 10000, minValue=0)
        seed = QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed of the sample"), QgsProcessingParameterNumber.Integer, 0, minValue=0)
        for parameter in (sample, seed):
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Classified raster")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Class table"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False))

    def process(self, parameters, context, feedback):
        source, layer_name = self.raster_source(parameters, self.INPUT, context)
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        try:
            thresholds = parse_numbers(self.parameterAsString(parameters, self.BREAKS, context),
                                       self.tr("Manual breaks"))
            scores = parse_numbers(self.parameterAsString(parameters, self.SCORES, context), self.tr("Scores"))
        except EcoSecurityError as error:
            raise QgsProcessingException(str(error)) from None
        if method == 5 and not thresholds:
            raise QgsProcessingException(self.tr(
                "Manual breaks: the method is 'Manual breaks' but no break values were given "
                "(parameter BREAKS), e.g. 5,15,25."))
        classes = self.parameterAsInt(parameters, self.CLASSES, context)
        sample_size = self.parameterAsInt(parameters, self.SAMPLE_SIZE, context)
        self.check_memory(estimate_memory(source, method, sample_size, classes),
                          self.tr("Classifying '{0}'").format(layer_name))
        output = self.output_path(parameters, self.OUTPUT, context)
        breaks, rows = classify_raster(
            source, output, band=self.parameterAsInt(parameters, self.BAND, context) or 1, method=method,
            classes=classes, thresholds=thresholds,
            scores=scores or None, reverse=self.parameterAsBool(parameters, self.REVERSE, context),
            sample_size=sample_size,
            seed=self.parameterAsInt(parameters, self.SEED, context), progress=self.progress(feedback))
        feedback.pushInfo(self.tr("Breaks: {0}").format(", ".join(f"{b:.6g}" for b in breaks)))
        qml = write_qml(os.path.splitext(output)[0] + ".qml", graded_classes_qml(rows))
        self.style_output(output, qml, context)
        results = {self.OUTPUT: output}
        table_id = self._write_table(parameters, context, rows)
        if table_id is not None:
            results[self.OUTPUT_TABLE] = table_id
        return results

    def _write_table(self, parameters, context, rows):
        fields = QgsFields()
        for name, kind in (("class", QVariant.Int), ("lower", QVariant.Double), ("upper", QVariant.Double),
                           ("score", QVariant.Double), ("count", QVariant.LongLong), ("area", QVariant.Double)):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            return None
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(list(row))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
