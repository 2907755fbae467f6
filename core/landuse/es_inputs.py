"""Reading the ecosystem-service rasters of ``esclusters`` strip by strip with bounded memory.

A cell is a sample when it is valid (not NoData, not NaN) in **every** service. The rasters must be on
one grid (same CRS, extent and cell size): a misaligned one is refused with its name, never
resampled silently. Three streaming passes at most: statistics (min, max, mean, sd and the Pearson
correlation, accumulated on values shifted by the first strip's mean to avoid cancellation), a
seeded uniform sample without replacement of the valid cells (exactly ``size`` of them, by rank),
and the assignment (in :mod:`.es_clusters`). For units, the per-unit sums and counts of the cells
inside each polygon.
"""
from dataclasses import dataclass

import numpy as np

from ..io.blockio import AlignedSource, row_blocks
from ..io.raster import check_aligned, read_grid
from ..runtime.errors import InputError
from ..runtime.progress import ensure
from .clusters import correlation_from_sums

#: Cells per strip summed over the services (e.g. 6 services → 350 k cells a strip, ≈ 17 MB of float64).
STRIP_VALUES = 1 << 21


@dataclass
class ServiceStats:
    n: int
    minimum: np.ndarray
    maximum: np.ndarray
    mean: np.ndarray
    sd: np.ndarray
    correlation: np.ndarray


def open_services(paths, names):
    """``(grid, sources)``: every raster on the grid of the first one; refuses fewer than two."""
    if len(paths) < 2:
        raise InputError(
            f"INPUTS needs at least two ecosystem-service rasters to find bundles (got {len(paths)}). "
            "/ 至少需要两个生态系统服务栅格才能识别服务簇。")
    lowered = [name.lower() for name in names]
    repeated = sorted({name for name, low in zip(names, lowered) if lowered.count(low) > 1})
    if repeated:
        raise InputError(f"Two inputs have the same name {', '.join(repeated)}; rename the layers so that the "
                         "profiles can tell them apart. / 输入图层重名，请重命名。")
    grid = read_grid(paths[0])
    for path, name in zip(paths[1:], names[1:]):
        check_aligned(grid, read_grid(path), names[0], name)
    sources = [AlignedSource(path, grid, name=name, reproject=False) for path, name in zip(paths, names)]
    return grid, sources


def strips(grid, services):
    return row_blocks(grid, max(grid.cols, STRIP_VALUES // max(services, 1)))


def read_strip(sources, row0, nrows):
    """``(values cells × d float64 of the cells valid in all, valid mask rows × cols)``."""
    arrays, valid = [], None
    for source in sources:
        array, ok = source.read(row0, nrows)
        arrays.append(array)
        valid = ok if valid is None else valid & ok
    values = np.empty((int(valid.sum()), len(arrays)), dtype=np.float64)
    for j, array in enumerate(arrays):
        values[:, j] = array[valid]
    return values, valid


def scan(sources, grid, progress=None):
    """:class:`ServiceStats` of the cells valid in every service (one pass)."""
    progress = ensure(progress)
    d = len(sources)
    n, shift = 0, None
    minimum, maximum = np.full(d, np.inf), np.full(d, -np.inf)
    sums, cross = np.zeros(d), np.zeros((d, d))
    blocks = strips(grid, d)
    for index, (row0, nrows) in enumerate(blocks):
        values, _ = read_strip(sources, row0, nrows)
        if len(values):
            if shift is None:
                shift = values.mean(axis=0)
            centred = values - shift
            n += len(values)
            minimum = np.minimum(minimum, values.min(axis=0))
            maximum = np.maximum(maximum, values.max(axis=0))
            sums += centred.sum(axis=0)
            cross += centred.T @ centred
        progress.update((index + 1) / len(blocks), "Reading the services (statistics)")
    if n == 0:
        raise InputError(
            "No cell has a value in every ecosystem-service raster (NoData everywhere in at least one, or the "
            "NoData areas do not overlap). Check the inputs. / 没有在所有服务栅格中均有值的像元，请检查输入。")
    mean_shifted = sums / n
    variance = np.maximum(np.diag(cross) / n - mean_shifted ** 2, 0.0)
    return ServiceStats(n, minimum, maximum, mean_shifted + shift, np.sqrt(variance),
                        correlation_from_sums(n, sums, cross))


def sample_cells(sources, grid, n_valid, size, seed, progress=None):
    """Raw values (m × d) of a seeded uniform sample of m = min(size, n_valid) valid cells, in grid order."""
    progress = ensure(progress)
    if size <= 0 or size >= n_valid:
        wanted = None
        m = n_valid
    else:
        wanted = np.sort(np.random.default_rng(seed).choice(n_valid, size, replace=False))
        m = size
    out = np.empty((m, len(sources)), dtype=np.float64)
    seen = filled = 0
    blocks = strips(grid, len(sources))
    for index, (row0, nrows) in enumerate(blocks):
        values, _ = read_strip(sources, row0, nrows)
        if wanted is None:
            out[filled:filled + len(values)] = values
            filled += len(values)
        else:
            lo, hi = np.searchsorted(wanted, [seen, seen + len(values)])
            out[filled:filled + hi - lo] = values[wanted[lo:hi] - seen]
            filled += hi - lo
        seen += len(values)
        progress.update((index + 1) / len(blocks), "Reading the services (sample)")
    return out[:filled]


def unit_sums(sources, grid, unit_ids, n_units, progress=None):
    """``(sums n_units × d, valid cells per unit, cells per unit)`` of the raw values of the cells inside
    each unit (``unit_ids``: rows × cols, 1 … n_units, 0 outside)."""
    progress = ensure(progress)
    d = len(sources)
    sums = np.zeros((n_units + 1, d))
    counts = np.zeros(n_units + 1, dtype=np.int64)
    blocks = strips(grid, d)
    for index, (row0, nrows) in enumerate(blocks):
        values, valid = read_strip(sources, row0, nrows)
        ids = unit_ids[row0:row0 + nrows][valid]
        counts += np.bincount(ids, minlength=n_units + 1)
        for j in range(d):
            sums[:, j] += np.bincount(ids, weights=values[:, j], minlength=n_units + 1)
        progress.update((index + 1) / len(blocks), "Averaging the services per unit")
    cells = np.bincount(unit_ids.ravel(), minlength=n_units + 1)
    return sums[1:], counts[1:], cells[1:]


def sample_size_note(n_valid, size):
    """A sentence for the log: how many cells trained the model."""
    if size <= 0 or size >= n_valid:
        return f"All {n_valid} valid cells are used for training. / 全部 {n_valid} 个有效像元参与训练。"
    return (f"The model is trained on a seeded sample of {size} of the {n_valid} valid cells "
            f"({100.0 * size / n_valid:.2g} %); every cell is then assigned. / 用 {size} 个随机样本像元训练，"
            "再对全部像元归类。")


def strip_bytes(grid, services):
    """Peak bytes of one strip: the rasters as read, their mask and the float64 copy."""
    rows = strips(grid, services)[0][1] if grid.rows else 0
    return int(rows * grid.cols * (services * (8 + 1 + 8) + 8 * 4))
