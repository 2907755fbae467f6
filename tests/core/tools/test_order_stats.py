"""Exact streamed order statistics and quantiles (core/tools/order_stats.py) against numpy."""
import numpy as np
import pytest
from ecosecurity.core.tools.order_stats import key_values, order_statistics, quantiles, sort_keys


def chunked(values, size):
    return lambda: (values[i:i + size] for i in range(0, values.size, size))


def test_sort_keys_order_like_the_values_and_round_trip():
    values = np.array([-np.inf, -1e300, -2.5, -1e-300, 0.0, 1e-300, 3.0, 1e300, np.inf])
    keys = sort_keys(values)
    assert np.all(np.diff(keys.astype(object)) > 0)
    assert key_values(keys).tobytes() == values.tobytes()


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("collect", [0, 7, 1 << 20])
def test_order_statistics_equal_a_full_sort(seed, collect):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 3000))
    kind = seed % 3
    if kind == 0:
        values = rng.normal(size=n) * 10.0 ** rng.integers(-5, 6)
    elif kind == 1:
        values = rng.integers(-3, 4, n).astype(np.float64)            # many ties, zero, negatives
    else:
        values = rng.gamma(2.0, 3.0, n).astype(np.float32).astype(np.float64)
    ranks = np.unique(rng.integers(0, n, 9))
    found = order_statistics(chunked(values, int(rng.integers(1, 500))), n, ranks, collect=collect)
    np.testing.assert_array_equal(found, np.sort(values)[ranks])


@pytest.mark.parametrize("seed", range(20))
def test_quantiles_are_those_of_numpy_bit_for_bit(seed):
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(1, 5000))
    values = rng.lognormal(size=n).astype(np.float32).astype(np.float64)
    values[rng.random(n) < 0.2] = 1.0
    q = np.linspace(0.0, 1.0, int(rng.integers(2, 33)) + 1)
    found = quantiles(chunked(values, 333), n, q)
    assert found.tobytes() == np.quantile(values, q).tobytes()
