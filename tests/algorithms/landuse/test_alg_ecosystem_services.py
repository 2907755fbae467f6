"""ecosecurity:ecosystemservices through Processing: rasters, styles, summary table, numbers, bad input."""
import csv

import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from services_case import grid, raster, table

CARBON = "lucode,name,c_above,c_below,c_soil,c_dead\n1,forest,40,10,100,5\n5,urban,0,0,20,0"
THREATS = "threat,max_dist,weight,decay\nroads,0.3,1,linear"
SENS = "lulc,name,habitat,roads\n1,forest,1,1\n5,urban,0,0"


@pytest.fixture
def data(tmp_path):
    land = raster(tmp_path / "landuse.tif", np.array([[1, 1, 1, 1, 5]], np.int16), nodata=0)
    roads = np.zeros((1, 5), np.float32)
    roads[0, 0] = 1
    return {"LAND_USE": land, "CARBON_TABLE": table(tmp_path / "carbon.csv", CARBON),
            "THREATS": table(tmp_path / "threats.csv", THREATS), "SENSITIVITY": table(tmp_path / "sens.csv", SENS),
            "THREAT_RASTERS": [raster(tmp_path / "roads.tif", roads)], "NORMALISE_KERNEL": False}


def outputs(tmp_path):
    return {"OUTPUT_CARBON": str(tmp_path / "carbon.tif"), "OUTPUT_QUALITY": str(tmp_path / "quality.tif"),
            "OUTPUT_DEGRADATION": str(tmp_path / "degradation.tif"), "OUTPUT_SUMMARY": str(tmp_path / "summary.csv")}


def assert_nothing_written(folder):
    assert not any((folder / n).exists() for n in ("carbon.tif", "quality.tif", "degradation.tif", "summary.csv"))


def q(d, k=0.5):
    return 1 - d ** 2.5 / (d ** 2.5 + k ** 2.5)


def test_rasters_summary_and_numbers(run_alg, data, tmp_path):
    result = run_alg("ecosystemservices", dict(data, **outputs(tmp_path), CLASS_NAMES="1:林地,5:城镇"))
    assert result["TOTAL_CARBON"] == pytest.approx(4 * 155 + 20)          # 1 ha cells
    expected_d = [1, 2 / 3, 1 / 3, 0, 0]
    expected_q = [q(1), q(2 / 3), q(1 / 3), 1, 0]
    assert read_raster(result["OUTPUT_DEGRADATION"]).array[0] == pytest.approx(expected_d, abs=1e-6)
    assert read_raster(result["OUTPUT_QUALITY"]).array[0] == pytest.approx(expected_q, abs=1e-6)
    assert result["MEAN_QUALITY"] == pytest.approx(sum(expected_q) / 5, abs=1e-6)
    with open(result["OUTPUT_SUMMARY"], encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["lucode"], r["name"], r["cells"]) for r in rows] == [("1", "林地", "4"), ("5", "城镇", "1"),
                                                                    ("", "Total / 合计", "5")]
    assert float(rows[0]["carbon_mg"]) == pytest.approx(620) and float(rows[2]["carbon_pct"]) == 100
    assert float(rows[0]["mean_quality"]) == pytest.approx(sum(expected_q[:4]) / 4, abs=1e-6)
    for name in ("carbon", "quality", "degradation"):
        assert (tmp_path / f"{name}.qml").exists()


def test_carbon_only_writes_no_habitat_rasters(run_alg, data, tmp_path):
    params = dict(data, **outputs(tmp_path))
    del params["THREATS"], params["SENSITIVITY"], params["THREAT_RASTERS"]
    result = run_alg("ecosystemservices", params)
    assert result["TOTAL_CARBON"] == pytest.approx(640)
    assert not (tmp_path / "quality.tif").exists() and (tmp_path / "carbon.tif").exists()


def test_misaligned_threat_raster_is_named_and_nothing_is_written(run_alg, data, tmp_path):
    from qgis.core import QgsProcessingException
    shifted = raster(tmp_path / "roads_shifted.tif", np.zeros((1, 5), np.float32), grid(1, 5, x0=500030.0))
    with pytest.raises(QgsProcessingException, match="roads_shifted.tif"):
        threats = table(tmp_path / "t2.csv", "threat,max_dist,weight,decay\nroads_shifted,0.3,1,linear")
        sensitivity = table(tmp_path / "s2.csv", "lulc,habitat,roads_shifted\n1,1,1\n5,0,0")
        run_alg("ecosystemservices", dict(data, **outputs(tmp_path), THREAT_RASTERS=[shifted], THREATS=threats,
                                          SENSITIVITY=sensitivity))
    assert_nothing_written(tmp_path)


def test_missing_carbon_class_is_one_error_and_nothing_is_written(run_alg, data, tmp_path):
    from qgis.core import QgsProcessingException
    bad = table(tmp_path / "carbon_bad.csv", "lucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1")
    with pytest.raises(QgsProcessingException, match=r"class\(es\) 5 of 'landuse' are missing from the carbon table"):
        run_alg("ecosystemservices", dict(data, **outputs(tmp_path), CARBON_TABLE=bad))
    assert_nothing_written(tmp_path)


def test_no_table_at_all_is_refused(run_alg, tmp_path, data):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="Give a carbon table"):
        run_alg("ecosystemservices", {"LAND_USE": data["LAND_USE"], "OUTPUT_SUMMARY": str(tmp_path / "s.csv")})
    assert not (tmp_path / "s.csv").exists()


def test_geographic_land_use_is_refused_and_nothing_is_written(run_alg, data, tmp_path):
    from ecosecurity.core.io.raster import epsg_wkt
    from qgis.core import QgsProcessingException
    geographic = raster(tmp_path / "geo.tif", np.ones((1, 5), np.int16),
                        grid(1, 5, cell=0.001, wkt=epsg_wkt(4326), x0=110.0, y0=35.0), nodata=0)
    with pytest.raises(QgsProcessingException, match="geographic coordinate system"):
        run_alg("ecosystemservices", dict(data, **outputs(tmp_path), LAND_USE=geographic, THREAT_RASTERS=[]))
    assert_nothing_written(tmp_path)
