"""Feature layers of a priority ranking: read, checked and stacked on the analysis cells.

Spec ``prioritization.md`` §1.1: the analysis cells are the union of the cells where any feature has
data (intersected with the mask); NoData inside them counts as 0; feature values must be >= 0 and each
feature must have data and a positive total (a zero layer would make the curves start below 1,
Zonation 5 issue #6). Each feature is later normalised to q_ij = x_ij / sum_i x_ij per ranked zone.
"""
import os
from dataclasses import dataclass

import numpy as np

from ..io.raster import check_aligned, read_grid, read_raster
from ..runtime.errors import InputError
from ..runtime.progress import ensure


@dataclass
class FeatureStack:
    """``values``: n x F float32 on the analysis cells ``cells`` (flat indices into ``grid``)."""
    grid: object
    cells: np.ndarray
    values: np.ndarray
    names: list


def parse_weights(text, count):
    """Weights from a comma list (empty = all 1); must give one value >= 0 per feature, one > 0."""
    if text is None or not str(text).strip():
        return np.ones(count)
    try:
        weights = np.array([float(part) for part in str(text).replace(";", ",").split(",") if part.strip()])
    except ValueError:
        raise InputError(f"WEIGHTS '{text}' is not a comma list of numbers (e.g. 1,2,1). "
                         f"/ 权重须为逗号分隔的数字（如 1,2,1）。") from None
    if len(weights) != count:
        raise InputError(f"WEIGHTS gives {len(weights)} value(s) for {count} feature layer(s); give one weight "
                         f"per feature in the order of FEATURES. / 权重个数（{len(weights)}）与特征图层数（{count}）不一致。")
    if (weights < 0).any() or not np.isfinite(weights).all() or not (weights > 0).any():
        raise InputError("WEIGHTS must be >= 0 with at least one > 0 (features to avoid, with negative "
                         "weights, are not supported). / 权重须 ≥ 0 且至少一个 > 0。")
    return weights


#: Resident size of the interpreter with numpy, scipy and GDAL loaded (bytes), measured.
BASE_BYTES = 100 << 20


def zone_task_memory(cells, features, extra=0):
    """Peak bytes of a worker process ranking one zone of ``cells`` cells (:mod:`.zone_task`), per cell
    5.5 x 4 F + 80 + 16 per extra raster (``extra``: cost, levels), plus the interpreter (:data:`BASE_BYTES`).
    The parts: the pickled values as they arrive and their unpickled copy (2 x 4 F, the bytes freed before
    the ranking; a Dask worker normalises its read-only buffer into a copy instead), the prepared and the
    compacted copy (1.9 x 4 F) and the index vectors (about 70). Measured (``bench/parallel.py``): 999 MB
    for zones of 3.1-3.2 M cells x 10 features ranked one after the other in a worker (about 800 MB from
    the parts; the factor 5.5 covers the rest), 810 MB on a Dask worker; this gives 1010 MB."""
    return int((5.5 * 4 * features + 80 + 16 * extra) * cells) + BASE_BYTES


def estimate_priority_memory(paths, zones=None, extra_rasters=0, workers=1, scheduler=None):
    """Bytes for ranking ``paths``: the peak of three phases over the N grid cells (an upper
    bound of the analysed cells), F features, B = 4 F bytes per cell and the share z of the cells in the
    largest zone (read from ``zones``; 1 without):

    * reading: every feature on the whole grid (float32) and the stack, 2 N B + 18 N;
    * ranking: the stack, the zone's normalised copy, its prepared copy and one compacted copy (0.9),
      N B + 2.9 z N B + 24 N + 44 z N (index vectors), plus 16 N per extra raster (cost, hierarchy, mask);
      with several zones ranked as tasks: the stack and the zone sorting, 40 N + 16 N per extra raster, and
      with local ``workers`` > 1 one zone being pickled for a worker (z N B) plus one worker
      (:func:`zone_task_memory`; more are started only if they fit, see
      :func:`...runtime.parallel.fit_workers`), with a Dask ``scheduler`` every zone serialised for the
      cluster (N B);
    * curves: the stack, the removal order and one feature column, N B + 49 N;

    plus :data:`BASE_BYTES`. Measured (``bench/priorityrank.py``): 10^7 cells x 10 features, CAZ2: 2049 MB
    peak for 2236 MB estimated; with 3 zones 1182 MB for 1196 MB. ``bench/parallel.py``, the 3 zones on
    2 processes: caller 1223 MB and largest worker 999 MB for 1994 MB; on a Dask LocalCluster, whose
    scheduler runs in the caller's process and holds the zones too, caller 1580 MB for 1244 MB (the
    estimate counts the client, not a scheduler). N counts NoData cells too, so grids with much NoData get
    a generous estimate (Zonation 5 trees: 232 MB peak, 575 MB estimated).
    """
    if not paths:
        return 0
    grid = read_grid(paths[0])
    cells, row = grid.rows * grid.cols, 4 * len(paths)
    share, zone_count = 1.0, 1
    if zones is not None:
        raster = read_raster(zones, name="ZONES")
        _kinds, counts = np.unique(raster.array[raster.valid], return_counts=True)
        share = counts.max() / float(cells) if len(counts) else 1.0
        zone_count = len(counts)
    reading = 2 * cells * row + 18 * cells
    if zone_count > 1 and (workers > 1 or scheduler):
        ranking = cells * row + 40 * cells + 16 * cells * extra_rasters
        if scheduler:
            ranking += cells * row
        else:
            ranking += share * cells * row + zone_task_memory(int(share * cells), len(paths), extra_rasters)
    else:
        ranking = (cells * row + 2.9 * share * cells * row + 24 * cells + 44 * share * cells
                   + 16 * cells * extra_rasters)
    curves = cells * row + 49 * cells
    return int(max(reading, ranking, curves)) + BASE_BYTES


def _label(path, name):
    return name or os.path.splitext(os.path.basename(str(path)))[0]


def read_features(paths, names=None, mask=None, progress=None):
    """Read the feature rasters (all on one grid) into a :class:`FeatureStack`.

    ``mask``: optional raster path; only its cells with data and a value != 0 are analysed.
    Raises :class:`InputError` for a layer on another grid, without data, with negative values or
    summing to 0 on the analysis cells.
    """
    progress = ensure(progress)
    if not paths:
        raise InputError("FEATURES is empty: give at least one feature raster. / 请至少提供一个特征栅格。")
    names = [_label(p, n) for p, n in zip(paths, names or [None] * len(paths))]
    grid = read_grid(paths[0])
    union = np.zeros(grid.rows * grid.cols, bool)
    parts = []
    for k, (path, name) in enumerate(zip(paths, names)):
        progress.update(k / len(paths), "Reading feature layers / 正在读取特征图层")
        check_aligned(grid, read_grid(path), names[0], name)
        raster = read_raster(path, name=name)
        valid = raster.valid.ravel()
        if not valid.any():
            raise InputError(f"Feature layer '{name}' has no cell with data (all NoData); remove it from "
                             f"FEATURES or fix its NoData value. / 特征图层“{name}”全部为无数据值，请移除或修正。")
        values = raster.array.ravel().astype(np.float32)      # the whole grid, NoData as 0
        values[~valid] = 0.0
        del raster
        if not np.isfinite(values).all():
            raise InputError(f"Feature layer '{name}' holds infinite values; set them to NoData. "
                             f"/ 特征图层“{name}”含无穷大值，请设为无数据。")
        if (values < 0).any():
            raise InputError(
                f"Feature layer '{name}' has negative values (minimum {values.min():.6g}); priority ranking needs "
                f"values >= 0 (occurrence, suitability, service supply). Rescale it (e.g. Raster calculator, "
                f"(x - min) / (max - min)) or set the negative cells to NoData. / 特征图层“{name}”含负值，"
                f"请先归一化到非负数或设为无数据。")
        union |= valid
        parts.append(values)
    if mask is not None:
        check_aligned(grid, read_grid(mask), names[0], _label(mask, None))
        mask_raster = read_raster(mask, name="MASK")
        union &= (mask_raster.valid & (mask_raster.array != 0)).ravel()
    cells = np.flatnonzero(union)
    if len(cells) == 0:
        raise InputError("No cell is left to rank: the features have no data inside the MASK. "
                         "/ 掩膜范围内没有任何特征数据，无法排序。")
    stack = np.zeros((len(cells), len(paths)), np.float32)
    for j in range(len(parts)):
        stack[:, j] = parts[j][cells]
        parts[j] = None
    totals = stack.sum(axis=0, dtype=np.float64)
    for j, name in enumerate(names):
        if totals[j] <= 0:
            raise InputError(f"Feature layer '{name}' is 0 on every analysed cell, so it cannot be ranked "
                             f"(its curve would start below 1); remove it from FEATURES. "
                             f"/ 特征图层“{name}”在分析范围内全为 0，请移除。")
    progress.update(1.0)
    return FeatureStack(grid, cells, stack, names)


def read_cell_values(path, stack, what, name=None):
    """Values (float64) and validity of raster ``path`` on the analysis cells of ``stack``."""
    label = name or _label(path, None)
    check_aligned(stack.grid, read_grid(path), stack.names[0], label)
    raster = read_raster(path, name=label)
    values = raster.array.ravel()[stack.cells].astype(np.float64)
    valid = raster.valid.ravel()[stack.cells]
    return values, valid


def normalise(values, out=None):
    """q = x / column sums (float32); columns summing to 0 stay 0. ``out=values`` normalises in place."""
    totals = values.sum(axis=0, dtype=np.float64)
    scale = np.where(totals > 0, 1.0 / np.where(totals > 0, totals, 1.0), 0.0)
    return np.multiply(values, scale.astype(np.float32), out=out, dtype=np.float32)
