"""Issue 13 (nothing silent): a raster that yields fewer classes than asked gets a warning, and a constant
band is one class for every method (quantile and standard deviation used to crash)."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.runtime.errors import EcoSecurityWarning
from ecosecurity.core.tools.classify_raster import classify_raster
from osgeo import osr

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32648)
GRID = Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0), SRS.ExportToWkt(), 10, 10)


@pytest.mark.parametrize("method", [0, 1, 2, 3, 4])
def test_a_constant_band_warns_with_the_classes_asked_and_obtained(tmp_path, method):
    source = write_raster(tmp_path / "constant.tif", np.full((10, 10), 3.0, np.float32), GRID, nodata=-1)
    with pytest.warns(EcoSecurityWarning, match=r"5 classes were asked .* only 1 class"):
        classify_raster(source, tmp_path / "classes.tif", method=method, classes=5)
    out = read_raster(tmp_path / "classes.tif")
    assert np.unique(out.array[out.valid]).tolist() == [1]


def test_as_many_classes_as_asked_gives_no_warning(tmp_path, recwarn):
    values = np.arange(100, dtype=np.float32).reshape(10, 10)
    source = write_raster(tmp_path / "ramp.tif", values, GRID, nodata=-1)
    classify_raster(source, tmp_path / "classes.tif", method=0, classes=5)
    assert not [w for w in recwarn if issubclass(w.category, EcoSecurityWarning)]
