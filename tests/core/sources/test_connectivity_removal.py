"""Exact node-removal losses (core/sources/connectivity/removal.py) against recomputation from scratch."""
import zlib

import numpy as np
import pytest
from ecosecurity.core.sources.connectivity import removal, small_components
from ecosecurity.core.sources.connectivity.cut_vertices import block_members, cut_parts
from ecosecurity.core.sources.connectivity.removal import _without_bypassed_edges, link_graph, pair_sums
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra


def probability_kernel(lengths):
    return np.exp(-lengths)


def iic_kernel(lengths):
    return 1.0 / (1.0 + lengths)


KERNELS = {"PC": (probability_kernel, 0.0, removal.PRODUCT), "IIC": (iic_kernel, 0.0, removal.HOPS),
           "IIC-Makurhini": (iic_kernel, 1 / 16443702.0, removal.HOPS),
           "PC with a weight for unconnected pairs": (probability_kernel, 1e-3, removal.PRODUCT)}


def numerator_from_scratch(n, i, j, cost, a, kernel, unconnected, keep):
    index = np.flatnonzero(keep)
    position = np.full(n, -1)
    position[index] = np.arange(index.size)
    use = keep[i] & keep[j]
    graph = link_graph(index.size, position[i[use]], position[j[use]], cost[use])
    lengths = dijkstra(graph, directed=True)
    weights = kernel(lengths)
    if unconnected:
        weights[np.isinf(lengths)] = unconnected
    return a[index] @ weights @ a[index], weights


def from_scratch(n, i, j, cost, a, kernel, unconnected):
    everything = np.ones(n, dtype=bool)
    numerator, weights = numerator_from_scratch(n, i, j, cost, a, kernel, unconnected, everything)
    loss = np.array([numerator - numerator_from_scratch(n, i, j, cost, a, kernel, unconnected,
                                                        np.arange(n) != k)[0] for k in range(n)])
    return numerator, weights @ a - a, loss


def random_graph(kind, n, rng):
    """(i, j, cost) of a test graph: each kind stresses another part of the algorithm."""
    if kind == "integer costs with ties and zeros":
        m = int(rng.integers(n, 3 * n))
        i, j, cost = rng.integers(0, n, m), rng.integers(0, n, m), rng.integers(0, 4, m).astype(float)
    elif kind == "tree with a few cycles":
        i = np.arange(1, n)
        j = rng.integers(0, i)
        extra = rng.integers(0, n, (3, 2))
        i, j = np.r_[i, extra[:, 0]], np.r_[j, extra[:, 1]]
        cost = rng.random(i.size)
    elif kind == "edge-to-edge over all pairs":
        xy, radius = rng.random((n, 2)) * 10, rng.random(n) * 1.5
        i, j = np.triu_indices(n, 1)
        cost = np.maximum(np.hypot(*(xy[i] - xy[j]).T) - radius[i] - radius[j], 0.0)
    elif kind == "unit costs within a radius":
        xy = rng.random((n, 2)) * 10
        i, j = np.triu_indices(n, 1)
        near = np.hypot(*(xy[i] - xy[j]).T) < 3
        i, j, cost = i[near], j[near], np.ones(int(near.sum()))
    else:  # "ring of touching and unit links"
        i = np.arange(n - 1)
        j = i + 1
        cost = rng.integers(0, 2, n - 1).astype(float)
        i, j, cost = np.r_[i, 0], np.r_[j, n - 1], np.r_[cost, 1.0]
    keep = i != j
    i, j, cost = np.minimum(i, j)[keep], np.maximum(i, j)[keep], cost[keep]
    _, first = np.unique(i * n + j, return_index=True)
    return i[first], j[first], cost[first]


GRAPH_KINDS = ["integer costs with ties and zeros", "tree with a few cycles", "edge-to-edge over all pairs",
               "unit costs within a radius", "ring of touching and unit links"]


@pytest.mark.parametrize("path", ["batched small components", "one component at a time", "block by block"])
@pytest.mark.parametrize("kernel_name", list(KERNELS))
@pytest.mark.parametrize("kind", GRAPH_KINDS)
def test_removal_loss_equals_recomputation_without_the_node(monkeypatch, kind, kernel_name, path):
    if path != "batched small components":
        monkeypatch.setattr(removal, "SMALL_MAX", 1)
        monkeypatch.setattr(removal, "SMALL_HOPS_MAX", 1)
    if path == "one component at a time":
        monkeypatch.setattr(removal, "BLOCK_MAX", 0)
    kernel, unconnected, kernel_kind = KERNELS[kernel_name]
    rng = np.random.default_rng(zlib.crc32(f"{kind}/{kernel_name}".encode()))
    for _ in range(12):
        n = int(rng.integers(3, 36))
        i, j, cost = random_graph(kind, n, rng)
        a = rng.random(n) * 10
        a[rng.random(n) < 0.1] = 0.0
        if kernel_kind == removal.HOPS:
            cost = np.ones_like(cost)
        result = pair_sums(link_graph(n, i, j, cost), a, kernel, unconnected, kind=kernel_kind)
        numerator, flux, loss = from_scratch(n, i, j, cost, a, kernel, unconnected)
        assert result.numerator == pytest.approx(numerator, rel=1e-12)
        np.testing.assert_allclose(result.flux, flux, rtol=0, atol=1e-12 * numerator)
        np.testing.assert_allclose(result.loss(a), loss, rtol=0, atol=1e-11 * numerator)


@pytest.mark.parametrize("route", ["batched small components", "Floyd-Warshall removal of a dense component",
                                   "replacement regions", "fresh Dijkstra rows", "Floyd-Warshall off",
                                   "block by block"])
def test_every_route_gives_the_same_losses(monkeypatch, route):
    if route != "batched small components":
        monkeypatch.setattr(removal, "SMALL_MAX", 1)
        monkeypatch.setattr(removal, "SMALL_HOPS_MAX", 1)
    if route != "block by block":
        monkeypatch.setattr(removal, "BLOCK_MAX", 0)
    if route != "Floyd-Warshall removal of a dense component":
        monkeypatch.setattr(removal, "DENSE_BATCH_MAX", 0)
    if route == "replacement regions":
        monkeypatch.setattr(removal, "REGION_COST", 0)
    elif route == "fresh Dijkstra rows":
        monkeypatch.setattr(removal, "REGION_COST", 10**12)
    else:
        monkeypatch.setattr(removal, "DENSE_MAX_NODES", 0)
    rng = np.random.default_rng(11)
    for kind in GRAPH_KINDS:
        n = 30
        i, j, cost = random_graph(kind, n, rng)
        a = rng.random(n)
        numerator, _, loss = from_scratch(n, i, j, cost, a, probability_kernel, 0.0)
        result = pair_sums(link_graph(n, i, j, cost), a, probability_kernel)
        np.testing.assert_allclose(result.loss(a), loss, rtol=0, atol=1e-11 * numerator, err_msg=kind)


@pytest.mark.parametrize("n", [40, 150])
def test_hop_counts_in_small_integers_give_the_float_losses(monkeypatch, n):
    """IIC stacks hold hop counts as uint8 (padded size m <= 127) or int16 (larger m: 150 nodes here);
    a ring with a few chords has long paths and many removals that lengthen them."""
    monkeypatch.setattr(removal, "SMALL_HOPS_MAX", 200)
    rng = np.random.default_rng(n)
    i = np.arange(n)
    j = (i + 1) % n
    extra = rng.integers(0, n, (n // 10, 2))
    i, j = np.r_[i, extra[:, 0]], np.r_[j, extra[:, 1]]
    keep = i != j
    i, j = np.minimum(i, j)[keep], np.maximum(i, j)[keep]
    _, first = np.unique(i * n + j, return_index=True)
    i, j = i[first], j[first]
    cost = np.ones(i.size)
    a = rng.random(n)
    for unconnected in (0.0, 1 / 16443702.0):
        numerator, flux, loss = from_scratch(n, i, j, cost, a, iic_kernel, unconnected)
        result = pair_sums(link_graph(n, i, j, cost), a, iic_kernel, unconnected, kind=removal.HOPS)
        assert result.numerator == pytest.approx(numerator, rel=1e-12)
        np.testing.assert_allclose(result.flux, flux, rtol=0, atol=1e-12 * numerator)
        np.testing.assert_allclose(result.loss(a), loss, rtol=0, atol=1e-11 * numerator)
    far = np.array([0, n // 2])
    _, lengths = pair_sums(link_graph(n + 1, i, j, cost), np.ones(n + 1), iic_kernel, kind=removal.HOPS,
                           pairs=(np.r_[far[:1], 0], np.r_[far[1:], n]))
    assert lengths[0] == dijkstra(link_graph(n, i, j, cost), unweighted=True)[0, n // 2]
    assert lengths[1] == np.inf  # node n has no links


def test_requested_pair_lengths_are_the_shortest_paths():
    rng = np.random.default_rng(5)
    i, j, cost = random_graph("edge-to-edge over all pairs", 25, rng)
    graph = link_graph(25, i, j, cost)
    _, lengths = pair_sums(graph, np.ones(25), probability_kernel, pairs=(i, j))
    np.testing.assert_allclose(lengths, dijkstra(graph)[i, j], rtol=1e-12)


def test_bypassed_edges_leave_every_distance_with_or_without_any_node():
    rng = np.random.default_rng(7)
    i, j, cost = random_graph("edge-to-edge over all pairs", 40, rng)
    graph = link_graph(40, i, j, cost)
    pruned = _without_bypassed_edges(graph)
    assert pruned.nnz < graph.nnz / 2
    for k in [None, *range(40)]:
        keep = np.arange(40) if k is None else np.flatnonzero(np.arange(40) != k)
        np.testing.assert_allclose(dijkstra(pruned[keep][:, keep]), dijkstra(graph[keep][:, keep]), rtol=1e-12)


def test_cut_parts_are_the_components_left_by_removing_each_node():
    rng = np.random.default_rng(2)
    i, j, cost = random_graph("tree with a few cycles", 30, rng)
    graph = link_graph(30, i, j, cost)
    parts = cut_parts(graph)
    for k in range(30):
        keep = np.flatnonzero(np.arange(30) != k)
        count, labels = connected_components(graph[keep][:, keep], directed=False)
        ours = parts.part(k, keep)
        assert parts.cut[k] == (count > 1)
        if count > 1:
            # same partition: a label pairs with exactly one part id and vice versa
            assert len(set(zip(labels, ours))) == count == len(set(ours))


def test_touching_patches_at_zero_distance_stay_linked():
    graph = link_graph(3, np.array([0, 1]), np.array([1, 2]), np.array([0.0, 0.0]))
    result = pair_sums(graph, np.ones(3), probability_kernel)
    assert result.numerator == pytest.approx(9.0)
    assert result.loss(np.ones(3))[1] == pytest.approx(9.0 - 2.0)


def test_blocks_share_at_most_one_node_and_hold_every_edge_once():
    rng = np.random.default_rng(3)
    i, j, cost = random_graph("tree with a few cycles", 40, rng)
    graph = link_graph(40, i, j, cost)
    blocks, nodes = block_members(graph)
    member = {(b, v) for b, v in zip(blocks.tolist(), nodes.tolist())}
    for u, v in zip(i.tolist(), j.tolist()):  # every edge lies in exactly one block
        assert sum((b, u) in member and (b, v) in member for b in range(blocks.max() + 1)) == 1
    count = np.bincount(nodes, minlength=40)
    assert np.array_equal(count > 1, cut_parts(graph).cut)  # cut vertices are in several blocks
    for b in range(blocks.max() + 1):  # a block without any one of its nodes stays connected
        inside = nodes[blocks == b]
        for k in inside:
            keep = inside[inside != k]
            assert connected_components(graph[keep][:, keep], directed=False)[0] == 1


def test_only_nodes_without_a_strictly_better_shortcut_are_let_in(monkeypatch):
    """A node k is skipped only when every two of its neighbours have a direct link strictly
    better than the path through k (by the margin, in weights and, for pair lengths, in costs)."""
    # 0-1-2 collinear (path through 1 exactly as long as the direct link 0-2), 3-4-5 a triangle
    # with a short direct link 3-5, 6-7-8 a path without a link 6-8, node 9 with one neighbour.
    i = np.array([0, 1, 0, 3, 4, 3, 6, 7, 8])
    j = np.array([1, 2, 2, 4, 5, 5, 7, 8, 9])
    cost = np.array([1.0, 1.0, 2.0, 1.0, 1.0, 1.5, 1.0, 1.0, 1.0])
    graph = link_graph(10, i, j, cost)
    nodes = np.arange(10)
    weights = small_components._intermediates(graph, nodes, probability_kernel, True, False)
    assert np.flatnonzero(weights).tolist() == [1, 7, 8]
    lengths = small_components._intermediates(graph, nodes, probability_kernel, True, True)
    assert np.flatnonzero(lengths).tolist() == [1, 7, 8]
    hops = small_components._intermediates(graph, nodes, probability_kernel, False, False)
    assert np.flatnonzero(hops).tolist() == [7, 8]  # 1 < 2 hops: the direct link 0-2 wins
    # a direct link only just longer in cost than the path through 4: 4 stays
    graph = link_graph(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([1.0, 1.0, 2.0 * (1 - 1e-13)]))
    assert small_components._intermediates(graph, np.arange(3), probability_kernel, True, True).tolist() \
        == [False, True, False]
    # costs of 10: a shortcut by 1e-9 is clear in weights, but within the margin of summed costs
    graph = link_graph(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([10.0, 10.0, 20.0 - 1e-9]))
    assert small_components._intermediates(graph, np.arange(3), probability_kernel, True, False).tolist() \
        == [False, False, False]
    assert small_components._intermediates(graph, np.arange(3), probability_kernel, True, True).tolist() \
        == [False, True, False]
    # with SHORTCUT_DEGREE 1 no neighbourhood is checked: every node with two neighbours is let in
    monkeypatch.setattr(small_components, "SHORTCUT_DEGREE", 1)
    every = small_components._intermediates(link_graph(10, i, j, cost), nodes, probability_kernel, False, False)
    assert np.flatnonzero(every).tolist() == [0, 1, 2, 3, 4, 5, 7, 8]


def test_a_graph_with_duplicate_links_skips_no_node():
    """With a link stored twice, which cost the stacks keep is not the sum that canonicalising
    gives: no node is skipped (and the positions of the rows stay those of the input)."""
    rows = [[(1, 2.5), (2, 1.0), (4, 3.4)], [(0, 2.5), (2, 1.0), (4, 3.4)], [(0, 1.0), (0, 1.0), (1, 1.0)],
            [(4, 5.0)], [(0, 3.4), (1, 3.4), (3, 5.0)]]
    indptr = np.cumsum([0] + [len(row) for row in rows])
    indices = np.array([c for row in rows for c, _ in row])
    data = np.array([w for row in rows for _, w in row])
    graph = csr_matrix((data, indices, indptr), shape=(5, 5))
    assert not graph.has_canonical_format
    inner = small_components._intermediates(graph, np.arange(5), probability_kernel, True, False)
    assert inner.tolist() == [True, True, True, False, True]
    # the same links stored once: node 2 (neighbours 0 and 1, linked at 2.5 > 1 + 1) stays in,
    # and every removal loss is the recomputed one
    n = 5
    i, j, cost = np.array([0, 0, 1, 0, 1, 3]), np.array([1, 2, 2, 4, 4, 4]), np.array([2.5, 1.0, 1.0, 3.4, 3.4, 5.0])
    a = np.ones(n)
    result = pair_sums(link_graph(n, i, j, cost), a, probability_kernel)
    _, _, loss = from_scratch(n, i, j, cost, a, probability_kernel, 0.0)
    np.testing.assert_allclose(result.loss(a), loss, rtol=0, atol=1e-12 * result.numerator)
