"""Vector features burnt onto a reference grid (GDAL Rasterize; geometries reprojected to the grid's CRS).

``all_touched=True`` burns every cell a line or polygon touches (roads and rivers narrower than
a cell still become sources); ``False`` burns the cells whose centre is inside (GDAL's default),
the right choice for zones.
"""
import os
import uuid

import numpy as np
from osgeo import gdal

from .errors import InputError
from .raster import write_raster


def rasterize_features(path, grid, layer=None, attribute=None, burn_value=1, all_touched=True, dtype=np.uint8,
                       where=None):
    """Array on ``grid``: ``burn_value`` (or the numeric ``attribute``) where features fall, 0 elsewhere.

    ``where``: an OGR SQL filter selecting the features to burn.
    """
    source = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    if source is None:
        raise InputError(f"GDAL cannot open '{path}' as a vector layer: {gdal.GetLastErrorMsg() or 'unknown format'}. "
                         "/ 无法打开矢量图层。")
    if layer is not None and source.GetLayerByName(layer) is None:
        raise InputError(f"'{path}' has no layer '{layer}'. / 图层不存在。")
    gdal_type = {np.dtype(np.uint8): gdal.GDT_Byte, np.dtype(np.int32): gdal.GDT_Int32,
                 np.dtype(np.float32): gdal.GDT_Float32}[np.dtype(dtype)]
    target = gdal.GetDriverByName("MEM").Create("", grid.cols, grid.rows, 1, gdal_type)
    target.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        target.SetProjection(grid.crs_wkt)
    options = gdal.RasterizeOptions(layers=[layer] if layer else [source.GetLayer(0).GetName()],
                                    attribute=attribute, burnValues=None if attribute else [burn_value],
                                    allTouched=all_touched, where=where)
    if gdal.Rasterize(target, source, options=options) is None:
        raise InputError(f"Rasterizing '{path}' failed: {gdal.GetLastErrorMsg()}. / 矢量栅格化失败。")
    return target.GetRasterBand(1).ReadAsArray()


def distinct_values(path, layer, field):
    """The distinct non-null values of ``field`` in a vector layer."""
    source = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    if source is None:
        raise InputError(f"GDAL cannot open '{path}' as a vector layer. / 无法打开矢量图层。")
    ogr_layer = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    if ogr_layer.GetLayerDefn().GetFieldIndex(field) < 0:
        raise InputError(f"The layer has no field '{field}'. / 图层没有字段“{field}”。")
    return sorted({feature.GetField(field) for feature in ogr_layer if feature.GetField(field) is not None}, key=str)


def write_temporary(array, grid, folder, prefix="rasterized"):
    """Write ``array`` on ``grid`` as a GeoTIFF with a unique name in ``folder``; returns its path."""
    return write_raster(os.path.join(folder, f"{prefix}_{uuid.uuid4().hex}.tif"), array, grid)
