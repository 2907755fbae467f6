"""ecosecurity:esclusters through Processing: outputs, units, report, seeds, bad input."""
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.io.vector import write_vector
from osgeo import ogr, osr

CELL = 100.0
X0, Y0 = 400000.0, 3000000.0
SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32650)
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), SRS.ExportToWkt(), 30, 40)
NAMES = ["carbon", "habitat", "erosion"]
PROFILES = np.array([[0.9, 0.8, 0.3], [0.2, 0.3, 0.9], [0.1, 0.1, 0.1]])


def zones():
    z = np.zeros(GRID.shape, dtype=np.int64)
    z[:, 14:27] = 1
    z[:, 27:] = 2
    return z


@pytest.fixture
def services(tmp_path):
    rng = np.random.default_rng(5)
    z = zones()
    return [write_raster(str(tmp_path / f"{name}.tif"),
                         (PROFILES[z, j] + rng.normal(0, 0.04, z.shape)).astype(np.float32), GRID, -9999.0)
            for j, name in enumerate(NAMES)]


def box(col0, col1):
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - GRID.rows * CELL, Y0
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def outputs(tmp_path, **extra):
    params = {"OUTPUT": str(tmp_path / "clusters.tif"), "OUTPUT_PROFILES": str(tmp_path / "profiles.csv")}
    params.update(extra)
    return params


def rows(path):
    dataset = ogr.Open(path.split("|")[0])
    layer = dataset.GetLayer(0)
    defn = layer.GetLayerDefn()
    return [{defn.GetFieldDefn(i).GetName(): f.GetField(i) for i in range(f.GetFieldCount())} for f in layer]


def test_cells_give_a_styled_cluster_raster_profiles_and_a_report(run_alg, services, tmp_path):
    html = tmp_path / "report" / "bundles.html"
    result = run_alg("esclusters", outputs(tmp_path, INPUTS=services, METHOD=0, CLUSTERS=0, SEED=3,
                                           OUTPUT_HTML=str(html)))
    assert result["N_CLUSTERS"] == 3
    raster = read_raster(result["OUTPUT"])
    assert set(np.unique(raster.array)) == {1, 2, 3}
    assert os.path.exists(os.path.splitext(result["OUTPUT"])[0] + ".qml")
    table = rows(result["OUTPUT_PROFILES"])
    assert [int(r["cluster"]) for r in table] == [1, 2, 3]
    assert sum(int(r["cells"]) for r in table) == GRID.rows * GRID.cols
    assert {"std_carbon", "mean_erosion", "area", "area_pct"} <= set(table[0])
    assert html.exists()
    if pytest.importorskip("matplotlib"):
        assert all((tmp_path / "report" / f"bundles_cluster_{i}.png").exists() for i in (1, 2, 3))
        assert (tmp_path / "report" / "bundles_correlation.png").exists()
    assert not [name for name in os.listdir(tmp_path / "report") if name.startswith(".")]  # no staging left


def test_the_same_seed_gives_the_same_raster(run_alg, services, tmp_path):
    a = run_alg("esclusters", outputs(tmp_path / "a", INPUTS=services, CLUSTERS=3, SEED=9))
    b = run_alg("esclusters", outputs(tmp_path / "b", INPUTS=services, CLUSTERS=3, SEED=9))
    assert np.array_equal(read_raster(a["OUTPUT"]).array, read_raster(b["OUTPUT"]).array)


def test_units_get_a_cluster_field_and_keep_their_attributes(run_alg, services, tmp_path):
    polygons = [(box(c, c + 7), {"name": f"T{c}"}) for c in range(0, 40, 7)] + [(box(50, 60), {"name": "out"})]
    units = write_vector(str(tmp_path / "townships.gpkg"), polygons,
                         SRS.ExportToWkt(), ogr.wkbPolygon, [("name", ogr.OFTString)], layer_name="townships")
    result = run_alg("esclusters", outputs(tmp_path, INPUTS=services, UNITS=units, METHOD=1, CLUSTERS=3, SEED=0,
                                           OUTPUT_UNITS=str(tmp_path / "zones.gpkg")))
    features = rows(result["OUTPUT_UNITS"])
    assert [f["name"] for f in features] == ["T0", "T7", "T14", "T21", "T28", "T35", "out"]
    assert features[-1]["cluster"] is None
    assert len({f["cluster"] for f in features[:-1]}) == 3
    assert all(f["std_carbon"] is not None for f in features[:-1])


@pytest.mark.parametrize("case,message", [
    ("constant", "same value"),
    ("misaligned", "'shifted'"),
    ("too_many", "larger than the number of"),
])
def test_bad_input_stops_with_one_clear_error_and_no_output(run_alg, services, tmp_path, case, message):
    from qgis.core import QgsProcessingException
    params = outputs(tmp_path, INPUTS=services, CLUSTERS=3)
    if case == "constant":
        params["INPUTS"] = services[:2] + [write_raster(str(tmp_path / "flat.tif"), np.ones(GRID.shape, np.float32),
                                                        GRID, -9999.0)]
    elif case == "misaligned":
        other = Grid((X0, 2 * CELL, 0.0, Y0, 0.0, -2 * CELL), SRS.ExportToWkt(), 15, 20)
        params["INPUTS"] = services + [write_raster(str(tmp_path / "shifted.tif"), np.ones(other.shape, np.float32),
                                                    other, -9999.0)]
    else:
        small = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), SRS.ExportToWkt(), 1, 2)
        params["INPUTS"] = [write_raster(str(tmp_path / f"s{i}.tif"), np.array([[0.0, 1.0]], np.float32), small)
                            for i in range(2)]
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("esclusters", params)
    assert not os.path.exists(params["OUTPUT"]) and not os.path.exists(params["OUTPUT_PROFILES"])
