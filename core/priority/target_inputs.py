"""Inputs of the scenario targets: space areas from a zone raster (cells × cell area, read strip by
strip) or from a text such as ``"1:2539.84; 2:904.53; 3:6523.46"`` (km²), and per-space bounds from a
comma list of fractions in code order."""
import math
import os
from dataclasses import dataclass

import numpy as np

from ..io.blockio import AlignedSource, row_blocks
from ..io.class_codes import check_whole_codes
from ..io.crs import check_projected
from ..io.raster import read_grid
from ..runtime.errors import InputError
from ..runtime.progress import ensure

#: Space codes in one run at most (each is a dimension of the enumerated grid).
MAX_SPACES = 20


@dataclass
class SpaceAreas:
    """``areas`` {space code: km²}; ``region`` km² of every cell with data (also code 0 / no space)."""
    areas: dict
    region: float


def _number(text, what):
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{what}: '{text}' is not a number. / {what}：“{text}”不是数字。") from None
    if not math.isfinite(value):
        raise InputError(f"{what}: '{text}' is not a finite number. / {what}：“{text}”不是有限数值。")
    return value


def parse_areas(text):
    """``{code: km²}`` from ``"1:2539.84; 2:904.53; 3:6523.46"`` (``;`` or ``,`` between spaces)."""
    areas = {}
    for item in filter(None, (part.strip() for part in str(text).replace(",", ";").split(";"))):
        code_text, sep, area_text = item.partition(":")
        if not sep:
            raise InputError(f"AREAS: '{item}' is not 'code:km²'; write e.g. '1:2539.84; 2:904.53; 3:6523.46'. "
                             f"/ AREAS 中“{item}”格式应为“代码:面积(km²)”，如 1:2539.84; 2:904.53; 3:6523.46。")
        code = _number(code_text.strip(), "AREAS")
        if not code.is_integer() or code < 1:
            raise InputError(f"AREAS: the space code '{code_text.strip()}' is not a whole number ≥ 1 "
                             "(1 production, 2 living, 3 ecological). / AREAS 的空间代码须为 ≥1 的整数。")
        area = _number(area_text.strip(), f"AREAS (space {int(code)})")
        if area <= 0:
            raise InputError(f"AREAS: space {int(code)} has area {area:g} km²; every space needs an area > 0. "
                             f"/ AREAS：空间 {int(code)} 的面积须大于 0。")
        if int(code) in areas:
            raise InputError(f"AREAS lists space {int(code)} twice; give each space once. / AREAS 中空间 {int(code)} 重复。")
        areas[int(code)] = area
    if not areas:
        raise InputError("AREAS is empty; write e.g. '1:2539.84; 2:904.53; 3:6523.46' (km²). "
                         "/ AREAS 为空，请按“代码:面积”填写，如 1:2539.84; 2:904.53; 3:6523.46。")
    if len(areas) > MAX_SPACES:
        raise InputError(f"AREAS gives {len(areas)} spaces, more than {MAX_SPACES}. / 空间数超过 {MAX_SPACES}。")
    return areas


def parse_bounds(text, codes, name):
    """``{code: fraction}`` from a comma list with one fraction (0–1) per space in code order."""
    parts = [part.strip() for part in str(text or "").replace(";", ",").split(",") if part.strip()]
    listed = ", ".join(map(str, codes))
    if len(parts) != len(codes):
        raise InputError(
            f"{name} has {len(parts)} value(s) but there are {len(codes)} spaces (codes {listed}); give one fraction "
            f"per space in code order, e.g. '{', '.join(['0.2'] * len(codes))}'. / {name} 有 {len(parts)} 个值，"
            f"但空间有 {len(codes)} 个（代码 {listed}），请按代码顺序每个空间给一个比例。")
    bounds = {}
    for code, part in zip(codes, parts):
        value = _number(part, f"{name} (space {code})")
        if value > 1:
            raise InputError(
                f"{name}: {value:g} for space {code} is above 1; bounds are fractions (0–1) — did you mean "
                f"{value / 100:g} ({value:g} %)? Divide percentages by 100. / {name}：空间 {code} 的值 {value:g} "
                f"大于 1；上下限为比例（0–1），百分数请除以 100（如 {value / 100:g}）。")
        if value < 0:
            raise InputError(f"{name}: {value:g} for space {code} is negative; bounds are fractions 0–1. "
                             f"/ {name}：空间 {code} 的值 {value:g} 为负，上下限须在 0–1 之间。")
        bounds[code] = value
    return bounds


def _code_counts(codes):
    """(code, cells) pairs of whole codes ≥ 1: a bincount for codes below 65536, else a sort."""
    codes = codes.astype(np.int64)
    if codes.size and codes.max() < 65536:
        found = np.bincount(codes)
        return [(code, int(found[code])) for code in np.flatnonzero(found).tolist()]
    values, found = np.unique(codes, return_counts=True)
    return list(zip(values.tolist(), found.tolist()))


def measure_zones(path, progress=None):
    """:class:`SpaceAreas` of the zone raster at ``path``: per positive code its cells × cell area
    (km², projected CRS in metres), and the area of every cell with data."""
    progress = ensure(progress)
    name = os.path.basename(str(path))
    grid = read_grid(path)
    check_projected(grid.crs_wkt, name, "the areas of the spaces (km²)", metres=True)
    source = AlignedSource(path, grid, name=name)
    counts, cells = {}, 0
    blocks = row_blocks(grid)
    for number, (row0, nrows) in enumerate(blocks, start=1):
        array, valid = source.read(row0, nrows)
        values = array[valid]
        check_whole_codes(values, name)
        cells += values.size
        for code, count in _code_counts(values[values >= 1]):
            counts[code] = counts.get(code, 0) + count
        if len(counts) > MAX_SPACES:
            raise InputError(f"ZONES '{name}' holds more than {MAX_SPACES} space codes; give the space raster "
                             "(1 production, 2 living, 3 ecological). / 分区栅格的空间代码超过 "
                             f"{MAX_SPACES} 个，请使用三生空间栅格。")
        progress.update(number / len(blocks), "Measuring the spaces / 量算空间面积")
    if not counts:
        raise InputError(f"ZONES '{name}' has no cell with a space code ≥ 1 (1 production, 2 living, 3 ecological). "
                         f"/ 分区栅格“{name}”没有代码 ≥1 的空间像元。")
    cell_km2 = grid.cell_width * grid.cell_height / 1e6
    return SpaceAreas({code: count * cell_km2 for code, count in sorted(counts.items())}, cells * cell_km2)
