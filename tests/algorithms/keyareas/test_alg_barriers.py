"""ecosecurity:barriers through Processing, on the link tables ecosecurity:corridors writes."""
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.io.vector import write_vector
from osgeo import ogr, osr
from qgis.core import QgsProcessingException

CELL = 100.0
X0, Y0 = 500000.0, 4000000.0
SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32650)
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), SRS.ExportToWkt(), 15, 45)
BLOCK = (slice(0, 15), slice(12, 14))  # two columns of resistance 11 across the first corridor


def box(col0, row0, col1, row1):
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - row1 * CELL, Y0 - row0 * CELL
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def write_cores(path, polygons):
    return write_vector(path, [(geometry, {"gid": core_id}) for core_id, geometry in polygons], SRS.ExportToWkt(),
                        ogr.wkbPolygon, [("gid", ogr.OFTInteger)], layer_name="cores")


THREE = [(1, box(2, 5, 7, 10)), (2, box(20, 5, 25, 10)), (3, box(38, 5, 43, 10))]


def block_resistance(scale=1.0):
    resistance = np.ones(GRID.shape, np.float32)
    resistance[BLOCK] = 11.0
    return resistance * scale


@pytest.fixture
def layers(tmp_path, run_alg):
    resistance = write_raster(tmp_path / "resistance.tif", block_resistance(), GRID, -9999.0)
    cores = write_cores(tmp_path / "cores.gpkg", THREE)
    run = run_alg("corridors", {"CORES": cores, "CORE_ID_FIELD": "gid", "RESISTANCE": resistance, "ADJACENCY": 3,
                                "MAX_NEAREST": 0, "OUTPUT_LCP": str(tmp_path / "lcp.gpkg"),
                                "OUTPUT_LINKS": str(tmp_path / "links.csv")})
    return {"CORES": cores, "CORE_ID_FIELD": "gid", "RESISTANCE": resistance, "LINKS": run["OUTPUT_LINKS"]}


def params(layers, tmp_path, **extra):
    out = {key: layers[key] for key in ("CORES", "CORE_ID_FIELD", "RESISTANCE", "LINKS")}
    out.update(MIN_RADIUS=300, MAX_RADIUS=500, RADIUS_STEP=100, COMBINE=0, PERCENT=False,
               OUTPUT_CENTERS=str(tmp_path / "out" / "centres.tif"), OUTPUT_CIRCLES=str(tmp_path / "out" / "circles.tif"),
               OUTPUT_CAPPED=str(tmp_path / "out" / "capped.tif"))
    out.update(extra)
    return out


def test_barrier_scores_peak_on_the_block_and_per_radius_files_are_named_as_linkage_mapper(run_alg, layers,
                                                                                         tmp_path):
    folder = tmp_path / "radii"
    result = run_alg("barriers", params(layers, tmp_path, OUTPUT_FOLDER=str(folder)))
    centres = read_raster(result["OUTPUT_CENTERS"])
    values = np.where(centres.valid, centres.array, np.nan)
    row, col = np.unravel_index(np.nanargmax(values), values.shape)
    assert 10 <= col <= 15  # the disc around the best centre covers the block
    # straight corridor through the block, cells of resistance 1 on the annulus: I = (11 - 1) x 2 cells x 100 / 2R
    assert np.nanmax(values) == pytest.approx(10 * 2 * CELL / (2 * 300), rel=1e-5)
    circles = read_raster(result["OUTPUT_CIRCLES"])
    assert np.nanmax(np.where(circles.valid, circles.array, np.nan)) == pytest.approx(np.nanmax(values), rel=1e-6)
    capped = read_raster(result["OUTPUT_CAPPED"])
    assert np.all(capped.array[capped.valid] <= block_resistance()[capped.valid] - 1 + 1e-6)
    names = sorted(os.listdir(folder))
    for radius in (300, 400, 500):
        assert f"barriers_BarrierCenters_Rad{radius}.tif" in names
        assert f"barriers_BarrrierCircles_Rad{radius}.tif" in names
        assert f"barriers_BarrierCircles_RBMin_Rad{radius}.tif" in names
    assert (tmp_path / "out" / "centres.qml").exists()


def test_sum_and_percent(run_alg, layers, tmp_path):
    result = run_alg("barriers", params(layers, tmp_path, COMBINE=1, PERCENT=True, MAX_RADIUS=0, RADIUS_STEP=0,
                                        OUTPUT_CAPPED=None, OUTPUT_FOLDER=str(tmp_path / "radii")))
    centres = read_raster(result["OUTPUT_CENTERS"])
    assert centres.valid.all() and centres.array.min() >= 0  # SUM: 0 where no link improves
    lcd = 14 * CELL + 10 * 2 * CELL  # core 1 to core 2: 14 steps, the block adds (11 - 1) x 2 cells
    assert centres.array.max() == pytest.approx(100 * (10 * 2 * CELL / 600) / lcd, rel=1e-5)
    assert sorted(os.listdir(tmp_path / "radii")) == [
        "barriers_BarrierCenters_Pct_Sum_Rad300.tif", "barriers_BarrierCenters_Sum_Rad300.tif",
        "barriers_BarrierCircles_RBMin_Sum_Rad300.tif", "barriers_BarrrierCircles_Pct_Sum_Rad300.tif",
        "barriers_BarrrierCircles_Sum_Rad300.tif"]


def assert_refused(run_alg, parameters, tmp_path, match):
    with pytest.raises(QgsProcessingException, match=match):
        run_alg("barriers", parameters)
    out = tmp_path / "out"
    assert not out.exists() or not [name for name in os.listdir(out) if not name.startswith(".")]


def test_radius_smaller_than_a_cell_is_refused_and_nothing_is_written(run_alg, layers, tmp_path):
    assert_refused(run_alg, params(layers, tmp_path, MIN_RADIUS=50), tmp_path, "smaller than a cell")


def test_zero_resistance_is_refused(run_alg, layers, tmp_path):
    resistance = block_resistance()
    resistance[0, 0] = 0.0
    path = write_raster(tmp_path / "zero.tif", resistance, GRID, -9999.0)
    assert_refused(run_alg, params(layers, tmp_path, RESISTANCE=path), tmp_path, "values <= 0")


def test_no_active_link_is_refused(run_alg, layers, tmp_path):
    path = tmp_path / "none.csv"
    path.write_text("link_id,core1,core2,link_type,cw_dist\n1,1,2,-1,1900\n", encoding="utf-8")
    assert_refused(run_alg, params(layers, tmp_path, LINKS=str(path)), tmp_path, "no active link")


def test_link_table_of_another_run_is_refused_saying_which(run_alg, layers, tmp_path):
    other = write_cores(tmp_path / "other.gpkg", [(5, box(2, 5, 7, 10)), (6, box(20, 5, 25, 10))])
    assert_refused(run_alg, params(layers, tmp_path, CORES=other), tmp_path, r"core id\(s\) 1, 2, 3")
    scaled = write_raster(tmp_path / "scaled.tif", block_resistance(2.0), GRID, -9999.0)
    assert_refused(run_alg, params(layers, tmp_path, RESISTANCE=scaled), tmp_path, "does not match the resistance")


# ------------------------------------------------ PARALLEL / DASK_SCHEDULER: the serial output, byte for byte
def run_where(run_alg, layers, folder, **where):
    result = run_alg("barriers", params(layers, folder, COMBINE=1, PERCENT=True, OUTPUT_FOLDER=str(folder / "radii"),
                                        **where))
    paths = [result[name] for name in ("OUTPUT_CENTERS", "OUTPUT_CIRCLES", "OUTPUT_CAPPED")]
    paths += sorted(str(path) for path in (folder / "radii").iterdir())
    return {os.path.basename(path): read_raster(path).array for path in paths}


def test_parallel_runs_equal_the_serial_run(run_alg, layers, tmp_path, dask_scheduler):
    serial = run_where(run_alg, layers, tmp_path / "serial", PARALLEL=1)
    assert len(serial) == 3 + 3 * 5 and np.nanmax(serial["centres.tif"]) > 0
    for name, where in (("two", {"PARALLEL": 2}), ("dask", {"DASK_SCHEDULER": dask_scheduler})):
        other = run_where(run_alg, layers, tmp_path / name, **where)
        assert other.keys() == serial.keys(), name
        assert all(np.array_equal(serial[key], other[key]) for key in serial), name
