"""Issue 19: classifyraster streams row strips; breaks, classes and the class table equal those of
the whole band in memory (compute_breaks / apply_breaks / class_summary), bit for bit."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.tools.classify import apply_breaks, class_summary, compute_breaks
from ecosecurity.core.tools.classify_raster import classify_raster, output_type
from osgeo import osr

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32648)


def in_memory(path, method, classes, thresholds, sample_size, seed):
    raster = read_raster(path)
    values = raster.array[raster.valid]
    if np.issubdtype(values.dtype, np.floating):
        values = values[np.isfinite(values)]
    breaks = compute_breaks(values, method, classes, thresholds, sample_size, seed)
    dtype, nodata = output_type(np.arange(1.0, len(breaks)))
    out = apply_breaks(raster.array, breaks, None, False, raster.valid, nodata).astype(dtype)
    rows = class_summary(raster.array, breaks, raster.valid, 30.0 * 30.0)
    return breaks, out, [(c, lo, hi, float(c), n, area) for c, lo, hi, n, area in rows]


def random_band(seed, shape):
    rng = np.random.default_rng(seed)
    kind = seed % 3
    if kind == 0:
        data = rng.gamma(2.0, 3.0, shape).astype(np.float32)
        data[rng.random(shape) < 0.05] = np.inf
        return data, -9999.0
    if kind == 1:
        return rng.integers(-5, 40, shape).astype(np.int16), -32768
    return np.round(rng.normal(size=shape), 2).astype(np.float64), -9999.0


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("method, sample_size", [(0, 10000), (0, 200), (0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0)])
def test_strips_give_the_whole_band_result(tmp_path, seed, method, sample_size):
    shape = (37, 23)
    data, nodata = random_band(seed, shape)
    data[np.random.default_rng(seed + 50).random(shape) < 0.1] = nodata
    grid = Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0), SRS.ExportToWkt(), *shape)
    path = write_raster(tmp_path / "band.tif", data, grid, nodata=nodata)
    thresholds = [1.0, 4.0, 9.5] if method == 5 else None
    classes = 4 + seed % 3
    breaks, out, rows = in_memory(path, method, classes, thresholds, sample_size, seed)
    got_breaks, got_rows = classify_raster(path, tmp_path / "classes.tif", method=method, classes=classes,
                                           thresholds=thresholds, sample_size=sample_size, seed=seed,
                                           block_cells=2 * shape[1] + 1)
    assert got_breaks.tobytes() == breaks.tobytes()
    assert got_rows == rows
    written = read_raster(tmp_path / "classes.tif").array
    assert written.dtype == out.dtype and written.tobytes() == out.tobytes()


@pytest.mark.parametrize("seed", range(5))
def test_standard_deviation_above_the_exact_limit_merges_strip_moments(tmp_path, monkeypatch, seed):
    from ecosecurity.core.tools import classify_raster as module
    monkeypatch.setattr(module, "EXACT_VALUES", 10)
    rng = np.random.default_rng(seed)
    data = (rng.normal(size=(61, 47)) * 10.0 ** int(rng.integers(-3, 4)) + 1e3).astype(np.float32)
    grid = Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0), SRS.ExportToWkt(), *data.shape)
    path = write_raster(tmp_path / "band.tif", data, grid, nodata=-9999.0)
    breaks, out, rows = in_memory(path, 4, 5, None, 0, 0)
    got_breaks, got_rows = classify_raster(path, tmp_path / "classes.tif", method=4, classes=5, block_cells=3 * 47)
    np.testing.assert_allclose(got_breaks, breaks, rtol=1e-12, atol=0)
    assert [row[4] for row in got_rows] == [row[4] for row in rows]
