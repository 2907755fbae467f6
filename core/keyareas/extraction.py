"""Key areas for restoration: the top natural-breaks levels of a current or score raster as polygons
(the last step of the Liuzhi study: pinch-point or barrier currents overlaid with the resistance
surface, graded into 4 levels by natural breaks, the top level kept and tabulated by township).

1. **Score** (``combine``, :data:`COMBINE_RULES`): 0 = the input itself; 1 = product of the input
   and the resistance, each normalised to 0–1 by min–max over the cells where both are valid,
   ``n(x) = (x − min)/(max − min)`` (high current on high resistance scores highest); 2 = mean of
   the two normalised rasters. A constant layer normalises to 1 (it does not discriminate).
2. **Levels**: natural breaks (Fisher–Jenks) of the valid scores into ``levels`` classes, exactly as
   ``classifyraster`` computes them (:func:`..tools.classify.compute_breaks`, the same seeded
   sample of ``sample_size`` values and :func:`..tools.classify.class_index` on the same array —
   identical breaks and classes for ``combine`` = 0). Level 1 = the highest class.
3. **Key areas**: the cells of levels 1..``keep_levels``, grouped into 8-connected regions
   (``scipy.ndimage.label`` with a 3×3 structure); each region becomes one (multi)polygon from GDAL
   Polygonize (:func:`..sources.patches.patch_polygons`: 4-connected parts grouped per region, so
   the outlines follow the cell edges and are valid). Per area: cells, area (m², hm², km²) from the
   cell count × cell area (exact), best level, mean and maximum input value, mean score, centre.
4. Optional: **corridor** = the least-cost path (``OUTPUT_LCP`` of ``ecosecurity:corridors``)
   nearest to the area's polygon (Euclidean distance, 0 when it crosses it) with its ``link_id``;
   **land use** under the area (:mod:`.tables`); the **unit** (township/village polygon) holding most
   of its cells and the per-unit table (:mod:`.tables`).

Steps 1–2 stream in row strips (issue 19): a pass takes the normalisation constants, the breaks come
from the streamed scores exactly as from the whole array (:func:`..tools.classify_raster.stream_breaks`:
the same sample positions), and each strip's score and levels are computed from those constants. The
regions of step 3 are not tile-local (a region may span the grid): the level raster (uint8) and the
region labels (int32) are held whole, and the per-region statistics are summed strip by strip in row
order (the same sums as over the whole array). Step 4 reads land use and units whole.

Memory: about 14 bytes per cell (levels, the kept mask, labels and their renumbered and polygonised
copies) plus 10 for land use and 4 for units when given, plus one strip of the inputs (~40 B per strip
cell, ≤ 4 Mi cells) and the polygons; before issue 19 it was 48 B per cell (measured 42 B/cell on a
3000 × 3000 grid with resistance and land use); see :func:`estimate_memory`.
"""
import os
import warnings
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, ogr, osr
from scipy import ndimage

from ..io.class_codes import check_whole_codes
from ..io.crs import check_projected
from ..io.qml import paletted_qml, ramp_colour
from ..io.blockio import BLOCK_CELLS, AlignedSource, row_blocks
from ..io.raster import check_aligned, read_grid, read_raster, write_raster
from ..io.rasterize import rasterize_geometries
from ..runtime.errors import EcoSecurityWarning, InputError
from ..runtime.progress import ensure
from ..sources.patches import patch_polygons
from ..tools.classify import DEFAULT_SAMPLE_SIZE, MAX_CLASSES, MIN_CLASSES, NATURAL_BREAKS, class_index
from ..tools.classify_raster import ValueStream, stream_breaks, survey
from .tables import all_types, composition, main_types, majority_unit, region_counts, unit_table

COMBINE_RULES = ("input", "product", "mean")
INPUT_ONLY, PRODUCT, MEAN = range(3)
LEVEL_NODATA = 0
#: Fields of the key-area polygons (``OUTPUT``), in order; empty when the input is not given.
AREA_FIELDS = ("area_id", "level", "cells", "area_m2", "area_hm2", "area_km2", "mean_value", "max_value",
               "mean_score", "x", "y", "link_id", "link_cores", "link_dist", "unit", "main_lu", "main_share",
               "landuse", "lu_all")


@dataclass
class KeyAreaOptions:
    levels: int = 4
    keep_levels: int = 1
    min_area_ha: float = 0.0
    combine: int = INPUT_ONLY
    sample_size: int = DEFAULT_SAMPLE_SIZE
    seed: int = 0


@dataclass
class VectorInput:
    """A vector layer: file ``path``, ``layer`` name ('' = first) and the ``field`` to read."""
    path: str
    layer: str = ""
    field: str = ""
    name: str = ""


@dataclass
class KeyAreaResult:
    """``areas``: ``[(dict of AREA_FIELDS, WKB)]``; ``table``: per-unit rows; ``breaks``: ascending
    class edges of the score; ``level_rows``: (level, lower, upper, cells) per level."""
    areas: list
    table: list
    breaks: np.ndarray
    level_rows: list
    count: int
    area_km2: float
    crs_wkt: str
    levels_qml: str = ""
    notes: list = field(default_factory=list)


def estimate_memory(input_path, land_use=True, units=True):
    """Peak bytes for the grid of ``input_path`` (module docstring)."""
    grid = read_grid(input_path)
    cells = grid.rows * grid.cols
    return cells * (14 + (10 if land_use else 0) + (4 if units else 0)) + 40 * min(cells, max(grid.cols, BLOCK_CELLS))


NO_COMMON_CELL = ("The input and the resistance have no valid cell in common, so there is nothing to grade. "
                  "/ 输入栅格与阻力栅格没有共同的有效像元。")
NOTHING_TO_GRADE = "The input has no valid cell to grade (it is entirely NoData). / 输入栅格全为 NoData。"


def normalised(values, low, high):
    """Min–max normalisation ``(x − low)/(high − low)`` to 0–1 (float64; a constant layer gives 1)."""
    data = values.astype(np.float64)
    if high > low:
        return (data - low) / (high - low)
    return np.ones(data.shape)


def score_of(value, value_valid, resistance, resistance_valid, combine, ranges):
    """``(score, valid)`` of cells by rule ``combine`` given the ``ranges`` ((low, high) of the input
    and of the resistance over their common valid cells; unused for the input alone)."""
    if combine == INPUT_ONLY:
        return value, value_valid
    a, b = normalised(value, *ranges[0]), normalised(resistance, *ranges[1])
    return (a * b if combine == PRODUCT else 0.5 * (a + b)), value_valid & resistance_valid


def common_ranges(value, value_valid, resistance, resistance_valid):
    """``((low, high) of value, (low, high) of resistance)`` over the cells valid in both, or None."""
    valid = value_valid & resistance_valid
    if not valid.any():
        return None
    return ((float(value[valid].min()), float(value[valid].max())),
            (float(resistance[valid].min()), float(resistance[valid].max())))


def combined_score(value, value_valid, resistance, resistance_valid, combine):
    """``(score, valid)`` of whole arrays by rule ``combine`` (module docstring)."""
    ranges = None
    if combine != INPUT_ONLY:
        ranges = common_ranges(value, value_valid, resistance, resistance_valid)
        if ranges is None:
            raise InputError(NO_COMMON_CELL)
    return score_of(value, value_valid, resistance, resistance_valid, combine, ranges)


def level_of(score, valid, breaks):
    """Level of every cell (uint8, 1 = highest class, :data:`LEVEL_NODATA` off ``valid``)."""
    classes = len(breaks) - 1
    return np.where(valid, classes + 1 - class_index(score, breaks).astype(np.int16), LEVEL_NODATA).astype(np.uint8)


def regions(kept):
    """``(labels int32, count)`` of the 8-connected regions of ``kept``."""
    labels, count = ndimage.label(kept, structure=np.ones((3, 3), dtype=bool), output=np.int32)
    return labels, int(count)


def drop_small_regions(labels, count, cell_area_m2, min_area_ha):
    """``(labels, count)`` without the regions smaller than ``min_area_ha`` hectares, renumbered
    1..count in their former order."""
    if min_area_ha <= 0 or count == 0:
        return labels, count
    cells = np.bincount(labels.ravel(), minlength=count + 1)
    keep = cells * (cell_area_m2 / 1e4) >= min_area_ha
    keep[0] = True
    renumber = np.cumsum(keep).astype(np.int32) - 1
    renumber[~keep] = 0
    return renumber[labels], int(keep.sum()) - 1


class _Scores:
    """Input, score and validity strip by strip (steps 1–2): ``read`` gives ``(score, valid)``."""

    def __init__(self, grid, input_path, input_name, resistance_path, resistance_name, combine, block_cells):
        self.value = AlignedSource(input_path, grid, name=input_name)
        self.resistance = None
        if resistance_path and combine != INPUT_ONLY:
            check_aligned(grid, read_grid(resistance_path), input_name, resistance_name)
            self.resistance = AlignedSource(resistance_path, grid, name=resistance_name)
        self.combine = combine
        self.blocks = row_blocks(grid, block_cells)
        self.ranges = None

    def _inputs(self, row0, nrows):
        value, valid = self.value.read(row0, nrows)
        if np.issubdtype(value.dtype, np.floating):
            valid &= np.isfinite(value)
        if self.resistance is None:
            return value, valid, None, None
        return (value, valid) + self.resistance.read(row0, nrows)

    def survey(self, input_name):
        """Refuse an input with nothing to grade; take the normalisation :attr:`ranges`."""
        any_valid, ranges = False, None
        for row0, nrows in self.blocks:
            value, value_valid, resistance, resistance_valid = self._inputs(row0, nrows)
            any_valid = any_valid or bool(value_valid.any())
            if self.resistance is not None:
                found = common_ranges(value, value_valid, resistance, resistance_valid)
                if found is not None and ranges is not None:
                    found = tuple((min(a[0], b[0]), max(a[1], b[1])) for a, b in zip(ranges, found))
                ranges = found if found is not None else ranges
        if not any_valid:
            raise InputError(f"The input raster '{input_name}' is entirely NoData; there is nothing to grade. "
                             f"/ 输入栅格“{input_name}”全为 NoData。")
        if self.resistance is not None and ranges is None:
            raise InputError(NO_COMMON_CELL)
        self.ranges = ranges

    def cells(self, row0, nrows):
        """``(input, score, valid)`` of rows ``row0 … row0 + nrows − 1``."""
        value, value_valid, resistance, resistance_valid = self._inputs(row0, nrows)
        return (value,) + score_of(value, value_valid, resistance, resistance_valid, self.combine, self.ranges)

    def read(self, row0, nrows):
        return self.cells(row0, nrows)[1:]


def _open_layer(source, what):
    dataset = gdal.OpenEx(str(source.path), gdal.OF_VECTOR)
    if dataset is None:
        raise InputError(f"{what}: GDAL cannot open '{source.path}' as a vector layer. / 无法打开矢量图层。")
    layer = dataset.GetLayerByName(source.layer) if source.layer else dataset.GetLayer(0)
    if layer is None:
        raise InputError(f"{what}: '{source.path}' has no layer '{source.layer}'. / 图层不存在。")
    return dataset, layer


def read_features(source, crs_wkt, what, required_field=True):
    """``[(ogr.Geometry in crs_wkt, value of source.field)]`` of a vector layer."""
    dataset, layer = _open_layer(source, what)
    if source.field and layer.GetLayerDefn().GetFieldIndex(source.field) < 0:
        raise InputError(f"{what} '{source.name or source.path}' has no field '{source.field}'. "
                         f"/ {what}图层没有字段“{source.field}”。")
    if required_field and not source.field:
        raise InputError(f"{what}: choose the field to read. / 请选择字段。")
    transform = None
    srs = layer.GetSpatialRef()
    if srs is not None and crs_wkt:
        target = osr.SpatialReference()
        target.ImportFromWkt(crs_wkt)
        for ref in (srs, target):
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if not srs.IsSame(target):
            transform = osr.CoordinateTransformation(srs, target)
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            continue
        geometry = geometry.Clone()
        if transform is not None:
            geometry.Transform(transform)
        rows.append((geometry, feature.GetField(source.field) if source.field else feature.GetFID()))
    dataset = None
    return rows


def _aligned_band(path, grid, input_name, name):
    raster = read_raster(path, name=name)
    check_aligned(grid, raster.grid, input_name, name)
    return raster


def _nearest_links(polygons, corridors, grid, progress):
    """``{region: (link id, core label, distance)}`` of the nearest least-cost path of each polygon."""
    lines = read_features(corridors, grid.crs_wkt, "CORRIDORS")
    if not lines:
        raise InputError(f"The corridor layer '{corridors.name or corridors.path}' has no lines. / 廊道图层为空。")
    cores = _core_labels(corridors)
    nearest = {}
    for step, (region, wkb) in enumerate(polygons.items()):
        if step % 200 == 0:
            progress.update(step / len(polygons), "Nearest corridors / 最近廊道")
        polygon = ogr.CreateGeometryFromWkb(wkb)
        best = min(((polygon.Distance(line), value) for line, value in lines), key=lambda item: item[0])
        nearest[region] = (best[1], cores.get(best[1]), float(best[0]))
    return nearest


def _core_labels(corridors):
    """``{link id: "core1-core2"}`` when the layer has core1 and core2 fields."""
    dataset, layer = _open_layer(corridors, "CORRIDORS")
    definition = layer.GetLayerDefn()
    if definition.GetFieldIndex("core1") < 0 or definition.GetFieldIndex("core2") < 0:
        return {}
    labels = {f.GetField(corridors.field): f"{f.GetField('core1')}-{f.GetField('core2')}" for f in layer}
    dataset = None
    return labels


def _land_use_classes(raster, name):
    data = raster.array
    valid = raster.valid.copy()
    if np.issubdtype(data.dtype, np.floating):
        valid &= np.isfinite(data)
    check_whole_codes(data[valid], name)
    return data, valid


def level_rows(level, breaks):
    """(level, lower, upper, cells) per level, level 1 first."""
    classes = len(breaks) - 1
    counts = np.bincount(level.ravel(), minlength=classes + 1)
    return [(k, float(breaks[classes - k]), float(breaks[classes - k + 1]), int(counts[k]))
            for k in range(1, classes + 1)]


def levels_qml(rows):
    """Paletted QML of the level raster: level 1 red … last level blue-green."""
    n = len(rows)
    return paletted_qml([(k, f"Level {k} / {k}级: {lo:.4g} – {hi:.4g}", ramp_colour(1.0 - (k - 1) / max(n - 1, 1)))
                         for k, lo, hi, _ in rows])


def extract_key_areas(input_path, options, resistance_path=None, land_use_path=None, class_names=None,
                      corridors=None, units=None, levels_path=None, progress=None, input_name=None,
                      resistance_name=None, land_use_name=None, block_cells=None):
    """Run steps 1–4 (module docstring). ``corridors`` / ``units``: :class:`VectorInput` or None
    (``field`` = the link id field / the unit name field, '' = feature id); ``levels_path``: write the
    level raster there (uint8, 0 = NoData); ``block_cells``: cells per strip (tests use tiny strips)."""
    progress = ensure(progress)
    input_name = input_name or os.path.basename(str(input_path))
    _check_options(options, resistance_path)
    progress.update(0.0, "Reading the inputs / 读取输入数据")
    grid = read_grid(input_path)
    check_projected(grid.crs_wkt, input_name, "key-area sizes (m², hm², km²)", metres=True)
    if resistance_path and options.combine == INPUT_ONLY:
        warnings.warn("RESISTANCE is ignored: COMBINE is 0 (input only). / 组合方式为 0（仅输入），未使用阻力栅格。",
                      EcoSecurityWarning, stacklevel=2)
    scores = _Scores(grid, input_path, input_name, resistance_path, resistance_name or "resistance", options.combine,
                     block_cells)
    scores.survey(input_name)
    land_use = None
    if land_use_path:
        lu_name = land_use_name or "land use"
        land_use = _land_use_classes(_aligned_band(land_use_path, grid, input_name, lu_name), lu_name)
    progress.update(0.1, "Grading by natural breaks / 自然断点分级")
    values = ValueStream(scores, scores.blocks, progress)
    extent = survey(values)
    if extent[0] == 0:
        raise InputError(NOTHING_TO_GRADE)
    breaks = stream_breaks(values, extent, NATURAL_BREAKS, options.levels, None, options.sample_size, options.seed)
    level = np.empty(grid.shape, dtype=np.uint8)
    for row0, nrows in scores.blocks:
        level[row0:row0 + nrows] = level_of(*scores.read(row0, nrows), breaks)
    rows = level_rows(level, breaks)
    if len(rows) <= options.keep_levels:
        warnings.warn(f"Only {len(rows)} level(s) were found (few distinct values) and KEEP_LEVELS = "
                      f"{options.keep_levels}: every valid cell is a key area. / 仅得到 {len(rows)} 个等级，全部有效像元"
                      "都被保留为关键区域。", EcoSecurityWarning, stacklevel=2)
    if levels_path:
        write_raster(levels_path, level, grid, LEVEL_NODATA, np.uint8)
    progress.update(0.3, "Finding the key areas / 提取关键区域")
    kept = (level >= 1) & (level <= options.keep_levels)
    labels, count = regions(kept)
    del kept
    found = count
    labels, count = drop_small_regions(labels, count, grid.cell_width * grid.cell_height, options.min_area_ha)
    if count == 0 and found:
        raise InputError(f"None of the {found} key area(s) reaches the minimum area of {options.min_area_ha:g} ha. "
                         "Lower MIN_AREA or keep more levels (KEEP_LEVELS). / 没有关键区域达到最小面积 "
                         f"{options.min_area_ha:g} 公顷，请减小 MIN_AREA 或保留更多等级。")
    stats = _region_stats(labels, count, scores, level, grid)
    progress.update(0.4, "Polygonising the key areas / 关键区域矢量化")
    polygons = patch_polygons(labels, grid.geotransform, progress.sub(0.4, 0.7))
    progress.update(0.7, "Corridors, land use and units / 廊道、地类与行政单元")
    nearest = _nearest_links(polygons, corridors, grid, progress.sub(0.7, 0.85)) if corridors is not None else {}
    class_names = class_names or {}
    lu_counts = region_counts(labels, land_use[0], land_use[1]) if land_use is not None else {}
    unit_names, unit_of = None, np.zeros(count + 1, dtype=np.int64)
    if units is not None:
        unit_names, unit_of = _units(units, grid, labels, count)
    progress.check()
    areas = []
    for region in range(1, count + 1):
        record = {name: None for name in AREA_FIELDS}
        record.update(stats[region])
        if region in nearest:
            record["link_id"], record["link_cores"], record["link_dist"] = nearest[region]
        if unit_names is not None:
            record["unit"] = unit_names[unit_of[region] - 1] if unit_of[region] > 0 else None
        if land_use is not None:
            shares = composition(lu_counts.get(region, {}), class_names)
            if shares:
                record["main_lu"], record["main_share"] = shares[0]
            record["landuse"], record["lu_all"] = main_types(shares), all_types(shares)
        areas.append((record, polygons[region]))
    bookkeeping = [{"region": r["area_id"], "unit_index": int(unit_of[r["area_id"]]), "cells": r["cells"],
                    "area_m2": r["area_m2"], "value_sum": r["mean_value"] * r["cells"]} for r, _ in areas]
    table = unit_table(bookkeeping, unit_names, lu_counts, class_names, land_use is not None)
    total_km2 = float(sum(r["area_km2"] for r, _ in areas))
    progress.update(1.0)
    return KeyAreaResult(areas, table, breaks, rows, count, total_km2, grid.crs_wkt, levels_qml(rows))


def _check_options(options, resistance_path):
    if options.combine not in (INPUT_ONLY, PRODUCT, MEAN):
        raise InputError(f"COMBINE must be 0 (input only), 1 (product) or 2 (mean); got {options.combine}. "
                         "/ 组合方式须为 0、1 或 2。")
    if options.combine != INPUT_ONLY and not resistance_path:
        raise InputError("COMBINE = 1 or 2 overlays the input with the resistance surface: give RESISTANCE, or set "
                         "COMBINE = 0. / 组合方式 1 或 2 需要阻力栅格（RESISTANCE），或将组合方式设为 0。")
    if not MIN_CLASSES <= options.levels <= MAX_CLASSES:
        raise InputError(f"LEVELS must be between {MIN_CLASSES} and {MAX_CLASSES}; got {options.levels}. "
                         f"/ 分级数须在 {MIN_CLASSES} 到 {MAX_CLASSES} 之间。")
    if not options.min_area_ha >= 0:
        raise InputError(f"MIN_AREA must be 0 or more hectares, got {options.min_area_ha}. / 最小面积不能为负数。")
    if not 1 <= options.keep_levels < options.levels:
        raise InputError(f"KEEP_LEVELS must be at least 1 and below LEVELS ({options.levels}); got "
                         f"{options.keep_levels}. / 保留等级数须不小于 1 且小于分级数。")


def _add_in_order(totals, index, weights):
    """``totals`` plus ``np.bincount(index, weights)`` summed in the same order as one bincount over the
    cells so far and these (so strip-wise sums equal whole-array sums bit for bit)."""
    return np.bincount(np.concatenate([np.arange(totals.size), index]), np.concatenate([totals, weights]),
                       minlength=totals.size)


def _region_stats(labels, count, scores, level, grid):
    """Per region 1..count: the :data:`AREA_FIELDS` computed from the cells, strip by strip."""
    cells = np.zeros(count + 1, dtype=np.int64)
    value_sum, score_sum, row_sum, col_sum = (np.zeros(count + 1) for _ in range(4))
    value_max = np.full(count + 1, -np.inf)
    best = np.full(count + 1, 255, dtype=np.int64)
    for row0, nrows in scores.blocks:
        flat = labels[row0:row0 + nrows].ravel()
        take = flat > 0
        if not take.any():
            continue
        index = flat[take]
        value, score, _valid = scores.cells(row0, nrows)
        values = value.ravel()[take].astype(np.float64)
        cells += np.bincount(index, minlength=count + 1)
        value_sum = _add_in_order(value_sum, index, values)
        np.maximum.at(value_max, index, values)
        score_sum = _add_in_order(score_sum, index, score.ravel()[take].astype(np.float64))
        np.minimum.at(best, index, level[row0:row0 + nrows].ravel()[take].astype(np.int64))
        rows, cols = np.divmod(np.flatnonzero(take), labels.shape[1])
        row_sum = _add_in_order(row_sum, index, rows + row0)
        col_sum = _add_in_order(col_sum, index, cols)
    row_mean = row_sum / np.maximum(cells, 1)
    col_mean = col_sum / np.maximum(cells, 1)
    cell_area = grid.cell_width * grid.cell_height
    stats = {}
    for region in range(1, count + 1):
        n = int(cells[region])
        x, y = grid.cell_center(row_mean[region], col_mean[region])
        area = n * cell_area
        stats[region] = {"area_id": region, "level": int(best[region]), "cells": n, "area_m2": area,
                         "area_hm2": area / 1e4, "area_km2": area / 1e6, "mean_value": float(value_sum[region] / n),
                         "max_value": float(value_max[region]), "mean_score": float(score_sum[region] / n),
                         "x": float(x), "y": float(y)}
    return stats


def _units(units, grid, labels, count):
    """``(unit names, unit index per region)``: distinct names in the layer's order, majority unit
    (1-based; features sharing a name are one unit)."""
    features = read_features(units, grid.crs_wkt, "UNITS", required_field=False)
    if not features:
        raise InputError(f"The unit layer '{units.name or units.path}' has no polygons. / 行政单元图层为空。")
    names = [str(value) if value is not None else f"unit {k + 1}" for k, (_, value) in enumerate(features)]
    distinct = list(dict.fromkeys(names))   # features of one name (parts of a township) form one unit
    index = [distinct.index(name) + 1 for name in names]
    srs = None
    if grid.crs_wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(grid.crs_wkt)   # the geometries are already in the grid's CRS
    burnt = rasterize_geometries([geometry for geometry, _ in features], grid, index, all_touched=False,
                                 dtype=np.int32, crs=srs)
    return distinct, majority_unit(labels, burnt, count)
