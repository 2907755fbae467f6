"""Markov-chain land demand: the transition matrix of two land-use maps projected to a target year.

* **Transition matrix** (first-order, stationary; e.g. Muller & Middleton 1994, Landscape Ecology 9:151;
  the Markov step of CA-Markov, FLUS and PLUS): P_ij = n_ij / Σ_j n_ij, with n_ij the cells of class i
  in the earlier map and class j in the later one (cross-tabulation of the aligned maps, cells valid in
  both). A class absent from the earlier map has no observed transitions; its row is the identity (it
  stays itself), and this is reported.
* **Periods**: one period is the interval between the two maps, so the target is
  n = (target − later) / (later − earlier) periods after the later map.
* **Projection**: the later map's cells per class, s (a row vector), give s·Pⁿ. For a whole n this is
  the matrix power. For a fractional n = m + f (0 < f < 1) we interpolate linearly between the two
  neighbouring whole periods: s(n) = (1 − f)·s·Pᵐ + f·s·Pᵐ⁺¹. This stays a vector of non-negative
  cells with the same total and equals the power at whole n. A fractional matrix power P^f (through an
  eigen-decomposition or a matrix logarithm) is not used: a root of a stochastic matrix is often not
  stochastic (negative or complex entries — the embedding problem of Markov chains, Kingman 1962;
  Israel, Rosenthal & Wei 2001, Mathematical Finance 11:245), and the usual practice (IDRISI/TerrSet
  Markov, CA-Markov studies) projects whole periods; a note says when interpolation was used.
"""
from dataclasses import dataclass, field

import numpy as np

from ..runtime.errors import InputError

WHOLE = 1e-9


def check_years(earlier_year, later_year, target_year):
    """Refuse an earlier year not before the later one and a target year not after the later one."""
    if not later_year > earlier_year:
        raise InputError(f"EARLIER_YEAR ({earlier_year:g}) must be before LATER_YEAR ({later_year:g}). "
                         f"/ 前期年份（{earlier_year:g}）必须早于后期年份（{later_year:g}）。")
    if not target_year > later_year:
        raise InputError(f"TARGET_YEAR ({target_year:g}) must be after LATER_YEAR ({later_year:g}): the Markov chain "
                         "projects forward from the later map. "
                         f"/ 目标年份（{target_year:g}）必须晚于后期年份（{later_year:g}）。")


def periods(earlier_year, later_year, target_year):
    """Number of map intervals from the later year to the target year (checked years)."""
    check_years(earlier_year, later_year, target_year)
    return (target_year - later_year) / (later_year - earlier_year)


@dataclass
class MarkovChain:
    codes: list             # class codes, ascending (union of both maps)
    counts: np.ndarray      # n_ij, cells earlier class i → later class j
    matrix: np.ndarray      # P_ij, rows sum to 1
    notes: list = field(default_factory=list)


def transition_matrix(crosstab, codes):
    """:class:`MarkovChain` from ``{(earlier, later): cells}`` over the class codes ``codes``."""
    codes = sorted(codes)
    index = {code: k for k, code in enumerate(codes)}
    counts = np.zeros((len(codes), len(codes)), dtype=np.int64)
    for (old, new), cells in crosstab.items():
        counts[index[old], index[new]] += cells
    totals = counts.sum(axis=1)
    matrix = np.zeros(counts.shape, dtype=np.float64)
    notes = []
    for k, total in enumerate(totals):
        if total:
            matrix[k] = counts[k] / total
        else:
            matrix[k, k] = 1.0
            notes.append(f"Class {codes[k]} does not occur in the earlier map: its row of the transition matrix is "
                         f"the identity (it stays itself). / 地类 {codes[k]} 在前期图中不存在，其转移概率行取单位行。")
    return MarkovChain(codes, counts, matrix, notes)


def project(state, matrix, n):
    """``(projected state, note)``: ``state``·Pⁿ, linearly interpolated between whole periods (module doc)."""
    state = np.asarray(state, dtype=np.float64)
    whole = int(np.floor(n + WHOLE))
    fraction = n - whole
    low = state @ np.linalg.matrix_power(matrix, whole)
    if fraction <= WHOLE:
        return low, ""
    high = low @ matrix
    note = (f"{n:.4g} periods is not a whole number: the demand is interpolated linearly between {whole} and "
            f"{whole + 1} periods ({1 - fraction:.3g} × s·P^{whole} + {fraction:.3g} × s·P^{whole + 1}). "
            f"/ 预测期数 {n:.4g} 不是整数，需求在 {whole} 期与 {whole + 1} 期之间线性插值。")
    return (1.0 - fraction) * low + fraction * high, note
