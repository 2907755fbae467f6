"""Bad problems stop with one clear error before any solver runs; a solver that cannot run falls back
(highs → cbc → greedy) with a warning naming what failed; time limits are reported."""
import sys

import numpy as np
import pytest

from core.priority import optimise
from core.priority.opt_model import RawResult, SolverFailed
from core.priority.optimise import UnitProblem, solve
from core.runtime.errors import EcoSecurityWarning, InputError
from core.runtime.progress import Progress


def _min_cost(**extra):
    data = {"cost": np.array([1.0, 2.0, 3.0, 1.5]), "amounts": np.array([[1.0, 0.0], [2.0, 1.0], [0.0, 3.0], [1.0, 1.0]]),
            "targets": np.array([2.0, 3.0])}
    return UnitProblem(**{**data, **extra})


def _max_benefit(**extra):
    return UnitProblem(cost=np.array([4.0, 2.0, 3.0, 1.0]), amounts=np.zeros((4, 0)),
                       benefit=np.array([3.0, 2.0, 2.0, 1.0]), **extra)


@pytest.fixture
def no_solver_may_run(monkeypatch):
    def forbidden(*args):
        raise AssertionError("a solver was called although the input is bad")
    monkeypatch.setattr(optimise, "solve_highs", forbidden)
    monkeypatch.setattr(optimise, "solve_cbc", forbidden)


def test_unreachable_target_names_the_target_and_what_is_reachable(no_solver_may_run):
    problem = _min_cost(targets=np.array([2.0, 4.5]), locked_out=np.array([False, False, False, True]))
    with pytest.raises(InputError, match=r"Target 1 .* asks for 4\.5 .* hold only 4 \(every unit: 5\)"):
        solve(problem, "min_cost")


def test_budget_below_locked_in_cost_gives_both_numbers(no_solver_may_run):
    problem = _max_benefit(budget=5.0, locked_in=np.array([True, True, False, False]))
    with pytest.raises(InputError, match=r"BUDGET 5 is below the cost of the locked-in units, 6 \(2 units\)"):
        solve(problem, "max_benefit")


def test_a_unit_locked_in_and_out_is_refused(no_solver_may_run):
    problem = _min_cost(locked_in=np.array([0, 1, 0, 0], bool), locked_out=np.array([0, 1, 0, 0], bool))
    with pytest.raises(InputError, match="both locked in and locked out"):
        solve(problem, "min_cost")


def test_negative_or_missing_amounts_are_refused(no_solver_may_run):
    problem = _min_cost()
    problem.amounts[2, 1] = np.nan
    with pytest.raises(InputError, match=r"Feature amount .* \(2, 1\)"):
        solve(problem, "min_cost")


def test_boundary_penalty_without_adjacency_is_refused(no_solver_may_run):
    with pytest.raises(InputError, match="adjacency"):
        solve(_min_cost(penalty=1.0), "min_cost")


def test_missing_pulp_falls_back_from_cbc_to_highs_with_a_warning(monkeypatch):
    monkeypatch.setitem(sys.modules, "pulp", None)   # import pulp now raises ImportError
    with pytest.warns(EcoSecurityWarning, match=r"CBC \(PuLP\) could not run .*pulp>=3\.3,<4"):
        solution = solve(_min_cost(), "min_cost", "cbc", gap=0.0)
    assert solution.solver == "highs" and solution.status == "optimal"
    assert solution.selected.tolist() == [False, True, True, False] and solution.objective == pytest.approx(5.0)


def test_cbc_binary_that_cannot_execute_falls_back(monkeypatch):
    pulp = pytest.importorskip("pulp")
    for name in ("PULP_CBC_CMD", "COIN_CMD"):
        if hasattr(pulp, name):
            monkeypatch.setattr(getattr(pulp, name), "available", lambda self: False)
    with pytest.warns(EcoSecurityWarning, match="no executable CBC binary"):
        solution = solve(_min_cost(), "min_cost", "cbc")
    assert solution.solver == "highs"


def test_without_any_exact_solver_greedy_answers_and_says_so(monkeypatch):
    def broken(*args):
        raise SolverFailed("HiGHS crashed")
    monkeypatch.setattr(optimise, "solve_highs", broken)
    monkeypatch.setitem(sys.modules, "pulp", None)
    with pytest.warns(EcoSecurityWarning) as caught:
        solution = solve(_min_cost(), "min_cost", "highs")
    messages = " | ".join(str(w.message) for w in caught)
    assert "HiGHS crashed" in messages and "pulp" in messages and "greedy heuristic" in messages
    assert solution.solver == "greedy" and solution.status == "heuristic"
    assert np.all(_min_cost().amounts[solution.selected].sum(axis=0) >= [2.0, 3.0])


def test_time_limit_without_a_feasible_selection_asks_for_more_time(monkeypatch):
    monkeypatch.setattr(optimise, "solve_highs", lambda model, gap, limit: RawResult(None, "time_limit", np.nan))
    with pytest.raises(InputError, match="Raise TIME_LIMIT or GAP"):
        solve(_min_cost(), "min_cost", time_limit=5)


def test_time_limit_with_an_incumbent_returns_it_with_its_gap(monkeypatch):
    incumbent = np.array([1.0, 1.0, 1.0, 0.0])
    monkeypatch.setattr(optimise, "solve_highs", lambda model, gap, limit: RawResult(incumbent, "time_limit", 0.25))
    with pytest.warns(EcoSecurityWarning, match=r"time limit of 5 s.*within 25\.00 %"):
        solution = solve(_min_cost(), "min_cost", time_limit=5)
    assert solution.status == "time_limit" and solution.gap == 0.25
    assert solution.objective == pytest.approx(6.0)


def test_progress_moves_and_a_cancel_stops_before_the_solve(monkeypatch):
    seen = []
    solve(_min_cost(), "min_cost", progress=Progress(lambda percent, message: seen.append(percent)))
    assert seen[0] == 0.0 and seen[-1] == 100.0 and len(seen) >= 4
    monkeypatch.setattr(optimise, "solve_highs", lambda *args: pytest.fail("solved after a cancel"))
    from core.runtime.errors import CancelledError
    with pytest.raises(CancelledError):
        solve(_min_cost(), "min_cost", progress=Progress(is_cancelled=lambda: True))
