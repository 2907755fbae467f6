"""Small linear programmes, solved by HiGHS (through ``scipy.optimize.linprog``, default) or by CBC
(the binary bundled with PuLP < 4, imported lazily; spec ``prioritization.md`` §5.3).

One problem form for both solvers::

    max (or min)  c·x   s.t.  A_ub x ≤ b_ub,  A_eq x = b_eq,  lower ≤ x ≤ upper   (x continuous)

Land demand (GMOP) has a handful of variables, so the model is passed as dense numpy arrays; both
solvers are exact simplex/interior-point codes and agree to their tolerances (≈ 1e-7 relative).
PuLP 4 drops the bundled CBC (``PULP_CBC_CMD``); ``requirements.txt`` pins ``pulp>=2.7,<4``.
"""
import warnings
from dataclasses import dataclass

import numpy as np

from ..runtime.deps import require
from ..runtime.errors import EcoSecurityError, InputError

#: Solver keys in the order of the ``SOLVER`` enum of ``ecosecurity:landdemand``.
SOLVERS = ("highs", "cbc")
SOLVER_LABELS = {"highs": "HiGHS (scipy)", "cbc": "CBC (PuLP)"}


class InfeasibleError(InputError):
    """The solver found no point satisfying the constraints."""


@dataclass
class LpSolution:
    x: np.ndarray
    value: float       # c·x at the optimum
    solver: str


def solve_lp(c, lower, upper, a_ub=None, b_ub=None, a_eq=None, b_eq=None, maximize=True, solver="highs"):
    """Optimum of the LP above; :class:`InfeasibleError` when infeasible or unbounded."""
    c = np.asarray(c, dtype=np.float64)
    if solver not in SOLVERS:
        raise InputError(f"Unknown LP solver '{solver}'; use one of {', '.join(SOLVERS)}. / 未知的线性规划求解器。")
    a_ub, b_ub = _matrix(a_ub, c.size), _vector(b_ub)
    a_eq, b_eq = _matrix(a_eq, c.size), _vector(b_eq)
    if solver == "highs":
        x = _solve_highs(c, lower, upper, a_ub, b_ub, a_eq, b_eq, maximize)
    else:
        x = _solve_cbc(c, lower, upper, a_ub, b_ub, a_eq, b_eq, maximize)
    return LpSolution(x, float(c @ x), solver)


def _matrix(a, n):
    return np.zeros((0, n)) if a is None else np.atleast_2d(np.asarray(a, dtype=np.float64))


def _vector(b):
    return np.zeros(0) if b is None else np.atleast_1d(np.asarray(b, dtype=np.float64))


def _solve_highs(c, lower, upper, a_ub, b_ub, a_eq, b_eq, maximize):
    from scipy.optimize import linprog
    result = linprog(-c if maximize else c,
                     A_ub=a_ub if a_ub.size else None, b_ub=b_ub if b_ub.size else None,
                     A_eq=a_eq if a_eq.size else None, b_eq=b_eq if b_eq.size else None,
                     bounds=list(zip(np.asarray(lower, float), np.asarray(upper, float))), method="highs")
    if result.status == 2:
        raise InfeasibleError("The linear programme is infeasible (HiGHS). / 线性规划无可行解。")
    if result.status != 0:
        raise EcoSecurityError(f"HiGHS did not solve the linear programme: {result.message} / 求解失败。")
    return np.asarray(result.x, dtype=np.float64)


def _solve_cbc(c, lower, upper, a_ub, b_ub, a_eq, b_eq, maximize):
    pulp = require("pulp", "the CBC solver")
    with warnings.catch_warnings():   # PuLP 3.x announces its 4.0 API on every call
        warnings.simplefilter("ignore", DeprecationWarning)
        return _solve_cbc_model(pulp, c, lower, upper, a_ub, b_ub, a_eq, b_eq, maximize)


def _solve_cbc_model(pulp, c, lower, upper, a_ub, b_ub, a_eq, b_eq, maximize):
    if not hasattr(pulp, "PULP_CBC_CMD"):
        raise EcoSecurityError("This PuLP has no bundled CBC (PuLP 4 removed it); install 'pulp<4' or choose the "
                               "HiGHS solver. / 此版本 PuLP 不含 CBC，请安装 pulp<4 或改用 HiGHS。")
    problem = pulp.LpProblem("landdemand", pulp.LpMaximize if maximize else pulp.LpMinimize)
    xs = [pulp.LpVariable(f"x{k}", lowBound=float(lo), upBound=float(up))
          for k, (lo, up) in enumerate(zip(lower, upper))]
    problem += pulp.lpSum(float(ck) * xk for ck, xk in zip(c, xs))
    for row, rhs in zip(a_ub, b_ub):
        problem += pulp.lpSum(float(a) * xk for a, xk in zip(row, xs) if a) <= float(rhs)
    for row, rhs in zip(a_eq, b_eq):
        problem += pulp.lpSum(float(a) * xk for a, xk in zip(row, xs) if a) == float(rhs)
    command = pulp.PULP_CBC_CMD(msg=False)
    if not command.available():
        raise EcoSecurityError("PuLP's bundled CBC binary cannot run on this machine; choose the HiGHS solver "
                               "(SOLVER=0). / PuLP 自带的 CBC 无法运行，请改用 HiGHS。")
    status = problem.solve(command)
    name = pulp.LpStatus.get(status, str(status))
    if name == "Infeasible":
        raise InfeasibleError("The linear programme is infeasible (CBC). / 线性规划无可行解。")
    if name != "Optimal":
        raise EcoSecurityError(f"CBC did not solve the linear programme (status {name}). / 求解失败。")
    return np.array([xk.value() or 0.0 for xk in xs], dtype=np.float64)


def cbc_runs():
    """True when PuLP is installed and its bundled CBC binary runs here (used to skip tests with a reason)."""
    try:
        import pulp
    except ImportError:
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return hasattr(pulp, "PULP_CBC_CMD") and bool(pulp.PULP_CBC_CMD(msg=False).available())
