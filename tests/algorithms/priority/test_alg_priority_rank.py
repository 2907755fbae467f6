"""ecosecurity:priorityrank through Processing: rank map, curves, page, top mask, styles, bad input."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from ecosecurity.core.priority.curves import SUMMARY_COLUMNS, read_zonation_curves
from priority_case import integer_raster, random_features
from qgis.core import QgsProcessingException
from services_case import raster

NAMES = ("rank.tif", "curves.csv", "page.html", "page_curves.png", "top.tif")


def outputs(folder):
    return {"OUTPUT": str(folder / "rank.tif"), "OUTPUT_CURVES": str(folder / "curves.csv"),
            "OUTPUT_HTML": str(folder / "page.html"), "OUTPUT_TOP": str(folder / "top.tif")}


def test_rank_curves_page_and_top_mask(run_alg, tmp_path):
    features = random_features(tmp_path)
    hierarchy = np.zeros((12, 15), np.int32)
    hierarchy[5:8, 5:8] = 1
    result = run_alg("priorityrank", dict(
        outputs(tmp_path), FEATURES=features, WEIGHTS="1,2,1", RULE=1, REMOVAL_STEP=0.05, TOP_FRACTION=0.1,
        HIERARCHY=integer_raster(tmp_path / "hierarchy.tif", hierarchy)))
    rank = read_raster(result["OUTPUT"])
    ranks = rank.array[rank.valid]
    assert rank.valid.sum() == 179 and np.sort(ranks) == pytest.approx(np.arange(179) / 179)
    assert rank.array[5:8, 5:8].min() > rank.array[rank.valid & (hierarchy == 0)].max()  # red line ranked first
    header, rows = read_zonation_curves(result["OUTPUT_CURVES"])
    assert tuple(header) == SUMMARY_COLUMNS and rows[0, 3] == 1.0 and rows[-1, 1] == 0
    assert 0.5 < result["AUC"] < 1
    top = read_raster(result["OUTPUT_TOP"])
    assert result["TOP_CELLS"] == (top.array == 1).sum() == (ranks >= 0.9).sum()
    assert (tmp_path / "page_curves.png").exists() and (tmp_path / "rank.qml").exists()
    assert (tmp_path / "top.qml").exists()


def test_zones_give_one_ranking_per_zone(run_alg, tmp_path):
    zones = np.ones((12, 15), np.int32)
    zones[6:] = 3
    result = run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=random_features(tmp_path),
                                          ZONES=integer_raster(tmp_path / "zones.tif", zones), TOP_FRACTION=0.5))
    rank = read_raster(result["OUTPUT"])
    for z in (1, 3):
        inside = rank.valid & (zones == z)
        assert np.sort(rank.array[inside]) == pytest.approx(np.arange(inside.sum()) / inside.sum())


@pytest.mark.parametrize("bad", ["grid", "nodata", "negative"])
def test_bad_features_give_one_error_and_no_output(run_alg, tmp_path, bad):
    features = random_features(tmp_path)
    if bad == "grid":
        features.append(raster(tmp_path / "bad.tif", np.ones((10, 15), np.float32)))
        message = "not on the same grid"
    elif bad == "nodata":
        features.append(raster(tmp_path / "bad.tif", np.full((12, 15), -9999.0, np.float32)))
        message = "no cell with data"
    else:
        values = np.ones((12, 15), np.float32)
        values[2, 2] = -1
        features.append(raster(tmp_path / "bad.tif", values))
        message = "negative values"
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=features, TOP_FRACTION=0.3))
    assert not any((tmp_path / name).exists() for name in NAMES)
