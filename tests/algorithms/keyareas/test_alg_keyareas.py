"""ecosecurity:keyareas through Processing: polygons, per-unit CSV/HTML table, numbers, bad input."""
import csv

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, write_raster
from ecosecurity.core.io.vector import write_vector
from osgeo import ogr, osr

CELL = 10.0
X0, Y0 = 400000.0, 3000000.0
SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32650)
WKT = SRS.ExportToWkt()
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), WKT, 10, 10)
TOP = [(1, 1), (1, 2), (2, 1), (2, 2), (6, 7), (7, 8), (8, 1)]


def rect(col0, row0, col1, row1):
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - row1 * CELL, Y0 - row0 * CELL
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


@pytest.fixture
def data(tmp_path):
    value = np.ones(GRID.shape, np.float32)
    value[0, :], value[9, :] = 5.0, 10.0
    land = np.full(GRID.shape, 3, np.int16)
    for r, c in TOP:
        value[r, c] = 20.0
    land[1, 1] = land[1, 2] = 1
    land[2, 1] = 2
    current = write_raster(tmp_path / "current.tif", value, GRID, -9999.0)
    land_use = write_raster(tmp_path / "landuse.tif", land, GRID, -1)
    units = write_vector(tmp_path / "units.gpkg", [(rect(0, 0, 5, 10), {"name": "甲镇"}),
                                                    (rect(5, 0, 10, 10), {"name": "乙镇"})],
                         WKT, ogr.wkbPolygon, [("name", ogr.OFTString)], layer_name="units")
    return current, land_use, units


def outputs(tmp_path, **extra):
    params = {"OUTPUT": str(tmp_path / "areas.gpkg"), "OUTPUT_TABLE": str(tmp_path / "table.csv"),
              "OUTPUT_HTML": str(tmp_path / "table.html")}
    params.update(extra)
    return params


def test_areas_table_and_numbers(run_alg, data, tmp_path):
    current, land_use, units = data
    result = run_alg("keyareas", dict(outputs(tmp_path), INPUT=current, LAND_USE=land_use,
                                      CLASS_NAMES="1:林地,2:草地,3:耕地", UNITS=units, UNIT_NAME_FIELD="name",
                                      OUTPUT_LEVELS=str(tmp_path / "levels.tif")))
    assert result["COUNT"] == 3
    assert result["AREA_KM2"] == pytest.approx(7 * 100 / 1e6)
    dataset = ogr.Open(result["OUTPUT"].split("|")[0])
    layer = dataset.GetLayer(0)
    areas = sorted(((f.GetField("cells"), f.GetField("unit"), f.GetField("landuse"), f.GetGeometryRef().GetArea())
                    for f in layer), key=lambda row: row[0])
    assert areas == [(1, "甲镇", "耕地 100.0%", pytest.approx(100.0)), (2, "乙镇", "耕地 100.0%", pytest.approx(200.0)),
                     (4, "甲镇", "林地 50.0%, 草地 25.0%, 耕地 25.0%", pytest.approx(400.0))]
    with open(result["OUTPUT_TABLE"], encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["unit"], int(row["count"]), float(row["area_hm2"])) for row in rows] == [
        ("甲镇", 2, pytest.approx(0.05)), ("乙镇", 1, pytest.approx(0.02)), ("Total / 合计", 3, pytest.approx(0.07))]
    assert rows[0]["main_landuse"] == "林地 40.0%, 耕地 40.0%, 草地 20.0%"
    page = (tmp_path / "table.html").read_text(encoding="utf-8")
    assert "甲镇" in page and "Total / 合计" in page
    assert (tmp_path / "areas.qml").exists() and (tmp_path / "levels.qml").exists()


def test_resistance_product_needs_resistance_and_writes_nothing_without_it(run_alg, data, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="RESISTANCE"):
        run_alg("keyareas", dict(outputs(tmp_path), INPUT=data[0], COMBINE=1))
    assert not any((tmp_path / name).exists() for name in ("areas.gpkg", "table.csv", "table.html"))


def test_geographic_crs_is_refused_and_nothing_written(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    geo = osr.SpatialReference()
    geo.ImportFromEPSG(4326)
    grid = Grid((117.0, 0.001, 0.0, 36.1, 0.0, -0.001), geo.ExportToWkt(), 10, 10)
    path = write_raster(tmp_path / "geo.tif", np.arange(100, dtype=np.float32).reshape(10, 10), grid, -9999.0)
    with pytest.raises(QgsProcessingException, match="geographic"):
        run_alg("keyareas", dict(outputs(tmp_path), INPUT=path))
    assert not (tmp_path / "areas.gpkg").exists() and not (tmp_path / "table.csv").exists()


def test_misaligned_land_use_is_one_clear_error(run_alg, data, tmp_path):
    from qgis.core import QgsProcessingException
    other = Grid((X0, 2 * CELL, 0.0, Y0, 0.0, -2 * CELL), WKT, 5, 5)
    land = write_raster(tmp_path / "coarse.tif", np.ones(other.shape, np.int16), other, -1)
    with pytest.raises(QgsProcessingException, match="not on the same grid"):
        run_alg("keyareas", dict(outputs(tmp_path), INPUT=data[0], LAND_USE=land))
    assert not (tmp_path / "areas.gpkg").exists()
