"""ecosecurity:priorityrank through Processing: rank map, curves, page, top mask, styles, bad input."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from ecosecurity.core.priority.curves import SUMMARY_COLUMNS, read_zonation_curves
from priority_case import integer_raster, random_features
from qgis.core import QgsProcessingException
from services_case import raster

NAMES = ("rank.tif", "curves.csv", "page.html", "page_curves.png", "top.tif", "feature_curves.csv")


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


def test_feature_curves_are_written_only_when_asked_in_zonation5_format(run_alg, tmp_path):
    features = random_features(tmp_path)
    result = run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=features, WEIGHTS="1,1,2"))
    assert "OUTPUT_FEATURE_CURVES" not in result or not result["OUTPUT_FEATURE_CURVES"]
    assert not list(tmp_path.glob("feature*.csv"))
    result = run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=features, WEIGHTS="1,1,2",
                                          OUTPUT_FEATURE_CURVES=str(tmp_path / "feature_curves.csv")))
    assert result["OUTPUT_FEATURE_CURVES"] == str(tmp_path / "feature_curves.csv")
    with open(tmp_path / "feature_curves.csv", encoding="utf-8") as handle:
        assert handle.readline() == '"rank" 0 1 2 \n'
    _header, features_rows = read_zonation_curves(tmp_path / "feature_curves.csv")
    header, summary = read_zonation_curves(result["OUTPUT_CURVES"])
    assert features_rows.shape == (len(summary), 4)
    assert np.array_equal(features_rows[:, 0], summary[:, 0])
    coverage = features_rows[:, 1:]
    assert np.abs(coverage.mean(1) - summary[:, header.index("mean")]).max() <= 1e-4
    weighted = coverage @ np.array([1.0, 1.0, 2.0]) / 4.0
    assert np.abs(weighted - summary[:, header.index("weighted_mean_positive")]).max() <= 1e-4
    assert coverage[0].tolist() == [1.0, 1.0, 1.0] and coverage[-1].tolist() == [0.0, 0.0, 0.0]


def test_zones_give_one_ranking_per_zone(run_alg, tmp_path):
    zones = np.ones((12, 15), np.int32)
    zones[6:] = 3
    result = run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=random_features(tmp_path),
                                          ZONES=integer_raster(tmp_path / "zones.tif", zones), TOP_FRACTION=0.5))
    rank = read_raster(result["OUTPUT"])
    for z in (1, 3):
        inside = rank.valid & (zones == z)
        assert np.sort(rank.array[inside]) == pytest.approx(np.arange(inside.sum()) / inside.sum())


def test_a_run_larger_than_the_free_memory_is_refused_with_the_estimate(run_alg, tmp_path, monkeypatch):
    from ecosecurity.core.priority.normalise import estimate_priority_memory
    from ecosecurity.core.runtime import memory
    features = random_features(tmp_path)
    required = estimate_priority_memory(features)
    monkeypatch.setattr(memory, "available_memory", lambda: int(required / memory.USABLE_FRACTION) - 1024)
    with pytest.raises(QgsProcessingException, match="Priority ranking of 3 feature rasters needs about"):
        run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=features, TOP_FRACTION=0.3))
    assert not any((tmp_path / name).exists() for name in NAMES)
    monkeypatch.setattr(memory, "available_memory", lambda: int(required / memory.USABLE_FRACTION) + 1024)
    assert run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=features))["AUC"] > 0.5


def test_the_refusal_counts_a_local_worker_with_zones(run_alg, tmp_path, monkeypatch):
    from ecosecurity.core.priority.normalise import estimate_priority_memory
    from ecosecurity.core.runtime import memory
    features = random_features(tmp_path)
    zones = integer_raster(tmp_path / "zones.tif", np.repeat([[1, 2, 3]], 12, axis=0).repeat(5, axis=1))
    required = estimate_priority_memory(features, zones, 0, 2)
    assert required > estimate_priority_memory(features, zones)
    monkeypatch.setattr(memory, "available_memory", lambda: int(required / memory.USABLE_FRACTION) - 1024)
    with pytest.raises(QgsProcessingException, match="Priority ranking of 3 feature rasters needs about"):
        run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=features, ZONES=zones, PARALLEL=2))
    assert not any((tmp_path / name).exists() for name in NAMES)
    assert run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=features, ZONES=zones, PARALLEL=1))["AUC"] > 0.5


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
        run_alg("priorityrank", dict(outputs(tmp_path), FEATURES=features, TOP_FRACTION=0.3,
                                     OUTPUT_FEATURE_CURVES=str(tmp_path / "feature_curves.csv")))
    assert not any((tmp_path / name).exists() for name in NAMES)


# ------------------------------------------------ PARALLEL / DASK_SCHEDULER: the serial output, byte for byte
def test_zones_in_parallel_give_the_serial_files(run_alg, tmp_path, dask_scheduler):
    features = random_features(tmp_path, count=4, shape=(30, 40))
    zones = np.repeat([[1, 2, 2, 7]], 30, axis=0).repeat(10, axis=1)
    zones[:2] = -9999
    inputs = dict(FEATURES=features, ZONES=integer_raster(tmp_path / "zones.tif", zones), RULE=3, TOP_FRACTION=0.3,
                  REMOVAL_STEP=0.02)
    files = {}
    for name, where in (("serial", {"PARALLEL": 1}), ("two", {"PARALLEL": 2}),
                        ("dask", {"DASK_SCHEDULER": dask_scheduler})):
        folder = tmp_path / name
        folder.mkdir()
        run_alg("priorityrank", dict(inputs, **outputs(folder), **where))
        files[name] = [(folder / file).read_bytes() for file in ("rank.tif", "curves.csv", "top.tif")]
    assert files["serial"][1].count(b"\n") > 100
    for name in ("two", "dask"):
        assert files[name] == files["serial"], name
