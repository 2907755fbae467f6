"""``ecosecurity:ecosystemservices`` — InVEST carbon storage and habitat quality on a land-use map, with a
summary table (thin wrapper over ``core/landuse/ecosystem_services.py``)."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.qml import pseudocolor_qml, write_qml
from ...core.keyareas.tables import parse_class_names
from ...core.landuse.ecosystem_services import (
    SUMMARY_FIELDS,
    ServiceOutputs,
    ecosystem_services,
    estimate_services_memory,
)
from ..base import EcoAlgorithm
from ..resistance.factor_inputs import write_rows

SUMMARY_TYPES = {"lucode": QVariant.Int, "name": QVariant.String, "cells": QVariant.LongLong}


class EcosystemServices(EcoAlgorithm):
    """Carbon storage (four pools) and habitat quality (threats, sensitivity, half-saturation) after InVEST."""

    NAME = "ecosystemservices"
    GROUP_ID = "landuse"

    LAND_USE, CARBON_TABLE, THREATS, THREAT_RASTERS = "LAND_USE", "CARBON_TABLE", "THREATS", "THREAT_RASTERS"
    THREAT_FOLDER, SENSITIVITY, HALF_SATURATION, ACCESS = "THREAT_FOLDER", "SENSITIVITY", "HALF_SATURATION", "ACCESS"
    NORMALISE_KERNEL, CLASS_NAMES = "NORMALISE_KERNEL", "CLASS_NAMES"
    OUTPUT_CARBON, OUTPUT_QUALITY, OUTPUT_DEGRADATION = "OUTPUT_CARBON", "OUTPUT_QUALITY", "OUTPUT_DEGRADATION"
    OUTPUT_SUMMARY, TOTAL_CARBON, MEAN_QUALITY = "OUTPUT_SUMMARY", "TOTAL_CARBON", "MEAN_QUALITY"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Ecosystem services: carbon storage and habitat quality (InVEST)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>The two ecosystem services every land-use scenario study starts from, computed with the formulas of "
            "the InVEST user guide (Natural Capital Project): <b>carbon storage</b> and <b>habitat quality</b>. "
            "Either may be skipped by leaving its tables empty; at least one is needed. Other services enter the "
            "cluster analysis as your own rasters.</p>"
            "<h3>Carbon storage</h3><p>Per cell: (C_above + C_below + C_soil + C_dead) &times; cell area in ha, in "
            "Mg C. <b>Carbon table</b> (CSV, InVEST's columns): <code>lucode, name, c_above, c_below, c_soil, "
            "c_dead</code> (Mg C/ha, &ge; 0; name optional). Every class of the land use must have a row.</p>"
            "<h3>Habitat quality</h3><p>Degradation D<sub>xj</sub> = &Sigma;<sub>r</sub> &Sigma;<sub>y</sub> "
            "(w<sub>r</sub>/&Sigma;w) r<sub>y</sub> i<sub>rxy</sub> &beta;<sub>x</sub> S<sub>jr</sub>, with the "
            "distance decay i = 1 &minus; d/d<sub>max</sub> (linear) or exp(&minus;2.99 d/d<sub>max</sub>) "
            "(exponential), 0 beyond d<sub>max</sub>; quality Q = H<sub>j</sub> (1 &minus; D<sup>z</sup> / "
            "(D<sup>z</sup> + k<sup>z</sup>)), z = 2.5. The decay is a convolution of each threat raster with its "
            "kernel, computed in strips with bounded memory.</p><ul>"
            "<li><b>Threats table</b> (CSV): <code>threat, max_dist</code> (km), <code>weight</code> (&ge; 0), "
            "<code>decay</code> (linear / exponential), optional <code>cur_path</code> (threat raster, relative to "
            "the table) and <code>lucodes</code> (land-use classes that are the threat, e.g. <code>5</code> for "
            "urban land; an EcoSecurity extension).</li>"
            "<li><b>Threat rasters</b>: values 0&ndash;1 (intensity; NoData = 0) on the land-use grid, found by the "
            "table's cur_path, else among the threat rasters by layer or file name = threat name, else as "
            "<code>&lt;threat&gt;.tif</code> in the threat folder.</li>"
            "<li><b>Sensitivity table</b> (CSV): <code>lulc, name, habitat</code> (H, 0&ndash;1) and one column per "
            "threat, named like the threat (or L_&lt;threat&gt;), with the sensitivity S (0&ndash;1).</li>"
            "<li><b>Half-saturation constant</b> k (default 0.5; InVEST advises half of the largest degradation of "
            "a first run). <b>Accessibility</b> (optional raster, 0&ndash;1; legal protection lowers it; NoData = "
            "1).</li>"
            "<li><b>Normalise the decay kernel</b> (default yes): divide the kernel by its sum, as InVEST's "
            "convolution does, so that D stays within 0&ndash;1; no = the user guide's plain sum.</li></ul>"
            "<h3>Outputs</h3><p>Carbon (Mg per cell), habitat quality (0&ndash;1) and degradation rasters, styled; "
            "the summary table with, per land-use class and in total: cells, area (ha), carbon density (Mg/ha), "
            "carbon (Mg, %), habitat suitability, mean quality and mean degradation; the numbers TOTAL_CARBON (Mg) "
            "and MEAN_QUALITY.</p>"
            "<p>All rasters must share the land-use grid (the error names the layer that does not) and be in a "
            "projected CRS in metres. Example tables for the nine demo classes: <code>templates/gujiao_carbon.csv"
            "</code>, <code>gujiao_threats.csv</code>, <code>gujiao_sensitivity.csv</code> (illustrative values).</p>"
            "<p>Reference: Sharp R. et al., InVEST User's Guide, chapters Carbon Storage and Sequestration and "
            "Habitat Quality (Natural Capital Project). The formulas are reproduced exactly and checked against "
            "hand-computed values; no InVEST run is bundled. InVEST releases differ in the decay kernel "
            "(normalised, exponential form, nearest-threat distance in the newest ones), which rescales D: choose k "
            "for this tool's degradation.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.LAND_USE, self.tr("Land use")))
        self.addParameter(QgsProcessingParameterFile(
            self.CARBON_TABLE, self.tr("Carbon table (lucode, c_above, c_below, c_soil, c_dead in Mg C/ha)"),
            extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.THREATS, self.tr("Threats table (threat, max_dist in km, weight, decay, cur_path)"),
            extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.THREAT_RASTERS, self.tr("Threat rasters (named like the threats; values 0-1)"),
            QgsProcessing.TypeRaster, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.THREAT_FOLDER, self.tr("Folder of threat rasters (<threat>.tif)"),
            behavior=QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.SENSITIVITY, self.tr("Sensitivity table (lulc, habitat, one column per threat)"),
            extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.HALF_SATURATION, self.tr("Half-saturation constant k"), QgsProcessingParameterNumber.Double, 0.5,
            minValue=1e-9))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.ACCESS, self.tr("Accessibility to threats (0-1, optional)"), optional=True))
        normalise = QgsProcessingParameterBoolean(
            self.NORMALISE_KERNEL, self.tr("Normalise the decay kernel to a sum of 1 (as InVEST's convolution)"),
            True)
        normalise.setFlags(normalise.flags() | normalise.FlagAdvanced)
        self.addParameter(normalise)
        self.addParameter(QgsProcessingParameterString(
            self.CLASS_NAMES, self.tr("Land-use class names (e.g. 1:Forest,2:Grassland)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CARBON, self.tr("Carbon storage (Mg C per cell)"), optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_QUALITY, self.tr("Habitat quality"), optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_DEGRADATION, self.tr("Habitat degradation"), optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Ecosystem-service summary per land-use class"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_CARBON, self.tr("Total carbon storage (Mg C)")))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_QUALITY, self.tr("Mean habitat quality")))

    def process(self, parameters, context, feedback):
        land_use, land_use_name = self.raster_source(parameters, self.LAND_USE, context)
        carbon_table = self.parameterAsFile(parameters, self.CARBON_TABLE, context) or None
        threats_table = self.parameterAsFile(parameters, self.THREATS, context) or None
        sensitivity = self.parameterAsFile(parameters, self.SENSITIVITY, context) or None
        self.check_memory(estimate_services_memory(land_use, threats_table, land_use_name),
                          self.tr("Ecosystem services on '{0}'").format(land_use_name))
        threat_rasters = [(layer.name(), layer.source()) for layer in
                          self.parameterAsLayerList(parameters, self.THREAT_RASTERS, context)]
        access = None
        if parameters.get(self.ACCESS):
            access, _name = self.raster_source(parameters, self.ACCESS, context)
        outputs = ServiceOutputs(
            carbon=self.parameterAsOutputLayer(parameters, self.OUTPUT_CARBON, context) or None
            if carbon_table else None,
            quality=self.parameterAsOutputLayer(parameters, self.OUTPUT_QUALITY, context) or None
            if threats_table else None,
            degradation=self.parameterAsOutputLayer(parameters, self.OUTPUT_DEGRADATION, context) or None
            if threats_table else None)
        result = ecosystem_services(
            land_use, outputs, carbon_table, threats_table, sensitivity, threat_rasters,
            self.parameterAsFile(parameters, self.THREAT_FOLDER, context) or None, access,
            self.parameterAsDouble(parameters, self.HALF_SATURATION, context),
            self.parameterAsBool(parameters, self.NORMALISE_KERNEL, context),
            parse_class_names(self.parameterAsString(parameters, self.CLASS_NAMES, context)), land_use_name,
            progress=self.progress(feedback))
        results = {}
        if result.carbon is not None:
            results[self.TOTAL_CARBON] = result.total_carbon
            feedback.pushInfo(self.tr("Total carbon storage: {0:.6g} Mg C").format(result.total_carbon))
        if result.quality is not None:
            results[self.MEAN_QUALITY] = result.mean_quality
            feedback.pushInfo(self.tr("Mean habitat quality: {0:.4f}; largest degradation: {1:.4g}").format(
                result.mean_quality, result.quality.degradation_max))
        if outputs.carbon:
            results[self.OUTPUT_CARBON] = outputs.carbon
            self._style(outputs.carbon, context, result.carbon.minimum, result.carbon.maximum,
                        self.tr("{0:.4g} Mg C low carbon"), self.tr("{0:.4g} Mg C high carbon"), True)
        if outputs.quality:
            results[self.OUTPUT_QUALITY] = outputs.quality
            self.style_output(outputs.quality, "habitat_quality.qml", context)
        if outputs.degradation:
            results[self.OUTPUT_DEGRADATION] = outputs.degradation
            self._style(outputs.degradation, context, 0.0, result.quality.degradation_max,
                        self.tr("{0:.4g} low degradation"), self.tr("{0:.4g} high degradation"), False)
        columns = [(name, SUMMARY_TYPES.get(name, QVariant.Double)) for name in SUMMARY_FIELDS]
        results[self.OUTPUT_SUMMARY] = write_rows(self, parameters, self.OUTPUT_SUMMARY, context, columns,
                                                  result.summary)
        return results

    def _style(self, path, context, low, high, low_label, high_label, reverse):
        qml = write_qml(os.path.splitext(path)[0] + ".qml", pseudocolor_qml(
            low, high, low_label.format(low), high_label.format(high), reverse=reverse))
        self.style_output(path, qml, context)
