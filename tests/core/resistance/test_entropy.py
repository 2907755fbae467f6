"""Entropy weight method and combination with AHP (core/resistance/entropy.py)."""
import math

import numpy as np
import pytest
from ecosecurity.core.io.blockio import AlignedSource
from ecosecurity.core.io.raster import Grid, write_raster
from ecosecurity.core.resistance.entropy import (
    NEGATIVE,
    POSITIVE,
    combine_weights,
    entropy_weights,
    entropy_weights_of_rasters,
    parse_directions,
)
from ecosecurity.core.runtime.errors import InputError

# Xu, X. (2004) A note on the subjective and objective integrated approach to determine attribute
# weights. EJOR 156(2):530-532 — decision matrix and its entropy weights (raw-value proportions).
XU_2004 = [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]
XU_2004_WEIGHTS = [0.4630, 0.3992, 0.1378, 0.0000]

# Zavadskas, E.K. & Podvezko, V. (2016) Integrated determination of objective criteria weights in
# MCDM. IJITDM 15(2):267-283 — entropy weights of their 4 × 4 example.
ZP_2016 = [[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]]
ZP_2016_WEIGHTS = [0.1146, 0.1981, 0.4185, 0.2689]


def test_xu_2004_published_entropy_weights_to_1e_4():
    result = entropy_weights(XU_2004, normalisation="sum")
    assert np.allclose(result.weights, XU_2004_WEIGHTS, atol=0.5e-4)


def test_zavadskas_podvezko_2016_published_entropy_weights_to_1e_4():
    result = entropy_weights(ZP_2016, directions=[NEGATIVE, POSITIVE, NEGATIVE, POSITIVE], normalisation="sum")
    assert np.allclose(result.weights, ZP_2016_WEIGHTS, atol=0.5e-4)
    assert any("direction" in note for note in result.notes)


def test_minmax_entropy_matches_the_hand_computation():
    # x = 1, 2, 3 (positive): z = 0, 1/2, 1 -> p = 0, 1/3, 2/3.
    # y = 5, 5, 2 (negative): z = 0, 0, 1 -> p = 0, 0, 1 -> e = 0.
    result = entropy_weights([[1, 5], [2, 5], [3, 2]], directions=[POSITIVE, NEGATIVE])
    e_x = -(1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3)) / math.log(3)
    assert result.entropy == pytest.approx([e_x, 0.0])
    assert result.divergence == pytest.approx([1 - e_x, 1.0])
    assert result.weights == pytest.approx([(1 - e_x) / (2 - e_x), 1 / (2 - e_x)])


def test_negative_direction_reverses_the_minmax_normalisation():
    data = [[1.0], [2.0], [4.0], [8.0]]
    positive = entropy_weights(np.hstack([data, data]), directions=[POSITIVE, NEGATIVE])
    z_pos = np.array([0, 1, 3, 7]) / 7
    z_neg = 1 - z_pos
    e = [-(p[p > 0] * np.log(p[p > 0])).sum() / math.log(4) for p in (z_pos / z_pos.sum(), z_neg / z_neg.sum())]
    assert positive.entropy == pytest.approx(e)


def test_weights_sum_to_one():
    rng = np.random.default_rng(1)
    result = entropy_weights(rng.random((50, 6)))
    assert result.weights.sum() == pytest.approx(1.0)


def test_constant_factor_gets_weight_zero_with_a_note():
    result = entropy_weights([[1, 3], [2, 3], [3, 3]])
    assert result.weights == pytest.approx([1.0, 0.0])
    assert any("does not vary" in note and "F2" in note for note in result.notes)


def test_no_varying_factor_is_an_error():
    with pytest.raises(InputError, match="No factor varies"):
        entropy_weights([[1, 3], [1, 3]])


def test_rows_with_missing_values_are_dropped():
    full = entropy_weights([[1, 2], [2, 1], [4, 4]])
    gappy = entropy_weights([[1, 2], [np.nan, 7], [2, 1], [4, 4]])
    assert gappy.samples == 3 and np.allclose(full.weights, gappy.weights)


def test_sum_normalisation_refuses_negative_values():
    with pytest.raises(InputError, match="negative values"):
        entropy_weights([[1, -2], [2, 1]], normalisation="sum")


def test_directions_are_parsed_from_signs_and_words():
    assert parse_directions("+, -, 正向,负向", 4) == [1, -1, 1, -1]
    assert parse_directions("", 3) == [1, 1, 1]
    with pytest.raises(InputError, match="one per factor"):
        parse_directions("+,-", 3)
    with pytest.raises(InputError, match="Unknown factor direction"):
        parse_directions("+,up", 2)


def test_multiplicative_combination_is_the_normalised_product():
    assert combine_weights([0.5, 0.3, 0.2], [0.2, 0.5, 0.3]) == pytest.approx(
        np.array([0.1, 0.15, 0.06]) / 0.31)


def test_linear_combination_uses_alpha_as_the_ahp_share():
    assert combine_weights([0.5, 0.5], [1.0, 0.0], "linear", alpha=0.25) == pytest.approx([0.875, 0.125])
    with pytest.raises(InputError, match="α"):
        combine_weights([0.5, 0.5], [1.0, 0.0], "linear", alpha=1.5)


def test_combination_needs_matching_factors():
    with pytest.raises(InputError, match="must match"):
        combine_weights([1.0], [0.5, 0.5])


def test_raster_entropy_equals_the_table_entropy_over_common_valid_cells(tmp_path):
    rng = np.random.default_rng(3)
    grid = Grid((0.0, 10.0, 0.0, 100.0, 0.0, -10.0), "", 9, 7)
    a = rng.random((9, 7)).astype(np.float32)
    b = rng.integers(1, 6, (9, 7)).astype(np.int16)
    b[0, :3] = -1                       # NoData in b
    write_raster(tmp_path / "a.tif", a, grid)
    write_raster(tmp_path / "b.tif", b, grid, nodata=-1)
    sources = [AlignedSource(str(tmp_path / name), grid) for name in ("a.tif", "b.tif")]
    valid = b != -1
    table = np.stack([a[valid], b[valid]], axis=1)
    for normalisation in ("minmax", "sum"):
        streamed = entropy_weights_of_rasters(sources, ["a", "b"], [POSITIVE, NEGATIVE], normalisation)
        direct = entropy_weights(table, ["a", "b"], [POSITIVE, NEGATIVE], normalisation)
        assert streamed.samples == valid.sum()
        assert np.allclose(streamed.entropy, direct.entropy, atol=1e-12)
