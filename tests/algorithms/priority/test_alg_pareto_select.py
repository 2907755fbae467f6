"""ecosecurity:paretoselect through Processing: scheme table, front page, patches as raster and polygons, styles,
and one clear error with no output for bad input."""
import csv
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from pareto_case import SHAPE, write_case
from qgis.core import QgsProcessingException, QgsVectorLayer
from services_case import table


def outputs(folder):
    return {"OUTPUT_TABLE": str(folder / "schemes.csv"), "OUTPUT_HTML": str(folder / "front.html"),
            "OUTPUT": str(folder / "best.tif"), "OUTPUT_POLYGONS": str(folder / "best.gpkg")}


def inputs(paths):
    return {"RANK": paths["rank"], "ZONES": paths["zones"], "TARGETS": paths["targets"],
            "LAND_USE": paths["land_use"], "COST_TABLE": paths["costs"], "REDLINE": paths["redline"]}


def test_schemes_front_and_chosen_patches(run_alg, tmp_path):
    paths = write_case(tmp_path)
    result = run_alg("paretoselect", dict(inputs(paths), **outputs(tmp_path)))
    with open(result["OUTPUT_TABLE"], encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert result["GROUPS"] == len(rows) == 4
    best = [row for row in rows if row["is_best"] == "1"]
    assert len(best) == 1 and best[0]["group"] == result["BEST_GROUP"]
    assert float(best[0]["cost"]) == pytest.approx(result["BEST_COST"], rel=1e-5)
    patches = read_raster(result["OUTPUT"])
    assert patches.array.max() == result["PATCHES"] > 0
    layer = QgsVectorLayer(result["OUTPUT_POLYGONS"], "best")
    assert layer.featureCount() == result["PATCHES"]
    assert sum(f["area_ha"] for f in layer.getFeatures()) == pytest.approx((patches.array > 0).sum() * 1.0)
    for name in ("front.html", "front_front.png", "best.qml"):
        assert (tmp_path / name).exists(), name


def test_optimised_minimum_cost_scheme_is_added(run_alg, tmp_path):
    paths = write_case(tmp_path)
    result = run_alg("paretoselect", dict(inputs(paths), **outputs(tmp_path), OPTIMISE=1, UNIT_SIZE=2))
    with open(result["OUTPUT_TABLE"], encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5 and rows[-1]["source"].startswith("optimised") and rows[-1]["is_best"] == "1"
    assert result["BEST_GROUP"] == "optimised"


@pytest.mark.parametrize("bad", ["missing_class", "grid", "budget"])
def test_bad_input_gives_one_error_and_no_output(run_alg, tmp_path, bad):
    paths = write_case(tmp_path)
    extra = {}
    if bad == "missing_class":
        paths["costs"] = table(tmp_path / "short.csv", "class,green,cost\n1,1,2\n2,1,1\n3,0,10\n")
        message = "class 4"
    elif bad == "grid":
        from services_case import grid, raster
        paths["land_use"] = raster(tmp_path / "lu_small.tif", np.ones((SHAPE[0] - 1, SHAPE[1]), np.int32),
                                   grid(SHAPE[0] - 1, SHAPE[1]), nodata=0)
        message = "lu_small|grid|extent|size"
    else:
        extra = {"OPTIMISE": 2, "BUDGET": 1.0, "UNIT_SIZE": 2}
        message = "budget|locked"
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match=f"(?i){message}"):
        run_alg("paretoselect", dict(inputs(paths), **outputs(out), **extra))
    assert os.listdir(out) == []
