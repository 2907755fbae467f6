"""The Pareto-selection step (spec ``prioritization.md`` §3–5): cost and benefit of every scenario target
group, the Pareto front with its knee and supported points, optionally the exact optimisation over
planning units, and the chosen scheme's protected areas as a raster of patch ids and as polygons (ready
for ``ecosecurity:corridors`` and ``ecosecurity:connectivity``).
"""
import csv
import os
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

from ..io.raster import check_aligned, read_grid, read_raster, write_raster
from ..runtime.errors import InputError
from ..runtime.memory import check_memory
from ..runtime.progress import ensure
from ..sources.patches import patch_polygons
from .cost_table import cell_costs, read_cost_table
from .front_report import write_front_report
from .pareto import pareto_front
from .schemes import SchemeInputs, evaluate, protected_mask
from .target_groups import read_target_groups
from .unit_plan import optimise_scheme

SCHEMES = ("ratio", "knee")
OPTIMISE = ("none", "min_cost", "max_benefit")
PATCH_NODATA = -1
TABLE_FIELDS = ("protected_km2", "greening_cost", "maintaining_cost", "cost", "benefit_km2", "ratio", "is_pareto",
                "is_supported", "is_knee", "is_best", "marginal_slope", "source")


@dataclass
class SelectOptions:
    buffer: float = 800.0
    scheme: int = 0            # index into SCHEMES: which enumerated scheme is chosen
    optimise: int = 0          # index into OPTIMISE
    budget: float = None
    unit_cells: int = 10
    boundary_penalty: float = 0.0
    solver: int = 0
    gap: float = 0.01
    time_limit: float = 60.0
    seed: int = 0


@dataclass
class SelectResult:
    rows: list
    front: object
    chosen: int                # row index of the chosen scheme
    patches: int
    codes: list
    optimisation: object = None
    outlines: list = field(default_factory=list)


def estimate_select_memory(rank_path):
    """Bytes at the peak: rank (float32 read as float64), zones, land use, cost, flags, EDT window."""
    grid = read_grid(rank_path)
    return grid.rows * grid.cols * 56


def _aligned(path, grid, name, reference):
    if path is None:
        return None
    raster = read_raster(path, name=name)
    check_aligned(grid, raster.grid, reference, name)
    return raster


def read_inputs(rank_path, zones_path, land_use_path, cost_table_path, redline_path=None, names=None):
    """(:class:`SchemeInputs`, grid) after the checks: aligned grids, a rank map in 0..1, whole space
    codes, a land-use class on every cell with a space, a cost for every (space, class)."""
    names = names or {}
    rank_name = names.get("rank", os.path.basename(str(rank_path)))
    rank = read_raster(rank_path, name=rank_name)
    grid = rank.grid
    zones = _aligned(zones_path, grid, names.get("zones", "ZONES"), rank_name)
    land_use = _aligned(land_use_path, grid, names.get("land_use", "LAND_USE"), rank_name)
    redline = _aligned(redline_path, grid, names.get("redline", "REDLINE"), rank_name)
    ranked = rank.valid & np.isfinite(rank.array)
    values = rank.array[ranked]
    if not ranked.any():
        raise InputError(f"The rank map '{rank_name}' has no data. / 排序栅格无数据。")
    if values.min() < 0 or values.max() > 1:
        raise InputError(f"The rank map '{rank_name}' holds values {values.min():g} … {values.max():g}, outside 0 … 1; "
                         "use the rank output of ecosecurity:priorityrank (run with ZONES = the spaces). "
                         "/ 排序栅格取值超出 0–1，请使用保护优先级排序（priorityrank，分区为三生空间）的输出。")
    region = zones.valid.copy()
    codes = zones.array[region]
    if (codes != np.round(codes)).any():
        raise InputError(f"ZONES '{zones.path}' must hold whole space codes (1 production, 2 living, 3 ecological). "
                         "/ 空间栅格须为整数空间代码（1 生产、2 生活、3 生态）。")
    lacking = region & ~land_use.valid
    if lacking.any():
        raise InputError(f"LAND_USE '{land_use.path}' has no class on {int(lacking.sum())} cell(s) that have a space; "
                         "fill them or clip the spaces to the land use. / 土地利用栅格在 "
                         f"{int(lacking.sum())} 个有空间代码的像元上无数据。")
    if (land_use.array[region] != np.round(land_use.array[region])).any():
        raise InputError(f"LAND_USE '{land_use.path}' must hold whole class codes. / 土地利用须为整数地类代码。")
    zone_codes = np.where(region, zones.array, 0).astype(np.int64)
    cell_ha = grid.cell_width * grid.cell_height / 1e4
    table = read_cost_table(cost_table_path)
    cost, green = cell_costs(table, land_use.array[region].astype(np.int64), zone_codes[region], cell_ha,
                             os.path.basename(str(land_use.path)))
    cost_grid = np.zeros(region.shape)
    green_grid = np.zeros(region.shape, bool)
    cost_grid[region], green_grid[region] = cost, green
    locked = np.zeros(region.shape, bool) if redline is None else redline.valid & (redline.array != 0) & region
    inputs = SchemeInputs(region, zone_codes, np.where(ranked, rank.array, -np.inf), cost_grid, green_grid, locked,
                          grid.cell_width, grid.cell_height)
    return inputs, grid


def _check_groups(groups, inputs):
    codes = sorted({code for group in groups for code in group.fractions})
    absent = [code for code in codes if inputs.space_area_km2(code) == 0]
    if absent:
        present = sorted(int(c) for c in np.unique(inputs.zones[inputs.region]))
        raise InputError(f"The target table names space(s) {', '.join(map(str, absent))}, which ZONES does not hold "
                         f"(its codes: {', '.join(map(str, present))}). / 目标表中的空间 {absent} 在空间栅格中不存在。")
    return codes


def _row(group_name, family, fractions, scheme, codes, source):
    row = {"group": group_name, "family": family}
    row.update({f"x_{code}": fractions.get(code, "") for code in codes})
    row.update({"protected_km2": scheme.protected_km2, "greening_cost": scheme.greening_cost,
                "maintaining_cost": scheme.maintaining_cost, "cost": scheme.cost, "benefit_km2": scheme.benefit_km2,
                "source": source})
    return row


def _flag(rows, front, chosen):
    for i, row in enumerate(rows):
        row["ratio"] = row["benefit_km2"] / row["cost"] if row["cost"] > 0 else float("inf")
        row["is_pareto"] = int(front.is_pareto[i])
        row["is_supported"] = int(front.is_supported[i])
        row["is_knee"] = int(i == front.knee)
        row["is_best"] = int(i == chosen)
        row["marginal_slope"] = "" if np.isnan(front.slope[i]) else front.slope[i]


def write_table(path, rows, codes):
    """The scheme table (CSV, UTF-8)."""
    header = ["group", "family"] + [f"x_{code}" for code in codes] + list(TABLE_FIELDS)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, header, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: (f"{value:.10g}" if isinstance(value, float) else value) for key, value in row.items()})
    return path


def chosen_patches(raster_path, mask, region, grid, polygons=True):
    """Patch ids (8-connected) of ``mask``: the Int32 raster at ``raster_path`` (0 = not protected, −1
    outside the region) and, with ``polygons``, ``[({patch_id, area_ha}, WKB)]``; returns (count, outlines)."""
    labels, count = ndimage.label(mask, structure=np.ones((3, 3), bool))
    if raster_path:
        write_raster(raster_path, np.where(region, labels, PATCH_NODATA).astype(np.int32), grid, nodata=PATCH_NODATA,
                     dtype=np.int32)
    outlines = []
    if polygons and count:
        areas = np.bincount(labels.ravel(), minlength=count + 1) * (grid.cell_width * grid.cell_height / 1e4)
        outlines = [({"patch_id": pid, "area_ha": float(areas[pid])}, wkb)
                    for pid, wkb in sorted(patch_polygons(labels, grid.geotransform).items())]
    return count, outlines


def pareto_select(rank_path, zones_path, targets_path, land_use_path, cost_table_path, outputs, options=None,
                  redline_path=None, names=None, progress=None):
    """The whole step. ``outputs``: dict with ``table`` and optionally ``html``, ``raster`` (paths) and
    ``polygons`` (true: the chosen patches' outlines are returned in ``result.outlines``)."""
    progress = ensure(progress)
    options = options or SelectOptions()
    if not options.buffer > 0:
        raise InputError(f"BUFFER must be > 0 metres, got {options.buffer:g}. / 缓冲距离须大于 0 米。")
    check_memory(estimate_select_memory(rank_path), "Pareto selection")
    groups = read_target_groups(targets_path)
    progress.update(0.02, "Reading rank, spaces, land use and costs / 读取排序、空间、土地利用与成本")
    inputs, grid = read_inputs(rank_path, zones_path, land_use_path, cost_table_path, redline_path, names)
    codes = _check_groups(groups, inputs)
    rows = []
    evaluating = progress.sub(0.05, 0.7)
    for k, group in enumerate(groups):
        evaluating.update(k / len(groups), f"Scheme {k + 1} / {len(groups)} (cost, {options.buffer:g} m buffer) "
                                           f"/ 方案 {k + 1}/{len(groups)}")
        mask = protected_mask(inputs, group.fractions)
        rows.append(_row(group.name, group.family, group.fractions, evaluate(inputs, mask, options.buffer), codes,
                         "enumerated"))
    result = SelectResult(rows, None, 0, 0, codes)
    cost = np.array([row["cost"] for row in rows])
    benefit = np.array([row["benefit_km2"] for row in rows])
    enumerated_front = pareto_front(cost, benefit)
    chosen = enumerated_front.best_ratio if SCHEMES[options.scheme] == "ratio" else enumerated_front.knee
    chosen_mask = protected_mask(inputs, groups[chosen].fractions)
    if OPTIMISE[options.optimise] != "none":
        mask, solution = optimise_scheme(inputs, chosen_mask, OPTIMISE[options.optimise], options,
                                         progress.sub(0.7, 0.9))
        rows.append(_row("optimised", OPTIMISE[options.optimise], {}, evaluate(inputs, mask, options.buffer), codes,
                         f"optimised ({solution.solver}, {solution.status})"))
        result.optimisation = solution
        chosen, chosen_mask = len(rows) - 1, mask
        cost = np.append(cost, rows[-1]["cost"])
        benefit = np.append(benefit, rows[-1]["benefit_km2"])
    result.front = pareto_front(cost, benefit)
    result.chosen = chosen
    _flag(rows, result.front, chosen)
    progress.update(0.92, "Writing the scheme table and the chosen scheme / 写出方案表与选定方案")
    write_table(outputs["table"], rows, codes)
    result.patches, result.outlines = chosen_patches(outputs.get("raster"), chosen_mask, inputs.region, grid,
                                                     bool(outputs.get("polygons")))
    if outputs.get("html"):
        write_front_report(outputs["html"], result, options)
    progress.update(1.0)
    return result
