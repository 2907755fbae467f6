"""The Pareto front, knee, supported points and hypervolume against independent brute-force checks."""

import numpy as np
import pytest
from ecosecurity.core.priority.pareto import pareto_front, pareto_mask


def dominated_brute_force(cost, benefit):
    """O(n²): a scheme is dominated when another costs no more, gives no less and differs."""
    n = len(cost)
    return np.array([any(cost[j] <= cost[i] and benefit[j] >= benefit[i] and (cost[j] < cost[i] or benefit[j] > benefit[i])
                         for j in range(n)) for i in range(n)])


@pytest.mark.parametrize("seed", range(20))
def test_front_equals_the_quadratic_dominance_check(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    # coarse values so that ties in cost and in benefit occur
    cost = rng.integers(1, 15, n).astype(float)
    benefit = rng.integers(0, 15, n).astype(float)
    assert np.array_equal(pareto_mask(cost, benefit), ~dominated_brute_force(cost, benefit))


def test_ratio_best_is_on_the_front_and_is_the_largest_ratio():
    rng = np.random.default_rng(3)
    cost = rng.uniform(1, 10, 200)
    benefit = rng.uniform(0, 10, 200)
    front = pareto_front(cost, benefit)
    assert front.is_pareto[front.best_ratio]
    assert front.best_ratio == int(np.argmax(benefit / cost))


def test_knee_is_the_point_farthest_above_the_chord():
    cost = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    benefit = np.array([0.0, 6.0, 8.0, 9.0, 10.0])   # sharp bend at cost 2
    assert pareto_front(cost, benefit).knee == 1


def test_supported_points_are_the_upper_convex_hull():
    cost = np.array([1.0, 2.0, 3.0, 4.0])
    benefit = np.array([1.0, 2.0, 4.0, 5.0])  # (2, 2) lies below the segment (1,1)–(3,4)
    front = pareto_front(cost, benefit)
    assert front.is_pareto.all()
    assert list(front.is_supported) == [True, False, True, True]
    # weighted sums can only pick supported points: check every weight on a fine grid
    for w in np.linspace(0.0, 1.0, 101):
        score = w * benefit - (1 - w) * cost
        assert front.is_supported[np.flatnonzero(score == score.max())].all()


def test_hypervolume_of_a_staircase_by_hand():
    cost = np.array([1.0, 2.0, 4.0, 3.0])
    benefit = np.array([1.0, 3.0, 4.0, 2.0])   # (3, 2) is dominated by (2, 3)
    front = pareto_front(cost, benefit)
    # reference (4, 1): strips [1,2)x(1-1) + [2,4)x(3-1) + [4,4)x(4-1) = 0 + 4 + 0
    assert front.hypervolume == pytest.approx(4.0)
    assert list(front.is_pareto) == [True, True, True, False]


def test_marginal_slope_between_neighbouring_front_points():
    cost = np.array([1.0, 3.0, 6.0])
    benefit = np.array([2.0, 6.0, 7.5])
    slope = pareto_front(cost, benefit).slope
    assert np.isnan(slope[0])
    assert slope[1:] == pytest.approx([2.0, 0.5])


def test_front_is_invariant_to_the_order_of_the_schemes():
    rng = np.random.default_rng(7)
    cost = rng.integers(1, 20, 40).astype(float)
    benefit = rng.integers(0, 20, 40).astype(float)
    order = rng.permutation(40)
    assert np.array_equal(pareto_mask(cost, benefit)[order], pareto_mask(cost[order], benefit[order]))
