"""Core areas on the resistance grid: rasterising core polygons, checking them, their boxes.

Linkage Mapper rasterises the core polygons on the resistance grid by cell centre (ArcGIS
Feature to Raster); :func:`rasterize_cores` does the same with the plugin's rasteriser (a cell
belongs to a polygon when its centre is inside). Overlapping polygons with different ids are
refused (Linkage Mapper would silently give the cell to one of them).
"""
import numpy as np
from scipy import ndimage

from ...io.rasterize import rasterize_features
from ...runtime.errors import InputError
from .windows import Window

_BI = " / "


def rasterize_cores(vector_path, layer_name, id_field, grid):
    """int64 grid of core ids (0 = not a core) from polygons of ``vector_path`` on ``grid``.

    Raises :class:`InputError` when the field is missing or not integer, an id is <= 0, or
    polygons with different ids overlap on a cell centre.
    """
    from osgeo import ogr
    source = ogr.Open(str(vector_path))
    if source is None:
        raise InputError(f"Cannot open the core areas '{vector_path}' as a vector layer.")
    layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None:
        raise InputError(f"The layer '{layer_name}' is not in '{vector_path}'.")
    definition = layer.GetLayerDefn()
    index = definition.GetFieldIndex(id_field)
    if index < 0:
        raise InputError(f"The core areas have no field '{id_field}'. Choose the core id field."
                         f"{_BI}核心区图层没有字段 '{id_field}'，请选择核心区编号字段。")
    kind = definition.GetFieldDefn(index).GetType()
    if kind not in (ogr.OFTInteger, ogr.OFTInteger64):
        raise InputError(f"The core id field '{id_field}' must be an integer field."
                         f"{_BI}核心区编号字段 '{id_field}' 必须是整数字段。")
    ids = [feature.GetField(index) for feature in layer]
    layer.ResetReading()
    if any(i is None or i <= 0 for i in ids):
        raise InputError(f"Core ids in '{id_field}' must be positive integers (found empty, 0 or negative ids)."
                         f"{_BI}核心区编号必须为正整数。")
    return rasterize_features(vector_path, grid, layer.GetName(), attribute=id_field, all_touched=False,
                              dtype=np.int64, refuse_overlap=True, name="core areas")


def core_ids_from_raster(array, valid):
    """int64 core ids from a core raster: values > 0 are ids, 0 and NoData are not cores."""
    array = np.asarray(array)
    if np.issubdtype(array.dtype, np.floating):
        whole = np.isfinite(array) & (np.mod(array, 1) == 0)
        if np.any(valid & (array > 0) & ~whole):
            raise InputError("The core raster has non-integer values; core ids must be whole numbers."
                             f"{_BI}核心区栅格必须为整数编号。")
    ids = np.where(valid & (array > 0), array, 0).astype(np.int64)
    return ids


class Cores:
    """The cores on the grid: ``ids`` (sorted core ids), ``labels`` (int32 grid of dense
    indices 1..K, 0 elsewhere) and ``boxes`` (:class:`Window` of core index k at ``boxes[k - 1]``).

    Core cells on NoData resistance are dropped (they cannot be crossed); a core left with no
    cell, fewer than two cores, or no core on the grid raise :class:`InputError`.
    """

    def __init__(self, core_ids, resistance_valid, name="core areas"):
        core_ids = np.asarray(core_ids)
        present = np.unique(core_ids[core_ids > 0])
        if present.size == 0:
            raise InputError(
                f"No core of '{name}' lies on the resistance raster. Check that both layers cover the same "
                "area and are in the same coordinate reference system."
                f"{_BI}核心区与阻力栅格没有重叠，请检查范围和坐标系。")
        on_valid = np.where(resistance_valid, core_ids, 0)
        kept = np.unique(on_valid[on_valid > 0])
        lost = np.setdiff1d(present, kept)
        if lost.size:
            shown = ", ".join(str(int(i)) for i in lost[:10])
            raise InputError(
                f"Core(s) {shown} of '{name}' lie entirely on NoData resistance cells, so no corridor can start "
                "there. Give those cells a resistance value or remove these cores."
                f"{_BI}核心区 {shown} 完全位于阻力无数据区，请为这些像元赋阻力值或删除这些核心区。")
        if kept.size < 2:
            raise InputError(
                f"'{name}' has a single core ({int(kept[0])}) on the resistance raster; corridors need at least "
                f"two cores.{_BI}只有一个核心区，至少需要两个核心区才能生成廊道。")
        self.ids = kept
        self.labels = np.zeros(core_ids.shape, dtype=np.int32)
        on = on_valid > 0
        self.labels[on] = (np.searchsorted(kept, on_valid[on]) + 1).astype(np.int32)
        self.boxes = [Window(s[0].start, s[0].stop, s[1].start, s[1].stop)
                      for s in ndimage.find_objects(self.labels)]

    def __len__(self):
        return self.ids.size
