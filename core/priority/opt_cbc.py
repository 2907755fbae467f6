"""CBC through PuLP 3.x (spec ``prioritization.md`` §5.3): ``PULP_CBC_CMD``, the CBC binary bundled
with PuLP < 4, or ``COIN_CMD`` (a system ``cbc``, e.g. Debian's ``coinor-cbc``) when the bundled
one is missing or cannot execute. PuLP is imported lazily (``pip install "pulp>=3.3,<4"``).

The model is built row by row from the sparse matrix of :class:`.opt_model.LinearModel`, each row
one ``LpAffineExpression`` made from its (variable, coefficient) pairs. CBC runs as a subprocess;
the seed goes to both of its generators (``randomCbcSeed``, ``randomSeed``) as seed + 1, because
CBC reads 0 as "seed from the clock". The achieved gap is (objective − lower bound) / |objective|
from CBC's log, the definition HiGHS uses.
"""
import os
import re
import tempfile
import time
import warnings

import numpy as np

from ..runtime.deps import require
from ..runtime.errors import MissingDependencyError
from .opt_model import RawResult, SolverFailed


def cbc_model(pulp, model):
    """(LpProblem, variables z) of the :class:`LinearModel` ``model`` (a minimisation)."""
    problem = pulp.LpProblem("planning_units", pulp.LpMinimize)
    n = model.n_units
    z = [pulp.LpVariable(f"x{k}" if k < n else f"y{k - n}", lowBound=float(lo), upBound=float(up),
                         cat=pulp.LpInteger if k < n else pulp.LpContinuous)
         for k, (lo, up) in enumerate(zip(model.lower, model.upper))]
    nonzero = np.flatnonzero(model.c)
    problem.setObjective(pulp.LpAffineExpression([(z[k], float(model.c[k])) for k in nonzero]))
    a = model.a
    for row in range(a.shape[0]):
        span = slice(a.indptr[row], a.indptr[row + 1])
        expression = pulp.LpAffineExpression([(z[k], v) for k, v in zip(a.indices[span].tolist(),
                                                                         a.data[span].tolist())])
        low, high = model.row_lower[row], model.row_upper[row]
        if np.isfinite(low):
            sense, rhs = pulp.LpConstraintGE, float(low)
        else:
            sense, rhs = pulp.LpConstraintLE, float(high)
        problem.addConstraint(pulp.LpConstraint(expression, sense, f"r{row}", rhs))
    return problem, z


def _command(pulp, gap, time_limit, seed, log_path):
    arguments = {"msg": False, "gapRel": float(gap), "timeLimit": float(time_limit), "logPath": log_path,
                 "options": [f"randomCbcSeed {int(seed) + 1}", f"randomSeed {int(seed) + 1}"]}
    tried = []
    for name in ("PULP_CBC_CMD", "COIN_CMD"):
        if hasattr(pulp, name):
            command = getattr(pulp, name)(**arguments)
            if command.available():
                return command
            tried.append(f"{name} ({command.path})")
    raise SolverFailed("no executable CBC binary: " + (", ".join(tried) or f"PuLP {pulp.__version__} has none"))


def _log_gap(text):
    objective = re.search(r"^Objective value:\s*(\S+)", text, re.MULTILINE)
    bound = re.search(r"^Lower bound:\s*(\S+)", text, re.MULTILINE)
    if objective and bound:
        value = float(objective.group(1))
        return abs(value - float(bound.group(1))) / max(abs(value), 1e-12)
    return float("nan")


def solve_cbc(model, gap, time_limit, seed):
    """:class:`RawResult` of ``model``; :class:`SolverFailed` when PuLP or CBC cannot run."""
    try:
        pulp = require("pulp", "the CBC solver")
    except MissingDependencyError as error:
        raise SolverFailed(str(error)) from None
    with warnings.catch_warnings(), tempfile.TemporaryDirectory(prefix="ecosecurity_cbc_") as folder:
        warnings.simplefilter("ignore", DeprecationWarning)   # PuLP 3.x announces its 4.0 API
        log_path = os.path.join(folder, "cbc.log")
        command = _command(pulp, gap, time_limit, seed, log_path)
        started = time.perf_counter()
        problem, z = cbc_model(pulp, model)
        build_seconds = time.perf_counter() - started
        try:
            problem.solve(command)
        except pulp.PulpSolverError as error:
            raise SolverFailed(f"CBC failed: {error}") from error
        with open(log_path, encoding="utf-8", errors="replace") as log:
            text = log.read()
    x = np.array([v.varValue or 0.0 for v in z[:model.n_units]])
    status = pulp.LpStatus.get(problem.status, str(problem.status))
    stopped = "Stopped on time" in text
    if status == "Infeasible":
        return RawResult(None, "infeasible", float("nan"), "CBC: infeasible", build_seconds)
    if status == "Optimal" and not stopped:
        return RawResult(x, "optimal", _log_gap(text) if "within gap" in text else 0.0, "CBC: optimal",
                         build_seconds)
    if stopped:
        feasible = problem.sol_status == pulp.LpSolutionIntegerFeasible
        return RawResult(x if feasible else None, "time_limit", _log_gap(text), "CBC: stopped on time limit",
                         build_seconds)
    raise SolverFailed(f"CBC stopped with status {status}")
