"""esclusters on rasters: planted zones recovered per cell and per unit, strips, sampling, profiles,
the HTML report, and bad input refused with no output."""
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.landuse import es_inputs
from ecosecurity.core.landuse.es_clusters import EsClusterOptions, UnitsInput, es_clusters, profile_fields
from ecosecurity.core.landuse.es_report import chart_paths, write_report
from ecosecurity.core.runtime.errors import GridMismatchError, InputError
from osgeo import ogr, osr

CELL = 100.0
X0, Y0 = 400000.0, 3000000.0
SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32650)
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), SRS.ExportToWkt(), 40, 60)
NAMES = ["carbon", "habitat", "water"]
#: four zones (quadrants of 20 × 30 cells), each with its own service profile
PROFILES = np.array([[0.9, 0.8, 0.3], [0.2, 0.3, 0.9], [0.1, 0.1, 0.1], [0.6, 0.9, 0.6]])


def zones():
    z = np.zeros(GRID.shape, dtype=np.int64)
    z[:20, 30:] = 1
    z[20:, :30] = 2
    z[20:, 30:] = 3
    return z


def write_services(folder, scale=(100.0, 1.0, 500.0), noise=0.05, nodata_corner=True):
    rng = np.random.default_rng(3)
    z = zones()
    paths = []
    for j, name in enumerate(NAMES):
        values = ((PROFILES[z, j] + rng.normal(0, noise, z.shape)) * scale[j]).astype(np.float32)
        if nodata_corner:
            values[:2, :2] = -9999.0
        paths.append(write_raster(os.path.join(folder, f"{name}.tif"), values, GRID, -9999.0))
    return paths


def ari(a, b):
    _, a = np.unique(a, return_inverse=True)
    _, b = np.unique(b, return_inverse=True)
    table = np.zeros((a.max() + 1, b.max() + 1))
    np.add.at(table, (a, b), 1)
    pairs = lambda x: float(np.sum(x * (x - 1) / 2.0))  # noqa: E731
    index, rows, cols = pairs(table), pairs(table.sum(1)), pairs(table.sum(0))
    expected = rows * cols / (len(a) * (len(a) - 1) / 2.0)
    return (index - expected) / (0.5 * (rows + cols) - expected)


@pytest.mark.parametrize("method", ["sofm", "kmeans"])
@pytest.mark.parametrize("standardise", ["minmax", "zscore"])
def test_planted_zones_are_recovered_cell_by_cell_with_the_nodata_kept(tmp_path, method, standardise):
    paths = write_services(str(tmp_path))
    out = str(tmp_path / "clusters.tif")
    result = es_clusters(paths, NAMES, out, EsClusterOptions(method=method, standardise=standardise, seed=1))
    got = read_raster(out)
    assert result.k == 4 and result.model.chosen_by == "silhouette"
    assert np.all(got.array[:2, :2] == 0) and got.nodata == 0
    keep = got.array > 0
    assert ari(zones()[keep], got.array[keep]) >= 0.9
    assert sum(row["cells"] for row in result.profiles) == keep.sum() == GRID.rows * GRID.cols - 4
    assert sum(row["area_pct"] for row in result.profiles) == pytest.approx(100.0)
    assert result.profiles[0]["area"] == pytest.approx(result.profiles[0]["cells"] * CELL * CELL / 1e6)


def test_the_profiles_are_the_mean_standardised_values_of_each_cluster(tmp_path):
    paths = write_services(str(tmp_path), nodata_corner=False)
    out = str(tmp_path / "clusters.tif")
    result = es_clusters(paths, NAMES, out, EsClusterOptions(method="kmeans", clusters=4, seed=0))
    labels = read_raster(out).array
    for j, path in enumerate(paths):
        raw = read_raster(path).array.astype(np.float64)
        z = (raw - raw.min()) / (raw.max() - raw.min())
        for row in result.profiles:
            members = labels == row["cluster"]
            assert row[f"std_{NAMES[j]}"] == pytest.approx(z[members].mean(), abs=1e-9)
            assert row[f"mean_{NAMES[j]}"] == pytest.approx(raw[members].mean(), rel=1e-6)
    assert list(result.profiles[0]) == profile_fields(result.fields)


def test_the_correlation_matrix_is_pearsons_r_over_the_valid_cells(tmp_path):
    paths = write_services(str(tmp_path))
    result = es_clusters(paths, NAMES, str(tmp_path / "c.tif"), EsClusterOptions(method="kmeans", clusters=2))
    rasters = [read_raster(p) for p in paths]
    valid = np.logical_and.reduce([r.valid for r in rasters])
    expected = np.corrcoef(np.array([r.array[valid].astype(np.float64) for r in rasters]))
    assert np.allclose(result.correlation, expected, atol=1e-9)


def test_many_strips_and_a_training_sample_give_the_same_seeded_map(tmp_path, monkeypatch):
    paths = write_services(str(tmp_path))
    options = EsClusterOptions(method="sofm", clusters=4, sample_size=900, seed=4)
    first = str(tmp_path / "a.tif")
    es_clusters(paths, NAMES, first, options)
    monkeypatch.setattr(es_inputs, "STRIP_VALUES", 3 * 60 * 3)    # strips of 3 rows instead of one strip
    monkeypatch.setattr(es_inputs, "row_blocks", lambda grid, cells: [
        (r, min(3, grid.rows - r)) for r in range(0, grid.rows, 3)])
    second = str(tmp_path / "b.tif")
    result = es_clusters(paths, NAMES, second, options)
    a, b = read_raster(first).array, read_raster(second).array
    assert np.array_equal(a, b)
    assert result.trained_on == 900 and result.samples == GRID.rows * GRID.cols - 4
    keep = a > 0
    assert ari(zones()[keep], a[keep]) >= 0.9


def box(col0, row0, col1, row1):
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - row1 * CELL, Y0 - row0 * CELL
    return bytes(ogr.CreateGeometryFromWkt(
        f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))").ExportToWkb())


def test_units_are_averaged_clustered_and_painted(tmp_path):
    paths = write_services(str(tmp_path))
    # eight units: each quadrant cut in two halves, plus one unit outside the rasters
    geometries = [box(c, r, c + 15, r + 20) for r in (0, 20) for c in (0, 15, 30, 45)] + [box(100, 100, 110, 110)]
    units = UnitsInput(geometries, SRS.ExportToWkt(), "townships")
    out = str(tmp_path / "units.tif")
    result = es_clusters(paths, NAMES, out, EsClusterOptions(method="kmeans", clusters=4, seed=2), units)
    clusters = result.unit_clusters
    assert clusters[8] == 0 and np.isnan(result.unit_values[8]).all()
    assert len(set(clusters[:8])) == 4
    assert [clusters[0] == clusters[1], clusters[2] == clusters[3], clusters[4] == clusters[5],
            clusters[6] == clusters[7]] == [True] * 4
    painted = read_raster(out).array
    assert painted[0, 0] == clusters[0] and painted[39, 59] == clusters[7]   # the whole unit, NoData cells too
    assert sum(row["units"] for row in result.profiles) == 8
    assert sum(row["cells"] for row in result.profiles) == GRID.rows * GRID.cols
    assert any("hold no cell" in note for note in result.notes)


def test_the_report_links_a_radar_chart_per_cluster_and_the_correlation_matrix(tmp_path):
    pytest.importorskip("matplotlib")
    paths = write_services(str(tmp_path))
    options = EsClusterOptions(method="sofm", seed=1)
    result = es_clusters(paths, NAMES, str(tmp_path / "c.tif"), options)
    page = str(tmp_path / "report.html")
    written = write_report(page, result, options, "Bundles")
    radars, correlation = chart_paths(page, result.k)
    assert set(written) == {page, correlation, *radars}
    for png in radars + [correlation]:
        with open(png, "rb") as handle:
            assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
    text = open(page, encoding="utf-8").read()
    assert all(os.path.basename(p) in text for p in radars + [correlation])
    assert "Silhouette" in text and "◀" in text


# ------------------------------------------------------------------ bad input: one clear error, no output
def test_an_all_constant_service_is_refused_by_name(tmp_path):
    paths = write_services(str(tmp_path))
    paths[1] = write_raster(str(tmp_path / "flat.tif"), np.full(GRID.shape, 3.0, np.float32), GRID, -9999.0)
    out = tmp_path / "c.tif"
    with pytest.raises(InputError, match="'habitat'.*same value"):
        es_clusters(paths, NAMES, str(out), EsClusterOptions())
    assert not out.exists()


def test_a_misaligned_service_is_refused_by_name(tmp_path):
    paths = write_services(str(tmp_path))
    shifted = Grid((X0 + 50.0, CELL, 0.0, Y0, 0.0, -CELL), SRS.ExportToWkt(), 40, 60)
    paths[2] = write_raster(str(tmp_path / "shifted.tif"), np.ones(GRID.shape, np.float32), shifted, -9999.0)
    out = tmp_path / "c.tif"
    with pytest.raises(GridMismatchError, match="'water'"):
        es_clusters(paths, NAMES, str(out), EsClusterOptions())
    assert not out.exists()


def test_fewer_than_two_services_are_refused(tmp_path):
    paths = write_services(str(tmp_path))
    with pytest.raises(InputError, match="at least two"):
        es_clusters(paths[:1], NAMES[:1], str(tmp_path / "c.tif"), EsClusterOptions())
    assert not (tmp_path / "c.tif").exists()


def test_more_clusters_than_valid_cells_are_refused(tmp_path):
    small = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), SRS.ExportToWkt(), 2, 3)
    rng = np.random.default_rng(0)
    paths = [write_raster(str(tmp_path / f"{n}.tif"), rng.random(small.shape).astype(np.float32), small, -9999.0)
             for n in NAMES]
    with pytest.raises(InputError, match="CLUSTERS = 7 is larger than the number of cells"):
        es_clusters(paths, NAMES, str(tmp_path / "c.tif"), EsClusterOptions(clusters=7))
    assert not (tmp_path / "c.tif").exists()


def test_units_outside_the_rasters_are_refused(tmp_path):
    paths = write_services(str(tmp_path))
    units = UnitsInput([box(100, 100, 110, 110)], SRS.ExportToWkt(), "townships")
    with pytest.raises(InputError, match="No unit of 'townships'"):
        es_clusters(paths, NAMES, str(tmp_path / "c.tif"), EsClusterOptions(clusters=2), units)
    assert not (tmp_path / "c.tif").exists()


def test_a_less_is_better_service_is_reversed_in_the_profiles_and_the_correlations(tmp_path):
    paths = write_services(str(tmp_path))
    plain = es_clusters(paths, NAMES, str(tmp_path / "a.tif"), EsClusterOptions(method="kmeans", clusters=4, seed=0))
    flipped = es_clusters(paths, NAMES, str(tmp_path / "b.tif"),
                          EsClusterOptions(method="kmeans", clusters=4, seed=0, directions=[1, 1, -1]))
    assert np.array_equal(read_raster(str(tmp_path / "a.tif")).array, read_raster(str(tmp_path / "b.tif")).array)
    for a, b in zip(plain.profiles, flipped.profiles):
        assert b["std_water"] == pytest.approx(1.0 - a["std_water"])
        assert b["mean_water"] == pytest.approx(a["mean_water"])          # raw means stay raw
    signs = np.array([1, 1, -1])
    assert np.allclose(flipped.correlation, plain.correlation * np.outer(signs, signs))
    with pytest.raises(InputError, match="2 direction"):
        es_clusters(paths, NAMES, str(tmp_path / "c.tif"), EsClusterOptions(directions=[1, -1]))


def test_a_cancel_stops_the_run_within_a_few_progress_steps_and_writes_nothing(tmp_path):
    from ecosecurity.core.runtime.errors import CancelledError
    from ecosecurity.core.runtime.progress import Progress
    paths = write_services(str(tmp_path))
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 30          # during the SOFM training
    out = tmp_path / "c.tif"
    with pytest.raises(CancelledError):
        es_clusters(paths, NAMES, str(out), EsClusterOptions(seed=1), progress=Progress(None, cancelled))
    assert not out.exists() and len(calls) == 31
