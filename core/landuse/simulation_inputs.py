"""Text and table inputs of the land-use simulation: class codes, demand, conversion matrix,
neighbourhood weights — parsed and checked with one clear bilingual message each.

* **Class codes** must be consecutive integers (e.g. 1 … 9): the demand list, the conversion matrix
  and the weights are given in ascending class-code order (PLUS's Markov module fails with NaN on
  gaps; we refuse them up front).
* **Demand**: either numbers of cells separated by commas, in ascending class-code order, or the
  path of a table (CSV, or any table GDAL reads) with a column ``class`` and a column ``cells``;
  without ``cells``, ``area_km2`` is converted with the cell area (rounded to whole cells). This is
  the table ``ecosecurity:landdemand`` writes. A total that differs from the number of land cells by
  at most 0.5 % (rounding of areas) is rescaled by largest remainders, with a warning; more is an
  error.
* **Conversion matrix** (``1`` = allowed, ``0`` = forbidden), rows = class in the start map (from), columns =
  future (to) class, both in ascending class-code order — note that PLUS's manual writes it the
  other way round. Inline text: rows separated by ``;``, values by commas or spaces
  (``1,1,0;0,1,0;1,1,1``). File: a CSV of K rows of K values, optionally with a header row and a
  first column of class codes (then K + 1 rows/columns). Staying is always allowed (the diagonal is
  taken as 1). Empty = every conversion allowed.
* **Neighbourhood weights** w_k ∈ [0, 1], comma-separated in class order; empty = all 1.
"""
import csv
import io
import math
import os
import warnings

import numpy as np

from ..io.textfile import read_text
from ..runtime.errors import EcoSecurityWarning, InputError

#: Largest relative difference between the demand total and the land cells that is rescaled.
DEMAND_RESCALE_LIMIT = 0.005
#: At most this many classes (class indices are stored as bytes, 255 = outside the map).
MAX_CLASSES = 250


def check_class_codes(codes, name):
    """``codes`` (sorted unique integers present in the map) must be consecutive; returns them."""
    codes = [int(c) for c in codes]
    if not codes:
        raise InputError(f"'{name}' holds no land-use cell (everything is NoData). / 土地利用图“{name}”没有有效像元。")
    if len(codes) > MAX_CLASSES:
        raise InputError(f"'{name}' has {len(codes)} classes; at most {MAX_CLASSES} are supported. "
                         f"/ 土地利用图“{name}”的类别数超过 {MAX_CLASSES}。")
    missing = sorted(set(range(codes[0], codes[-1] + 1)) - set(codes))
    if missing:
        raise InputError(
            f"The class codes of '{name}' are not consecutive: {', '.join(map(str, codes))} (missing "
            f"{', '.join(map(str, missing))}). Reclassify the map to consecutive codes (e.g. 1 … {len(codes)}, "
            f"Raster ▸ Reclassify by table) and give the demand, the conversion matrix and the weights in that "
            f"order. / 土地利用图“{name}”的类别编码不连续（缺少 {', '.join(map(str, missing))}），请先重分类为连续编码。")
    return codes


def _numbers(text, what):
    try:
        return [float(v) for v in text.replace(",", " ").split()]
    except ValueError:
        raise InputError(f"{what}: '{text}' is not a list of numbers. / {what}：无法解析为数字列表。") from None


def _read_table(path):
    """Rows of a table file as dicts with lower-case keys: CSV by the csv module, else through OGR
    (``path|layername=name`` picks a layer of a GeoPackage)."""
    path, _bar, layer_option = path.partition("|")
    if path.lower().endswith((".csv", ".txt")):
        rows = list(csv.DictReader(io.StringIO(read_text(path, "demand table"))))
        return [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in rows]
    from osgeo import ogr
    source = ogr.Open(path)
    if source is None or source.GetLayerCount() == 0:
        raise InputError(f"The demand table '{path}' cannot be read as a table. / 无法读取需求表 '{path}'。")
    layer_name = layer_option.split("=", 1)[1] if layer_option.startswith("layername=") else None
    layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None:
        raise InputError(f"The demand table '{path}' has no layer '{layer_name}'. / 需求表中没有图层 '{layer_name}'。")
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    return [{n.lower(): str(f.GetField(n)) if f.GetField(n) is not None else "" for n in names} for f in layer]


def _table_demand(path, codes, cell_area_m2):
    rows = _read_table(path)
    if not rows or "class" not in rows[0] or not ({"cells", "area_km2"} & set(rows[0])):
        raise InputError(f"The demand table '{path}' needs a column 'class' and a column 'cells' or 'area_km2' "
                         f"(as written by ecosecurity:landdemand). / 需求表须包含 class 列以及 cells 或 area_km2 列。")
    use_cells = "cells" in rows[0] and all(row.get("cells", "") != "" for row in rows if row.get("class"))
    found = {}
    for row in rows:
        try:
            code = int(float(row["class"]))
        except ValueError:
            continue  # a total or note row
        try:
            value = float(row["cells"]) if use_cells else float(row["area_km2"]) * 1e6 / cell_area_m2
        except ValueError:
            raise InputError(f"The demand table '{path}': class {code} has no number in "
                             f"'{'cells' if use_cells else 'area_km2'}'. / 需求表中类别 {code} 缺少数值。") from None
        found[code] = value
    extra = sorted(set(found) - set(codes))
    missing = [c for c in codes if c not in found]
    if extra or missing:
        raise InputError(
            f"The demand table '{path}' does not match the land-use classes {codes[0]} … {codes[-1]}: "
            + (f"missing {', '.join(map(str, missing))}; " if missing else "")
            + (f"unknown {', '.join(map(str, extra))}" if extra else "")
            + " / 需求表的类别与土地利用图不一致。")
    return [found[c] for c in codes]


def _largest_remainder(values, total):
    scaled = np.asarray(values, float) * (total / float(np.sum(values)))
    base = np.floor(scaled).astype(np.int64)
    order = np.argsort(-(scaled - base), kind="stable")
    base[order[:int(total - base.sum())]] += 1
    return base


def parse_demand(text, codes, land_cells, cell_area_m2):
    """Demand in cells per class (int64 array in class order) from a comma list or a table path."""
    text = (text or "").strip()
    if not text:
        raise InputError("DEMAND is empty: give the number of cells per class (comma-separated, ascending class "
                         "codes) or the table of ecosecurity:landdemand. / 未给出土地需求。")
    if os.path.isfile(text.partition("|")[0]):
        values = _table_demand(text, codes, cell_area_m2)
    else:
        values = _numbers(text, "DEMAND")
        if len(values) != len(codes):
            raise InputError(
                f"DEMAND has {len(values)} value(s) but the land-use map has {len(codes)} classes "
                f"({', '.join(map(str, codes))}); give one number of cells per class in this order. "
                f"/ 需求数量个数（{len(values)}）与土地利用类别数（{len(codes)}）不一致。")
    if any(v < 0 or not math.isfinite(v) for v in values):
        raise InputError("DEMAND: every value must be a number of cells ≥ 0. / 需求必须为非负数。")
    total = float(sum(values))
    if total <= 0 or abs(total - land_cells) > DEMAND_RESCALE_LIMIT * land_cells:
        raise InputError(
            f"The demand totals {total:.0f} cells but the land-use map has {land_cells} land cells (restricted "
            f"cells included): the demand must share out exactly the cells of the map. / 需求总量（{total:.0f} "
            f"像元）与土地利用图的有效像元数（{land_cells}）不一致。")
    demand = np.rint(values).astype(np.int64)
    if demand.sum() != land_cells:
        demand = _largest_remainder(values, land_cells)
        warnings.warn(f"The demand totals {total:.1f} cells, not the {land_cells} land cells of the map; it was "
                      f"rescaled to {land_cells} cells (largest remainders). / 需求总量与有效像元数略有差异，"
                      f"已按比例调整。", EcoSecurityWarning, stacklevel=2)
    return demand


def _matrix_rows(text):
    if os.path.isfile(text):
        lines = [line for line in read_text(text, "conversion matrix").splitlines() if line.strip()]
        rows = [next(csv.reader([line])) if "," in line else line.split() for line in lines]
    else:
        rows = [part.replace(",", " ").split() for part in text.split(";") if part.strip()]
    return [[cell.strip() for cell in row if cell.strip() != ""] for row in rows]


def _is_number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False


def parse_conversion(text, codes):
    """(K, K) bool matrix, [from, to]; every conversion allowed when ``text`` is empty."""
    size = len(codes)
    text = (text or "").strip()
    if not text:
        return np.ones((size, size), dtype=bool)
    rows = _matrix_rows(text)
    if rows and (len(rows) == size + 1 or not all(_is_number(c) for c in rows[0])):
        rows = rows[1:]                                   # header row of class codes or names
    if rows and all(len(row) == size + 1 for row in rows):
        rows = [row[1:] for row in rows]                  # first column of class codes
    shape = f"{len(rows)} row(s) × {', '.join(sorted({str(len(r)) for r in rows})) or 0} column(s)"
    if len(rows) != size or any(len(row) != size for row in rows):
        raise InputError(
            f"The conversion matrix has {shape} but the land-use map has {size} classes "
            f"({', '.join(map(str, codes))}): give {size} rows (current class) of {size} values (future class), "
            f"1 = allowed, 0 = forbidden, rows separated by ';' or one per line of a CSV file. "
            f"/ 转换矩阵大小（{shape}）与土地利用类别数（{size}）不符，应为 {size} × {size}。")
    try:
        matrix = np.array([[float(c) for c in row] for row in rows])
    except ValueError:
        raise InputError("The conversion matrix holds a value that is not 0 or 1. / 转换矩阵只能包含 0 或 1。") from None
    if not np.isin(matrix, (0.0, 1.0)).all():
        raise InputError("The conversion matrix may only hold 0 (forbidden) and 1 (allowed). / 转换矩阵只能包含 0 或 1。")
    matrix = matrix.astype(bool)
    np.fill_diagonal(matrix, True)
    return matrix


def parse_weights(text, codes):
    """Neighbourhood weight per class (float64, in [0, 1]); all 1 when ``text`` is empty."""
    text = (text or "").strip()
    if not text:
        return np.ones(len(codes))
    values = _numbers(text, "NEIGHBOURHOOD_WEIGHTS")
    if len(values) != len(codes) or any(not 0.0 <= v <= 1.0 for v in values):
        raise InputError(f"NEIGHBOURHOOD_WEIGHTS needs {len(codes)} values in [0, 1], one per class "
                         f"({', '.join(map(str, codes))}). / 邻域权重须为 {len(codes)} 个 0–1 之间的数。")
    return np.array(values)


def check_window(size):
    """An odd neighbourhood window of 3 … 15 cells."""
    if size < 3 or size > 15 or size % 2 == 0:
        raise InputError(f"NEIGHBOURHOOD must be an odd window size from 3 to 15 cells (got {size}). "
                         f"/ 邻域窗口须为 3–15 之间的奇数。")
    return int(size)


def check_demand_reachable(counts, movable, demand, allowed, codes, net=True):
    """Refuse a demand the automaton cannot reach whatever it draws: a class that must grow by more
    cells than the changeable cells of the classes allowed to turn into it, a class that must shrink
    by more than its changeable cells or that may turn into no class that grows (``net``; with gross
    change into no other class at all, as a chain through a third class is then possible), or a class
    to grow from no cell at all (FLUS grows classes only next to their existing cells)."""
    gaps = np.asarray(demand, np.int64) - np.asarray(counts, np.int64)
    for k, code in enumerate(codes):
        if gaps[k] > 0:
            if counts[k] == 0:
                raise InputError(
                    f"Class {code} has no cell in the start map but a demand of {demand[k]} cells; the cellular "
                    f"automaton grows a class only next to its existing cells. / 类别 {code} 在起始图中不存在，"
                    "无法通过邻域扩张满足其需求。")
            sources = [j for j in range(len(codes)) if j != k and allowed[j, k]]
            supply = int(sum(movable[j] for j in sources))
            if gaps[k] > supply:
                raise InputError(
                    f"The demand of class {code} ({demand[k]} cells) exceeds the convertible area: it needs "
                    f"{gaps[k]} more cells but only {supply} changeable cells (not restricted) belong to classes "
                    f"allowed to turn into it. Lower the demand, allow more conversions or shrink the restricted "
                    f"area. / 类别 {code} 的需求超出可转换面积：需增加 {gaps[k]} 个像元，但可转换像元仅 {supply} 个。")
        elif gaps[k] < 0:
            targets = [j for j in range(len(codes)) if j != k and allowed[k, j] and (gaps[j] > 0 or not net)]
            free = int(movable[k]) if targets else 0
            if -gaps[k] > free:
                raise InputError(
                    f"The demand of class {code} ({demand[k]} cells) needs it to lose {-gaps[k]} cells, but only "
                    f"{free} of its cells may change (restricted cells excluded; only into classes the conversion "
                    f"matrix allows). "
                    f"/ 类别 {code} 需减少 {-gaps[k]} 个像元，但可转换的仅 {free} 个（受限区或禁止转换）。")
