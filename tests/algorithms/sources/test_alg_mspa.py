"""ecosecurity:mspa through Processing: official bytes from a land-use raster, style, statistics,
clear errors without output."""
import csv
import os
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, epsg_wkt, read_raster, write_raster
from refpaths import REFERENCE

SYNTHETIC = REFERENCE / "mspa" / "synthetic"



def landuse_from(case, tmp_path, habitat=(1, 8), other=(4, 5)):
    """A land-use raster (Int16, NoData -1) whose habitat classes are the case's foreground."""
    codes = read_raster(str(SYNTHETIC / case) + ".tif").array
    rng = np.random.default_rng(0)
    values = np.where(codes == 2, rng.choice(habitat, codes.shape), rng.choice(other, codes.shape))
    values = np.where(codes == 0, -1, values).astype(np.int16)
    grid = Grid((36500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0), epsg_wkt(4545), *codes.shape)
    return write_raster(tmp_path / f"{case}_landuse.tif", values, grid, nodata=-1), grid


@pytest.mark.parametrize("case, params", [
    ("t09_random120", {}),
    ("t09_random120", {"CONNECTIVITY": 1}),
    ("t08_widebridge", {"EDGE_WIDTH": 2}),
    ("t04_loop", {"INTEXT": False}),
])
def test_output_is_the_official_bytes_of_the_habitat_map(run_alg, tmp_path, case, params):
    source, grid = landuse_from(case, tmp_path)
    g = (8, 4)[params.get("CONNECTIVITY", 0)]
    w = params.get("EDGE_WIDTH", 1)
    i = int(params.get("INTEXT", True))
    expected = read_raster(str(SYNTHETIC / f"{case}_{g}_{w}_1_{i}") + ".tif").array
    result = run_alg("mspa", {"INPUT": source, "FOREGROUND_VALUES": "1,8", "MISSING_VALUES": "",
                              "OUTPUT": str(tmp_path / "mspa.tif"), **params})
    out = read_raster(result["OUTPUT"])
    assert int((out.array != expected).sum()) == 0
    assert out.grid.geotransform == grid.geotransform and out.grid.crs_wkt


def test_output_is_styled_with_the_mspa_legend(run_alg, tmp_path):
    source, _ = landuse_from("t03_bridge", tmp_path)
    result = run_alg("mspa", {"INPUT": source, "FOREGROUND_VALUES": "1,8",
                              "OUTPUT": str(tmp_path / "m.tif")})
    qml = Path(os.path.splitext(result["OUTPUT"])[0] + ".qml")
    assert "Bridge 桥接区" in qml.read_text(encoding="utf-8")


def test_transition_off_uses_the_other_legend(run_alg, tmp_path):
    source, _ = landuse_from("t03_bridge", tmp_path)
    result = run_alg("mspa", {"INPUT": source, "FOREGROUND_VALUES": "1,8", "TRANSITION": False,
                              "OUTPUT": str(tmp_path / "m.tif")})
    qml = Path(os.path.splitext(result["OUTPUT"])[0] + ".qml").read_text(encoding="utf-8")
    assert 'value="35" label="Bridge in Edge 边缘区中的桥接区" color="#000000"' in qml


@pytest.mark.parametrize("suffix", ["csv", "html"])
def test_statistics_table_is_written(run_alg, tmp_path, suffix):
    source, _ = landuse_from("t09_random120", tmp_path)
    stats = str(tmp_path / f"stats.{suffix}")
    result = run_alg("mspa", {"INPUT": source, "FOREGROUND_VALUES": "1,8",
                              "OUTPUT": str(tmp_path / "m.tif"), "OUTPUT_STATS": stats})
    assert result["OUTPUT_STATS"] == stats
    text = Path(stats).read_text(encoding="utf-8-sig")
    if suffix == "csv":
        rows = {row["key"]: row for row in csv.DictReader(text.splitlines())}
        assert float(rows["core"]["area"]) == int(rows["core"]["pixels"]) * 900.0
    else:
        assert "Core 核心区" in text


@pytest.mark.parametrize("params, message", [
    ({"FOREGROUND_VALUES": "7"}, "no habitat"),
    ({"FOREGROUND_VALUES": "1,4,5,8"}, "no background"),
    ({"FOREGROUND_VALUES": "a,b"}, "FOREGROUND_VALUES"),
    ({"FOREGROUND_VALUES": "1", "MISSING_VALUES": "1"}, "both"),
])
def test_bad_input_is_one_clear_error_and_no_output(run_alg, tmp_path, params, message):
    from qgis.core import QgsProcessingException
    source, _ = landuse_from("t03_bridge", tmp_path)
    out = tmp_path / "never.tif"
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("mspa", {"INPUT": source, "OUTPUT": str(out), **params})
    assert not out.exists()


def test_float_raster_with_fractions_is_refused(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    values = np.array([[1.0, 2.0, 1.0], [2.5, 2.0, 1.0]], dtype=np.float32)
    source = write_raster(tmp_path / "f.tif", values, Grid((0, 1, 0, 2, 0, -1), epsg_wkt(4545), 2, 3))
    with pytest.raises(QgsProcessingException, match="non-integer"):
        run_alg("mspa", {"INPUT": source, "OUTPUT": str(tmp_path / "o.tif")})
    assert not (tmp_path / "o.tif").exists()


def test_edge_width_below_one_is_refused(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    source, _ = landuse_from("t03_bridge", tmp_path)
    with pytest.raises(QgsProcessingException):
        run_alg("mspa", {"INPUT": source, "FOREGROUND_VALUES": "1,8", "EDGE_WIDTH": 0,
                         "OUTPUT": str(tmp_path / "o.tif")})
    assert not (tmp_path / "o.tif").exists()


def test_a_map_too_large_for_memory_is_refused_before_running(run_alg, tmp_path, monkeypatch):
    from ecosecurity.core.runtime import memory
    from qgis.core import QgsProcessingException
    monkeypatch.setattr(memory, "available_memory", lambda: 64 * 1024 * 1024)
    source, _ = landuse_from("t03_bridge", tmp_path)
    with pytest.raises(QgsProcessingException, match="MSPA on .* needs about"):
        run_alg("mspa", {"INPUT": source, "FOREGROUND_VALUES": "1,8", "OUTPUT": str(tmp_path / "o.tif")})
    assert not (tmp_path / "o.tif").exists()


def test_cancel_writes_nothing(run_alg, tmp_path):
    from qgis.core import QgsProcessingFeedback
    source, _ = landuse_from("t09_random120", tmp_path)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    run_alg("mspa", {"INPUT": source, "FOREGROUND_VALUES": "1,8", "OUTPUT": str(tmp_path / "o.tif")},
            feedback=feedback)
    assert not (tmp_path / "o.tif").exists()


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


def test_statistics_on_a_geographic_crs_are_in_pixels_with_a_warning(run_alg, tmp_path):
    source, grid = landuse_from("t09_random120", tmp_path)
    values = read_raster(source).array
    geographic = Grid((110.0, 0.0003, 0.0, 30.0, 0.0, -0.0003), epsg_wkt(4326), *values.shape)
    path = write_raster(tmp_path / "wgs84.tif", values, geographic, nodata=-1)
    feedback = warning_feedback()
    result = run_alg("mspa", {"INPUT": path, "FOREGROUND_VALUES": "1,8", "OUTPUT": str(tmp_path / "m.tif"),
                              "OUTPUT_STATS": str(tmp_path / "s.csv")}, feedback=feedback)
    with open(result["OUTPUT_STATS"], encoding="utf-8-sig") as handle:
        rows = {row["key"]: row for row in csv.DictReader(handle)}
    assert rows["core"]["area_unit"] == "pixels" and float(rows["core"]["area"]) == int(rows["core"]["pixels"])
    assert any("geographic" in text and "pixels" in text for text in feedback.warnings)


def test_untagged_minus_9999_is_missing_not_background(run_alg, tmp_path):
    source, grid = landuse_from("t03_bridge", tmp_path)
    values = read_raster(source).array.astype(np.int16)
    missing = np.zeros(values.shape, bool)
    missing[0, :5] = True
    values[missing] = -9999
    path = write_raster(tmp_path / "untagged.tif", values, grid)            # no NoData tag
    feedback = warning_feedback()
    result = run_alg("mspa", {"INPUT": path, "FOREGROUND_VALUES": "1,8", "MISSING_VALUES": "",
                              "OUTPUT": str(tmp_path / "m.tif")}, feedback=feedback)
    out = read_raster(result["OUTPUT"]).array
    assert missing.any() and (out[missing] == 129).all()
    assert any("-9999" in text and "gdal_edit.py" in text for text in feedback.warnings)
