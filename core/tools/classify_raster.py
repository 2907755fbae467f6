"""Graded classification of a raster band into scored classes (file in, file out).

Used by ``ecosecurity:classifyraster`` and by later steps (factor grading, current-density and
importance levels). Memory: the band (native dtype), a bool mask, int32 classes and the output
(int16 or float32) — at most ``cells × 21`` bytes; see :func:`estimate_memory`.
"""
import warnings

import numpy as np

from ..io.raster import read_grid, read_raster, write_raster
from ..runtime.errors import EcoSecurityWarning, InputError
from ..runtime.progress import ensure
from .classify import METHODS, apply_breaks, class_scores, class_summary, compute_breaks

INT_NODATA = -32768
FLOAT_NODATA = -9999.0


def estimate_memory(path):
    """Upper bound of the bytes needed to classify a band of ``path``: values (≤ 8 B), mask (1 B),
    classes (4 B) and scores (8 B) per cell."""
    grid = read_grid(path)
    return grid.rows * grid.cols * (8 + 1 + 4 + 8)


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


def classify_raster(input_path, output_path, band=1, method=0, classes=5, thresholds=None,
                    scores=None, reverse=False, sample_size=10000, seed=0, progress=None):
    """Classify ``band`` of ``input_path`` and write scores to ``output_path``.

    Returns ``(breaks, rows)`` with ``rows`` = (class, lower, upper, score, count, area in map
    units²). NoData stays NoData (int16 -32768 or float32 -9999).
    """
    progress = ensure(progress)
    progress.update(0.0, "Reading the raster / 读取栅格")
    raster = read_raster(input_path, band)
    values = raster.array[raster.valid]
    if values.size == 0:
        raise InputError(f"Band {band} of '{input_path}' contains only NoData; there is nothing to classify.")
    if np.issubdtype(values.dtype, np.floating) and not np.all(np.isfinite(values)):
        values = values[np.isfinite(values)]
    progress.update(0.2, "Computing class breaks / 计算分级断点")
    breaks = compute_breaks(values, method, classes, thresholds, sample_size, seed)
    del values
    n_classes = len(breaks) - 1
    table = class_scores(n_classes, scores, reverse)
    dtype, nodata = output_type(table)
    progress.update(0.6, "Assigning classes / 分配等级")
    out = apply_breaks(raster.array, breaks, scores, reverse, raster.valid, nodata).astype(dtype)
    rows = class_summary(raster.array, breaks, raster.valid, raster.grid.cell_width * raster.grid.cell_height)
    _warn_fewer_classes(rows, method, classes, input_path, band)
    progress.update(0.8, "Writing the output / 写出结果")
    write_raster(output_path, out, raster.grid, nodata=nodata)
    progress.update(1.0)
    return breaks, [(c, lo, hi, float(table[c - 1]), n, area) for c, lo, hi, n, area in rows]
