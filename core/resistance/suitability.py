"""Production / living / ecological (“三生”) suitability and the delineation of the three spaces.

After the Xi'an study's procedure (factor grading 100/70/50/30/10, entropy + AHP weights,
important levels kept, overlap with the current land use and planning zones):

1. **Suitability** ``S_f`` of each function f — production (1), living (2), ecological (3) — is
   the graded weighted overlay of that function's factors (:mod:`.overlay`; weights normalised
   per function), written as Float32 rasters.
2. **Levels**: ``S_f`` is graded into ``levels`` classes by natural breaks (Fisher–Jenks,
   :func:`.classify.natural_breaks`, on every k-th row up to 10⁶ cells, then a seeded sample of
   10 000 values); level ``levels`` is the most suitable / most important. The top ``keep``
   levels (``keep = 2``: “very important” and “important”) are the function's candidate area.
3. **Spaces**, cell by cell:
   a. candidate for exactly one function → that space;
   b. candidate for several, inside a planning zone whose space is one of them → the zone's space;
   c. candidate for several otherwise → the candidate with the highest level; ties go to the
      first function in ``priority`` (default ecological, production, living: ecological
      protection first);
   d. candidate for none → the space of the cell's current land-use class (``landuse_spaces``;
      default for the nine demo classes: cropland 4 → production; urban 5 and rural settlement 6
      → living; forest, shrub, grassland, bare land, water, wetland → ecological).
   Cells with NoData land use are NoData (0).

The delineation rules are this tool's explicit reading of the study's description (which does not
publish an algorithm); the area table says how many cells each rule decided.
"""
import os
from dataclasses import dataclass, field

import numpy as np

from ..io.blockio import AlignedSource, BlockWriter, row_blocks
from ..io.raster import read_grid
from ..io.rasterize import distinct_values, rasterize_features, write_temporary
from ..runtime.errors import InputError
from ..runtime.progress import ensure
from ..tools.classify import class_index, natural_breaks
from .factor_table import FUNCTION_ALIASES, FUNCTIONS, normalise_weights
from .grading import CategoryLookup
from .overlay import estimate_overlay_memory, factor_report, open_layers, weighted_overlay

PRODUCTION, LIVING, ECOLOGICAL = 1, 2, 3
SPACE_NAMES = {PRODUCTION: "Production space 生产空间", LIVING: "Living space 生活空间",
               ECOLOGICAL: "Ecological space 生态空间"}
#: Current land use → space for the nine demo / Xi'an classes.
DEFAULT_LANDUSE_SPACES = {1: ECOLOGICAL, 2: ECOLOGICAL, 3: ECOLOGICAL, 4: PRODUCTION, 5: LIVING, 6: LIVING,
                          7: ECOLOGICAL, 8: ECOLOGICAL, 9: ECOLOGICAL}
DEFAULT_PRIORITY = (ECOLOGICAL, PRODUCTION, LIVING)
SPACE_NODATA = 0
RULES = ("by_suitability", "by_planning_zone", "by_level_priority", "by_land_use")


@dataclass
class SuitabilityResult:
    """Outputs of :func:`suitability_evaluation`."""
    overlays: dict
    breaks: dict
    space_path: str
    areas: list = field(default_factory=list)
    levels: list = field(default_factory=list)
    report: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def space_code(text, where):
    """1, 2 or 3 from a code or a name (production/living/ecological, 生产/生活/生态)."""
    text = str(text).strip().lower()
    if text in ("1", "2", "3"):
        return int(text)
    if text in FUNCTION_ALIASES:
        return FUNCTIONS.index(FUNCTION_ALIASES[text]) + 1
    raise InputError(f"{where}: '{text}' is not a space; use 1 production, 2 living, 3 ecological "
                     "(生产/生活/生态). / 空间类型错误。")


def parse_space_mapping(text, where="Land use to space"):
    """``{value: space}`` from ``'4:1; 5:2; 6:living; 1:ecological'``."""
    mapping = {}
    for entry in str(text or "").replace(",", ";").split(";"):
        if not entry.strip():
            continue
        if ":" not in entry:
            raise InputError(f"{where}: '{entry.strip()}' is not a 'value:space' pair, e.g. 4:1. / 应为“值:空间”。")
        value, space = entry.split(":", 1)
        try:
            key = float(value)
        except ValueError:
            key = None
        if key is None or not np.isfinite(key):
            raise InputError(f"{where}: '{value.strip()}' is not a land-use value (a number). / '{value.strip()}' "
                             "不是数字。")
        mapping[key] = space_code(space, where)
    return mapping


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


def zone_raster(path, layer, grid, folder, field=None, space=ECOLOGICAL):
    """Planning-zone polygons burnt onto ``grid`` as space codes (cells whose centre is inside).

    Every feature is ``space`` when ``field`` is None, else each feature's ``field`` value
    (a code 1/2/3 or a name such as ``ecological`` / ``生态``). Written as a GeoTIFF in ``folder``;
    returns its path.
    """
    if field is None:
        zones = rasterize_features(path, grid, layer=layer, burn_value=space, all_touched=False)
    else:
        zones = np.zeros((grid.rows, grid.cols), dtype=np.uint8)
        for value in distinct_values(path, layer, field):
            code = space_code(value, f"Planning zones, field '{field}'")
            quoted = str(value).replace("'", "''")
            condition = f"\"{field}\" = '{quoted}'" if isinstance(value, str) else f"\"{field}\" = {value}"
            burnt = rasterize_features(path, grid, layer=layer, burn_value=1, all_touched=False, where=condition)
            zones[burnt > 0] = code
    return write_temporary(zones, grid, folder, "zones")


#: Bytes per cell of the planning zones burnt on the whole grid: the zone codes, one burnt layer
#: and its mask (:func:`zone_raster`).
ZONE_BYTES_PER_CELL = 3


def estimate_suitability_memory(grid, layers=1, zones=False):
    """Bytes :func:`suitability_evaluation` needs on ``grid`` with ``layers`` table rows: the streamed
    overlay and delineation strips (:func:`~.overlay.estimate_overlay_memory`) plus, with planning
    ``zones``, the zones burnt on the whole grid, held while the polygons are rasterised."""
    return estimate_overlay_memory(grid, layers + 4) + (ZONE_BYTES_PER_CELL * grid.rows * grid.cols if zones else 0)


def natural_levels(sample, levels, name, seed=0):
    """Natural-breaks edges (``levels + 1``) of a suitability sample; error when it has too few values."""
    edges = natural_breaks(sample, levels, seed=seed)
    if len(edges) - 1 < levels:
        raise InputError(f"The {name} suitability takes only {len(edges) - 1} distinct value(s), fewer than the "
                         f"{levels} levels asked for. Use fewer levels or finer factor grading. "
                         f"/ {name} 适宜性取值个数少于分级数。")
    return np.asarray(edges, dtype=np.float64)


def suitability_evaluation(rows, landuse, outputs, space_path, landuse_spaces=None, zones=None, zone_spaces=None,
                           levels=5, keep=2, priority=DEFAULT_PRIORITY, weights_lookup=None, strict_weights=False,
                           reproject=True, resolve=None, seed=0, progress=None):
    """Three suitability rasters, the space map (1/2/3, NoData 0) and the area and level tables.

    ``rows``: factor-table rows with a ``function``; ``landuse``: land-use raster (its grid is the
    reference grid); ``outputs``: ``{'production': path, 'living': path, 'ecological': path}``;
    ``zones``: optional planning-zone raster whose values map to spaces by ``zone_spaces``
    (default: the values 1, 2, 3 themselves).
    """
    progress = ensure(progress)
    if not 2 <= levels <= 9 or not 1 <= keep < levels:
        raise InputError(f"Use 2-9 levels and keep between 1 and levels − 1 of them (got {levels} and {keep}). "
                         "/ 分级数应为 2～9，保留级数应小于分级数。")
    if sorted(priority) != [1, 2, 3]:
        raise InputError("The priority must list each of the three spaces once. / 优先顺序须包含三类空间各一次。")
    grid = read_grid(landuse)
    if not AlignedSource(landuse, grid, name=os.path.basename(str(landuse))).has_data():
        raise InputError(f"The land-use raster '{os.path.basename(str(landuse))}' contains only NoData cells, so "
                         "every space would be NoData. Check the raster and its NoData value and run again. "
                         "/ 土地利用栅格全部为 NoData，无法划定三生空间，请检查栅格及其 NoData 值。")
    landuse_spaces = DEFAULT_LANDUSE_SPACES if landuse_spaces is None else landuse_spaces
    for function in FUNCTIONS:
        if not any(row.role == "factor" and row.function == function for row in rows):
            raise InputError(f"The factor table has no factor for the {function} function. "
                             f"/ 因子表中没有“{function}”功能的因子。")
    overlays, breaks, report, notes = {}, {}, [], []
    try:
        for k, function in enumerate(FUNCTIONS):
            function_rows = [row for row in rows if row.role == "factor" and row.function == function]
            step = progress.sub(0.7 * k / 3, 0.7 * (k + 1) / 3)
            weights, weight_notes = normalise_weights(function_rows, weights_lookup, strict_weights)
            factors, _, _ = open_layers(function_rows, grid, resolve, reproject, seed, step.sub(0.0, 0.1))
            result = weighted_overlay(outputs[function], grid, factors, weights, progress=step.sub(0.1, 1.0))
            overlays[function] = result
            breaks[function] = natural_levels(result.sample, levels, function, seed)
            report += factor_report(factors, [], [], weights)
            notes += [f"{function}: {note}" for note in weight_notes]
            notes += [note for layer in factors for note in layer.source.notes]
        counts, level_counts = _delineate(grid, landuse, outputs, space_path, breaks, landuse_spaces, zones,
                                          zone_spaces, levels, keep, priority, progress.sub(0.7, 1.0))
    except BaseException:
        for written in overlays.values():   # all or nothing: no partial set of outputs
            _remove(written.path)
        raise
    cell_km2 = grid.cell_width * grid.cell_height / 1e6
    total = counts.sum()
    areas = [{"space": space, "name": SPACE_NAMES[space], "cells": int(counts[space].sum()),
              "area_km2": float(counts[space].sum() * cell_km2),
              "percent": float(100.0 * counts[space].sum() / total) if total else 0.0,
              **{rule: int(counts[space, r]) for r, rule in enumerate(RULES)}} for space in (1, 2, 3)]
    level_rows = [{"function": function, "level": level, "lower": float(breaks[function][level - 1]),
                   "upper": float(breaks[function][level]), "cells": int(level_counts[f, level]),
                   "area_km2": float(level_counts[f, level] * cell_km2), "kept": level > levels - keep}
                  for f, function in enumerate(FUNCTIONS) for level in range(1, levels + 1)]
    return SuitabilityResult(overlays, breaks, space_path, areas, level_rows, report, notes)


def _delineate(grid, landuse, outputs, space_path, breaks, landuse_spaces, zones, zone_spaces, levels, keep, priority,
               progress):
    """Stream the space map; returns cell counts ``[space, rule]`` and ``[function, level]``."""
    suitability = [AlignedSource(outputs[f], grid, name=f"{f} suitability") for f in FUNCTIONS]
    land = AlignedSource(landuse, grid, name="land use")
    land_lookup = CategoryLookup(landuse_spaces)
    zone_source = AlignedSource(zones, grid, resampling="nearest", name="planning zones") if zones else None
    zone_lookup = CategoryLookup(zone_spaces or {1: 1, 2: 2, 3: 3})
    rank = np.zeros(4, dtype=np.int16)
    for position, space in enumerate(priority):
        rank[space] = 3 - position                       # higher = preferred on ties
    counts = np.zeros((4, len(RULES)), dtype=np.int64)
    level_counts = np.zeros((3, levels + 1), dtype=np.int64)
    blocks = row_blocks(grid)
    with BlockWriter(space_path, grid, np.uint8, SPACE_NODATA) as out:
        for b, (row0, nrows) in enumerate(blocks):
            level = np.zeros((3, nrows, grid.cols), dtype=np.int16)
            for f, source in enumerate(suitability):
                values, ok = source.read(row0, nrows)
                level[f] = np.where(ok, class_index(values, breaks[FUNCTIONS[f]]), 0)
                level_counts[f] += np.bincount(level[f].ravel(), minlength=levels + 1)[:levels + 1]
            candidate = level > levels - keep
            count = candidate.sum(axis=0)
            key = np.where(candidate, level * 4 + rank[1:4, None, None], -1)
            best = (np.argmax(key, axis=0) + 1).astype(np.uint8)
            space = np.where(count >= 1, best, 0).astype(np.uint8)
            rule = np.where(count == 1, 0, np.where(count >= 2, 2, 3)).astype(np.uint8)
            if zone_source is not None:
                zone_values, zone_ok = zone_source.read(row0, nrows)
                zone_space, matched = zone_lookup(zone_values)
                zone_space = np.where(zone_ok & matched, zone_space, 0).astype(np.uint8)
                in_zone = (count >= 2) & (zone_space > 0)
                decisive = in_zone & np.take_along_axis(
                    candidate, np.clip(zone_space.astype(np.intp) - 1, 0, 2)[None], axis=0)[0]
                space = np.where(decisive, zone_space, space)
                rule = np.where(decisive, 1, rule)
            land_values, land_ok = land.read(row0, nrows)
            land_space, matched = land_lookup(land_values)
            unmapped = land_ok & (count == 0) & ~matched
            if unmapped.any():
                listed = ", ".join(f"{v:g}" for v in np.unique(land_values[unmapped])[:20])
                raise InputError(f"Land-use value(s) {listed} have no space in the land use to space mapping; add "
                                 f"them (e.g. 10:3). / 土地利用类型 {listed} 未指定所属空间。")
            space = np.where(count == 0, np.nan_to_num(land_space).astype(np.uint8), space)
            space[~land_ok] = SPACE_NODATA
            counts += np.bincount(space[land_ok].astype(np.intp) * len(RULES) + rule[land_ok],
                                  minlength=4 * len(RULES)).reshape(4, len(RULES))
            out.write(row0, space)
            progress.update((b + 1) / len(blocks), "Delineating spaces / 划定三生空间")
    return counts, level_counts
