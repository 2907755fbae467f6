"""Scores of raster values by a factor's :class:`~.factor_table.Grading`, block by block.

* categorical — a lookup table (direct indexing for 8/16-bit rasters, binary search otherwise);
  a valid cell whose value has no score is an error naming the values;
* ascending / descending / classification methods — the ``classify.apply_breaks`` convention
  with edges ``[-inf, t1, …, t(k-1), +inf]``: class i holds ``t(i-1) < v ≤ t(i)``
  (``classify.class_index``: breaks compared in the raster's own precision).
  For the data-driven methods the edges come from ``classify.compute_breaks`` on
  the factor's values on the reference grid: every valid cell up to 200 000 cells, else every k-th
  row (a systematic sample; natural breaks then samples 10 000 values as ``classifyraster`` does);
* value — the raster value is the score.
"""
import numpy as np

from ..runtime.errors import InputError
from ..tools.classify import DEFAULT_SAMPLE_SIZE, class_index, compute_breaks

#: Most valid values read to compute data-driven breaks.
BREAKS_SAMPLE = 200_000


class CategoryLookup:
    """``value -> number`` for a mapping ``{value: number or None}`` (None becomes NaN).

    Calling it on an array returns ``(numbers float32, matched bool)``.
    """

    def __init__(self, mapping):
        self.keys = np.array(sorted(mapping), dtype=np.float64)
        self.values = np.array([np.nan if mapping[k] is None else mapping[k] for k in sorted(mapping)],
                               dtype=np.float32)
        self._tables = {}

    def _full_table(self, dtype):
        if dtype not in self._tables:
            bits = 8 * dtype.itemsize
            codes = np.arange(2 ** bits, dtype=np.dtype(f"u{dtype.itemsize}")).view(dtype).astype(np.float64)
            self._tables[dtype] = self._search(codes)
        return self._tables[dtype]

    def _search(self, flat):
        index = np.clip(np.searchsorted(self.keys, flat), 0, len(self.keys) - 1)
        matched = self.keys[index] == flat
        return np.where(matched, self.values[index], np.float32(np.nan)).astype(np.float32), matched

    def __call__(self, array):
        if array.dtype.kind in "ui" and array.dtype.itemsize <= 2:
            numbers, matched = self._full_table(array.dtype)
            codes = array.view(np.dtype(f"u{array.dtype.itemsize}"))
            return numbers[codes], matched[codes]
        return self._search(array.astype(np.float64, copy=False))


class Scorer:
    """Scores of one factor: ``score(array, valid)`` → a new float32 array (undefined where not valid)."""

    def __init__(self, name, grading, breaks=None, value_range=None):
        self.name = name
        self.method = grading.method
        self.breaks = breaks
        self.scores = np.asarray(grading.scores, dtype=np.float64)
        self.table = self.scores.astype(np.float32)
        self.lookup = CategoryLookup(grading.mapping) if grading.method == "categorical" else None
        if grading.method == "categorical":
            scores = np.array(list(grading.mapping.values()), dtype=np.float64)
            self.low, self.high = float(scores.min()), float(scores.max())
        elif grading.method == "value":
            self.low, self.high = value_range
        else:
            self.low, self.high = float(self.scores.min()), float(self.scores.max())

    def score(self, array, valid):
        if self.lookup is not None:
            scores, matched = self.lookup(array)
            unmapped = valid & ~matched
            if unmapped.any():
                values = np.unique(array[unmapped])
                listed = ", ".join(f"{v:g}" for v in values[:20]) + (" …" if values.size > 20 else "")
                raise InputError(
                    f"Factor '{self.name}': the raster has value(s) {listed} with no score in the categorical "
                    "grading. Add a 'value:score' pair for each, or set them to NoData. "
                    f"/ 因子“{self.name}”的栅格值 {listed} 没有对应分值，请在分级参数中补充。")
            return scores
        if self.method == "value":
            return array.astype(np.float32)
        return self.table[class_index(array, self.breaks) - 1]

    def describe_breaks(self):
        """The inner breaks used, as text (empty for categorical and value gradings)."""
        if self.breaks is None:
            return ""
        return "; ".join(f"{b:.6g}" for b in self.breaks[1:-1])


def build_scorer(name, grading, source=None, seed=0):
    """A :class:`Scorer`; data-driven gradings read their breaks (or range) from ``source``.

    ``source`` is an :class:`~.blockio.AlignedSource` (needed for classification methods and
    'value'). Raises :class:`InputError` when the data have fewer distinct values than classes.
    """
    if grading.method in ("ascending", "descending"):
        edges = np.concatenate([[-np.inf], np.asarray(grading.thresholds, dtype=np.float64), [np.inf]])
        return Scorer(name, grading, breaks=edges)
    if grading.method == "categorical":
        return Scorer(name, grading)
    values = source.sample(BREAKS_SAMPLE)
    if values.size == 0:
        raise InputError(f"Factor '{name}' has no valid cell on the reference grid (entirely NoData or outside). "
                         f"/ 因子“{name}”在参考范围内没有有效像元。")
    if grading.method == "value":
        low, high = source.value_range(values)
        return Scorer(name, grading, value_range=(low, high))
    edges = compute_breaks(values, grading.method, grading.classes, sample_size=DEFAULT_SAMPLE_SIZE, seed=seed)
    if len(edges) - 1 != grading.classes:
        raise InputError(f"Factor '{name}': '{grading.method}' found only {len(edges) - 1} distinct class(es) for "
                         f"{grading.classes} requested (the raster has few distinct values). Use fewer classes or "
                         f"categorical grading. / 因子“{name}”的不同取值少于分级数。")
    edges = np.asarray(edges, dtype=np.float64).copy()
    edges[0], edges[-1] = -np.inf, np.inf
    return Scorer(name, grading, breaks=edges)
