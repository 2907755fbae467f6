"""scripts/qgis-process: the plugin loaded from the tree by the real qgis_process binary."""
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster

REPO = Path(__file__).resolve().parents[2]
QGIS_PROCESS = str(REPO / "scripts" / "qgis-process")


def qgis_process(*args, lang="C.UTF-8"):
    env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE="")
    return subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, env=env, timeout=180)


@pytest.fixture(scope="module")
def dem(tmp_path_factory):
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4545)
    values = np.linspace(400, 1800, 30 * 40, dtype=np.float32).reshape(30, 40)
    folder = tmp_path_factory.mktemp("qp")
    return str(write_raster(folder / "dem.tif", values,
                            Grid((36500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0), srs.ExportToWkt(), 30, 40),
                            nodata=-9999))


def test_list_shows_the_provider_and_classifyraster():
    done = qgis_process("list")
    assert done.returncode == 0, done.stderr
    assert "EcoSecurity (生态安全格局)" in done.stdout
    assert "ecosecurity:classifyraster" in done.stdout


def test_help_is_english_by_default_and_chinese_under_a_chinese_locale():
    english = qgis_process("help", "ecosecurity:classifyraster")
    chinese = qgis_process("help", "ecosecurity:classifyraster", lang="zh_CN.UTF-8")
    assert english.returncode == 0 and chinese.returncode == 0
    assert "Natural breaks (Jenks)" in english.stdout
    assert "自然断点法" in chinese.stdout and "栅格分级" in chinese.stdout


def test_run_writes_the_classified_raster_and_json_results(dem, tmp_path):
    out = tmp_path / "classes.tif"
    done = qgis_process("run", "ecosecurity:classifyraster", "--json", "--",
                        f"INPUT={dem}", "METHOD=2", "CLASSES=4", f"OUTPUT={out}")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert results["OUTPUT"] == str(out)
    assert sorted(np.unique(read_raster(out).array).tolist()) == [1, 2, 3, 4]
    assert (tmp_path / "classes.tif").exists()


@pytest.mark.parametrize("arguments, message", [
    (["INPUT=/nonexistent/dem.tif"], "INPUT"),
    (["BAND=2"], "band 2 does not exist"),
    (["METHOD=5", "BREAKS=300,200"], "ascending"),
    (["CLASSES=40"], "CLASSES"),
])
def test_bad_input_exits_1_with_a_clear_error_and_no_output(dem, tmp_path, arguments, message):
    out = tmp_path / "bad.tif"
    args = [a if not a.startswith("INPUT=") else a for a in arguments]
    if not any(a.startswith("INPUT=") for a in args):
        args.append(f"INPUT={dem}")
    done = qgis_process("run", "ecosecurity:classifyraster", "--", *args, f"OUTPUT={out}")
    assert done.returncode == 1
    assert message in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not out.exists()


def test_all_nodata_raster_exits_1_without_output(tmp_path):
    empty = write_raster(tmp_path / "empty.tif", np.full((5, 5), -9999, np.float32),
                         Grid((0.0, 30.0, 0.0, 0.0, 0.0, -30.0), "", 5, 5), nodata=-9999)
    out = tmp_path / "o.tif"
    done = qgis_process("run", "ecosecurity:classifyraster", "--", f"INPUT={empty}", f"OUTPUT={out}")
    assert done.returncode == 1
    assert "only NoData" in done.stdout + done.stderr
    assert not out.exists()
