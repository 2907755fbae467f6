"""HiGHS and CBC reach the same optimum as a brute-force enumeration of every subset; the greedy
heuristic is feasible and never better than the optimum."""
import itertools
import warnings

import numpy as np
import pytest

from core.landuse.lp_solvers import cbc_runs
from core.priority.optimise import UnitProblem, solve
from core.priority.planning_units import planning_units, unit_adjacency
from core.runtime.errors import EcoSecurityWarning

CELL = 10.0


def _case(seed, objective, locks, penalty):
    """A random problem on a 6 × 8-cell grid cut into 2 × 2 blocks by an irregular mask (≤ 12 units)."""
    rng = np.random.default_rng(seed)
    valid = rng.random((6, 8)) > 0.25
    unit_of_cell, n = planning_units(valid.shape, 2, valid)
    h, l, length, exposed = unit_adjacency(unit_of_cell, n, CELL)
    m = int(rng.integers(2, 4))
    amounts = rng.random((n, m)) * (rng.random((n, m)) > 0.3)
    cost = rng.random(n) + 0.2
    locked_in = np.zeros(n, bool)
    locked_out = np.zeros(n, bool)
    if locks:
        order = rng.permutation(n)
        locked_in[order[:2]] = True
        locked_out[order[2:4]] = True
    problem = UnitProblem(cost=cost, amounts=amounts, locked_in=locked_in, locked_out=locked_out,
                          edges=(h, l, length), exposed=exposed, penalty=penalty)
    if objective == "min_cost":
        problem.targets = 0.45 * amounts[~locked_out].sum(axis=0)
    else:
        problem.benefit = rng.random(n) * 2
        problem.budget = cost[locked_in].sum() + 0.4 * cost[~locked_in].sum()
    return problem, unit_of_cell


def _brute_force(problem, objective, unit_of_cell):
    """Best objective over all 2^n subsets; the boundary counted on the cell grid directly."""
    n = problem.cost.size
    subsets = np.array(list(itertools.product((False, True), repeat=n)))
    ok = np.all(subsets[:, problem.locked_in], axis=1) & ~np.any(subsets[:, problem.locked_out], axis=1)
    padded = np.pad(unit_of_cell, 1, constant_values=-1)
    cells = np.where(padded >= 0, subsets[:, np.maximum(padded, 0)], False)   # (2^n, rows+2, cols+2)
    edges = (cells[:, :, 1:] != cells[:, :, :-1]).sum(axis=(1, 2)) + (cells[:, 1:, :] != cells[:, :-1, :]).sum(axis=(1, 2))
    boundary = problem.penalty * CELL * edges
    if objective == "min_cost":
        ok &= np.all(subsets.astype(float) @ problem.amounts >= problem.targets - 1e-9, axis=1)
        return np.min(np.where(ok, subsets @ problem.cost + boundary, np.inf))
    ok &= subsets @ problem.cost <= problem.budget + 1e-9
    return np.max(np.where(ok, subsets @ problem.benefit - boundary, -np.inf))


CASES = [(seed, objective, locks, penalty) for seed, (objective, locks, penalty) in enumerate(
    itertools.product(("min_cost", "max_benefit"), (False, True), (0.0, 0.015, 0.03)))]


@pytest.mark.parametrize("seed,objective,locks,penalty", CASES)
def test_highs_equals_brute_force_optimum(seed, objective, locks, penalty):
    problem, unit_of_cell = _case(seed, objective, locks, penalty)
    assert problem.cost.size <= 14
    solution = solve(problem, objective, "highs", gap=0.0)
    assert solution.solver == "highs" and solution.status == "optimal"
    assert solution.objective == pytest.approx(_brute_force(problem, objective, unit_of_cell), rel=1e-7, abs=1e-9)


@pytest.mark.skipif(not cbc_runs(), reason="PuLP with a runnable CBC is not installed")
@pytest.mark.parametrize("seed,objective,locks,penalty", CASES)
def test_cbc_equals_brute_force_optimum(seed, objective, locks, penalty):
    problem, unit_of_cell = _case(seed, objective, locks, penalty)
    solution = solve(problem, objective, "cbc", gap=0.0, seed=seed)
    assert solution.solver == "cbc" and solution.status == "optimal"
    assert solution.objective == pytest.approx(_brute_force(problem, objective, unit_of_cell), rel=1e-7, abs=1e-9)


@pytest.mark.parametrize("seed,objective,locks,penalty", CASES)
def test_greedy_is_feasible_and_never_beats_the_optimum(seed, objective, locks, penalty):
    problem, unit_of_cell = _case(seed, objective, locks, penalty)
    with pytest.warns(EcoSecurityWarning, match="heuristic"):
        solution = solve(problem, objective, "greedy")
    chosen = solution.selected
    assert solution.status == "heuristic"
    assert np.all(chosen[problem.locked_in]) and not np.any(chosen[problem.locked_out])
    best = _brute_force(problem, objective, unit_of_cell)
    if objective == "min_cost":
        assert np.all(problem.amounts[chosen].sum(axis=0) >= problem.targets)
        assert solution.objective >= best - 1e-9
    else:
        assert problem.cost[chosen].sum() <= problem.budget
        assert solution.objective <= best + 1e-9


def test_greedy_drops_units_made_redundant():
    # Unit 0 is the most cost-effective for feature 0 alone, but units 1 and 2 each cover both
    # features; once they are in, unit 0 adds nothing and must go.
    amounts = np.array([[1.0, 0.0], [0.9, 1.0], [0.6, 1.0]])
    problem = UnitProblem(cost=np.array([0.5, 1.0, 1.0]), amounts=amounts, targets=np.array([1.5, 2.0]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EcoSecurityWarning)
        solution = solve(problem, "min_cost", "greedy")
    assert solution.selected.tolist() == [False, True, True]


def test_boundary_penalty_clumps_the_selection():
    # A 1 × 4 strip of one-cell units, the two ends cheapest. Without a penalty the ends are chosen
    # (boundary 8 edges); with a large one an adjacent pair (boundary 6 edges) wins.
    unit_of_cell = np.arange(4, dtype=np.int32)[None, :]
    h, l, length, exposed = unit_adjacency(unit_of_cell, 4, 1.0)
    base = {"cost": np.array([1.0, 1.1, 1.1, 1.0]), "amounts": np.ones((4, 1)), "targets": np.array([2.0]),
            "edges": (h, l, length), "exposed": exposed}
    assert solve(UnitProblem(**base), "min_cost", gap=0.0).selected.tolist() == [True, False, False, True]
    clumped = solve(UnitProblem(**base, penalty=1.0), "min_cost", gap=0.0)
    assert clumped.selected.tolist() in ([True, True, False, False], [False, False, True, True])
    assert clumped.objective == pytest.approx(2.1 + 6.0)
