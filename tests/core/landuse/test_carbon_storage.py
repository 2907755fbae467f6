"""Carbon storage = (C_above + C_below + C_soil + C_dead) × cell area, per InVEST's Carbon model."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from ecosecurity.core.landuse.ecosystem_services import ServiceOutputs, ecosystem_services
from ecosecurity.core.runtime.errors import InputError
from services_case import grid, raster, table

CARBON = """
lucode,name,c_above,c_below,c_soil,c_dead
1,forest,40,10,100,5
4,cropland,5,1,60,0
5,urban,0,0,20,0
"""


def test_carbon_per_cell_is_the_sum_of_the_pools_times_the_cell_area_in_hectares(tmp_path):
    land = np.array([[1, 4, 5], [1, 1, 0]])
    land_use = raster(tmp_path / "lu.tif", land.astype(np.int16), grid(2, 3, cell=30.0), nodata=0)
    out = tmp_path / "carbon.tif"
    result = ecosystem_services(land_use, ServiceOutputs(carbon=str(out)),
                                carbon_table=table(tmp_path / "c.csv", CARBON))
    carbon = read_raster(out)
    area = 30 * 30 / 10_000  # 0.09 ha
    expected = np.array([[155, 66, 20], [155, 155, 0]]) * area
    assert np.allclose(carbon.array[carbon.valid], expected[land > 0], rtol=1e-6)
    assert not carbon.valid[1, 2]                       # NoData land use stays NoData
    assert result.total_carbon == pytest.approx((3 * 155 + 66 + 20) * area)
    forest = next(row for row in result.summary if row["lucode"] == 1)
    assert (forest["name"], forest["cells"], forest["c_density"]) == ("forest", 3, 155)
    assert forest["carbon_mg"] == pytest.approx(3 * 155 * area)
    assert forest["area_ha"] == pytest.approx(3 * area)
    total = result.summary[-1]
    assert total["carbon_mg"] == pytest.approx(result.total_carbon) and total["carbon_pct"] == 100.0
    assert total["mean_quality"] is None                # habitat quality skipped without its tables


def test_raster_sum_equals_table_total(tmp_path):
    rng = np.random.default_rng(3)
    land = rng.choice([1, 4, 5], size=(40, 30)).astype(np.uint8)
    land_use = raster(tmp_path / "lu.tif", land, nodata=255)
    out = tmp_path / "carbon.tif"
    result = ecosystem_services(land_use, ServiceOutputs(carbon=str(out)),
                                carbon_table=table(tmp_path / "c.csv", CARBON))
    carbon = read_raster(out)
    assert carbon.array[carbon.valid].astype(np.float64).sum() == pytest.approx(result.total_carbon, rel=1e-6)


def test_a_class_missing_from_the_carbon_table_is_one_error_naming_the_classes_and_nothing_is_written(tmp_path):
    land_use = raster(tmp_path / "lu.tif", np.array([[1, 2, 7]], np.int16), nodata=0)
    out = tmp_path / "carbon.tif"
    with pytest.raises(InputError, match=r"class\(es\) 2, 7 of 'lu' are missing from the carbon table"):
        ecosystem_services(land_use, ServiceOutputs(carbon=str(out)), carbon_table=table(tmp_path / "c.csv", CARBON))
    assert not out.exists()


@pytest.mark.parametrize("row, message", [
    ("1,forest,-4,10,100,5", "c_above.*must be ≥ 0"),
    ("1,forest,x,10,100,5", "'x' is not a number"),
    ("1,forest,nan,10,100,5", "not a finite number"),
])
def test_bad_pool_values_are_refused_with_the_line_and_column(tmp_path, row, message):
    land_use = raster(tmp_path / "lu.tif", np.array([[1]], np.int16), nodata=0)
    bad = table(tmp_path / "c.csv", "lucode,name,c_above,c_below,c_soil,c_dead\n" + row)
    with pytest.raises(InputError, match=message):
        ecosystem_services(land_use, ServiceOutputs(carbon=str(tmp_path / "c.tif")), carbon_table=bad)
    assert not (tmp_path / "c.tif").exists()


def test_a_missing_pool_column_is_named(tmp_path):
    land_use = raster(tmp_path / "lu.tif", np.array([[1]], np.int16), nodata=0)
    bad = table(tmp_path / "c.csv", "lucode,c_above,c_below,c_soil\n1,1,2,3")
    with pytest.raises(InputError, match="lacks the column\\(s\\) c_dead"):
        ecosystem_services(land_use, ServiceOutputs(carbon=str(tmp_path / "c.tif")), carbon_table=bad)
