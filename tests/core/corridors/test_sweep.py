"""Fast sweeping (core/corridors/sweep.py) reaches the Dijkstra fixpoint of the ESRI Cost Distance rule."""
import math

import numpy as np
import pytest
from ecosecurity.core.corridors import costdist
from ecosecurity.core.corridors.costdist import CostGraph, least_cost_path
from ecosecurity.core.corridors.sweep import SweepGrid, sweep
from ecosecurity.core.corridors.sweep_tree import predecessors, sources_of
from ecosecurity.core.runtime.errors import CancelledError
from ecosecurity.core.runtime.progress import Progress

from .test_costdist import reference_dijkstra

LARGE = (370, 360)


@pytest.fixture(autouse=True)
def sweep_small_grids(monkeypatch):
    """CostGraph sweeps grids of LARGE size (by default only from 2^20 cells, for speed)."""
    monkeypatch.setattr(costdist, "SWEEP_MIN_CELLS", 2 ** 17)


def swept(resistance, sources, cell_size, valid, budget=math.inf):
    grid = SweepGrid(np.asarray(resistance, np.float64) * (0.5 * cell_size), valid, Progress())
    distance = np.where(sources & valid, 0.0, np.inf)
    phases = sweep(grid, distance, budget, Progress())
    return grid, distance, phases


def dijkstra_graph(resistance, cell_size, valid):
    graph = CostGraph(resistance, cell_size, valid)
    graph._sweep = None  # the scipy Dijkstra path
    return graph


def smooth_grid(shape, seed, holes=0.02):
    from scipy import ndimage
    rng = np.random.default_rng(seed)
    field = ndimage.gaussian_filter(rng.standard_normal(shape), 6)
    resistance = 1 + 99 * ((field - field.min()) / (field.max() - field.min())) ** 2
    return resistance, rng.random(shape) > holes


def serpentine(shape):
    """Walls every 4 columns with the gap alternately at the bottom and the top."""
    valid = np.ones(shape, bool)
    for k, c in enumerate(range(4, shape[1] - 1, 4)):
        valid[:, c] = False
        valid[(slice(-2, None) if k % 2 == 0 else slice(0, 2)), c] = True
    return np.ones(shape), valid


def test_graph_sweeps_on_large_grids_and_uses_dijkstra_on_small_ones(monkeypatch):
    monkeypatch.undo()
    assert CostGraph(np.ones((1024, 1024), np.float32), 1.0)._sweepable
    assert not CostGraph(np.ones((1023, 1024), np.float32), 1.0)._sweepable


@pytest.mark.parametrize("seed", range(8))
def test_sweep_matches_independent_dijkstra_on_random_grids(seed):
    rng = np.random.default_rng(seed)
    rows, cols = rng.integers(1, 40, size=2)
    resistance = rng.uniform(1, 100, (rows, cols)) ** rng.uniform(0.5, 2)
    valid = rng.random((rows, cols)) > rng.uniform(0.0, 0.4)
    sources = np.zeros((rows, cols), bool)
    sources[0, : cols // 3 + 1] = True
    sources[rng.integers(rows), cols - 1] = True
    valid[0, 0] = sources[0, 0] = True
    cell_size = float(rng.choice([1.0, 30.0, 0.25]))
    expected = reference_dijkstra(resistance, sources, cell_size, valid)
    _, d, phases = swept(resistance, sources, cell_size, valid)
    assert phases is not None
    assert np.array_equal(np.isinf(d), np.isinf(expected))
    finite = np.isfinite(expected)
    np.testing.assert_allclose(d[finite], expected[finite], rtol=1e-12)


def test_a_nodata_cell_cuts_the_row_scan():
    resistance = np.ones((1, 6))
    valid = np.array([[True, True, False, True, True, True]])
    _, d, _ = swept(resistance, np.array([[True, False, False, False, False, False]]), 1.0, valid)
    np.testing.assert_array_equal(d, [[0.0, 1.0, np.inf, np.inf, np.inf, np.inf]])


def test_a_long_detour_around_a_wall_is_found():
    resistance = np.ones((6, 9))
    valid = np.ones((6, 9), bool)
    valid[:5, 4] = False  # a wall open only in the bottom row
    sources = np.zeros((6, 9), bool)
    sources[0, 0] = True
    expected = reference_dijkstra(resistance, sources, 1.0, valid)
    _, d, _ = swept(resistance, sources, 1.0, valid)
    np.testing.assert_allclose(d[valid], expected[valid], rtol=1e-12)
    assert np.all(np.isinf(d[~valid]))


def test_sweep_gives_up_beyond_its_budget():
    rng = np.random.default_rng(9)
    resistance = rng.uniform(1, 1000, (60, 60))  # uncorrelated: paths turn at every cell
    valid = np.ones((60, 60), bool)
    sources = np.zeros((60, 60), bool)
    sources[30, 30] = True
    assert swept(resistance, sources, 1.0, valid, budget=10 ** 9)[2] is not None
    assert swept(resistance, sources, 1.0, valid, budget=50 * valid.size)[2] is None


def test_sweep_gives_up_after_one_phase_in_a_maze():
    resistance, valid = serpentine((40, 41))
    sources = np.zeros(valid.shape, bool)
    sources[20, 1] = True
    assert swept(resistance, sources, 1.0, valid)[2] is None


def test_cells_cut_off_by_a_wall_do_not_count_as_a_maze():
    resistance = np.ones((40, 40))
    valid = np.ones((40, 40), bool)
    valid[:, 10] = False  # 29 columns out of reach for good
    sources = np.zeros((40, 40), bool)
    sources[20, 2] = True
    _, d, phases = swept(resistance, sources, 1.0, valid)
    assert phases is not None and np.all(np.isinf(d[:, 10:]))


def test_a_maze_falls_back_to_dijkstra_with_the_same_values():
    resistance, valid = serpentine(LARGE)
    sources = np.zeros(LARGE, bool)
    sources[LARGE[0] // 2, 1] = True
    graph = CostGraph(resistance, 10.0, valid)
    d = graph.run(sources).distance
    assert graph._sweep is None  # the graph keeps Dijkstra for later runs
    np.testing.assert_array_equal(d, dijkstra_graph(resistance, 10.0, valid).run(sources).distance)


def test_swept_surface_matches_scipy_dijkstra_on_a_large_grid():
    resistance, valid = smooth_grid(LARGE, 1)
    sources = np.zeros(LARGE, bool)
    sources[100, 200] = sources[300, 40] = True
    ours = CostGraph(resistance, 30.0, valid)
    d = ours.run(sources).distance
    assert ours._sweep is not None
    expected = dijkstra_graph(resistance, 30.0, valid).run(sources).distance
    assert np.array_equal(np.isinf(d), np.isinf(expected))
    finite = np.isfinite(expected)
    np.testing.assert_allclose(d[finite], expected[finite], rtol=1e-12)


def test_swept_predecessors_trace_paths_costing_the_distance():
    resistance, valid = smooth_grid(LARGE, 2)
    sources = np.zeros(LARGE, bool)
    sources[10, 10] = valid[10, 10] = True
    surface = CostGraph(resistance, 2.0, valid).run(sources, predecessors=True)
    for row, col in ((360, 350), (5, 300), (200, 20)):
        if not np.isfinite(surface.distance[row, col]):
            continue
        path = least_cost_path(surface.predecessor, row, col)
        assert tuple(path[-1]) == (10, 10)
        steps = np.abs(np.diff(path, axis=0))
        r = resistance[path[:, 0], path[:, 1]]
        cost = np.sum(2.0 * (r[1:] + r[:-1]) / 2 * np.where(steps.sum(axis=1) == 2, math.sqrt(2), 1.0))
        assert cost == pytest.approx(surface.distance[row, col], rel=1e-12)


def test_swept_allocation_gives_the_cheapest_source():
    resistance, valid = smooth_grid(LARGE, 3)
    sources = np.zeros(LARGE, bool)
    points = ((20, 20), (350, 340), (180, 100), (60, 300))
    for r, c in points:
        sources[r, c] = valid[r, c] = True
    graph = CostGraph(resistance, 1.0, valid)
    surface = graph.run(sources, allocation=True)
    singles = np.stack([graph.run(np.pad(np.ones((1, 1), bool), ((r, LARGE[0] - r - 1), (c, LARGE[1] - c - 1))))
                        .distance for r, c in points])
    flat = np.array([r * LARGE[1] + c for r, c in points])
    order = np.sort(np.where(np.isfinite(singles), singles, 1e300), axis=0)
    clear = (order[0] < 1e300) & (order[1] - order[0] > 1e-9 * order[1])
    np.testing.assert_array_equal(surface.source[clear], flat[singles.argmin(axis=0)][clear])
    assert np.all(surface.source[~np.isfinite(surface.distance)] == -1)


def test_sources_of_follows_predecessor_chains():
    distance = np.array([[0.0, 1.0, 2.0, np.inf]])
    pred = np.array([[-1, 0, 1, -1]])
    np.testing.assert_array_equal(sources_of(pred, distance), [[0, 0, 0, -1]])


def test_predecessor_is_the_neighbour_on_the_least_cost_step():
    resistance = np.array([[1.0, 1.0, 1.0], [9.0, 9.0, 1.0]])
    valid = np.ones((2, 3), bool)
    grid, d, _ = swept(resistance, np.array([[True, False, False], [False, False, False]]), 1.0, valid)
    pred = predecessors(grid, d)
    # (1, 2): from (0, 2) costs 2 + 1 = 3, diagonally from (0, 1) 1 + sqrt(2) * 1 = 2.414
    assert pred[0, 0] == -1 and pred[0, 1] == 0 and pred[0, 2] == 1
    assert pred[1, 2] == 1 and d[1, 2] == pytest.approx(1 + math.sqrt(2))


def test_max_cost_runs_dijkstra_and_cuts_beyond_it(monkeypatch):
    resistance, valid = smooth_grid(LARGE, 4)
    sources = np.zeros(LARGE, bool)
    sources[180, 180] = valid[180, 180] = True
    full = CostGraph(resistance, 1.0, valid).run(sources).distance
    limit = float(np.median(full[np.isfinite(full)]))
    graph = CostGraph(resistance, 1.0, valid)
    monkeypatch.setattr(costdist, "sweep", lambda *a: pytest.fail("swept a search with max_cost"))
    cut = graph.run(sources, max_cost=limit).distance
    inside = full <= limit * (1 - 1e-12)
    np.testing.assert_allclose(cut[inside], full[inside], rtol=1e-12)
    assert np.all(np.isinf(cut[full > limit * (1 + 1e-12)]))
    assert not graph._sweepable  # the graph keeps Dijkstra


def test_cancel_stops_a_sweep_between_passes():
    resistance, valid = smooth_grid(LARGE, 6)
    graph = CostGraph(resistance, 1.0, valid)
    calls = []
    progress = Progress(is_cancelled=lambda: calls.append(1) or len(calls) > 3)
    sources = np.zeros(LARGE, bool)
    sources[0, 0] = valid[0, 0] = True
    with pytest.raises(CancelledError):
        graph.run(sources, progress=progress)


# ---------------------------------------- when Dijkstra's graph would not fit: sweeps to convergence
@pytest.mark.parametrize("case", ["maze", "limit"])
def test_without_room_for_dijkstra_the_sweep_converges_on_a_maze_and_cuts_at_the_limit(case):
    resistance, valid = serpentine(LARGE) if case == "maze" else smooth_grid(LARGE, 4)
    sources = np.zeros(LARGE, bool)
    sources[5, 1] = valid[5, 1] = True
    limit = None if case == "maze" else 20000.0
    graph = CostGraph(resistance, 10.0, valid, dijkstra=False)
    surface = graph.run(sources, max_cost=limit, predecessors=True)
    assert graph._matrix is None and graph.sweeps  # no Dijkstra graph was built
    expected = dijkstra_graph(resistance, 10.0, valid).run(sources, max_cost=limit).distance
    assert np.array_equal(np.isfinite(surface.distance), np.isfinite(expected))
    finite = np.isfinite(expected)
    np.testing.assert_allclose(surface.distance[finite], expected[finite], rtol=1e-11)
    assert np.all(surface.predecessor[~finite] == -1)


def test_dijkstra_runs_only_when_its_graph_fits_in_the_memory_available(monkeypatch):
    resistance, valid = serpentine(LARGE)  # a maze: Dijkstra when it fits
    sources = np.zeros(LARGE, bool)
    sources[5, 1] = True
    cells = resistance.size
    monkeypatch.setattr(costdist, "available_memory", lambda: 2 * costdist.DIJKSTRA_BYTES_PER_CELL * cells)
    graph = CostGraph(resistance, 10.0, valid)
    graph.run(sources)
    assert graph._matrix is not None
    monkeypatch.setattr(costdist, "available_memory", lambda: costdist.DIJKSTRA_BYTES_PER_CELL * cells // 2)
    graph = CostGraph(resistance, 10.0, valid)
    graph.run(sources)
    assert graph._matrix is None and graph._sweep is not None


def test_the_least_memory_a_run_needs_is_the_sweeps_on_grids_that_sweep():
    from ecosecurity.core.corridors.costdist import estimate_cost_distance_memory
    from ecosecurity.core.corridors.linkage.pathways import KEPT_BYTES_PER_CELL, estimate_pathways_memory
    assert estimate_cost_distance_memory(10 ** 4, 10 ** 4) == 10 ** 8 * costdist.SWEEP_BYTES_PER_CELL
    assert estimate_pathways_memory(10 ** 4, 10 ** 4) == 10 ** 8 * (costdist.SWEEP_BYTES_PER_CELL + KEPT_BYTES_PER_CELL)
    assert estimate_cost_distance_memory(100, 100) == 10 ** 4 * costdist.DIJKSTRA_BYTES_PER_CELL
