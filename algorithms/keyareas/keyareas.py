"""``ecosecurity:keyareas`` — key areas for restoration from a current or score raster: natural-breaks
levels, top levels as polygons, their corridor, land use and the per-unit table (thin wrapper over
``core/keyareas/extraction.py`` and ``tables.py``)."""
import os

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.qml import write_qml
from ...core.keyareas.extraction import AREA_FIELDS, KeyAreaOptions, VectorInput, estimate_memory, extract_key_areas
from ...core.keyareas.tables import TABLE_FIELDS, parse_class_names, write_table_html
from ...core.tools.classify import MAX_CLASSES, MIN_CLASSES
from ..base import EcoAlgorithm
from ..features import fields_of, polygon_feature

AREA_TYPES = {"area_id": QVariant.Int, "level": QVariant.Int, "cells": QVariant.LongLong, "link_id": QVariant.LongLong,
              "link_cores": QVariant.String, "unit": QVariant.String, "main_lu": QVariant.String,
              "landuse": QVariant.String, "lu_all": QVariant.String}
TABLE_TYPES = {"unit": QVariant.String, "count": QVariant.Int, "main_landuse": QVariant.String}


class KeyAreas(EcoAlgorithm):
    """Current/score raster (± resistance) → graded levels → key-area polygons and per-unit table."""

    NAME = "keyareas"
    GROUP_ID = "keyareas"

    INPUT, RESISTANCE, COMBINE, LEVELS, KEEP_LEVELS = "INPUT", "RESISTANCE", "COMBINE", "LEVELS", "KEEP_LEVELS"
    MIN_AREA = "MIN_AREA"
    CORRIDORS, CORRIDOR_ID_FIELD = "CORRIDORS", "CORRIDOR_ID_FIELD"
    LAND_USE, CLASS_NAMES, UNITS, UNIT_NAME_FIELD = "LAND_USE", "CLASS_NAMES", "UNITS", "UNIT_NAME_FIELD"
    SAMPLE_SIZE, SEED = "SAMPLE_SIZE", "SEED"
    OUTPUT, OUTPUT_TABLE, OUTPUT_HTML, OUTPUT_LEVELS = "OUTPUT", "OUTPUT_TABLE", "OUTPUT_HTML", "OUTPUT_LEVELS"
    COUNT, AREA_KM2 = "COUNT", "AREA_KM2"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Key areas for restoration (pinch points, barriers)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Turns a current or score raster (pinch-point currents, barrier improvement scores, cumulative "
            "current...) into the key areas to protect or restore, and tabulates them by township or village, as "
            "in \"22 pinch-point areas, 2.80 km&sup2;\" with their land-use types.</p>"
            "<h3>Method</h3><ol>"
            "<li><b>Score</b> (<i>Combine with resistance</i>): 0 = the input raster itself; 1 = the input times "
            "the resistance, each first normalised to 0-1 by (x - min) / (max - min) over the cells where both are "
            "valid (high current on high resistance scores highest); 2 = the mean of the two normalised rasters. A "
            "constant raster normalises to 1.</li>"
            "<li><b>Levels</b>: natural breaks (Jenks) of the score into <i>Number of levels</i> classes, exactly as "
            "<i>Classify raster</i> computes them (same sample size and seed); level 1 = the highest values.</li>"
            "<li><b>Key areas</b>: the cells of the top <i>Levels to keep</i> levels, grouped into 8-connected "
            "regions, each one polygon (GDAL Polygonize, following the cell edges). Areas are the number of cells "
            "times the cell area.</li>"
            "<li><b>Corridor</b> (optional): the least-cost path (output of <i>Least-cost corridors</i>) nearest to "
            "each area, with its link id and distance.</li>"
            "<li><b>Land use</b> (optional): the share of each land-use class under each area; the main types are "
            "the classes with at least 10% of the cells (at most 3, always the largest).</li>"
            "<li><b>Units</b> (optional): each area is counted in the township or village holding most of its "
            "cells; the table gives per unit the number of areas, their area (hm&sup2;, km&sup2;, % of the total), "
            "the mean input value and the main land-use types, then the areas outside every unit and the "
            "total.</li></ol>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Input</b>: any current or score raster in a projected CRS in metres.</li>"
            "<li><b>Resistance</b>, <b>land use</b>: rasters on the same grid as the input (same extent, cell size "
            "and CRS).</li>"
            "<li><b>Land-use class names</b>: e.g. <code>1:林地,2:草地,3:耕地</code>; classes without a name are "
            "shown as \"class n\".</li></ul>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Key areas</b>: polygons with area_id, level, cells, area_m2, area_hm2, area_km2, mean_value, "
            "max_value, mean_score, x, y (centre), link_id, link_cores, link_dist, unit, main_lu, main_share, "
            "landuse (main types) and lu_all (every class).</li>"
            "<li><b>Table per unit</b> (CSV or any table format) and optional <b>HTML table</b>.</li>"
            "<li>Optional <b>levels raster</b> (1 = most important).</li>"
            "<li>Numbers <b>COUNT</b> (areas) and <b>AREA_KM2</b> (total area) for models.</li></ul>"
            "<p>References: the restoration-area step of ecological security pattern studies (e.g. Liuzhi "
            "special district): pinch points and barriers from Linkage Mapper overlaid with resistance, graded by "
            "natural breaks and tabulated by township.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Current or score raster")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.RESISTANCE, self.tr("Resistance surface (for combining)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.COMBINE, self.tr("Combine with resistance"),
            options=[self.tr("Input only"), self.tr("Product of normalised input and resistance"),
                     self.tr("Mean of normalised input and resistance")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVELS, self.tr("Number of levels (natural breaks)"), QgsProcessingParameterNumber.Integer, 4,
            minValue=MIN_CLASSES, maxValue=MAX_CLASSES))
        self.addParameter(QgsProcessingParameterNumber(
            self.KEEP_LEVELS, self.tr("Levels to keep (from the most important)"), QgsProcessingParameterNumber.Integer,
            1, minValue=1, maxValue=MAX_CLASSES - 1))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum area of a key area (hectares; 0 = keep all)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CORRIDORS, self.tr("Least-cost paths (to name the corridor of each area)"),
            [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CORRIDOR_ID_FIELD, self.tr("Corridor id field"), "link_id", self.CORRIDORS, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LAND_USE, self.tr("Land use"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CLASS_NAMES, self.tr("Land-use class names (e.g. 1:Forest,2:Grassland)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, self.tr("Units (townships, villages)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_NAME_FIELD, self.tr("Unit name field"), parentLayerParameterName=self.UNITS, optional=True))
        sample = QgsProcessingParameterNumber(
            self.SAMPLE_SIZE, self.tr("Sample size for natural breaks (0 = all cells)"),
            QgsProcessingParameterNumber.Integer, 10000, minValue=0)
        seed = QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed of the sample"), QgsProcessingParameterNumber.Integer, 0, minValue=0)
        for parameter in (sample, seed):
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Key areas"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Key areas per unit (table)"), QgsProcessing.TypeVector, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Key areas per unit (HTML)"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_LEVELS, self.tr("Levels raster"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of key areas")))
        self.addOutput(QgsProcessingOutputNumber(self.AREA_KM2, self.tr("Total area of the key areas (km²)")))

    def process(self, parameters, context, feedback):
        source, input_name = self.raster_source(parameters, self.INPUT, context)
        resistance = land_use = None
        resistance_name = land_use_name = None
        if parameters.get(self.RESISTANCE):
            resistance, resistance_name = self.raster_source(parameters, self.RESISTANCE, context)
        if parameters.get(self.LAND_USE):
            land_use, land_use_name = self.raster_source(parameters, self.LAND_USE, context)
        class_names = parse_class_names(self.parameterAsString(parameters, self.CLASS_NAMES, context))
        self.check_memory(estimate_memory(source, land_use is not None, bool(parameters.get(self.UNITS))),
                          self.tr("Key areas of '{0}'").format(input_name))
        options = KeyAreaOptions(
            levels=self.parameterAsInt(parameters, self.LEVELS, context),
            keep_levels=self.parameterAsInt(parameters, self.KEEP_LEVELS, context),
            min_area_ha=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            combine=self.parameterAsEnum(parameters, self.COMBINE, context),
            sample_size=self.parameterAsInt(parameters, self.SAMPLE_SIZE, context),
            seed=self.parameterAsInt(parameters, self.SEED, context))
        corridors = self._vector(parameters, self.CORRIDORS, self.CORRIDOR_ID_FIELD, context, feedback, "link_id")
        units = self._vector(parameters, self.UNITS, self.UNIT_NAME_FIELD, context, feedback, "")
        levels_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_LEVELS, context) or None
        result = extract_key_areas(source, options, resistance, land_use, class_names, corridors, units, levels_path,
                                   self.progress(feedback), input_name, resistance_name, land_use_name)
        feedback.pushInfo(self.tr("Breaks: {0}").format(", ".join(f"{b:.6g}" for b in result.breaks)))
        feedback.pushInfo(self.tr("{0} key areas, {1:.4f} km²").format(result.count, result.area_km2))
        crs = self.parameterAsRasterLayer(parameters, self.INPUT, context).crs()
        results = {self.COUNT: result.count, self.AREA_KM2: result.area_km2,
                   self.OUTPUT: self._write_areas(parameters, context, result, crs)}
        self.style_output(results[self.OUTPUT], "keyareas.qml", context,
                          categories=range(1, self.parameterAsInt(parameters, self.KEEP_LEVELS, context) + 1))
        table = self._write_table(parameters, context, result)
        if table is not None:
            results[self.OUTPUT_TABLE] = table
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            results[self.OUTPUT_HTML] = write_table_html(
                html_path, result.table, self.tr("Key areas of '{0}'").format(input_name))
        if levels_path:
            results[self.OUTPUT_LEVELS] = levels_path
            qml = write_qml(os.path.splitext(levels_path)[0] + ".qml", result.levels_qml)
            self.style_output(levels_path, qml, context)
        return results

    def _vector(self, parameters, name, field_name, context, feedback, default_field):
        if not parameters.get(name):
            return None
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.tr("Parameter {0}: the layer could not be loaded.").format(name))
        path, layer_name = self.parameterAsCompatibleSourceLayerPathAndLayerName(
            parameters, name, context, ["gpkg", "shp"], "gpkg", feedback)
        field = self.parameterAsString(parameters, field_name, context) or default_field
        return VectorInput(path, layer_name or "", field, source.sourceName())

    def _write_areas(self, parameters, context, result, crs):
        fields = fields_of(AREA_FIELDS, AREA_TYPES)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot create the output {0}.").format(self.OUTPUT))
        for record, wkb in result.areas:
            sink.addFeature(polygon_feature(fields, wkb, record), QgsFeatureSink.FastInsert)
        return dest_id

    def _write_table(self, parameters, context, result):
        fields = fields_of(TABLE_FIELDS, TABLE_TYPES)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            return None
        for row in result.table:
            feature = QgsFeature(fields)
            feature.setAttributes([row[name] for name in TABLE_FIELDS])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
