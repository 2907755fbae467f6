"""Cumulative network currents: Circuitscape's network pairwise reference case ``network_pairwise_01``."""
import numpy as np
import pytest
from ecosecurity.core.keyareas.network_currents import cumulative_network_currents
from ecosecurity.core.runtime.errors import InputError
from refpaths import REFERENCE

CASE = REFERENCE / "circuitscape" / "network_pairwise_01"


@pytest.fixture(scope="module")
def reference_run():
    if not CASE.exists():
        pytest.skip(f"reference case missing: {CASE}")
    graph = np.loadtxt(CASE / "sgNetworkVerify1_graph_conductances.txt")
    focal = np.loadtxt(CASE / "sgNetworkVerify1_focal_nodes.txt").astype(np.int64)
    ids = np.unique(graph[:, :2].astype(np.int64))
    i = np.searchsorted(ids, graph[:, 0].astype(np.int64))
    j = np.searchsorted(ids, graph[:, 1].astype(np.int64))
    run = cumulative_network_currents(ids.size, i, j, 1.0 / graph[:, 2], np.searchsorted(ids, focal))
    return graph, ids, focal, run


def test_cumulative_node_currents_equal_circuitscape(reference_run):
    _, ids, _, run = reference_run
    expected = np.loadtxt(CASE / "expected" / "sgNetworkVerify1_node_currents_cum.txt")
    ours = run.node[np.searchsorted(ids, expected[:, 0].astype(np.int64))]
    np.testing.assert_allclose(ours, expected[:, 1], rtol=1e-6, atol=1e-6)
    assert np.sum((ours - expected[:, 1]) ** 2) < 1e-6   # the upstream criterion


def test_cumulative_branch_currents_equal_circuitscape(reference_run):
    graph, _, _, run = reference_run
    expected = np.loadtxt(CASE / "expected" / "sgNetworkVerify1_branch_currents_cum.txt")
    np.testing.assert_array_equal(expected[:, :2], graph[:, :2])   # every branch, in file order
    np.testing.assert_allclose(run.branch, expected[:, 2], rtol=1e-6, atol=1e-6)
    assert np.sum((run.branch - expected[:, 2]) ** 2) < 1e-6


def test_pairs_and_resistances_equal_circuitscape(reference_run):
    _, _, focal, run = reference_run
    matrix = np.loadtxt(CASE / "expected" / "sgNetworkVerify1_resistances.out")
    np.testing.assert_array_equal(matrix[0, 1:].astype(np.int64), focal)
    np.testing.assert_allclose(run.resistances, matrix[1:, 1:], rtol=1e-6, atol=1e-8)
    per_pair = sorted((CASE / "expected").glob("sgNetworkVerify1_node_currents_*_*.txt"))
    assert run.pairs == len(per_pair) == 22


def test_a_series_chain_carries_one_ampere_per_pair_across_each_link():
    # 0 - 1 - 2: pairs (0,1), (0,2), (1,2); the link 0-1 carries pairs (0,1) and (0,2)
    run = cumulative_network_currents(3, [0, 1], [1, 2], [2.0, 5.0])
    np.testing.assert_allclose(run.branch, [2.0, 2.0])
    np.testing.assert_allclose(run.node, [2.0, 3.0, 2.0])
    assert run.resistances[0, 2] == pytest.approx(7.0)


def test_non_positive_resistance_is_refused():
    with pytest.raises(InputError, match="positive"):
        cumulative_network_currents(2, [0], [1], [0.0])


def test_batched_pair_currents_equal_the_engine_pair_by_pair(monkeypatch):
    from ecosecurity.core.corridors.circuit.currents import branch_flows, node_currents
    from ecosecurity.core.corridors.circuit.graph import edge_graph
    from ecosecurity.core.corridors.circuit.pairwise import pairwise_on_graph
    from ecosecurity.core.keyareas import network_currents
    rng = np.random.default_rng(7)
    n = 25
    i, j = np.triu_indices(n, 1)
    take = rng.random(i.size) < 0.2
    i, j, r = i[take], j[take], rng.uniform(1, 100, take.sum())
    monkeypatch.setattr(network_currents, "BATCH_VALUES", 500)   # several flushes
    batched = cumulative_network_currents(n, i, j, r)
    graph = edge_graph(n, i, j, 1.0 / r)
    node, branch = np.zeros(n), np.zeros(i.size)

    def visit(_a, _b, _graph, v):
        node[:] += node_currents(graph, v)
        branch[:] += np.abs(branch_flows(graph, v))
    pairwise_on_graph(graph, np.arange(n), np.arange(n), visit=visit)
    np.testing.assert_allclose(batched.node, node, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(batched.branch, branch, rtol=1e-12, atol=1e-12)
