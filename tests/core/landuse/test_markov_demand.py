"""Markov-chain land demand: transition matrix by cross-tabulation, projection by the matrix power,
interpolation between whole periods, cells summing to the map, bad input."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, epsg_wkt, write_raster
from ecosecurity.core.landuse.demand import largest_remainder, markov_land_demand
from ecosecurity.core.landuse.markov import project, transition_matrix
from ecosecurity.core.runtime.errors import GridMismatchError, InputError

CELL = 30.0
GRID = Grid((500000.0, CELL, 0.0, 3800000.0, 0.0, -CELL), epsg_wkt(4545), 20, 25)


def maps(tmp_path, seed=3):
    """A later map made from an earlier one by known random transitions (class 0 = NoData)."""
    rng = np.random.default_rng(seed)
    earlier = rng.choice([1, 2, 3, 5], size=GRID.shape, p=[0.4, 0.3, 0.2, 0.1]).astype(np.uint8)
    later = earlier.copy()
    change = rng.random(GRID.shape)
    later[(earlier == 1) & (change < 0.2)] = 2
    later[(earlier == 2) & (change < 0.3)] = 3
    later[(earlier == 3) & (change < 0.1)] = 5
    earlier[0, :3] = 0
    later[1, :2] = 0
    return (write_raster(tmp_path / "lu2010.tif", earlier, GRID, 0),
            write_raster(tmp_path / "lu2020.tif", later, GRID, 0), earlier, later)


def hand_matrix(earlier, later, codes):
    both = (earlier != 0) & (later != 0)
    counts = np.array([[np.sum(both & (earlier == a) & (later == b)) for b in codes] for a in codes], float)
    return counts / counts.sum(axis=1, keepdims=True)


def test_markov_demand_equals_hand_computed_matrix_power(tmp_path):
    e_path, l_path, earlier, later = maps(tmp_path)
    codes = [1, 2, 3, 5]
    p = hand_matrix(earlier, later, codes)
    state = np.array([np.sum(later == c) for c in codes], float)
    expected = state @ p @ p          # 2010, 2020 → 2040: two periods
    result = markov_land_demand(l_path, e_path, 2010, 2020, 2040, "lu2020", "lu2010")
    cell_km2 = CELL * CELL / 1e6
    assert result.periods == 2
    assert [row["class"] for row in result.rows] == codes
    assert [row["area_km2"] for row in result.rows] == pytest.approx(expected * cell_km2, rel=1e-12)
    assert [row["cells_later"] for row in result.rows] == state.tolist()
    assert sum(row["cells"] for row in result.rows) == (later != 0).sum()
    assert np.abs(np.array([row["cells"] for row in result.rows]) - expected).max() < 1.0
    matrix = np.array([[row[f"to_{c}"] for c in codes] for row in result.matrix_rows])
    assert matrix == pytest.approx(p, abs=1e-15)


def test_one_period_is_the_matrix_itself(tmp_path):
    e_path, l_path, earlier, later = maps(tmp_path, seed=5)
    codes = [1, 2, 3, 5]
    p = hand_matrix(earlier, later, codes)
    state = np.array([np.sum(later == c) for c in codes], float)
    result = markov_land_demand(l_path, e_path, 2000, 2010, 2020)
    assert [row["area_km2"] / (CELL * CELL / 1e6) for row in result.rows] == pytest.approx(state @ p, rel=1e-12)


def test_fractional_periods_interpolate_between_whole_powers(tmp_path):
    e_path, l_path, earlier, later = maps(tmp_path)
    codes = [1, 2, 3, 5]
    p = hand_matrix(earlier, later, codes)
    state = np.array([np.sum(later == c) for c in codes], float)
    result = markov_land_demand(l_path, e_path, 2010, 2020, 2035)     # 1.5 periods
    expected = 0.5 * (state @ p) + 0.5 * (state @ p @ p)
    assert result.periods == 1.5
    assert [row["area_km2"] / (CELL * CELL / 1e6) for row in result.rows] == pytest.approx(expected, rel=1e-12)
    assert any("interpolated linearly" in note for note in result.notes)


def test_projection_keeps_the_total_and_equals_power_at_whole_periods():
    rng = np.random.default_rng(1)
    p = rng.random((5, 5))
    p /= p.sum(axis=1, keepdims=True)
    s = rng.integers(10, 1000, 5).astype(float)
    for n in (0, 1, 3, 7):
        assert project(s, p, n)[0] == pytest.approx(s @ np.linalg.matrix_power(p, n), rel=1e-12)
    for n in (0.25, 2.6):
        projected, note = project(s, p, n)
        assert projected.sum() == pytest.approx(s.sum()) and (projected >= 0).all() and note


def test_class_absent_from_the_earlier_map_stays_itself():
    chain = transition_matrix({(1, 1): 8, (1, 2): 2}, [1, 2])
    assert chain.matrix.tolist() == [[0.8, 0.2], [0.0, 1.0]]
    assert chain.notes and "does not occur in the earlier map" in chain.notes[0]


def test_largest_remainder_sums_exactly():
    assert largest_remainder([10.4, 20.4, 30.2], 61).tolist() == [11, 20, 30]   # tie of .4: lower index first
    assert largest_remainder([10.2, 20.7, 30.1], 61).tolist() == [10, 21, 30]
    assert largest_remainder([1 / 3, 1 / 3, 1 / 3], 100).sum() == 100


def test_maps_not_aligned_name_the_layer(tmp_path):
    e_path, l_path, earlier, _ = maps(tmp_path)
    shifted = Grid((500000.0 + CELL, CELL, 0.0, 3800000.0, 0.0, -CELL), GRID.crs_wkt, 20, 25)
    moved = write_raster(tmp_path / "moved.tif", earlier, shifted, 0)
    with pytest.raises(GridMismatchError, match="'lu2020' and 'moved' are not on the same grid.*origins differ"):
        markov_land_demand(l_path, moved, 2010, 2020, 2030, "lu2020", "moved")


@pytest.mark.parametrize("years, message", [((2010, 2020, 2015), "TARGET_YEAR \\(2015\\) must be after LATER_YEAR"),
                                            ((2010, 2020, 2020), "TARGET_YEAR \\(2020\\) must be after"),
                                            ((2020, 2010, 2030), "EARLIER_YEAR \\(2020\\) must be before")])
def test_bad_years_are_refused_before_reading(tmp_path, years, message):
    with pytest.raises(InputError, match=message):
        markov_land_demand(tmp_path / "missing.tif", tmp_path / "missing.tif", *years)


def test_non_integer_codes_are_refused(tmp_path):
    e_path, _, earlier, _ = maps(tmp_path)
    fractional = write_raster(tmp_path / "float.tif", earlier.astype(np.float32) + 0.5, GRID, -1.0)
    with pytest.raises(InputError, match="'float' holds values that are not whole class codes"):
        markov_land_demand(fractional, e_path, 2010, 2020, 2030, "float", "lu2010")
