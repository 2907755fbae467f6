"""Land demand per class for a target year (``ecosecurity:landdemand``): the Markov chain of two maps
(:mod:`.markov`) or the grey multi-objective programme (:mod:`.gmop`), written as one table.

**Demand table** (``OUTPUT``; the columns are a contract: ``ecosecurity:landsimulation`` reads
``class`` and ``cells`` as its DEMAND, or converts ``area_km2``): one row per class code, ascending,

=================  ===========================================================================
``class``          land-use code
``name``           CLASS_NAMES, else the coefficient table's ``name``, else ``class <code>``
``cells_later``    cells of the class in the later map
``area_later_km2`` their area
``cells``          demand in whole cells (sums exactly to the later map's valid cells)
``area_km2``       demand area (km²); ``area_ha`` the same in hectares
``change_km2``     ``area_km2 − area_later_km2``; ``change_pct`` in % of ``area_later_km2`` (empty when 0)
``lower_km2``      GMOP: the bounds the programme used (empty for Markov)
``upper_km2``
=================  ===========================================================================

``cells`` are the demand shares x_k / T times the later map's valid cells N, rounded by the largest
remainder (Hamilton) method so that they sum to N exactly (a simulation then allocates every cell);
rounding moves a class by less than one cell. With ``TOTAL_AREA`` ≠ the map's area (e.g. an official
area), ``area_km2`` follows ``TOTAL_AREA`` and ``cells`` the shares.
"""
from dataclasses import dataclass, field

import numpy as np

from ..keyareas.tables import class_label
from ..runtime.errors import InputError
from ..runtime.progress import ensure
from .demand_maps import count_maps
from .gmop import SCENARIOS, build_problem, read_bounds, read_coefficients, solve_gmop, whiten
from .markov import check_years, periods, project, transition_matrix

OUTPUT_FIELDS = ("class", "name", "cells_later", "area_later_km2", "cells", "area_km2", "area_ha", "change_km2",
                 "change_pct", "lower_km2", "upper_km2")


@dataclass
class DemandResult:
    rows: list                                   # dicts of OUTPUT_FIELDS
    matrix_rows: list = field(default_factory=list)   # Markov: from_class, from_name, cells_from, to_<code>…
    matrix_fields: list = field(default_factory=list)
    total_km2: float = 0.0
    cells: int = 0
    periods: float = None
    economic: float = None
    ecological: float = None
    satisfaction: tuple = (None, None)
    payoff: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)


def largest_remainder(values, total):
    """Whole numbers summing to ``total`` closest to ``values`` scaled to ``total`` (Hamilton's method;
    ties to the lower index)."""
    values = np.asarray(values, dtype=np.float64)
    scaled = values * (total / values.sum()) if values.sum() > 0 else np.zeros_like(values)
    whole = np.floor(scaled + 1e-9).astype(np.int64)
    short = int(total - whole.sum())
    if short > 0:
        order = np.argsort(-(scaled - whole), kind="stable")
        whole[order[:short]] += 1
    elif short < 0:
        order = np.argsort(scaled - whole, kind="stable")
        for k in order[:-short]:
            whole[k] -= 1
    return whole


def _names(codes, class_names, table_names=None):
    table_names = table_names or {}
    return [class_names.get(code) or table_names.get(code) or class_label(code, {}) for code in codes]


def _rows(codes, names, later_cells, cell_km2, demand_km2, total_cells, lower=None, upper=None):
    cells = largest_remainder(demand_km2, total_cells)
    rows = []
    for k, code in enumerate(codes):
        before = later_cells.get(code, 0) * cell_km2
        change = float(demand_km2[k] - before)
        rows.append({"class": int(code), "name": names[k], "cells_later": int(later_cells.get(code, 0)),
                     "area_later_km2": before, "cells": int(cells[k]), "area_km2": float(demand_km2[k]),
                     "area_ha": float(demand_km2[k] * 100.0), "change_km2": change,
                     "change_pct": 100.0 * change / before if before > 0 else None,
                     "lower_km2": None if lower is None else float(lower[k]),
                     "upper_km2": None if upper is None else float(upper[k])})
    return rows


def _check_table_codes(rows, codes, later_name, table="coefficient table (COEFFICIENTS)"):
    listed = {row.code for row in rows}
    missing_in_map = sorted(listed - set(codes))
    missing_in_table = sorted(set(codes) - listed)
    if missing_in_map:
        raise InputError(f"The {table} lists class code(s) {', '.join(map(str, missing_in_map))} that do not occur in "
                         f"'{later_name}' (its codes are {', '.join(map(str, sorted(codes)))}). Remove those rows or "
                         f"check the map. / 系数表中的地类代码 {', '.join(map(str, missing_in_map))} 在“{later_name}”"
                         "中不存在，请删除这些行或检查地图。")
    if missing_in_table:
        raise InputError(f"'{later_name}' holds class code(s) {', '.join(map(str, missing_in_table))} that the {table} "
                         f"does not list; every class needs a row (its area must go somewhere). "
                         f"/ “{later_name}”中的地类 {', '.join(map(str, missing_in_table))} 在系数表中缺失，每个地类都需要一行。")


def markov_land_demand(later_path, earlier_path, earlier_year, later_year, target_year, later_name="LATER",
                       earlier_name="EARLIER", class_names=None, coefficients_path=None, whitening=0.5,
                       progress=None):
    """Markov-chain demand (:mod:`.markov`) as a :class:`DemandResult` with the transition matrix table.
    With a coefficient table the benefits f₁, f₂ of the projected areas are reported too."""
    progress = ensure(progress)
    check_years(earlier_year, later_year, target_year)
    table = read_coefficients(coefficients_path) if coefficients_path else None
    if not earlier_path:
        raise InputError("The Markov method needs the earlier land-use map (EARLIER). / 马尔可夫方法需要前期土地利用图（EARLIER）。")
    counts = count_maps(later_path, later_name, earlier_path, earlier_name, progress=progress.sub(0.0, 0.9))
    codes = sorted(set(counts.later) | set(counts.earlier))
    chain = transition_matrix(counts.crosstab, codes)
    n = periods(earlier_year, later_year, target_year)
    state = np.array([counts.later.get(code, 0) for code in codes], dtype=np.float64)
    projected, note = project(state, chain.matrix, n)
    names = _names(codes, class_names or {}, {row.code: row.name for row in table or [] if row.name})
    result = DemandResult(_rows(codes, names, counts.later, counts.cell_km2, projected * counts.cell_km2,
                                counts.cells), total_km2=counts.cells * counts.cell_km2, cells=counts.cells,
                          periods=n, notes=list(chain.notes))
    if note:
        result.notes.append(note)
    if counts.only_one_map:
        result.notes.append(f"{counts.only_one_map} cells are valid in only one of '{earlier_name}' and "
                            f"'{later_name}'; "
                            "the transition matrix uses the cells valid in both, the projection all valid cells of "
                            f"'{later_name}'. / {counts.only_one_map} 个像元仅在一期图中有效，转移矩阵只用两期均有效的像元。")
    result.matrix_fields = ["from_class", "from_name", "cells_from"] + [f"to_{code}" for code in codes]
    for i, code in enumerate(codes):
        row = {"from_class": code, "from_name": names[i], "cells_from": int(chain.counts[i].sum())}
        row.update({f"to_{other}": float(chain.matrix[i, j]) for j, other in enumerate(codes)})
        result.matrix_rows.append(row)
    if table is not None:
        _check_table_codes(table, [c for c in codes if counts.later.get(c) or projected[codes.index(c)] > 0],
                           later_name)
        by_code = {row.code: row for row in table}
        areas = projected * counts.cell_km2
        result.economic = float(sum(whiten(by_code[c].econ, whitening) * areas[k] for k, c in enumerate(codes)
                                    if c in by_code))
        result.ecological = float(sum(whiten(by_code[c].eco, whitening) * areas[k] for k, c in enumerate(codes)
                                      if c in by_code))
    progress.update(1.0, "Markov demand done / 马尔可夫需求计算完成")
    return result


def gmop_land_demand(later_path, coefficients_path, scenario="coordinated", economic_weight=0.5, whitening=0.5,
                     bounds_path=None, red_line_path=None, red_line_area=None, total_area=None, solver="highs",
                     later_name="LATER", red_line_name="RED_LINE", class_names=None, progress=None):
    """GMOP demand (:mod:`.gmop`) as a :class:`DemandResult`."""
    progress = ensure(progress)
    if scenario not in SCENARIOS:
        raise InputError(f"Unknown scenario '{scenario}'; use one of {', '.join(SCENARIOS)}. / 未知情景。")
    if not 0.0 <= whitening <= 1.0:
        raise InputError(f"WHITENING = {whitening:g} must lie in [0, 1] (0 lower, 1 upper grey value). "
                         "/ 白化系数须在 0–1 之间。")
    if not coefficients_path:
        raise InputError("The GMOP method needs the coefficient table (COEFFICIENTS); a template is "
                         "templates/gujiao_gmop.csv. / 多目标规划方法需要系数表（COEFFICIENTS），模板见 templates/gujiao_gmop.csv。")
    table = read_coefficients(coefficients_path)
    if bounds_path:
        replaced = read_bounds(bounds_path)
        unknown = sorted(set(replaced) - {row.code for row in table})
        if unknown:
            raise InputError(f"The bounds table (BOUNDS) lists class code(s) {', '.join(map(str, unknown))} that the "
                             "coefficient table does not. / 约束表中的地类代码在系数表中不存在。")
        for row in table:
            if row.code in replaced:
                row.bounds = replaced[row.code]
    counts = count_maps(later_path, later_name, red_line_path=red_line_path, red_line_name=red_line_name,
                        progress=progress.sub(0.0, 0.8))
    codes = [row.code for row in table]
    _check_table_codes(table, list(counts.later), later_name)
    map_km2 = counts.cells * counts.cell_km2
    notes = []
    if total_area is not None and total_area > 0:
        total = float(total_area)
        if abs(total - map_km2) > counts.cell_km2:
            notes.append(f"TOTAL_AREA {total:.4g} km² differs from the area of '{later_name}' ({map_km2:.4g} km²): the "
                         "areas follow TOTAL_AREA, the cells the area shares. / 总面积与地图面积不同：面积按总面积，像元数按比例。")
    else:
        total = map_km2
    scale = total / map_km2
    later_km2 = {code: cells * counts.cell_km2 * scale for code, cells in counts.later.items()}
    red_area = red_line_area if red_line_area else sum(counts.red_line.values()) * counts.cell_km2 * scale
    frozen = {code: cells * counts.cell_km2 * scale for code, cells in counts.red_line.items()}
    names = _names(codes, class_names or {}, {row.code: row.name for row in table if row.name})
    labels = [f"{code} ({name})" for code, name in zip(codes, names)]
    problem = build_problem(table, labels, later_km2, total, red_area, frozen, whitening)
    progress.update(0.85, "Solving the multi-objective programme / 求解多目标规划")
    solution = solve_gmop(problem, scenario, economic_weight, solver)
    result = DemandResult(_rows(codes, names, counts.later, counts.cell_km2, solution.x, counts.cells,
                                problem.lower, problem.upper), total_km2=total, cells=counts.cells,
                          economic=solution.economic, ecological=solution.ecological,
                          satisfaction=solution.satisfaction, payoff=solution.payoff,
                          notes=notes + solution.notes)
    if red_area:
        result.notes.append(f"Red line: ecological land ≥ {red_area:.4g} km². / 生态红线：生态用地 ≥ {red_area:.4g} km²。")
    progress.update(1.0, "GMOP demand done / 多目标规划需求计算完成")
    return result
