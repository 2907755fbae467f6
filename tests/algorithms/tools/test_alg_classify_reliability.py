"""Issue 13 (nothing silent): classifyraster warns when it returns fewer classes than asked."""
import numpy as np
from ecosecurity.core.io.raster import Grid, write_raster
from osgeo import osr


def test_a_constant_raster_warns_with_the_number_of_classes_asked_and_obtained(run_alg, tmp_path):
    from qgis.core import QgsProcessingFeedback
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32648)
    grid = Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0), srs.ExportToWkt(), 8, 8)
    source = write_raster(tmp_path / "flat.tif", np.full((8, 8), 7.0, np.float32), grid, nodata=-1)

    class Recorder(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, message):  # noqa: N802 (QGIS API name)
            self.warnings.append(message)

    for method in (0, 1):   # natural breaks; quantile, which used to fail on a constant band
        feedback = Recorder()
        Recorder.warnings = []
        run_alg("classifyraster", {"INPUT": source, "METHOD": method, "CLASSES": 5,
                                   "OUTPUT": str(tmp_path / f"classes{method}.tif")}, feedback)
        assert any("5 classes were asked" in w and "only 1 class" in w for w in Recorder.warnings), Recorder.warnings
