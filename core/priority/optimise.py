"""Exact selection of planning units (spec ``prioritization.md`` §5.1, prioritizr notation; Marxan's
boundary length modifier with edge factor 1, Ball et al. 2009; linearised after Beyer et al. 2016).

With x_i ∈ {0, 1} the selection, boundary(x) = Σ_i exposed_i x_i − 2 Σ_(h,l) L_hl x_h x_l and p the
penalty:

* ``min_cost`` (minimum set): min Σ c_i x_i + p·boundary(x) s.t. Σ_i r_ij x_i ≥ T_j for every j.
* ``max_benefit`` (maximum utility): max Σ b_i x_i − p·boundary(x) s.t. Σ_i c_i x_i ≤ B.

Locked-in units are x_i = 1, locked-out x_i = 0. The products x_h x_l are continuous y_hl ≤ x_h,
y_hl ≤ x_l (:mod:`.opt_model` says why that is exact). Solvers: ``highs`` (scipy.optimize.milp),
``cbc`` (PuLP's CBC), ``greedy`` (:mod:`.opt_greedy`, a heuristic). When the asked exact solver
cannot run, the others are tried in the order highs → cbc → greedy, each failure named in a warning.

Progress is reported before the model is built, before the solve and after it; a solve itself
cannot be interrupted (HiGHS runs inside one compiled call, CBC in a subprocess PuLP waits for), so
a cancel takes effect when it returns — at the latest after ``time_limit`` seconds.
"""
import time
import warnings
from dataclasses import dataclass

import numpy as np

from ..runtime.errors import EcoSecurityWarning, InputError
from ..runtime.progress import ensure
from .opt_cbc import solve_cbc
from .opt_greedy import greedy_max_benefit, greedy_min_cost
from .opt_highs import solve_highs
from .opt_model import SolverFailed, linear_model

OBJECTIVES = ("min_cost", "max_benefit")
SOLVERS = ("highs", "cbc", "greedy")
_LABELS = {"highs": "HiGHS (scipy.optimize.milp)", "cbc": "CBC (PuLP)", "greedy": "greedy heuristic"}
_TOLERANCE = 1e-6   # relative slack accepted on a solver's constraint rows (HiGHS' feasibility tolerance)


@dataclass
class UnitProblem:
    """Planning-unit data: ``cost`` (n,), ``amounts`` (n, m) of each feature per unit with
    ``targets`` (m,) for min_cost; ``benefit`` (n,) and ``budget`` for max_benefit; boolean locks;
    ``edges`` = (h, l, shared length) and ``exposed`` (n,) from :func:`.planning_units.unit_adjacency`
    with the boundary ``penalty`` per unit of length (0: no boundary term)."""
    cost: np.ndarray
    amounts: np.ndarray
    targets: np.ndarray = None
    benefit: np.ndarray = None
    budget: float = None
    locked_in: np.ndarray = None
    locked_out: np.ndarray = None
    edges: tuple = None
    exposed: np.ndarray = None
    penalty: float = 0.0


@dataclass
class Solution:
    selected: np.ndarray   # bool (n,)
    objective: float       # the objective above at ``selected``
    status: str            # 'optimal' (within the gap), 'time_limit' or 'heuristic'
    solver: str            # the solver that produced it
    gap: float             # achieved relative gap, NaN when not known (greedy)
    seconds: float         # wall time of the whole call
    message: str
    build_seconds: float = 0.0   # of ``seconds``, building the solver's model (numpy, then PuLP for CBC)


def boundary_length(problem, selected):
    """Outer boundary length of the selected units (0 without boundary data)."""
    if problem.exposed is None or problem.edges is None:
        return 0.0
    h, l, length = problem.edges
    x = selected.astype(np.float64)
    return float(problem.exposed @ x - 2.0 * np.sum(np.asarray(length) * x[h] * x[l]))


def objective_value(problem, objective, selected):
    """The objective of ``selected`` (cost + penalty or benefit − penalty)."""
    penalty = problem.penalty * boundary_length(problem, selected) if problem.penalty > 0 else 0.0
    if objective == "min_cost":
        return float(problem.cost[selected].sum()) + penalty
    return float(problem.benefit[selected].sum()) - penalty


def solve(problem, objective, solver="highs", gap=0.01, time_limit=60.0, seed=0, progress=None):
    """:class:`Solution` of ``problem`` for ``objective`` ('min_cost' or 'max_benefit').

    Bad input, unreachable targets and a budget below the locked-in cost raise :class:`InputError`
    before any solver runs; so does a time limit reached with no feasible selection."""
    progress = ensure(progress)
    started = time.perf_counter()
    progress.update(0.0, "Checking the planning-unit problem / 检查规划单元问题")
    problem = _checked(problem, objective, solver, gap, time_limit, seed)
    order = [solver] + [name for name in SOLVERS if name != solver]
    for name in order:
        try:
            if name == "greedy":
                return _greedy(problem, objective, progress, started)
            return _exact(problem, objective, name, gap, time_limit, seed, progress, started)
        except SolverFailed as error:
            following = order[order.index(name) + 1]
            warnings.warn(f"{_LABELS[name]} could not run ({error}); trying {_LABELS[following]} instead. "
                          f"/ 求解器 {name} 无法运行，改用 {following}。", EcoSecurityWarning, stacklevel=2)


def _exact(problem, objective, name, gap, time_limit, seed, progress, started):
    progress.update(0.05, f"Building the model for {_LABELS[name]} / 构建模型")
    building = time.perf_counter()
    model = linear_model(problem, objective)
    build_seconds = time.perf_counter() - building
    progress.update(0.2, f"Solving with {_LABELS[name]} (cannot be interrupted; at most {time_limit:g} s) "
                         f"/ 正在求解（不可中断）")
    raw = solve_highs(model, gap, time_limit) if name == "highs" else solve_cbc(model, gap, time_limit, seed)
    if raw.status == "infeasible":
        raise InputError(f"{_LABELS[name]} found no selection that satisfies the constraints ({raw.message}). "
                         f"Relax the targets, the budget or the locks. / 求解器未找到满足约束的方案，请放宽目标、"
                         f"预算或锁定。")
    if raw.x is None:
        raise InputError(f"{_LABELS[name]} reached the time limit of {time_limit:g} s without a feasible selection. "
                         f"Raise TIME_LIMIT or GAP, or use larger planning units. / 求解达到时间上限 {time_limit:g} 秒"
                         f"仍无可行方案，请提高 TIME_LIMIT 或 GAP，或增大规划单元。")
    selected = np.asarray(raw.x[:problem.cost.size]) > 0.5
    _check_feasible(problem, objective, selected, name)
    if raw.status == "time_limit":
        warnings.warn(f"{_LABELS[name]} reached the time limit of {time_limit:g} s; the selection is the best found, "
                      f"within {100 * raw.gap:.2f} % of the optimum (asked: {100 * gap:g} %). Raise TIME_LIMIT for a "
                      f"better one. / 达到时间上限，结果为当前最优可行解（差距 {100 * raw.gap:.2f}%）。",
                      EcoSecurityWarning, stacklevel=3)
    progress.update(1.0, f"{_LABELS[name]}: {raw.status} / 求解完成")
    return Solution(selected, objective_value(problem, objective, selected), raw.status, name, raw.gap,
                    time.perf_counter() - started, raw.message, build_seconds + raw.build_seconds)


def _greedy(problem, objective, progress, started):
    progress.update(0.2, "Selecting units with the greedy heuristic / 贪心启发式选择")
    none = np.zeros(problem.cost.size, bool)
    locked_in = none if problem.locked_in is None else problem.locked_in
    locked_out = none if problem.locked_out is None else problem.locked_out
    if objective == "min_cost":
        selected = greedy_min_cost(problem.cost, problem.amounts, problem.targets, locked_in, locked_out)
    else:
        selected = greedy_max_benefit(problem.cost, problem.benefit, problem.budget, locked_in, locked_out)
    warnings.warn("The selection comes from a greedy heuristic: it meets the constraints but is not optimal "
                  "(no gap is known). Install or repair an exact solver (HiGHS in scipy ≥ 1.9, or "
                  "pip install \"pulp>=3.3,<4\") for an optimal one. / 结果来自贪心启发式，满足约束但非最优。",
                  EcoSecurityWarning, stacklevel=3)
    progress.update(1.0, "Greedy selection done / 贪心选择完成")
    return Solution(selected, objective_value(problem, objective, selected), "heuristic", "greedy", float("nan"),
                    time.perf_counter() - started, "greedy heuristic")


def _check_feasible(problem, objective, selected, name):
    """A solver's answer must satisfy the model; anything else is a solver fault, not the user's."""
    if objective == "min_cost":
        got = problem.amounts[selected].sum(axis=0)
        ok = np.all(got >= problem.targets - _TOLERANCE * np.maximum(1.0, np.abs(problem.targets)))
    else:
        ok = problem.cost[selected].sum() <= problem.budget + _TOLERANCE * max(1.0, abs(problem.budget))
    if problem.locked_in is not None:
        ok = ok and np.all(selected[problem.locked_in])
    if problem.locked_out is not None:
        ok = ok and not np.any(selected[problem.locked_out])
    if not ok:
        raise SolverFailed(f"{_LABELS[name]} returned a selection that breaks a constraint")


def _vector(value, n, name, dtype=np.float64):
    array = np.asarray(value, dtype)
    if array.shape != (n,):
        raise InputError(f"{name} must have one value per planning unit ({n}), got shape {array.shape}. "
                         f"/ {name} 的长度须等于规划单元数 {n}。")
    return array


def _finite(array, name, allow_negative=False):
    bad = ~np.isfinite(array) if allow_negative else ~(np.isfinite(array) & (array >= 0))
    if np.any(bad):
        where = np.argwhere(bad)[0]
        raise InputError(f"{name} must be finite{'' if allow_negative else ' and ≥ 0'}; unit/feature "
                         f"{tuple(int(k) for k in where)} has {array[tuple(where)]}. Fill NoData and negative values "
                         f"first. / {name} 须为有限{'' if allow_negative else '非负'}数值，位置 "
                         f"{tuple(int(k) for k in where)} 为 {array[tuple(where)]}。")


def _checked(problem, objective, solver, gap, time_limit, seed):
    """A copy of ``problem`` with arrays of the right type; :class:`InputError` on anything unusable."""
    if objective not in OBJECTIVES:
        raise InputError(f"Unknown objective '{objective}'; use one of {', '.join(OBJECTIVES)}. / 未知的目标。")
    if solver not in SOLVERS:
        raise InputError(f"Unknown solver '{solver}'; use one of {', '.join(SOLVERS)}. / 未知的求解器。")
    if not 0 <= gap < 1:
        raise InputError(f"GAP must be in [0, 1) (a fraction: 0.01 = 1 %), got {gap}. / GAP 须在 [0, 1) 之间。")
    if not time_limit > 0:
        raise InputError(f"TIME_LIMIT must be > 0 seconds, got {time_limit}. / TIME_LIMIT 须大于 0 秒。")
    if int(seed) != seed or not 0 <= seed < 2**31 - 1:
        raise InputError(f"SEED must be a whole number in [0, 2147483646], got {seed}. / SEED 须为非负整数。")
    cost = np.asarray(problem.cost, np.float64).ravel()
    n = cost.size
    _finite(cost, "COST")
    out = UnitProblem(cost=cost, amounts=np.zeros((n, 0)), budget=problem.budget, penalty=float(problem.penalty))
    if not (np.isfinite(out.penalty) and out.penalty >= 0):
        raise InputError(f"The boundary penalty must be ≥ 0, got {problem.penalty}. / 边界惩罚须不小于 0。")
    locked_in = np.zeros(n, bool) if problem.locked_in is None else _vector(problem.locked_in, n, "Locked-in", bool)
    locked_out = np.zeros(n, bool) if problem.locked_out is None else _vector(problem.locked_out, n, "Locked-out", bool)
    both = np.flatnonzero(locked_in & locked_out)
    if both.size:
        raise InputError(f"{both.size} planning units are both locked in and locked out (first: unit {both[0]}); "
                         f"remove one of the two locks. / {both.size} 个规划单元同时被锁定纳入和锁定排除。")
    out.locked_in, out.locked_out = locked_in, locked_out
    if out.penalty > 0:
        if problem.edges is None or problem.exposed is None:
            raise InputError("A boundary penalty needs the unit adjacency (edges and exposed lengths). "
                             "/ 边界惩罚需要规划单元的邻接关系。")
        h, l, length = (np.asarray(v) for v in problem.edges)
        length = np.asarray(length, np.float64)
        _finite(length, "Shared boundary length")
        out.edges = (h.astype(np.int64), l.astype(np.int64), length)
        out.exposed = _vector(problem.exposed, n, "Exposed boundary length")
        _finite(out.exposed, "Exposed boundary length")
    if objective == "min_cost":
        _check_targets(problem, out, n)
    else:
        _check_budget(problem, out, n)
    return out


def _check_targets(problem, out, n):
    if problem.targets is None:
        raise InputError("The minimum-cost objective needs targets. / 最小成本目标需要给出保护目标。")
    amounts = np.asarray(problem.amounts, np.float64).reshape(n, -1)
    targets = np.asarray(problem.targets, np.float64).ravel()
    if targets.size != amounts.shape[1]:
        raise InputError(f"There are {amounts.shape[1]} features but {targets.size} targets; give one target per "
                         f"feature. / 特征数 {amounts.shape[1]} 与目标数 {targets.size} 不一致。")
    _finite(amounts, "Feature amount")
    _finite(targets, "Target")
    reachable = amounts[~out.locked_out].sum(axis=0)
    short = np.flatnonzero(reachable < targets)
    if short.size:
        j = short[0]
        raise InputError(f"Target {j} cannot be met: it asks for {targets[j]:.6g} but all planning units that are not "
                         f"locked out hold only {reachable[j]:.6g} (every unit: {amounts[:, j].sum():.6g}); "
                         f"{short.size} target(s) are out of reach. Lower the target or unlock units. / 目标 {j} "
                         f"无法满足：要求 {targets[j]:.6g}，未被排除的规划单元最多只有 {reachable[j]:.6g}。")
    out.amounts, out.targets = amounts, targets


def _check_budget(problem, out, n):
    if problem.benefit is None or problem.budget is None:
        raise InputError("The maximum-benefit objective needs a benefit per unit and a BUDGET. "
                         "/ 效益最大化需要每个单元的效益和预算（BUDGET）。")
    out.benefit = _vector(problem.benefit, n, "Benefit")
    _finite(out.benefit, "Benefit", allow_negative=True)
    out.budget = float(problem.budget)
    locked_cost = float(out.cost[out.locked_in].sum())
    if not locked_cost <= out.budget:
        raise InputError(f"BUDGET {out.budget:.6g} is below the cost of the locked-in units, {locked_cost:.6g} "
                         f"({int(out.locked_in.sum())} units). Raise the budget to at least {locked_cost:.6g} or lock "
                         f"fewer units. / 预算 {out.budget:.6g} 低于锁定纳入单元的成本 {locked_cost:.6g}，请将预算提高到"
                         f"至少 {locked_cost:.6g}。")
