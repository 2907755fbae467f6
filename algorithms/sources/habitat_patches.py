"""``ecosecurity:habitatpatches`` — habitat patches (candidate ecological sources) from a class raster
(thin wrapper over ``core/sources/patches.py``)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.crs import check_projected
from ...core.io.raster import read_grid, write_raster
from ...core.runtime.errors import EcoSecurityError
from ...core.sources.patches import estimate_patches_memory, patch_polygons, patches_from_raster
from ...core.tools.classify import parse_numbers
from ..base import EcoAlgorithm


class HabitatPatches(EcoAlgorithm):
    """Class raster → patches above an area threshold, plus protected areas, as polygons and ids."""

    NAME = "habitatpatches"
    GROUP_ID = "sources"

    INPUT, CLASSES, CONNECTIVITY, MIN_AREA, PROTECTED = "INPUT", "CLASSES", "CONNECTIVITY", "MIN_AREA", "PROTECTED"
    OUTPUT, OUTPUT_RASTER = "OUTPUT", "OUTPUT_RASTER"
    PATCH_COUNT, TOTAL_AREA_KM2 = "PATCH_COUNT", "TOTAL_AREA_KM2"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Habitat patches (candidate ecological sources)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Turns a class raster (an MSPA result or any land-cover or habitat raster) into habitat patches: the "
            "usual first step of picking ecological sources (\"MSPA core areas larger than 1 km&sup2;, plus nature "
            "reserves and the ecological red line\"). The patches then go to <i>Connectivity importance (dPC, "
            "dIIC, EC; Conefor)</i>.</p>"
            "<h3>Method</h3><ol>"
            "<li>Habitat cells are the cells whose value is one of <i>Habitat classes</i> (default 17,117: MSPA "
            "Core and Core inside perforations). NoData cells are never habitat.</li>"
            "<li>Neighbouring habitat cells form a patch (8 neighbours, or 4 = edges only).</li>"
            "<li>A patch is kept when its area is at least <i>Minimum patch area</i> (hectares; 0 keeps all) or it "
            "overlaps a protected area.</li>"
            "<li>Protected areas (optional polygons, e.g. ecological red line, nature reserves) are added as sources "
            "whatever their class or area (cells whose centre lies inside, within the raster's valid area); a "
            "reserve touching a patch merges with it.</li></ol>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Patches</b>: polygons with <code>patch_id</code>, <code>area_ha</code>, <code>perimeter_m</code> "
            "(outline of the cells, holes included) and <code>source</code> (why it is a source: <i>area</i>, "
            "<i>protected</i> or <i>area+protected</i>). Patches joined only diagonally are one multipolygon.</li>"
            "<li><b>Patch raster</b> (optional): the patch id of each cell, 0 elsewhere.</li>"
            "<li>The number of patches and their total area (km&sup2;), also written to the log.</li></ul>"
            "<p>The raster must be in a projected CRS in metres (areas in hectares). The polygons are exactly the "
            "cell outlines, so edge-to-edge distances between them equal those between the raster patches.</p>"
            "<p>Reference: the MSPA classes of GuidosToolbox (Vogt &amp; Riitters 2017, European Journal of Remote "
            "Sensing 50:352-361) and the source-selection step of ecological security pattern studies "
            "(\"MSPA + landscape connectivity\").</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Class raster (e.g. MSPA result)")))
        self.addParameter(QgsProcessingParameterString(
            self.CLASSES, self.tr("Habitat classes (comma separated values)"), defaultValue="17,117"))
        self.addParameter(QgsProcessingParameterEnum(
            self.CONNECTIVITY, self.tr("Cell connectivity"),
            options=[self.tr("8 neighbours"), self.tr("4 neighbours")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum patch area (hectares)"), QgsProcessingParameterNumber.Double, 0.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PROTECTED, self.tr("Protected areas always kept as sources (red line, reserves)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Patches"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_RASTER, self.tr("Patch raster (patch ids)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.PATCH_COUNT, self.tr("Number of patches")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_AREA_KM2, self.tr("Total patch area (km²)")))

    def process(self, parameters, context, feedback):
        source, layer_name = self.raster_source(parameters, self.INPUT, context)
        crs = self.parameterAsRasterLayer(parameters, self.INPUT, context).crs()
        try:
            grid = read_grid(source)
            check_projected(grid.crs_wkt, layer_name, "patch areas (hectares) and perimeters", metres=True)
            classes = parse_numbers(self.parameterAsString(parameters, self.CLASSES, context),
                                    self.tr("Habitat classes"))
        except EcoSecurityError as error:
            raise QgsProcessingException(str(error)) from None
        self.check_memory(estimate_patches_memory(grid.rows, grid.cols),
                          self.tr("Habitat patches of '{0}'").format(layer_name))
        protected = None
        if self.parameterAsSource(parameters, self.PROTECTED, context) is not None:
            protected = self.parameterAsCompatibleSourceLayerPathAndLayerName(
                parameters, self.PROTECTED, context, ["gpkg", "shp"], "gpkg", feedback)
        progress = self.progress(feedback)
        patches, grid = patches_from_raster(
            source, classes, 8 if self.parameterAsEnum(parameters, self.CONNECTIVITY, context) == 0 else 4,
            self.parameterAsDouble(parameters, self.MIN_AREA, context), protected, progress.sub(0.0, 0.5),
            layer_name)
        outlines = patch_polygons(patches.labels, grid.geotransform, progress.sub(0.5, 0.9))
        results = {self.OUTPUT: self._write_patches(parameters, context, patches, outlines, crs)}
        self.style_output(results[self.OUTPUT], "habitat_patches.qml", context)
        raster_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_RASTER, context)
        if raster_path:
            results[self.OUTPUT_RASTER] = write_raster(raster_path, patches.labels, grid, nodata=0)
        results[self.PATCH_COUNT] = patches.count
        results[self.TOTAL_AREA_KM2] = patches.total_area_km2
        feedback.pushInfo(self.tr("{0} patches, {1:.2f} km²").format(patches.count, results[self.TOTAL_AREA_KM2]))
        return results

    def _write_patches(self, parameters, context, patches, outlines, crs):
        fields = QgsFields()
        for name, kind in (("patch_id", QVariant.Int), ("area_ha", QVariant.Double),
                           ("perimeter_m", QVariant.Double), ("source", QVariant.String)):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot create the output {0}.").format(self.OUTPUT))
        for index in range(patches.count):
            feature = QgsFeature(fields)
            geometry = QgsGeometry()
            geometry.fromWkb(outlines[index + 1])
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([index + 1, float(patches.area_ha[index]), float(patches.perimeter[index]),
                                   patches.source[index]])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
