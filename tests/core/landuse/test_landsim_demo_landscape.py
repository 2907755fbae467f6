"""Issue 16, "must show": land-use simulation on the *demo landscape* (scripts/make_demo_data.py),
from an earlier map to a later one made by a known process.

Earlier map: the demo land use (200 × 200 cells of 30 m, nine classes). Later map, deterministic:

* urban growth — cropland cells within 2 cells of urban land or a road become urban, nearest first
  (ties in raster order), until ``URBAN_GROWTH`` cells have changed;
* forest restoration — ``RESTORED`` cropland cells on slopes steeper than 15°, drawn with a fixed
  seed, become forest;

neither touches the red line (``redline.gpkg`` rasterised), which is the RESTRICTED layer. Drivers:
elevation, slope, distance to roads, distance to urban land of the earlier map. Demand: the later
map's cell counts. The simulation must meet every demand within 0.1 %, keep the red line, repeat
itself with the same seed, and agree with the later map better (OA, Kappa, figure of merit) than a
random allocation of the same demand (validation.random_allocation, same seed)."""
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import ndimage

from ecosecurity.core.io.raster import read_raster, write_raster
from ecosecurity.core.io.rasterize import rasterize_features
from ecosecurity.core.landuse.land_simulation import SimulationOptions, simulate_land_use
from ecosecurity.core.landuse.validation import agreement, random_allocation

REPO = Path(__file__).resolve().parents[3]
SIZE = 200
CELL = 30.0
FOREST, CROPLAND, URBAN = 1, 4, 5
URBAN_GROWTH = 400
RESTORED = 200
SEED = 7


def load_demo_generator():
    """scripts/make_demo_data.py as a module (it puts the repository on sys.path to import ``core``;
    the path is restored afterwards)."""
    saved = list(sys.path)
    try:
        script = REPO / "scripts" / "make_demo_data.py"
        spec = importlib.util.spec_from_file_location("make_demo_data_for_tests", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


def later_map(earlier, slope, red, near_urban_distance):
    """The known process of the module docstring; returns a new array."""
    later = earlier.copy()
    growth = np.flatnonzero(((earlier == CROPLAND) & ~red & (near_urban_distance <= 2.0)).ravel())
    growth = growth[np.argsort(near_urban_distance.ravel()[growth], kind="stable")]
    assert growth.size > URBAN_GROWTH
    later.ravel()[growth[:URBAN_GROWTH]] = URBAN
    steep = np.flatnonzero(((later == CROPLAND) & ~red & (slope > 15.0)).ravel())
    assert steep.size > RESTORED
    later.ravel()[np.random.default_rng(16).choice(steep, RESTORED, replace=False)] = FOREST
    return later


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("landsim_demo")
    load_demo_generator().generate(str(folder), SIZE)
    start = read_raster(str(folder / "landuse.tif"))
    grid, earlier = start.grid, start.array
    assert start.valid.all() and (grid.rows, grid.cols) == (SIZE, SIZE)
    dem = read_raster(str(folder / "dem.tif")).array.astype(np.float64)
    dy, dx = np.gradient(dem, CELL)
    slope = np.degrees(np.arctan(np.hypot(dx, dy)))
    red = rasterize_features(str(folder / "redline.gpkg"), grid) != 0
    roads = rasterize_features(str(folder / "roads.gpkg"), grid) != 0
    near_urban = ndimage.distance_transform_edt(~((earlier == URBAN) | roads))
    later = later_map(earlier, slope, red, near_urban)
    paths = {
        "start": str(folder / "landuse.tif"),
        "later": write_raster(str(folder / "later.tif"), later, grid, nodata=0),
        "restricted": write_raster(str(folder / "redline.tif"), red.astype(np.uint8), grid),
        "drivers": [str(folder / "dem.tif")] + [
            write_raster(str(folder / f"{name}.tif"), values.astype(np.float32), grid, nodata=-9999.0)
            for name, values in (("slope", slope),
                                 ("dist_roads", ndimage.distance_transform_edt(~roads) * CELL),
                                 ("dist_urban", ndimage.distance_transform_edt(earlier != URBAN) * CELL))],
    }
    return dict(paths=paths, folder=folder, earlier=earlier, later=later, red=red,
                demand=np.bincount(later.ravel(), minlength=10)[1:])


def run(demo, name, seed=SEED):
    paths = demo["paths"]
    output = str(demo["folder"] / f"{name}.tif")
    options = SimulationOptions(demand=",".join(map(str, demo["demand"])), seed=seed, sample_size=3000)
    result = simulate_land_use(paths["start"], paths["drivers"], options, restricted=paths["restricted"],
                               observed=paths["later"], output=output)
    return result, read_raster(output).array


@pytest.fixture(scope="module")
def simulated(demo):
    return run(demo, "first")


def test_the_later_map_is_the_known_process(demo):
    earlier, later, red = demo["earlier"], demo["later"], demo["red"]
    assert np.array_equal(np.bincount(earlier.ravel(), minlength=10)[1:] > 0, np.ones(9, bool))
    assert red.sum() > 1000 and np.array_equal(later[red], earlier[red])
    changed = later != earlier
    assert changed.sum() == URBAN_GROWTH + RESTORED
    assert np.all(earlier[changed] == CROPLAND)
    assert (later[changed] == URBAN).sum() == URBAN_GROWTH and (later[changed] == FOREST).sum() == RESTORED


def test_every_class_demand_is_met_within_a_tenth_of_a_percent(demo, simulated):
    result, simulated_map = simulated
    cells = np.bincount(simulated_map.ravel(), minlength=10)[1:]
    assert result.met
    assert np.all(np.abs(cells - demo["demand"]) <= 0.001 * demo["demand"]), (cells, demo["demand"])


def test_red_line_cells_never_change(demo, simulated):
    result, simulated_map = simulated
    red = demo["red"]
    assert result.changed_cells > 0 and result.frozen_cells == red.sum()
    assert np.array_equal(simulated_map[red], demo["earlier"][red])


def test_the_same_seed_gives_the_identical_map(demo, simulated):
    again_result, again = run(demo, "again")
    assert np.array_equal(again, simulated[1])
    assert again_result.validation.kappa == simulated[0].validation.kappa
    _result, other = run(demo, "other", seed=SEED + 1)
    assert not np.array_equal(other, simulated[1])


def test_kappa_and_figure_of_merit_beat_a_random_allocation_of_the_same_demand(demo, simulated):
    result, simulated_map = simulated
    start, observed, red = demo["earlier"] - 1, demo["later"] - 1, demo["red"]
    valid = np.ones(start.shape, bool)
    mine = agreement(start, observed, simulated_map - 1, valid, 9)
    assert result.validation is not None and np.array_equal(result.validation.confusion, mine.confusion)
    assert (result.validation.oa, result.validation.kappa, result.validation.fom) == (mine.oa, mine.kappa, mine.fom)

    randomly = random_allocation(start, ~red, demo["demand"], SEED)
    assert np.array_equal(np.bincount(randomly.ravel(), minlength=9), demo["demand"])
    chance = agreement(start, observed, randomly, valid, 9)
    assert result.random_validation.kappa == pytest.approx(chance.kappa)
    print(f"\nsimulated: OA {mine.oa:.4f} Kappa {mine.kappa:.4f} FoM {mine.fom:.4f}; "
          f"random: OA {chance.oa:.4f} Kappa {chance.kappa:.4f} FoM {chance.fom:.4f}")
    assert mine.kappa > chance.kappa
    assert mine.fom > 2 * chance.fom
    assert mine.oa > chance.oa
