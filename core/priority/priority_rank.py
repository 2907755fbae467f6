"""The priority-ranking step: read features, rank (per zone, with hierarchy and cost), write the rank
map, the curves, the report and the top-fraction mask (spec ``prioritization.md`` §1).

Rank map: float32, r_i = (cells of its zone removed before i) / N_zone in 0 … 1 − 1/N_zone (Zonation 5's
definition); cells outside the analysis area are NoData (−inf, as Zonation 5 writes them). With ZONES,
each zone is ranked on its own (features normalised within the zone), as a separate Zonation run per
space; the top fraction p is {r ≥ 1 − p} in every zone. The zones are independent: with ``workers`` > 1
or a Dask ``scheduler`` they are ranked as tasks (:mod:`.zone_task`), each shipped only its zone's cells,
and folded in zone order, so the outputs are the serial run's bits.
"""
from contextlib import closing
from dataclasses import dataclass, field

import numpy as np

from ..io.raster import write_raster
from ..runtime.errors import InputError
from ..runtime.parallel import fit_workers, map_tasks
from ..runtime.progress import ensure
from .curves import performance_curves, write_feature_curves, write_summary_curves
from .normalise import parse_weights, read_cell_values, read_features, zone_task_memory
from .ranking import RULES, rule_index
from .zone_task import rank_zone

RANK_NODATA = float("-inf")
TOP_NODATA = 255


@dataclass
class PriorityOptions:
    weights: str = ""
    rule: int = 0
    abf_exponent: float = 0.25
    step: float = 0.01
    top_fraction: float = None
    seed: int = 0


@dataclass
class PriorityResult:
    ranks: np.ndarray          # per analysis cell
    curves: object
    names: list
    cells: int
    zones: int
    top_cells: int
    warnings: list = field(default_factory=list)


def _zone_ids(zones_path, stack):
    """(id per cell: 0, 1, ... by zone value, -1 outside the zones; the zone values)."""
    if zones_path is None:
        return np.zeros(len(stack.cells), np.int64), np.zeros(1)
    values, valid = read_cell_values(zones_path, stack, "ZONES", "ZONES")
    if not valid.all():
        values = np.where(valid, values, np.nan)
    ids = np.full(len(values), -1, np.int64)
    kinds = np.unique(values[valid])
    ids[valid] = np.searchsorted(kinds, values[valid])
    return ids, kinds


def _levels(hierarchy_path, stack):
    if hierarchy_path is None:
        return None
    values, valid = read_cell_values(hierarchy_path, stack, "HIERARCHY", "HIERARCHY")
    if (valid & (values != np.round(values))).any():
        raise InputError("HIERARCHY must hold whole-number levels (e.g. 0 ordinary land, 1 red line). "
                         "/ 层级栅格须为整数等级（如 0 一般用地，1 生态红线）。")
    return np.where(valid, values, 0).astype(np.int64)


def _cost(cost_path, stack):
    if cost_path is None:
        return None
    values, valid = read_cell_values(cost_path, stack, "COST", "COST")
    bad = ~valid | ~np.isfinite(values) | (values <= 0)
    if bad.any():
        raise InputError(f"COST must be > 0 on every ranked cell; {int(bad.sum())} cell(s) are 0, negative or NoData. "
                         f"Fill them (e.g. with the smallest cost) or exclude them with MASK. "
                         f"/ 成本栅格在所有参与排序的像元上须 > 0（有 {int(bad.sum())} 个像元不满足）。")
    return values


def _take(values, members):
    return None if values is None else values[members]


def _orders_here(stack, zone, zone_ids, weights, rule, cost, levels, options, progress):
    """(members, removal order) of each zone, ranked in this process."""
    done, ranked = 0, int((zone >= 0).sum())
    for z in zone_ids:
        members = np.flatnonzero(zone == z)
        sub = progress.sub(done / ranked, (done + len(members)) / ranked)
        yield members, rank_zone(stack.values[members], weights, rule, _take(cost, members),
                                 _take(levels, members), options.step, options.abf_exponent, options.seed, sub)
        done += len(members)


def _permute_rows(values, order):
    """values[:] = values[order], a feature column at a time (one column of scratch, not a second stack)."""
    for j in range(values.shape[1]):
        values[:, j] = values[order, j]


def _orders_in_tasks(stack, zone, zone_ids, kinds, weights, rule, cost, levels, options, workers, scheduler,
                     progress, messages):
    """(members, removal order) of each zone, ranked as tasks. The stack's rows are sorted by zone (stable,
    so each zone keeps the cell order of the serial run) and each task ships a view of its zone's rows:
    the caller holds no copy of the zones in flight. The rows are put back before returning."""
    by_zone = np.argsort(zone, kind="stable")
    starts = np.searchsorted(zone[by_zone], zone_ids, side="left")
    stops = np.searchsorted(zone[by_zone], zone_ids, side="right")
    features, extra = stack.values.shape[1], (cost is not None) + (levels is not None)
    if not scheduler:
        workers, message = fit_workers(min(workers, len(zone_ids)),
                                       zone_task_memory(int((stops - starts).max()), features, extra),
                                       "Priority ranking (one zone per worker)")
        if message:
            messages.append(message)
    cost, levels = _take(cost, by_zone), _take(levels, by_zone)
    _permute_rows(stack.values, by_zone)
    try:
        tasks = ((stack.values[a:b], weights, rule, None if cost is None else cost[a:b],
                  None if levels is None else levels[a:b], options.step, options.abf_exponent, options.seed)
                 for a, b in zip(starts, stops))
        with closing(map_tasks(rank_zone, tasks, len(zone_ids), workers, scheduler, progress,
                               lambda k: f"Zone {kinds[zone_ids[k]]:g}")) as orders:
            folded = [(by_zone[a:b], order) for a, b, order in zip(starts, stops, orders)]
    finally:
        inverse = np.empty_like(by_zone)
        inverse[by_zone] = np.arange(len(by_zone))
        _permute_rows(stack.values, inverse)
    return folded


def rank_features(features, names=None, options=None, mask=None, cost=None, zones=None, hierarchy=None,
                  progress=None, workers=1, scheduler=None):
    """Rank the analysis cells of ``features`` (raster paths); returns (stack, :class:`PriorityResult`).
    ``workers`` (1 = in this process) and ``scheduler`` (a Dask address): where the zones are ranked
    when there are several (:func:`...runtime.parallel.map_tasks`)."""
    progress = ensure(progress)
    options = options or PriorityOptions()
    rule = rule_index(options.rule)
    if not 0 <= options.step < 1:
        raise InputError("REMOVAL_STEP must be in 0 … <1 (fraction of the remaining cells removed per step; "
                         "0 = one cell at a time). / 移除步长须在 0 到 1 之间。")
    if options.top_fraction is not None and not 0 < options.top_fraction <= 1:
        raise InputError("TOP_FRACTION must be in (0, 1], e.g. 0.3 for the top 30 %. / 最高优先比例须在 0–1 之间。")
    stack = read_features(features, names, mask, progress.sub(0.0, 0.1))
    weights = parse_weights(options.weights, len(stack.names))
    cell_cost = _cost(cost, stack)
    levels = _levels(hierarchy, stack)
    zone, kinds = _zone_ids(zones, stack)
    ranks = np.full(len(stack.cells), np.nan)
    zone_ids = np.unique(zone[zone >= 0])
    if len(zone_ids) == 0:
        raise InputError("ZONES has no data on the ranked cells. / 分区栅格在分析范围内无数据。")
    messages = []
    if len(zone_ids) > 1 and (workers > 1 or scheduler):
        orders = _orders_in_tasks(stack, zone, zone_ids, kinds, weights, rule, cell_cost, levels, options, workers,
                                  scheduler, progress.sub(0.1, 0.9), messages)
    else:
        orders = _orders_here(stack, zone, zone_ids, weights, rule, cell_cost, levels, options, progress.sub(0.1, 0.9))
    for members, order in orders:
        ranks[members[order]] = np.arange(len(members)) / float(len(members))
    del orders
    inside = ~np.isnan(ranks)
    curves = performance_curves(stack.values if inside.all() else stack.values[inside], ranks[inside], weights,
                                None if cell_cost is None else cell_cost[inside], progress=progress.sub(0.9, 1.0))
    top = 0 if options.top_fraction is None else int((ranks[inside] >= 1.0 - options.top_fraction - 1e-12).sum())
    return stack, PriorityResult(ranks, curves, stack.names, int(inside.sum()), len(zone_ids), top, messages)


def write_rank_map(path, stack, ranks):
    """Float32 rank raster, −inf outside the ranked cells."""
    grid = stack.grid
    out = np.full(grid.rows * grid.cols, RANK_NODATA, np.float32)
    inside = ~np.isnan(ranks)
    out[stack.cells[inside]] = ranks[inside]
    return write_raster(path, out.reshape(grid.shape), grid, nodata=RANK_NODATA, dtype=np.float32)


def write_top_mask(path, stack, ranks, fraction):
    """Byte raster: 1 = top ``fraction`` ({r ≥ 1 − p}), 0 = other ranked cells, 255 = NoData."""
    grid = stack.grid
    out = np.full(grid.rows * grid.cols, TOP_NODATA, np.uint8)
    inside = ~np.isnan(ranks)
    out[stack.cells[inside]] = (ranks[inside] >= 1.0 - fraction - 1e-12).astype(np.uint8)
    return write_raster(path, out.reshape(grid.shape), grid, nodata=TOP_NODATA, dtype=np.uint8)


def priority_rank(features, output, names=None, options=None, mask=None, cost=None, zones=None, hierarchy=None,
                  curves_path=None, html_path=None, top_path=None, feature_curves_path=None, progress=None,
                  workers=1, scheduler=None):
    """The whole step; writes ``output`` (rank map) and the optional files (``curves_path``: Zonation 5's
    summary_curves.csv, ``feature_curves_path``: its feature_curves.csv); returns :class:`PriorityResult`.
    ``workers``, ``scheduler``: see :func:`rank_features`."""
    from .report import write_report
    progress = ensure(progress)
    options = options or PriorityOptions()
    stack, result = rank_features(features, names, options, mask, cost, zones, hierarchy, progress.sub(0.0, 0.95),
                                  workers, scheduler)
    write_rank_map(output, stack, result.ranks)
    if curves_path:
        write_summary_curves(curves_path, result.curves)
    if feature_curves_path:
        write_feature_curves(feature_curves_path, result.curves)
    if top_path and options.top_fraction is not None:
        write_top_mask(top_path, stack, result.ranks, options.top_fraction)
    if html_path:
        write_report(html_path, result.curves, result.names, RULES[rule_index(options.rule)], options.step,
                     result.zones)
    progress.update(1.0)
    return result
