"""Validation measures (spec §8) and the FLUS inertia rule on hand-computed cases."""
import numpy as np
import pytest
from ecosecurity.core.landuse.ca import update_inertia
from ecosecurity.core.landuse.validation import agreement, confusion_matrix, kappa, overall_accuracy, \
    random_allocation


def test_overall_accuracy_and_kappa_equal_the_hand_computed_values():
    observed = np.array([0, 0, 1, 1, 1, 0])
    simulated = np.array([0, 1, 1, 1, 0, 0])
    confusion = confusion_matrix(observed, simulated, np.ones(6, bool), 2)
    assert confusion.tolist() == [[2, 1], [1, 2]]
    assert overall_accuracy(confusion) == pytest.approx(4 / 6)
    # p_e = (3·3 + 3·3) / 36 = 0.5; κ = (2/3 − 0.5) / 0.5 = 1/3
    assert kappa(confusion) == pytest.approx(1 / 3)


def test_figure_of_merit_counts_misses_hits_wrong_hits_and_false_alarms():
    start = np.array([0, 0, 0, 0, 1, 1])
    observed = np.array([1, 2, 2, 0, 1, 1])
    simulated = np.array([1, 0, 1, 1, 1, 1])   # hit, miss, wrong hit, false alarm, persistence ×2
    result = agreement(start, observed, simulated, np.ones(6, bool), 3)
    assert (result.misses, result.hits, result.wrong_hits, result.false_alarms) == (1, 1, 1, 1)
    assert result.fom == pytest.approx(1 / 4)
    assert result.producer == pytest.approx(1 / 3)
    assert result.user == pytest.approx(1 / 3)


def test_cells_outside_the_valid_mask_are_not_compared():
    result = agreement(np.zeros(4, int), np.array([0, 0, 1, 1]), np.array([0, 0, 0, 1]),
                       np.array([True, True, False, True]), 2)
    assert result.confusion.sum() == 3 and result.oa == pytest.approx(1.0)


def test_kappa_of_two_identical_single_class_maps_is_one():
    assert kappa(np.array([[5, 0], [0, 0]])) == 1.0


def test_inertia_follows_the_flus_rule():
    inertia = np.array([1.0, 1.0, 1.0, 2.0, 1.0])
    previous = np.array([-10, 8, 5, -3, -6])          # D^{t−1}
    before = np.array([-5, 4, 6, 3, 2])               # D^{t−2}
    # surplus grows −5 → −10: ×(−5/−10); shortage grows 4 → 8: ×8/4; shrinking gap and sign changes: kept
    assert update_inertia(inertia, previous, before).tolist() == [0.5, 2.0, 1.0, 2.0, 1.0]


def test_random_allocation_gives_the_demand_and_leaves_frozen_cells_alone():
    rng = np.random.default_rng(0)
    start = rng.integers(0, 3, (40, 40)).astype(np.uint8)
    changeable = np.ones(start.shape, bool)
    changeable[:10] = False
    counts = np.bincount(start.ravel(), minlength=3)
    demand = counts + np.array([-60, 20, 40])
    result = random_allocation(start, changeable, demand, seed=1)
    assert np.bincount(result.ravel(), minlength=3).tolist() == demand.tolist()
    assert np.array_equal(result[:10], start[:10])
