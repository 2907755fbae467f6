"""Bad input to the ecosystem-service core: one clear error before any output is written."""
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import epsg_wkt
from ecosecurity.core.landuse.ecosystem_services import ServiceOutputs, ecosystem_services
from ecosecurity.core.runtime.errors import InputError
from services_case import grid, raster, table

THREATS = "threat,max_dist,weight,decay\nroads,0.3,1,linear"
SENS = "lulc,habitat,roads\n1,1,1\n2,0,0"
CARBON = "lucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1\n2,0,0,1,0"


@pytest.fixture
def case(tmp_path):
    land = raster(tmp_path / "lu.tif", np.array([[1, 2, 1], [1, 1, 2]], np.int16), nodata=0)
    roads = raster(tmp_path / "roads.tif", np.array([[0, 1, 0], [0, 0, 0]], np.float32))
    outputs = ServiceOutputs(*(str(tmp_path / f"{n}.tif") for n in ("carbon", "quality", "degradation")))
    return tmp_path, land, roads, outputs


def assert_nothing_written(outputs):
    assert not any(os.path.exists(p) for p in (outputs.carbon, outputs.quality, outputs.degradation))


def services(tmp_path, land, outputs, threats=THREATS, sens=SENS, carbon=CARBON, **kwargs):
    return ecosystem_services(land, outputs, carbon_table=carbon and table(tmp_path / "c.csv", carbon),
                              threats_table=threats and table(tmp_path / "t.csv", threats),
                              sensitivity_table=sens and table(tmp_path / "s.csv", sens), **kwargs)


def test_misaligned_threat_raster_is_named(case):
    tmp_path, land, _roads, outputs = case
    shifted = raster(tmp_path / "roads_shifted.tif", np.zeros((2, 3), np.float32), grid(2, 3, x0=500050.0))
    with pytest.raises(InputError, match=r"'lu' and 'threat 'roads' \(roads_shifted.tif\)' are not on the same grid"):
        services(tmp_path, land, outputs, threat_rasters=[("roads", shifted)])
    assert_nothing_written(outputs)


def test_missing_class_in_the_sensitivity_table_is_named(case):
    tmp_path, land, roads, outputs = case
    with pytest.raises(InputError, match=r"class\(es\) 2 of 'lu' are missing from the sensitivity table"):
        services(tmp_path, land, outputs, sens="lulc,habitat,roads\n1,1,1", threat_rasters=[roads])
    assert_nothing_written(outputs)


def test_negative_weight_is_refused(case):
    tmp_path, land, roads, outputs = case
    with pytest.raises(InputError, match=r"line 2, column 'weight': -1 is not allowed; the value must be ≥ 0"):
        services(tmp_path, land, outputs, threats="threat,max_dist,weight,decay\nroads,0.3,-1,linear",
                 threat_rasters=[roads])
    assert_nothing_written(outputs)


def test_all_zero_weights_unknown_decay_and_zero_distance_are_refused(case):
    tmp_path, land, roads, outputs = case
    for threats, message in (("roads,0.3,0,linear", "all 0"), ("roads,0.3,1,gaussian", "neither 'linear'"),
                             ("roads,0,1,linear", "must be > 0")):
        with pytest.raises(InputError, match=message):
            services(tmp_path, land, outputs, threats="threat,max_dist,weight,decay\n" + threats,
                     threat_rasters=[roads])
    assert_nothing_written(outputs)


def test_all_nodata_land_use_is_refused(case):
    tmp_path, _land, roads, outputs = case
    empty = raster(tmp_path / "empty.tif", np.zeros((2, 3), np.int16), nodata=0)
    with pytest.raises(InputError, match="'empty' has no valid cell"):
        services(tmp_path, empty, outputs, threat_rasters=[roads])
    assert_nothing_written(outputs)


def test_geographic_crs_is_refused(case):
    tmp_path, _land, roads, outputs = case
    geographic = raster(tmp_path / "geo.tif", np.ones((2, 3), np.int16),
                        grid(2, 3, cell=0.001, wkt=epsg_wkt(4326), x0=110.0, y0=35.0), nodata=0)
    with pytest.raises(InputError, match="'geo' is in a geographic coordinate system"):
        services(tmp_path, geographic, outputs, threat_rasters=[roads])
    assert_nothing_written(outputs)


def test_threat_values_outside_0_1_are_refused_naming_the_threat(case):
    tmp_path, land, _roads, outputs = case
    loud = raster(tmp_path / "roads.tif", np.array([[0, 5, 0], [0, 0, 0]], np.float32))
    with pytest.raises(InputError, match=r"threat 'roads' \(roads.tif\) has values from 0 to 5"):
        services(tmp_path, land, outputs, threat_rasters=[loud])
    assert_nothing_written(outputs)


def test_threat_without_sensitivity_column_or_raster(case):
    tmp_path, land, roads, outputs = case
    with pytest.raises(InputError, match="no column for the threat\\(s\\) roads"):
        services(tmp_path, land, outputs, sens="lulc,habitat\n1,1\n2,0", threat_rasters=[roads])
    with pytest.raises(InputError, match="Threat 'roads' has no raster"):
        services(tmp_path, land, outputs, threat_rasters=[])
    assert_nothing_written(outputs)


def test_at_least_one_service_and_both_habitat_tables_are_required(case):
    tmp_path, land, roads, outputs = case
    with pytest.raises(InputError, match="Give a carbon table"):
        services(tmp_path, land, outputs, threats=None, sens=None, carbon=None)
    with pytest.raises(InputError, match="needs a sensitivity table"):
        services(tmp_path, land, outputs, sens=None, threat_rasters=[roads])
    assert_nothing_written(outputs)


def test_non_integer_land_use_is_refused(case):
    tmp_path, _land, roads, outputs = case
    floats = raster(tmp_path / "f.tif", np.array([[1, 2.5, 1], [1, 1, 2]], np.float32))
    with pytest.raises(InputError, match="non-integer value 2.5"):
        services(tmp_path, floats, outputs, threat_rasters=[roads])
    assert_nothing_written(outputs)


def test_threat_folder_and_cur_path_are_found(case):
    tmp_path, land, roads, outputs = case
    by_folder = services(tmp_path, land, outputs, threat_folder=str(tmp_path))
    os.remove(outputs.quality), os.remove(outputs.degradation), os.remove(outputs.carbon)
    by_path = services(tmp_path, land, outputs,
                       threats="threat,max_dist,weight,decay,cur_path\nroads,0.3,1,linear,roads.tif")
    assert by_folder.mean_quality == pytest.approx(by_path.mean_quality)
