"""Raster I/O over GDAL: bands to numpy with their NoData mask, atomic GeoTIFF/ASCII writes,
grid alignment checks.

No global ``gdal.UseExceptions()``: QGIS shares GDAL with every plugin, so errors are
checked by return value (``None``) and turned into :class:`InputError` with the file name.
"""
import math
import os
import tempfile
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, osr

from ..runtime.errors import GridMismatchError, InputError
from .nodata import array_rule

#: GDAL creation options for every GeoTIFF we write (tiled, compressed, BigTIFF when needed).
GTIFF_OPTIONS = ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=1", "BIGTIFF=IF_SAFER", "NUM_THREADS=2"]

_NUMPY_TO_GDAL = {
    np.dtype(np.uint8): gdal.GDT_Byte, np.dtype(np.uint16): gdal.GDT_UInt16,
    np.dtype(np.int16): gdal.GDT_Int16, np.dtype(np.uint32): gdal.GDT_UInt32,
    np.dtype(np.int32): gdal.GDT_Int32, np.dtype(np.float32): gdal.GDT_Float32,
    np.dtype(np.float64): gdal.GDT_Float64,
}


@dataclass(frozen=True)
class Grid:
    """Georeferencing of a raster: GDAL geotransform, CRS as WKT, size in cells."""
    geotransform: tuple
    crs_wkt: str
    rows: int
    cols: int

    @property
    def cell_width(self):
        return abs(self.geotransform[1])

    @property
    def cell_height(self):
        return abs(self.geotransform[5])

    @property
    def cell_size(self):
        """Cell size for square cells; raises :class:`InputError` for clearly non-square ones."""
        if not math.isclose(self.cell_width, self.cell_height, rel_tol=1e-6):
            raise InputError(
                f"Cells are not square ({self.cell_width} x {self.cell_height}); "
                "resample the raster to square cells first (e.g. GDAL Warp with -tr).")
        return self.cell_width

    @property
    def extent(self):
        """(xmin, ymin, xmax, ymax) for north-up grids."""
        x0, dx, _, y0, _, dy = self.geotransform
        xs = (x0, x0 + dx * self.cols)
        ys = (y0, y0 + dy * self.rows)
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def shape(self):
        return self.rows, self.cols

    def cell_center(self, row, col):
        """Map coordinates of the centre of cell (row, col)."""
        x0, dx, rx, y0, ry, dy = self.geotransform
        return x0 + (col + 0.5) * dx + (row + 0.5) * rx, y0 + (col + 0.5) * ry + (row + 0.5) * dy

    def cell_of(self, x, y):
        """(row, col) of the cell holding map point (x, y) (may lie outside the grid)."""
        x0, dx, _, y0, _, dy = self.geotransform
        return int(math.floor((y - y0) / dy)), int(math.floor((x - x0) / dx))


@dataclass
class Raster:
    """A band in memory: ``array`` (native dtype), ``valid`` (False on NoData / NaN)."""
    array: np.ndarray
    valid: np.ndarray
    nodata: object
    grid: Grid
    path: str = ""


def _open(path, what="raster"):
    if not path or not os.path.exists(str(path)):
        raise InputError(f"The {what} file '{path}' does not exist. Check the path.")
    dataset = gdal.Open(str(path), gdal.GA_ReadOnly)
    if dataset is None:
        raise InputError(f"GDAL cannot open '{path}' as a raster: {gdal.GetLastErrorMsg() or 'unknown format'}.")
    return dataset


def read_grid(path):
    """The :class:`Grid` of a raster file without reading its pixels."""
    dataset = _open(path)
    return Grid(tuple(dataset.GetGeoTransform()), dataset.GetProjection() or "",
                dataset.RasterYSize, dataset.RasterXSize)


def band_count(path):
    """Number of bands of a raster file."""
    return _open(path).RasterCount


def read_raster(path, band=1, name=None):
    """Read ``band`` (1-based) of ``path``; ``valid`` masks the band's NoData value and NaN.

    An untagged band follows the NoData rule of :mod:`.nodata` (a sentinel minimum such as -9999
    is NoData, with a warning naming ``name``, default the file name).
    """
    dataset = _open(path)
    if not 1 <= band <= dataset.RasterCount:
        raise InputError(
            f"'{os.path.basename(str(path))}' has {dataset.RasterCount} band(s); band {band} does not exist.")
    gband = dataset.GetRasterBand(band)
    array = gband.ReadAsArray()
    if array is None:
        raise InputError(f"Cannot read band {band} of '{path}': {gdal.GetLastErrorMsg()}")
    nodata = gband.GetNoDataValue()
    if nodata is None:
        nodata = array_rule(array, gband.DataType, name or os.path.basename(str(path)))
    valid = np.ones(array.shape, dtype=bool)
    if nodata is not None:
        if np.issubdtype(array.dtype, np.floating) and math.isnan(nodata):
            pass
        elif np.issubdtype(array.dtype, np.integer) and not float(nodata).is_integer():
            pass
        else:
            valid &= array != np.array(nodata).astype(array.dtype)
    if np.issubdtype(array.dtype, np.floating):
        valid &= ~np.isnan(array)
    grid = Grid(tuple(dataset.GetGeoTransform()), dataset.GetProjection() or "",
                dataset.RasterYSize, dataset.RasterXSize)
    return Raster(array, valid, nodata, grid, str(path))


def gdal_type(dtype):
    """GDAL data type of a numpy dtype (:class:`InputError` for unsupported ones)."""
    try:
        return _NUMPY_TO_GDAL[np.dtype(dtype)]
    except KeyError:
        raise InputError(f"Cannot write rasters of type {dtype}.") from None


def temporary_sibling(path):
    """An unused hidden ``.part`` path in the folder of ``path`` (same file system: rename is atomic)."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    os.makedirs(folder, exist_ok=True)
    root, ext = os.path.splitext(os.path.basename(path))
    handle, tmp = tempfile.mkstemp(prefix=f".{root}.pid{os.getpid()}.", suffix=f".part{ext}", dir=folder)
    os.close(handle)
    os.remove(tmp)
    return tmp


def replace_atomically(tmp, path):
    """Move ``tmp`` (and its GDAL side-car files) over ``path``."""
    for suffix in ("", ".aux.xml", ".prj"):
        src = tmp + suffix if suffix != ".prj" else os.path.splitext(tmp)[0] + ".prj"
        dst = path + suffix if suffix != ".prj" else os.path.splitext(path)[0] + ".prj"
        if os.path.exists(src):
            os.replace(src, dst)


def remove_quietly(tmp):
    """Delete ``tmp`` and its side-car files, ignoring missing ones."""
    for candidate in (tmp, tmp + ".aux.xml", os.path.splitext(tmp)[0] + ".prj"):
        try:
            os.remove(candidate)
        except OSError:
            pass


def write_raster(path, array, grid, nodata=None, dtype=None, color_table=None, category_names=None):
    """Write ``array`` as a single-band raster at ``path`` atomically; returns ``path``.

    GeoTIFF (tiled, DEFLATE) unless the extension is ``.asc`` (ESRI ASCII grid, ``%.10g``).
    ``color_table``: {value: (r, g, b[, a])} for Byte/UInt16 bands. The file appears only
    once it is complete: a failure leaves no file behind.
    """
    path = str(path)
    array = np.asarray(array)
    if dtype is not None:
        array = array.astype(dtype, copy=False)
    if array.ndim != 2 or array.shape != grid.shape:
        raise InputError(f"Internal error: array shape {array.shape} does not match the grid {grid.shape}.")
    tmp = temporary_sibling(path)
    try:
        if path.lower().endswith(".asc"):
            _write_ascii(tmp, array, grid, nodata)
        else:
            _write_gtiff(tmp, array, grid, nodata, color_table, category_names)
        replace_atomically(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return path


def _write_gtiff(tmp, array, grid, nodata, color_table, category_names):
    driver = gdal.GetDriverByName("GTiff")
    dataset = driver.Create(tmp, grid.cols, grid.rows, 1, gdal_type(array.dtype), GTIFF_OPTIONS)
    if dataset is None:
        raise InputError(f"Cannot create '{tmp}': {gdal.GetLastErrorMsg()} (check the folder and free disk space).")
    dataset.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        dataset.SetProjection(grid.crs_wkt)
    band = dataset.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(float(nodata))
    if color_table:
        table = gdal.ColorTable()
        for value, rgb in color_table.items():
            table.SetColorEntry(int(value), tuple(rgb) + ((255,) if len(rgb) == 3 else ()))
        band.SetColorTable(table)
        band.SetColorInterpretation(gdal.GCI_PaletteIndex)
    if category_names:
        names = [""] * (max(category_names) + 1)
        for value, name in category_names.items():
            names[value] = name
        band.SetCategoryNames(names)
    if band.WriteArray(array) != 0:
        raise InputError(f"Writing '{tmp}' failed: {gdal.GetLastErrorMsg()} (check free disk space).")
    band.FlushCache()
    band = None
    dataset.FlushCache()
    dataset = None


def _write_ascii(tmp, array, grid, nodata):
    x0, dx, _, y0, _, dy = grid.geotransform
    if not math.isclose(abs(dx), abs(dy), rel_tol=1e-9):
        raise InputError("ESRI ASCII grids need square cells.")
    yll = y0 + dy * grid.rows if dy < 0 else y0
    values = np.where(np.isnan(array), nodata if nodata is not None else -9999, array) \
        if np.issubdtype(array.dtype, np.floating) else array
    header = (f"ncols         {grid.cols}\nnrows         {grid.rows}\nxllcorner     {x0:.10g}\n"
              f"yllcorner     {yll:.10g}\ncellsize      {abs(dx):.10g}\n"
              f"NODATA_value  {nodata if nodata is not None else -9999:.10g}\n")
    fmt = "%.10g" if np.issubdtype(values.dtype, np.floating) else "%d"
    with open(tmp, "w", encoding="ascii") as handle:
        handle.write(header)
        np.savetxt(handle, values, fmt=fmt, delimiter=" ")
    if grid.crs_wkt:
        srs = osr.SpatialReference()
        if srs.ImportFromWkt(grid.crs_wkt) == 0:
            srs.MorphToESRI()
            with open(os.path.splitext(tmp)[0] + ".prj", "w", encoding="ascii") as prj:
                prj.write(srs.ExportToWkt())


def epsg_wkt(code):
    """WKT of the CRS ``EPSG:<code>``."""
    srs = osr.SpatialReference()
    if srs.ImportFromEPSG(int(code)) != 0:
        raise InputError(f"EPSG:{code} is not a known coordinate reference system.")
    return srs.ExportToWkt()


def same_crs(wkt_a, wkt_b):
    """True when two WKT strings describe the same CRS (or both are empty)."""
    if not wkt_a or not wkt_b:
        return not wkt_a and not wkt_b
    a, b = osr.SpatialReference(), osr.SpatialReference()
    if a.ImportFromWkt(wkt_a) != 0 or b.ImportFromWkt(wkt_b) != 0:
        return wkt_a == wkt_b
    return bool(a.IsSame(b))


def check_aligned(grid_a, grid_b, name_a, name_b):
    """Raise :class:`GridMismatchError` naming both layers and what differs (CRS, size, cells, origin)."""
    problems = []
    if not same_crs(grid_a.crs_wkt, grid_b.crs_wkt):
        problems.append("coordinate reference systems differ / 坐标系不同")
    if (grid_a.rows, grid_a.cols) != (grid_b.rows, grid_b.cols):
        problems.append(f"sizes differ ({grid_a.cols}x{grid_a.rows} vs {grid_b.cols}x{grid_b.rows} cells) / 行列数不同")
    ga, gb = grid_a.geotransform, grid_b.geotransform
    tol = 1e-6 * max(abs(ga[1]), abs(ga[5]))
    if abs(ga[1] - gb[1]) > tol or abs(ga[5] - gb[5]) > tol:
        problems.append(f"cell sizes differ ({abs(ga[1])} vs {abs(gb[1])}) / 像元大小不同")
    if abs(ga[0] - gb[0]) > tol or abs(ga[3] - gb[3]) > tol:
        problems.append(f"origins differ (({ga[0]}, {ga[3]}) vs ({gb[0]}, {gb[3]})) / 范围不一致")
    if problems:
        raise GridMismatchError(
            f"'{name_a}' and '{name_b}' are not on the same grid: " + "; ".join(problems)
            + f". Resample '{name_b}' onto '{name_a}' (e.g. Raster ▸ Align Rasters, or GDAL Warp with the same "
              "extent, cell size and CRS) and run again. / 两个栅格未对齐，请先对齐（重采样到相同范围、像元和坐标系）。")
