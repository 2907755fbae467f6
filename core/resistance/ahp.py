"""Analytic Hierarchy Process: weights and consistency of a pairwise comparison matrix.

Method (Saaty 1977, *J. Math. Psychol.* 15:234-281; Saaty 1980, *The Analytic Hierarchy
Process*, McGraw-Hill):

* weights ``w`` = the principal (Perron) right eigenvector of the positive reciprocal matrix
  ``A`` (``a_ij`` = importance of criterion i over j on the 1/9 … 9 scale), scaled to sum 1;
* ``λmax`` = its eigenvalue; consistency index ``CI = (λmax − n) / (n − 1)``;
* consistency ratio ``CR = CI / RI(n)``, where ``RI`` is the mean CI of random reciprocal
  matrices. Two RI tables are offered (:data:`RANDOM_INDEX`): Saaty's (1980) — 0, 0, 0.58, 0.90,
  1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59 for n = 1 … 15 — and the one
  common in Chinese studies (许树柏 Xu Shubai 1988, 《实用决策方法——层次分析法原理》) — 0, 0,
  0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59. For n ≤ 2 a
  reciprocal matrix is always consistent and CR = 0. ``CR > 0.1`` is inconsistent (Saaty 1980).
* most inconsistent judgments: the pairs with the largest ``|ln ε_ij|``, ``ε_ij = a_ij w_j / w_i``
  (the ratio of a judgment to the one the weights imply; Saaty 2003, *EJOR* 145:85-91). Each is
  reported with the value the *other* judgments imply, the geometric mean of the indirect
  comparisons ``(Π_k a_ik a_kj)^(1/(n-2))`` over the other criteria k, rounded to the 1/9 … 9
  scale as a suggestion (the eigenvector itself is pulled towards the wrong judgment).
* group decisions: the element-wise (weighted) geometric mean of the experts' matrices, which
  is again reciprocal (aggregation of individual judgments, Aczél & Saaty 1983, *J. Math.
  Psychol.* 27:93-102; Forman & Peniwati 1998, *EJOR* 108:165-169).

Reproduces Saaty's published examples to their printed digits (tests/core/test_ahp.py):
the house example of Saaty (1990, *EJOR* 48:9-26; λmax 9.669, CI 0.238, CR 0.169), the
drink-consumption matrix of Saaty (2008, *Int. J. Services Sciences* 1:83-98; CR 0.022) and the
wealth-of-nations matrix of Saaty (1980; λmax 7.61).
"""
import math
from dataclasses import dataclass, field

import numpy as np

from ..runtime.errors import InputError

#: Random consistency index RI(n), n = 1 … 15, by table name.
RANDOM_INDEX = {
    "saaty": (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59),
    "xu": (0.0, 0.0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59),
}
#: Enum order of the RI tables (public contract of ``ecosecurity:ahpweights`` RI_TABLE).
RI_TABLES = ("saaty", "xu")
#: Saaty's consistency threshold.
MAX_CR = 0.1
#: Saaty's fundamental scale and its reciprocals.
SAATY_SCALE = tuple(sorted({float(k) for k in range(1, 10)} | {1.0 / k for k in range(2, 10)}))
_SCALE_SLACK = 1e-6


@dataclass
class Comparison:
    """One judgment, the value the other judgments imply for it, and the nearest scale value."""
    row: str
    column: str
    given: float
    implied: float
    suggested: float


@dataclass
class AhpResult:
    """Weights and consistency of a (possibly aggregated) comparison matrix."""
    names: list
    matrix: np.ndarray
    weights: np.ndarray
    lambda_max: float
    ci: float
    ri: float
    cr: float
    ri_table: str
    inconsistent: list = field(default_factory=list)
    expert_crs: list = field(default_factory=list)

    @property
    def consistent(self):
        return self.cr <= MAX_CR


def random_index(n, table="saaty"):
    """RI(n) from :data:`RANDOM_INDEX` (``table``: ``'saaty'`` or ``'xu'``)."""
    if table not in RANDOM_INDEX:
        raise InputError(f"Unknown random index table '{table}'; use one of {', '.join(RI_TABLES)}.")
    values = RANDOM_INDEX[table]
    if not 1 <= n <= len(values):
        raise InputError(
            f"AHP with {n} criteria: the random index is tabulated for 1 to {len(values)} criteria. "
            "Group the criteria into a hierarchy of at most 15 per matrix (Saaty recommends 7 ± 2). "
            f"/ 判断矩阵阶数 {n} 超出随机一致性指标表（1～15）。")
    return values[n - 1]


def principal_eigenvector(matrix):
    """``(λmax, w)``: the Perron eigenvalue of a positive matrix and its eigenvector summing to 1."""
    matrix = np.asarray(matrix, dtype=np.float64)
    values, vectors = np.linalg.eig(matrix)
    k = int(np.argmax(values.real))
    vector = np.abs(vectors[:, k].real)
    return float(values[k].real), vector / vector.sum()


def consistency(lambda_max, n, table="saaty"):
    """``(CI, RI, CR)`` for a matrix of order ``n`` with principal eigenvalue ``lambda_max``."""
    ri = random_index(n, table)
    if n <= 2:
        return 0.0, ri, 0.0
    ci = max((lambda_max - n) / (n - 1), 0.0)
    return ci, ri, ci / ri


def nearest_scale_value(value):
    """The value of Saaty's 1/9 … 9 scale nearest to ``value`` in log terms."""
    logs = np.log(np.asarray(SAATY_SCALE))
    return SAATY_SCALE[int(np.argmin(np.abs(logs - math.log(value))))]


def inconsistent_comparisons(matrix, weights, names, count=3):
    """The ``count`` judgments (i < j) farthest from ``w_i / w_j``, worst first."""
    n = len(weights)
    if n < 3:
        return []
    ranked = []
    logs = np.log(matrix)
    for i in range(n):
        for j in range(i + 1, n):
            epsilon = abs(math.log(matrix[i, j] * weights[j] / weights[i]))
            others = [k for k in range(n) if k not in (i, j)]
            implied = math.exp(float(np.mean(logs[i, others] + logs[others, j])))
            ranked.append((epsilon, Comparison(names[i], names[j], float(matrix[i, j]), implied,
                                               nearest_scale_value(implied))))
    ranked.sort(key=lambda item: item[0], reverse=True)
    return [c for epsilon, c in ranked[:count] if epsilon > 1e-9]


def geometric_mean_matrix(matrices, expert_weights=None):
    """Element-wise weighted geometric mean ``Π A_k^(λ_k)``, ``Σ λ_k = 1`` (equal by default)."""
    stack = np.asarray(matrices, dtype=np.float64)
    if expert_weights is None:
        lambdas = np.full(stack.shape[0], 1.0 / stack.shape[0])
    else:
        lambdas = np.asarray(expert_weights, dtype=np.float64)
        if lambdas.shape != (stack.shape[0],):
            raise InputError(f"{lambdas.size} expert weight(s) given for {stack.shape[0]} matrices; give one "
                             "weight per expert. / 专家权重个数与判断矩阵个数不一致。")
        if np.any(lambdas <= 0):
            raise InputError("Expert weights must be positive. / 专家权重必须为正数。")
        lambdas = lambdas / lambdas.sum()
    return np.exp(np.tensordot(lambdas, np.log(stack), axes=1))


def check_matrix(matrix, names, label="the matrix"):
    """Raise :class:`InputError` unless ``matrix`` is square, positive, reciprocal, on the 1/9 … 9 scale."""
    matrix = np.asarray(matrix, dtype=np.float64)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise InputError(f"{label} is {matrix.shape}, not square. / 判断矩阵必须为方阵。")
    n = matrix.shape[0]
    if len(names) != n:
        raise InputError(f"{label} is {n}×{n} but {len(names)} criteria are named ({', '.join(names)}). "
                         "/ 判断矩阵阶数与指标个数不一致。")
    if not np.all(np.isfinite(matrix)) or np.any(matrix <= 0):
        raise InputError(f"{label} has zero, negative or missing judgments; all must be on the 1/9 … 9 scale. "
                         "/ 判断矩阵元素必须为正数。")
    out_of_scale = np.argwhere((matrix > 9.0 + _SCALE_SLACK) | (matrix < 1.0 / 9.0 - _SCALE_SLACK))
    if out_of_scale.size:
        i, j = out_of_scale[0]
        raise InputError(f"{label}: '{names[i]}' vs '{names[j]}' is {matrix[i, j]:g}, outside Saaty's 1/9 … 9 "
                         "scale (the random index, hence CR, is only defined on that scale). "
                         "/ 判断矩阵元素超出 1/9～9 标度。")
    bad = np.argwhere(np.abs(matrix * matrix.T - 1.0) > 1e-6)
    if bad.size:
        i, j = bad[0]
        raise InputError(f"{label}: '{names[i]}' vs '{names[j]}' is {matrix[i, j]:g} but '{names[j]}' vs "
                         f"'{names[i]}' is {matrix[j, i]:g}; they must be reciprocal. / 判断矩阵不满足互反性。")


def describe_inconsistency(comparisons):
    """``'A' vs 'B' is 1/3 but the weights imply 2.6 (try 3)`` for each comparison."""
    return "; ".join(f"'{c.row}' vs '{c.column}' is {format_judgment(c.given)} but the other judgments imply "
                     f"{_ratio(c.implied)} (try {format_judgment(c.suggested)})" for c in comparisons)


def ahp_weights(matrices, names=None, expert_weights=None, ri_table="saaty", allow_inconsistent=False,
                max_cr=MAX_CR):
    """AHP weights of one matrix or of a group of experts' matrices (geometric mean).

    ``matrices``: an n×n array or a list of them. Raises :class:`InputError` when the (aggregated)
    CR exceeds ``max_cr`` unless ``allow_inconsistent``; the message names the most inconsistent
    comparisons and the values that would agree with the others.
    """
    stack = np.asarray(matrices, dtype=np.float64)
    if stack.ndim == 2:
        stack = stack[np.newaxis]
    n = stack.shape[-1]
    names = list(names) if names else [f"C{i + 1}" for i in range(n)]
    for k, matrix in enumerate(stack):
        check_matrix(matrix, names, f"Matrix {k + 1}" if len(stack) > 1 else "The matrix")
    expert_crs = []
    if len(stack) > 1:
        for matrix in stack:
            lam, _ = principal_eigenvector(matrix)
            expert_crs.append(consistency(lam, n, ri_table)[2])
    matrix = geometric_mean_matrix(stack, expert_weights) if len(stack) > 1 else stack[0]
    lambda_max, weights = principal_eigenvector(matrix)
    ci, ri, cr = consistency(lambda_max, n, ri_table)
    worst = inconsistent_comparisons(matrix, weights, names)
    result = AhpResult(names, matrix, weights, lambda_max, ci, ri, cr, ri_table, worst, expert_crs)
    if cr > max_cr and not allow_inconsistent:
        group = " of the experts' geometric-mean matrix" if len(stack) > 1 else ""
        raise InputError(
            f"The comparison matrix{group} is inconsistent: CR = {cr:.4f} > {max_cr:g} "
            f"(λmax = {lambda_max:.4f}, CI = {ci:.4f}, RI = {ri:.2f}). Most inconsistent comparisons: "
            f"{describe_inconsistency(worst)}. Revise these judgments, or tick 'Allow inconsistent matrix' "
            f"to accept the weights anyway. / 判断矩阵一致性检验未通过（CR = {cr:.4f} > {max_cr:g}），"
            "请修改上述最不一致的两两比较，或勾选“允许不一致”。")
    return result


def _ratio(value):
    return f"{value:.2f}" if value >= 1.0 else f"1/{1.0 / value:.2f}"


def format_judgment(value):
    """``3`` or ``1/3`` style text for a judgment."""
    if value >= 1.0:
        return f"{value:g}"
    inverse = 1.0 / value
    return f"1/{inverse:g}" if abs(inverse - round(inverse)) < 1e-6 else f"{value:.3g}"
