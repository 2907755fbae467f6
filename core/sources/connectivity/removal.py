"""Pair sums of a path-weighted graph index and the exact loss of every node removal.

For nodes with attributes a_i on an undirected graph with edge costs, and a pair weight
W_ij = f(L_ij) of the least-cost path length L_ij (f(0) = 1; f(inf) = ``unconnected``), this
computes

* the numerator  N = Σ_i Σ_j a_i a_j W_ij  (i = j included),
* the flux sums  F_k = Σ_{j≠k} a_j W_kj,
* the connector loss  C_k = Σ_{i≠k} Σ_{j≠k} a_i a_j (W_ij − W'_ij), W' recomputed on the graph
  without node k and its edges,

so that the loss of removing k is N − N_{−k} = a_k² + 2 a_k F_k + C_k (Saura & Rubio 2010,
Ecography 33:523, intra/flux/connector fractions). PC uses f(L) = exp(−L) with costs k·d_ij
(L = −ln p*_ij, the maximum-product probability); IIC uses f(L) = 1/(1 + L) with unit costs
(L = nl_ij, the number of links on the topologically shortest path).

Exact algorithm (no approximation; the reference tables are reproduced to 1e-9):

1. Components of the graph; pairs in different components have W = ``unconnected`` (a closed
   form, so nothing is computed across components). Components of at most
   :data:`~.small_components.SMALL_MAX` nodes (``SMALL_HOPS_MAX`` for IIC) are solved all at once by batched Floyd–Warshall
   without each node (:mod:`.small_components`), as are dense components of at most
   :data:`DENSE_BATCH_MAX` nodes whose shortest paths mostly use stepping stones; the steps
   below are for the others.
2. Per component, single-source shortest paths for blocks of sources (``scipy.sparse.csgraph``
   Dijkstra; Floyd–Warshall for small dense components) give the row sums Σ_j a_j W_ij.
3. Pairs that a cut vertex k separates lose their whole weight: a closed form over prefix sums
   of the rows in depth-first order (:func:`_separation_losses`, :mod:`.cut_vertices`). Sparse
   networks are mostly trees of cut vertices, so this carries most of the work.
4. Pairs that stay connected: removing k can only lengthen paths from a source i to the nodes
   below k in i's shortest-path tree, and only if k is the *sole* shortest-path parent of some
   node (:func:`_sole_parent_marks`). For every such (i, k) the new lengths of the nodes below k
   follow from their neighbours outside (whose lengths do not change): L'_ij = min over entries
   u→v of L_iu + d_uv + (path inside). All (i, k) of a group of sources are solved together as
   disjoint "replacement regions" (:func:`_solve_regions`), or, when that is cheaper, by fresh
   scipy Dijkstra rows without k (:func:`_rerun_rows`). Nodes hanging beyond a cut vertex x
   below k are left out of the regions: their change is x's change spread over a profile of
   what hangs beyond x (:class:`_Hanging`), which makes the regions 15 times smaller on sparse
   real-world-like networks.
5. Dense components (Conefor ``all`` with edge-to-edge distances) first drop the edges that no
   shortest path uses with or without any one node (:func:`_without_bypassed_edges`).
6. PC on sparse components whose biconnected blocks have at most
   :data:`~.block_losses.BLOCK_MAX` nodes: step 4 is replaced by per-block removals with the
   weights of what hangs off each cut vertex aggregated (:mod:`.block_losses`).

Work: one Dijkstra per node plus the (source, removed node, node below it) triples of step 4.
With centroid distances over all pairs there are none (trees are stars). Figures against
landschaft: bench/README.md.

Memory: the graph, one block of dense rows (about 64 MB) and the regions of a block of sources;
never an n x n matrix of floats for a network (only Floyd–Warshall on components of at most
:data:`DENSE_MAX_NODES` nodes, and stacks of :data:`~.small_components.STACK_BYTES`).
"""
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra, shortest_path

from .block_losses import BLOCK_MAX, block_connector, interval_sums
from .cut_vertices import block_members, cut_parts, no_cut_parts
from .small_components import SMALL_HOPS_MAX, SMALL_MAX, estimate_stack_memory, pair_weights, small_component_sums

#: Kinds of kernel (see :func:`pair_sums`): multiplicative over path lengths, or unit costs.
PRODUCT, HOPS = "product", "hops"
#: Bytes of dense rows (distances, weights, predecessors, marks) processed at once.
BLOCK_BYTES = 64 * 1024 * 1024
#: Components up to this many nodes with at least half of all pairs linked use Floyd–Warshall.
DENSE_MAX_NODES = 1500
#: Such dense components up to this many nodes whose shortest paths use stepping stones go to
#: the Floyd–Warshall removal of :mod:`.small_components` (c³·log2(c) steps; on 404 squares
#: edge-to-edge a third of the time of the replacement regions).
DENSE_BATCH_MAX = 512
#: Target number of region edges solved in one replacement Dijkstra.
REGION_EDGES = 2 * 1024 * 1024
#: Cost of a region edge relative to one node or edge of a scipy Dijkstra row (measured).
REGION_COST = 10
#: Parent tests evaluated at once when finding sole shortest-path parents.
PARENT_CHUNK = 1024 * 1024
#: Elements of the (rows, c, c) detour test evaluated at once when pruning dense components.
BYPASS_CHUNK = 4 * 1024 * 1024
#: Edges cheaper than this (touching patches) may vanish in float sums; their ends are treated
#: conservatively when finding the sources a removal affects.
NEAR_ZERO_COST = 1e-9
#: Stored instead of a zero cost (touching patches, p = 1): scipy drops zero-weight edges in some
#: versions, and adding it to any path length leaves that length unchanged in float64.
ZERO_COST = np.finfo(np.float64).tiny


class PairSums:
    """``numerator`` N, per node ``flux`` F_k and ``connector`` C_k (see the module docstring),
    and ``components`` (component label per node)."""

    def __init__(self, numerator, flux, connector, components):
        self.numerator = numerator
        self.flux = flux
        self.connector = connector
        self.components = components

    def loss(self, attribute):
        """N − N_{−k} for every node k."""
        return attribute * attribute + 2.0 * attribute * self.flux + self.connector


def link_graph(n_nodes, link_i, link_j, cost):
    """Symmetric CSR graph of the links with their costs (>= 0; zero stored as :data:`ZERO_COST`)."""
    cost = np.asarray(cost, dtype=np.float64)
    cost = np.where(cost > 0, cost, ZERO_COST)
    rows = np.concatenate([link_i, link_j]).astype(np.int64)
    cols = np.concatenate([link_j, link_i]).astype(np.int64)
    graph = csr_matrix((np.concatenate([cost, cost]), (rows, cols)), shape=(n_nodes, n_nodes))
    graph.sort_indices()
    return graph


def estimate_pair_sums_memory(n_nodes, n_links, largest_component=None):
    """Bytes :func:`pair_sums` needs at its peak (graph copies, row blocks, regions, FW)."""
    c = n_nodes if largest_component is None else largest_component
    graph = 6 * 12 * (2 * n_links + n_nodes)
    dense = 12 * c * c if c <= DENSE_MAX_NODES else 0
    stacks = estimate_stack_memory(min(c, DENSE_BATCH_MAX) if dense else max(SMALL_MAX, SMALL_HOPS_MAX))
    regions = 20 * 8 * REGION_EDGES
    return int(graph + BLOCK_BYTES + dense + max(stacks, regions) + 64 * n_nodes)


def pair_sums(graph, attribute, kernel, unconnected=0.0, pairs=None, progress=None, kind=PRODUCT):
    """:class:`PairSums` of ``graph`` (symmetric CSR of costs) with pair weight ``kernel(L)``.

    ``kernel`` maps an array of path lengths to weights with ``kernel(0) = 1`` and
    ``kernel(inf) = 0``; ``unconnected`` replaces the weight of unconnected pairs (0 in Conefor,
    1/16443702 for Makurhini's IIC). ``kind``: :data:`PRODUCT` when kernel(x + y) =
    kernel(x)·kernel(y) (PC), :data:`HOPS` when every cost is 1 (IIC). ``pairs`` (optional
    ``(i, j)`` index arrays) asks for the path lengths L_ij of those pairs, returned as a second
    value. ``progress`` is a core Progress.
    """
    attribute = np.asarray(attribute, dtype=np.float64)
    n = attribute.size
    n_comp, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    sizes = np.bincount(labels, minlength=n_comp)
    starts = np.concatenate([[0], np.cumsum(sizes)])
    permuted = graph[order][:, order].tocsr()
    permuted.sort_indices()
    a = attribute[order]
    flux = np.zeros(n)
    connector = np.zeros(n)
    numerator = float(np.sum(a[starts[:-1][sizes == 1]] ** 2))
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    if pairs is not None:
        pi, pj = position[np.asarray(pairs[0])], position[np.asarray(pairs[1])]
        pair_length = np.full(pi.size, np.inf)
        pair_order = np.argsort(pi, kind="stable")
        pair_starts = np.searchsorted(pi[pair_order], starts)
    small_max = SMALL_MAX if kind == PRODUCT else SMALL_HOPS_MAX
    small = np.flatnonzero((sizes > 1) & (sizes <= small_max))
    small_num, small_flux, small_connector, small_length = small_component_sums(
        graph, attribute, labels, small, kernel, unconnected, kind == PRODUCT, pairs, progress)
    numerator += small_num
    if pairs is not None:
        known = ~np.isnan(small_length)
        pair_length[known] = small_length[known]
    work = sizes.astype(np.float64) ** 2 * (sizes > small_max)
    total_work = max(float(work.sum()), 1.0)
    done = 0.0
    for comp in np.flatnonzero(sizes > small_max):
        s, e = int(starts[comp]), int(starts[comp + 1])
        sub_progress = progress.sub(done / total_work, (done + work[comp]) / total_work) if progress else None
        comp_pairs = None
        if pairs is not None:  # pairs across components keep L = inf
            sel = pair_order[pair_starts[comp]:pair_starts[comp + 1]]
            sel = sel[(pj[sel] >= s) & (pj[sel] < e)]
            comp_pairs = (pi[sel] - s, pj[sel] - s)
        comp_num, flux[s:e], connector[s:e], comp_len = _component_sums(
            permuted[s:e, s:e], a[s:e], kernel, unconnected, comp_pairs, kind, sub_progress)
        numerator += comp_num
        if pairs is not None:
            pair_length[sel] = comp_len
        done += work[comp]
    if unconnected:
        comp_total = np.bincount(labels, weights=attribute, minlength=n_comp)
        total = float(attribute.sum())
        numerator += unconnected * (total * total - float(np.sum(comp_total ** 2)))
        flux += unconnected * (total - comp_total[labels[order]])
    result = PairSums(numerator, flux[position] + small_flux, connector[position] + small_connector, labels)
    if pairs is not None:
        return result, pair_length
    return result


def _component_sums(sub, a, kernel, unconnected, pairs, kind, progress):
    """Numerator, flux, connector and requested pair lengths of one connected component."""
    c = a.size
    rowsum = np.empty(c)
    connector = np.zeros(c)
    near_zero = _near_zero_nodes(sub)
    pair_len = None
    if pairs is not None:
        pair_len = np.full(pairs[0].size, np.inf)
        pair_order = np.argsort(pairs[0], kind="stable")
        sorted_src = pairs[0][pair_order]
    dense = c <= DENSE_MAX_NODES and sub.nnz >= 0.5 * c * (c - 1)
    if dense:
        # CSR input: scipy reads a dense matrix with a tolerance that drops near-zero costs
        all_lengths, all_pred = shortest_path(sub, method="FW", directed=True, return_predecessors=True)
        stepping = np.count_nonzero((all_pred >= 0) & (all_pred != np.arange(c)[:, None]))
        if c <= DENSE_BATCH_MAX and 8 * stepping > c * c:
            return small_component_sums(sub, a, np.zeros(c, dtype=np.int64), np.zeros(1, dtype=np.int64), kernel,
                                        unconnected, kind == PRODUCT, pairs, progress)
    region_graph = None if dense else sub
    cuts = hanging = None
    members = block_members(sub) if kind == PRODUCT and not dense else None
    by_blocks = members is not None and np.bincount(members[0]).max() <= BLOCK_MAX
    if by_blocks:  # sparse PC with small blocks: the connected pairs block by block (:mod:`.block_losses`)
        cuts = cut_parts(sub)
        part_sums = np.zeros(cuts.owner.size)
    step = max(1, min(c, BLOCK_BYTES // (24 * c)))
    for s in range(0, c, step):
        e = min(c, s + step)
        if progress:
            progress.update(s / c, "Paths between habitat patches, removing each patch in turn"
                                   " / 生境斑块间路径（逐一移除各斑块）")
        if dense:
            lengths, pred = all_lengths[s:e], all_pred[s:e]
        elif by_blocks:
            lengths = dijkstra(sub, directed=True, indices=np.arange(s, e))
        else:
            lengths, pred = dijkstra(sub, directed=True, indices=np.arange(s, e), return_predecessors=True)
        weights = pair_weights(kernel, lengths, unconnected)
        rowsum[s:e] = weights @ a
        if pairs is not None:
            lo, hi = np.searchsorted(sorted_src, [s, e])
            sel = pair_order[lo:hi]
            pair_len[sel] = lengths[pairs[0][sel] - s, pairs[1][sel]]
        if by_blocks:
            if cuts.owner.size:
                connector += _separation_losses(cuts, a, weights, rowsum[s:e], s, unconnected)
                part_sums += interval_sums(cuts, a, weights, s)
            continue
        below_others = (pred >= 0) & (pred != np.arange(s, e)[:, None])
        if not below_others.any():
            continue
        if region_graph is None:  # dense: one block; prune unless only a few paths use stepping stones
            region_graph = _without_bypassed_edges(sub) if 8 * np.count_nonzero(below_others) > c * c else sub
        if cuts is None:  # a still-dense graph has (nearly) no cut vertex: skip the O(edges) search
            cuts = no_cut_parts(c) if region_graph is sub and dense else cut_parts(region_graph)
        if cuts.owner.size:
            connector += _separation_losses(cuts, a, weights, rowsum[s:e], s, unconnected)
            if hanging is None:
                hanging = _Hanging(region_graph, cuts, a, kernel, unconnected, kind)
        del weights
        marks = _sole_parent_marks(region_graph, lengths, pred, s, near_zero, cuts)
        connector += _replacement_losses(region_graph, a, kernel, unconnected, lengths, pred, s, marks, cuts,
                                         hanging, progress, dense)
    if by_blocks:
        connector += block_connector(sub, a, rowsum, cuts, part_sums, members, kernel, progress)
    return float(a @ rowsum), rowsum - a, connector, pair_len


def _separation_losses(cuts, a, weights, rowsum, first, unconnected):
    """For every cut vertex k: Σ over the block's sources i ≠ k of a_i Σ_j a_j (W_ij − unconnected)
    over the nodes j that removing k separates from i (their weight drops to ``unconnected``).

    Closed form from prefix sums of a_j W_ij along the DFS preorder (:mod:`.cut_vertices`):
    a source inside a cut-off subtree loses everything outside that subtree (but k); a source
    on k's parent side loses every cut-off subtree. The pairs that stay connected are left to
    :func:`_replacement_losses`. Sparse networks are mostly trees of such cut vertices, so this
    carries the bulk of the work in O(sources x nodes)."""
    rows, c = weights.shape
    source = np.arange(first, first + rows)
    prefix = np.zeros((rows, c + 1))
    np.cumsum(weights[:, cuts.order] * a[cuts.order], axis=1, out=prefix[:, 1:])
    a_prefix = np.concatenate([[0.0], np.cumsum(a[cuts.order])])
    in_part = prefix[:, cuts.end] - prefix[:, cuts.start]
    a_part = a_prefix[cuts.end] - a_prefix[cuts.start]
    rank = cuts.rank[source][:, None]
    inside = (cuts.start[None, :] <= rank) & (rank < cuts.end[None, :])
    groups = np.flatnonzero(np.concatenate([[True], cuts.owner[1:] != cuts.owner[:-1]]))
    k = cuts.owner[groups]
    in_cut_off = np.add.reduceat(inside, groups, axis=1) > 0
    own = np.add.reduceat(np.where(inside, in_part, 0.0), groups, axis=1)
    own_a = np.add.reduceat(np.where(inside, a_part[None, :], 0.0), groups, axis=1)
    other = np.where(in_cut_off, rowsum[:, None] - a[k] * weights[:, k] - own,
                     np.add.reduceat(in_part, groups, axis=1))
    if unconnected:
        other_a = np.where(in_cut_off, float(a.sum()) - a[k] - own_a, np.add.reduceat(a_part, groups)[None, :])
        other = other - unconnected * other_a
    other[source[:, None] == k[None, :]] = 0.0
    loss = np.zeros(c)
    loss[k] = a[source] @ other
    return loss


def _near_zero_nodes(sub):
    """Nodes with an edge of cost below :data:`NEAR_ZERO_COST` (touching patches)."""
    rows = np.repeat(np.arange(sub.shape[0]), np.diff(sub.indptr))
    flags = np.zeros(sub.shape[0], dtype=bool)
    flags[rows[sub.data < NEAR_ZERO_COST]] = True
    return flags


def _without_bypassed_edges(sub):
    """``sub`` without the edges that no shortest path uses, with or without any one node.

    Edge (u, v) is dropped when two distinct nodes w give strictly shorter detours
    d_uw + d_wv < d_uv: removing any single node k leaves one detour, whose edges are shorter and
    (by induction on length) themselves replaced by paths avoiding k, so every distance in the
    graph and in each graph without one node is unchanged. Edge-to-edge distances over all pairs
    (Conefor ``all``) violate the triangle inequality so much that most long edges go (404 squares
    at the centres of Makurhini's patches: 162 812 → 3 974 directed edges). O(c³) vectorised, only for dense components.
    """
    c = sub.shape[0]
    dist = sub.toarray()
    dist[dist == 0] = np.inf
    witnesses = np.zeros((c, c), dtype=np.int32)
    step = max(1, BYPASS_CHUNK // (c * c))
    for s in range(0, c, step):
        block = dist[s:s + step]
        witnesses[s:s + step] = np.count_nonzero(block[:, :, None] + dist[None, :, :] < block[:, None, :], axis=1)
    rows = np.repeat(np.arange(c), np.diff(sub.indptr))
    keep = witnesses[rows, sub.indices] < 2
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows[keep], minlength=c))])
    return csr_matrix((sub.data[keep], sub.indices[keep], indptr), shape=(c, c))


def _sole_parent_marks(graph, lengths, pred, first, near_zero, cuts):
    """Bool (rows, c): True at (r, k) when removing k can change a path length from source
    ``first + r``: k is the only shortest-path parent of some node j (or j has a near-zero edge,
    where float ties hide parents; then k = pred is marked as well).

    Why this suffices: if every shortest path to j passes k, the dominated node j with the least
    path length has no parent but k (any other parent would be dominated and closer). Counting
    parents (u ~ j with L_u + w_uj == L_j, exactly as Dijkstra formed L_j) instead of taking every
    internal node of the tree skips the sources that only have tied alternatives, which unit-cost
    IIC graphs have everywhere. Nodes that a cut vertex k separates from the source are left out
    (:func:`_separation_losses` counts them); the argument holds within the source's part.
    """
    rows, c = lengths.shape
    marks = np.zeros((rows, c), dtype=bool)
    cand_r, cand_j = np.nonzero((pred >= 0) & (pred != np.arange(first, first + rows)[:, None]))
    degree = np.diff(graph.indptr)[cand_j]
    ends = np.cumsum(degree)
    chunk_ends = np.unique(np.concatenate([
        np.searchsorted(ends, np.arange(PARENT_CHUNK, int(ends[-1]) if ends.size else 0, PARENT_CHUNK)),
        [cand_r.size]]))
    lo = 0
    for hi in chunk_ends:
        if hi <= lo:
            continue
        r, j, deg = cand_r[lo:hi], cand_j[lo:hi], degree[lo:hi]
        starts = np.concatenate([[0], np.cumsum(deg)[:-1]])
        rep_r = np.repeat(r, deg)
        pos = np.repeat(graph.indptr[j] - starts, deg) + np.arange(int(deg.sum()))
        tie = lengths[rep_r, graph.indices[pos]] + graph.data[pos] == np.repeat(lengths[r, j], deg)
        parents = np.add.reduceat(tie.astype(np.int32), starts) if deg.size else np.zeros(0, np.int32)
        sole = (parents <= 1) | near_zero[j]
        r, j = r[sole], j[sole]
        k = pred[r, j]
        same_part = ~cuts.cut[k] | ~cuts.separated(k, first + r, j)
        marks[r[same_part], k[same_part]] = True
        lo = hi
    return marks


def _replacement_losses(graph, a, kernel, unconnected, lengths, pred, first, marks, cuts, hanging, progress,
                        deep=False):
    """Σ over the block's sources i of a_i Σ_j a_j (W_ij − W'_ij) for every removed node k.

    Triples (i, k, j): k is marked for source i and lies on i's tree path to j. Rows (sources) are
    processed in groups of about :data:`REGION_EDGES` region edges, each group by the cheaper of
    two exact routes: the replacement regions (:func:`_solve_regions`, work ∝ region edges) or
    fresh scipy Dijkstra rows on the graph without k (:func:`_rerun_rows`, work ∝ marked
    (source, k) pairs × component size) — the second wins on small components with deep
    shortest-path trees (sparse IIC graphs), the first on large components. ``deep``: the regions
    are deep (dense stepping-stone components), see :func:`_relax`.
    """
    rows, c = lengths.shape
    loss = np.zeros(c)
    degree = np.diff(graph.indptr)
    rerun_unit = graph.nnz + c
    group_rows = 1  # grows with the measured region size, so a group stays near REGION_EDGES
    r0 = 0
    while r0 < rows:
        if progress:
            progress.check()
        r1 = min(rows, r0 + group_rows)
        tr, tk, tj = _region_triples(pred[r0:r1], marks[r0:r1], first + r0, cuts)
        edges = int(degree[tj].sum())
        if tr.size and REGION_COST * edges < np.count_nonzero(marks[r0:r1]) * rerun_unit:
            loss += _solve_regions(graph, a, kernel, unconnected, lengths, first, tr + r0, tk, tj, cuts,
                                   hanging, deep)
        elif tr.size:  # rows are cheap here: do the rest of the block in one pass per removed node
            loss += _rerun_rows(graph, a, kernel, unconnected, lengths[r0:], first + r0, marks[r0:], cuts,
                                progress)
            break
        group_rows = max(1, min(2 * (r1 - r0), int(REGION_EDGES * (r1 - r0) / max(edges, 1))))
        r0 = r1
    return loss


def _rerun_rows(graph, a, kernel, unconnected, lengths, first, marks, cuts, progress):
    """The same losses as :func:`_solve_regions` by full Dijkstra rows, on the graph with the
    edges of k set to infinity, from each source marked for k (pairs separated by a cut vertex
    k are left to :func:`_separation_losses`)."""
    c = graph.shape[0]
    loss = np.zeros(c)
    data = graph.data.copy()
    work = csr_matrix((data, graph.indices, graph.indptr), shape=graph.shape)
    column_order = np.argsort(graph.indices, kind="stable")
    column_starts = np.concatenate([[0], np.cumsum(np.bincount(graph.indices, minlength=c))])
    for k in np.flatnonzero(marks.any(axis=0)):
        if progress:
            progress.check()
        rows = np.flatnonzero(marks[:, k])
        own = slice(graph.indptr[k], graph.indptr[k + 1])
        incoming = column_order[column_starts[k]:column_starts[k + 1]]
        data[own] = np.inf
        data[incoming] = np.inf
        new = pair_weights(kernel, dijkstra(work, directed=True, indices=first + rows), unconnected)
        old = pair_weights(kernel, lengths[rows], unconnected)
        old[:, k] = new[:, k] = 0.0
        if cuts.cut[k]:
            parts = cuts.part(k, np.arange(c))
            separated = parts[None, :] != parts[first + rows][:, None]
            old[separated] = new[separated] = 0.0
        loss[k] = float(a[first + rows] @ ((old - new) @ a))
        data[own] = graph.data[own]
        data[incoming] = graph.data[incoming]
    return loss


def _region_triples(pred, marks, first, cuts):
    """(row, k, j) for every node j and every marked node k strictly between the source and j on
    the source's tree path — but not above the first cut vertex x on that path that separates j
    from the source (k = x included): j is then cut off by k itself (:func:`_separation_losses`)
    or hangs beyond x, where its change follows from x's (:class:`_Hanging`)."""
    rows = pred.shape[0]
    source = np.arange(first, first + rows)
    r, j = np.nonzero((pred >= 0) & (pred != source[:, None]) & marks.any(axis=1)[:, None])
    anc = pred[r, j]
    out_r, out_k, out_j = [], [], []
    while r.size:
        hit = marks[r, anc]
        beyond = np.zeros(r.size, dtype=bool)
        if cuts.owner.size:
            on_cut = np.flatnonzero(cuts.cut[anc])
            beyond[on_cut] = cuts.separated(anc[on_cut], source[r[on_cut]], j[on_cut])
            hit &= ~beyond
        out_r.append(r[hit])
        out_k.append(anc[hit])
        out_j.append(j[hit])
        anc = pred[r, anc]
        more = (anc != source[r]) & ~beyond
        r, j, anc = r[more], j[more], anc[more]
    if not out_r:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    return (np.concatenate(out_r).astype(np.int64), np.concatenate(out_k).astype(np.int64),
            np.concatenate(out_j).astype(np.int64))


def _solve_regions(graph, a, kernel, unconnected, lengths, first, tr, tk, tj, cuts, hanging, deep=False):
    """Replacement path lengths of all triples at once; returns the loss per removed node.

    Region (r, k) holds the nodes j below k in source r's tree. In the graph without k, a node
    outside the region keeps its length, so the region is a Dijkstra from a super-source linked
    to each region node j with weight min over outside neighbours u ≠ k of L_ru + w_uj, plus the
    edges inside the region. Regions are disjoint copies, so one pass solves them all. Nodes
    hanging beyond a cut vertex x of a region (separated from the source by x) are neither region
    nodes nor seeds; their loss is x's change applied to their profile (:class:`_Hanging`).
    """
    c = graph.shape[0]
    key = (tr * c + tk) * c + tj
    order = np.argsort(key)
    tr, tk, tj, key = tr[order], tk[order], tj[order], key[order]
    n = key.size
    deg = np.diff(graph.indptr)[tj]
    owner = np.repeat(np.arange(n), deg)
    starts = np.concatenate([[0], np.cumsum(deg)[:-1]])
    pos = np.repeat(graph.indptr[tj] - starts, deg) + np.arange(int(deg.sum()))
    u = graph.indices[pos].astype(np.int64)
    w = graph.data[pos]
    usable = u != tk[owner]
    if cuts.owner.size:
        on_cut = np.flatnonzero(cuts.cut[tj[owner]])
        usable[on_cut] &= ~cuts.separated(tj[owner[on_cut]], first + tr[owner[on_cut]], u[on_cut])
    neighbour_key = (tr[owner] * c + tk[owner]) * c + u
    at = np.minimum(np.searchsorted(key, neighbour_key), n - 1)
    inside = usable & (key[at] == neighbour_key)
    outside = usable & ~inside
    entry = np.where(outside, lengths[tr[owner], u] + w, np.inf)
    seed = np.minimum.reduceat(entry, starts)
    new_lengths = _relax(seed, owner[inside], at[inside], w[inside], n, deep)
    old = pair_weights(kernel, lengths[tr, tj], unconnected)
    new = pair_weights(kernel, new_lengths, unconnected)
    loss = a[first + tr] * a[tj] * (old - new)
    if hanging is not None:
        at_cut = np.flatnonzero(cuts.cut[tj])
        loss[at_cut] += a[first + tr[at_cut]] * hanging.loss(tj[at_cut], first + tr[at_cut],
                                                             lengths[tr[at_cut], tj[at_cut]], new_lengths[at_cut])
    return np.bincount(tk, weights=loss, minlength=c)


def _relax(seed, node, neighbour, weight, n, deep):
    """Least lengths on a graph of ``n`` nodes from start values ``seed`` over the symmetric edge
    list (``node`` sorted, ``neighbour``, ``weight``).

    Shallow regions (sparse networks: a few hops deep) by label-correcting sweeps that relax
    only the edges of the nodes improved in the previous sweep; ``deep`` ones (dense
    stepping-stone networks, where sweeps would take dozens of rounds) by one scipy Dijkstra from
    a super-source linked to every node by its (positive) seed. Exact either way: each value
    ends as the minimum over paths of the same float sums a Dijkstra forms.
    """
    if deep:
        start = np.flatnonzero(np.isfinite(seed))
        if start.size == 0:
            return seed.copy()
        indptr = np.concatenate([[0], np.cumsum(np.bincount(node, minlength=n)), [node.size + start.size]])
        graph = csr_matrix((np.concatenate([weight, seed[start]]), np.concatenate([neighbour, start]), indptr),
                           shape=(n + 1, n + 1))
        return dijkstra(graph, directed=True, indices=n)[:n]
    lengths = seed.copy()
    pointer = np.concatenate([[0], np.cumsum(np.bincount(node, minlength=n))])
    active = np.flatnonzero(np.isfinite(lengths))
    while active.size:
        counts = pointer[active + 1] - pointer[active]
        total = int(counts.sum())
        if total == 0:
            break
        offsets = np.repeat(pointer[active] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        pos = offsets + np.arange(total)
        target = neighbour[pos]
        candidate = lengths[node[pos]] + weight[pos]
        better = candidate < lengths[target]
        target, candidate = target[better], candidate[better]
        np.minimum.at(lengths, target, candidate)
        active = np.unique(target)
    return lengths


class _Hanging:
    """What hangs beyond each cut vertex x: for every part of G − x, Σ a_j kernel(L_xj) (kind
    :data:`PRODUCT`) or the histogram of a_j over the hop counts L_xj (kind :data:`HOPS`).

    A node j that a cut vertex x separates from source r has L_rj = L_rx + L_xj before and after
    removing any k above x, so the loss of all such j follows from x's change: for PC
    Σ_j a_j (f(L_rx + L_xj) − f(L'_rx + L_xj)) = (f(L_rx) − f(L'_rx))·Σ_j a_j f(L_xj); for IIC a
    sum over the hop histogram. One Dijkstra per cut vertex (two for HOPS).
    """

    def __init__(self, graph, cuts, a, kernel, unconnected, kind):
        c = graph.shape[0]
        self.cuts, self.kernel, self.unconnected, self.kind = cuts, kernel, unconnected, kind
        vertices = np.unique(cuts.owner)
        self.slot = np.full(c, -1, dtype=np.int64)
        self.slot[vertices] = np.arange(vertices.size)
        step = max(1, BLOCK_BYTES // (24 * c))
        bins = 1
        if kind == HOPS:
            for s in range(0, vertices.size, step):
                lengths = dijkstra(graph, directed=True, indices=vertices[s:s + step])
                bins = max(bins, int(lengths[np.isfinite(lengths)].max()) + 1)
        self.bins = bins
        total = np.zeros(vertices.size * bins)
        part = np.zeros(cuts.owner.size * bins)
        columns = np.arange(c)
        for s in range(0, vertices.size, step):
            block = vertices[s:s + step]
            lengths = dijkstra(graph, directed=True, indices=block)
            if kind == HOPS:
                bin_of = lengths.astype(np.int64)
                mass = np.broadcast_to(a, lengths.shape).copy()
            else:
                bin_of = np.zeros(lengths.shape, dtype=np.int64)
                mass = pair_weights(kernel, lengths, unconnected) * a[None, :]
            mass[np.arange(block.size), block] = 0.0
            total += np.bincount(((s + np.arange(block.size))[:, None] * bins + bin_of).ravel(),
                                 weights=mass.ravel(), minlength=total.size)
            parts = cuts.part(np.repeat(block, c), np.tile(columns, block.size)).reshape(block.size, c)
            inside = parts >= 0
            part += np.bincount((parts[inside] * bins + bin_of[inside]), weights=mass[inside], minlength=part.size)
        self.total = total.reshape(vertices.size, bins)
        self.part = part.reshape(cuts.owner.size, bins)
        groups = np.flatnonzero(np.concatenate([[True], cuts.owner[1:] != cuts.owner[:-1]]))
        self.rest = self.total - np.add.reduceat(self.part, groups, axis=0)

    def loss(self, x, source, old_lengths, new_lengths):
        """Σ over the nodes beyond cut vertex ``x`` seen from ``source`` of a_j (W_old − W_new),
        for arrays of (x, source) with x's path length from the source before and after."""
        out = np.empty(x.size)
        step = max(1, PARENT_CHUNK // self.bins)
        for s in range(0, x.size, step):
            xs, old, new = x[s:s + step], old_lengths[s:s + step], new_lengths[s:s + step]
            part = self.cuts.part(xs, source[s:s + step])
            slot = self.slot[xs]
            own = np.where((part >= 0)[:, None], self.part[np.maximum(part, 0)], self.rest[slot])
            beyond = self.total[slot] - own
            if self.kind == HOPS:
                shift = np.arange(self.bins)[None, :]
                change = (pair_weights(self.kernel, old[:, None] + shift, self.unconnected)
                          - pair_weights(self.kernel, new[:, None] + shift, self.unconnected))
                out[s:s + step] = np.sum(beyond * change, axis=1)
            else:
                change = (pair_weights(self.kernel, old, self.unconnected)
                          - pair_weights(self.kernel, new, self.unconnected))
                out[s:s + step] = beyond[:, 0] * change
        return out
