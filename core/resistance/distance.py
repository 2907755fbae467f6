"""Exact Euclidean distance (map units) from source cells to every cell of a grid.

``d(c) = min_s sqrt((Δrow_cs · cell_height)² + (Δcol_cs · cell_width)²)`` between cell centres,
computed with the exact linear-time Euclidean distance transform of
``scipy.ndimage.distance_transform_edt`` (Maurer, Qi & Raghavan 2003, *IEEE PAMI* 25:265) with
``sampling = (cell_height, cell_width)`` — not buffer rings, not a chamfer approximation, so it
equals the brute-force minimum over all source cells (tested).

Sources just outside the grid (a road beyond the study-area edge) count when the caller
rasterises them on a grid padded by ``margin`` cells (:func:`padded_grid`); the result is cropped
back. Cells farther than ``max_distance`` get ``max_distance`` (the cap).

With a cap the distance is tile-local and streams in row strips (:func:`distance_raster`): a
strip's distance is taken over the sources of the strip plus a halo of ``ceil(max_distance /
cell_height)`` rows above and below (all columns of the padded grid). A source outside that window
is more than ``max_distance`` away, so every cell whose distance is at most the cap has its nearest
source inside, and every other cell is capped either way: the strips equal the whole-grid transform
(tested bit for bit). Vector sources are first burnt into a temporary GeoTIFF next to the output.

Memory: the boolean source mask, scipy's int32 feature transform (2 × 4 bytes per cell) and
float64 distances, then a float32 copy: about 25 bytes per (padded) cell of the whole grid without
a cap, of a strip plus its halo with one (:func:`estimate_distance_memory`).
"""
import math
import os

import numpy as np
from osgeo import gdal
from scipy import ndimage

from ..io.blockio import BLOCK_CELLS, AlignedSource, BlockWriter, row_blocks
from ..io.crs import check_projected
from ..io.raster import Grid, remove_quietly, temporary_sibling, write_raster
from ..io.rasterize import rasterize_features, rasterize_to_file
from ..runtime.errors import InputError
from ..runtime.progress import ensure

BYTES_PER_CELL = 25
NO_SOURCES = ("There are no source features or cells inside the reference grid (or its margin), so the distance "
              "is undefined. Check that the layers overlap and share the CRS. / 参考范围内没有源要素或源像元，无法计算距离。")


def estimate_distance_memory(grid, max_distance=None, edge_margin=0.0, block_cells=None):
    """Bytes :func:`distance_raster` needs on ``grid`` with its padding for the cap and edge margin:
    the whole padded grid without a cap, the tallest strip plus twice the padding with one."""
    margin = margin_cells(grid, max(edge_margin or 0.0, max_distance or 0.0))
    rows = grid.rows + 2 * margin
    if max_distance:
        tallest = max(nrows for _row0, nrows in row_blocks(grid, strip_cells(grid, max_distance, block_cells)))
        rows = min(rows, tallest + 2 * margin)
    return BYTES_PER_CELL * rows * (grid.cols + 2 * margin)


def halo_rows(grid, max_distance):
    """Rows above and below a strip holding every source within ``max_distance`` of it."""
    return int(math.ceil(max_distance / grid.cell_height))


def strip_cells(grid, max_distance, block_cells=None):
    """Cells per strip of the capped run: :data:`BLOCK_CELLS`, or enough that a strip is at least
    as tall as its two halos (so that the transform is not mostly halo)."""
    return block_cells or max(BLOCK_CELLS, 2 * halo_rows(grid, max_distance) * grid.cols)


def padded_grid(grid, margin):
    """``grid`` grown by ``margin`` cells on every side (same cells, same CRS)."""
    x0, dx, rx, y0, ry, dy = grid.geotransform
    return Grid((x0 - margin * dx, dx, rx, y0 - margin * dy, ry, dy), grid.crs_wkt,
                grid.rows + 2 * margin, grid.cols + 2 * margin)


def source_cells(array, valid, values=None):
    """Source mask of a raster: valid cells whose value is in ``values`` (any non-zero value if None)."""
    if values is None or len(values) == 0:
        return valid & (array != 0)
    return valid & np.isin(array, np.asarray(values, dtype=array.dtype if np.issubdtype(array.dtype, np.integer)
                                                                    else np.float64))


def euclidean_distance(sources, cell_height, cell_width, max_distance=None, margin=0, progress=None):
    """Distance from each cell to the nearest ``True`` cell of ``sources`` (float32, map units).

    ``sources`` may be padded by ``margin`` cells on every side; the result is cropped to the
    inner grid. Raises :class:`InputError` when there is no source cell.
    """
    progress = ensure(progress)
    sources = np.asarray(sources, dtype=bool)
    if cell_height <= 0 or cell_width <= 0:
        raise InputError(f"Cell size must be positive (got {cell_height} × {cell_width}).")
    if max_distance is not None and max_distance <= 0:
        raise InputError(f"The maximum distance must be positive (got {max_distance:g}). / 最大距离必须为正数。")
    if not sources.any():
        raise InputError(NO_SOURCES)
    progress.update(0.05, "Euclidean distance transform / 欧氏距离变换")
    distance = ndimage.distance_transform_edt(~sources, sampling=(cell_height, cell_width))
    progress.check()
    if margin:
        distance = distance[margin:-margin, margin:-margin]
    if max_distance is not None:
        np.minimum(distance, max_distance, out=distance)
    progress.update(1.0)
    return distance.astype(np.float32)


def margin_cells(grid, distance):
    """Cells of padding covering ``distance`` map units beyond the grid's edge."""
    return int(math.ceil(max(distance, 0.0) / min(grid.cell_width, grid.cell_height)))


class _SourceMask:
    """Rows of the source mask on the padded grid: a source raster resampled by nearest neighbour
    (cells in ``values``, or every non-zero valid cell), or features burnt into ``burnt`` (a file)."""

    def __init__(self, padded, raster=None, values=None, burnt=None):
        self.padded, self.values = padded, values
        if raster is not None:
            self.source = AlignedSource(raster, padded, resampling="nearest", name="source raster")
        else:
            self.dataset = gdal.Open(burnt, gdal.GA_ReadOnly)
            self.source = None

    def read(self, row0, nrows):
        """Boolean source cells of padded rows ``row0 … row0 + nrows − 1``."""
        if self.source is not None:
            return source_cells(*self.source.read(row0, nrows), self.values)
        return self.dataset.GetRasterBand(1).ReadAsArray(0, row0, self.padded.cols, nrows) > 0

    def any(self):
        """True when some cell of the padded grid is a source (strips up to the first one)."""
        return any(self.read(row0, nrows).any() for row0, nrows in row_blocks(self.padded))


def distance_raster(grid, output, vector=None, raster=None, source_values=None, max_distance=None, edge_margin=0.0,
                    all_touched=True, progress=None, grid_name="reference grid", block_cells=None):
    """Write the distance to ``vector`` features (``(path, layer)``) or ``raster`` source cells (a path).

    Features and cells up to ``max(edge_margin, max_distance)`` beyond the grid's edge count. The
    raster is resampled onto the (padded) grid by nearest neighbour when not aligned. Returns the
    output path; Float32 without NoData (every cell has a distance). A grid in a geographic CRS
    (``grid_name`` names it) is refused: distances in degrees mean nothing. With ``max_distance``
    the grid streams in strips of about ``block_cells`` cells (module docstring).
    """
    progress = ensure(progress)
    check_projected(grid.crs_wkt, grid_name, "distances")
    if (vector is None) == (raster is None):
        raise InputError("Give either source features or a source raster. / 请给出源要素或源栅格之一。")
    margin = margin_cells(grid, max(edge_margin or 0.0, max_distance or 0.0))
    padded = padded_grid(grid, margin)
    progress.update(0.0, "Rasterizing sources / 源栅格化")
    if not max_distance:
        if vector is not None:
            sources = rasterize_features(vector[0], padded, layer=vector[1], all_touched=all_touched) > 0
        else:
            sources = _SourceMask(padded, raster, source_values).read(0, padded.rows)
        distance = euclidean_distance(sources, grid.cell_height, grid.cell_width, max_distance, margin,
                                      progress.sub(0.1, 0.9))
        write_raster(output, distance, grid)
        progress.update(1.0)
        return output
    burnt = temporary_sibling(os.path.splitext(str(output))[0] + ".sources.tif") if vector is not None else None
    mask = None
    try:
        if burnt is not None:
            rasterize_to_file(vector[0], padded, burnt, layer=vector[1], all_touched=all_touched)
        mask = _SourceMask(padded, raster, source_values, burnt)
        _stream_capped(grid, output, mask, margin, max_distance, progress.sub(0.1, 1.0), block_cells)
    finally:
        mask = None     # closes the burnt file before it is deleted (Windows cannot delete open files)
        if burnt is not None:
            remove_quietly(burnt)
    progress.update(1.0)
    return output


def _stream_capped(grid, output, mask, margin, max_distance, progress, block_cells):
    """Capped distance strip by strip: each strip's transform over its window of padded rows."""
    if max_distance <= 0:
        raise InputError(f"The maximum distance must be positive (got {max_distance:g}). / 最大距离必须为正数。")
    if not mask.any():
        raise InputError(NO_SOURCES)
    halo = halo_rows(grid, max_distance)
    blocks = row_blocks(grid, strip_cells(grid, max_distance, block_cells))
    with BlockWriter(output, grid, np.float32) as out:
        for done, (row0, nrows) in enumerate(blocks):
            progress.update(done / len(blocks), "Euclidean distance transform / 欧氏距离变换")
            first = max(0, row0 + margin - halo)
            window = mask.read(first, min(mask.padded.rows, row0 + margin + nrows + halo) - first)
            top = row0 + margin - first
            if window.any():
                distance = ndimage.distance_transform_edt(~window, sampling=(grid.cell_height, grid.cell_width))
                strip = distance[top:top + nrows, margin:margin + grid.cols]
                out.write(row0, np.minimum(strip, max_distance).astype(np.float32))
            else:
                out.write(row0, np.full((nrows, grid.cols), max_distance, dtype=np.float32))
