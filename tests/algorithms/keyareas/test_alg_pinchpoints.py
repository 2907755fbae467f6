"""ecosecurity:pinchpoints through Processing, on the link tables ecosecurity:corridors writes."""
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.io.vector import write_vector
from osgeo import ogr, osr

CELL = 100.0
X0, Y0 = 500000.0, 4000000.0
SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32650)
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), SRS.ExportToWkt(), 15, 45)
GAP = (7, 22)


def box(col0, row0, col1, row1):
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - row1 * CELL, Y0 - row0 * CELL
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def write_cores(path, polygons):
    return write_vector(path, [(geometry, {"gid": core_id}) for core_id, geometry in polygons], SRS.ExportToWkt(),
                        ogr.wkbPolygon, [("gid", ogr.OFTInteger)], layer_name="cores")


TWO = [(1, box(2, 5, 7, 10)), (2, box(38, 5, 43, 10))]


def corridor_resistance():
    """An open corridor (resistance 1) in resistance 20, closed at column 22 but for one cell."""
    resistance = np.full(GRID.shape, 20.0, np.float32)
    resistance[4:11, :] = 1.0
    resistance[4:11, GAP[1]] = 20.0
    resistance[GAP] = 1.0
    return resistance


@pytest.fixture
def layers(tmp_path, run_alg):
    resistance = write_raster(tmp_path / "resistance.tif", corridor_resistance(), GRID, -9999.0)
    cores = write_cores(tmp_path / "cores.gpkg", TWO)
    run = run_alg("corridors", {"CORES": cores, "CORE_ID_FIELD": "gid", "RESISTANCE": resistance, "ADJACENCY": 3,
                                "TRUNCATE_WIDTH": 5000, "OUTPUT_LCP": str(tmp_path / "lcp.gpkg"),
                                "OUTPUT_LINKS": str(tmp_path / "links.csv")})
    return {"CORES": cores, "CORE_ID_FIELD": "gid", "RESISTANCE": resistance, "LINKS": run["OUTPUT_LINKS"],
            "lcp": run["OUTPUT_LCP"]}


def params(layers, tmp_path, **extra):
    out = {key: layers[key] for key in ("CORES", "CORE_ID_FIELD", "RESISTANCE", "LINKS")}
    out.update(CWD_CUTOFF=1500, MODE=0, SQUARE_RESISTANCES=False, OUTPUT=str(tmp_path / "pinch.tif"),
               OUTPUT_LINKS=str(tmp_path / "pinch_links.gpkg"))
    out.update(extra)
    return out


def features(path):
    dataset = ogr.Open(path.split("|")[0])
    layer = dataset.GetLayer(0)
    return [({layer.GetLayerDefn().GetFieldDefn(i).GetName(): f.GetField(i) for i in range(f.GetFieldCount())},
             f.GetGeometryRef() is not None) for f in layer]


def test_pinch_points_from_the_csv_link_table(run_alg, layers, tmp_path):
    result = run_alg("pinchpoints", params(layers, tmp_path))
    current = read_raster(result["OUTPUT"])
    values = np.where(current.valid, current.array, np.nan)
    assert np.unravel_index(np.nanargmax(values), GRID.shape) == GAP
    assert not current.valid[5:10, 2:7].any() and not current.valid[5:10, 38:43].any()  # cores NoData
    assert not current.valid[0, :].any()  # outside the corridor
    assert (tmp_path / "pinch.qml").exists()
    rows = features(result["OUTPUT_LINKS"])
    assert len(rows) == 1 and rows[0][0]["core1"] in (1, "1")
    row = rows[0][0]
    assert row["eff_resist"] > 0
    assert row["cwd_to_eff_resist"] == pytest.approx(float(row["cw_dist"]) / row["eff_resist"])


def test_the_least_cost_path_layer_works_as_link_table_and_keeps_its_lines(run_alg, layers, tmp_path):
    a = run_alg("pinchpoints", params(layers, tmp_path / "a"))
    b = run_alg("pinchpoints", params(layers, tmp_path / "b", LINKS=layers["lcp"]))
    np.testing.assert_array_equal(read_raster(a["OUTPUT"]).array, read_raster(b["OUTPUT"]).array)
    rows = features(b["OUTPUT_LINKS"])
    assert rows[0][1] and rows[0][0]["eff_resist"] == pytest.approx(features(a["OUTPUT_LINKS"])[0][0]["eff_resist"])


@pytest.mark.parametrize("mode", [1, 2])
def test_network_modes_write_the_current_and_leave_the_link_values_out(run_alg, layers, tmp_path, mode):
    result = run_alg("pinchpoints", params(layers, tmp_path, MODE=mode))
    current = read_raster(result["OUTPUT"])
    assert np.unravel_index(np.nanargmax(np.where(current.valid, current.array, np.nan)), GRID.shape) == GAP
    assert features(result["OUTPUT_LINKS"])[0][0]["eff_resist"] == -1


def test_core_raster_input(run_alg, layers, tmp_path):
    ids = np.zeros(GRID.shape, np.int32)
    ids[5:10, 2:7], ids[5:10, 38:43] = 1, 2
    core_raster = write_raster(tmp_path / "ids.tif", ids, GRID, 0)
    a = run_alg("pinchpoints", params(layers, tmp_path / "a"))
    b = run_alg("pinchpoints", params(layers, tmp_path / "b", CORES=core_raster, CORE_ID_FIELD=None))
    np.testing.assert_array_equal(read_raster(a["OUTPUT"]).array, read_raster(b["OUTPUT"]).array)


# ------------------------------------------------------------------ bad input: one error, no output
def fails(run_alg, parameters, tmp_path, pattern):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match=pattern):
        run_alg("pinchpoints", parameters)
    assert not (tmp_path / "pinch.tif").exists() and not (tmp_path / "pinch_links.gpkg").exists()


def test_a_link_table_of_other_cores_is_refused(run_alg, layers, tmp_path):
    other = write_cores(tmp_path / "other.gpkg", [(5, TWO[0][1]), (2, TWO[1][1])])
    fails(run_alg, params(layers, tmp_path, CORES=other), tmp_path, r"core id\(s\) 1 of its active links are not in")


def test_a_link_table_of_another_resistance_is_refused(run_alg, layers, tmp_path):
    doubled = write_raster(tmp_path / "doubled.tif", 2 * corridor_resistance(), GRID, -9999.0)
    fails(run_alg, params(layers, tmp_path, RESISTANCE=doubled), tmp_path,
          r"does not match the resistance 'doubled': link 1 \(1-2\) has cw_dist")


def test_no_active_link_is_refused(run_alg, layers, tmp_path):
    table = tmp_path / "dropped.csv"
    table.write_text("link_id,core1,core2,link_type,cw_dist\n1,1,2,-12,3000\n", encoding="utf-8")
    fails(run_alg, params(layers, tmp_path, LINKS=str(table)), tmp_path, "no active link")


def test_zero_resistance_is_refused(run_alg, layers, tmp_path):
    resistance = corridor_resistance()
    resistance[0, 0] = 0.0
    zero = write_raster(tmp_path / "zero.tif", resistance, GRID, -9999.0)
    fails(run_alg, params(layers, tmp_path, RESISTANCE=zero), tmp_path, "values <= 0")


def test_a_negative_cutoff_is_refused(run_alg, layers, tmp_path):
    fails(run_alg, params(layers, tmp_path, CWD_CUTOFF=-1), tmp_path, "CWD_CUTOFF")


# ------------------------------------------------ PARALLEL / DASK_SCHEDULER: the serial output, byte for byte
THREE = TWO + [(3, box(20, 11, 25, 14))]


@pytest.fixture
def three_links(tmp_path, run_alg):
    resistance = np.full(GRID.shape, 5.0, np.float32)
    resistance[4:11, :] = 1.0
    resistance[11:14, 18:27] = 2.0
    path = write_raster(tmp_path / "resistance.tif", resistance, GRID, -9999.0)
    cores = write_cores(tmp_path / "cores3.gpkg", THREE)
    run = run_alg("corridors", {"CORES": cores, "CORE_ID_FIELD": "gid", "RESISTANCE": path, "ADJACENCY": 3,
                                "TRUNCATE_WIDTH": 5000, "OUTPUT_LCP": str(tmp_path / "lcp3.gpkg"),
                                "OUTPUT_LINKS": str(tmp_path / "links3.csv")})
    return {"CORES": cores, "CORE_ID_FIELD": "gid", "RESISTANCE": path, "LINKS": run["OUTPUT_LINKS"]}


def run_where(run_alg, layers, folder, **where):
    folder.mkdir()
    result = run_alg("pinchpoints", dict(layers, CWD_CUTOFF=1500, MODE=0, OUTPUT=str(folder / "pinch.tif"),
                                         OUTPUT_LINKS=str(folder / "links.csv"), **where))
    return read_raster(result["OUTPUT"]).array, (folder / "links.csv").read_bytes()


def test_parallel_runs_equal_the_serial_run(run_alg, three_links, tmp_path, dask_scheduler):
    current, table = run_where(run_alg, three_links, tmp_path / "serial", PARALLEL=1)
    assert table.count(b"\n") == 4 and np.isfinite(current).sum() > 0  # three links
    for name, where in (("two", {"PARALLEL": 2}), ("dask", {"DASK_SCHEDULER": dask_scheduler})):
        other_current, other_table = run_where(run_alg, three_links, tmp_path / name, **where)
        assert np.array_equal(current, other_current) and other_table == table, name


def test_qgis_process_with_two_workers_gives_the_serial_output(run_alg, three_links, tmp_path):
    """PARALLEL from the command line (scripts/qgis-process: the real qgis_process binary)."""
    current, table = run_where(run_alg, three_links, tmp_path / "serial", PARALLEL=1)
    folder = tmp_path / "cli"
    folder.mkdir()
    arguments = [f"{key}={value}" for key, value in three_links.items()] + [
        "CWD_CUTOFF=1500", "MODE=0", "PARALLEL=2", f"OUTPUT={folder / 'pinch.tif'}",
        f"OUTPUT_LINKS={folder / 'links.csv'}"]
    done = subprocess.run([str(Path(__file__).resolve().parents[3] / "scripts" / "qgis-process"), "run",
                           "ecosecurity:pinchpoints", "--", *arguments], capture_output=True, text=True,
                          env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"), timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Cost distance from core(s) 3 done (2/2)" in done.stdout  # the searches: 2 tasks
    assert "in this process" not in done.stdout + done.stderr  # no fallback to serial
    assert np.array_equal(read_raster(folder / "pinch.tif").array, current)
    assert (folder / "links.csv").read_bytes() == table
