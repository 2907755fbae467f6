"""AHP weights, consistency and matrix input (core/resistance/ahp.py, core/resistance/pairwise_input.py)."""
import numpy as np
import pytest
from ecosecurity.core.resistance.ahp import (
    RANDOM_INDEX,
    ahp_weights,
    consistency,
    geometric_mean_matrix,
    nearest_scale_value,
    random_index,
)
from ecosecurity.core.resistance.pairwise_input import (
    assemble_matrix,
    parse_matrix_text,
    read_matrix_csv,
    split_experts,
)
from ecosecurity.core.runtime.errors import InputError

# Published values are printed with 3 decimals: they are matched to half a unit of the last digit.
PRINTED = 0.5e-3


def matrix(text, names=None):
    return assemble_matrix(parse_matrix_text(text), names)


# Saaty, T.L. (1990) How to make a decision: the analytic hierarchy process. EJOR 48:9-26,
# Table 2 (criteria for buying a house): priorities, λmax = 9.669, CI = 0.238, CR = 0.169.
HOUSE = ("1,5,3,7,6,6,1/3,1/4; 1/5,1,1/3,5,3,3,1/5,1/7; 1/3,3,1,6,3,4,6,1/5; 1/7,1/5,1/6,1,1/3,1/4,1/7,1/8;"
         "1/6,1/3,1/3,3,1,1/2,1/5,1/6; 1/6,1/3,1/4,4,2,1,1/5,1/6; 3,5,1/6,7,5,5,1,1/2; 4,7,5,8,6,6,2,1")
HOUSE_WEIGHTS = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]

# Saaty, T.L. (2008) Decision making with the analytic hierarchy process. Int. J. Services
# Sciences 1(1):83-98, Table 2 (drink consumption in the US): derived scale and CR = 0.022.
DRINKS = ("1,9,5,2,1,1,1/2; 1/9,1,1/3,1/9,1/9,1/9,1/9; 1/5,3,1,1/3,1/4,1/3,1/9; 1/2,9,3,1,1/2,1,1/3;"
          "1,9,4,2,1,2,1/2; 1,9,3,1,1/2,1,1/3; 2,9,9,3,2,3,1")
DRINKS_WEIGHTS = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]
# The same matrix to 4 decimals as computed by the independent AHPy 2.0 package (its test suite).
DRINKS_WEIGHTS_4 = [0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268]

# Saaty, T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill, §2.2 (relative wealth of
# nations: US, USSR, China, France, UK, Japan, W. Germany): eigenvector and λmax = 7.61.
WEALTH = ("1,4,9,6,6,5,5; 1/4,1,7,5,5,3,4; 1/9,1/7,1,1/5,1/5,1/7,1/5; 1/6,1/5,5,1,1,1/3,1/3;"
          "1/6,1/5,5,1,1,1/3,1/3; 1/5,1/3,7,3,3,1,2; 1/5,1/4,5,3,3,1/2,1")
WEALTH_WEIGHTS = [0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094]


def test_saaty_1990_house_weights_lambda_ci_cr_match_the_published_values():
    result = ahp_weights(matrix(HOUSE), allow_inconsistent=True)
    assert np.allclose(result.weights, HOUSE_WEIGHTS, atol=PRINTED)
    assert result.lambda_max == pytest.approx(9.669, abs=0.5e-3)
    assert result.ci == pytest.approx(0.238, abs=0.5e-3)
    assert result.cr == pytest.approx(0.169, abs=0.5e-3)


def test_saaty_2008_drinks_weights_and_cr_match_the_published_values():
    result = ahp_weights(matrix(DRINKS))
    assert np.allclose(result.weights, DRINKS_WEIGHTS, atol=PRINTED)
    assert result.cr == pytest.approx(0.022, abs=0.5e-3)
    assert np.allclose(result.weights, DRINKS_WEIGHTS_4, atol=0.5e-4)


def test_saaty_1980_wealth_of_nations_weights_and_lambda_match_the_published_values():
    result = ahp_weights(matrix(WEALTH))
    assert np.allclose(result.weights, WEALTH_WEIGHTS, atol=PRINTED)
    assert result.lambda_max == pytest.approx(7.61, abs=0.5e-2)


def test_weights_are_the_limit_of_the_power_iteration():
    a = matrix(HOUSE)
    vector = np.ones(len(a))
    for _ in range(200):
        vector = a @ vector
        vector /= vector.sum()
    result = ahp_weights(a, allow_inconsistent=True)
    assert np.allclose(result.weights, vector, atol=1e-10)
    assert result.lambda_max == pytest.approx(float((a @ vector)[0] / vector[0]), abs=1e-9)


def test_consistent_matrix_gives_its_ratios_and_cr_zero():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    result = ahp_weights(np.outer(w, 1 / w))
    assert np.allclose(result.weights, w, atol=1e-12)
    assert result.lambda_max == pytest.approx(4.0, abs=1e-9)
    assert result.cr == pytest.approx(0.0, abs=1e-9)
    assert result.inconsistent == []


def test_cr_above_0_1_is_an_error_naming_the_most_inconsistent_comparison():
    a = matrix("1,3,1/3;1/3,1,3;3,1/3,1")
    with pytest.raises(InputError, match=r"CR = .* > 0\.1.*'A' vs 'C' is 1/3"):
        ahp_weights(a, names=["A", "B", "C"])


def test_allow_inconsistent_returns_the_weights_and_the_cr():
    result = ahp_weights(matrix("1,3,1/3;1/3,1,3;3,1/3,1"), names=["A", "B", "C"], allow_inconsistent=True)
    assert result.cr > 0.1 and not result.consistent
    assert np.allclose(result.weights, [1 / 3] * 3)


def test_most_inconsistent_comparison_suggests_the_value_the_other_judgments_imply():
    # A = 2B, B = 2C consistently, but A vs C is given as 1/2 instead of 4.
    result = ahp_weights(matrix("1,2,1/2;1/2,1,2;2,1/2,1"), names=list("ABC"), allow_inconsistent=True)
    worst = result.inconsistent[0]
    assert (worst.row, worst.column) in {("A", "C"), ("A", "B"), ("B", "C")}
    assert worst.suggested == nearest_scale_value(worst.implied)


def test_one_wrong_judgment_in_a_consistent_matrix_is_found():
    w = np.array([8.0, 4.0, 2.0, 1.0])
    a = np.outer(w, 1 / w)
    a[0, 3], a[3, 0] = 1 / 8, 8.0      # 'A' vs 'D' reversed
    result = ahp_weights(a, names=list("ABCD"), allow_inconsistent=True)
    worst = result.inconsistent[0]
    assert (worst.row, worst.column) == ("A", "D")
    assert worst.implied == pytest.approx(8.0) and worst.suggested == 8.0


def test_group_geometric_mean_of_three_consistent_experts_is_the_geometric_mean_of_their_weights():
    experts = [np.array([0.6, 0.3, 0.1]), np.array([0.5, 0.25, 0.25]), np.array([0.2, 0.5, 0.3])]
    result = ahp_weights([np.outer(w, 1 / w) for w in experts], names=list("ABC"))
    expected = np.prod(experts, axis=0) ** (1 / 3)
    assert np.allclose(result.weights, expected / expected.sum(), atol=1e-12)
    assert result.expert_crs == pytest.approx([0, 0, 0], abs=1e-9)


def test_group_of_three_experts_aggregates_each_judgment_by_geometric_mean():
    texts = ["3,5;2", "5,7;3", "1,3;1/2"]        # strict upper triangles of A, B, C
    mats = [assemble_matrix(parse_matrix_text(t), list("ABC")) for t in texts]
    group = geometric_mean_matrix(mats)
    assert group[0, 1] == pytest.approx((3 * 5 * 1) ** (1 / 3))
    assert group[0, 2] == pytest.approx((5 * 7 * 3) ** (1 / 3))
    assert group[1, 2] == pytest.approx((2 * 3 * 0.5) ** (1 / 3))
    assert np.allclose(group * group.T, 1.0)
    result = ahp_weights(mats, names=list("ABC"))
    lam, _ = np.linalg.eig(group)
    assert result.lambda_max == pytest.approx(max(lam.real))
    assert len(result.expert_crs) == 3


def test_expert_weights_tilt_the_group_matrix():
    a, b = np.array([[1, 9], [1 / 9, 1]]), np.array([[1, 1], [1, 1]])
    group = geometric_mean_matrix([a, b], expert_weights=[3, 1])
    assert group[0, 1] == pytest.approx(9 ** 0.75)
    with pytest.raises(InputError, match="expert weight"):
        geometric_mean_matrix([a, b], expert_weights=[1])


def test_random_index_tables():
    assert random_index(3) == 0.58 and random_index(10) == 1.49 and random_index(12) == 1.48
    assert random_index(3, "xu") == 0.52 and random_index(15, "xu") == 1.59
    assert all(len(table) == 15 for table in RANDOM_INDEX.values())
    with pytest.raises(InputError, match="1 to 15"):
        random_index(16)


def test_two_criteria_are_always_consistent():
    assert consistency(2.0, 2) == (0.0, 0.0, 0.0)
    result = ahp_weights(matrix("1,4;1/4,1"))
    assert np.allclose(result.weights, [0.8, 0.2]) and result.cr == 0.0


# --- input forms ---------------------------------------------------------------------------

def test_full_matrix_with_fractions_is_read():
    a = matrix("1,3,5;1/3,1,3;1/5,1/3,1")
    assert a[2, 0] == pytest.approx(0.2) and a[1, 0] == pytest.approx(1 / 3)


def test_upper_triangle_with_and_without_diagonal_give_the_full_matrix():
    full = matrix("1,3,5;1/3,1,3;1/5,1/3,1")
    assert np.allclose(matrix("3,5;3"), full)
    assert np.allclose(matrix("1,3,5;1,3;1", names=list("ABC")), full)


def test_triangle_readable_both_ways_needs_the_criteria_names():
    with pytest.raises(InputError, match="criteria names"):
        matrix("1,3,5;1,3;1")


def test_rounded_reciprocals_are_accepted_and_made_exact():
    a = matrix("1,3,0.2;0.33,1,0.14;5,7,1")
    assert a[1, 0] == pytest.approx(1 / 3) and a[1, 2] == pytest.approx(1 / 7)


def test_reciprocal_that_does_not_match_is_an_error_naming_the_pair():
    with pytest.raises(InputError, match=r"'B' vs 'A' is 1/2.*reciprocal"):
        matrix("1,3,5;1/2,1,3;1/5,1/3,1", names=list("ABC"))


def test_diagonal_other_than_one_is_an_error():
    with pytest.raises(InputError, match="diagonal"):
        matrix("2,3;1/3,1")


def test_judgment_missing_on_both_sides_is_an_error():
    with pytest.raises(InputError, match="missing"):
        matrix("1,,5;,1,3;1/5,1/3,1", names=list("ABC"))


def test_lower_triangle_with_empty_cells_is_completed():
    assert np.allclose(matrix("1,,;1/3,1,;1/5,1/3,1"), matrix("3,5;3"))


def test_non_number_and_non_positive_judgments_are_errors():
    with pytest.raises(InputError, match="not a number"):
        parse_matrix_text("1,x;1,1")
    with pytest.raises(InputError, match="not positive"):
        parse_matrix_text("1,0;1,1")


def test_judgment_outside_the_saaty_scale_is_an_error():
    with pytest.raises(InputError, match="outside Saaty"):
        ahp_weights(matrix("1,12;1/12,1"), names=["A", "B"])


def test_wrong_number_of_names_is_an_error():
    with pytest.raises(InputError, match="criteria"):
        matrix("1,3;1/3,1", names=list("ABC"))


def test_experts_are_separated_by_bars():
    assert split_experts("3,5;3 | 5,7;3 |1,3;1/2") == ["3,5;3", "5,7;3", "1,3;1/2"]


def test_csv_with_names_and_two_experts_is_read(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(",land use,slope,road\nland use,1,3,5\nslope,1/3,1,3\nroad,1/5,1/3,1\n\n"
                    ",land use,slope,road\nland use,1,2,4\nslope,1/2,1,2\nroad,1/4,1/2,1\n", encoding="utf-8")
    names, experts = read_matrix_csv(path)
    assert names == ["land use", "slope", "road"] and len(experts) == 2
    assert np.allclose(assemble_matrix(experts[1], names)[0], [1, 2, 4])


def test_gbk_csv_with_header_only_and_upper_triangle_is_read(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes("土地利用,坡度,道路\n3,5\n3\n".encode("gbk"))
    names, experts = read_matrix_csv(path)
    assert names == ["土地利用", "坡度", "道路"]
    assert np.allclose(assemble_matrix(experts[0], names), matrix("3,5;3"))


def test_missing_csv_is_an_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_matrix_csv(tmp_path / "nope.csv")
