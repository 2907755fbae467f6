"""Nothing lost, nothing silent (issue 13): outputs checked before the work, whole-or-nothing,
clear parameter errors — inherited by every algorithm from algorithms/base.py."""
import hashlib
import os
import subprocess
import sys

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, epsg_wkt, write_raster
from ecosecurity.core.io.staging import STAGE_PREFIX
from ecosecurity.core.io.vector import write_vector
from osgeo import ogr
from refpaths import REPO

GRID = Grid((36500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0), epsg_wkt(4545), 20, 24)


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def hidden(folder):
    return sorted(name for name in os.listdir(folder) if name.startswith("."))


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    dem = np.linspace(400, 1800, GRID.rows * GRID.cols, dtype=np.float32).reshape(GRID.shape)
    habitat = np.ones(GRID.shape, np.uint8)   # 1 other land, 2 forest
    habitat[2:9, 2:9] = 2
    habitat[11:18, 13:21] = 2
    x0, y0 = GRID.geotransform[0], GRID.geotransform[3]
    squares = [(1, (x0 + 60, y0 - 270, x0 + 270, y0 - 60)), (2, (x0 + 390, y0 - 540, x0 + 630, y0 - 330))]
    polygons = [(f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))", {"patch_id": pid})
                for pid, (a, b, c, d) in squares]
    patches = write_vector(folder / "patches.gpkg", polygons, GRID.crs_wkt, ogr.wkbPolygon,
                           [("patch_id", ogr.OFTInteger)])
    return {"dem": str(write_raster(folder / "dem.tif", dem, GRID, nodata=-9999)),
            "habitat": str(write_raster(folder / "habitat.tif", habitat, GRID, nodata=255)),
            "patches": str(patches), "folder": folder}


CASES = {
    "classifyraster": lambda d: ({"INPUT": d["dem"], "METHOD": 2, "CLASSES": 3}, "OUTPUT", d["dem"]),
    "mspa": lambda d: ({"INPUT": d["habitat"], "FOREGROUND_VALUES": "2"}, "OUTPUT", d["habitat"]),
    "habitatpatches": lambda d: ({"INPUT": d["habitat"], "CLASSES": "2", "MIN_AREA": 0,
                                  "OUTPUT": str(d["folder"] / "p.gpkg")}, "OUTPUT_RASTER", d["habitat"]),
    "distance": lambda d: ({"INPUT_RASTER": d["habitat"], "REFERENCE": d["dem"]}, "OUTPUT", d["dem"]),
    "connectivity": lambda d: ({"INPUT": d["patches"], "DISTANCE_THRESHOLD": 500, "OUTPUT_OVERALL": "TEMPORARY_OUTPUT",
                                "OUTPUT_LINKS": "TEMPORARY_OUTPUT"}, "OUTPUT", d["patches"]),
}


@pytest.mark.parametrize("algorithm", sorted(CASES))
def test_an_output_equal_to_an_input_is_refused_and_the_input_kept(run_alg, data, algorithm):
    from qgis.core import QgsProcessingException
    parameters, output, victim = CASES[algorithm](data)
    before = digest(victim)
    with pytest.raises(QgsProcessingException, match=f"{output} .* would overwrite the input"):
        run_alg(algorithm, {**parameters, output: victim})
    assert digest(victim) == before
    assert hidden(data["folder"]) == []


def test_an_unwritable_table_output_fails_before_the_work_and_writes_nothing(run_alg, data, tmp_path):
    from qgis.core import QgsProcessingException
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file, not a folder")
    raster = tmp_path / "classes.tif"
    with pytest.raises(QgsProcessingException, match="OUTPUT_TABLE: .* is a file"):
        run_alg("classifyraster", {"INPUT": data["dem"], "METHOD": 2, "CLASSES": 3, "OUTPUT": str(raster),
                                   "OUTPUT_TABLE": str(blocker / "table.csv")})
    assert not raster.exists() and hidden(tmp_path) == []


def test_a_table_listed_but_not_written_is_an_error_not_a_success(run_alg, data, tmp_path, monkeypatch):
    from ecosecurity.algorithms.tools.classify_raster import ClassifyRaster
    from qgis.core import QgsProcessingException
    original = ClassifyRaster.process

    def without_table(self, parameters, context, feedback):
        results = original(self, parameters, context, feedback)
        os.remove(parameters["OUTPUT_TABLE"])   # as GDAL failing to create the file, silently
        return results
    monkeypatch.setattr(ClassifyRaster, "process", without_table)
    raster, table = tmp_path / "classes.tif", tmp_path / "table.csv"
    with pytest.raises(QgsProcessingException, match="OUTPUT_TABLE could not be written"):
        run_alg("classifyraster", {"INPUT": data["dem"], "METHOD": 2, "CLASSES": 3, "OUTPUT": str(raster),
                                   "OUTPUT_TABLE": str(table)})
    assert not raster.exists() and not table.exists() and hidden(tmp_path) == []


def test_a_late_failure_leaves_no_output_and_keeps_the_previous_one(run_alg, data, tmp_path, monkeypatch):
    from ecosecurity.algorithms.base import EcoAlgorithm
    from qgis.core import QgsProcessingException
    raster = tmp_path / "classes.tif"
    raster.write_bytes(b"previous result")

    def broken_style(self, path, qml_name, context):
        raise OSError("disk full")
    monkeypatch.setattr(EcoAlgorithm, "style_output", broken_style)
    with pytest.raises(QgsProcessingException, match="OSError: disk full"):
        run_alg("classifyraster", {"INPUT": data["dem"], "METHOD": 2, "CLASSES": 3, "OUTPUT": str(raster),
                                   "OUTPUT_TABLE": str(tmp_path / "table.csv")})
    assert raster.read_bytes() == b"previous result"
    assert sorted(os.listdir(tmp_path)) == ["classes.tif", "data"]


def test_a_cancelled_run_writes_nothing(run_alg, data, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class CancelAtOnce(QgsProcessingFeedback):
        def setProgress(self, value):  # noqa: N802 (QGIS API name)
            super().setProgress(value)
            self.cancel()
    out = tmp_path / "mspa.tif"
    assert run_alg("mspa", {"INPUT": data["habitat"], "FOREGROUND_VALUES": "2", "OUTPUT": str(out),
                            "OUTPUT_STATS": str(tmp_path / "stats.html")}, CancelAtOnce()) == {}
    assert os.listdir(tmp_path) == ["data"]


def test_leftovers_of_a_killed_run_are_removed_by_the_next_run(run_alg, data, tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    stage = tmp_path / f"{STAGE_PREFIX}{child.pid}-00aa11bb22cc"
    stage.mkdir()
    (stage / "classes.tif").write_bytes(b"\0" * 1000)
    part = tmp_path / f".classes.pid{child.pid}.x1y2z3.part.tif"
    part.write_bytes(b"\0" * 1000)
    run_alg("classifyraster", {"INPUT": data["dem"], "METHOD": 2, "CLASSES": 3,
                               "OUTPUT": str(tmp_path / "classes.tif")})
    assert sorted(os.listdir(tmp_path)) == ["classes.qml", "classes.tif", "data"]


def test_results_and_layers_to_load_name_the_final_files(ecosecurity_provider, data, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = str(tmp_path / "classes.tif")
    results = processing.run("ecosecurity:classifyraster", {
        "INPUT": data["dem"], "METHOD": 2, "CLASSES": 3,
        "OUTPUT": QgsProcessingOutputLayerDefinition(out, QgsProject.instance())}, context=context)
    assert results["OUTPUT"] == out and os.path.exists(out)
    assert [key for key in context.layersToLoadOnCompletion() if STAGE_PREFIX in key] == []
    assert out in context.layersToLoadOnCompletion()


def test_an_unexpected_error_is_a_message_not_a_traceback(run_alg, data, tmp_path, monkeypatch):
    from ecosecurity.algorithms.tools import classify_raster
    from qgis.core import QgsProcessingException

    def crash(*args, **kwargs):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr(classify_raster, "classify_raster", crash)
    with pytest.raises(QgsProcessingException, match="Unexpected error .ZeroDivisionError"):
        run_alg("classifyraster", {"INPUT": data["dem"], "METHOD": 2, "CLASSES": 3,
                                   "OUTPUT": str(tmp_path / "c.tif")})


@pytest.mark.parametrize("algorithm, parameters, message", [
    ("classifyraster", {"INPUT": "{folder}/table.csv"}, r"INPUT \(Input raster\): .*table.csv' exists but is not "
                                                        "a raster"),
    ("classifyraster", {"INPUT": "{folder}/missing.tif"}, r"the file '.*missing.tif' does not exist"),
    ("classifyraster", {"INPUT": "{dem}", "CLASSES": 50}, r"CLASSES \(Number of classes\): 50 is outside the "
                                                          "allowed range 2 to 32"),
    ("classifyraster", {"INPUT": "{dem}", "METHOD": 9}, r"METHOD .*9 is not one of the choices: 0 \(Natural"),
    ("entropyweights", {"FACTORS": ["{dem}", "{folder}/gone.tif"]}, r"FACTORS .*gone.tif' does not exist"),
    ("distance", {"INPUT_VECTOR": "{folder}/table.csv", "REFERENCE": "{dem}"}, "table without geometry"),
    ("corridors", {"CORES": "{folder}/nocores.gpkg", "RESISTANCE": "{dem}"}, r"CORES .*nocores.gpkg' does not"),
])
def test_parameter_errors_name_the_layer_and_the_allowed_values(run_alg, data, tmp_path, algorithm, parameters,
                                                                 message):
    from qgis.core import QgsProcessingException
    (data["folder"] / "table.csv").write_text("id,value\n1,2\n")
    fill = {"folder": str(data["folder"]), "dem": data["dem"]}
    resolved = {key: [v.format(**fill) for v in value] if isinstance(value, list) else
                value.format(**fill) if isinstance(value, str) else value for key, value in parameters.items()}
    with pytest.raises(QgsProcessingException, match=message):
        run_alg(algorithm, {**resolved, "OUTPUT": str(tmp_path / "out.tif")})


def test_qgis_process_shows_an_error_once_and_exits_with_1(data, tmp_path):
    done = subprocess.run([str(REPO / "scripts" / "qgis-process"), "run", "ecosecurity:classifyraster", "--",
                           f"INPUT={data['dem']}", "METHOD=5", "BREAKS=abc", f"OUTPUT={tmp_path / 'c.tif'}",
                           f"OUTPUT_TABLE={tmp_path / 't.csv'}"], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", LANGUAGE=""))
    assert done.returncode == 1
    assert (done.stdout + done.stderr).count("is not a comma-separated list of numbers") == 1
    assert os.listdir(tmp_path) == ["data"]
