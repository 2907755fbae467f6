"""ecosecurity:corridors through Processing."""
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


def box(col0, row0, col1, row1):
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - row1 * CELL, Y0 - row0 * CELL
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def write_cores(path, polygons):
    return write_vector(path, [(geometry, {"gid": core_id}) for core_id, geometry in polygons], SRS.ExportToWkt(),
                        ogr.wkbPolygon, [("gid", ogr.OFTInteger)], layer_name="cores")


THREE = [(1, box(2, 5, 7, 10)), (2, box(20, 5, 25, 10)), (3, box(38, 5, 43, 10))]


@pytest.fixture
def resistance(tmp_path):
    return write_raster(tmp_path / "resistance.tif", np.ones(GRID.shape, np.float32), GRID, -9999.0)


@pytest.fixture
def cores(tmp_path):
    return write_cores(tmp_path / "cores.gpkg", THREE)


def outputs(tmp_path, **extra):
    names = {"OUTPUT_CORRIDORS": "corridors.tif", "OUTPUT_TRUNCATED": "truncated.tif", "OUTPUT_CWD": "cwd.tif",
             "OUTPUT_ALLOCATION": "allocation.tif", "OUTPUT_LCP": "lcp.gpkg", "OUTPUT_LINKS": "links.gpkg"}
    params = {key: str(tmp_path / value) for key, value in names.items()}
    params.update(extra)
    return params


def features(path):
    dataset = ogr.Open(path.split("|")[0])
    layer = dataset.GetLayer(0)
    rows = [({layer.GetLayerDefn().GetFieldDefn(i).GetName(): f.GetField(i)
              for i in range(f.GetFieldCount())}, f.GetGeometryRef().Clone() if f.GetGeometryRef() else None)
            for f in layer]
    return rows


def test_three_cores_in_a_row_give_two_corridors(run_alg, resistance, cores, tmp_path):
    result = run_alg("corridors", dict(outputs(tmp_path), CORES=cores, CORE_ID_FIELD="gid", RESISTANCE=resistance,
                                       ADJACENCY=3, MAX_NEAREST=0, TRUNCATE_WIDTH=500))
    assert result["CORRIDOR_COUNT"] == 2
    assert result["CORRIDOR_LENGTH_KM"] == pytest.approx(2 * 14 * CELL / 1000)
    paths = features(result["OUTPUT_LCP"])
    assert [list(row) for row, _ in paths] == [["link_id", "core1", "core2", "link_type", "euc_dist",
                                                "cw_dist", "lcp_length", "cwd_to_euc", "cwd_to_path"]] * 2
    assert [(row["core1"], row["core2"], row["link_type"]) for row, _ in paths] == [(1, 2, 1), (2, 3, 1)]
    assert paths[0][1].Length() == pytest.approx(14 * CELL)
    links = features(result["OUTPUT_LINKS"])
    assert [(row["core1"], row["core2"], row["link_type"], row["link_info"]) for row, _ in links] == [
        (1, 2, 1, "Connects_cores"), (1, 3, -15, "Intermediate_core"), (2, 3, 1, "Connects_cores")]
    corridor = read_raster(result["OUTPUT_CORRIDORS"])
    assert corridor.array.dtype == np.int32 and corridor.array[7, 10] == 0
    truncated = read_raster(result["OUTPUT_TRUNCATED"])
    assert np.all(truncated.array[truncated.valid] <= 500)
    assert read_raster(result["OUTPUT_ALLOCATION"]).array[7, 0] == 1
    assert read_raster(result["OUTPUT_CWD"]).array[7, 7] == pytest.approx(CELL)
    assert (tmp_path / "corridors.qml").exists() and (tmp_path / "truncated.qml").exists()


def test_skipping_the_full_corridors_gives_the_same_truncated_corridors(run_alg, resistance, cores, tmp_path):
    full = run_alg("corridors", dict(outputs(tmp_path / "a"), CORES=cores, CORE_ID_FIELD="gid",
                                     RESISTANCE=resistance, TRUNCATE_WIDTH=300))
    fast = run_alg("corridors", dict(outputs(tmp_path / "b", OUTPUT_CORRIDORS=None), CORES=cores,
                                     CORE_ID_FIELD="gid", RESISTANCE=resistance, TRUNCATE_WIDTH=300))
    assert "OUTPUT_CORRIDORS" not in fast or not fast["OUTPUT_CORRIDORS"]
    a, b = read_raster(full["OUTPUT_TRUNCATED"]), read_raster(fast["OUTPUT_TRUNCATED"])
    np.testing.assert_array_equal(a.valid, b.valid)
    np.testing.assert_array_equal(a.array[a.valid], b.array[b.valid])


def test_core_raster_input(run_alg, resistance, tmp_path):
    ids = np.zeros(GRID.shape, np.int32)
    ids[5:10, 2:7], ids[5:10, 20:25] = 5, 6
    core_raster = write_raster(tmp_path / "ids.tif", ids, GRID, 0)
    result = run_alg("corridors", dict(outputs(tmp_path), CORES=core_raster, RESISTANCE=resistance))
    assert result["CORRIDOR_COUNT"] == 1
    assert [(r["core1"], r["core2"]) for r, _ in features(result["OUTPUT_LINKS"])] == [(5, 6)]


def test_polygon_cores_need_the_id_field(run_alg, resistance, cores, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="CORE_ID_FIELD"):
        run_alg("corridors", dict(outputs(tmp_path), CORES=cores, RESISTANCE=resistance))


def test_a_single_core_is_a_clear_error_and_writes_nothing(run_alg, resistance, tmp_path):
    from qgis.core import QgsProcessingException
    single = write_cores(tmp_path / "one.gpkg", THREE[:1])
    with pytest.raises(QgsProcessingException, match="at least two cores"):
        run_alg("corridors", dict(outputs(tmp_path), CORES=single, CORE_ID_FIELD="gid", RESISTANCE=resistance))
    assert not (tmp_path / "corridors.tif").exists()


def test_geographic_crs_is_refused(run_alg, cores, tmp_path):
    from qgis.core import QgsProcessingException
    geo = osr.SpatialReference()
    geo.ImportFromEPSG(4326)
    grid = Grid((117.0, 0.001, 0.0, 36.1, 0.0, -0.001), geo.ExportToWkt(), 15, 45)
    path = write_raster(tmp_path / "geo.tif", np.ones(grid.shape, np.float32), grid, -9999.0)
    with pytest.raises(QgsProcessingException, match="geographic"):
        run_alg("corridors", dict(outputs(tmp_path), CORES=cores, CORE_ID_FIELD="gid", RESISTANCE=path))


def test_cancel_returns_without_outputs(run_alg, resistance, cores, tmp_path):
    from qgis.core import QgsProcessingFeedback
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    result = run_alg("corridors", dict(outputs(tmp_path), CORES=cores, CORE_ID_FIELD="gid", RESISTANCE=resistance),
                     feedback=feedback)
    assert not result.get("CORRIDOR_COUNT")
    assert not (tmp_path / "corridors.tif").exists()


# ------------------------------------------------ PARALLEL / DASK_SCHEDULER: the serial output, byte for byte
def run_where(run_alg, cores, folder, **where):
    rng = np.random.default_rng(4)
    values = (1.0 + 9.0 * rng.random(GRID.shape)).astype(np.float32)
    folder.mkdir()
    resistance = write_raster(folder / "resistance.tif", values, GRID, -9999.0)
    result = run_alg("corridors", dict(outputs(folder), CORES=cores, CORE_ID_FIELD="gid", RESISTANCE=resistance,
                                       ADJACENCY=3, MAX_NEAREST=0, DROP_THROUGH_CORES=False, **where))
    rasters = {name: read_raster(result[name]).array for name in
               ("OUTPUT_CORRIDORS", "OUTPUT_CWD", "OUTPUT_ALLOCATION", "OUTPUT_TRUNCATED") if result.get(name)}
    vectors = {name: [(row, None if geometry is None else geometry.ExportToWkt())
                      for row, geometry in features(result[name])] for name in ("OUTPUT_LCP", "OUTPUT_LINKS")}
    return rasters, vectors


def test_parallel_runs_equal_the_serial_run(run_alg, cores, tmp_path, dask_scheduler):
    serial = run_where(run_alg, cores, tmp_path / "serial", PARALLEL=1)
    assert len(serial[1]["OUTPUT_LCP"]) == 3
    for name, where in (("two", {"PARALLEL": 2}), ("dask", {"DASK_SCHEDULER": dask_scheduler})):
        rasters, vectors = run_where(run_alg, cores, tmp_path / name, **where)
        assert rasters.keys() == serial[0].keys(), name
        assert all(np.array_equal(serial[0][key], rasters[key]) for key in rasters), name
        assert vectors == serial[1], name
