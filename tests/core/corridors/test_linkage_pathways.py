"""Linkage Pathways end to end on arrays (linkage_mapper.md §2, §7)."""
import math

import numpy as np
import pytest
from ecosecurity.core.corridors.costdist import cost_distance
from ecosecurity.core.corridors.linkage.corridors import corridor_values, truncate
from ecosecurity.core.corridors.linkage.links import (
    CONNECTS_CORES,
    CONSTELLATIONS,
    INTERMEDIATE_CORE,
    NEAREST_NEIGHBOURS,
    TOO_LONG_CWD,
    TOO_LONG_EUCLIDEAN,
)
from ecosecurity.core.corridors.linkage.pathways import (
    ALL_PAIRS,
    BOTH,
    COST_WEIGHTED,
    EUCLIDEAN,
    PathwayOptions,
    estimate_pathways_memory,
    linkage_pathways,
)
from ecosecurity.core.runtime.errors import InputError

CELL = 10.0


def three_in_a_row():
    ids = np.zeros((15, 45), np.int64)
    ids[5:10, 2:7] = 11
    ids[5:10, 20:25] = 22
    ids[5:10, 38:43] = 33
    return ids


def run(ids, resistance=None, valid=None, **options):
    resistance = np.ones(ids.shape) if resistance is None else resistance
    valid = np.ones(ids.shape, bool) if valid is None else valid
    return linkage_pathways(ids, resistance, valid, CELL, PathwayOptions(**options))


def link_types(result):
    t = result.table
    return {(int(a), int(b)): int(k) for a, b, k in zip(t.core1, t.core2, t.link_type)}


def random_case(seed, n_cores=5, shape=(40, 50)):
    rng = np.random.default_rng(seed)
    ids = np.zeros(shape, np.int64)
    for k in range(1, n_cores + 1):
        r, c = rng.integers(0, shape[0] - 4), rng.integers(0, shape[1] - 4)
        ids[r:r + 3, c:c + 4][ids[r:r + 3, c:c + 4] == 0] = k
    resistance = rng.uniform(1, 50, shape)
    valid = rng.random(shape) > 0.1
    valid[ids > 0] = True
    return ids, resistance, valid


def test_outer_pair_of_three_cores_in_a_row_is_dropped_as_passing_through_the_middle_core():
    result = run(three_in_a_row(), adjacency=ALL_PAIRS, max_nearest=0)
    assert link_types(result) == {(11, 22): CONNECTS_CORES, (11, 33): INTERMEDIATE_CORE,
                                  (22, 33): CONNECTS_CORES}


def test_outer_pair_is_kept_when_not_dropping_through_cores():
    result = run(three_in_a_row(), adjacency=ALL_PAIRS, max_nearest=0, drop_through_cores=False)
    assert link_types(result)[(11, 33)] == CONNECTS_CORES


@pytest.mark.parametrize("method", [COST_WEIGHTED, EUCLIDEAN, BOTH])
def test_the_middle_core_separates_the_outer_pair_in_adjacency(method):
    result = run(three_in_a_row(), adjacency=method, max_nearest=0)
    assert set(link_types(result)) == {(11, 22), (22, 33)}


def test_adjacency_flags_are_recorded():
    result = run(three_in_a_row(), adjacency=ALL_PAIRS, max_nearest=0)
    t = result.table
    assert list(t.cwd_adj) == [True, False, True] and list(t.euc_adj) == [True, False, True]


def test_three_in_a_row_distances_are_hand_computable():
    result = run(three_in_a_row(), adjacency=BOTH, max_nearest=0)
    t = result.table
    np.testing.assert_allclose(t.euc_dist, [13 * CELL, 13 * CELL])  # 13 free cells between
    np.testing.assert_allclose(t.lc_dist, [14 * CELL, 14 * CELL])   # 14 unit steps
    np.testing.assert_allclose(t.lcp_length, [14 * CELL, 14 * CELL])
    assert result.corridor_count == 2 and result.corridor_length == pytest.approx(28 * CELL)


def test_two_clusters_are_joined_by_their_shortest_link():
    ids = np.zeros((30, 80), np.int64)
    ids[5:8, 2:5] = 1      # cluster west: 1 and 2 close together
    ids[5:8, 9:12] = 2
    ids[22:25, 60:63] = 3  # cluster east: 3 and 4 close together
    ids[22:25, 67:70] = 4
    result = run(ids, adjacency=ALL_PAIRS, max_nearest=1, drop_through_cores=False)
    types = link_types(result)
    assert types[(1, 2)] == NEAREST_NEIGHBOURS and types[(3, 4)] == NEAREST_NEIGHBOURS
    joined = [pair for pair, k in types.items() if k == CONSTELLATIONS]
    cross = {pair: d for pair, d in zip(zip(result.table.core1, result.table.core2), result.table.lc_dist)
             if (pair[0] in (1, 2)) != (pair[1] in (1, 2))}
    assert joined == [min(cross, key=cross.get)] == [(2, 3)]
    assert result.corridor_count == 3


def test_cost_and_euclidean_limits_drop_links():
    result = run(three_in_a_row(), adjacency=BOTH, max_nearest=0, max_euclidean_distance=100.0)
    assert set(link_types(result).values()) == {TOO_LONG_EUCLIDEAN}
    result = run(three_in_a_row(), adjacency=BOTH, max_nearest=0, max_cost_distance=139.0)
    assert set(link_types(result).values()) == {TOO_LONG_CWD}
    result = run(three_in_a_row(), adjacency=BOTH, max_nearest=0, max_cost_distance=140.0)
    assert set(link_types(result).values()) == {CONNECTS_CORES}


def test_unreachable_pair_is_too_long_cwd():
    ids = three_in_a_row()
    valid = np.ones(ids.shape, bool)
    valid[:, 30] = False  # wall between 22 and 33
    result = run(ids, valid=valid, adjacency=EUCLIDEAN, max_nearest=0)
    assert link_types(result) == {(11, 22): CONNECTS_CORES, (22, 33): TOO_LONG_CWD}


def test_cores_separated_by_nodata_have_no_cost_weighted_link():
    ids = three_in_a_row()[:, :30]
    valid = np.ones(ids.shape, bool)
    valid[:, 12] = False
    result = run(ids, valid=valid, adjacency=COST_WEIGHTED, max_nearest=0)
    assert len(result.table) == 0 and result.corridor_count == 0 and np.all(np.isinf(result.nlcc))


@pytest.mark.parametrize("seed", range(4))
def test_least_cost_distance_is_symmetric_and_matches_the_zonal_minimum(seed):
    ids, resistance, valid = random_case(seed)
    result = run(ids, resistance, valid, adjacency=ALL_PAIRS, max_nearest=0, drop_through_cores=False)
    t = result.table
    for a, b, lcd in zip(t.core1, t.core2, t.lc_dist):
        from_a = cost_distance(resistance, ids == a, CELL, valid)[ids == b].min()
        from_b = cost_distance(resistance, ids == b, CELL, valid)[ids == a].min()
        assert from_a == pytest.approx(from_b, rel=1e-12)
        assert lcd == pytest.approx(from_a if math.isfinite(from_a) else -1, rel=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_least_cost_path_costs_the_least_cost_distance(seed):
    ids, resistance, valid = random_case(seed)
    result = run(ids, resistance, valid, adjacency=ALL_PAIRS, max_nearest=0, drop_through_cores=False)
    t = result.table
    for i, cells in result.paths.items():
        assert ids[tuple(cells[0])] == t.core1[i] and ids[tuple(cells[-1])] == t.core2[i]
        r = resistance[cells[:, 0], cells[:, 1]]
        diagonal = np.abs(np.diff(cells, axis=0)).sum(axis=1) == 2
        cost = np.sum(CELL * (r[1:] + r[:-1]) / 2 * np.where(diagonal, math.sqrt(2), 1))
        assert cost == pytest.approx(t.lc_dist[i], rel=1e-12)
        assert t.lcp_length[i] == pytest.approx(CELL * (np.sum(~diagonal) + math.sqrt(2) * np.sum(diagonal)))


@pytest.mark.parametrize("seed", range(4))
def test_normalised_corridor_is_the_minimum_over_links_of_cwd_a_plus_cwd_b_minus_lcd(seed):
    ids, resistance, valid = random_case(seed)
    result = run(ids, resistance, valid, adjacency=BOTH, max_nearest=2, non_normalised=True)
    t = result.table
    expected = np.full(ids.shape, np.inf)
    raw = np.full(ids.shape, np.inf)
    for i in np.flatnonzero(t.active):
        total = (cost_distance(resistance, ids == t.core1[i], CELL, valid)
                 + cost_distance(resistance, ids == t.core2[i], CELL, valid))
        expected = np.fmin(expected, total - t.lc_dist[i])
        raw = np.fmin(raw, total)
    np.testing.assert_allclose(result.nlcc, expected, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(result.raw, raw, rtol=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_normalised_corridor_is_non_negative_and_zero_on_the_least_cost_paths(seed):
    ids, resistance, valid = random_case(seed)
    result = run(ids, resistance, valid, adjacency=BOTH, max_nearest=0)
    finite = np.isfinite(result.nlcc)
    assert result.nlcc[finite].min() >= -1e-9
    for i in np.flatnonzero(result.table.active):
        cells = result.paths[i]
        assert np.all(np.abs(result.nlcc[cells[:, 0], cells[:, 1]]) < 1e-9)


def test_corridor_values_round_half_up_and_truncate_toward_zero():
    values, reached = corridor_values(np.array([0.49, 0.5, 2.5, -0.4, -0.6, np.inf]))
    assert list(values[:5]) == [0, 1, 3, 0, 0] and list(reached) == [True] * 5 + [False]
    assert list(truncate(np.array([1, 5, 6]), np.array([True, True, True]), 5)) == [True, True, False]


@pytest.mark.parametrize("seed", range(3))
def test_searches_cut_at_the_truncation_width_give_the_same_truncated_corridors(seed):
    ids, resistance, valid = random_case(seed, n_cores=6, shape=(90, 90))
    resistance += 20.0  # r_min 21: the cost windows are smaller than the grid
    width = 3000.0
    full = run(ids, resistance, valid, adjacency=BOTH, max_nearest=3, truncate_width=width)
    fast = run(ids, resistance, valid, adjacency=BOTH, max_nearest=3, truncate_width=width, full_mosaic=False)
    np.testing.assert_array_equal(fast.table.link_type, full.table.link_type)
    np.testing.assert_allclose(fast.table.lc_dist, full.table.lc_dist, rtol=1e-12)
    kept_full = truncate(*corridor_values(full.nlcc), width)
    kept_fast = truncate(*corridor_values(fast.nlcc), width)
    np.testing.assert_array_equal(kept_fast, kept_full)
    np.testing.assert_allclose(fast.nlcc[kept_fast], full.nlcc[kept_full], rtol=1e-12, atol=1e-9)
    assert fast.searched_cells < full.searched_cells


@pytest.mark.parametrize("wall", [False, True])
def test_truncated_only_searches_grow_until_every_partner_is_reached(wall):
    """All pairs: the outer pair has no step-1 bound, its first guess (Euclidean gap x median
    resistance) is too short; with a wall it is unreachable and the search stops when exhausted."""
    ids = three_in_a_row()
    valid = np.ones(ids.shape, bool)
    if wall:
        valid[:, 30] = False
    options = dict(adjacency=ALL_PAIRS, max_nearest=0, drop_through_cores=False, truncate_width=5.0)
    full = run(ids, valid=valid, **options)
    fast = run(ids, valid=valid, full_mosaic=False, **options)
    np.testing.assert_array_equal(fast.table.link_type, full.table.link_type)
    np.testing.assert_allclose(fast.table.lc_dist, full.table.lc_dist)
    np.testing.assert_array_equal(truncate(*corridor_values(fast.nlcc), 5.0), truncate(*corridor_values(full.nlcc), 5.0))


def test_bounding_circles_restrict_the_search():
    ids = np.zeros((45, 45), np.int64)
    ids[35:40, 2:7] = 11
    ids[35:40, 20:25] = 22
    resistance = np.ones(ids.shape)
    resistance[1:, 8:19] = 50.0  # expensive between the cores ...
    # ... except along the top row, 35 cells away: outside circles of radius ~ 11.8 + buffer
    wide = run(ids, resistance, adjacency=BOTH, max_nearest=0)
    tight = run(ids, resistance, adjacency=BOTH, max_nearest=0, bounding_buffer=5 * CELL)
    assert tight.table.lc_dist[0] > wide.table.lc_dist[0]
    assert np.isinf(tight.nlcc[0, 12]) and np.isfinite(wide.nlcc[0, 12])
    generous = run(ids, resistance, adjacency=BOTH, max_nearest=0, bounding_buffer=100 * CELL)
    np.testing.assert_allclose(generous.table.lc_dist, wide.table.lc_dist)


def test_cwd_and_allocation_cover_the_grid():
    ids = three_in_a_row()
    result = run(ids, adjacency=BOTH, max_nearest=0)
    assert np.all(result.cwd[ids > 0] == 0)
    assert result.allocation[7, 0] == 11 and result.allocation[7, 44] == 33 and result.allocation[7, 22] == 22
    np.testing.assert_allclose(result.cwd, cost_distance(np.ones(ids.shape), ids > 0, CELL))


def test_a_single_core_is_refused():
    ids = np.zeros((5, 5), np.int64)
    ids[1, 1] = 3
    with pytest.raises(InputError, match="single core"):
        run(ids)


def test_a_core_entirely_on_nodata_is_refused():
    ids = three_in_a_row()
    valid = ids != 22
    with pytest.raises(InputError, match="22.*NoData"):
        run(ids, valid=valid)


def test_core_cells_on_nodata_are_left_out():
    ids = three_in_a_row()
    valid = np.ones(ids.shape, bool)
    valid[5:10, 20] = False  # the west column of core 22
    result = run(ids, valid=valid, adjacency=BOTH, max_nearest=0)
    # around the NoData column: 13 orthogonal and 2 diagonal steps
    assert result.table.lc_dist[0] == pytest.approx(CELL * (13 + 2 * math.sqrt(2)))


def test_no_core_on_the_grid_is_refused():
    with pytest.raises(InputError, match="No core"):
        run(np.zeros((4, 4), np.int64))


def test_memory_estimate_grows_with_the_grid():
    assert estimate_pathways_memory(4000, 4000) == 4 * estimate_pathways_memory(2000, 2000) > 0
    assert estimate_pathways_memory(1000, 1000) > estimate_pathways_memory(500, 500) > 0
