"""Graded weighted overlay and resistance surfaces (core/resistance/overlay.py, grading.py, factor_table.py, blockio.py)."""
import os

import numpy as np
import pytest
from ecosecurity.core.io import blockio
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.resistance.factor_table import parse_rows, read_factor_csv
from ecosecurity.core.resistance.overlay import NODATA, resistance_surface
from ecosecurity.core.runtime.errors import CancelledError, GridMismatchError, InputError
from ecosecurity.core.runtime.progress import Progress
from osgeo import osr
from refpaths import REPO

TEMPLATES = REPO / "templates"


def crs(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


GRID = Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0), crs(4545), 5, 5)

LANDUSE = np.array([[1, 1, 2, 4, 5], [1, 3, 4, 4, 5], [2, 3, 8, 4, 6], [1, 2, 8, 7, 6], [1, 1, 9, 9, 4]], np.uint8)
SLOPE = np.array([[2, 5, 10, 20, 30], [3, 8, 15, 16, 26], [9, 14, 0, 25, 40], [30, 12, 0, 7, 5], [40, 35, 1, 2, -1]],
                 np.float32)                                  # -1 = NoData
ROAD = np.array([[600, 450, 300, 100, 50], [650, 500, 350, 150, 0], [700, 550, 400, 200, 80],
                 [750, 600, 450, 250, 120], [800, 650, 500, 300, 90]], np.float32)
HAZARD = np.zeros((5, 5), np.uint8)
HAZARD[1:3, 2:4] = 1
LANDUSE_SCORES = "1:1; 2:2; 3:2; 4:3; 5:5; 6:4; 7:3; 8:5; 9:2"


@pytest.fixture
def rasters(tmp_path):
    write_raster(tmp_path / "landuse.tif", LANDUSE, GRID, nodata=0)
    write_raster(tmp_path / "slope.tif", SLOPE, GRID, nodata=-1)
    write_raster(tmp_path / "road.tif", ROAD, GRID)
    write_raster(tmp_path / "hazard.tif", HAZARD, GRID)
    return tmp_path


def table(folder, weights=(0.5, 0.3, 0.2), extra=()):
    records = [
        {"factor": "landuse", "raster": str(folder / "landuse.tif"), "grading": "categorical",
         "classes": LANDUSE_SCORES, "weight": weights[0]},
        {"factor": "slope", "raster": str(folder / "slope.tif"), "grading": "ascending", "classes": "8;15;25",
         "weight": weights[1]},
        {"factor": "road", "raster": str(folder / "road.tif"), "grading": "descending", "classes": "100;500",
         "weight": weights[2]},
    ]
    return parse_rows(records + list(extra))


def test_hand_computed_5x5_resistance_surface(rasters):
    # Cell (0, 1): land use 1 -> 1, slope 5 -> 1, road 450 m -> 2: S = 0.5 + 0.3 + 0.4 = 1.2.
    # S_min = 1, S_max = 0.5*5 + 0.3*4 + 0.2*3 = 4.3, so R = 1 + (S - 1) * 99 / 3.3 = 1 + 30 (S - 1) = 7.
    # Cell (1, 3): 3, 3, 2 -> S = 2.8 -> R = 55, on a geohazard cell x1.2 -> 66.
    # Water (land use 8) is overridden to NoData; the slope NoData cell (4, 4) stays NoData.
    rows = table(rasters, extra=[
        {"role": "correction", "factor": "geohazard", "raster": str(rasters / "hazard.tif"), "classes": "1:1.2"},
        {"role": "override", "factor": "water", "raster": str(rasters / "landuse.tif"), "classes": "8:nodata"}])
    result = resistance_surface(rows, rasters / "landuse.tif", rasters / "r.tif", output_range=(1.0, 100.0))
    expected = np.array([[1, 7, 31, 61, 100], [1, 22, 55.2, 66, 100], [25, 25, np.nan, 66, 85],
                         [28, 25, np.nan, 37, 52], [28, 28, 22, 22, np.nan]])
    out = read_raster(rasters / "r.tif")
    assert out.array.dtype == np.float32 and out.nodata == NODATA
    assert np.array_equal(~out.valid, np.isnan(expected))
    assert np.allclose(out.array[out.valid], expected[~np.isnan(expected)], atol=1e-4)
    assert result.valid_cells == 22 and result.nodata_cells == 3
    assert result.score_bounds == pytest.approx((1.0, 4.3))


def test_without_rescaling_the_output_is_the_weighted_score(rasters):
    resistance_surface(table(rasters), rasters / "landuse.tif", rasters / "s.tif", output_range=None)
    out = read_raster(rasters / "s.tif")
    assert out.array[0, :5].tolist() == pytest.approx([1.0, 1.2, 2.0, 3.0, 4.3])
    assert out.array[2, 2] == pytest.approx(0.5 * 5 + 0.3 * 1 + 0.2 * 2)


def test_output_range_1_to_1000_maps_the_score_bounds(rasters):
    result = resistance_surface(table(rasters), rasters / "landuse.tif", rasters / "r.tif",
                                output_range=(1.0, 1000.0))
    assert (result.minimum, result.maximum) == pytest.approx((1.0, 1000.0))


def test_zero_or_negative_resistance_is_never_written(rasters):
    with pytest.raises(InputError, match="must have 0 < minimum"):
        resistance_surface(table(rasters), rasters / "landuse.tif", rasters / "r.tif", output_range=(0.0, 100.0))
    rows = parse_rows([{"factor": "landuse", "raster": str(rasters / "landuse.tif"), "grading": "categorical",
                        "classes": LANDUSE_SCORES.replace("1:1", "1:0"), "weight": 1}])
    with pytest.raises(InputError, match="can be as low as 0"):
        resistance_surface(rows, rasters / "landuse.tif", rasters / "r.tif", output_range=None)
    assert not os.path.exists(rasters / "r.tif")


def test_weights_not_summing_to_one_are_normalised_with_a_note(rasters):
    result = resistance_surface(table(rasters, weights=(5, 3, 2)), rasters / "landuse.tif", rasters / "r.tif")
    assert any("summed to 10" in note for note in result.notes)
    assert [row["weight"] for row in result.report] == pytest.approx([0.5, 0.3, 0.2])
    assert read_raster(rasters / "r.tif").array[0, 1] == pytest.approx(7.0)


def test_weights_not_summing_to_one_are_an_error_when_strict(rasters):
    with pytest.raises(InputError, match="sum to 10"):
        resistance_surface(table(rasters, weights=(5, 3, 2)), rasters / "landuse.tif", rasters / "r.tif",
                           strict_weights=True)


def test_missing_weights_come_from_a_weights_table_by_factor_name(rasters):
    result = resistance_surface(table(rasters, weights=("", "", "")), rasters / "landuse.tif", rasters / "r.tif",
                                weights_lookup={"LandUse": 0.5, "slope": 0.3, "road": 0.2})
    assert [row["weight"] for row in result.report] == pytest.approx([0.5, 0.3, 0.2])
    with pytest.raises(InputError, match="no weight"):
        resistance_surface(table(rasters, weights=("", "", "")), rasters / "landuse.tif", rasters / "r.tif",
                           weights_lookup={"slope": 1.0})


def test_categorical_mapping_missing_a_class_is_an_error_naming_the_values(rasters):
    rows = table(rasters)
    del rows[0].grading.mapping[9.0]
    del rows[0].grading.mapping[7.0]
    with pytest.raises(InputError, match=r"value\(s\) 7, 9 with no score"):
        resistance_surface(rows, rasters / "landuse.tif", rasters / "r.tif")
    assert not any(name.startswith(".r.") or name == "r.tif" for name in os.listdir(rasters))


def test_factor_in_another_crs_is_reprojected_with_a_note(rasters):
    geographic = osr.SpatialReference()
    geographic.ImportFromEPSG(4490)      # CGCS2000 geographic, the datum of EPSG:4545
    geographic.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    projected = osr.SpatialReference(GRID.crs_wkt)
    projected.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(projected, geographic).TransformPoint(500075.0, 2999925.0)
    around = Grid((lon - 0.01, 0.001, 0.0, lat + 0.01, 0.0, -0.001), geographic.ExportToWkt(), 20, 20)
    write_raster(rasters / "geo.tif", np.ones((20, 20), np.float32), around)
    extra = [{"factor": "geo", "raster": str(rasters / "geo.tif"), "grading": "value", "weight": 0.0}]
    with pytest.raises(GridMismatchError, match="another coordinate reference system"):
        resistance_surface(table(rasters, extra=extra), rasters / "landuse.tif", rasters / "r.tif", reproject=False)
    result = resistance_surface(table(rasters, extra=extra), rasters / "landuse.tif", rasters / "r.tif")
    assert any("reprojected" in note for note in result.notes)


def test_factor_on_a_coarser_grid_is_resampled_onto_the_reference_grid(rasters):
    coarse = Grid((500000.0, 75.0, 0.0, 3000000.0, 0.0, -75.0), crs(4545), 2, 2)
    write_raster(rasters / "coarse.tif", np.array([[1, 2], [3, 4]], np.uint8), coarse)
    rows = parse_rows([{"factor": "coarse", "raster": str(rasters / "coarse.tif"), "grading": "categorical",
                        "classes": "1:1;2:2;3:3;4:4", "weight": 1}])
    result = resistance_surface(rows, rasters / "landuse.tif", rasters / "c.tif", output_range=None)
    out = read_raster(rasters / "c.tif")
    assert out.array[0].tolist() == [1, 1, 2, 2, 2]   # centres at 15, 45 | 75, 105, 135 m: nearest cell
    assert out.array[4].tolist() == [3, 3, 4, 4, 4]
    assert result.report[0]["resampling"] == "nearest" and "resampled" in result.report[0]["note"]


def test_natural_breaks_grading_scores_the_clusters(rasters):
    values = np.array([[1, 1, 2, 50, 51], [52, 1, 2, 50, 51], [100, 101, 99, 100, 2]] + [[1, 2, 50, 100, 101]] * 2,
                      np.float32)
    write_raster(rasters / "clusters.tif", values, GRID)
    rows = parse_rows([{"factor": "c", "raster": str(rasters / "clusters.tif"), "grading": "natural_breaks",
                        "classes": "3", "scores": "10;50;100", "weight": 1}])
    result = resistance_surface(rows, rasters / "landuse.tif", rasters / "n.tif", output_range=None)
    out = read_raster(rasters / "n.tif").array
    assert np.array_equal(out, np.where(values < 10, 10, np.where(values < 60, 50, 100)))
    assert result.report[0]["breaks"] == "2; 52"


def test_too_few_distinct_values_for_the_classes_is_an_error(rasters):
    rows = parse_rows([{"factor": "hazard", "raster": str(rasters / "hazard.tif"), "grading": "quantile",
                        "classes": "5", "weight": 1}])
    with pytest.raises(InputError, match="distinct"):
        resistance_surface(rows, rasters / "landuse.tif", rasters / "q.tif")


def test_value_grading_rescales_by_the_raster_range(rasters):
    rows = parse_rows([{"factor": "road", "raster": str(rasters / "road.tif"), "grading": "value", "weight": 1}])
    result = resistance_surface(rows, rasters / "landuse.tif", rasters / "v.tif", output_range=(1.0, 5.0))
    out = read_raster(rasters / "v.tif").array
    assert np.allclose(out, 1 + ROAD / 800.0 * 4)
    assert result.score_bounds == (0.0, 800.0)


def test_override_value_applies_even_where_a_factor_is_nodata(rasters):
    extra = [{"role": "override", "factor": "cropland", "raster": str(rasters / "landuse.tif"), "classes": "4:999"}]
    resistance_surface(table(rasters, extra=extra), rasters / "landuse.tif", rasters / "o.tif")
    out = read_raster(rasters / "o.tif")
    assert out.valid[4, 4] and out.array[4, 4] == 999         # slope is NoData there
    assert np.all(out.array[LANDUSE == 4] == 999)


def test_streaming_in_blocks_equals_one_block(rasters, monkeypatch):
    rng = np.random.default_rng(5)
    grid = Grid(GRID.geotransform, GRID.crs_wkt, 37, 23)
    write_raster(rasters / "a.tif", rng.integers(1, 4, (37, 23)).astype(np.uint8), grid)
    write_raster(rasters / "b.tif", rng.random((37, 23)).astype(np.float32), grid)
    rows = parse_rows([
        {"factor": "a", "raster": str(rasters / "a.tif"), "grading": "categorical", "classes": "1:1;2:3;3:5",
         "weight": 0.4},
        {"factor": "b", "raster": str(rasters / "b.tif"), "grading": "equal_interval", "classes": "4", "weight": 0.6}])
    resistance_surface(rows, rasters / "a.tif", rasters / "one.tif")
    monkeypatch.setattr(blockio, "BLOCK_CELLS", 23 * 4)
    resistance_surface(rows, rasters / "a.tif", rasters / "many.tif")
    assert len(blockio.row_blocks(grid)) == 10
    assert np.array_equal(read_raster(rasters / "one.tif").array, read_raster(rasters / "many.tif").array)


def test_cancel_leaves_no_output(rasters):
    with pytest.raises(CancelledError):
        resistance_surface(table(rasters), rasters / "landuse.tif", rasters / "r.tif",
                           progress=Progress(is_cancelled=lambda: True))
    assert sorted(os.listdir(rasters)) == ["hazard.tif", "landuse.tif", "road.tif", "slope.tif"]


def test_report_lists_factors_corrections_and_overrides(rasters):
    rows = table(rasters, extra=[
        {"role": "correction", "factor": "geohazard", "raster": str(rasters / "hazard.tif"), "classes": "1:1.2"},
        {"role": "override", "factor": "water", "raster": str(rasters / "landuse.tif"), "classes": "8:nodata"}])
    report = resistance_surface(rows, rasters / "landuse.tif", rasters / "r.tif").report
    assert [(r["role"], r["factor"]) for r in report] == [
        ("factor", "landuse"), ("factor", "slope"), ("factor", "road"), ("correction", "geohazard"),
        ("override", "water")]
    assert report[1]["classes"] == "breaks 8; 15; 25 → scores 1; 2; 3; 4"
    assert report[4]["classes"] == "8:nodata"


# --- factor table ---------------------------------------------------------------------------

def test_scores_count_must_match_the_classes():
    with pytest.raises(InputError, match="2 score"):
        parse_rows([{"factor": "s", "raster": "s.tif", "grading": "ascending", "classes": "8;15", "scores": "1;2"}])


def test_ascending_grading_with_falling_scores_is_an_error():
    with pytest.raises(InputError, match="do not rise"):
        parse_rows([{"factor": "s", "raster": "s.tif", "grading": "ascending", "classes": "8;15", "scores": "3;2;1"}])


def test_descending_grading_defaults_to_falling_scores():
    row = parse_rows([{"factor": "d", "raster": "d.tif", "grading": "descending", "classes": "100;500;1000"}])[0]
    assert row.grading.scores == (4.0, 3.0, 2.0, 1.0)


def test_unknown_grading_and_duplicate_factors_are_errors():
    with pytest.raises(InputError, match="unknown grading"):
        parse_rows([{"factor": "x", "raster": "x.tif", "grading": "jenks"}])
    with pytest.raises(InputError, match="appears twice"):
        parse_rows([{"factor": "x", "raster": "x.tif", "grading": "value"}] * 2)


def test_non_positive_correction_or_override_is_an_error():
    base = {"factor": "x", "raster": "x.tif", "grading": "value"}
    with pytest.raises(InputError, match="coefficients must be positive"):
        parse_rows([base, {"role": "correction", "factor": "c", "raster": "c.tif", "classes": "1:0"}])
    with pytest.raises(InputError, match="positive or 'nodata'"):
        parse_rows([base, {"role": "override", "factor": "o", "raster": "o.tif", "classes": "8:-5"}])


def test_csv_with_chinese_headers_and_relative_paths_is_read(tmp_path):
    (tmp_path / "dem.tif").write_bytes(b"")
    (tmp_path / "t.csv").write_text("因子,栅格,分级方式,分级参数,分值,权重\n高程,dem.tif,ascending,1200;1500,,0.4\n"
                                    "坡度,slope.tif,natural_breaks,5,5;4;3;2;1,0.6\n", encoding="utf-8-sig")
    rows = read_factor_csv(tmp_path / "t.csv")
    assert rows[0].name == "高程" and rows[0].raster == str(tmp_path / "dem.tif")
    assert rows[0].resampling == "bilinear" and rows[1].grading.scores == (5.0, 4.0, 3.0, 2.0, 1.0)


@pytest.mark.parametrize("template, functions", [("liuzhi_resistance.csv", False), ("xian_suitability.csv", True)])
def test_shipped_templates_parse(template, functions):
    rows = read_factor_csv(TEMPLATES / template, require_function=functions)
    assert sum(row.role == "factor" for row in rows) >= 7


def test_missing_factor_raster_is_an_error_naming_the_factor(rasters):
    rows = table(rasters)
    rows[1].raster = str(rasters / "nope.tif")
    with pytest.raises(InputError, match="'slope' does not exist"):
        resistance_surface(rows, rasters / "landuse.tif", rasters / "r.tif")
