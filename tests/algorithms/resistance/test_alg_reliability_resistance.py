"""Issue 13 (nothing lost, nothing silent) in the resistance room through Processing: size guards before
any data is read, once-per-step progress, weights tables with text, non-numeric fields named."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, write_raster
from osgeo import gdal, osr

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32648)
UTM = SRS.ExportToWkt()
GB = 1 << 30


def recorder():
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings, self.errors, self.texts = [], [], []

        def pushWarning(self, message):  # noqa: N802 (QGIS API name)
            self.warnings.append(message)
            super().pushWarning(message)

        def reportError(self, message, fatalError=False):  # noqa: N802 (QGIS API name)
            self.errors.append(message)
            super().reportError(message, fatalError)

        def setProgressText(self, text):  # noqa: N802 (QGIS API name)
            self.texts.append(text)
            super().setProgressText(text)
    return Recorder()


def huge_raster(path, size=200_000):
    """A ``size`` x ``size`` byte GeoTIFF created sparse (no block written): instant, a few MB."""
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal.GDT_Byte,
                                                   ["TILED=YES", "SPARSE_OK=TRUE", "COMPRESS=DEFLATE", "BIGTIFF=YES"])
    dataset.SetGeoTransform((500000.0, 30.0, 0.0, 9000000.0, 0.0, -30.0))
    dataset.SetProjection(UTM)
    dataset = None
    return str(path)


@pytest.fixture
def small_rasters(tmp_path):
    grid = Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0), UTM, 40, 10)
    rng = np.random.default_rng(3)
    return [write_raster(tmp_path / f"{name}.tif", rng.random((40, 10)).astype(np.float32), grid)
            for name in ("slope", "ndvi")]


@pytest.fixture
def little_free_memory(monkeypatch):
    from ecosecurity.core.runtime import memory
    monkeypatch.setattr(memory, "available_memory", lambda: 16 * GB)


def free_disk(monkeypatch, free):
    import shutil

    from ecosecurity.core.io import staging
    real = shutil.disk_usage

    def usage(path):
        total, used, _ = real(path)
        return type(real(path))(total, used, free)
    monkeypatch.setattr(staging.shutil, "disk_usage", usage)


def test_resistance_surface_on_a_200000_square_grid_is_refused_at_once_with_disk_estimate_and_what_fits(
        run_alg, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingException
    free_disk(monkeypatch, 50 * 10 ** 9)
    huge = huge_raster(tmp_path / "huge.tif")
    factors = ["factor", "land use", huge, "1", "value", "", "", "1", ""]
    with pytest.raises(QgsProcessingException) as error:
        run_alg("resistancesurface", {"REFERENCE": huge, "FACTORS": factors, "OUTPUT": str(tmp_path / "r.tif")})
    text = str(error.value)
    assert "need about 160.00 GB" in text and "50.00 GB are free" in text
    assert "times coarser" in text and "extent of at most" in text
    assert not (tmp_path / "r.tif").exists()


def test_suitability_with_planning_zones_on_a_200000_square_grid_is_refused_before_reading_with_the_estimate(
        run_alg, tmp_path, monkeypatch, little_free_memory):
    from ecosecurity.core.io.vector import write_vector
    from osgeo import ogr
    from qgis.core import QgsProcessingException
    free_disk(monkeypatch, 10 ** 15)
    huge = huge_raster(tmp_path / "huge.tif")
    zones = write_vector(tmp_path / "plan.gpkg", [("POLYGON ((500000 9000000, 500300 9000000, 500300 8999700, "
                                                   "500000 8999700, 500000 9000000))", {"space": 3})],
                         UTM, ogr.wkbPolygon, [("space", ogr.OFTInteger)])
    factors = []
    for function in ("production", "living", "ecological"):
        factors += ["factor", function, function, huge, "1", "value", "", "", "1", ""]
    outputs = {name: str(tmp_path / f"{name.lower()}.tif") for name in
               ("OUTPUT_PRODUCTION", "OUTPUT_LIVING", "OUTPUT_ECOLOGICAL", "OUTPUT_SPACES")}
    with pytest.raises(QgsProcessingException) as error:
        run_alg("suitability", {"LANDUSE": huge, "FACTORS": factors, "PLANNING_ZONES": zones,
                                "AREA_TABLE": str(tmp_path / "areas.csv"), **outputs})
    text = str(error.value)
    assert "Suitability on the grid of 'huge' (200000 x 200000 cells) needs about" in text
    assert "16.0 GB is available" in text and "times coarser" in text


def test_entropy_weights_estimate_memory_before_reading_and_say_what_would_fit(run_alg, tmp_path, monkeypatch,
                                                                                small_rasters):
    from ecosecurity.core.runtime import memory
    from qgis.core import QgsProcessingException
    monkeypatch.setattr(memory, "available_memory", lambda: 1 << 20)
    with pytest.raises(QgsProcessingException, match=r"Entropy weights of 2 rasters .*\(10 x 40 cells\) needs about "
                                                     r".*1\.0 MB is available.*would fit"):
        run_alg("entropyweights", {"FACTORS": small_rasters, "OUTPUT": str(tmp_path / "e.csv")})


def test_entropy_weights_log_each_progress_text_once_per_step_not_once_per_block(run_alg, tmp_path, monkeypatch,
                                                                                small_rasters):
    from ecosecurity.core.io import blockio
    monkeypatch.setattr(blockio, "BLOCK_CELLS", 10)   # 40 strips of one row, two passes
    feedback = recorder()
    run_alg("entropyweights", {"FACTORS": small_rasters, "OUTPUT": str(tmp_path / "e.csv")}, feedback)
    assert len(feedback.texts) == len(set(feedback.texts)) == 2, feedback.texts


def test_entropy_ahp_weights_table_with_text_names_file_row_column_and_value(run_alg, tmp_path, small_rasters):
    from qgis.core import QgsProcessingException
    ahp = tmp_path / "ahp.csv"
    ahp.write_text("criterion,weight\nslope,0.7\nndvi,high\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"Weights table AHP_WEIGHTS \('.*ahp.csv'\), row 2 \('ndvi'\), "
                                                     r"column 'weight': 'high' is not a number"):
        run_alg("entropyweights", {"FACTORS": small_rasters, "AHP_WEIGHTS": str(ahp), "COMBINATION": 1,
                                   "OUTPUT": str(tmp_path / "e.csv")})


def test_resistance_weights_table_with_text_names_file_row_column_and_value(run_alg, tmp_path, small_rasters):
    from qgis.core import QgsProcessingException
    weights = tmp_path / "w.csv"
    weights.write_text("criterion,weight\nslope,x\nndvi,0.5\n", encoding="utf-8")
    factors = ["factor", "slope", small_rasters[0], "1", "equal_interval", "3", "", "", "",
               "factor", "ndvi", small_rasters[1], "1", "equal_interval", "3", "", "", ""]
    with pytest.raises(QgsProcessingException, match=r"Weights table WEIGHTS_TABLE \('.*w.csv'\), row 1 \('slope'\), "
                                                     r"column 'weight': 'x' is not a number"):
        run_alg("resistancesurface", {"REFERENCE": small_rasters[0], "FACTORS": factors,
                                      "WEIGHTS_TABLE": str(weights), "OUTPUT": str(tmp_path / "r.tif")})
    assert not (tmp_path / "r.tif").exists()


def test_entropy_of_a_table_warns_naming_a_text_column_it_leaves_out(run_alg, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("site,x,y,z\nA,1,2,3\nB,2,5,4\nC,3,1,n/a\n", encoding="utf-8")
    feedback = recorder()
    result = run_alg("entropyweights", {"TABLE": str(path), "OUTPUT": str(tmp_path / "e.csv")}, feedback)
    assert any("'site' is not numeric" in w for w in feedback.warnings), feedback.warnings
    assert any("'z' is left out" in w and "row 3 holds 'n/a'" in w for w in feedback.warnings), feedback.warnings
    from qgis.core import QgsVectorLayer
    assert [f["criterion"] for f in QgsVectorLayer(result["OUTPUT"], "e", "ogr").getFeatures()] == ["x", "y"]


def test_entropy_of_a_chosen_text_field_names_row_and_value(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    path = tmp_path / "t.csv"
    path.write_text("x,z\n1,3\n2,4\n3,n/a\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="Field 'z' .*row 3 has 'n/a'"):
        run_alg("entropyweights", {"TABLE": str(path), "FIELDS": ["x", "z"], "OUTPUT": str(tmp_path / "e.csv")})
