"""The core areas of the corridor and key-area steps, defined and read in one place.

``corridors``, ``pinchpoints`` and ``barriers`` take the cores the same way: polygons with an id
field, or a raster of core ids, on the grid of a resistance surface.
"""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterField,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.corridors.linkage.run import CoreSource

CORES, CORE_ID_FIELD, RESISTANCE = "CORES", "CORE_ID_FIELD", "RESISTANCE"


def add_core_parameters(algorithm):
    """CORES, CORE_ID_FIELD and RESISTANCE, in this order."""
    algorithm.addParameter(QgsProcessingParameterMapLayer(
        CORES, QCoreApplication.translate("CoreInputs", "Core areas (polygons or a raster of core ids)"),
        types=[QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeRaster]))
    algorithm.addParameter(QgsProcessingParameterField(
        CORE_ID_FIELD, QCoreApplication.translate("CoreInputs", "Core id field (polygon cores)"),
        parentLayerParameterName=CORES, type=QgsProcessingParameterField.Numeric, optional=True))
    algorithm.addParameter(QgsProcessingParameterRasterLayer(
        RESISTANCE, QCoreApplication.translate("CoreInputs", "Resistance surface")))


def core_source(algorithm, parameters, context, feedback):
    """The :class:`CoreSource` of parameter CORES (a GeoTIFF of ids, or polygons with CORE_ID_FIELD)."""
    layer = algorithm.parameterAsLayer(parameters, CORES, context)
    if layer is None:
        raise QgsProcessingException(QCoreApplication.translate(
            "CoreInputs", "Core areas: the layer could not be loaded."))
    if isinstance(layer, QgsRasterLayer):
        if layer.providerType() != "gdal":
            raise QgsProcessingException(QCoreApplication.translate(
                "CoreInputs", "Core areas: '{0}' is not a file-based raster; save it as GeoTIFF first.").format(
                    layer.name()))
        return CoreSource(layer.source(), name=layer.name())
    id_field = algorithm.parameterAsString(parameters, CORE_ID_FIELD, context)
    if not id_field:
        raise QgsProcessingException(QCoreApplication.translate(
            "CoreInputs", "Core areas: choose the core id field (CORE_ID_FIELD) of the polygon layer '{0}'.").format(
                layer.name()))
    path, layer_name = algorithm.parameterAsCompatibleSourceLayerPathAndLayerName(
        parameters, CORES, context, ["gpkg", "shp"], "gpkg", feedback)
    return CoreSource(path, layer_name or "", id_field, layer.name())
