"""Vector output over OGR: GeoPackage layers written atomically (no qgis)."""
import os

from osgeo import ogr, osr

from ..runtime.errors import InputError
from .raster import remove_quietly, temporary_sibling


def write_vector(path, features, crs_wkt, geometry_type, fields=(), layer_name=None):
    """Write a GeoPackage layer at ``path``; returns ``path``.

    ``features``: ``[(geometry, {field: value})]`` with the geometry as WKT or ``ogr.Geometry``;
    ``fields``: ``[(name, ogr field type)]``; ``geometry_type``: e.g. ``ogr.wkbPolygon``. The layer is
    named ``layer_name`` or after the file. The file appears only once complete.
    """
    path = str(path)
    geometries = [ogr.CreateGeometryFromWkt(g) if isinstance(g, str) else g for g, _ in features]
    if any(geometry is None for geometry in geometries):
        raise InputError(f"Cannot write '{path}': a geometry is not valid WKT.")
    tmp = temporary_sibling(path)
    try:
        _write_gpkg(tmp, features, geometries, crs_wkt, geometry_type, fields,
                    layer_name or os.path.splitext(os.path.basename(path))[0])
        os.replace(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return path


def _write_gpkg(tmp, features, geometries, crs_wkt, geometry_type, fields, layer_name):
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
    if dataset is None:
        raise InputError(f"Cannot create '{tmp}' (check the folder and free disk space).")
    srs = None
    if crs_wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(crs_wkt)
    layer = dataset.CreateLayer(layer_name, srs, geometry_type)
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    for geometry, (_, values) in zip(geometries, features):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        for key, value in values.items():
            feature.SetField(key, value)
        layer.CreateFeature(feature)
    dataset.FlushCache()
