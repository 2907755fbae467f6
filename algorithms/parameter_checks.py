"""Parameter errors that say which layer or file is wrong and what is allowed.

QGIS's own checks answer "…not found" for a file that exists but is not a raster, "Incorrect
parameter value for CLASSES" without the range, and skip a missing file in a list of layers.
:func:`parameter_problem` runs first and answers with the parameter, the file and the rule.
"""
import os

from osgeo import gdal, ogr
from qgis.core import QgsProcessing, QgsProcessingParameterNumber, QgsProperty
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_GEOMETRY_TYPES = {QgsProcessing.TypeVectorAnyGeometry, QgsProcessing.TypeVectorPoint,
                   QgsProcessing.TypeVectorLine, QgsProcessing.TypeVectorPolygon}


MESSAGES = {
    "not_number": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: '{1}' is not a number."),
    "not_whole": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: {1} is not a whole number."),
    "below": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: {1} is below the minimum {2}."),
    "above": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: {1} is above the maximum {2}."),
    "outside": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: {1} is outside the allowed range {2} to {3}."),
    "not_choice": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: {1} is not one of the choices: {2}."),
    "missing": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: the file '{1}' does not exist. Check the path."),
    "not_raster": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: '{1}' exists but is not a raster that GDAL can read (a table or a vector layer?). Give a raster file such as a GeoTIFF."),  # noqa: E501
    "not_layer": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: '{1}' exists but is neither a raster nor a vector layer that GDAL can read."),  # noqa: E501
    "not_vector": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: '{1}' exists but is not a vector layer that GDAL can read."),  # noqa: E501
    "no_layer": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: '{1}' has no layer '{2}'."),
    "no_geometry": QT_TRANSLATE_NOOP("EcoSecurity", "Parameter {0}: '{1}' is a table without geometry; this input needs points, lines or polygons."),  # noqa: E501
}


def _message(key, *arguments):
    return QCoreApplication.translate("EcoSecurity", MESSAGES[key]).format(*arguments)


def parameter_problem(algorithm, parameters, context):
    """The first problem found in ``parameters`` as a message, or None."""
    destinations = {d.name() for d in algorithm.destinationParameterDefinitions()}
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        value = parameters.get(name)
        if name in destinations or value is None or isinstance(value, QgsProperty):
            continue
        label = f"{name} ({definition.description()})"
        kind = definition.type()
        if kind in ("number", "distance"):
            problem = _number_problem(definition, value, label)
        elif kind == "enum":
            problem = _enum_problem(definition, value, label)
        elif kind in ("raster", "vector", "source", "layer", "file", "multilayer"):
            problem = _file_problem(definition, value, label, context)
        else:
            problem = None
        if problem:
            return problem
    return None


def _number_problem(definition, value, label):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _message("not_number", label, value)
    low, high = definition.minimum(), definition.maximum()
    integer = definition.dataType() == QgsProcessingParameterNumber.Integer
    if integer and number != int(number):
        return _message("not_whole", label, value)
    if number < low or number > high:
        shown = [f"{bound:g}" for bound in (low, high)]
        if high >= 1e300:
            return _message("below", label, value, shown[0])
        if low <= -1e300:
            return _message("above", label, value, shown[1])
        return _message("outside", label, value, shown[0], shown[1])
    return None


def _enum_problem(definition, value, label):
    options = definition.options()
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        try:
            index = int(item)
        except (TypeError, ValueError):
            index = options.index(item) if item in options else -1
        if not 0 <= index < len(options):
            allowed = ", ".join(f"{i} ({text})" for i, text in enumerate(options))
            return _message("not_choice", label, item, allowed)
    return None


def _file_problem(definition, value, label, context):
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        if not isinstance(item, str) or not item:
            continue
        path = item.split("|")[0]
        if not _looks_like_path(path) or _project_layer(item, context):
            continue
        if not os.path.exists(path):
            return _message("missing", label, path)
        kind = definition.type()
        if kind == "multilayer":
            kind = "raster" if definition.layerType() == QgsProcessing.TypeRaster else "vector"
        if kind == "raster" and not _opens(path, gdal.OF_RASTER):
            return _message("not_raster", label, path)
        if kind == "layer" and not _opens(path, gdal.OF_RASTER | gdal.OF_VECTOR):
            return _message("not_layer", label, path)
        if kind in ("vector", "source"):
            problem = _vector_problem(definition, item, path, label)
            if problem:
                return problem
    return None


def _looks_like_path(text):
    return os.sep in text or "/" in text or os.path.splitext(text)[1] != "" or os.path.exists(text)


def _project_layer(value, context):
    project = context.project()
    return project is not None and (project.mapLayer(value) is not None or bool(project.mapLayersByName(value)))


def _opens(path, flags):
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return gdal.OpenEx(path, flags) is not None
    finally:
        gdal.PopErrorHandler()


def _vector_problem(definition, value, path, label):
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        source = gdal.OpenEx(path, gdal.OF_VECTOR)
        if source is None:
            return _message("not_vector", label, path)
        layer_name = value.split("|layername=")[1].split("|")[0] if "|layername=" in value else None
        layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
        if layer is None:
            return _message("no_layer", label, path, layer_name)
        wanted = set(definition.dataTypes()) if hasattr(definition, "dataTypes") else set()
        if wanted and wanted <= _GEOMETRY_TYPES and layer.GetGeomType() == ogr.wkbNone:
            return _message("no_geometry", label, path)
        return None
    finally:
        gdal.PopErrorHandler()
