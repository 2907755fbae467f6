"""Protected cells, cost and the buffered benefit of a scheme, against independent computations."""
import numpy as np
import pytest
from ecosecurity.core.priority.cost_table import cell_costs, read_cost_table
from ecosecurity.core.priority.schemes import (
    SchemeInputs,
    buffer_area_km2,
    evaluate,
    protected_mask,
)
from ecosecurity.core.runtime.errors import InputError
from pareto_case import COST_TABLE, land_use_array, rank_array, spaces_array
from services_case import table


def inputs_of(locked=None, cell=100.0):
    zones = spaces_array()
    region = zones > 0
    land_use = land_use_array()
    cost = np.zeros(zones.shape)
    green = np.zeros(zones.shape, bool)
    cost[region] = land_use[region]          # arbitrary per-cell costs for these tests
    green[region] = land_use[region] <= 2
    return SchemeInputs(region, np.where(region, zones, 0), rank_array(zones), cost, green,
                        np.zeros(zones.shape, bool) if locked is None else locked, cell, cell)


def brute_force_buffer_area(mask, region, cell, buffer_m):
    """Cells of the region whose centre lies within buffer_m of some protected cell centre."""
    protected = np.argwhere(mask) * cell
    count = 0
    for r, c in np.argwhere(region):
        d = np.sqrt(((protected - np.array([r, c]) * cell) ** 2).sum(axis=1)).min()
        count += d <= buffer_m + 1e-9
    return count * cell * cell / 1e6


@pytest.mark.parametrize("buffer_m", [0.5, 100.0, 141.5, 250.0, 800.0])
def test_buffer_area_equals_the_brute_force_distance_count(buffer_m):
    inputs = inputs_of()
    mask = protected_mask(inputs, {1: 0.02, 3: 0.03})
    assert buffer_area_km2(mask, inputs, buffer_m) == pytest.approx(
        brute_force_buffer_area(mask, inputs.region, 100.0, buffer_m))


def test_benefit_is_a_union_not_a_sum():
    inputs = inputs_of()
    mask = np.zeros(inputs.region.shape, bool)
    mask[15, 20] = mask[15, 21] = True          # two touching cells: their buffers overlap
    one = np.zeros_like(mask)
    one[15, 20] = True
    union = buffer_area_km2(mask, inputs, 300.0)
    assert union < 2 * buffer_area_km2(one, inputs, 300.0)
    assert union == pytest.approx(brute_force_buffer_area(mask, inputs.region, 100.0, 300.0))


def test_top_fraction_of_each_space_and_the_red_line():
    locked = np.zeros(spaces_array().shape, bool)
    locked[5, 30] = True
    inputs = inputs_of(locked)
    mask = protected_mask(inputs, {1: 0.25, 2: 0.1, 3: 0.0})
    for code, share in ((1, 0.25), (2, 0.1)):
        members = inputs.region & (inputs.zones == code)
        n = np.count_nonzero(members)
        # ranks are j / n; the top share keeps j >= n (1 - share): n - ceil(n (1 - share)) cells
        assert np.count_nonzero(mask & members) == n - int(np.ceil(n * (1 - share) - 1e-9))
        top = inputs.rank[mask & members].min()
        assert (inputs.rank[members & ~mask] < top).all()
    assert mask[5, 30] and np.count_nonzero(mask & (inputs.zones == 3)) == 1


def test_cost_splits_greening_and_maintaining():
    inputs = inputs_of()
    mask = protected_mask(inputs, {1: 0.5, 2: 0.5, 3: 0.5})
    scheme = evaluate(inputs, mask, 800.0)
    assert scheme.greening_cost == pytest.approx(inputs.cost[mask & ~inputs.green].sum())
    assert scheme.maintaining_cost == pytest.approx(inputs.cost[mask & inputs.green].sum())
    assert scheme.protected_km2 == pytest.approx(mask.sum() * 0.01)


def test_cost_table_per_space_row_overrides_the_class_row(tmp_path):
    costs = read_cost_table(table(tmp_path / "c.csv", COST_TABLE))
    cost, green = cell_costs(costs, np.array([4, 4, 1, 3]), np.array([1, 2, 2, 3]), 0.5, "lu")
    assert list(cost) == [12.5, 20.0, 1.0, 5.0]
    assert list(green) == [False, False, True, False]


def test_a_class_missing_from_the_cost_table_is_named(tmp_path):
    costs = read_cost_table(table(tmp_path / "c.csv", "class,green,cost\n1,1,2\n2,0,5\n"))
    with pytest.raises(InputError, match="class 7 in space 3"):
        cell_costs(costs, np.array([1, 7]), np.array([1, 3]), 1.0, "lu")


@pytest.mark.parametrize("text, message", [
    ("class,green,cost\n1,maybe,2\n", "green = 'maybe'"),
    ("class,green,cost\n1,1,-2\n", "must be ≥ 0"),
    ("class,green\n1,1\n", "no column 'cost'"),
    ("class,green,cost\n1,1,2\n1,0,3\n", "listed twice"),
])
def test_bad_cost_tables_name_line_and_value(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        read_cost_table(table(tmp_path / "c.csv", text))
