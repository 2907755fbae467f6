"""Zonation-style priority ranking by reverse stepwise removal (Moilanen et al. 2005; Zonation 5 manual).

Cells i, features j, q_ij = x_ij / sum_i x_ij (each feature sums to 1 in the ranked area),
Q_j = sum of q_ij over the remaining cells, w_j the feature weights, c_i the cell costs.
Starting from all cells, the cells with the smallest marginal loss delta_i / c_i are removed, Q is
recomputed and the removal repeated until no cell is left. The rank of a cell is
(number of cells removed before it) / N, so ranks run 0 (removed first, lowest priority) ... 1 - 1/N,
all distinct (Zonation 5's rank map). Marginal-loss rules (spec ``prioritization.md`` §1.3):

* CAZ2 (Zonation 5 default): delta_i = sqrt(sum_j (w_j q_ij / Q_j)^2)
* CAZ1: delta_i = sum_j w_j q_ij / Q_j
* CAZMAX: delta_i = max_j w_j q_ij / Q_j  (core-area Zonation); ties and near ties go by the mean loss:
  delta_i = (1 + e) max_j v_ij + e mean_j v_ij with v_ij = w_j q_ij / Q_j, e = :data:`TIE_SCALE` = 0.01.
  Without it the many exact ties of CAZMAX (cells outside most ranges, quantised inputs) go by cell
  index, and the feature curves miss Zonation 5's by 0.010; with it they stay within 0.0045.
* ABF: delta_i = sum_j w_j (Q_j^z - (Q_j - q_ij)^z), z = 0.25 by default
* random: a seeded random order (baseline)

Removal step (Zonation 4's "warp", made proportional, spec §1.4): each recomputation removes the
fraction ``step`` of the remaining candidate cells (at least one): the ``count`` smallest delta/c, ties
by cell index, found from a sampled threshold instead of a sort of all remaining cells (:func:`smallest`);
``step = 0`` removes one cell at a time (exact greedy). The loss is evaluated on a feature-major copy
(F x cells) so every pass streams through memory; CAZ2 as sqrt of one vector-matrix product
(:func:`loss_columns`), summed in feature order by :func:`weighted_rows` so that the order does not
depend on the number of BLAS threads (zones ranked on other processes or a Dask cluster give the
same bits). Q is kept as running totals. A hierarchy (integer
levels) restricts the candidates to the lowest remaining level while Q runs over all remaining cells,
so every cell of a lower level ranks below every cell of a higher one.

Zonation 5's own iterative re-sorting is unpublished; this greedy reproduces its reference runs as
stated in the spec §1.7 (checked in ``tests/core/priority``): ABF and unweighted CAZMAX / CAZ2 curves
within ±0.005, CAZ2 AUC within ±0.001 (figures in the help of ``ecosecurity:priorityrank``); weighted
CAZMAX is not reproduced (AUC and mean curve close, single feature curves and the minimum curve up to
0.032 off).
"""
import numpy as np

from ..runtime.errors import InputError
from ..runtime.progress import ensure

#: Rule names in the order of the RULE enum.
RULES = ("CAZ2", "CAZ1", "CAZMAX", "ABF", "random")
TIE_SCALE = 1e-2
#: Bytes of rows per slice when the marginal loss is evaluated (bounds the temporaries of CAZMAX and ABF).
CHUNK_BYTES = 8 << 20
#: Cells per slice of :func:`weighted_rows` (its rows stay in the processor cache).
ROW_CHUNK = 1 << 15
#: Values sampled to find the threshold of the cells removed in one step (:func:`smallest`).
SAMPLE = 1 << 16


def rule_index(rule):
    """Index into :data:`RULES` of ``rule`` (an index or a name, case-insensitive)."""
    if isinstance(rule, str):
        names = [name.lower() for name in RULES]
        if rule.lower() not in names:
            raise InputError(f"Unknown rule '{rule}'; use one of {', '.join(RULES)}. / 未知的边际损失规则。")
        return names.index(rule.lower())
    rule = int(rule)
    if not 0 <= rule < len(RULES):
        raise InputError(f"RULE must be 0-{len(RULES) - 1} ({', '.join(RULES)}). / 规则编号无效。")
    return rule


def loss_columns(q, rule):
    """(columns, scale): what :func:`columns_loss` reads for ``rule``, one contiguous float32 row per feature
    (F x n, so that every pass over the cells streams through memory). CAZ2: (q / s)^2 with s the feature
    maxima, so that delta_i^2 = sum_j (q_ij / s_j)^2 (w_j s_j / Q_j)^2 is one vector-matrix product (the
    scale keeps the squares of small q far from float32 underflow); other rules: q, s = 1."""
    rule = rule_index(rule)
    columns = np.ascontiguousarray(np.asarray(q, dtype=np.float32).T)
    if rule != 0:
        return columns, np.ones(len(columns))
    scale = columns.max(axis=1, initial=0.0).astype(np.float64)
    scale[scale <= 0] = 1.0
    columns *= (1.0 / scale).astype(np.float32)[:, None]
    return np.square(columns, out=columns), scale


def weighted_rows(v, rows):
    """sum_j v_j rows_j (float32), added in feature order j = 0, 1, ... in slices of :data:`ROW_CHUNK` cells.

    The same bits whatever the machine's threads: a BLAS vector-matrix product (``v @ rows``) splits the
    sum by thread, and OpenBLAS with one thread (Dask workers) rounds differently from two."""
    v = np.asarray(v, np.float32)
    features, cells = rows.shape
    out = np.zeros(cells, np.float32)
    term = np.empty(min(cells, ROW_CHUNK), np.float32)
    for start in range(0, cells, ROW_CHUNK):
        part = out[start:start + ROW_CHUNK]
        product = term[:len(part)]
        for j in range(features):
            np.multiply(rows[j, start:start + ROW_CHUNK], v[j], out=product)
            part += product
    return out


def columns_loss(columns, scale, big_q, weights, rule, abf_exponent=0.25):
    """delta_i of the cells of prepared ``columns`` (:func:`loss_columns`) given the remaining totals
    ``big_q`` (F). Features with nothing left (Q_j = 0) or a zero weight add no loss. float32, float64 for
    CAZMAX."""
    rule = rule_index(rule)
    big_q = np.asarray(big_q, dtype=np.float64)
    weights = np.asarray(weights, dtype=np.float64)
    live = (big_q > 1e-12) & (weights != 0)
    q = columns
    if rule == 3:  # ABF: w (Q^z - (Q - q)^z) = w Q^z (-expm1(z log1p(-q/Q))), accurate for small q/Q
        inverse = np.where(live, 1.0 / np.where(live, big_q, 1.0), 0.0).astype(np.float32)
        ratio = np.minimum(q * inverse[:, None], np.float32(1.0))
        with np.errstate(divide="ignore"):  # ratio 1 (a feature's last cell): log1p(-1) = -inf, loss 1
            loss = -np.expm1(np.float32(abf_exponent) * np.log1p(-ratio))
        coefficient = np.where(live, weights * np.power(np.where(live, big_q, 1.0), abf_exponent), 0.0)
        return weighted_rows(coefficient, loss)
    v = np.where(live, weights / np.where(live, big_q, 1.0), 0.0)
    if rule == 1:
        return weighted_rows(v, q)
    if rule == 0:
        return np.sqrt(weighted_rows(np.square(v * scale), q))
    if rule == 2:
        if not len(q):
            return np.zeros(q.shape[1])
        scaled = q * v.astype(np.float32)[:, None]
        # ties of the maximum (common: quantised inputs, cells outside most ranges) go by the sum
        return scaled.max(axis=0).astype(np.float64) * (1.0 + TIE_SCALE) + TIE_SCALE * (scaled.sum(axis=0) / len(v))
    raise InputError("The random rule has no marginal loss. / 随机规则没有边际损失。")


def marginal_loss(q, big_q, weights, rule, abf_exponent=0.25):
    """delta_i of the cells ``q`` (n x F, float32) given the remaining totals ``big_q`` (F) and ``weights``."""
    columns, scale = loss_columns(q, rule)
    return columns_loss(columns, scale, big_q, weights, rule, abf_exponent)


def _block_loss(columns, scale, big_q, weights, rule, abf_exponent):
    """:func:`columns_loss` of all cells, for CAZMAX and ABF in slices of about :data:`CHUNK_BYTES` so that
    their temporaries stay small; each cell's value does not depend on the slicing."""
    features, cells = columns.shape
    chunk = max(1024, CHUNK_BYTES // max(4 * features, 1))
    if rule in (0, 1) or cells <= chunk:
        return columns_loss(columns, scale, big_q, weights, rule, abf_exponent)
    out = np.empty(cells, np.float64 if rule == 2 else np.float32)
    for start in range(0, cells, chunk):
        out[start:start + chunk] = columns_loss(columns[:, start:start + chunk], scale, big_q, weights, rule,
                                                abf_exponent)
    return out


def smallest(values, count):
    """Positions of the ``count`` smallest ``values`` ordered by (value, position): ties go to the lower
    position. Large arrays: a threshold taken from a strided sample of about :data:`SAMPLE` values bounds the
    candidates, so only about 1.3 ``count`` values are partitioned and sorted (all of them when the sample
    misses)."""
    m = len(values)
    if count == 1:
        return np.array([int(np.argmin(values))])
    positions = None
    stride = m // SAMPLE
    if stride >= 2 and count * 8 < m:
        sample = values[::stride]
        expected = count / m * len(sample)
        at = min(len(sample) - 1, int(1.25 * expected + 4.0 * np.sqrt(expected) + 16))
        positions = np.flatnonzero(values <= np.partition(sample, at)[at])
        if len(positions) < count:
            positions = None
    candidates = values if positions is None else values[positions]
    kth = np.partition(candidates, count - 1)[count - 1]
    below = np.flatnonzero(candidates < kth)
    tied = np.flatnonzero(candidates == kth)[:count - len(below)]
    chosen = np.concatenate([below[np.argsort(candidates[below], kind="stable")], tied])
    return chosen if positions is None else positions[chosen]


def removal_order(q, weights, rule=0, cost=None, levels=None, step=0.01, abf_exponent=0.25, seed=0,
                  progress=None):
    """Cell positions (0..n-1 into the rows of ``q``) in the order of removal, first removed first.

    ``q``: n x F float32, each column summing to 1 (or 0 for a feature absent here); ``cost``: n positive
    values or None; ``levels``: n integers or None (lower levels are removed first).
    Memory: ``q``, its prepared copy (:func:`loss_columns`; compacted once a tenth of it is gone) and a few
    n-vectors.
    """
    progress = ensure(progress)
    rule = rule_index(rule)
    n = q.shape[0]
    if rule == 4:
        rng = np.random.default_rng(seed)
        permutation = rng.permutation(n)
        return permutation if levels is None else permutation[np.argsort(levels[permutation], kind="stable")]
    q = np.ascontiguousarray(q, dtype=np.float32)
    inv_cost = None if cost is None else (1.0 / np.asarray(cost, np.float64)).astype(np.float32)
    big_q = q.sum(axis=0, dtype=np.float64)
    result = np.empty(n, np.int64)
    done = 0
    groups = [np.arange(n)] if levels is None else (np.flatnonzero(levels == level) for level in np.unique(levels))
    for candidates in groups:                              # original positions, ascending
        block, scale = loss_columns(q if len(candidates) == n else q[candidates], rule)   # F x candidates
        block_cost = None if inv_cost is None else inv_cost[candidates]
        gone = []                                          # block positions removed since the last compaction
        remaining = len(candidates)
        while remaining:
            progress.update(done / n, "Ranking cells / 正在排序像元")
            if remaining < 0.9 * len(candidates):          # compact now and then, not every step
                keep = np.ones(len(candidates), bool)
                keep[np.concatenate(gone)] = False
                candidates, block = candidates[keep], block[:, keep]
                block_cost = None if block_cost is None else block_cost[keep]
                gone = []
            count = 1 if step <= 0 else max(1, int(step * (n - done)))
            count = min(count, remaining)
            delta = _block_loss(block, scale, big_q, weights, rule, abf_exponent)
            if block_cost is not None:
                delta *= block_cost
            if gone:
                delta[np.concatenate(gone)] = np.inf
            chosen = smallest(delta, count)
            positions = candidates[chosen]
            result[done:done + count] = positions
            done += count
            remaining -= count
            gone.append(chosen)
            big_q -= q[positions].sum(axis=0, dtype=np.float64)
            np.maximum(big_q, 0.0, out=big_q)
    progress.update(1.0)
    return result


def ranks_from_order(order):
    """Rank of each position: (cells removed before it) / n, float64."""
    n = len(order)
    ranks = np.empty(n, np.float64)
    ranks[order] = np.arange(n, dtype=np.float64) / max(n, 1)
    return ranks
