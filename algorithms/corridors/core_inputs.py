"""The core areas and link table of the corridor and key-area steps, defined and read in one place.

``corridors``, ``pinchpoints`` and ``barriers`` take the cores the same way: polygons with an id
field, or a raster of core ids, on the grid of a resistance surface; ``pinchpoints`` and
``barriers`` read the link table that ``corridors`` writes.
"""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.corridors.linkage.run import CoreSource
from ..features import plain

CORES, CORE_ID_FIELD, RESISTANCE, LINKS = "CORES", "CORE_ID_FIELD", "RESISTANCE", "LINKS"


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


def add_links_parameter(algorithm):
    """LINKS: the link table (or least-cost path layer) of ``ecosecurity:corridors``."""
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        LINKS, QCoreApplication.translate("CoreInputs", "Link table (from Least-cost corridors)"),
        [QgsProcessing.TypeVector]))


def link_table(algorithm, parameters, context):
    """(feature source, rows as {field: value}) of parameter LINKS."""
    links = algorithm.parameterAsSource(parameters, LINKS, context)
    if links is None:
        raise QgsProcessingException(QCoreApplication.translate(
            "CoreInputs", "Link table: the layer could not be loaded."))
    names = links.fields().names()
    return links, [{name: plain(feature[name]) for name in names} for feature in links.getFeatures()]
