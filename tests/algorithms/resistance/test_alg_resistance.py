"""ecosecurity:resistancesurface through Processing: the hand-computed 5x5 case, tables, errors."""
import os
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from osgeo import osr
from refpaths import REPO

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(4545)
GRID = Grid((560000.0, 30.0, 0.0, 3810000.0, 0.0, -30.0), SRS.ExportToWkt(), 5, 5)
LANDUSE = np.array([[1, 1, 2, 4, 5], [1, 3, 4, 4, 5], [2, 3, 8, 4, 6], [1, 2, 8, 7, 6], [1, 1, 9, 9, 4]], np.uint8)
SLOPE = np.array([[2, 5, 10, 20, 30], [3, 8, 15, 16, 26], [9, 14, 0, 25, 40], [30, 12, 0, 7, 5], [40, 35, 1, 2, -1]],
                 np.float32)
ROAD = np.array([[600, 450, 300, 100, 50], [650, 500, 350, 150, 0], [700, 550, 400, 200, 80],
                 [750, 600, 450, 250, 120], [800, 650, 500, 300, 90]], np.float32)
HAZARD = np.zeros((5, 5), np.uint8)
HAZARD[1:3, 2:4] = 1
# Hand computation in tests/core/test_overlay.py: R = 1 + 30 (S - 1), x1.2 on hazard, water NoData.
EXPECTED = np.array([[1, 7, 31, 61, 100], [1, 22, 55.2, 66, 100], [25, 25, np.nan, 66, 85],
                     [28, 25, np.nan, 37, 52], [28, 28, 22, 22, np.nan]])
HEADERS = ("role", "factor", "raster", "band", "grading", "classes", "scores", "weight", "resampling")


@pytest.fixture
def rasters(tmp_path):
    write_raster(tmp_path / "landuse.tif", LANDUSE, GRID, nodata=0)
    write_raster(tmp_path / "slope.tif", SLOPE, GRID, nodata=-1)
    write_raster(tmp_path / "road.tif", ROAD, GRID)
    write_raster(tmp_path / "hazard.tif", HAZARD, GRID)
    return tmp_path


def matrix(folder, weights=("0.5", "0.3", "0.2")):
    rows = [
        ("factor", "land use", str(folder / "landuse.tif"), "1", "categorical",
         "1:1; 2:2; 3:2; 4:3; 5:5; 6:4; 7:3; 8:5; 9:2", "", weights[0], ""),
        ("factor", "slope", str(folder / "slope.tif"), "1", "ascending", "8;15;25", "", weights[1], ""),
        ("factor", "road", str(folder / "road.tif"), "1", "descending", "100;500", "", weights[2], ""),
        ("correction", "geohazard", str(folder / "hazard.tif"), "1", "", "1:1.2", "", "", ""),
        ("override", "water", str(folder / "landuse.tif"), "1", "", "8:nodata", "", "", ""),
    ]
    return [cell for row in rows for cell in row]


def test_hand_computed_5x5_resistance_from_the_dialog_table(run_alg, rasters):
    result = run_alg("resistancesurface", {"REFERENCE": str(rasters / "landuse.tif"), "FACTORS": matrix(rasters),
                                           "OUTPUT": str(rasters / "r.tif"), "REPORT": str(rasters / "report.csv")})
    out = read_raster(result["OUTPUT"])
    assert np.array_equal(~out.valid, np.isnan(EXPECTED))
    assert np.allclose(out.array[out.valid], EXPECTED[~np.isnan(EXPECTED)], atol=1e-4)
    assert (result["MINIMUM"], result["MAXIMUM"]) == pytest.approx((1.0, 100.0))
    assert os.path.exists(rasters / "r.qml")
    from qgis.core import QgsVectorLayer
    report = QgsVectorLayer(result["REPORT"], "report", "ogr")
    assert [f["factor"] for f in report.getFeatures()] == ["land use", "slope", "road", "geohazard", "water"]


def test_csv_factor_table_with_weights_from_an_ahp_table(run_alg, rasters):
    csv_rows = ["role,factor,raster,band,grading,classes,scores,weight,resampling"]
    cells = matrix(rasters, weights=("", "", ""))
    for i in range(0, len(cells), len(HEADERS)):
        csv_rows.append(",".join(f'"{cell}"' for cell in cells[i:i + len(HEADERS)]))
    (rasters / "factors.csv").write_text("\n".join(csv_rows) + "\n", encoding="utf-8")
    (rasters / "ahp.csv").write_text("criterion,weight\nland use,0.5\nslope,0.3\nroad,0.2\n", encoding="utf-8")
    result = run_alg("resistancesurface", {"REFERENCE": str(rasters / "landuse.tif"),
                                           "FACTOR_TABLE": str(rasters / "factors.csv"),
                                           "WEIGHTS_TABLE": str(rasters / "ahp.csv"), "OUTPUT_RANGE": 0,
                                           "OUTPUT": str(rasters / "r.tif")})
    assert read_raster(result["OUTPUT"]).array[0, 1] == pytest.approx(1.2)


def test_weights_not_summing_to_one_are_normalised_or_refused(run_alg, rasters):
    from qgis.core import QgsProcessingException
    parameters = {"REFERENCE": str(rasters / "landuse.tif"), "FACTORS": matrix(rasters, ("5", "3", "2")),
                  "OUTPUT": str(rasters / "r.tif")}
    assert read_raster(run_alg("resistancesurface", parameters)["OUTPUT"]).array[0, 1] == pytest.approx(7.0)
    with pytest.raises(QgsProcessingException, match="sum to 10"):
        run_alg("resistancesurface", {**parameters, "STRICT_WEIGHTS": True, "OUTPUT": str(rasters / "s.tif")})
    assert not (rasters / "s.tif").exists()


def test_missing_categorical_class_is_an_error_naming_it(run_alg, rasters):
    from qgis.core import QgsProcessingException
    cells = matrix(rasters)
    cells[5] = "1:1; 2:2; 3:2; 4:3; 5:5; 6:4; 7:3; 8:5"
    with pytest.raises(QgsProcessingException, match=r"value\(s\) 9 with no score"):
        run_alg("resistancesurface", {"REFERENCE": str(rasters / "landuse.tif"), "FACTORS": cells,
                                      "OUTPUT": str(rasters / "r.tif")})
    assert not (rasters / "r.tif").exists()


def test_custom_range_must_be_positive(run_alg, rasters):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="0 < minimum"):
        run_alg("resistancesurface", {"REFERENCE": str(rasters / "landuse.tif"), "FACTORS": matrix(rasters),
                                      "OUTPUT_RANGE": 5, "RANGE_MIN": 0, "RANGE_MAX": 10,
                                      "OUTPUT": str(rasters / "r.tif")})


def test_no_factor_table_is_a_clear_error(run_alg, rasters):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="Give the factors"):
        run_alg("resistancesurface", {"REFERENCE": str(rasters / "landuse.tif"), "OUTPUT": str(rasters / "r.tif")})


def test_liuzhi_template_runs_on_its_factor_list(run_alg, rasters):
    """The shipped template, pointed at small synthetic rasters of each of its factors."""
    from ecosecurity.core.resistance.factor_table import read_factor_csv
    template = os.path.join(REPO, "templates", "liuzhi_resistance.csv")
    rng = np.random.default_rng(4)
    values = {"landuse.tif": LANDUSE, "dem.tif": rng.uniform(900, 2100, (5, 5)).astype(np.float32),
              "slope.tif": rng.uniform(0, 45, (5, 5)).astype(np.float32),
              "fvc.tif": rng.uniform(0, 1, (5, 5)).astype(np.float32),
              "rocky_desertification.tif": rng.integers(0, 6, (5, 5)).astype(np.uint8),
              "soil_erosion.tif": rng.integers(1, 7, (5, 5)).astype(np.uint8),
              "geohazard.tif": rng.integers(1, 4, (5, 5)).astype(np.uint8)}
    for name in ("dist_roads.tif", "dist_rivers.tif", "dist_mining.tif"):
        values[name] = rng.uniform(0, 4000, (5, 5)).astype(np.float32)
    for name, array in values.items():
        write_raster(rasters / name, array, GRID)
    copy = rasters / "liuzhi.csv"
    copy.write_text(Path(template).read_text(encoding="utf-8"), encoding="utf-8")
    assert len(read_factor_csv(copy)) == 10
    result = run_alg("resistancesurface", {"REFERENCE": str(rasters / "landuse.tif"), "FACTOR_TABLE": str(copy),
                                           "OUTPUT": str(rasters / "liuzhi.tif")})
    out = read_raster(result["OUTPUT"])
    assert out.valid.all() and out.array.min() >= 1.0


def test_resistance_gets_a_green_to_red_style_over_its_range(run_alg, rasters):
    from qgis.core import QgsRasterLayer
    result = run_alg("resistancesurface", {"REFERENCE": str(rasters / "landuse.tif"), "FACTORS": matrix(rasters),
                                           "OUTPUT_RANGE": 4, "OUTPUT": str(rasters / "r.tif")})
    layer = QgsRasterLayer(result["OUTPUT"], "r")
    layer.loadDefaultStyle()
    assert layer.renderer().type() == "singlebandpseudocolor"
    items = layer.renderer().shader().rasterShaderFunction().colorRampItemList()
    assert (items[0].value, items[-1].value) == pytest.approx((1.0, 1000.0))   # the 1-1000 range
