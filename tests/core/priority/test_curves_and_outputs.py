"""Performance curves in Zonation 5's format, rank maps, zones, top masks and bad input."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from ecosecurity.core.priority.curves import (
    SUMMARY_COLUMNS,
    performance_curves,
    read_zonation_curves,
    write_feature_curves,
    write_summary_curves,
)
from ecosecurity.core.priority.priority_rank import PriorityOptions, priority_rank, rank_features
from ecosecurity.core.runtime.errors import InputError
from priority_case import MAMMALS, integer_raster, random_features
from services_case import grid, raster


def test_curves_of_a_hand_case():
    values = np.array([[1.0, 0.0], [1.0, 2.0], [2.0, 2.0]])
    ranks = np.array([0.0, 1 / 3, 2 / 3])
    curves = performance_curves(values, ranks, np.array([1.0, 3.0]), cost=np.array([1.0, 2.0, 4.0]))
    assert list(curves.removed) == [0, 1, 2, 3]
    assert curves.coverage[:, 0] == pytest.approx([1, 0.75, 0.5, 0])
    assert curves.coverage[:, 1] == pytest.approx([1, 1, 0.5, 0])
    assert curves.remaining_cost == pytest.approx([7, 6, 4, 0])
    # trapezoids over rank steps of 1/3
    assert curves.auc == pytest.approx([(1.75 + 1.25 + 0.5) / 6, (2 + 1.5 + 0.5) / 6])
    summary = curves.summary()
    assert summary[1, 7] == pytest.approx((0.75 + 3 * 1.0) / 4)    # weighted_mean_positive


@pytest.mark.skipif(not MAMMALS.exists(), reason="Zonation reference data not available")
def test_curve_files_have_zonation5_headers(tmp_path):
    values = np.random.default_rng(0).random((50, 3))
    curves = performance_curves(values, np.arange(50) / 50, np.ones(3))
    summary = write_summary_curves(tmp_path / "summary_curves.csv", curves)
    features = write_feature_curves(tmp_path / "feature_curves.csv", curves)
    with open(MAMMALS / "setup_2" / "output" / "summary_curves.csv", encoding="utf-8") as handle:
        assert open(summary, encoding="utf-8").readline() == handle.readline()
    header, rows = read_zonation_curves(summary)
    assert tuple(header) == SUMMARY_COLUMNS and rows[0, 1] == 50 and rows[-1, 1] == 0
    assert open(features, encoding="utf-8").readline() == '"rank" 0 1 2 \n'


def test_rank_map_top_mask_curves_and_page(tmp_path):
    paths = random_features(tmp_path)
    result = priority_rank(paths, str(tmp_path / "rank.tif"), options=PriorityOptions(top_fraction=0.3),
                           curves_path=str(tmp_path / "curves.csv"), html_path=str(tmp_path / "page.html"),
                           top_path=str(tmp_path / "top.tif"))
    rank = read_raster(tmp_path / "rank.tif")
    assert not rank.valid[0, 0] and rank.valid.sum() == 12 * 15 - 1 == result.cells
    values = np.sort(rank.array[rank.valid])
    assert values == pytest.approx(np.arange(result.cells) / result.cells)
    top = read_raster(tmp_path / "top.tif")
    assert np.array_equal(top.array[rank.valid] == 1, rank.array[rank.valid] >= 0.7)
    assert (top.array == 1).sum() == result.top_cells == result.cells - int(np.ceil(0.7 * result.cells))
    assert (tmp_path / "page_curves.png").stat().st_size > 1000
    assert "curves.png" in (tmp_path / "page.html").read_text(encoding="utf-8")


def test_zones_are_ranked_separately_from_0_to_1(tmp_path):
    paths = random_features(tmp_path)
    zones = np.ones((12, 15), np.int32)
    zones[:, 10:] = 2
    zones[0, 5] = -9999
    _stack, result = rank_features(paths, zones=integer_raster(tmp_path / "zones.tif", zones))
    flat = zones.ravel()[_stack.cells]
    assert np.isnan(result.ranks[flat == -9999]).all() and result.zones == 2
    for z in (1, 2):
        r = np.sort(result.ranks[flat == z])
        assert r == pytest.approx(np.arange(len(r)) / len(r))


def test_same_seed_same_random_map(tmp_path):
    paths = random_features(tmp_path)
    a = rank_features(paths, options=PriorityOptions(rule=4, seed=5))[1].ranks
    b = rank_features(paths, options=PriorityOptions(rule=4, seed=5))[1].ranks
    assert np.array_equal(a, b)


def test_mask_restricts_the_ranked_cells(tmp_path):
    paths = random_features(tmp_path)
    mask = np.zeros((12, 15), np.int32)
    mask[2:6, 2:6] = 1
    stack, result = rank_features(paths, mask=integer_raster(tmp_path / "mask.tif", mask))
    assert result.cells == 16 and len(stack.cells) == 16


def test_features_on_different_grids_are_refused(tmp_path):
    paths = random_features(tmp_path)
    shifted = raster(tmp_path / "shifted.tif", np.ones((12, 15), np.float32), grid(12, 15, x0=500050.0))
    with pytest.raises(InputError, match="shifted.*same grid"):
        priority_rank(paths + [shifted], str(tmp_path / "rank.tif"))
    assert not (tmp_path / "rank.tif").exists()


def test_all_nodata_feature_is_refused(tmp_path):
    paths = random_features(tmp_path)
    empty = raster(tmp_path / "empty.tif", np.full((12, 15), -9999.0, np.float32))
    with pytest.raises(InputError, match="'empty'.*no cell with data"):
        priority_rank(paths + [empty], str(tmp_path / "rank.tif"))
    assert not (tmp_path / "rank.tif").exists()


def test_negative_feature_values_are_refused(tmp_path):
    paths = random_features(tmp_path)
    values = np.ones((12, 15), np.float32)
    values[3, 3] = -0.5
    with pytest.raises(InputError, match="'negative'.*negative values.*-0.5"):
        priority_rank(paths + [raster(tmp_path / "negative.tif", values)], str(tmp_path / "rank.tif"))
    assert not (tmp_path / "rank.tif").exists()


def test_zero_feature_and_bad_weights_are_refused(tmp_path):
    paths = random_features(tmp_path)
    zero = raster(tmp_path / "zero.tif", np.zeros((12, 15), np.float32))
    with pytest.raises(InputError, match="'zero' is 0 on every"):
        rank_features(paths + [zero])
    with pytest.raises(InputError, match="3 feature"):
        rank_features(paths, options=PriorityOptions(weights="1,2"))
    with pytest.raises(InputError, match="COST must be > 0"):
        rank_features(paths, cost=raster(tmp_path / "cost.tif", np.zeros((12, 15), np.float32)))
