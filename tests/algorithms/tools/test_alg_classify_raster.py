"""ecosecurity:classifyraster through Processing: outputs, table, errors without output files."""
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, epsg_wkt, read_raster, write_raster

GRID = Grid((36500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0), epsg_wkt(4545), 4, 5)


@pytest.fixture
def dem(tmp_path):
    values = np.arange(20, dtype=np.float32).reshape(4, 5) * 10
    values[0, 0] = -9999
    return write_raster(tmp_path / "dem.tif", values, GRID, nodata=-9999)


def test_manual_breaks_with_scores_write_scored_classes_and_keep_nodata(run_alg, dem, tmp_path):
    out = str(tmp_path / "classes.tif")
    result = run_alg("classifyraster", {"INPUT": dem, "METHOD": 5, "BREAKS": "50,100,150",
                                        "SCORES": "10,30,50,70", "OUTPUT": out})
    raster = read_raster(result["OUTPUT"])
    assert raster.array[0, 0] == raster.nodata and not raster.valid[0, 0]
    assert raster.array[0, 1:].tolist() == [10, 10, 10, 10]   # 10..40
    assert raster.array[3].tolist() == [50, 70, 70, 70, 70]     # 150 | 160..190


def test_class_table_lists_counts_and_areas(run_alg, dem, tmp_path):
    from qgis.core import QgsVectorLayer
    result = run_alg("classifyraster", {"INPUT": dem, "METHOD": 2, "CLASSES": 2,
                                        "OUTPUT": str(tmp_path / "c.tif"),
                                        "OUTPUT_TABLE": str(tmp_path / "table.csv")})
    table = QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr")
    rows = [f.attributes() for f in table.getFeatures()]
    assert [int(r[4]) for r in rows] == [10, 9]   # 10..100 | 110..190
    assert float(rows[0][5]) == pytest.approx(10 * 900)


def test_reverse_gives_the_lowest_class_the_highest_score(run_alg, dem, tmp_path):
    result = run_alg("classifyraster", {"INPUT": dem, "METHOD": 2, "CLASSES": 2, "REVERSE": True,
                                        "OUTPUT": str(tmp_path / "r.tif")})
    raster = read_raster(result["OUTPUT"])
    assert raster.array[0, 1] == 2 and raster.array[3, 4] == 1


@pytest.mark.parametrize("parameters, message", [
    ({"METHOD": 5, "BREAKS": "100,50"}, "ascending"),
    ({"METHOD": 5}, "no break values"),
    ({"METHOD": 1, "SCORES": "1,2"}, "one score per class"),
    ({"BAND": 3}, "band 3 does not exist"),
])
def test_bad_input_is_one_clear_error_and_no_output(run_alg, dem, tmp_path, parameters, message):
    from qgis.core import QgsProcessingException
    out = tmp_path / "never.tif"
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("classifyraster", {"INPUT": dem, "OUTPUT": str(out), **parameters})
    assert not out.exists()
    assert not any(name.startswith(".never") for name in os.listdir(tmp_path))


def test_all_nodata_raster_is_refused(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    empty = write_raster(tmp_path / "empty.tif", np.full((4, 5), -9999, np.float32), GRID, nodata=-9999)
    with pytest.raises(QgsProcessingException, match="only NoData"):
        run_alg("classifyraster", {"INPUT": empty, "OUTPUT": str(tmp_path / "o.tif")})
    assert not (tmp_path / "o.tif").exists()


def test_cancel_stops_the_run_and_writes_nothing(run_alg, dem, tmp_path):
    from qgis.core import QgsProcessingFeedback
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "cancelled.tif"
    result = run_alg("classifyraster", {"INPUT": dem, "OUTPUT": str(out)}, feedback=feedback)
    assert not out.exists()
    assert not result.get("OUTPUT") or not os.path.exists(result["OUTPUT"])


def test_output_gets_a_class_legend_style(run_alg, dem, tmp_path):
    from qgis.core import QgsRasterLayer
    out = tmp_path / "styled.tif"
    run_alg("classifyraster", {"INPUT": dem, "METHOD": 5, "BREAKS": "50,100", "OUTPUT": str(out)})
    layer = QgsRasterLayer(str(out), "styled")
    layer.loadDefaultStyle()
    assert layer.renderer().type() == "paletted"
    labels = [entry.label for entry in layer.renderer().classes()]
    assert labels[0].startswith("1: 10") and len(labels) == 3
