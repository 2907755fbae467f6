"""Cost distance follows the ESRI Cost Distance rule of linkage_mapper.md §2.1."""
import heapq
import math

import numpy as np
import pytest
from ecosecurity.core.corridors.costdist import (
    CostGraph,
    cost_allocation,
    cost_distance,
    estimate_cost_distance_memory,
    least_cost_path,
)
from ecosecurity.core.runtime.errors import CancelledError, InputError
from ecosecurity.core.runtime.progress import Progress


def reference_dijkstra(resistance, sources, cell_size, valid):
    """Independent heap Dijkstra over the 8-neighbour graph, written from the rule."""
    rows, cols = resistance.shape
    dist = np.full((rows, cols), np.inf)
    heap = []
    for r, c in zip(*np.nonzero(sources & valid)):
        dist[r, c] = 0.0
        heap.append((0.0, r, c))
    heapq.heapify(heap)
    while heap:
        d, r, c = heapq.heappop(heap)
        if d > dist[r, c]:
            continue
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                rr, cc = r + dr, c + dc
                if (dr or dc) and 0 <= rr < rows and 0 <= cc < cols and valid[rr, cc]:
                    step = cell_size * (resistance[r, c] + resistance[rr, cc]) / 2
                    if dr and dc:
                        step *= math.sqrt(2)
                    if d + step < dist[rr, cc]:
                        dist[rr, cc] = d + step
                        heapq.heappush(heap, (d + step, rr, cc))
    return dist


def test_orthogonal_step_costs_cell_size_times_mean_resistance():
    resistance = np.array([[1.0, 3.0, 5.0]])
    sources = np.array([[True, False, False]])
    d = cost_distance(resistance, sources, cell_size=10)
    np.testing.assert_allclose(d, [[0.0, 10 * (1 + 3) / 2, 10 * (1 + 3) / 2 + 10 * (3 + 5) / 2]])


def test_diagonal_step_costs_sqrt2_times_orthogonal():
    resistance = np.array([[2.0, 100.0], [100.0, 4.0]])
    sources = np.array([[True, False], [False, False]])
    d = cost_distance(resistance, sources, cell_size=1)
    assert d[1, 1] == pytest.approx(math.sqrt(2) * (2 + 4) / 2)


def test_hand_computed_3x3():
    resistance = np.array([[1.0, 2.0, 1.0], [1.0, 9.0, 1.0], [1.0, 1.0, 1.0]])
    sources = np.zeros((3, 3), bool)
    sources[0, 0] = True
    d = cost_distance(resistance, sources, cell_size=1)
    s2 = math.sqrt(2)
    expected = np.array([
        [0.0, 1.5, 1.5 + 1.5],              # along the top row
        [1.0, 1.0 + 5.0, 1.5 + s2 * 1.5],   # (1,1) from (1,0); (1,2) diagonally from (0,1)
        [2.0, 1.0 + s2, 1.0 + s2 + 1.0],    # (2,1) diagonally from (1,0)
    ])
    np.testing.assert_allclose(d, expected)


def test_cost_distance_is_zero_on_source_cells():
    rng = np.random.default_rng(1)
    resistance = rng.uniform(1, 50, (20, 30))
    sources = rng.random((20, 30)) < 0.05
    d = cost_distance(resistance, sources, cell_size=30)
    assert np.all(d[sources] == 0)
    assert np.all(d[~sources] > 0)


def test_nodata_cells_are_barriers():
    resistance = np.ones((5, 5))
    valid = np.ones((5, 5), bool)
    valid[:, 2] = False  # a full wall
    sources = np.zeros((5, 5), bool)
    sources[2, 0] = True
    d = cost_distance(resistance, sources, cell_size=1, valid=valid)
    assert np.all(np.isinf(d[:, 2:]))
    assert np.all(np.isfinite(d[:, :2]))


def test_diagonal_moves_pass_between_two_nodata_corners():
    """ESRI's rule only looks at the two cells of a move: a diagonal gap is passable."""
    resistance = np.ones((2, 2))
    valid = np.array([[True, False], [False, True]])
    sources = np.array([[True, False], [False, False]])
    d = cost_distance(resistance, sources, cell_size=1, valid=valid)
    assert d[1, 1] == pytest.approx(math.sqrt(2))


def test_nan_resistance_is_nodata():
    resistance = np.array([[1.0, np.nan, 1.0]])
    d = cost_distance(resistance, np.array([[True, False, False]]), cell_size=1)
    assert np.isinf(d[0, 1]) and np.isinf(d[0, 2])


@pytest.mark.parametrize("seed", range(6))
def test_matches_independent_dijkstra_on_random_grids(seed):
    rng = np.random.default_rng(seed)
    rows, cols = rng.integers(8, 40, size=2)
    resistance = rng.uniform(1, 100, (rows, cols)) ** rng.uniform(0.5, 2)
    valid = rng.random((rows, cols)) > 0.25  # NoData barriers
    sources = np.zeros((rows, cols), bool)
    sources[0, : cols // 3] = True  # a core touching the top edge
    sources[rng.integers(rows), cols - 1] = True  # and one on the right edge
    cell_size = float(rng.choice([1.0, 30.0, 0.25]))
    expected = reference_dijkstra(resistance, sources, cell_size, valid)
    d = cost_distance(resistance, sources, cell_size, valid=valid)
    assert np.array_equal(np.isinf(d), np.isinf(expected))
    finite = np.isfinite(expected)
    np.testing.assert_allclose(d[finite], expected[finite], rtol=1e-12)


def test_max_cost_cuts_the_search_without_changing_values_below_it():
    rng = np.random.default_rng(7)
    resistance = rng.uniform(1, 10, (30, 30))
    sources = np.zeros((30, 30), bool)
    sources[15, 15] = True
    full = cost_distance(resistance, sources, cell_size=1)
    limit = float(np.median(full))
    cut = cost_distance(resistance, sources, cell_size=1, max_cost=limit)
    inside = full <= limit
    np.testing.assert_array_equal(cut[inside], full[inside])
    assert np.all(np.isinf(cut[~inside]))


def test_allocation_gives_the_label_of_the_cheapest_source():
    rng = np.random.default_rng(3)
    resistance = rng.uniform(1, 20, (25, 25))
    labels = np.zeros((25, 25), np.int32)
    labels[2:4, 2:4] = 5
    labels[20, 20] = 9
    labels[0, 24] = 2
    d, alloc = cost_allocation(resistance, labels, cell_size=10)
    per_label = {k: cost_distance(resistance, labels == k, cell_size=10) for k in (2, 5, 9)}
    stack = np.stack([per_label[k] for k in (2, 5, 9)])
    np.testing.assert_allclose(d, stack.min(axis=0))
    best = np.array([2, 5, 9])[stack.argmin(axis=0)]
    unique = np.sort(stack, axis=0)
    no_tie = unique[1] - unique[0] > 1e-9
    np.testing.assert_array_equal(alloc[no_tie], best[no_tie])
    assert np.all(alloc[labels > 0] == labels[labels > 0])


def test_allocation_is_zero_where_unreachable():
    resistance = np.ones((3, 3))
    valid = np.ones((3, 3), bool)
    valid[:, 1] = False
    labels = np.zeros((3, 3), np.int32)
    labels[1, 0] = 4
    d, alloc = cost_allocation(resistance, labels, 1, valid=valid)
    assert np.all(alloc[:, 1:] == 0) and np.all(alloc[:, 0] == 4)


def test_least_cost_path_cost_equals_the_cost_distance():
    rng = np.random.default_rng(11)
    resistance = rng.uniform(1, 100, (30, 40))
    sources = np.zeros((30, 40), bool)
    sources[5, 3] = True
    graph = CostGraph(resistance, 2.0)
    surface = graph.run(sources, predecessors=True)
    path = least_cost_path(surface.predecessor, 27, 38)
    assert tuple(path[0]) == (27, 38) and tuple(path[-1]) == (5, 3)
    steps = np.abs(np.diff(path, axis=0))
    assert np.all(steps.max(axis=1) == 1)
    r = resistance[path[:, 0], path[:, 1]]
    cost = np.sum(2.0 * (r[1:] + r[:-1]) / 2 * np.where(steps.sum(axis=1) == 2, math.sqrt(2), 1.0))
    assert cost == pytest.approx(surface.distance[27, 38], rel=1e-12)


def test_graph_is_reused_for_several_sources():
    rng = np.random.default_rng(5)
    resistance = rng.uniform(1, 5, (12, 12))
    graph = CostGraph(resistance, 1.0)
    for r, c in ((0, 0), (11, 11), (5, 7)):
        sources = np.zeros((12, 12), bool)
        sources[r, c] = True
        np.testing.assert_array_equal(graph.run(sources).distance, cost_distance(resistance, sources, 1.0))


def test_resistance_zero_or_negative_is_refused():
    with pytest.raises(InputError, match="> 0"):
        cost_distance(np.array([[1.0, 0.0]]), np.array([[True, False]]), 1)


def test_sources_only_on_nodata_are_refused():
    valid = np.array([[False, True]])
    with pytest.raises(InputError, match="No source cell"):
        cost_distance(np.ones((1, 2)), np.array([[True, False]]), 1, valid=valid)


def test_all_nodata_resistance_is_refused():
    with pytest.raises(InputError, match="no valid cell"):
        cost_distance(np.full((2, 2), np.nan), np.ones((2, 2), bool), 1)


def test_bad_cell_size_is_refused():
    with pytest.raises(InputError, match="cell size"):
        cost_distance(np.ones((2, 2)), np.ones((2, 2), bool), 0)


def test_cancel_stops_the_graph_building():
    progress = Progress(is_cancelled=lambda: True)
    with pytest.raises(CancelledError):
        cost_distance(np.ones((5, 5)), np.ones((5, 5), bool), 1, progress=progress)


def test_memory_estimate_covers_the_graph():
    graph = CostGraph(np.ones((50, 60)), 1.0)
    assert estimate_cost_distance_memory(50, 60) > graph.nbytes
