"""Reading Circuitscape inputs: rasters (ASCII grid, ``.asc.gz``, GeoTIFF) and text lists.

Formats (Circuitscape.jl ``src/io.jl``):

* rasters: first band; NoData (and NaN) read as NoData; ``.gz`` files are ASCII grids compressed
  with gzip. Every raster must lie on the habitat grid (checked, unlike upstream which only warns);
* focal nodes as text: ``id x y`` per line, map coordinates → 1-based row
  ``ceil(nrows - (y - yll)/cellsize)``, column ``ceil((x - xll)/cellsize)``;
* included/excluded pairs: ``min m`` / ``max M`` + square matrix with ids in the first row and
  column, or ``mode include|exclude`` + ``id id`` lines;
* variable source strengths: ``id strength``; advanced sources/grounds as text: ``value x y``;
* network mode: graph ``i j value``, focal nodes one id per line, sources/grounds ``node value``.
"""
import gzip
import os
import shutil
import tempfile
from dataclasses import dataclass

import numpy as np

from ...io.raster import check_aligned, read_raster
from ...io.textfile import read_text
from ...runtime.errors import InputError


@dataclass
class GridLayer:
    """A raster read for the circuit engine: float64 ``values``, ``valid`` mask, its ``grid``."""
    values: np.ndarray
    valid: np.ndarray
    grid: object
    name: str


def read_grid_layer(path, name=None):
    """Read a raster (``.asc``, ``.asc.gz``, GeoTIFF, any GDAL raster) as a :class:`GridLayer`."""
    name = name or os.path.basename(str(path))
    path = str(path)
    if path.lower().endswith(".gz"):
        if not os.path.isfile(path):
            raise InputError(f"The raster '{path}' does not exist. / 栅格文件不存在：{path}")
        with tempfile.TemporaryDirectory(prefix="ecosecurity-") as folder:
            plain = os.path.join(folder, os.path.basename(path)[:-3] or "grid.asc")
            with gzip.open(path, "rb") as source, open(plain, "wb") as target:
                shutil.copyfileobj(source, target)
            raster = read_raster(plain)
    else:
        raster = read_raster(path)
    return GridLayer(raster.array.astype(np.float64, copy=False), raster.valid, raster.grid, name)


def aligned_layer(path, habitat, name):
    """Read the raster ``path`` and check that it lies on the habitat grid."""
    layer = read_grid_layer(path, name)
    check_aligned(habitat.grid, layer.grid, habitat.name, layer.name)
    return layer


def integer_ids(values, name):
    """``values`` as int64 ids; :class:`InputError` when some are not whole numbers."""
    values = np.asarray(values, dtype=np.float64)
    if values.size and not np.all(np.mod(values, 1) == 0):
        raise InputError(f"'{name}': focal node ids must be whole numbers. / '{name}'：焦点编号必须为整数。")
    return values.astype(np.int64)


def _numeric_rows(path, what, min_columns):
    """Rows of numbers of a whitespace/comma separated text file (blank lines skipped)."""
    rows = []
    for number, line in enumerate(read_text(path, what).splitlines(), start=1):
        fields = line.replace(",", " ").split()
        if not fields:
            continue
        try:
            values = [float(field) for field in fields]
        except ValueError:
            raise InputError(f"{what} '{os.path.basename(str(path))}', line {number}: '{line.strip()}' is not "
                             f"{min_columns} numbers. / 第 {number} 行不是数字。") from None
        if len(values) < min_columns:
            raise InputError(f"{what} '{os.path.basename(str(path))}', line {number}: expected at least "
                             f"{min_columns} values. / 第 {number} 行数值个数不足。")
        rows.append(values[:min_columns])
    return np.array(rows, dtype=np.float64).reshape(-1, min_columns)


def cells_of_points(x, y, grid, what):
    """0-based (row, col) of map points with Circuitscape's rule; error for points outside the grid."""
    x0, dx, _, y0, _, dy = grid.geotransform
    cell = abs(dx)
    yll = y0 + dy * grid.rows if dy < 0 else y0
    rows = np.ceil(grid.rows - (np.asarray(y) - yll) / cell).astype(np.int64) - 1
    cols = np.ceil((np.asarray(x) - x0) / cell).astype(np.int64) - 1
    outside = (rows < 0) | (rows >= grid.rows) | (cols < 0) | (cols >= grid.cols)
    if outside.any():
        k = int(np.flatnonzero(outside)[0])
        raise InputError(
            f"{what}: {int(outside.sum())} location(s) fall outside the habitat grid (first at x={x[k]}, "
            f"y={y[k]}). Check the coordinates and the coordinate reference system. "
            f"/ {what}：有位置落在栅格范围之外，请检查坐标和坐标系。")
    return rows, cols


@dataclass
class FocalCells:
    """Focal node cells after Circuitscape's ordering: ``ids`` sorted (stable), with 0-based cells."""
    ids: np.ndarray
    rows: np.ndarray
    cols: np.ndarray

    @property
    def has_regions(self):
        """True when some id occupies more than one cell (focal regions)."""
        return self.ids.size > np.unique(self.ids).size


def focal_cells_from_raster(values, valid, name="focal nodes"):
    """Focal cells of a raster: non-zero valid cells in column-major order, then sorted by id."""
    data = np.where(valid, values, 0.0)
    cols, rows = np.nonzero(data.T)
    ids = integer_ids(data[rows, cols], name)
    return _ordered(ids, rows, cols)


def focal_cells_from_points(ids, rows, cols):
    """Focal cells of a point list in the given order, then sorted by id."""
    return _ordered(np.asarray(ids, dtype=np.int64), np.asarray(rows), np.asarray(cols))


def _ordered(ids, rows, cols):
    keep = ids >= 0
    ids, rows, cols = ids[keep], rows[keep], cols[keep]
    order = np.argsort(ids, kind="stable")
    return FocalCells(ids[order], rows[order].astype(np.int64), cols[order].astype(np.int64))


def read_focal_file(path, habitat):
    """Focal nodes from a raster or a text list ``id x y``."""
    name = os.path.basename(str(path))
    if _is_text(path):
        table = _numeric_rows(path, "Focal node file", 3)
        rows, cols = cells_of_points(table[:, 1], table[:, 2], habitat.grid, f"Focal nodes '{name}'")
        return focal_cells_from_points(integer_ids(table[:, 0], name), rows, cols)
    layer = aligned_layer(path, habitat, name)
    return focal_cells_from_raster(layer.values, layer.valid, name)


def _is_text(path):
    return str(path).lower().endswith((".txt", ".csv", ".xy"))


def read_point_values(path, habitat, what):
    """Advanced-mode sources or grounds: a raster or a text list ``value x y``.

    Returns ``(values, given)`` on the habitat grid: ``given`` is False on NoData cells and on
    cells no point falls in (values of points in the same cell add up). A given 0 matters for
    grounds: a zero resistance to ground is a direct ground.
    """
    name = os.path.basename(str(path))
    shape = habitat.values.shape
    if _is_text(path):
        table = _numeric_rows(path, what, 3)
        rows, cols = cells_of_points(table[:, 1], table[:, 2], habitat.grid, f"{what} '{name}'")
        values = np.zeros(shape, dtype=np.float64)
        given = np.zeros(shape, dtype=bool)
        np.add.at(values, (rows, cols), table[:, 0])
        given[rows, cols] = True
        return values, given
    layer = aligned_layer(path, habitat, name)
    return np.where(layer.valid, layer.values, 0.0), layer.valid.copy()


@dataclass
class PairSelection:
    """Included or excluded pairs: ``mode`` 'include'/'exclude', the flagged ``pairs`` (a < b) and
    the ``ids`` named in the file."""
    mode: str
    pairs: set
    ids: set


def read_included_pairs(path):
    """Read an include/exclude pairs file (matrix form with min/max, or list form with a mode)."""
    lines = [line.split() for line in read_text(path, "Included pairs file").splitlines() if line.split()]
    name = os.path.basename(str(path))
    if not lines:
        raise InputError(f"Included pairs file '{name}' is empty. / 点对文件为空。")
    head = lines[0][0].lower()
    try:
        if head == "mode":
            mode = lines[0][1].lower()
            if mode not in ("include", "exclude"):
                raise ValueError
            pairs, ids = set(), set()
            for fields in lines[1:]:
                a, b = int(float(fields[0])), int(float(fields[1]))
                pairs.add((min(a, b), max(a, b)))
                ids.update((a, b))
            return PairSelection(mode, pairs, ids)
        if head == "min":
            low = float(lines[0][1])
            high = float(lines[1][1])
            header = [int(float(v)) for v in lines[2][1:]]
            pairs = set()
            for fields in lines[3:]:
                a = int(float(fields[0]))
                for b, value in zip(header, fields[1:]):
                    value = float(value)
                    if value > high:
                        value = 0.0
                    if value >= low and a != b:
                        pairs.add((min(a, b), max(a, b)))
            return PairSelection("include", pairs, set(header))
    except (ValueError, IndexError):
        pass
    raise InputError(
        f"Included pairs file '{name}' is neither a matrix (lines 'min m', 'max M', then a matrix with ids in "
        "its first row and column) nor a list ('mode include' or 'mode exclude', then 'id id' lines). "
        "/ 点对文件格式无效。")


def read_source_strengths(path):
    """Variable source strengths ``id strength`` → {id: strength}."""
    table = _numeric_rows(path, "Source strength file", 2)
    return {int(i): float(s) for i, s in table}


def read_network_graph(path):
    """Network graph ``i j value`` → (i, j, value) float arrays in file order."""
    table = _numeric_rows(path, "Network graph file", 3)
    if table.shape[0] == 0:
        raise InputError(f"Network graph file '{os.path.basename(str(path))}' has no edges. / 网络文件没有边。")
    return table[:, 0], table[:, 1], table[:, 2]


def read_node_list(path):
    """One node id per line (network focal nodes)."""
    return _numeric_rows(path, "Focal node list", 1)[:, 0]


def read_node_values(path, what):
    """``node value`` lines (network sources/grounds)."""
    table = _numeric_rows(path, what, 2)
    return table[:, 0], table[:, 1]
