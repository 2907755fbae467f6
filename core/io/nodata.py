"""The NoData rule: one rule for every raster the plugin reads.

:func:`~.raster.read_raster` (whole bands) and :class:`~.blockio.AlignedSource` (strips, warped
or not) both apply it, so every algorithm sees the same cells as NoData:

* **A band with a NoData tag**: cells equal to the tag are NoData (and NaN in float bands).
  Nothing else is guessed.
* **A band without a NoData tag** whose exact minimum is a common sentinel
  (:data:`SENTINELS`: -9999, -99999, the lowest float32 -3.4028234663852886e38, the lowest
  float64 -1.7976931348623157e308): that value is treated as NoData, and an
  :class:`~..runtime.errors.EcoSecurityWarning` names the layer, the value, the number of
  cells and how to set NoData for good (:data:`HOW_TO_SET`).
* **An untagged Byte band containing 255, or UInt16 containing 65535** (:data:`TOP_OF_RANGE`):
  nothing changes (255 may be a real class), but a warning names the value, its number of cells
  and how to set NoData if it means "no data".
* NaN is always NoData in float bands.

Cost: only untagged bands are examined; the minimum and maximum are exact, taken from the data
already in memory (:func:`~.raster.read_raster`) or from one GDAL pass
(``ComputeRasterMinMax(False)``, :func:`band_rule`), once per file (cached by path, band, size and
modification time); the cells are counted only when a sentinel is found.
"""
import os

import numpy as np
from osgeo import gdal

from ..runtime.errors import EcoSecurityWarning

#: Minimum values of an untagged band that are taken as NoData.
SENTINELS = (-9999.0, -99999.0, float(np.finfo(np.float32).min), float(np.finfo(np.float64).min))
#: Maximum values of untagged unsigned bands that are only warned about.
TOP_OF_RANGE = {gdal.GDT_Byte: 255.0, gdal.GDT_UInt16: 65535.0}
_UNSIGNED = {gdal.GDT_Byte, gdal.GDT_UInt16, gdal.GDT_UInt32}
#: How to give a raster a NoData tag for good (appended to the warnings).
HOW_TO_SET = ("To set NoData permanently run `gdal_edit.py -a_nodata {value} <file>`, or in QGIS use "
              "Raster ▸ Conversion ▸ Translate with \"Assign a specified NoData value to output bands\" = "
              "{value}.")
_CACHE = {}


def _warn(message):
    import warnings
    warnings.warn(message, EcoSecurityWarning, stacklevel=3)


def _fmt(value):
    return f"{value:g}" if abs(value) < 1e15 else repr(float(value))


def _announce(name, dtype_name, implied, implied_cells, top, top_cells):
    """Emit the warnings of the rule (see the module docstring)."""
    if implied is not None:
        how = HOW_TO_SET.format(value=_fmt(implied))
        _warn(f"'{name}' has no NoData value, but its minimum {_fmt(implied)} is a common NoData marker: its "
              f"{implied_cells} cell(s) of {_fmt(implied)} are treated as NoData. {how} / “{name}”未设置 NoData，"
              f"但其最小值 {_fmt(implied)} 是常见的 NoData 标记：这 {implied_cells} 个像元按 NoData 处理。"
              f"如需永久设置，请运行 gdal_edit.py -a_nodata {_fmt(implied)} 文件名，或在 QGIS 中用"
              f"“栅格 ▸ 转换 ▸ 转换格式”并指定 NoData 值 {_fmt(implied)}。")
    if top is not None:
        how = HOW_TO_SET.format(value=_fmt(top))
        _warn(f"'{name}' ({dtype_name}) has no NoData value and {top_cells} cell(s) of {top:g}, the largest value "
              f"of its type, often used for NoData. They are used as data (a class {top:g}). If {top:g} means "
              f"\"no data\": {how} / “{name}”未设置 NoData，含 {top_cells} 个值为 {top:g}（该数据类型最大值，常用作"
              f" NoData）的像元，现按数据处理；若其表示无数据，请运行 gdal_edit.py -a_nodata {top:g} 文件名，或用"
              f"“栅格 ▸ 转换 ▸ 转换格式”指定 NoData 值。")


def classify_extremes(gdal_type, minimum, maximum):
    """``(implied NoData or None, flagged top-of-range value or None)`` of an untagged band."""
    implied = next((sentinel for sentinel in SENTINELS if minimum == sentinel), None)
    top = TOP_OF_RANGE.get(gdal_type)
    if top is None or maximum is None or maximum != top:
        top = None
    return implied, top


def array_rule(array, gdal_type_code, name):
    """The rule on a band already read (untagged): returns the implied NoData value or None."""
    if array.size == 0:
        return None
    if np.issubdtype(array.dtype, np.floating):
        finite = array[~np.isnan(array)] if np.isnan(array).any() else array
        if finite.size == 0:
            return None
        minimum, maximum = float(finite.min()), float(finite.max())
    else:
        minimum, maximum = float(array.min()), float(array.max())
    implied, top = classify_extremes(gdal_type_code, minimum, maximum)
    if implied is None and top is None:
        return None
    implied_cells = int(np.count_nonzero(array == np.array(implied).astype(array.dtype))) if implied is not None else 0
    top_cells = int(np.count_nonzero(array == top)) if top is not None else 0
    _announce(name, gdal.GetDataTypeName(gdal_type_code), implied, implied_cells, top, top_cells)
    return implied


def _count(band, value):
    """Cells of ``band`` equal to ``value`` (read strip by strip)."""
    rows, cols = band.YSize, band.XSize
    step = max(1, (1 << 22) // max(cols, 1))
    total = 0
    for row0 in range(0, rows, step):
        strip = band.ReadAsArray(0, row0, cols, min(step, rows - row0))
        if strip is not None:
            total += int(np.count_nonzero(strip == np.array(value).astype(strip.dtype)))
    return total


def band_rule(path, band_number, band, name):
    """The rule on an open GDAL ``band`` of ``path`` (untagged bands only; otherwise None).

    Returns the implied NoData value or None and emits the rule's warnings. The exact minimum and
    maximum come from one GDAL pass, cached per file (path, band, size, modification time).
    """
    if band.GetNoDataValue() is not None:
        return None
    data_type = band.DataType
    if data_type in _UNSIGNED and data_type not in TOP_OF_RANGE:
        return None
    try:
        stat = os.stat(path)
        key = (os.path.abspath(path), band_number, stat.st_size, stat.st_mtime_ns)
    except OSError:
        key = None
    found = _CACHE.get(key) if key is not None else None
    if found is None:
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            extremes = band.ComputeRasterMinMax(False)
        except RuntimeError:
            extremes = None
        finally:
            gdal.PopErrorHandler()
        if extremes is None or any(np.isnan(v) for v in extremes):
            found = (None, 0, None, 0)
        else:
            implied, top = classify_extremes(data_type, float(extremes[0]), float(extremes[1]))
            found = (implied, _count(band, implied) if implied is not None else 0,
                     top, _count(band, top) if top is not None else 0)
        if key is not None:
            _CACHE[key] = found
    implied, implied_cells, top, top_cells = found
    _announce(name, gdal.GetDataTypeName(data_type), implied, implied_cells, top, top_cells)
    return implied
