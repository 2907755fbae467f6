"""ecosecurity:landdemand through Processing: Markov table and matrix, GMOP with the template and a
red line, HiGHS = CBC, infeasible bounds and bad input → one error and no output."""
import csv
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, write_raster
from ecosecurity.core.io.vector import write_vector
from ecosecurity.core.landuse.lp_solvers import cbc_runs
from osgeo import ogr, osr

TEMPLATE = str(Path(__file__).resolve().parents[3] / "templates" / "gujiao_gmop.csv")
CELL = 30.0
X0, Y0 = 500000.0, 3800000.0
SRS = osr.SpatialReference()
SRS.ImportFromEPSG(4545)
WKT = SRS.ExportToWkt()
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), WKT, 40, 50)


@pytest.fixture
def maps(tmp_path):
    rng = np.random.default_rng(7)
    earlier = rng.integers(1, 10, GRID.shape).astype(np.uint8)
    later = earlier.copy()
    later[(earlier == 4) & (rng.random(GRID.shape) < 0.3)] = 5      # cropland → urban
    later[(earlier == 7) & (rng.random(GRID.shape) < 0.5)] = 1      # bare → forest
    return (write_raster(tmp_path / "lu2010.tif", earlier, GRID, 0),
            write_raster(tmp_path / "lu2020.tif", later, GRID, 0), later)


@pytest.fixture
def red_line(tmp_path):
    x0, x1, y0, y1 = X0, X0 + 10 * CELL, Y0 - 10 * CELL, Y0
    return write_vector(tmp_path / "redline.gpkg",
                        [(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))", {"name": "reserve"})],
                        WKT, ogr.wkbPolygon, [("name", ogr.OFTString)], layer_name="redline")


def read_csv(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_markov_table_and_matrix(run_alg, maps, tmp_path):
    earlier, later, later_array = maps
    result = run_alg("landdemand", {"METHOD": 0, "EARLIER": earlier, "LATER": later, "EARLIER_YEAR": 2010,
                                    "LATER_YEAR": 2020, "TARGET_YEAR": 2030, "CLASS_NAMES": "1:林地,5:城镇",
                                    "OUTPUT": str(tmp_path / "demand.csv"),
                                    "OUTPUT_MATRIX": str(tmp_path / "matrix.csv")})
    rows = read_csv(result["OUTPUT"])
    assert [int(row["class"]) for row in rows] == list(range(1, 10))
    assert rows[0]["name"] == "林地" and rows[1]["name"] == "class 2"
    assert sum(int(row["cells"]) for row in rows) == later_array.size == result["CELLS"]
    assert result["PERIODS"] == 1.0 and result["TOTAL_KM2"] == pytest.approx(later_array.size * CELL * CELL / 1e6)
    assert float(rows[4]["area_km2"]) > float(rows[4]["area_later_km2"])       # urban keeps growing
    matrix = read_csv(result["OUTPUT_MATRIX"])
    assert len(matrix) == 9 and set(matrix[0]) >= {"from_class", "cells_from", "to_1", "to_9"}
    for row in matrix:
        assert sum(float(row[f"to_{k}"]) for k in range(1, 10)) == pytest.approx(1.0)


def gmop(run_alg, maps, tmp_path, **extra):
    _, later, _ = maps
    params = {"METHOD": 1, "LATER": later, "COEFFICIENTS": TEMPLATE, "SCENARIO": 2, "TARGET_YEAR": 2035,
              "OUTPUT": str(tmp_path / "demand.csv")}
    params.update(extra)
    return run_alg("landdemand", params)


def test_gmop_with_template_and_red_line(run_alg, maps, red_line, tmp_path):
    result = gmop(run_alg, maps, tmp_path, RED_LINE=red_line)
    rows = read_csv(result["OUTPUT"])
    assert set(rows[0]) >= {"class", "cells", "area_km2", "area_ha", "area_later_km2", "change_km2"}
    assert sum(int(row["cells"]) for row in rows) == GRID.rows * GRID.cols
    assert 0 <= result["ECONOMIC_SATISFACTION"] <= 1 and 0 <= result["ECOLOGICAL_SATISFACTION"] <= 1
    for row in rows:   # the template's bounds hold
        assert float(row["lower_km2"]) - 1e-9 <= float(row["area_km2"]) <= float(row["upper_km2"]) + 1e-9
    assert rows[4]["name"] == "城镇 Urban"


@pytest.mark.skipif(not cbc_runs(), reason="PuLP with its bundled CBC binary is not runnable here")
def test_highs_and_cbc_agree_through_processing(run_alg, maps, tmp_path):
    highs = gmop(run_alg, maps, tmp_path, SOLVER=0, SCENARIO=1, OUTPUT=str(tmp_path / "highs.csv"))
    cbc = gmop(run_alg, maps, tmp_path, SOLVER=1, SCENARIO=1, OUTPUT=str(tmp_path / "cbc.csv"))
    assert cbc["ECOLOGICAL_BENEFIT"] == pytest.approx(highs["ECOLOGICAL_BENEFIT"], rel=1e-7)
    assert [row["cells"] for row in read_csv(cbc["OUTPUT"])] == [row["cells"] for row in read_csv(highs["OUTPUT"])]


def test_infeasible_bounds_stop_with_the_range_and_no_output(run_alg, maps, tmp_path):
    from qgis.core import QgsProcessingException
    bounds = tmp_path / "bounds.csv"
    bounds.write_text("class,min_pct\n1,300\n2,300\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="the lower bounds add up to .* more than the total area .* "
                                                     "Achievable: total area between"):
        gmop(run_alg, maps, tmp_path, BOUNDS=str(bounds))
    assert not (tmp_path / "demand.csv").exists()


def test_maps_not_aligned_name_the_layer_and_write_nothing(run_alg, maps, tmp_path):
    from qgis.core import QgsProcessingException
    _, later, array = maps
    other = Grid((X0, 2 * CELL, 0.0, Y0, 0.0, -2 * CELL), WKT, 20, 25)
    coarse = write_raster(tmp_path / "coarse2010.tif", array[::2, ::2].copy(), other, 0)
    with pytest.raises(QgsProcessingException, match="'lu2020' and 'coarse2010' are not on the same grid"):
        run_alg("landdemand", {"METHOD": 0, "EARLIER": coarse, "LATER": later, "OUTPUT": str(tmp_path / "demand.csv"),
                               "OUTPUT_MATRIX": str(tmp_path / "matrix.csv")})
    assert not (tmp_path / "demand.csv").exists() and not (tmp_path / "matrix.csv").exists()


def test_target_year_before_later_year_is_refused(run_alg, maps, tmp_path):
    from qgis.core import QgsProcessingException
    earlier, later, _ = maps
    with pytest.raises(QgsProcessingException, match="TARGET_YEAR \\(2015\\) must be after LATER_YEAR \\(2020\\)"):
        run_alg("landdemand", {"METHOD": 0, "EARLIER": earlier, "LATER": later, "EARLIER_YEAR": 2010,
                               "LATER_YEAR": 2020, "TARGET_YEAR": 2015, "OUTPUT": str(tmp_path / "demand.csv")})
    assert not (tmp_path / "demand.csv").exists()


def test_table_codes_missing_from_the_map_are_refused(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    land = np.ones(GRID.shape, np.uint8)
    land[:, 25:] = 4
    later = write_raster(tmp_path / "two.tif", land, GRID, 0)
    with pytest.raises(QgsProcessingException, match="lists class code\\(s\\) 2, 3, 5, 6, 7, 8, 9 that do not occur "
                                                     "in 'two'"):
        run_alg("landdemand", {"METHOD": 1, "LATER": later, "COEFFICIENTS": TEMPLATE,
                               "OUTPUT": str(tmp_path / "demand.csv")})
    assert not (tmp_path / "demand.csv").exists()
