"""Vector features burnt onto a reference grid: the plugin's one rasteriser (GDAL Rasterize).

Geometries are reprojected to the grid's CRS by GDAL. The rule is an option:

* ``all_touched=False`` — a cell takes a feature when its **centre** is inside (GDAL's default and
  ArcGIS *Feature to Raster*, hence Linkage Mapper's cores); the right rule for zones and areas;
* ``all_touched=True`` — every cell a line or polygon **touches** (roads and rivers narrower than a
  cell still become distance sources);
* ``keep_small=True`` — with the centre rule, a feature that holds no cell centre is burnt on the
  empty cells it touches, so that no patch vanishes from a network;
* ``refuse_overlap=True`` — cells claimed by features of different values raise
  :class:`InputError` (each cell must belong to one core); features of equal value may overlap.
"""
import os
import uuid

import numpy as np
from osgeo import gdal, ogr

from ..runtime.errors import InputError
from .raster import GTIFF_OPTIONS, write_raster

_GDAL_TYPES = {np.dtype(np.uint8): gdal.GDT_Byte, np.dtype(np.int32): gdal.GDT_Int32,
               np.dtype(np.int64): gdal.GDT_Float64, np.dtype(np.float32): gdal.GDT_Float32,
               np.dtype(np.float64): gdal.GDT_Float64}


def rasterize_features(path, grid, layer=None, attribute=None, burn_value=1, all_touched=True, dtype=np.uint8,
                       where=None, keep_small=False, refuse_overlap=False, name=None):
    """Array on ``grid``: ``burn_value`` (or the numeric ``attribute``) where features fall, 0 elsewhere.

    ``where``: an OGR SQL filter selecting the features to burn; ``name``: the layer's name in
    messages (default: the path).
    """
    source, ogr_layer = _open_layer(path, layer, where)
    if not (keep_small or refuse_overlap):
        return _burn(ogr_layer, grid, attribute, burn_value, all_touched, dtype)
    features = [(feature.GetGeometryRef().Clone(), feature.GetField(attribute) if attribute else burn_value)
                for feature in ogr_layer]
    values = [value for _, value in features]
    return rasterize_geometries([geometry for geometry, _ in features], grid, values, all_touched, dtype,
                                keep_small, refuse_overlap, name or str(path), ogr_layer.GetSpatialRef())


def rasterize_to_file(path, grid, output, layer=None, all_touched=True):
    """:func:`rasterize_features` (burn value 1, Byte) written to a tiled GeoTIFF ``output`` instead of
    an array: GDAL burns it in scanline chunks within its block cache, so grids larger than memory
    work. Returns ``output``; the caller deletes it."""
    _source, ogr_layer = _open_layer(path, layer)
    target = gdal.GetDriverByName("GTiff").Create(str(output), grid.cols, grid.rows, 1, gdal.GDT_Byte,
                                                  GTIFF_OPTIONS)
    if target is None:
        raise InputError(f"Cannot create '{output}': {gdal.GetLastErrorMsg()} (check free disk space). "
                         "/ 无法创建临时文件。")
    _burn_into(target, ogr_layer, grid, None, 1, all_touched)
    target.FlushCache()
    return str(output)


def _open_layer(path, layer=None, where=None):
    """``(dataset, layer)`` of a vector file (the dataset must stay referenced while the layer is used)."""
    source = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    if source is None:
        raise InputError(f"GDAL cannot open '{path}' as a vector layer: {gdal.GetLastErrorMsg() or 'unknown format'}. "
                         "/ 无法打开矢量图层。")
    ogr_layer = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    if ogr_layer is None:
        raise InputError(f"'{path}' has no layer '{layer}'. / 图层不存在。")
    if where and ogr_layer.SetAttributeFilter(where) != 0:
        raise InputError(f"The filter {where!r} cannot be applied to '{path}'. / 筛选条件无效。")
    return source, ogr_layer


def rasterize_geometries(geometries, grid, values=None, all_touched=False, dtype=np.int32, keep_small=False,
                         refuse_overlap=False, name="features", crs=None):
    """Array on ``grid`` from OGR geometries or WKB (``values``: one number per geometry, default
    1, 2, …, n). ``crs``: an ``osr.SpatialReference`` of the geometries (default: the grid's)."""
    values = list(range(1, len(geometries) + 1)) if values is None else list(values)
    memory = _memory_layer(geometries, values, crs)
    layer = memory.GetLayer(0)
    burnt = _burn(layer, grid, "value", None, all_touched, dtype)
    if refuse_overlap:
        _check_overlap(layer, grid, all_touched, name)
    if keep_small and not all_touched:
        present = set(np.unique(burnt).tolist())
        missing = [fid for fid, value in enumerate(values) if value not in present]
        if missing:
            layer.SetAttributeFilter(f"FID IN ({','.join(str(fid) for fid in missing)})")
            touched = _burn(layer, grid, "value", None, True, dtype)
            layer.SetAttributeFilter(None)
            fill = (burnt == 0) & (touched != 0)
            burnt[fill] = touched[fill]
    return burnt


def _memory_layer(geometries, values, crs):
    """An in-memory OGR layer with the geometries and fields ``value``, ``square`` and ``one``."""
    memory = ogr.GetDriverByName("Memory").CreateDataSource("burn")
    layer = memory.CreateLayer("burn", srs=crs, geom_type=ogr.wkbUnknown)
    for field in ("value", "square", "one"):
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTReal))
    for geometry, value in zip(geometries, values):
        if value is None:
            raise InputError("A feature to rasterise has no value (empty field). / 要素缺少栅格化所需的值。")
        feature = ogr.Feature(layer.GetLayerDefn())
        if not isinstance(geometry, ogr.Geometry):
            geometry = ogr.CreateGeometryFromWkb(bytes(geometry))
        feature.SetGeometry(geometry)
        feature.SetField("value", float(value))
        feature.SetField("square", float(value) ** 2)
        feature.SetField("one", 1.0)
        layer.CreateFeature(feature)
    return memory


def _check_overlap(layer, grid, all_touched, name):
    """All values on a cell are equal <=> count · Σv² = (Σv)² (equality in Cauchy–Schwarz)."""
    total, square, count = (_burn(layer, grid, field, None, all_touched, np.float64, add=True)
                            for field in ("value", "square", "one"))
    mixed = (count > 1) & ~np.isclose(count * square, total ** 2, rtol=1e-12)
    if mixed.any():
        row, col = np.argwhere(mixed)[0]
        x, y = grid.cell_center(row, col)
        raise InputError(
            f"Polygons of '{name}' with different ids overlap ({int(mixed.sum())} cells, e.g. at x={x:.2f}, "
            f"y={y:.2f}). Each cell must belong to one core: dissolve or clip the overlapping polygons first."
            " / 不同编号的多边形相互重叠，请先融合或裁剪重叠部分。")


def _burn(ogr_layer, grid, attribute, burn_value, all_touched, dtype, add=False):
    dtype = np.dtype(dtype)
    target = gdal.GetDriverByName("MEM").Create("", grid.cols, grid.rows, 1, _GDAL_TYPES[dtype])
    _burn_into(target, ogr_layer, grid, attribute, burn_value, all_touched, add)
    array = target.GetRasterBand(1).ReadAsArray()
    return np.rint(array).astype(dtype) if dtype.kind in "iu" and array.dtype.kind == "f" else array.astype(dtype)


def _burn_into(target, ogr_layer, grid, attribute, burn_value, all_touched, add=False):
    """Burn ``ogr_layer`` into the empty one-band dataset ``target`` laid out as ``grid``."""
    target.SetGeoTransform(tuple(grid.geotransform))
    if grid.crs_wkt:
        target.SetProjection(grid.crs_wkt)
    target.GetRasterBand(1).Fill(0)
    options = [f"ALL_TOUCHED={'TRUE' if all_touched else 'FALSE'}"]
    options += [f"ATTRIBUTE={attribute}"] if attribute else []
    options += ["MERGE_ALG=ADD"] if add else []
    code = gdal.RasterizeLayer(target, [1], ogr_layer, burn_values=[] if attribute else [burn_value],
                               options=options)
    if code != 0:
        raise InputError(f"Rasterizing failed: {gdal.GetLastErrorMsg()}. / 矢量栅格化失败。")


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

