"""The NoData rule (core/io/nodata.py) seen through Processing: an untagged -9999 is NoData with a
warning in the log, an untagged Byte 255 stays data with a warning."""
import numpy as np
from ecosecurity.core.io.raster import Grid, epsg_wkt, read_raster, write_raster

GRID = Grid((500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0), epsg_wkt(32650), 4, 5)


def warning_feedback():
    """A feedback that records the warnings pushed to the Processing log."""
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802 (QGIS API name)
            self.warnings.append(text)
            super().pushWarning(text)
    return Recorder()


def test_classifyraster_treats_untagged_minus_9999_as_nodata_with_a_warning(run_alg, tmp_path):
    values = np.arange(1, 21, dtype=np.float32).reshape(4, 5)
    values[0, :3] = -9999
    dem = write_raster(tmp_path / "dem.tif", values, GRID)                  # no NoData tag
    feedback = warning_feedback()
    result = run_alg("classifyraster", {"INPUT": dem, "METHOD": 1, "CLASSES": 2, "OUTPUT": str(tmp_path / "c.tif")},
                     feedback=feedback)
    out = read_raster(result["OUTPUT"])
    assert not out.valid[0, :3].any() and out.valid[0, 3:].all()
    warned = [text for text in feedback.warnings if "-9999" in text]
    assert len(warned) == 1 and "dem" in warned[0] and "3 cell(s)" in warned[0] and "gdal_edit.py" in warned[0]


def test_classifyraster_keeps_untagged_byte_255_as_data_with_a_warning(run_alg, tmp_path):
    values = np.arange(1, 21, dtype=np.uint8).reshape(4, 5)
    values[3, 4] = 255
    landuse = write_raster(tmp_path / "landuse.tif", values, GRID)
    feedback = warning_feedback()
    result = run_alg("classifyraster", {"INPUT": landuse, "METHOD": 1, "CLASSES": 2,
                                        "OUTPUT": str(tmp_path / "c.tif")}, feedback=feedback)
    assert read_raster(result["OUTPUT"]).valid.all()
    assert any("255" in text and "gdal_edit.py -a_nodata 255" in text for text in feedback.warnings)
