"""Reverse stepwise removal: each marginal-loss rule against a plain greedy loop, hierarchy, zones, cost,
the removal step and the seeded random rule."""
import numpy as np
import pytest
from ecosecurity.core.priority.ranking import (
    SAMPLE,
    TIE_SCALE,
    marginal_loss,
    ranks_from_order,
    removal_order,
    smallest,
)
from ecosecurity.core.runtime.errors import InputError


def naive_order(q, w, rule, cost=None, z=0.25):
    """One cell at a time, float64, straight from the formulas of prioritization.md §1.3."""
    q = q.astype(np.float64)
    remaining, order = list(range(len(q))), []
    while remaining:
        big_q = q[remaining].sum(axis=0)
        best, best_loss = None, None
        for i in remaining:
            v = w * q[i] / big_q
            loss = {"CAZ1": v.sum(), "CAZ2": np.sqrt((v ** 2).sum()),
                    "CAZMAX": (1 + TIE_SCALE) * v.max() + TIE_SCALE * v.mean(),
                    "ABF": (w * (big_q ** z - np.maximum(big_q - q[i], 0) ** z)).sum()}[rule]
            loss = loss / (1 if cost is None else cost[i])
            if best_loss is None or loss < best_loss:
                best, best_loss = i, loss
        order.append(best)
        remaining.remove(best)
    return order


def sample(n=30, features=3, seed=4):
    rng = np.random.default_rng(seed)
    x = rng.gamma(0.7, 1.0, (n, features)) * (rng.random((n, features)) > 0.2) + 1e-3
    return (x / x.sum(0)).astype(np.float32)


@pytest.mark.parametrize("rule", ["CAZ1", "CAZ2", "CAZMAX", "ABF"])
def test_one_cell_at_a_time_equals_the_plain_greedy_of_each_rule(rule):
    q, w = sample(), np.array([1.0, 2.0, 0.5])
    assert list(removal_order(q, w, rule, step=0)) == naive_order(q, w, rule)


def test_cost_divides_the_marginal_loss():
    q, w = sample(seed=7), np.ones(3)
    cost = np.random.default_rng(2).uniform(0.5, 3.0, len(q))
    assert list(removal_order(q, w, "CAZ2", cost=cost, step=0)) == naive_order(q, w, "CAZ2", cost)
    assert list(removal_order(q, w, "CAZ2", cost=cost, step=0)) != naive_order(q, w, "CAZ2")


def test_hierarchy_ranks_every_higher_level_cell_above_every_lower_one():
    q = sample(60, 3, seed=5)
    levels = np.zeros(60, np.int64)
    levels[::4] = 1
    ranks = ranks_from_order(removal_order(q, np.ones(3), "CAZ2", levels=levels, step=0.05))
    assert ranks[levels == 1].min() > ranks[levels == 0].max()
    plain = ranks_from_order(removal_order(q, np.ones(3), "CAZ2", step=0.05))
    assert not (plain[levels == 1].min() > plain[levels == 0].max())


def test_removal_step_removes_a_fraction_of_the_remaining_cells_and_stays_close():
    q = sample(400, 3, seed=9)
    exact = ranks_from_order(removal_order(q, np.ones(3), "CAZ2", step=0))
    coarse = ranks_from_order(removal_order(q, np.ones(3), "CAZ2", step=0.05))
    assert sorted(coarse) == sorted(exact)
    assert np.corrcoef(exact, coarse)[0, 1] > 0.95
    assert not np.array_equal(exact, coarse)


def test_random_rule_is_seeded():
    q = sample(50, 2)
    a = removal_order(q, np.ones(2), "random", seed=3)
    assert np.array_equal(a, removal_order(q, np.ones(2), "random", seed=3))
    assert not np.array_equal(a, removal_order(q, np.ones(2), "random", seed=4))
    assert sorted(a) == list(range(50))


def test_a_feature_with_nothing_left_or_zero_weight_adds_no_loss():
    q = np.array([[0.5, 0.0], [0.5, 1.0]], np.float32)
    loss = marginal_loss(q, np.array([1.0, 0.0]), np.array([1.0, 1.0]), "CAZ1")
    assert loss == pytest.approx([0.5, 0.5])
    loss = marginal_loss(q, np.array([1.0, 1.0]), np.array([1.0, 0.0]), "CAZ2")
    assert loss == pytest.approx([0.5, 0.5])


def test_unknown_rule_is_an_input_error():
    with pytest.raises(InputError, match="RULE"):
        removal_order(sample(), np.ones(3), 7)


@pytest.mark.parametrize("size", [50, 5 * SAMPLE])
@pytest.mark.parametrize("count", [1, 7, 600])
def test_the_cells_removed_in_a_step_are_the_smallest_losses_ties_by_position(size, count):
    rng = np.random.default_rng(size + count)
    values = np.round(rng.gamma(0.5, 1.0, size), 2).astype(np.float32)    # many exact ties, zeros included
    values[rng.random(size) < 0.1] = np.inf                               # cells already removed
    count = min(count, size // 2)
    expected = np.lexsort((np.arange(size), values))[:count]
    assert np.array_equal(smallest(values, count), expected)

