"""ecosecurity:habitatpatches through Processing: patches, protected areas, raster ids, clear errors."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, epsg_wkt, read_raster, write_raster

GRID = Grid((500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0), epsg_wkt(32650), 6, 8)


@pytest.fixture
def mspa(tmp_path):
    """MSPA-like classes on 100 m cells: a 6-cell core (6 ha), a 1-cell core, perforation core 117."""
    values = np.full((6, 8), 1, dtype=np.uint8)
    values[0:2, 0:3] = 17
    values[5, 7] = 17
    values[3, 4] = 117
    values[0, 7] = 129
    return write_raster(tmp_path / "mspa.tif", values, GRID, nodata=129)


def features(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(str(path), "p", "ogr")
    names = layer.fields().names()
    return [(dict(zip(names, f.attributes())), f.geometry()) for f in layer.getFeatures()]


def test_core_patches_above_the_minimum_area_become_polygons(run_alg, mspa, tmp_path):
    result = run_alg("habitatpatches", {"INPUT": mspa, "MIN_AREA": 2.0, "OUTPUT": str(tmp_path / "p.gpkg"),
                                        "OUTPUT_RASTER": str(tmp_path / "ids.tif")})
    rows = features(result["OUTPUT"])
    assert len(rows) == 1
    attributes, geometry = rows[0]
    assert attributes["patch_id"] == 1 and attributes["source"] == "area"
    assert attributes["area_ha"] == pytest.approx(6.0) and geometry.area() == pytest.approx(60000.0)
    assert attributes["perimeter_m"] == pytest.approx(1000.0)
    ids = read_raster(result["OUTPUT_RASTER"])
    assert int((ids.array == 1).sum()) == 6 and result["PATCH_COUNT"] == 1
    assert result["TOTAL_AREA_KM2"] == pytest.approx(0.06)
    assert (tmp_path / "p.qml").exists()


def test_default_classes_are_mspa_core_and_perforation_core(run_alg, mspa, tmp_path):
    result = run_alg("habitatpatches", {"INPUT": mspa, "OUTPUT": str(tmp_path / "p.gpkg")})
    assert sorted(a["area_ha"] for a, _ in features(result["OUTPUT"])) == [1.0, 1.0, 6.0]


def test_protected_areas_are_added_as_sources(run_alg, mspa, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    reserves = QgsVectorLayer("Polygon?crs=EPSG:32650", "reserves", "memory")
    feature = QgsFeature()
    # cells (row 4..5, col 0..1): x 500000-500200, y 2999400-2999600
    feature.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((500000 2999400,500200 2999400,500200 2999600,500000 2999600,500000 2999400))"))
    reserves.dataProvider().addFeatures([feature])
    result = run_alg("habitatpatches", {"INPUT": mspa, "MIN_AREA": 2.0, "PROTECTED": reserves,
                                        "OUTPUT": str(tmp_path / "p.gpkg")})
    rows = sorted(features(result["OUTPUT"]), key=lambda row: row[0]["patch_id"])
    assert [(a["source"], a["area_ha"]) for a, _ in rows] == [("area", 6.0), ("protected", 4.0)]


def test_geographic_raster_is_refused(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    grid = Grid((100.0, 0.001, 0.0, 30.0, 0.0, -0.001), epsg_wkt(4326), 3, 3)
    path = write_raster(tmp_path / "geo.tif", np.full((3, 3), 17, dtype=np.uint8), grid)
    with pytest.raises(QgsProcessingException, match="not metres"):
        run_alg("habitatpatches", {"INPUT": path, "OUTPUT": str(tmp_path / "p.gpkg")})
    assert not (tmp_path / "p.gpkg").exists()


def test_bad_classes_are_a_clear_error(run_alg, mspa, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="comma-separated"):
        run_alg("habitatpatches", {"INPUT": mspa, "CLASSES": "core", "OUTPUT": str(tmp_path / "p.gpkg")})


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


def test_absent_classes_are_an_error_not_zero_patches(run_alg, mspa, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match=r"\(5, 6\).*values are 1, 17, 117"):
        run_alg("habitatpatches", {"INPUT": mspa, "CLASSES": "5,6", "OUTPUT": str(tmp_path / "p.gpkg")})
    assert not (tmp_path / "p.gpkg").exists()


def test_all_nodata_raster_is_an_error_not_zero_patches(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    path = write_raster(tmp_path / "empty.tif", np.full((6, 8), 129, np.uint8), GRID, nodata=129)
    with pytest.raises(QgsProcessingException, match="only NoData"):
        run_alg("habitatpatches", {"INPUT": path, "OUTPUT": str(tmp_path / "p.gpkg")})
    assert not (tmp_path / "p.gpkg").exists()


def test_protected_areas_outside_the_extent_are_a_warning(run_alg, mspa, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    reserves = QgsVectorLayer("Polygon?crs=EPSG:32650", "far reserves", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((900000 2999400,900200 2999400,900200 2999600,900000 2999600,900000 2999400))"))
    reserves.dataProvider().addFeatures([feature])
    feedback = warning_feedback()
    result = run_alg("habitatpatches", {"INPUT": mspa, "MIN_AREA": 2.0, "PROTECTED": reserves,
                                        "OUTPUT": str(tmp_path / "p.gpkg")}, feedback=feedback)
    assert result["PATCH_COUNT"] == 1
    assert any("cover no valid cell" in text for text in feedback.warnings)
