"""Rules of the circuit engine beyond the reference cases: graph construction, superposition,
solvers, bad input, memory and cancel."""
import threading
import time

import numpy as np
import pytest
import scipy.sparse as sp
from ecosecurity.core.corridors.circuit import aggregation, multigrid, solvers
from ecosecurity.core.corridors.circuit.compute import RasterInputs, RasterOptions, habitat_conductances, raster_run
from ecosecurity.core.corridors.circuit.currents import node_currents, pairwise_abs_sum
from ecosecurity.core.corridors.circuit.graph import (
    cell_conductances,
    cell_graph,
    check_nodata_tag,
    grid_edges,
    grounded_laplacian,
    node_map,
)
from ecosecurity.core.corridors.circuit.inputs import (
    GridLayer,
    cells_of_points,
    focal_cells_from_points,
    focal_cells_from_raster,
    read_included_pairs,
)
from ecosecurity.core.corridors.circuit.outputs import MapAccumulator, postprocess_current
from ecosecurity.core.corridors.circuit.pairwise import excluded_pairs, pairwise
from ecosecurity.core.io.raster import Grid, check_aligned
from ecosecurity.core.runtime.errors import (
    CancelledError,
    ConvergenceError,
    GridMismatchError,
    InputError,
    MemoryLimitError,
)
from ecosecurity.core.runtime.progress import Progress

GRID = Grid((0.0, 1.0, 0.0, 8.0, 0.0, -1.0), "", 8, 10)


def landscape(seed=1, shape=(8, 10)):
    rng = np.random.RandomState(seed)
    return rng.uniform(1.0, 20.0, shape)


def points(*cells):
    ids = np.arange(1, len(cells) + 1)
    return focal_cells_from_points(ids, [r for r, _ in cells], [c for _, c in cells])


def direct_pair_resistance(g, a, b, four=False, avg=False):
    """R_ab from one grounded solve (the textbook definition), for checking superposition."""
    graph = cell_graph(g, None, four, avg)
    na, nb = graph.node_of_cell[a], graph.node_of_cell[b]
    free = np.setdiff1d(np.arange(graph.n_nodes), [na])
    matrix = grounded_laplacian(graph, free).toarray()
    rhs = np.zeros(free.size)
    rhs[np.searchsorted(free, nb)] = 1.0
    return np.linalg.solve(matrix, rhs)[np.searchsorted(free, nb)]


# ------------------------------------------------------------------ graph
def test_zero_resistance_is_refused_with_a_short_circuit_hint():
    values = np.ones((3, 3))
    values[1, 1] = 0.0
    with pytest.raises(InputError, match="short-circuit region"):
        cell_conductances(values, np.ones((3, 3), bool), True, "resistance")


def test_negative_values_and_infinite_resistance_are_not_nodes():
    values = np.array([[1.0, -5.0, np.inf]])
    g, negatives = cell_conductances(values, np.ones((1, 3), bool), True)
    assert g.tolist() == [[1.0, 0.0, 0.0]] and negatives == 1


def test_untagged_minus_9999_is_refused():
    values = np.full((4, 4), -9999.0)
    values[0, :2] = 3.0
    with pytest.raises(InputError, match="not marked as NoData"):
        check_nodata_tag(values, np.ones((4, 4), bool), "resistance")


def test_nodes_are_numbered_down_the_columns():
    node, count = node_map(np.ones((2, 3)))
    assert count == 6 and node.tolist() == [[0, 2, 4], [1, 3, 5]]


def test_a_polygon_is_one_node_including_its_nodata_cells():
    g = np.array([[1.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
    polygons = np.array([[0, 7, 7], [0, 0, 7]])
    node, count = node_map(g, polygons)
    assert node[0, 1] == node[0, 2] == node[1, 2] >= 0 and count == 4


def test_edge_weights_average_conductance_or_resistance_and_divide_diagonals_by_sqrt2():
    g = np.array([[1.0, 0.25], [0.5, 1.0]])
    node, _ = node_map(g)
    _, _, w_cond = grid_edges(node, g, four_neighbours=False, avg_resistances=False)
    _, _, w_res = grid_edges(node, g, four_neighbours=False, avg_resistances=True)
    assert sorted(np.round(w_cond, 6)) == sorted(np.round([0.625, 0.75, 0.75, 0.625, 1 / np.sqrt(2),
                                                            0.375 / np.sqrt(2)], 6))
    assert 2 * 1 * 0.25 / 1.25 in np.round(w_res, 12)


# ------------------------------------------------------------- superposition
def test_superposed_resistances_equal_one_solve_per_pair():
    g = 1.0 / landscape()
    cells = [(0, 0), (7, 9), (3, 5), (6, 1)]
    result = pairwise(g, points(*cells))
    for a in range(4):
        for b in range(a + 1, 4):
            assert result.resistances[a, b] == pytest.approx(direct_pair_resistance(g, cells[a], cells[b]), rel=1e-10)


def test_pairwise_needs_one_solve_per_focal_node_but_one():
    result = pairwise(1.0 / landscape(), points((0, 0), (7, 9), (3, 5), (6, 1), (2, 2)))
    assert result.solves == 4


def test_superposed_cumulative_current_equals_the_sum_of_the_pair_maps():
    g = 1.0 / landscape(2)
    focal = points((0, 0), (7, 9), (3, 5), (3, 5))   # two ids on one node count twice
    summed = []
    pairwise(g, focal, visit=lambda a, b, graph, v: summed.append(node_currents(graph, v)))
    fast = pairwise(g, focal, cumulative=True)
    np.testing.assert_allclose(fast.cumulative_nodes, np.sum(summed, axis=0), rtol=1e-9, atol=1e-9)


def test_pairwise_abs_sum_with_weights_counts_every_pair():
    rows = np.array([[3.0, -1.0, 2.0]])
    weights = np.array([2.0, 1.0, 1.0])
    brute = sum(weights[i] * weights[j] * abs(rows[0, i] - rows[0, j]) for i in range(3) for j in range(i + 1, 3))
    assert pairwise_abs_sum(rows, weights)[0] == pytest.approx(brute)
    assert pairwise_abs_sum(rows)[0] == pytest.approx(4 + 1 + 3)


def test_focal_currents_to_zero_removes_one_ampere_per_pair_at_its_focal_nodes():
    g = 1.0 / landscape(3)
    focal = points((0, 0), (7, 9), (3, 5))
    plain = pairwise(g, focal, cumulative=True)
    zeroed = pairwise(g, focal, cumulative=True, zero_focal_currents=True)
    node = plain.graph.node_of_cell[0, 0]
    assert plain.cumulative_nodes[node] - zeroed.cumulative_nodes[node] == pytest.approx(2.0)


def test_ids_on_one_node_have_zero_resistance_and_other_components_minus_one():
    g = np.ones((3, 5))
    g[:, 2] = 0.0   # a NoData column splits the grid
    focal = focal_cells_from_points([1, 2, 3], [0, 0, 1], [0, 0, 4])
    result = pairwise(g, focal)
    assert result.resistances[0, 1] == 0.0 and result.resistances[0, 2] == -1.0


# ------------------------------------------------------------- pair lists
def test_include_matrix_keeps_pairs_between_min_and_max(tmp_path):
    path = tmp_path / "include.txt"
    path.write_text("min 2\nmax 50\n0 1 2 3\n1 0 2 70\n2 2 0 1\n3 70 1 0\n")
    selection = read_included_pairs(path)
    assert selection.pairs == {(1, 2)} and selection.mode == "include"
    assert excluded_pairs(np.array([1, 2, 3]), selection).tolist() == [
        [False, False, True], [False, False, True], [True, True, False]]


def test_exclude_list_leaves_out_only_its_pairs(tmp_path):
    path = tmp_path / "pairs.txt"
    path.write_text("mode exclude\n1 3\n")
    selection = read_included_pairs(path)
    assert excluded_pairs(np.array([1, 2, 3]), selection)[0, 2]
    assert not excluded_pairs(np.array([1, 2, 3]), selection)[0, 1]


# ------------------------------------------------------------- focal input
def test_focal_raster_cells_are_taken_down_the_columns_and_sorted_by_id():
    ids = np.array([[2, 0], [1, 2]], dtype=float)
    focal = focal_cells_from_raster(ids, np.ones((2, 2), bool))
    assert focal.ids.tolist() == [1, 2, 2] and focal.cols.tolist() == [0, 0, 1] and focal.has_regions


def test_points_outside_the_habitat_grid_are_refused():
    with pytest.raises(InputError, match="outside the habitat grid"):
        cells_of_points(np.array([0.5, 25.0]), np.array([0.5, 0.5]), GRID, "Focal nodes 'sites'")


def test_fewer_than_two_focal_nodes_is_refused():
    with pytest.raises(InputError, match="at least two"):
        pairwise(np.ones((3, 3)), points((1, 1)))


def test_focal_nodes_all_on_nodata_are_refused():
    from ecosecurity.core.corridors.circuit.compute import check_focal
    g = np.ones((3, 3))
    g[0, :] = 0.0
    with pytest.raises(InputError, match="NoData"):
        check_focal(points((0, 0), (0, 2)), g, None, "sources")


def test_rasters_on_another_grid_are_refused_naming_both_layers():
    other = Grid((0.5, 1.0, 0.0, 8.0, 0.0, -1.0), "", 8, 10)
    with pytest.raises(GridMismatchError, match="'habitat' and 'points'"):
        check_aligned(GRID, other, "habitat", "points")


def test_an_all_nodata_habitat_is_refused():
    layer = GridLayer(np.ones((2, 2)), np.zeros((2, 2), bool), GRID, "empty")
    with pytest.raises(InputError, match="no usable cell"):
        habitat_conductances(layer)


def test_negative_resistances_are_reported_as_a_warning():
    values = np.ones((2, 2))
    values[0, 0] = -3.0
    _, warnings = habitat_conductances(GridLayer(values, np.ones((2, 2), bool), GRID, "r"))
    assert len(warnings) == 1 and "negative" in warnings[0]


# ------------------------------------------------------------- maps
def test_log_transform_writes_nodata_where_current_is_zero():
    current = np.array([[0.0, 10.0]])
    out = postprocess_current(current, np.ones((1, 2)), log_transform=True)
    assert out.tolist() == [[-9999.0, 1.0]]


def test_cumulative_and_maximum_maps_are_clamped_at_nodata():
    accumulator = MapAccumulator((1, 2), cumulative=True, maximum=True)
    accumulator.add(np.array([[-9999.0, 1.0]]))
    accumulator.add(np.array([[-9999.0, 3.0]]))
    assert accumulator.cumulative().tolist() == [[-9999.0, 4.0]]
    assert accumulator.maximum().tolist() == [[-9999.0, 3.0]]


# ------------------------------------------------------------- solvers
def laplacian_system(shape=(30, 40)):
    g = 1.0 / landscape(4, shape)
    graph = cell_graph(g)
    free = np.arange(1, graph.n_nodes)
    matrix = grounded_laplacian(graph, free)
    rhs = np.zeros((free.size, 3))
    rhs[[10, free.size // 2, free.size - 5], [0, 1, 2]] = 1.0
    return matrix, rhs


def test_multigrid_agrees_with_the_direct_solver_within_the_tolerance():
    matrix, rhs = laplacian_system()
    direct = solvers.make_solver(matrix, "direct").solve(rhs)
    iterative = solvers.make_solver(matrix, "multigrid").solve(rhs)
    np.testing.assert_allclose(iterative, direct, rtol=1e-5, atol=1e-6 * np.abs(direct).max())


def test_multigrid_v_cycles_on_several_levels_converge_in_few_iterations(monkeypatch):
    monkeypatch.setattr(aggregation, "COARSE_SIZE", 100)
    matrix, rhs = laplacian_system((90, 120))
    solver = solvers.make_solver(matrix, "multigrid")
    assert len(solver.hierarchy.levels) >= 3
    workspace, vectors = solver.hierarchy.workspace(), multigrid._Vectors(matrix.shape[0])
    vectors.b[:] = rhs[:, 1]
    x, reports = np.zeros(matrix.shape[0]), []
    multigrid.conjugate_gradients(matrix, vectors.b, x, lambda r, z: solver.hierarchy.apply(r, z, workspace),
                                  vectors, reports.append)
    assert len(reports) <= 15   # unpreconditioned CG needs hundreds here
    direct = solvers.make_solver(matrix, "direct").solve(rhs)
    np.testing.assert_allclose(solver.solve(rhs), direct, rtol=1e-5, atol=1e-6 * np.abs(direct).max())


@pytest.mark.parametrize("seed", range(4))
def test_evolution_strength_finds_the_strong_pairs_pyamg_finds(seed, monkeypatch):
    """Same strong pattern as pyamg's evolution_strength_of_connection (k = 2, ε = 4) given the
    same ρ(D⁻¹A), on rough landscapes with the constant and with a coarse-level-like candidate."""
    pyamg_strength = pytest.importorskip("pyamg.strength")
    rng = np.random.RandomState(seed)
    g = 1.0 / rng.lognormal(1.0, 1.5, (40, 50))
    g[rng.rand(40, 50) < 0.1] = 0.0
    graph = cell_graph(g, None, seed % 2 == 0, seed % 3 == 0)
    members = np.flatnonzero(graph.labels == np.bincount(graph.labels).argmax())
    matrix = grounded_laplacian(graph, members[1:])
    rho = aggregation.spectral_radius(matrix)
    monkeypatch.setattr(pyamg_strength, "approximate_spectral_radius", lambda *args, **kwargs: rho)
    for candidate in (np.ones(matrix.shape[0]), rng.uniform(0.5, 3.0, matrix.shape[0])):
        ours = aggregation.evolution_strength(matrix, rho, candidate)
        theirs = pyamg_strength.evolution_strength_of_connection(matrix.copy(), candidate.reshape(-1, 1))
        theirs.setdiag(0)
        theirs.eliminate_zeros()
        assert ours.nnz > matrix.shape[0]
        assert ((ours != 0) != (theirs != 0)).nnz == 0


def test_short_circuit_hubs_are_strongly_connected_and_solved_by_multigrid(monkeypatch):
    monkeypatch.setattr(aggregation, "HUB_DEGREE", 20)
    monkeypatch.setattr(aggregation, "COARSE_SIZE", 50)
    g = 1.0 / landscape(6, (40, 50))
    polygons = np.zeros(g.shape, dtype=np.int64)
    polygons[10:20, 10:25] = 1
    graph = cell_graph(g, polygons)
    matrix = grounded_laplacian(graph, np.arange(1, graph.n_nodes))
    hub = int(graph.node_of_cell[10, 10]) - 1
    neighbours = set(matrix[hub].indices) - {hub}
    assert len(neighbours) > 20
    strength = aggregation.evolution_strength(matrix, aggregation.spectral_radius(matrix), np.ones(matrix.shape[0]))
    assert set(strength[hub].indices) == neighbours
    focal = points((0, 0), (39, 49), (30, 5))
    direct = pairwise(g, focal, polygons, method="direct")
    np.testing.assert_allclose(pairwise(g, focal, polygons, method="multigrid").resistances, direct.resistances,
                               rtol=1e-5)


def test_a_coarsest_level_too_large_for_a_dense_inverse_gets_jacobi(monkeypatch):
    monkeypatch.setattr(aggregation, "MAX_LEVELS", 0)
    monkeypatch.setattr(multigrid, "DENSE_COARSE_LIMIT", 100)
    matrix, rhs = laplacian_system((20, 25))
    solver = solvers.make_solver(matrix, "multigrid")
    assert sp.issparse(solver.hierarchy.coarse_inverse)
    direct = solvers.make_solver(matrix, "direct").solve(rhs)
    np.testing.assert_allclose(solver.solve(rhs), direct, rtol=1e-5, atol=1e-6 * np.abs(direct).max())


def test_spectral_radius_estimate_is_just_below_the_largest_eigenvalue():
    matrix, _ = laplacian_system((30, 40))
    scale = 1.0 / np.sqrt(matrix.diagonal())
    exact = np.linalg.eigvalsh(matrix.toarray() * scale[:, None] * scale[None, :])[-1]
    assert matrix.shape[0] > aggregation.DENSE_SIZE
    assert 0.97 * exact <= aggregation.spectral_radius(matrix) <= exact * (1 + 1e-9)


def test_cancel_stops_every_solver_thread(monkeypatch):
    monkeypatch.setattr(multigrid, "POLL_SECONDS", 0.0)
    matrix, rhs = laplacian_system((60, 80))
    solver = solvers.make_solver(matrix, "multigrid")
    with pytest.raises(CancelledError):
        solver.solve(np.repeat(rhs, 4, axis=1), Progress(None, lambda: True))
    assert not [t for t in threading.enumerate() if t.name.startswith("ThreadPoolExecutor")]


def test_cancel_does_not_wait_for_the_factorisation(monkeypatch):
    release, finished = threading.Event(), threading.Event()

    def endless_factorisation(*args, **kwargs):
        release.wait(30)
        finished.set()
    monkeypatch.setattr(solvers, "splu", endless_factorisation)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2   # the first checks pass, then the user cancels
    try:
        with pytest.raises(CancelledError):
            solvers.DirectSolver(laplacian_system((10, 10))[0], Progress(None, cancelled))
        assert not finished.is_set()   # the cancel came back while the factorisation was running
    finally:
        release.set()


def test_a_failing_column_is_reported_not_the_stop_it_caused_in_the_other_thread(monkeypatch):
    monkeypatch.setattr(multigrid, "POLL_SECONDS", 0.01)
    matrix, rhs = laplacian_system((30, 40))
    failing_at = int(np.flatnonzero(rhs[:, 1])[0])
    original, started = multigrid.conjugate_gradients, threading.Event()

    def one_slow_one_failing(matrix, b, x, precondition, vectors, report=None):
        if b[failing_at] != 0.0:
            started.wait(10)
            raise ConvergenceError("column 1 failed")

        def slow_report(fraction):
            started.set()
            time.sleep(0.05)
            report(fraction)
        return original(matrix, b, x, precondition, vectors, slow_report)
    monkeypatch.setattr(multigrid, "conjugate_gradients", one_slow_one_failing)
    with pytest.raises(ConvergenceError, match="column 1 failed"):
        solvers.make_solver(matrix, "multigrid").solve(rhs[:, :2])


def test_auto_redoes_a_non_converging_multigrid_solve_with_the_direct_solver(monkeypatch):
    def never_converges(*args, **kwargs):
        raise ConvergenceError("no convergence")
    monkeypatch.setattr(solvers, "choose_method", lambda *args: "multigrid")
    monkeypatch.setattr(multigrid, "conjugate_gradients", never_converges)
    matrix, rhs = laplacian_system((30, 40))
    solver = solvers.make_solver(matrix, "auto", 3)
    x = solver.solve(rhs)
    assert solver.method == "direct"
    np.testing.assert_allclose(x, solvers.make_solver(matrix, "direct").solve(rhs), rtol=1e-12)


def test_conductances_beyond_single_precision_use_jacobi_cg_in_double_precision():
    matrix, rhs = laplacian_system((12, 15))
    matrix = matrix * 1e-35
    solver = solvers.make_solver(matrix, "multigrid")
    assert solver.method == "jacobi-cg"
    direct = solvers.make_solver(matrix, "direct").solve(rhs)
    np.testing.assert_allclose(solver.solve(rhs), direct, rtol=1e-4, atol=1e-6 * np.abs(direct).max())


def test_without_pyamg_the_multigrid_solver_falls_back_to_jacobi_cg(monkeypatch):
    monkeypatch.setattr(multigrid, "available", lambda name: False)
    matrix, rhs = laplacian_system((12, 15))
    solver = solvers.make_solver(matrix, "multigrid")
    assert solver.method == "jacobi-cg"
    np.testing.assert_allclose(solver.solve(rhs), solvers.make_solver(matrix, "direct").solve(rhs), rtol=1e-4)


def test_auto_picks_direct_for_small_systems():
    matrix, _ = laplacian_system((10, 10))
    assert solvers.make_solver(matrix, "auto").method == "direct"


def test_a_run_that_does_not_fit_in_memory_is_refused(monkeypatch):
    monkeypatch.setattr("ecosecurity.core.runtime.memory.available_memory", lambda: 1000)
    matrix, _ = laplacian_system((10, 10))
    with pytest.raises(MemoryLimitError, match="needs about"):
        solvers.make_solver(matrix, "multigrid")


def test_cancel_stops_a_run():
    inputs = RasterInputs(GridLayer(landscape(), np.ones((8, 10), bool), GRID, "r"), 1.0 / landscape(),
                          focal=points((0, 0), (7, 9)))
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2
    with pytest.raises(CancelledError):
        raster_run(inputs, RasterOptions(cumulative=True), None, progress=Progress(None, cancelled))


def test_superposed_cumulative_current_is_the_same_in_many_edge_chunks(monkeypatch):
    g = 1.0 / landscape(3, (60, 80))
    focal = points((0, 0), (57, 79), (30, 45), (5, 2))
    whole = pairwise(g, focal, cumulative=True).cumulative_nodes
    monkeypatch.setattr("ecosecurity.core.corridors.circuit.currents.CHUNK_BYTES", 1)   # chunks of 1024 edges
    np.testing.assert_allclose(pairwise(g, focal, cumulative=True).cumulative_nodes, whole, rtol=1e-12)


def test_superposed_cumulative_current_sums_each_component_separately():
    g = 1.0 / landscape(5)
    g[:, 5] = 0.0   # two components, two focal nodes in each
    focal = points((0, 0), (7, 4), (0, 9), (7, 6))
    summed = []
    pairwise(g, focal, visit=lambda a, b, graph, v: summed.append(node_currents(graph, v)))
    fast = pairwise(g, focal, cumulative=True)
    np.testing.assert_allclose(fast.cumulative_nodes, np.sum(summed, axis=0), rtol=1e-9, atol=1e-9)
