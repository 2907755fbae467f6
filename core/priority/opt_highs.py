"""HiGHS through ``scipy.optimize.milp`` (in-process; scipy ≥ 1.9).

scipy 1.10's ``milp`` documents only ``disp``, ``presolve``, ``time_limit``, ``node_limit`` and
``mip_rel_gap``; any other key (``random_seed``) is passed on with a RuntimeWarning and, with the
HiGHS 1.2 inside scipy 1.10, had no effect in our check (the same branch-and-bound trajectory,
node for node, for seeds 0, 1 and 777). HiGHS runs single-threaded here and is deterministic, so
the same model gives the same answer; the seed is not passed.
"""
import numpy as np

from .opt_model import RawResult, SolverFailed


def solve_highs(model, gap, time_limit):
    """:class:`RawResult` of the :class:`LinearModel` ``model``; :class:`SolverFailed` on a solver error."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    integrality = np.zeros(model.c.size)
    integrality[:model.n_units] = 1
    try:
        result = milp(model.c, integrality=integrality, bounds=Bounds(model.lower, model.upper),
                      constraints=LinearConstraint(model.a, model.row_lower, model.row_upper),
                      options={"disp": False, "mip_rel_gap": float(gap), "time_limit": float(time_limit)})
    except (ValueError, MemoryError) as error:
        raise SolverFailed(f"HiGHS (scipy.optimize.milp) failed: {error}") from error
    achieved = float(result.mip_gap) if result.get("mip_gap") is not None else float("nan")
    if result.status == 0:
        return RawResult(np.asarray(result.x), "optimal", achieved, result.message)
    if result.status == 1:   # time (or iteration) limit; x is the incumbent when there is one
        x = None if result.x is None else np.asarray(result.x)
        return RawResult(x, "time_limit", achieved, result.message)
    if result.status == 2:
        return RawResult(None, "infeasible", float("nan"), result.message)
    raise SolverFailed(f"HiGHS (scipy.optimize.milp) stopped with status {result.status}: {result.message}")
