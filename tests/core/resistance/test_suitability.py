"""Production / living / ecological suitability and space delineation (core/resistance/suitability.py)."""
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster, write_raster
from ecosecurity.core.io.rasterize import rasterize_features
from ecosecurity.core.io.vector import write_vector
from ecosecurity.core.resistance.factor_table import parse_rows
from ecosecurity.core.resistance.suitability import (
    DEFAULT_LANDUSE_SPACES,
    parse_space_mapping,
    space_code,
    suitability_evaluation,
)
from ecosecurity.core.runtime.errors import InputError
from osgeo import ogr
from suitability_case import CRS_WKT, EXPECTED, GRID, LANDUSE, E, L, P

ZONES = np.array([[0, 1, 0, 3], [0, 0, 0, 0], [0, 0, 0, 0]], np.uint8)     # production, ecological zone


@pytest.fixture
def case(tmp_path):
    for name, array in (("p", P), ("l", L), ("e", E)):
        write_raster(tmp_path / f"{name}.tif", array, GRID)
    write_raster(tmp_path / "zones.tif", ZONES, GRID, nodata=0)
    write_raster(tmp_path / "landuse.tif", LANDUSE, GRID, nodata=0)
    rows = parse_rows([{"function": f, "factor": name, "raster": str(tmp_path / f"{name}.tif"), "grading": "value",
                        "weight": 1} for f, name in (("production", "p"), ("living", "l"), ("ecological", "e"))],
                      require_function=True)
    outputs = {f: str(tmp_path / f"{f}.tif") for f in ("production", "living", "ecological")}
    return tmp_path, rows, outputs


def run(case, **options):
    folder, rows, outputs = case
    defaults = dict(zones=str(folder / "zones.tif"), levels=3, keep=1)
    defaults.update(options)
    return suitability_evaluation(rows, str(folder / "landuse.tif"), outputs, str(folder / "spaces.tif"), **defaults)


def test_spaces_follow_candidates_zones_priority_and_land_use(case):
    run(case)
    spaces = read_raster(case[0] / "spaces.tif")
    assert spaces.array.dtype == np.uint8 and spaces.nodata == 0
    assert spaces.array.tolist() == EXPECTED.tolist()


def test_area_table_counts_the_rule_that_decided_each_cell(case):
    areas = {row["space"]: row for row in run(case).areas}
    assert [areas[s]["cells"] for s in (1, 2, 3)] == [4, 3, 4]
    assert [areas[1][r] for r in ("by_suitability", "by_planning_zone", "by_level_priority", "by_land_use")] == [1, 1, 1, 1]
    assert [areas[2][r] for r in ("by_suitability", "by_planning_zone", "by_level_priority", "by_land_use")] == [1, 0, 0, 2]
    assert [areas[3][r] for r in ("by_suitability", "by_planning_zone", "by_level_priority", "by_land_use")] == [2, 0, 1, 1]
    assert areas[1]["area_km2"] == pytest.approx(4 * 900 / 1e6)
    assert sum(row["percent"] for row in areas.values()) == pytest.approx(100.0)


def test_without_planning_zones_overlaps_go_by_level_then_priority(case):
    run(case, zones=None)
    spaces = read_raster(case[0] / "spaces.tif").array
    assert spaces[0, 1] == 3 and spaces[0, 3] == 1


def test_priority_order_breaks_ties(case):
    run(case, priority=(1, 3, 2))
    assert read_raster(case[0] / "spaces.tif").array[0, 2] == 1


def test_levels_are_natural_breaks_and_the_top_ones_are_kept(case):
    result = run(case)
    production = [row for row in result.levels if row["function"] == "production"]
    assert [row["cells"] for row in production] == [6, 2, 4]
    assert [row["kept"] for row in production] == [False, False, True]
    assert result.breaks["production"][1:-1].tolist() == [10.0, 50.0]


def test_suitability_rasters_are_written_per_function(case):
    result = run(case)
    assert np.array_equal(read_raster(result.overlays["living"].path).array, L)


def test_weights_are_normalised_per_function(case):
    folder, rows, outputs = case
    extra = parse_rows([{"function": "production", "factor": "p2", "raster": str(folder / "l.tif"),
                         "grading": "value", "weight": 1}], require_function=True)
    result = run((folder, rows + extra, outputs), levels=2)
    weights = {(r["function"], r["factor"]): r["weight"] for r in result.report}
    assert weights[("production", "p")] == pytest.approx(0.5) and weights[("living", "l")] == pytest.approx(1.0)
    assert np.allclose(read_raster(outputs["production"]).array, (P + L) / 2)


def test_land_use_class_without_a_space_is_an_error_naming_it(case):
    with pytest.raises(InputError, match=r"value\(s\) 5 have no space"):
        run(case, landuse_spaces={k: v for k, v in DEFAULT_LANDUSE_SPACES.items() if k != 5})


def test_function_without_factors_is_an_error(case):
    folder, rows, outputs = case
    with pytest.raises(InputError, match="no factor for the living"):
        run((folder, [r for r in rows if r.function != "living"], outputs))


def test_bad_levels_are_an_error(case):
    with pytest.raises(InputError, match="levels"):
        run(case, levels=3, keep=3)


def test_space_mapping_accepts_codes_and_names():
    assert parse_space_mapping("4:1; 5:living; 6:生活; 1:ecological") == {4.0: 1, 5.0: 2, 6.0: 2, 1.0: 3}
    assert space_code("生态", "x") == 3
    with pytest.raises(InputError, match="not a space"):
        parse_space_mapping("4:farm")


def test_zone_polygons_are_rasterised_by_cell_centre(tmp_path):
    path = write_vector(
        tmp_path / "zones.gpkg",
        [("POLYGON ((560000 3810000, 560040 3810000, 560040 3809960, 560000 3809960, 560000 3810000))", {"space": 3})],
        CRS_WKT, ogr.wkbPolygon, [("space", ogr.OFTInteger)])
    zones = rasterize_features(path, GRID, attribute="space", all_touched=False)
    assert zones.tolist() == [[3, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    touched = rasterize_features(path, GRID, all_touched=True)
    assert touched.tolist() == [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0]]


def test_zone_raster_maps_field_names_to_spaces(tmp_path):
    from ecosecurity.core.resistance.suitability import zone_raster
    path = write_vector(
        tmp_path / "plan.gpkg",
        [(f"POLYGON (({x0} 3810000, {x0 + 60} 3810000, {x0 + 60} 3809970, {x0} 3809970, {x0} 3810000))",
          {"zone": name}) for name, x0 in (("生态", 560000), ("production", 560060))],
        CRS_WKT, ogr.wkbPolygon, [("zone", ogr.OFTString)])
    zones = read_raster(zone_raster(path, "plan", GRID, str(tmp_path), field="zone")).array
    assert zones.tolist() == [[3, 3, 1, 1], [0, 0, 0, 0], [0, 0, 0, 0]]
    everything = read_raster(zone_raster(path, "plan", GRID, str(tmp_path))).array
    assert everything[0].tolist() == [3, 3, 3, 3]


def test_a_failure_in_the_delineation_leaves_no_suitability_raster(case):
    folder, _rows, outputs = case
    with pytest.raises(InputError):
        run(case, landuse_spaces={1: 3})
    assert not any(os.path.exists(path) for path in outputs.values())
    assert not (folder / "spaces.tif").exists()


def test_all_nodata_land_use_is_an_error_not_an_empty_space_map(case):
    folder, _rows, outputs = case
    write_raster(folder / "landuse.tif", np.zeros(LANDUSE.shape, np.uint8), GRID, nodata=0)
    with pytest.raises(InputError, match="only NoData"):
        run(case)
    assert not (folder / "spaces.tif").exists()
    assert not any(os.path.exists(path) for path in outputs.values())
