"""Key-area extraction: a hand-computed small case, natural breaks as classifyraster, bad input."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.io.vector import write_vector
from ecosecurity.core.keyareas.extraction import (
    KeyAreaOptions,
    VectorInput,
    combined_score,
    extract_key_areas,
)
from ecosecurity.core.keyareas.tables import OUTSIDE, TOTAL, main_types, parse_class_names, table_html
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.tools.classify_raster import classify_raster
from osgeo import ogr, osr

CELL = 10.0
X0, Y0 = 400000.0, 3000000.0
SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32650)
WKT = SRS.ExportToWkt()
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), WKT, 10, 10)

# value 20 = the top class (4 distinct values, 4 levels: each value its own class)
A = [(1, 1), (1, 2), (2, 1), (2, 2)]
B = [(6, 7), (7, 8)]           # diagonal only: one 8-connected area
C = [(8, 1)]
D = [(4, 3), (4, 4), (4, 5)]   # straddles the units (2 cells west, 1 east)
LAND_USE = {(1, 1): 1, (1, 2): 1, (2, 1): 2, (2, 2): 3, (6, 7): 3, (7, 8): 3, (8, 1): 2,
            (4, 3): 1, (4, 4): 1, (4, 5): 1}
NAMES = "1:林地，2:草地; 3=耕地"


def cells_array(fill, cells, value, dtype=np.float32):
    array = np.full(GRID.shape, fill, dtype=dtype)
    for r, c in cells:
        array[r, c] = value
    return array


def rect(col0, row0, col1, row1):
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - row1 * CELL, Y0 - row0 * CELL
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


@pytest.fixture
def case(tmp_path):
    value = cells_array(1.0, [], 0)
    value[0, :] = 5.0
    value[9, :] = 10.0
    for r, c in A + B + C + D:
        value[r, c] = 20.0
    current = write_raster(tmp_path / "current.tif", value, GRID, -9999.0)
    land = np.full(GRID.shape, 4, dtype=np.int16)
    for (r, c), code in LAND_USE.items():
        land[r, c] = code
    land_use = write_raster(tmp_path / "landuse.tif", land, GRID, -1)
    units = write_vector(tmp_path / "units.gpkg", [(rect(0, 0, 5, 10), {"name": "甲镇"}),
                                                    (rect(5, 0, 10, 10), {"name": "乙镇"})],
                         WKT, ogr.wkbPolygon, [("name", ogr.OFTString)], layer_name="units")
    y_top, x_right = Y0 - 0.5 * CELL, X0 + 10 * CELL
    lines = write_vector(tmp_path / "lcp.gpkg",
                         [(f"LINESTRING({X0} {y_top},{x_right} {y_top})", {"link_id": 1, "core1": 1, "core2": 2}),
                          (f"LINESTRING({x_right} {Y0},{x_right} {Y0 - 10 * CELL})",
                           {"link_id": 2, "core1": 2, "core2": 3})],
                         WKT, ogr.wkbLineString, [("link_id", ogr.OFTInteger), ("core1", ogr.OFTInteger),
                                                  ("core2", ogr.OFTInteger)], layer_name="lcp")
    return current, land_use, units, lines


def by_cells(result):
    return {record["cells"]: (record, wkb) for record, wkb in result.areas}


def test_hand_computed_counts_areas_land_use_and_units(case, tmp_path):
    current, land_use, units, lines = case
    result = extract_key_areas(current, KeyAreaOptions(levels=4, keep_levels=1), land_use_path=land_use,
                               class_names=parse_class_names(NAMES),
                               corridors=VectorInput(str(lines), "lcp", "link_id"),
                               units=VectorInput(str(units), "units", "name"), levels_path=str(tmp_path / "lv.tif"))
    assert result.count == 4
    assert result.area_km2 == pytest.approx(10 * 100 / 1e6)
    areas = by_cells(result)
    assert sorted(areas) == [1, 2, 3, 4]
    a, b, c, d = areas[4][0], areas[2][0], areas[1][0], areas[3][0]
    assert a["area_m2"] == 400 and a["area_hm2"] == pytest.approx(0.04) and a["area_km2"] == pytest.approx(4e-4)
    assert all(r["level"] == 1 and r["mean_value"] == 20 and r["max_value"] == 20 for r in (a, b, c, d))
    assert a["landuse"] == "林地 50.0%, 草地 25.0%, 耕地 25.0%" and a["main_lu"] == "林地" and a["main_share"] == 50
    assert b["lu_all"] == "耕地 100.0%" and c["main_lu"] == "草地" and d["main_share"] == 100
    assert (a["unit"], b["unit"], c["unit"], d["unit"]) == ("甲镇", "乙镇", "甲镇", "甲镇")   # D: 2 of 3 cells west
    assert (a["link_id"], b["link_id"], c["link_id"], d["link_id"]) == (1, 2, 1, 1)
    assert a["link_dist"] == pytest.approx(5.0) and b["link_dist"] == pytest.approx(10.0)
    assert d["link_dist"] == pytest.approx(35.0) and c["link_dist"] == pytest.approx(75.0)
    assert a["link_cores"] == "1-2" and b["link_cores"] == "2-3"
    assert (a["x"], a["y"]) == pytest.approx((X0 + 2 * CELL, Y0 - 2 * CELL))
    polygon = ogr.CreateGeometryFromWkb(areas[2][1])    # B: two diagonal cells, one multipolygon
    assert polygon.GetArea() == pytest.approx(200.0) and polygon.IsValid()
    assert ogr.CreateGeometryFromWkb(areas[4][1]).GetArea() == pytest.approx(400.0)
    table = {row["unit"]: row for row in result.table}
    assert list(table) == ["甲镇", "乙镇", TOTAL]
    assert (table["甲镇"]["count"], table["甲镇"]["area_hm2"]) == (3, pytest.approx(0.08))
    assert table["甲镇"]["main_landuse"] == "林地 62.5%, 草地 25.0%, 耕地 12.5%"
    assert (table["乙镇"]["count"], table["乙镇"]["area_hm2"], table["乙镇"]["main_landuse"]) == (
        1, pytest.approx(0.02), "耕地 100.0%")
    assert (table[TOTAL]["count"], table[TOTAL]["area_km2"], table[TOTAL]["area_pct"]) == (
        4, pytest.approx(0.001), pytest.approx(100.0))
    assert table["甲镇"]["area_pct"] == pytest.approx(80.0)
    levels = read_raster(tmp_path / "lv.tif")
    assert levels.array[1, 1] == 1 and levels.array[9, 0] == 2 and levels.array[0, 0] == 3 and levels.array[5, 0] == 4
    assert [row[3] for row in result.level_rows] == [10, 10, 10, 70]   # 20, 10 (bottom row), 5 (top row), 1


def test_areas_outside_every_unit_get_their_own_row(case):
    current, _, _, _ = case
    west = write_vector(case[2].replace("units", "west"), [(rect(0, 0, 5, 10), {"name": "甲镇"})], WKT,
                        ogr.wkbPolygon, [("name", ogr.OFTString)], layer_name="west")
    result = extract_key_areas(current, KeyAreaOptions(), units=VectorInput(str(west), "west", "name"))
    table = {row["unit"]: row for row in result.table}
    assert table["甲镇"]["count"] == 3 and table[OUTSIDE]["count"] == 1 and table[TOTAL]["count"] == 4
    assert table["甲镇"]["main_landuse"] is None


def test_keeping_two_levels_merges_touching_cells_of_both(case, tmp_path):
    current, *_ = case
    result = extract_key_areas(current, KeyAreaOptions(levels=4, keep_levels=2))
    # level 2 = the bottom row (10): 10 cells in one strip, touching C at (8, 1)
    strip = [r for r, _ in result.areas if r["cells"] == 11]
    assert len(strip) == 1 and strip[0]["level"] == 1 and strip[0]["max_value"] == 20
    assert strip[0]["mean_value"] == pytest.approx((10 * 10 + 20) / 11)
    assert result.count == 4


@pytest.mark.parametrize("levels, sample", [(4, 10000), (5, 500), (3, 0)])
def test_natural_breaks_and_levels_are_those_of_classifyraster(tmp_path, levels, sample):
    rng = np.random.default_rng(levels)
    grid = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), WKT, 70, 60)
    data = rng.gamma(2.0, 3.0, grid.shape).astype(np.float32)
    data[rng.random(grid.shape) < 0.1] = -9999.0
    path = write_raster(tmp_path / "score.tif", data, grid, -9999.0)
    breaks, _rows = classify_raster(path, str(tmp_path / "classes.tif"), classes=levels, sample_size=sample)
    result = extract_key_areas(path, KeyAreaOptions(levels=levels, keep_levels=1, sample_size=sample),
                               levels_path=str(tmp_path / "levels.tif"))
    np.testing.assert_array_equal(result.breaks, breaks)
    classes = read_raster(tmp_path / "classes.tif")
    ours = read_raster(tmp_path / "levels.tif")
    np.testing.assert_array_equal(ours.valid, classes.valid)
    np.testing.assert_array_equal(ours.array[ours.valid], levels + 1 - classes.array[classes.valid])
    assert sum(r["cells"] for r, _ in result.areas) == np.count_nonzero(classes.array == levels)


def test_combine_rules_normalise_each_layer_to_0_1():
    value = np.array([[0.0, 2.0], [4.0, 8.0]])
    resistance = np.array([[10.0, 30.0], [50.0, 10.0]])
    valid = np.ones((2, 2), bool)
    product, _ = combined_score(value, valid, resistance, valid, 1)
    mean, _ = combined_score(value, valid, resistance, valid, 2)
    np.testing.assert_allclose(product, [[0.0, 0.25 * 0.5], [0.5 * 1.0, 0.0]])
    np.testing.assert_allclose(mean, [[0.0, (0.25 + 0.5) / 2], [(0.5 + 1.0) / 2, 0.5]])
    only, _ = combined_score(value, valid, None, None, 0)
    assert only is value


def test_product_with_resistance_moves_the_key_area(tmp_path):
    value = cells_array(1.0, [(2, 2), (7, 7)], 9.0)
    resistance = cells_array(1.0, [(7, 7)], 100.0)
    current = write_raster(tmp_path / "c.tif", value, GRID, -9999.0)
    res = write_raster(tmp_path / "r.tif", resistance, GRID, -9999.0)
    result = extract_key_areas(current, KeyAreaOptions(levels=2, combine=1), resistance_path=res)
    assert result.count == 1 and result.areas[0][0]["x"] == pytest.approx(X0 + 7.5 * CELL)
    assert result.areas[0][0]["mean_score"] == pytest.approx(1.0) and result.areas[0][0]["mean_value"] == 9.0


def test_main_types_rule():
    assert main_types([("a", 70.0), ("b", 20.0), ("c", 9.9)]) == "a 70.0%, b 20.0%"
    assert main_types([("a", 5.0)]) == "a 5.0%"
    assert main_types([("a", 40.0), ("b", 20.0), ("c", 20.0), ("d", 20.0)]).count("%") == 3


def test_table_html_is_a_page_with_every_row():
    rows = [{"unit": "甲镇", "count": 2, "area_hm2": 1.5, "area_km2": 0.015, "area_pct": 100.0, "mean_value": 3.0,
             "main_landuse": "林地 100.0%"}]
    page = table_html(rows, "Pinch points / 夹点")
    assert "<td>甲镇</td>" in page and "<td>1.50</td>" in page and page.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("text", ["1林地", "a:林地", "1:"])
def test_bad_class_names_are_refused(text):
    with pytest.raises(InputError, match="CLASS_NAMES"):
        parse_class_names(text)


def test_geographic_crs_is_refused(tmp_path):
    geo = osr.SpatialReference()
    geo.ImportFromEPSG(4326)
    grid = Grid((117.0, 0.001, 0.0, 36.1, 0.0, -0.001), geo.ExportToWkt(), 10, 10)
    path = write_raster(tmp_path / "geo.tif", np.ones(grid.shape, np.float32), grid, -9999.0)
    with pytest.raises(InputError, match="geographic"):
        extract_key_areas(path, KeyAreaOptions())


def test_misaligned_land_use_is_refused_naming_both(case, tmp_path):
    current, *_ = case
    shifted = Grid((X0 + 5, CELL, 0.0, Y0, 0.0, -CELL), WKT, 10, 10)
    land = write_raster(tmp_path / "lu.tif", np.ones(shifted.shape, np.int16), shifted, -1)
    with pytest.raises(InputError, match="not on the same grid"):
        extract_key_areas(current, KeyAreaOptions(), land_use_path=land, input_name="current",
                          land_use_name="landuse")


@pytest.mark.parametrize("options, message", [
    (KeyAreaOptions(combine=1), "RESISTANCE"),
    (KeyAreaOptions(levels=4, keep_levels=4), "KEEP_LEVELS"),
    (KeyAreaOptions(levels=1), "LEVELS"),
])
def test_bad_options_are_refused(case, options, message):
    with pytest.raises(InputError, match=message):
        extract_key_areas(case[0], options)


def test_areas_below_the_minimum_area_are_dropped_and_the_rest_renumbered(case):
    current = case[0]
    result = extract_key_areas(current, KeyAreaOptions(levels=4, keep_levels=1, min_area_ha=0.025))
    assert result.count == 2 and sorted(by_cells(result)) == [3, 4]          # A (4 cells) and D (3); 1 cell = 0.01 ha
    assert sorted(record["area_id"] for record, _ in result.areas) == [1, 2]
    assert result.area_km2 == pytest.approx(7 * 100 / 1e6)


def test_a_minimum_area_that_no_key_area_reaches_is_an_error(case):
    with pytest.raises(InputError, match="None of the 4 key area.* minimum area of 1 ha"):
        extract_key_areas(case[0], KeyAreaOptions(levels=4, keep_levels=1, min_area_ha=1))
