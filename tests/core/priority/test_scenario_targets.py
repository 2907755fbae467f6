"""Scenario target groups (spec prioritization.md §2): feasibility, the grid, the count, the families."""
import csv
import itertools
from fractions import Fraction

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, epsg_wkt
from ecosecurity.core.priority.scenario_targets import scenario_targets
from ecosecurity.core.priority.target_inputs import (
    measure_zones,
    parse_areas,
    parse_bounds,
)
from ecosecurity.core.priority.targets import (
    TargetProblem,
    by_family,
    check_feasible,
    enumerate_groups,
    grid_values,
)
from ecosecurity.core.runtime.errors import CancelledError, InputError
from ecosecurity.core.runtime.progress import Progress
from services_case import raster

XIAN_AREAS = {1: 2539.84, 2: 904.53, 3: 6523.46}
XIAN_BASE = 10087.35


def xian(fraction=0.38, lower=(0.22, 0.20, 0.38), upper=(0.25, 0.25, 0.44), step=0.01):
    return TargetProblem(dict(XIAN_AREAS), XIAN_BASE, fraction, dict(zip((1, 2, 3), lower)),
                         dict(zip((1, 2, 3), upper)), step)


def hand_case():
    """A = 100, 100, 200 km², base 400, f = 0.25 (target 100 km²); X1, X2 ∈ {0.10, 0.15, …, 0.30}
    (i, j = 0…4), X3 ∈ [0.20, 0.30]. X3 = 0.4 − 0.025(i + j) is inside iff i + j ≥ 4: 25 − (1+2+3+4) = 15."""
    return TargetProblem({1: 100.0, 2: 100.0, 3: 200.0}, 400.0, 0.25, {1: 0.10, 2: 0.10, 3: 0.20},
                         {1: 0.30, 2: 0.30, 3: 0.30}, 0.05)


def brute_force(problem):
    """Exact (rational) enumeration: every grid point of the spaces but the last, X_last solved, kept
    when inside its bounds — the oracle for the float enumeration."""
    q = {c: Fraction(str(v)) for c, v in problem.areas.items()}
    low = {c: Fraction(str(v)) for c, v in problem.lower.items()}
    high = {c: Fraction(str(v)) for c, v in problem.upper.items()}
    step, target = Fraction(str(problem.step)), Fraction(str(problem.fraction)) * Fraction(str(problem.base))
    *free, last = problem.codes
    axes = []
    for c in free:
        values, x = [], low[c]
        while x <= high[c]:
            values.append(x)
            x += step
        axes.append(values)
    found = []
    for point in itertools.product(*axes):
        x_last = (target - sum(q[c] * x for c, x in zip(free, point))) / q[last]
        if low[last] <= x_last <= high[last]:
            found.append([float(x) for x in point] + [float(x_last)])
    return found


def test_published_xian_bounds_stop_with_the_arithmetic_of_the_spec():
    with pytest.raises(InputError) as error:
        enumerate_groups(xian())
    text = str(error.value)
    for figure in ("3833.19", "3731.41", "36.99 %", "634.96 + 226.13 + 2870.32", "101.78",
                   "45.56 %", "47.42 %", "upper bound of the ecological space to ≥ 45.56 %", "3218.59",
                   "between 0.3191 and 0.3699", "9967.83"):
        assert figure in text, figure
    assert " / " in text and "上下限无解" in text


def test_lower_bounds_above_the_target_name_the_lower_bounds():
    with pytest.raises(InputError, match=r"at least .* = 3218.59 km².*lower bound of the ecological space to ≤"):
        check_feasible(xian(fraction=0.30))


def test_the_fraction_the_error_proposes_is_feasible():
    groups = enumerate_groups(xian(fraction=0.3699))
    assert len(groups.fractions) >= 1
    assert groups.fractions[:, 2].max() <= 0.44 + 1e-9


def test_hand_computed_count_with_both_bounds_of_the_solved_space_reached():
    groups = enumerate_groups(hand_case())
    assert len(groups.fractions) == 15 and groups.grid_points == 25
    assert groups.fractions[:, 2].min() == pytest.approx(0.20) and groups.fractions[:, 2].max() == pytest.approx(0.30)
    areas = groups.fractions @ np.array([100.0, 100.0, 200.0])
    assert areas == pytest.approx(np.full(15, 100.0))


@pytest.mark.parametrize("seed", range(6))
def test_enumeration_equals_an_exact_rational_brute_force(seed):
    rng = np.random.default_rng(seed)
    codes = (1, 2, 3, 4)[: 2 + seed % 3]
    areas = {c: float(rng.integers(50, 5000)) for c in codes}
    lower = {c: round(float(rng.uniform(0.05, 0.3)), 2) for c in codes}
    upper = {c: round(lower[c] + float(rng.uniform(0.02, 0.2)), 2) for c in codes}
    mid = sum(areas[c] * (lower[c] + upper[c]) / 2 for c in codes)
    base = round(sum(areas.values()), 2)
    problem = TargetProblem(areas, base, round(mid / base, 4), lower, upper, 0.01)
    expected = brute_force(problem)
    groups = enumerate_groups(problem)
    assert len(groups.fractions) == len(expected) > 0
    assert groups.fractions == pytest.approx(np.array(expected), abs=1e-12)


def test_a_solved_share_on_its_bound_up_to_float_noise_is_kept_and_clipped():
    """X3 = 0.3 − X1 − X2 ∈ [0, 0.3] iff X1 + X2 ≤ 0.3: (0.1, 0.1), (0.1, 0.2), (0.2, 0.1); in floats
    0.3 − 0.1 − 0.2 = −2.8e-17, kept by the 1e-9 tolerance and written as 0."""
    problem = TargetProblem({1: 1.0, 2: 1.0, 3: 1.0}, 1.0, 0.3, {1: 0.1, 2: 0.1, 3: 0.0}, {1: 0.3, 2: 0.3, 3: 0.3}, 0.1)
    groups = enumerate_groups(problem)
    assert len(groups.fractions) == len(brute_force(problem)) == 3
    assert sorted(groups.fractions[:, 2].tolist())[:2] == [0.0, 0.0]


def test_grid_is_built_from_integers_without_float_drift():
    assert grid_values(0.22, 0.25, 0.01).tolist() == [0.22, 0.23, 0.24, 0.25]
    assert grid_values(0.1, 0.3, 0.1).tolist() == [0.1, 0.2, 0.3]
    assert len(grid_values(0.0, 1.0, 0.1)) == 11 and grid_values(0.0, 1.0, 0.1)[-1] == 1.0
    assert grid_values(0.20, 0.25, 0.02).tolist() == [0.20, 0.22, 0.24]


def test_families_partition_the_groups_by_the_largest_position_in_range_ties_to_the_lower_code():
    problem = hand_case()
    groups = enumerate_groups(problem)
    span = np.array([0.2, 0.2, 0.1])
    reach = (groups.fractions - np.array([0.1, 0.1, 0.2])) / span
    for x, u, family in zip(groups.fractions, reach, groups.families):
        best = max(u.round(9))
        assert family == 1 + next(k for k in range(3) if round(u[k], 9) == best), x
    parts = [by_family(groups, code).fractions for code in (1, 2, 3)]
    assert sum(len(p) for p in parts) == 15
    assert {tuple(r) for p in parts for r in p.round(9)} == {tuple(r) for r in groups.fractions.round(9)}
    by_point = {tuple(np.round(x[:2], 2)): f for x, f in zip(groups.fractions, groups.families)}
    assert by_point[(0.10, 0.30)] == 2      # u = 0, 1, 1: living and ecological tie, living is earlier
    assert by_point[(0.30, 0.30)] == 1      # u = 1, 1, 0
    assert by_point[(0.20, 0.20)] == 3      # u = 0.5, 0.5, 1


def test_a_fixed_space_counts_as_zero_of_its_range():
    problem = hand_case()
    problem.lower[1] = problem.upper[1] = 0.30
    groups = enumerate_groups(problem)
    assert (groups.families != 1).all() and len(groups.fractions) == 5  # i = 4: every j = 0…4 has i + j ≥ 4


def test_feasible_range_but_no_grid_point_gives_a_clear_error():
    problem = TargetProblem({1: 100.0, 2: 100.0}, 200.0, 0.18, {1: 0.1, 2: 0.12}, {1: 0.3, 2: 0.14}, 0.1)
    check_feasible(problem)     # 36 km² lies in [22, 44]
    with pytest.raises(InputError, match=r"no point of the grid .*closest.*Use a smaller STEP"):
        enumerate_groups(problem)


@pytest.mark.parametrize("change, message", [
    ({"step": 0.0}, "STEP 0 must be in"), ({"step": -0.01}, "STEP -0.01 must be in"),
    ({"fraction": 0.0}, "BASE_FRACTION 0 must be"), ({"lower": (0.26, 0.2, 0.38)}, "LOWER 0.26 is above UPPER 0.25")])
def test_bad_numbers_are_refused(change, message):
    with pytest.raises(InputError, match=message):
        enumerate_groups(xian(**change))


def test_a_grid_too_large_is_refused_before_enumerating():
    with pytest.raises(InputError, match="grid points"):
        enumerate_groups(xian(lower=(0.0, 0.0, 0.0), upper=(1.0, 1.0, 1.0), step=0.0001, fraction=0.3))


def test_bounds_above_one_suggest_dividing_by_100_and_counts_must_match():
    with pytest.raises(InputError, match=r"did you mean 0.22 \(22 %\)"):
        parse_bounds("22, 20, 38", [1, 2, 3], "LOWER")
    with pytest.raises(InputError, match="UPPER has 2 value.*3 spaces"):
        parse_bounds("0.25,0.25", [1, 2, 3], "UPPER")
    assert parse_bounds("0.22, 0.2; 0.38", [1, 2, 3], "LOWER") == {1: 0.22, 2: 0.2, 3: 0.38}


def test_areas_text_is_parsed_and_checked():
    assert parse_areas("1:2539.84; 2:904.53; 3:6523.46") == XIAN_AREAS
    for bad, message in (("1:10; 1:20", "twice"), ("1=10", "code:km²"), ("1:0", "area > 0"), ("", "empty"),
                         ("1.5:3", "whole number")):
        with pytest.raises(InputError, match=message):
            parse_areas(bad)


def test_zone_areas_are_cells_times_cell_area_and_the_region_counts_every_cell_with_data(tmp_path):
    zones = np.array([[1, 1, 2, 3], [3, 3, 0, -9999]], np.int32)   # 100 m cells = 0.01 km²
    areas = measure_zones(raster(tmp_path / "z.tif", zones))
    assert areas.areas == pytest.approx({1: 0.02, 2: 0.01, 3: 0.03})
    assert areas.region == pytest.approx(0.07)


def test_geographic_zones_are_refused(tmp_path):
    grid = Grid((108.0, 0.001, 0.0, 34.0, 0.0, -0.001), epsg_wkt(4326), 2, 2)
    with pytest.raises(InputError, match="geographic"):
        measure_zones(raster(tmp_path / "z.tif", np.ones((2, 2), np.int32), grid))


def test_table_has_the_columns_paretoselect_reads(tmp_path):
    out = tmp_path / "groups.csv"
    groups = scenario_targets(str(out), "0.1,0.1,0.2", "0.3,0.3,0.3", areas="1:100; 2:100; 3:200", fraction=0.25,
                              base_area=400, step=0.05, family=3)
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["group", "family", "x_1", "area_1_km2", "x_2", "area_2_km2", "x_3", "area_3_km2",
                             "total_km2", "target_km2", "share_of_base"]
    assert len(rows) == len(groups.fractions) and {r["family"] for r in rows} == {"ecology-first"}
    for row in rows:
        assert float(row["total_km2"]) == pytest.approx(100.0) and float(row["share_of_base"]) == pytest.approx(0.25)
        assert float(row["area_3_km2"]) == pytest.approx(200 * float(row["x_3"]))


def test_zones_and_areas_are_exclusive(tmp_path):
    for kwargs in ({}, {"zones": "z.tif", "areas": "1:1"}):
        with pytest.raises(InputError, match="exactly one source"):
            scenario_targets(str(tmp_path / "o.csv"), "0.1", "0.2", **kwargs)
    assert not (tmp_path / "o.csv").exists()


def test_a_cancel_stops_the_enumeration_and_writes_nothing(tmp_path):
    with pytest.raises(CancelledError):
        scenario_targets(str(tmp_path / "o.csv"), "0.1,0.1,0.2", "0.3,0.3,0.3", areas="1:100; 2:100; 3:200",
                         fraction=0.25, base_area=400, step=0.05, progress=Progress(is_cancelled=lambda: True))
    assert not (tmp_path / "o.csv").exists()
