"""The mixed-integer model of a planning-unit problem, in the sparse-row form both exact solvers take
(spec ``prioritization.md`` §5.1; Beyer et al. 2016 for the boundary linearisation)::

    min  c·z   s.t.  row_lower ≤ A z ≤ row_upper,  lower ≤ z ≤ upper,  z = (x, y),  x binary.

* ``min_cost``: c = cost + p·exposed on x, −2p·L_hl on y_hl; rows Σ_i r_ij x_i ≥ T_j.
* ``max_benefit``: the same with c = −(benefit − p·exposed) on x, −2p·L_hl on y_hl (a maximum as a
  minimum of the negation); one row Σ_i c_i x_i ≤ B.
* Boundary pairs: y_hl ≤ x_h, y_hl ≤ x_l, 0 ≤ y_hl ≤ 1 continuous. Since p·L_hl ≥ 0, y_hl has a
  non-positive coefficient in the minimisation, so an optimum raises it to min(x_h, x_l) = x_h·x_l
  (binary x): the product is exact without y_hl ≥ x_h + x_l − 1 and without integer y.
* Locks are bounds: locked-in x_i = 1, locked-out x_i = 0.
"""
from dataclasses import dataclass

import numpy as np
from scipy import sparse


class SolverFailed(Exception):
    """The solver could not run or failed (not installed, binary not executable, solver error)."""


@dataclass
class LinearModel:
    c: np.ndarray            # objective of the minimisation, over z = (x, y)
    a: sparse.csr_matrix     # constraint rows
    row_lower: np.ndarray    # −inf where a row has only an upper bound
    row_upper: np.ndarray    # +inf where a row has only a lower bound
    lower: np.ndarray
    upper: np.ndarray
    n_units: int             # z[:n_units] = x (binary), the rest y (continuous)


@dataclass
class RawResult:
    """x of the solver (None without a feasible solution), 'optimal' or 'time_limit', achieved gap;
    ``build_seconds``: time the solver's own model build took (PuLP's), inside the call."""
    x: object
    status: str
    gap: float
    message: str = ""
    build_seconds: float = 0.0


def linear_model(problem, objective):
    """:class:`LinearModel` of ``problem`` (a :class:`.optimise.UnitProblem`) for ``objective``."""
    n = problem.cost.size
    boundary = problem.penalty > 0 and problem.edges is not None
    h, l, length = problem.edges if boundary else (np.zeros(0, int),) * 2 + (np.zeros(0),)
    e = len(h)
    exposed_cost = problem.penalty * problem.exposed if boundary else np.zeros(n)
    if objective == "min_cost":
        unit_c = problem.cost + exposed_cost
        block = sparse.csr_matrix(np.asarray(problem.amounts, np.float64).T)
        lower_rows, upper_rows = np.asarray(problem.targets, np.float64), np.full(block.shape[0], np.inf)
    else:
        unit_c = -(problem.benefit - exposed_cost)
        block = sparse.csr_matrix(problem.cost[None, :])
        lower_rows, upper_rows = np.array([-np.inf]), np.array([float(problem.budget)])
    c = np.concatenate([unit_c, -2.0 * problem.penalty * np.asarray(length, np.float64)])
    block = sparse.hstack([block, sparse.csr_matrix((block.shape[0], e))])
    # y_k − x_h ≤ 0 and y_k − x_l ≤ 0, two rows per pair.
    k = np.arange(e)
    pair_rows = sparse.csr_matrix(
        (np.tile([1.0, -1.0], 2 * e),
         (np.repeat(np.arange(2 * e), 2), np.column_stack([n + k, h, n + k, l]).reshape(-1))),
        shape=(2 * e, n + e))
    a = sparse.vstack([block, pair_rows], format="csr")
    lower = np.zeros(n + e)
    upper = np.ones(n + e)
    if problem.locked_in is not None:
        lower[:n][problem.locked_in] = 1.0
    if problem.locked_out is not None:
        upper[:n][problem.locked_out] = 0.0
    return LinearModel(c, a, np.concatenate([lower_rows, np.full(2 * e, -np.inf)]),
                       np.concatenate([upper_rows, np.zeros(2 * e)]), lower, upper, n)
