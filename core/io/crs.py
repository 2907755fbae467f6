"""Coordinate reference systems: the one check that distances and areas are in linear units.

Every core that measures distances or areas (distance, habitat patches, connectivity, corridors)
calls :func:`check_projected`; pixel-based methods (MSPA) use :func:`area_unit` to label their
areas honestly (pixels when the CRS is geographic).
"""
from osgeo import osr

from ..runtime.errors import InputError

_BI = " / "


def _srs(crs_wkt):
    if not crs_wkt:
        return None
    srs = osr.SpatialReference()
    if srs.ImportFromWkt(crs_wkt) != 0:
        return None
    return srs


def is_geographic(crs_wkt):
    """True when ``crs_wkt`` is a geographic (degree) CRS; False for projected, unknown or empty."""
    srs = _srs(crs_wkt)
    return bool(srs is not None and srs.IsGeographic())


def crs_label(crs_wkt):
    """A short name of the CRS for messages (``EPSG:4326`` or its name)."""
    srs = _srs(crs_wkt)
    if srs is None:
        return "an unknown CRS"
    code = srs.GetAuthorityCode(None)
    name = srs.GetName() or "a CRS"
    return f"EPSG:{code} ({name})" if code else name


def check_projected(crs_wkt, layer_name, measures="distances and areas", metres=False):
    """Refuse a geographic (degree) CRS for ``layer_name``: cell sizes, distances and areas must be
    in linear units. ``metres``: also refuse a missing CRS and projected CRSs whose unit is not the
    metre (areas in hectares); without it a layer without CRS passes (its units are taken as given)."""
    srs = _srs(crs_wkt)
    if srs is None:
        if metres:
            raise InputError(
                f"'{layer_name}' has no (readable) coordinate reference system, so its units are not known to be "
                f"metres, but {measures} need a projected CRS in metres. Assign or reproject it first (Raster ▸ "
                "Projections ▸ Assign Projection / Warp, or Vector ▸ Data Management Tools ▸ Reproject Layer)."
                f"{_BI}“{layer_name}”没有坐标系，请先定义或投影到以米为单位的投影坐标系。")
        return
    if srs.IsGeographic():
        raise InputError(
            f"'{layer_name}' is in a geographic coordinate system ({crs_label(crs_wkt)}): its units are degrees, "
            f"not metres, but {measures} need a projected CRS in metres. Reproject it first (Raster ▸ Projections "
            "▸ Warp, or Vector ▸ Data Management Tools ▸ Reproject Layer), e.g. to a UTM zone or CGCS2000 / Gauss-Kruger, "
            f"and run again.{_BI}“{layer_name}”为地理坐标系（度），无法计算距离或面积，请先投影到以米为单位的"
            "投影坐标系（如 UTM 或 CGCS2000 高斯-克吕格）。")
    if metres and srs.IsProjected() and abs(srs.GetLinearUnits() - 1.0) > 1e-9:
        raise InputError(
            f"'{layer_name}' is in {crs_label(crs_wkt)}, whose unit is {srs.GetLinearUnitsName()}, not metres, but "
            f"{measures} here need metres. Reproject it first, e.g. to a UTM zone or CGCS2000 / Gauss-Kruger."
            f"{_BI}“{layer_name}”的坐标单位不是米，请先投影到以米为单位的投影坐标系。")


def area_unit(crs_wkt):
    """``(unit label, True when areas can be measured)``: ``'m²'`` (or ``'<unit>²'``) for projected
    CRSs, ``'map units²'`` without CRS, ``'pixels'`` (not measurable) for geographic CRSs."""
    srs = _srs(crs_wkt)
    if srs is None:
        return "map units²", True
    if srs.IsGeographic():
        return "pixels", False
    if abs(srs.GetLinearUnits() - 1.0) <= 1e-9:
        return "m²", True
    return f"{srs.GetLinearUnitsName()}²", True
