"""Issue 19: without a maximum distance the whole grid is held; a run that does not fit is refused
before any work, saying what would fit and that a maximum distance would stream the grid."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, write_raster
from osgeo import gdal, osr

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(4545)


def test_uncapped_distance_that_does_not_fit_is_refused_with_what_would_fit(run_alg, tmp_path, monkeypatch):
    from ecosecurity.core.runtime import memory
    from qgis.core import QgsProcessingException
    reference = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "big.tif"), 40_000, 40_000, 1, gdal.GDT_Byte,
                                                     ["TILED=YES", "SPARSE_OK=TRUE", "BIGTIFF=YES"])
    reference.SetGeoTransform((560000.0, 30.0, 0.0, 3810000.0, 0.0, -30.0))
    reference.SetProjection(SRS.ExportToWkt())
    reference = None
    sources = write_raster(tmp_path / "src.tif", np.ones((2, 2), np.uint8),
                           Grid((560000.0, 30.0, 0.0, 3810000.0, 0.0, -30.0), SRS.ExportToWkt(), 2, 2))
    monkeypatch.setattr(memory, "available_memory", lambda: 1 << 30)
    with pytest.raises(QgsProcessingException, match=r"(?s)without a maximum distance \(set one to process the grid "
                                                     r"in strips\).*needs about 37\.3 GB.*times coarser"):
        run_alg("distance", {"INPUT_RASTER": sources, "REFERENCE": str(tmp_path / "big.tif"),
                             "OUTPUT": str(tmp_path / "d.tif")})
    assert not (tmp_path / "d.tif").exists()
