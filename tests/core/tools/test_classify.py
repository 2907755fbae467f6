"""Rules of core/tools/classify.py: exact Fisher-Jenks, the other break methods, class assignment."""
import itertools

import numpy as np
import pytest
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.tools.classify import apply_breaks, class_index, compute_breaks, natural_breaks, parse_numbers


def within_class_ssd(values, edges):
    classes = class_index(values, edges)
    return sum(((values[classes == c] - values[classes == c].mean()) ** 2).sum()
               for c in np.unique(classes))


def exhaustive_optimum(values, k):
    """Brute force: every way to cut the sorted values into k contiguous non-empty classes."""
    x = np.sort(values)
    return min(sum(((part - part.mean()) ** 2).sum() for part in np.split(x, cuts))
               for cuts in itertools.combinations(range(1, x.size), k - 1))


@pytest.mark.parametrize("seed", range(40))
def test_natural_breaks_equal_the_exhaustive_optimum(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(6, 13))
    k = int(rng.integers(2, 6))
    values = np.round(rng.lognormal(size=n) * 10, 1)
    edges = natural_breaks(values, k)
    assert within_class_ssd(values, edges) == pytest.approx(exhaustive_optimum(values, k), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("values, k, expected", [
    # jenkspy README (mthh/jenkspy): jenks_breaks([1.3, 7.1, ...], n_classes=3)
    ([1.3, 7.1, 7.3, 2.3, 3.9, 4.1, 7.8, 1.2, 4.3, 7.3, 5.0, 4.3], 3, [1.2, 2.3, 5.0, 7.8]),
    # 'jenks' npm package README (42arch/Jenks): naturalBreak() with 3 classes
    ([1, 2, 5, 15, 45, 89.3, 112, 31, 120, 0.5], 3, [0.5, 15, 45, 120]),
])
def test_natural_breaks_reproduce_published_examples(values, k, expected):
    assert natural_breaks(values, k).tolist() == pytest.approx(expected)


def test_natural_breaks_on_a_sample_are_seeded_and_keep_the_extremes():
    values = np.random.default_rng(5).normal(size=50_000)
    first = natural_breaks(values, 5, sample_size=2000, seed=3)
    again = natural_breaks(values, 5, sample_size=2000, seed=3)
    assert first.tolist() == again.tolist()
    assert first[0] == values.min() and first[-1] == values.max()


def test_natural_breaks_with_fewer_distinct_values_than_classes_put_each_value_in_its_class():
    edges = natural_breaks([3, 3, 7, 7, 9], 5)
    assert class_index(np.array([3, 7, 9]), edges).tolist() == [1, 2, 3]


def test_quantile_classes_hold_equal_counts():
    values = np.arange(1, 101, dtype=float)
    classes = class_index(values, compute_breaks(values, "quantile", 4))
    assert np.bincount(classes)[1:].tolist() == [25, 25, 25, 25]


def test_equal_interval_edges_are_evenly_spaced():
    assert compute_breaks([0.0, 3.0, 10.0], "equal_interval", 5).tolist() == [0, 2, 4, 6, 8, 10]


def test_geometric_interval_edges_grow_by_a_constant_ratio():
    edges = compute_breaks([1.0, 5.0, 1000.0], "geometric_interval", 3)
    assert edges.tolist() == pytest.approx([1, 10, 100, 1000])


def test_std_dev_edges_are_one_deviation_apart_around_the_mean():
    values = np.random.default_rng(1).normal(50, 10, 100_000)
    edges = compute_breaks(values, "std_dev", 4)
    mean, sd = values.mean(), values.std()
    assert edges[1:-1].tolist() == pytest.approx([mean - sd, mean, mean + sd])


def test_manual_breaks_give_one_more_class_than_thresholds():
    edges = compute_breaks([0, 100], "manual", thresholds=[5, 15, 25])
    assert class_index(np.array([0, 5, 6, 15, 20, 99]), edges).tolist() == [1, 1, 2, 2, 3, 4]


def test_manual_breaks_must_be_ascending():
    with pytest.raises(InputError, match="ascending"):
        compute_breaks([0, 100], "manual", thresholds=[10, 5])


def test_class_count_outside_2_to_32_is_refused():
    with pytest.raises(InputError, match="between 2 and 32"):
        compute_breaks([1, 2, 3], "equal_interval", 33)


def test_all_nodata_is_refused():
    with pytest.raises(InputError, match="NoData"):
        compute_breaks([], "quantile", 3)


def test_breaks_are_compared_in_the_rasters_own_precision():
    # a float32 value stored for 0.2 belongs to the class ending at the break 0.2
    assert class_index(np.array([0.2, 0.21], np.float32), [0.0, 0.2, 1.0]).tolist() == [1, 2]


def test_values_on_a_break_belong_to_the_lower_class():
    assert class_index(np.array([-5.0, 8.0, 8.5, 35.0, 1e9]), [-np.inf, 8, 15, 35, np.inf]).tolist() == [1, 1, 2, 3, 4]


def test_scores_replace_class_numbers_and_reverse_flips_them():
    values = np.array([1.0, 5.0, 9.0])
    edges = [1, 3, 6, 9]
    assert apply_breaks(values, edges, [10, 50, 100]).tolist() == [10, 50, 100]
    assert apply_breaks(values, edges, reverse=True).tolist() == [3, 2, 1]


def test_scores_must_match_the_class_count():
    with pytest.raises(InputError, match="one score per class"):
        apply_breaks(np.array([1.0]), [0, 1, 2], [1, 2, 3])


def test_nodata_cells_keep_nodata():
    out = apply_breaks(np.array([1.0, 2.0]), [0, 1, 2], valid=np.array([True, False]), nodata=-1)
    assert out.tolist() == [1, -1]


def test_number_lists_are_parsed_or_refused_clearly():
    assert parse_numbers("1, 2;3 4", "Scores") == [1, 2, 3, 4]
    with pytest.raises(InputError, match="Scores"):
        parse_numbers("1,a", "Scores")
