"""FLUS-style simulation on a landscape changed by a known process (core/landuse/synthetic.py:
urban growth near roads and existing urban land, cropland loss, forest restoration)."""
import time

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.landuse import suitability_model
from ecosecurity.core.landuse.land_simulation import SimulationOptions, simulate_land_use
from ecosecurity.core.landuse.synthetic import write_change_landscape
from ecosecurity.core.runtime.errors import CancelledError, EcoSecurityWarning, GridMismatchError, InputError
from ecosecurity.core.runtime.progress import Progress

SIZE = 120


@pytest.fixture(scope="module")
def landscape(tmp_path_factory):
    folder = tmp_path_factory.mktemp("landsim")
    paths = write_change_landscape(str(folder), SIZE, seed=3)
    later = read_raster(paths["later"]).array
    paths["demand"] = np.bincount(later.ravel(), minlength=6)[1:]
    paths["folder"] = folder
    return paths


def options(landscape, **extra):
    values = dict(demand=",".join(map(str, landscape["demand"])), seed=5, sample_size=3000)
    values.update(extra)
    return SimulationOptions(**values)


def run(landscape, name, **extra):
    output = str(landscape["folder"] / f"{name}.tif")
    result = simulate_land_use(landscape["start"], landscape["drivers"], options(landscape, **extra),
                               restricted=landscape["restricted"], observed=landscape["later"], output=output,
                               iterations_output=str(landscape["folder"] / f"{name}.csv"))
    return result, read_raster(output).array


@pytest.fixture(scope="module")
def simulated(landscape):
    return run(landscape, "first")


def test_every_class_demand_is_met_within_a_tenth_of_a_percent(landscape, simulated):
    result, simulated_map = simulated
    cells = np.bincount(simulated_map.ravel(), minlength=6)[1:]
    assert result.met
    assert np.all(np.abs(cells - landscape["demand"]) <= 0.001 * landscape["demand"])


def test_restricted_cells_never_change(landscape, simulated):
    start = read_raster(landscape["start"]).array
    frozen = read_raster(landscape["restricted"]).array != 0
    assert frozen.sum() > 1000 and result_changed(simulated) > 0
    assert np.array_equal(simulated[1][frozen], start[frozen])


def result_changed(simulated):
    return simulated[0].changed_cells


def test_the_same_seed_gives_the_identical_map(landscape, simulated):
    _result, again = run(landscape, "again")
    assert np.array_equal(again, simulated[1])
    _result, other = run(landscape, "other", seed=6)
    assert not np.array_equal(other, simulated[1])


def test_kappa_and_figure_of_merit_beat_a_random_allocation_of_the_same_demand(simulated):
    result = simulated[0]
    assert result.validation.kappa > result.random_validation.kappa
    assert result.validation.fom > 2 * result.random_validation.fom
    assert result.validation.oa > result.random_validation.oa


def test_the_iteration_table_ends_with_no_gap(landscape, simulated):
    lines = (landscape["folder"] / "first.csv").read_text().splitlines()
    header, last = lines[0].split(","), lines[-1].split(",")
    assert header[:3] == ["iteration", "changed", "to_allocate"] and "inertia_5" in header
    assert int(last[0]) == simulated[0].iteration_count and int(last[2]) == 0


def test_forbidden_conversions_never_happen(landscape):
    start = read_raster(landscape["start"]).array
    counts = np.bincount(start.ravel(), minlength=6)[1:]
    demand = ",".join(map(str, counts + np.array([150, -200, -150, 200, 0])))
    _free, free_map = run(landscape, "free", demand=demand)
    assert np.any((start == 3) & (free_map == 4))            # cropland next to urban land does turn urban …
    matrix = "1,1,1,1,1;" * 2 + "1,1,1,0,1;" + "1,1,1,1,1;" * 2       # cropland (3) may not become urban (4)
    result, simulated_map = run(landscape, "matrix", demand=demand, conversion=matrix)
    assert result.met
    assert not np.any((start == 3) & (simulated_map == 4))   # … unless forbidden


def test_gross_change_lets_classes_drift_and_the_inertia_correct_them(landscape):
    result, simulated_map = run(landscape, "gross", churn=True)
    assert result.met
    inertia = np.array([row["inertia"] for row in result.iterations])
    assert np.any(inertia != 1.0)


def test_without_scikit_learn_a_logistic_regression_is_used_with_a_warning(landscape, monkeypatch):
    monkeypatch.setattr(suitability_model, "available", lambda name: False)
    with pytest.warns(EcoSecurityWarning, match="scikit-learn is not installed"):
        result, _map = run(landscape, "logistic")
    assert result.met and result.validation.kappa > result.random_validation.kappa


def test_cancel_stops_within_seconds_and_writes_nothing(landscape):
    asked = {}

    def report(percent, message):
        if percent > 31 and "at" not in asked:
            asked["at"] = time.time()
    output = landscape["folder"] / "cancelled.tif"
    with pytest.raises(CancelledError):
        simulate_land_use(landscape["start"], landscape["drivers"], options(landscape), output=str(output),
                          progress=Progress(report, lambda: "at" in asked))
    assert time.time() - asked["at"] < 3.0
    assert not output.exists()


def bad(landscape, name, **changes):
    arguments = dict(land_use=landscape["start"], drivers=landscape["drivers"], options=options(landscape),
                     output=str(landscape["folder"] / f"{name}.tif"))
    arguments.update(changes)
    return arguments


def test_a_driver_off_the_grid_is_refused_naming_the_layer(landscape):
    raster = read_raster(landscape["drivers"][0])
    shifted = Grid((raster.grid.geotransform[0] + 30.0,) + raster.grid.geotransform[1:], raster.grid.crs_wkt,
                   raster.grid.rows, raster.grid.cols)
    path = write_raster(str(landscape["folder"] / "elevation_shifted.tif"), raster.array, shifted, -9999.0)
    arguments = bad(landscape, "shifted", drivers=landscape["drivers"][1:] + [path])
    with pytest.raises(GridMismatchError, match="'elevation_shifted'.*origins differ"):
        simulate_land_use(**arguments)
    assert not (landscape["folder"] / "shifted.tif").exists()


def test_non_consecutive_class_codes_are_refused(landscape):
    raster = read_raster(landscape["start"])
    codes = np.where(raster.array == 5, 7, raster.array).astype(np.uint8)
    path = write_raster(str(landscape["folder"] / "gappy.tif"), codes, raster.grid, 0)
    with pytest.raises(InputError, match="not consecutive.*missing 5, 6"):
        simulate_land_use(**bad(landscape, "gappy_out", land_use=path))
    assert not (landscape["folder"] / "gappy_out.tif").exists()


def test_a_conversion_matrix_of_the_wrong_size_is_refused(landscape):
    with pytest.raises(InputError, match="4 row.*5 classes"):
        simulate_land_use(**bad(landscape, "matrix4", options=options(landscape, conversion="1,1,1,1;" * 4)))
    assert not (landscape["folder"] / "matrix4.tif").exists()


def test_a_demand_beyond_the_convertible_area_is_refused(landscape):
    demand = landscape["demand"].copy()
    demand[3] += demand[4] - 1                        # urban would need every water cell, water never changes
    demand[4] = 1
    with pytest.raises(InputError, match="class 5 .*lose"):
        simulate_land_use(**bad(landscape, "toomuch", options=options(
            landscape, demand=",".join(map(str, demand)), conversion="1,1,1,1,1;" * 4 + "0,0,0,0,1")))
    assert not (landscape["folder"] / "toomuch.tif").exists()


def test_an_observed_map_with_other_classes_is_refused(landscape):
    raster = read_raster(landscape["later"])
    other = raster.array.copy()
    other[:5, :5] = 8
    path = write_raster(str(landscape["folder"] / "observed8.tif"), other, raster.grid, 0)
    with pytest.raises(InputError, match="classes 8 that are not in the land-use map"):
        simulate_land_use(**bad(landscape, "observed_out", observed=path))
    assert not (landscape["folder"] / "observed_out.tif").exists()
