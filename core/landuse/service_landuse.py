"""The land-use raster of the ecosystem-service models: opened once, scanned once, read in strips.

* :func:`open_land_use` refuses a geographic CRS (cell areas in hectares and threat distances in
  kilometres need metres) and opens the band on its own grid.
* :func:`scan_classes` counts the cells of every class in one pass; an all-NoData raster and
  non-integer values are errors naming the layer.
* :func:`read_classes` gives a strip as int64 class codes with its validity mask.
"""
import os

import numpy as np

from ..io.blockio import AlignedSource, row_blocks
from ..io.class_codes import check_whole_codes
from ..io.crs import check_projected
from ..io.raster import read_grid
from ..runtime.errors import InputError
from ..runtime.progress import ensure


def open_land_use(path, name=None):
    """(:class:`AlignedSource`, grid) of the land-use raster; a geographic CRS is refused."""
    name = name or os.path.splitext(os.path.basename(str(path)))[0]
    grid = read_grid(path)
    check_projected(grid.crs_wkt, name, "cell areas (ha) and threat distances (km)", metres=True)
    grid.cell_size  # noqa: B018 (raises for non-square cells)
    return AlignedSource(path, grid, name=name, reproject=False), grid


def read_classes(source, row0, nrows):
    """(int64 codes, valid) of a strip; NoData cells hold 0 in ``codes``."""
    array, valid = source.read(row0, nrows)
    check_whole_codes(array[valid], source.name)
    codes = np.zeros(array.shape, np.int64)
    codes[valid] = array[valid].astype(np.int64)
    return codes, valid


def scan_classes(source, progress=None):
    """{class code: number of cells} of the whole raster (one pass)."""
    progress = ensure(progress)
    counts = {}
    blocks = row_blocks(source.grid)
    for index, (row0, nrows) in enumerate(blocks):
        codes, valid = read_classes(source, row0, nrows)
        values, cells = np.unique(codes[valid], return_counts=True)
        for value, count in zip(values.tolist(), cells.tolist()):
            counts[value] = counts.get(value, 0) + count
        progress.update((index + 1) / len(blocks), "Reading the land-use classes / 读取地类")
    if not counts:
        raise InputError(f"The land use '{source.name}' has no valid cell (all NoData). Check its NoData value and "
                         f"extent. / 土地利用“{source.name}”全部为 NoData。")
    return dict(sorted(counts.items()))
