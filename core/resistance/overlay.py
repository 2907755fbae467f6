"""Graded weighted overlay streamed block by block: resistance surfaces and suitability scores.

For each cell (all factors resampled onto the reference grid, see :class:`~.blockio.AlignedSource`):

* weighted score ``S = Σ_j w_j · score_j(x_j)`` with ``Σ w_j = 1`` (``core/resistance/grading.py`` grades);
* optional linear rescaling to ``[lo, hi]``:
  ``R = lo + (S − S_min)(hi − lo)/(S_max − S_min)`` where ``S_min = Σ w_j min(score_j)`` and
  ``S_max = Σ w_j max(score_j)`` are the bounds the table allows (not the data's), so one table
  always gives one scale; without rescaling ``R = S``;
* corrections multiply: ``R ← R · Π_c k_c(x_c)`` (coefficient 1 where the correction raster has
  no listed value or is NoData) — so a ×1.2 geohazard correction is exactly ×1.2 in the output,
  which may then exceed ``hi`` by the largest coefficient;
* overrides, in table order, set ``R`` to a fixed value (or NoData) where their raster has a
  listed value, even where a factor is NoData;
* NoData where any factor is NoData and no override applies.

For a resistance surface (``positive=True``) zero and negative values are never written: the
range must have ``lo > 0`` (or, unrescaled, every factor's lowest score must make ``S_min > 0``),
coefficients and override values must be positive. Memory: about 30 bytes per cell of one strip
(:data:`~.blockio.BLOCK_CELLS` cells) plus GDAL's block cache, whatever the raster size; time is
one read of every input and one write of the output (:func:`estimate_overlay_memory`).
"""
import math
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal

from ..io.blockio import BLOCK_CELLS, AlignedSource, BlockWriter, row_blocks
from ..io.raster import read_grid
from ..runtime.errors import InputError
from ..runtime.progress import ensure
from .factor_table import normalise_weights
from .grading import CategoryLookup, build_scorer

NODATA = -9999.0
#: Output ranges offered by ``ecosecurity:resistancesurface`` (enum order is a public contract;
#: the last, custom, takes its bounds from parameters).
OUTPUT_RANGES = (None, (1.0, 5.0), (1.0, 10.0), (1.0, 100.0), (1.0, 1000.0))
#: Most output values kept (every k-th row) for computing level breaks afterwards.
SAMPLE_VALUES = 1_000_000
REPORT_FIELDS = ("role", "function", "factor", "raster", "grading", "classes", "breaks", "weight", "resampling",
                 "note")
BYTES_PER_CELL = 30


#: Bytes per cell of a strip and layer read: the band (up to 8 B, float64 when resampled) and its mask.
BYTES_PER_LAYER_CELL = 9


def estimate_overlay_memory(grid, layers=1):
    """Bytes a streamed overlay on ``grid`` of ``layers`` table rows needs: one strip (at least one
    whole row) of work arrays and of every layer read, plus GDAL's block cache."""
    strip = min(grid.rows * grid.cols, max(BLOCK_CELLS, grid.cols))
    return (BYTES_PER_CELL + BYTES_PER_LAYER_CELL * max(layers, 1)) * strip + gdal.GetCacheMax()


@dataclass
class Layer:
    """A table row opened on the reference grid, with its scorer (factors) or lookup (others)."""
    row: object
    source: AlignedSource
    scorer: object = None
    lookup: object = None


@dataclass
class OverlayResult:
    """What :func:`weighted_overlay` wrote, with statistics and the factor report."""
    path: str
    minimum: float
    maximum: float
    mean: float
    valid_cells: int
    nodata_cells: int
    score_bounds: tuple
    output_range: object
    report: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    sample: np.ndarray = None


def open_layers(rows, grid, resolve=None, reproject=True, seed=0, progress=None):
    """``(factors, corrections, overrides)`` :class:`Layer` lists for the table ``rows`` on ``grid``.

    ``resolve(text) -> path`` turns the raster column into a file path (layer names in QGIS).
    """
    progress = ensure(progress)
    factors, corrections, overrides = [], [], []
    for k, row in enumerate(rows):
        path = resolve(row.raster) if resolve else row.raster
        source = AlignedSource(path, grid, row.band, row.resampling, row.name, reproject)
        if row.role == "factor":
            factors.append(Layer(row, source, scorer=build_scorer(row.name, row.grading, source, seed)))
        elif row.role == "correction":
            lookup = CategoryLookup(row.grading.mapping) if row.grading.method == "categorical" else None
            corrections.append(Layer(row, source, lookup=lookup))
        else:
            overrides.append(Layer(row, source, lookup=CategoryLookup(row.grading.mapping)))
        progress.update((k + 1) / len(rows), "Opening factors / 读取因子")
    return factors, corrections, overrides


def score_bounds(factors, weights):
    """``(S_min, S_max)``: the weighted score's bounds allowed by the gradings."""
    low = sum(weights[f.row.key] * f.scorer.low for f in factors)
    high = sum(weights[f.row.key] * f.scorer.high for f in factors)
    return low, high


def _check_positive(corrections, bounds, output_range):
    if output_range is not None:
        lo, hi = output_range
        if not 0 < lo <= hi:
            raise InputError(f"The output range {lo:g}–{hi:g} must have 0 < minimum ≤ maximum: zero and negative "
                             "resistance cannot be used by circuit or least-cost tools. / 输出范围必须为正。")
    elif bounds[0] <= 0:
        raise InputError(f"Without rescaling the weighted score can be as low as {bounds[0]:g} (some scores are 0 or "
                         "negative), but a resistance must be positive. Choose an output range such as 1–100, or use "
                         "positive scores. / 加权分值可能 ≤ 0，请选择输出范围（如 1–100）或使用正分值。")
    for layer in corrections:
        if layer.lookup is None and layer.source.value_range(layer.source.sample(SAMPLE_VALUES))[0] <= 0:
            raise InputError(f"Correction '{layer.row.name}' has values ≤ 0; coefficients must be positive. "
                             "/ 修正系数必须为正数。")


def weighted_overlay(path, grid, factors, weights, corrections=(), overrides=(), output_range=None, positive=False,
                     nodata=NODATA, progress=None):
    """Stream the overlay of :class:`Layer` ``factors`` into ``path`` (Float32); see the module docstring."""
    progress = ensure(progress)
    bounds = score_bounds(factors, weights)
    if positive:
        _check_positive(corrections, bounds, output_range)
    scale = None
    if output_range is not None:
        lo, hi = output_range
        span = bounds[1] - bounds[0]
        scale = (hi - lo) / span if span > 0 else 0.0
    step = max(1, math.ceil(grid.rows * grid.cols / SAMPLE_VALUES))
    stats = {"min": math.inf, "max": -math.inf, "sum": 0.0, "count": 0}
    samples = []
    blocks = row_blocks(grid)
    with BlockWriter(path, grid, np.float32, nodata) as out:
        for b, (row0, nrows) in enumerate(blocks):
            result, valid = _overlay_block(row0, nrows, grid, factors, weights, corrections, overrides, bounds, scale,
                                           output_range, progress)
            values = result[valid]
            if values.size:
                stats["min"] = min(stats["min"], float(values.min()))
                stats["max"] = max(stats["max"], float(values.max()))
                stats["sum"] += float(values.sum(dtype=np.float64))
                stats["count"] += int(values.size)
            picked = [r for r in range(nrows) if (row0 + r) % step == 0]
            samples.append(result[picked][valid[picked]])
            result[~valid] = nodata
            out.write(row0, result)
            progress.update((b + 1) / len(blocks), "Weighted overlay / 加权叠加")
    if stats["count"] == 0:
        raise InputError("Every cell of the result is NoData: the factors do not overlap on the reference grid. "
                         "/ 结果全部为无数据：因子在参考范围内没有重叠。")
    total = grid.rows * grid.cols
    return OverlayResult(path, stats["min"], stats["max"], stats["sum"] / stats["count"], stats["count"],
                         total - stats["count"], bounds, output_range, sample=np.concatenate(samples))


def _overlay_block(row0, nrows, grid, factors, weights, corrections, overrides, bounds, scale, output_range, progress):
    total = np.zeros((nrows, grid.cols), dtype=np.float32)
    valid = np.ones((nrows, grid.cols), dtype=bool)
    for layer in factors:
        array, ok = layer.source.read(row0, nrows)
        scores = layer.scorer.score(array, ok)
        scores *= np.float32(weights[layer.row.key])
        total += scores
        valid &= ok
        progress.check()
    if scale is not None:
        lo, hi = output_range
        total -= np.float32(bounds[0])
        total *= np.float32(scale)
        total += np.float32(lo)
        np.clip(total, lo, hi, out=total)
    for layer in corrections:
        array, ok = layer.source.read(row0, nrows)
        if layer.lookup is None:
            coefficient = np.where(ok, array, 1).astype(np.float32)
        else:
            numbers, matched = layer.lookup(array)
            coefficient = np.where(ok & matched, numbers, np.float32(1.0))
        total *= coefficient.astype(np.float32, copy=False)
    for layer in overrides:
        array, ok = layer.source.read(row0, nrows)
        numbers, matched = layer.lookup(array)
        hit = ok & matched
        blocked = hit & np.isnan(numbers)
        fixed = hit & ~blocked
        total[fixed] = numbers[fixed]
        valid = (valid | fixed) & ~blocked
    return total, valid


def factor_report(factors, corrections, overrides, weights):
    """Rows (dicts keyed by :data:`REPORT_FIELDS`) describing every layer and how it was used."""
    rows = []
    for layer in factors:
        row = layer.row
        rows.append({"role": "factor", "function": row.function, "factor": row.name, "raster": layer.source.path,
                     "grading": row.grading.method, "classes": row.grading.describe(),
                     "breaks": layer.scorer.describe_breaks(), "weight": weights[row.key],
                     "resampling": row.resampling if layer.source.warped else "aligned",
                     "note": " ".join(layer.source.notes)})
    for role, layers in (("correction", corrections), ("override", overrides)):
        for layer in layers:
            row = layer.row
            rows.append({"role": role, "function": row.function, "factor": row.name, "raster": layer.source.path,
                         "grading": row.grading.method, "classes": row.grading.describe(), "breaks": "",
                         "weight": None, "resampling": row.resampling if layer.source.warped else "aligned",
                         "note": " ".join(layer.source.notes)})
    return rows


def resistance_surface(rows, reference, output, weights_lookup=None, strict_weights=False, reproject=True,
                       output_range=(1.0, 100.0), resolve=None, seed=0, progress=None):
    """Resistance raster (Float32, NoData −9999, values > 0) from the factor table ``rows``.

    ``reference``: the raster whose grid (CRS, extent, cells) the output takes; every factor is
    brought onto it. ``weights_lookup``: ``{criterion: weight}`` for factors without a weight.
    Returns an :class:`OverlayResult` whose ``report`` lists factors, gradings and weights.
    """
    progress = ensure(progress)
    grid = read_grid(reference)
    weights, notes = normalise_weights(rows, weights_lookup, strict_weights)
    factors, corrections, overrides = open_layers(rows, grid, resolve, reproject, seed, progress.sub(0.0, 0.1))
    result = weighted_overlay(output, grid, factors, weights, corrections, overrides, output_range, True,
                              progress=progress.sub(0.1, 1.0))
    result.report = factor_report(factors, corrections, overrides, weights)
    result.notes = notes + [note for layer in factors + corrections + overrides for note in layer.source.notes]
    return result
