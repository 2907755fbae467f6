"""The exact optimisation of a protection scheme over planning units (spec ``prioritization.md`` §5.1,
the seed-style per-space minimum set and the maximum-utility problem).

Planning units are square blocks of ``unit_cells`` × ``unit_cells`` cells of the region
(:mod:`.planning_units`); a unit is protected whole.

* ``min_cost``: min Σ c_i x_i (+ boundary penalty) s.t., for every space k of the chosen target group,
  Σ_i a_ik x_i ≥ A_k (its protected area) and Σ_i p_ik x_i ≥ P_k (its summed rank, so the plan is at
  least as high-priority as the ranking's top cells), with a_ik the area and p_ik the summed rank of
  the space-k cells of unit i.
* ``max_benefit``: max Σ_i b_i x_i (− boundary penalty) s.t. Σ c_i x_i ≤ B, with b_i the
  priority-weighted area Σ rank × cell area of unit i.

Units holding a red-line cell are locked in (the red line is protected whole). c_i is the sum of the
cells' costs (:mod:`.cost_table`); the boundary penalty is ``boundary_penalty`` per km of outer
boundary of the selection (Marxan's BLM with edge factor 1).
"""
import numpy as np

from ..runtime.errors import InputError
from .optimise import UnitProblem, solve
from .planning_units import planning_units, unit_adjacency

SOLVERS = ("highs", "cbc", "greedy")


def _per_unit(unit, values, n):
    return np.bincount(unit, weights=values, minlength=n)


def unit_problem(inputs, chosen_mask, objective, options):
    """(:class:`UnitProblem`, unit of every cell) for ``objective`` ('min_cost' or 'max_benefit')."""
    if options.unit_cells < 1:
        raise InputError(f"UNIT_SIZE must be ≥ 1 cell, got {options.unit_cells}. / 规划单元大小须至少 1 个像元。")
    unit_of_cell, n = planning_units(inputs.region.shape, options.unit_cells, inputs.region)
    region = inputs.region
    unit = unit_of_cell[region]
    rank = np.where(np.isfinite(inputs.rank), inputs.rank, 0.0)[region]
    cost = _per_unit(unit, inputs.cost[region], n)
    locked = _per_unit(unit, inputs.locked[region].astype(float), n) > 0
    edges = exposed = None
    if options.boundary_penalty > 0:
        h, l, length, exposed = unit_adjacency(unit_of_cell, n, inputs.cell_width)
        edges = (h, l, length / 1000.0)
        exposed = exposed / 1000.0
    problem = UnitProblem(cost=cost, amounts=np.zeros((n, 0)), locked_in=locked, edges=edges, exposed=exposed,
                          penalty=options.boundary_penalty)
    if objective == "min_cost":
        zones = inputs.zones[region]
        chosen = chosen_mask[region]
        columns, targets = [], []
        for code in sorted(int(c) for c in np.unique(zones[chosen])):
            member = zones == code
            columns += [_per_unit(unit, member * inputs.cell_km2, n), _per_unit(unit, member * rank, n)]
            targets += [float(np.count_nonzero(member & chosen)) * inputs.cell_km2, float(rank[member & chosen].sum())]
        problem.amounts = np.column_stack(columns) if columns else np.zeros((n, 0))
        problem.targets = np.array(targets)
    else:
        if options.budget is None:
            raise InputError("Maximum benefit needs a BUDGET (in the cost table's unit). / 效益最大化需要给出预算（BUDGET）。")
        problem.benefit = _per_unit(unit, rank * inputs.cell_km2, n)
        problem.budget = float(options.budget)
    return problem, unit_of_cell


def optimise_scheme(inputs, chosen_mask, objective, options, progress=None):
    """(protected cell mask, :class:`Solution`) of the optimised scheme."""
    problem, unit_of_cell = unit_problem(inputs, chosen_mask, objective, options)
    solution = solve(problem, objective, SOLVERS[options.solver], options.gap, options.time_limit, options.seed,
                     progress)
    selected = np.flatnonzero(solution.selected)
    mask = np.isin(unit_of_cell, selected) & inputs.region
    return mask | (inputs.locked & inputs.region), solution
