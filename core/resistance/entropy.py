"""Entropy weight method and its combination with AHP weights.

For ``m`` samples (table rows or raster cells valid in every factor) and factor ``j``
(Shannon 1948; applied to attribute weighting by Zeleny 1982, *Multiple Criteria Decision
Making*, and Xu 2004, *EJOR* 156:530-532):

* normalisation ``z_ij`` — ``'minmax'``: ``(x − min)/(max − min)`` for a positive (benefit)
  factor, ``(max − x)/(max − min)`` for a negative (cost) factor, the form common in Chinese
  studies (熵权法); ``'sum'``: the raw values ``z = x ≥ 0`` (Xu 2004; Zavadskas & Podvezko 2016,
  *IJITDM* 15:267-283), where the direction does not enter;
* proportions ``p_ij = z_ij / Σ_i z_ij``; entropy ``e_j = −(1/ln m) Σ_i p_ij ln p_ij`` with
  ``0 ln 0 = 0``; divergence ``d_j = 1 − e_j``; weight ``w_j = d_j / Σ_k d_k``.
  A factor that does not vary has ``e = 1`` and weight 0 (reported in ``notes``).
* streaming form used for rasters: with ``S = Σ z`` and ``T = Σ z ln z``,
  ``Σ p ln p = T/S − ln S``, so the sums are accumulated block by block.

Combination with subjective (AHP) weights ``a`` (both normalised to sum 1):
``'multiplicative'`` ``w_j = a_j b_j / Σ_k a_k b_k`` (Xu 2004) and ``'linear'``
``w_j = α a_j + (1 − α) b_j`` with ``α`` the share of the AHP weights.

Reproduces the published examples of Xu (2004) (0.4630, 0.3992, 0.1378, 0.0000) and Zavadskas &
Podvezko (2016) (0.1146, 0.1981, 0.4185, 0.2689) to 1e-4 (tests/core/test_entropy.py).
"""
import math
from dataclasses import dataclass, field

import numpy as np

from ..runtime.errors import InputError
from ..runtime.progress import ensure

#: Enum orders (public contract of ``ecosecurity:entropyweights``).
NORMALISATIONS = ("minmax", "sum")
COMBINATIONS = ("none", "multiplicative", "linear")
POSITIVE, NEGATIVE = 1, -1


@dataclass
class EntropyResult:
    """Entropy, divergence and weight of each factor."""
    names: list
    entropy: np.ndarray
    divergence: np.ndarray
    weights: np.ndarray
    normalisation: str
    samples: int
    notes: list = field(default_factory=list)


def parse_directions(text, count):
    """Directions (+1 / −1) from ``'+,-,+'``, ``'1,-1'`` or words; ``+1`` for all when empty."""
    items = [item.strip().lower() for item in str(text or "").replace(";", ",").split(",") if item.strip()]
    if not items:
        return [POSITIVE] * count
    if len(items) != count:
        raise InputError(f"{len(items)} direction(s) given for {count} factors; give one per factor, "
                         "e.g. +,+,- (+ = larger is better / 正向, - = smaller is better / 负向). "
                         "/ 指标方向个数与因子个数不一致。")
    words = {"+": POSITIVE, "1": POSITIVE, "+1": POSITIVE, "positive": POSITIVE, "benefit": POSITIVE, "正": POSITIVE,
             "正向": POSITIVE, "-": NEGATIVE, "-1": NEGATIVE, "negative": NEGATIVE, "cost": NEGATIVE,
             "负": NEGATIVE, "负向": NEGATIVE, "逆向": NEGATIVE}
    try:
        return [words[item] for item in items]
    except KeyError as exc:
        raise InputError(f"Unknown factor direction {exc}; use + (positive) or - (negative). "
                         "/ 指标方向只能是 +（正向）或 -（负向）。") from None


class EntropySums:
    """Accumulates ``min``, ``max``, ``S = Σ z``, ``T = Σ z ln z`` and ``m`` per factor, block by block.

    For ``'minmax'`` call :meth:`add_range` on every block first, then :meth:`add` on every block;
    for ``'sum'`` only :meth:`add` (which then tracks the range itself).
    """

    def __init__(self, count, directions, normalisation):
        if normalisation not in NORMALISATIONS:
            raise InputError(f"Unknown normalisation '{normalisation}'; use {' or '.join(NORMALISATIONS)}.")
        self.normalisation = normalisation
        self.directions = np.asarray(directions, dtype=np.int8)
        self.low = np.full(count, np.inf)
        self.high = np.full(count, -np.inf)
        self.s = np.zeros(count)
        self.t = np.zeros(count)
        self.samples = 0

    def add_range(self, columns):
        """Update min/max from ``columns`` (samples × factors, valid rows only)."""
        if len(columns):
            self.low = np.minimum(self.low, columns.min(axis=0))
            self.high = np.maximum(self.high, columns.max(axis=0))

    def add(self, columns, names):
        """Accumulate S, T and the sample count from ``columns`` (samples × factors)."""
        if not len(columns):
            return
        columns = np.asarray(columns, dtype=np.float64)
        if self.normalisation == "sum":
            negative = np.flatnonzero(columns.min(axis=0) < 0)
            if negative.size:
                raise InputError(f"Factor '{names[negative[0]]}' has negative values; the 'sum' normalisation "
                                 "needs values ≥ 0. Use the 'minmax' normalisation. / 'sum' 归一化要求非负值，"
                                 "请改用极差（minmax）归一化。")
            z = columns
            self.add_range(columns)
        else:
            span = self.high - self.low
            safe = np.where(span > 0, span, 1.0)
            z = np.where(self.directions > 0, columns - self.low, self.high - columns) / safe
            z = np.where(span > 0, z, 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            zlogz = np.where(z > 0, z * np.log(np.where(z > 0, z, 1.0)), 0.0)
        self.s += z.sum(axis=0)
        self.t += zlogz.sum(axis=0)
        self.samples += len(columns)

    def result(self, names):
        """:class:`EntropyResult` from the accumulated sums."""
        m = self.samples
        if m < 2:
            raise InputError(f"The entropy method needs at least 2 samples valid in every factor; found {m}. "
                             "/ 熵权法至少需要 2 个有效样本。")
        entropy = np.ones(len(names))
        varies = (self.high > self.low) & (self.s > 0)
        entropy[varies] = -(self.t[varies] / self.s[varies] - np.log(self.s[varies])) / math.log(m)
        entropy = np.clip(entropy, 0.0, 1.0)
        divergence = np.where(varies, 1.0 - entropy, 0.0)
        notes = [f"Factor '{names[j]}' does not vary over the {m} samples: entropy 1, weight 0. "
                 f"/ 因子“{names[j]}”无变化，权重为 0。" for j in np.flatnonzero(~varies)]
        if divergence.sum() <= 0:
            raise InputError("No factor varies over the samples, so the entropy method gives no weights. "
                             "/ 所有因子均无变化，熵权法无法计算权重。")
        if self.normalisation == "sum" and np.any(self.directions < 0):
            notes.append("With the 'sum' normalisation the direction of a factor does not change its entropy. "
                         "/ 'sum' 归一化下指标方向不影响熵值。")
        return EntropyResult(list(names), entropy, divergence, divergence / divergence.sum(),
                             self.normalisation, m, notes)


def entropy_weights(values, names=None, directions=None, normalisation="minmax"):
    """Entropy weights of the columns of ``values`` (samples × factors); rows with NaN are dropped."""
    values = np.asarray(values, dtype=np.float64)
    if values.ndim != 2 or values.shape[1] < 1:
        raise InputError("The entropy method needs a table of samples (rows) × factors (columns). "
                         "/ 熵权法需要样本×指标的数据表。")
    count = values.shape[1]
    names = list(names) if names else [f"F{j + 1}" for j in range(count)]
    directions = directions if directions is not None else [POSITIVE] * count
    if len(directions) != count:
        raise InputError(f"{len(directions)} direction(s) for {count} factors. / 指标方向个数与因子个数不一致。")
    rows = values[np.all(np.isfinite(values), axis=1)]
    sums = EntropySums(count, directions, normalisation)
    if normalisation == "minmax":
        sums.add_range(rows)
    sums.add(rows, names)
    return sums.result(names)


#: Bytes per cell of a strip and factor in :func:`entropy_weights_of_rasters`: the band read (up to
#: 8 B, float64 when resampled) and its mask (1 B), the stacked float64 samples, ``z`` and ``z ln z``
#: with their temporaries (about 40 B).
BYTES_PER_CELL_AND_FACTOR = 49


def estimate_entropy_memory(grid, factors):
    """Bytes :func:`entropy_weights_of_rasters` needs on ``grid`` with ``factors`` rasters: one strip
    (:func:`~.blockio.row_blocks`, at least one whole row) of every factor plus GDAL's block cache."""
    from osgeo import gdal

    from ..io.blockio import BLOCK_CELLS
    strip = min(grid.rows * grid.cols, max(BLOCK_CELLS, grid.cols))
    return strip * (BYTES_PER_CELL_AND_FACTOR * max(factors, 1) + 1) + gdal.GetCacheMax()


def entropy_weights_of_rasters(sources, names, directions, normalisation="minmax", progress=None):
    """Entropy weights over the cells valid in every raster of ``sources``.

    ``sources``: objects with ``grid`` and ``read(row0, nrows) -> (array, valid)`` on one grid
    (e.g. :class:`~.blockio.AlignedSource`). Streams block by block: two passes for ``'minmax'``
    (range, then sums), one for ``'sum'``; memory is one block of every factor.
    """
    from ..io.blockio import row_blocks
    progress = ensure(progress)
    grid = sources[0].grid
    sums = EntropySums(len(sources), directions, normalisation)
    passes = (sums.add_range, lambda columns: sums.add(columns, names)) if normalisation == "minmax" \
        else (lambda columns: sums.add(columns, names),)
    blocks = list(row_blocks(grid, len(sources)))
    steps = len(passes) * len(blocks)
    done = 0
    for number, accumulate in enumerate(passes, 1):
        message = f"Entropy sums, pass {number} of {len(passes)} / 熵值统计，第 {number}/{len(passes)} 遍"
        for row0, nrows in blocks:
            arrays, valid = [], np.ones((nrows, grid.cols), dtype=bool)
            for source in sources:
                array, ok = source.read(row0, nrows)
                arrays.append(array)
                valid &= ok
            accumulate(np.stack([a[valid] for a in arrays], axis=1).astype(np.float64, copy=False))
            done += 1
            progress.update(done / steps, message)
    return sums.result(names)


def combine_weights(subjective, objective, method="multiplicative", alpha=0.5):
    """AHP (``subjective``) and entropy (``objective``) weights combined; see the module docstring."""
    a = np.asarray(subjective, dtype=np.float64)
    b = np.asarray(objective, dtype=np.float64)
    if a.shape != b.shape:
        raise InputError(f"{a.size} AHP weight(s) for {b.size} entropy weight(s); the factors must match. "
                         "/ 主观权重与客观权重个数不一致。")
    if np.any(a < 0) or a.sum() <= 0:
        raise InputError("AHP weights must be non-negative and not all zero. / 主观权重必须非负。")
    a = a / a.sum()
    if method == "multiplicative":
        product = a * b
        if product.sum() <= 0:
            raise InputError("The AHP and entropy weights have no factor in common with a positive weight; "
                             "the multiplicative combination is undefined. Use the linear one. "
                             "/ 乘法合成无定义，请改用线性合成。")
        return product / product.sum()
    if method == "linear":
        if not 0.0 <= alpha <= 1.0:
            raise InputError(f"α = {alpha:g} must lie in [0, 1] (the share of the AHP weights). "
                             "/ 线性合成系数 α 必须在 0～1 之间。")
        return alpha * a + (1.0 - alpha) * b
    raise InputError(f"Unknown combination '{method}'; use multiplicative or linear.")
