"""Graded classification of a raster band into scored classes (file in, file out), in row strips.

Used by ``ecosecurity:classifyraster`` and by later steps (factor grading, current-density and
importance levels). The band is read strip by strip (:func:`~..io.blockio.row_blocks`):

1. a pass counts the valid finite values and takes their exact minimum and maximum;
2. the breaks (:mod:`.classify`) get what they need, exactly as from the whole band:
   the minimum and maximum (equal / geometric interval, manual); the seeded sample of natural
   breaks (the same ``rng.choice`` positions among the valid values in row order, gathered in one
   pass); the order statistics of quantiles (:mod:`.order_stats`, ≤ 5 passes); the distinct values
   and their counts for natural breaks on every value (sample size 0 or fewer values than the
   sample); for the standard deviation every value up to :data:`EXACT_VALUES` (numpy's pairwise
   mean and deviation, which a stream cannot reproduce bit for bit), above it the mean and deviation
   merged strip by strip (Chan, Golub & LeVeque 1983) — equal to numpy's to about 1e-15 relative,
   so only a value within that of a break could change class;
3. a pass assigns classes, counts cells per class and writes the scores with
   :class:`~..io.blockio.BlockWriter` (atomic: no file on error).

Memory (:func:`estimate_memory`): about :data:`STRIP_BYTES` per cell of a strip (≤ 4 Mi cells,
~200 MB) plus what the breaks hold — the sample (24 B per value), the quantile count rows (1 MB per
wanted order statistic) and collected values (≤ 24 MB), the distinct values (≤ 32 B per valid cell),
or, for the standard deviation, up to :data:`EXACT_VALUES` values (16 B each, ≤ 512 MB); independent
of the raster's size except for natural breaks on every distinct value.
"""
import os
import warnings

import numpy as np

from ..io.blockio import BLOCK_CELLS, AlignedSource, BlockWriter, row_blocks
from ..io.raster import read_grid
from ..runtime.errors import EcoSecurityWarning, InputError
from ..runtime.progress import ensure
from .classify import (DEFAULT_SAMPLE_SIZE, EQUAL_INTERVAL, GEOMETRIC_INTERVAL, MANUAL, METHODS, NATURAL_BREAKS,
                       QUANTILE, STD_DEV, check_classes, class_index, class_scores, compute_breaks,
                       natural_breaks_of_counts, one_class_at_least, std_dev_edges)
from .order_stats import COLLECT, quantiles

INT_NODATA = -32768
FLOAT_NODATA = -9999.0
#: Bytes per strip cell: band (≤ 8), masks (2), float64 values and sort keys (24), classes (1),
#: scores (8) and the output cast (≤ 4), with headroom for temporaries.
STRIP_BYTES = 48
#: Up to this many valid values the standard deviation is numpy's on all of them (bit for bit as before).
EXACT_VALUES = 1 << 25


def _method_index(method):
    return METHODS.index(method) if isinstance(method, str) else int(method)


def estimate_memory(path, method=NATURAL_BREAKS, sample_size=DEFAULT_SAMPLE_SIZE, classes=5):
    """Upper bound of the bytes :func:`classify_raster` needs on a band of ``path`` (module docstring)."""
    grid = read_grid(path)
    cells = grid.rows * grid.cols
    strip = min(cells, max(grid.cols, BLOCK_CELLS))
    method = _method_index(method)
    if method == NATURAL_BREAKS and sample_size and cells > sample_size:
        held = 24 * sample_size
    elif method == NATURAL_BREAKS:
        held = 32 * cells
    elif method == QUANTILE:
        held = (2 * int(classes) + 2) * (2 << 19) + 24 * COLLECT
    elif method == STD_DEV:
        held = 16 * min(cells, EXACT_VALUES)
    else:
        held = 0
    return STRIP_BYTES * strip + held


def output_type(scores):
    """(dtype, nodata) of the output: int16 for integer scores that fit, else float32."""
    if np.all(np.mod(scores, 1) == 0) and scores.min() > INT_NODATA and scores.max() < 32767:
        return np.int16, INT_NODATA
    return np.float32, FLOAT_NODATA


def _warn_fewer_classes(rows, method, classes, input_path, band):
    """Warn when the output holds cells in fewer classes than asked (a constant band, few distinct values)."""
    if method in (len(METHODS) - 1, METHODS[-1]):   # manual breaks: the number of classes is not asked
        return
    obtained = sum(1 for row in rows if row[3] > 0)
    if obtained < int(classes):
        warnings.warn(f"{classes} classes were asked for band {band} of '{input_path}', but the output has only "
                      f"{obtained} class(es) holding cells: the band has too few distinct values (or they are "
                      "concentrated). Use fewer classes or another method. "
                      f"/ 要求分 {classes} 级，但结果只有 {obtained} 级含有像元：该波段的不同取值太少，请减少分级数或换用其他方法。",
                      EcoSecurityWarning, stacklevel=3)


class ValueStream:
    """The valid finite values of ``source`` (anything with ``read(row0, nrows) -> (array, valid)``) as
    float64, strip by strip in row order (a fresh pass per call)."""

    def __init__(self, source, blocks, progress):
        self.source, self.blocks, self.progress = source, blocks, progress
        self.valid_cells = 0    # of the last complete pass

    def __call__(self):
        valid_cells = 0
        for row0, nrows in self.blocks:
            self.progress.check()
            array, valid = self.source.read(row0, nrows)
            values = array[valid].astype(np.float64)
            valid_cells += values.size
            yield values[np.isfinite(values)] if np.issubdtype(array.dtype, np.floating) else values
        self.valid_cells = valid_cells


def survey(values):
    """``(count, minimum, maximum)`` of the streamed values."""
    count, lo, hi = 0, np.inf, -np.inf
    for chunk in values():
        if chunk.size:
            count += chunk.size
            lo, hi = min(lo, chunk.min()), max(hi, chunk.max())
    return count, float(lo), float(hi)


def _values_at(values, positions):
    """The streamed values at ``positions`` (distinct indices into the stream), in the order given."""
    order = np.argsort(positions, kind="stable")
    wanted = positions[order]
    found = np.empty(positions.size, dtype=np.float64)
    start = taken = 0
    for chunk in values():
        stop = int(np.searchsorted(wanted, start + chunk.size))
        found[order[taken:stop]] = chunk[wanted[taken:stop] - start]
        start, taken = start + chunk.size, stop
    return found


def _moments(values):
    """``(mean, population standard deviation)`` of the streamed values, merged strip by strip:
    ``M2 = M2_a + M2_b + δ² n_a n_b / n`` with ``δ = mean_b − mean_a`` (Chan, Golub & LeVeque 1983)."""
    count, mean, m2 = 0, 0.0, 0.0
    for chunk in values():
        if chunk.size:
            chunk_mean = float(chunk.mean())
            chunk_m2 = float(np.square(chunk - chunk_mean).sum())
            total = count + chunk.size
            delta = chunk_mean - mean
            mean += delta * chunk.size / total
            m2 += chunk_m2 + delta * delta * count * chunk.size / total
            count = total
    return mean, float(np.sqrt(m2 / count))


def _distinct_counts(values):
    """Sorted distinct streamed values and how often each occurs (``np.unique(..., return_counts=True)``)."""
    distinct, counts = np.empty(0), np.empty(0)
    for chunk in values():
        new, new_counts = np.unique(chunk, return_counts=True)
        distinct, inverse = np.unique(np.concatenate([distinct, new]), return_inverse=True)
        counts = np.bincount(inverse, weights=np.concatenate([counts, new_counts]), minlength=distinct.size)
    return distinct, counts.astype(np.int64)


def stream_breaks(values, extent, method, classes=5, thresholds=None, sample_size=DEFAULT_SAMPLE_SIZE, seed=0):
    """``compute_breaks`` of the values streamed by ``values`` (a callable giving a fresh iterable of
    float64 chunks) whose :func:`survey` is ``extent``, identical to it on the concatenated values;
    see the module docstring."""
    method = _method_index(method)
    count, lo, hi = extent
    if count == 0:
        return compute_breaks([], method, classes, thresholds, sample_size, seed)     # refused there
    if method in (MANUAL, EQUAL_INTERVAL, GEOMETRIC_INTERVAL):
        return compute_breaks([lo, hi], method, classes, thresholds, sample_size, seed)
    check_classes(classes)
    if method == QUANTILE:
        return one_class_at_least(np.unique(quantiles(values, count, np.linspace(0.0, 1.0, int(classes) + 1))))
    if method == NATURAL_BREAKS and sample_size and count > sample_size:
        picked = np.random.default_rng(seed).choice(count, size=sample_size - 2, replace=False)
        sample = np.concatenate([_values_at(values, picked), [lo, hi]])
        return compute_breaks(sample, method, classes, thresholds, sample_size, seed)
    if method == NATURAL_BREAKS:
        return natural_breaks_of_counts(*_distinct_counts(values), int(classes))
    if method == STD_DEV and count <= EXACT_VALUES:
        return compute_breaks(np.concatenate(list(values())), method, classes, thresholds, sample_size, seed)
    if method == STD_DEV:
        return one_class_at_least(std_dev_edges(lo, hi, *_moments(values), int(classes)))
    return compute_breaks([lo, hi], method, classes, thresholds, sample_size, seed)    # unknown: refused there


def classify_raster(input_path, output_path, band=1, method=0, classes=5, thresholds=None,
                    scores=None, reverse=False, sample_size=10000, seed=0, progress=None, block_cells=None):
    """Classify ``band`` of ``input_path`` and write scores to ``output_path``.

    Returns ``(breaks, rows)`` with ``rows`` = (class, lower, upper, score, count, area in map
    units²). NoData stays NoData (int16 -32768 or float32 -9999). ``block_cells`` sets the strip
    size (tests use tiny strips).
    """
    progress = ensure(progress)
    progress.update(0.0, "Reading the raster / 读取栅格")
    grid = read_grid(input_path)
    source = AlignedSource(input_path, grid, band, name=os.path.basename(str(input_path)))
    values = ValueStream(source, blocks=row_blocks(grid, block_cells), progress=progress)
    extent = survey(values)
    if values.valid_cells == 0:
        raise InputError(f"Band {band} of '{input_path}' contains only NoData; there is nothing to classify.")
    progress.update(0.2, "Computing class breaks / 计算分级断点")
    breaks = stream_breaks(values, extent, method, classes, thresholds, sample_size, seed)
    blocks = values.blocks
    table = class_scores(len(breaks) - 1, scores, reverse)
    dtype, nodata = output_type(table)
    counts = np.zeros(len(breaks), dtype=np.int64)
    with BlockWriter(output_path, grid, dtype, nodata) as out:
        for done, (row0, nrows) in enumerate(blocks):
            progress.update(0.5 + 0.5 * done / len(blocks), "Assigning classes / 分配等级")
            array, valid = source.read(row0, nrows)
            index = class_index(array, breaks)
            counts += np.bincount(index[valid], minlength=len(breaks))
            out.write(row0, np.where(valid, table[index - 1], nodata))
    area = grid.cell_width * grid.cell_height
    rows = [(i + 1, float(breaks[i]), float(breaks[i + 1]), int(counts[i + 1]), float(counts[i + 1]) * area)
            for i in range(len(breaks) - 1)]
    _warn_fewer_classes(rows, method, classes, input_path, band)
    progress.update(1.0)
    return breaks, [(c, lo, hi, float(table[c - 1]), n, area) for c, lo, hi, n, area in rows]
