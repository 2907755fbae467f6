"""Zones ranked as tasks (PARALLEL / DASK_SCHEDULER): the serial run's ranks and curves, bit for bit."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import read_grid
from ecosecurity.core.priority import priority_rank as module
from ecosecurity.core.priority.normalise import BASE_BYTES, estimate_priority_memory
from ecosecurity.core.priority.priority_rank import PriorityOptions, rank_features
from ecosecurity.core.priority.ranking import weighted_rows
from priority_case import MAMMALS, integer_raster, mammal_features, random_features
from services_case import raster


def _runs(paths, scheduler, **inputs):
    """(ranks, curves, stack values) of the serial run, 2 local processes and the Dask LocalCluster."""
    runs = {}
    for name, where in (("serial", {}), ("two", {"workers": 2}), ("dask", {"scheduler": scheduler})):
        stack, result = rank_features(paths, **inputs, **where)
        runs[name] = (result.ranks, result.curves.coverage, result.curves.auc, stack.values)
    return runs


def _assert_identical(runs):
    for name in ("two", "dask"):
        for serial, other in zip(runs["serial"], runs[name]):
            assert np.array_equal(serial, other, equal_nan=True), name


@pytest.mark.skipif(not MAMMALS.exists(), reason="Zonation reference data not available")
def test_zonation_mammals_in_three_zones(tmp_path, dask_scheduler):
    paths = mammal_features()
    grid = read_grid(paths[0])
    bands = np.repeat(np.arange(grid.cols)[None, :] * 3 // grid.cols, grid.rows, axis=0) + 1
    zones = raster(tmp_path / "zones.tif", bands.astype(np.int32), grid, -9999)
    runs = _runs(paths, dask_scheduler, zones=zones, options=PriorityOptions(rule=0))
    assert np.isfinite(runs["serial"][0]).sum() == 169530
    _assert_identical(runs)


@pytest.mark.parametrize("rule", [1, 3])
def test_toy_zones_with_cost_hierarchy_and_unranked_cells(tmp_path, dask_scheduler, rule):
    features = random_features(tmp_path, count=4, shape=(30, 40))
    zones = np.repeat([[1, 2, 2, 5]], 30, axis=0).repeat(10, axis=1)
    zones[:3] = -9999
    levels = np.zeros((30, 40), np.int32)
    levels[10:15] = 1
    cost = np.random.default_rng(2).uniform(0.5, 2.0, (30, 40)).astype(np.float32)
    runs = _runs(features, dask_scheduler, zones=integer_raster(tmp_path / "zones.tif", zones),
                 hierarchy=integer_raster(tmp_path / "levels.tif", levels), cost=raster(tmp_path / "cost.tif", cost),
                 options=PriorityOptions(rule=rule, step=0.02))
    assert np.isnan(runs["serial"][0]).sum() == 3 * 40 - 1
    _assert_identical(runs)


def test_one_zone_is_not_shipped(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("a single ranking has nothing to split")
    monkeypatch.setattr(module, "map_tasks", refuse)
    features = random_features(tmp_path)
    _stack, result = rank_features(features, workers=2)
    _stack, zoned = rank_features(features, zones=integer_raster(tmp_path / "z.tif", np.ones((12, 15))), workers=2)
    assert np.array_equal(result.ranks, zoned.ranks)


def test_the_estimate_counts_one_local_worker_beside_the_caller(tmp_path):
    features = random_features(tmp_path)
    zones = integer_raster(tmp_path / "z.tif", np.repeat([[1, 2, 3]], 12, axis=0).repeat(5, axis=1))
    local = estimate_priority_memory(features, zones, 0, 2)
    assert local - estimate_priority_memory(features, zones, 0, 1, "tcp://cluster:8786") >= BASE_BYTES


def test_losses_are_summed_in_feature_order_whatever_the_slices():
    rows = np.random.default_rng(3).random((5, 70001), dtype=np.float32)
    v = np.array([0.3, 1.0, 2.5, 0.0, 7.0])
    expected = np.zeros(70001, np.float32)
    for j in range(5):
        expected += rows[j] * np.float32(v[j])
    assert np.array_equal(weighted_rows(v, rows), expected)
