"""Block-wise raster access on a reference grid, for cores that stream rasters larger than memory.

* :class:`AlignedSource` reads a band on the reference grid: directly when it is aligned, else
  through an in-memory warped VRT (GDAL Warp: reprojection and/or resampling with a stated
  method, cells outside the source are NoData). The notes it collects say what was done. An
  untagged band follows the NoData rule of :mod:`.nodata` (before any resampling).
* :func:`row_blocks` cuts a grid into strips of whole rows (multiples of 256 rows, the tile
  height of our GeoTIFFs) of about :data:`BLOCK_CELLS` cells.
* :class:`BlockWriter` streams strips into a tiled, compressed GeoTIFF (or an ESRI ASCII grid
  for ``.asc``) that appears at its path only once complete.

Memory: one strip per open source plus GDAL's block cache (``gdal.GetCacheMax()``).
"""
import math
import os

import numpy as np
from osgeo import gdal

from ..runtime.errors import GridMismatchError, InputError
from .nodata import band_rule
from .raster import GTIFF_OPTIONS, Grid, gdal_type, remove_quietly, replace_atomically, same_crs, temporary_sibling

#: Target number of cells per strip (4 Mi cells: ~16-32 MB per float array).
BLOCK_CELLS = 1 << 22
#: Resampling methods offered to users (enum order is a public contract) and their GDAL names.
RESAMPLING = ("nearest", "bilinear", "cubic", "average", "mode", "min", "max", "median")
_GDAL_RESAMPLING = {"nearest": "near", "bilinear": "bilinear", "cubic": "cubic", "average": "average",
                    "mode": "mode", "min": "min", "max": "max", "median": "med"}
_TILE = 256


def row_blocks(grid, block_cells=None):
    """``[(row0, nrows), ...]`` strips covering ``grid``; heights are multiples of 256 rows when possible."""
    rows = max(1, (block_cells or BLOCK_CELLS) // max(grid.cols, 1))
    if rows >= _TILE:
        rows -= rows % _TILE
    return [(row0, min(rows, grid.rows - row0)) for row0 in range(0, grid.rows, rows)]


def valid_mask(array, nodata):
    """False where ``array`` equals the band's NoData value or is NaN."""
    valid = np.ones(array.shape, dtype=bool)
    if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        if not np.issubdtype(array.dtype, np.integer) or float(nodata).is_integer():
            valid &= array != np.array(nodata).astype(array.dtype)
    if np.issubdtype(array.dtype, np.floating):
        valid &= ~np.isnan(array)
    return valid


def _geometry_matches(a, b):
    ga, gb = a.geotransform, b.geotransform
    tol = 1e-6 * max(abs(ga[1]), abs(ga[5]))
    return (a.rows, a.cols) == (b.rows, b.cols) and all(abs(x - y) <= tol for x, y in zip(ga, gb))


class AlignedSource:
    """One band of a raster read strip by strip on the reference ``grid``.

    ``reproject``: when the raster's CRS differs from the grid's, reproject it (with a note) or,
    if False, raise :class:`GridMismatchError`. Rasters in the same CRS but another extent or cell
    size are always resampled with ``resampling`` (one of :data:`RESAMPLING`) and noted.
    """

    def __init__(self, path, grid, band=1, resampling="nearest", name=None, reproject=True):
        self.path = str(path)
        self.name = name or os.path.splitext(os.path.basename(self.path))[0]
        self.grid = grid
        self.notes = []
        if resampling not in _GDAL_RESAMPLING:
            raise InputError(f"Unknown resampling method '{resampling}' for '{self.name}'; use one of "
                             f"{', '.join(RESAMPLING)}. / 未知的重采样方法。")
        dataset = gdal.Open(self.path, gdal.GA_ReadOnly)
        if dataset is None and not os.path.exists(self.path):
            raise InputError(f"The raster '{self.path}' of factor '{self.name}' does not exist (neither a file nor a "
                             f"layer name). Check the path. / 因子“{self.name}”的栅格文件不存在。")
        if dataset is None:
            raise InputError(f"GDAL cannot open '{self.path}' (factor '{self.name}') as a raster: "
                             f"{gdal.GetLastErrorMsg() or 'unknown format'}. / 无法打开栅格。")
        if not 1 <= band <= dataset.RasterCount:
            raise InputError(f"'{self.name}' has {dataset.RasterCount} band(s); band {band} does not exist. "
                             "/ 波段不存在。")
        own = Grid(tuple(dataset.GetGeoTransform()), dataset.GetProjection() or "",
                   dataset.RasterYSize, dataset.RasterXSize)
        self.source_grid = own
        crs_differs = not same_crs(own.crs_wkt, grid.crs_wkt)
        if not own.crs_wkt and grid.crs_wkt:
            if not _geometry_matches(own, grid):
                raise GridMismatchError(
                    f"'{self.name}' has no coordinate reference system and is not on the reference grid; "
                    "assign its CRS (Raster ▸ Projections ▸ Assign Projection) and run again. / 栅格缺少坐标系。")
            self.notes.append(f"'{self.name}' has no CRS; it is taken to be on the reference grid. "
                              f"/ “{self.name}”无坐标系，按参考栅格处理。")
            crs_differs = False
        if crs_differs and not reproject:
            raise GridMismatchError(
                f"'{self.name}' is in another coordinate reference system than the reference grid. "
                "Reproject it first (Raster ▸ Projections ▸ Warp) or allow automatic reprojection. "
                f"/ “{self.name}”的坐标系与参考栅格不同，请先投影转换或允许自动重投影。")
        self.warped = crs_differs or not _geometry_matches(own, grid)
        self._source = dataset  # a warped VRT refers to it: keep it open
        implied = band_rule(self.path, band, dataset.GetRasterBand(band), self.name)
        if implied is not None:     # the NoData rule (nodata.py): tag the implied value on a VRT of the band
            tagged = gdal.Translate("", dataset, format="VRT", bandList=[band], noData=implied)
            if tagged is None:
                raise InputError(f"Cannot read '{self.name}' with NoData {implied!r}: {gdal.GetLastErrorMsg()}. "
                                 "/ 无法读取栅格。")
            dataset, band = tagged, 1
            self._tagged = tagged
        if not self.warped:
            self.dataset = dataset
            self.nodata = dataset.GetRasterBand(band).GetNoDataValue()
        else:
            self.dataset = self._warp(dataset, resampling)
            self.nodata = float("nan")
            what = "reprojected and resampled" if crs_differs else "resampled"
            self.notes.append(f"'{self.name}' was {what} onto the reference grid ({grid.cols}×{grid.rows} cells of "
                              f"{grid.cell_width:g}) with the '{resampling}' method. / “{self.name}”已用 "
                              f"{resampling} 方法{'重投影并' if crs_differs else ''}重采样到参考栅格。")
        self.band = self.dataset.GetRasterBand(band)

    def _warp(self, dataset, resampling):
        xmin, ymin, xmax, ymax = self.grid.extent
        options = gdal.WarpOptions(
            format="VRT", outputBounds=(xmin, ymin, xmax, ymax), width=self.grid.cols, height=self.grid.rows,
            dstSRS=self.grid.crs_wkt or None, resampleAlg=_GDAL_RESAMPLING[resampling],
            outputType=gdal.GDT_Float64, dstNodata="nan", multithread=False)
        warped = gdal.Warp("", dataset, options=options)
        if warped is None:
            raise InputError(f"Cannot bring '{self.name}' onto the reference grid: {gdal.GetLastErrorMsg()}. "
                             "/ 无法将栅格重采样到参考栅格。")
        return warped

    def read(self, row0, nrows):
        """``(array, valid)`` of rows ``row0 … row0 + nrows − 1`` on the reference grid."""
        array = self.band.ReadAsArray(0, row0, self.grid.cols, nrows)
        if array is None:
            raise InputError(f"Reading '{self.path}' failed at row {row0}: {gdal.GetLastErrorMsg()}. "
                             "/ 读取栅格失败。")
        return array, valid_mask(array, self.nodata)

    def value_range(self, sample):
        """``(min, max)`` of the valid values: exact (a GDAL pass) when aligned, else of ``sample``."""
        if not self.warped:
            extremes = self.band.ComputeRasterMinMax(False)
            if extremes is not None:
                return float(extremes[0]), float(extremes[1])
        return float(np.min(sample)), float(np.max(sample))

    def has_data(self):
        """True when at least one cell is valid on the grid: one GDAL pass when aligned, else the
        strips up to the first valid cell."""
        if not self.warped:
            gdal.PushErrorHandler("CPLQuietErrorHandler")
            try:
                extremes = self.band.ComputeRasterMinMax(False)
            except RuntimeError:
                extremes = None
            finally:
                gdal.PopErrorHandler()
            return extremes is not None and not any(math.isnan(v) for v in extremes)
        return any(self.read(row0, nrows)[1].any() for row0, nrows in row_blocks(self.grid))

    def sample(self, max_values=1_000_000):
        """Valid values of every k-th row (all rows when they fit in ``max_values``), float64."""
        step = max(1, math.ceil(self.grid.rows * self.grid.cols / max_values))
        picked = []
        for row in range(0, self.grid.rows, step):
            array, valid = self.read(row, 1)
            picked.append(array[valid].astype(np.float64))
        return np.concatenate(picked) if picked else np.empty(0)


class BlockWriter:
    """Context manager streaming strips into a single-band raster written atomically.

    ``with BlockWriter(path, grid, np.float32, nodata=-9999) as out: out.write(row0, strip)``;
    if the block raises, no file is left at ``path``.
    """

    def __init__(self, path, grid, dtype, nodata=None):
        self.path = str(path)
        self.grid = grid
        self.dtype = np.dtype(dtype)
        self.nodata = nodata
        self._tmp = None
        self._dataset = None
        self._band = None

    def __enter__(self):
        self._tmp = temporary_sibling(os.path.splitext(self.path)[0] + ".tif")
        dataset = gdal.GetDriverByName("GTiff").Create(self._tmp, self.grid.cols, self.grid.rows, 1,
                                                       gdal_type(self.dtype), GTIFF_OPTIONS)
        if dataset is None:
            raise InputError(f"Cannot create '{self.path}': {gdal.GetLastErrorMsg()} (check the folder and free "
                             "disk space). / 无法创建输出文件。")
        dataset.SetGeoTransform(self.grid.geotransform)
        if self.grid.crs_wkt:
            dataset.SetProjection(self.grid.crs_wkt)
        self._band = dataset.GetRasterBand(1)
        if self.nodata is not None:
            self._band.SetNoDataValue(float(self.nodata))
        self._dataset = dataset
        return self

    def write(self, row0, strip):
        """Write ``strip`` (rows × grid.cols) at row ``row0``."""
        if self._band.WriteArray(np.asarray(strip, dtype=self.dtype), 0, row0) != 0:
            raise InputError(f"Writing '{self.path}' failed: {gdal.GetLastErrorMsg()} (check free disk space). "
                             "/ 写入失败，请检查磁盘空间。")

    def __exit__(self, exc_type, exc, tb):
        try:
            if self._dataset is not None:
                self._band.FlushCache()
                self._dataset.FlushCache()
            self._band = None
            self._dataset = None
            if exc_type is None:
                self._finish()
        finally:
            if exc_type is not None or os.path.exists(self._tmp):
                remove_quietly(self._tmp)
        return False

    def _finish(self):
        if self.path.lower().endswith(".asc"):
            ascii_tmp = temporary_sibling(self.path)
            copy = gdal.Translate(ascii_tmp, self._tmp, format="AAIGrid")
            if copy is None:
                remove_quietly(ascii_tmp)
                raise InputError(f"Cannot write the ASCII grid '{self.path}': {gdal.GetLastErrorMsg()}.")
            copy = None
            replace_atomically(ascii_tmp, self.path)
        else:
            replace_atomically(self._tmp, self.path)
