"""Pair sums and node-removal losses of many small components at once (batched Floyd–Warshall).

For every component of at most :data:`SMALL_MAX` nodes (:data:`SMALL_HOPS_MAX` for hop counts)
this gives the same numerator, flux F_k and connector loss C_k as :func:`.removal.pair_sums` (see
there), with no Python step per component: components of similar size are padded to one size m
(padding nodes weigh 0 and have no links) and stacked, and every step below is one numpy
operation on the whole stack.

All-pairs paths avoiding each node in turn, by divide and conquer over Floyd–Warshall
(Floyd 1962; the offline "all pairs without one vertex" recursion): Floyd–Warshall lets the
intermediate nodes in one at a time, in any order, and after letting in every node but k the
matrix holds the least-cost paths of the graph without k (rows and column k unchanged: no path
from or to k passes k). Splitting the nodes into halves A and B, letting in B and recursing into
A (and the other way round) reaches every such matrix in m·log2(m) steps of m² work instead of
m steps per node. A kernel with kernel(x + y) = kernel(x)·kernel(y) (PC) runs in the weight
domain as a max-product closure, W_ij ← max(W_ij, W_it·W_tj), so no exponential is taken; unit
costs (IIC) run as min-plus hop counts in small integers (uint8 up to 127 nodes, int16 beyond:
exact, and 4-8 times less memory traffic than float64), weighted at the leaves by a lookup table.
Nodes with fewer than two neighbours, nodes whose neighbours are all linked by strictly better
direct links (:func:`_intermediates`) and the padding are on no best path between two other
nodes: they are never let in, and their removal costs no pair its path (C_k = 0).
"""
import numpy as np
from scipy.sparse import csr_matrix

#: Components up to this many nodes are solved here (larger sparse ones cost about as much as by
#: the replacement regions of :mod:`.removal`, measured on the 10 000-patch benchmarks).
SMALL_MAX = 64
#: The same for hop counts (IIC), whose uint8 stacks are cheaper: up to uint8's range (sparse
#: 10 000-patch benchmark 0.098 s -> 0.088 s, near-critical 6.07 s -> 5.56 s against 64).
SMALL_HOPS_MAX = 127
#: Padded sizes of the stacks (a component goes to the first size that holds it; larger ones
#: keep their own size).
STACK_SIZES = (2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 19, 22, 26, 30, 35, 40, 46, 52, 58, 64, 74, 86, 100, 113, 127)
#: Bytes of one stack of matrices (the recursion holds about log2(m) + 5 of them).
STACK_BYTES = 4 * 1024 * 1024
#: Relative margin by which a direct link must beat the path through a node for the node to be
#: skipped (:func:`_intermediates`).
SHORTCUT_MARGIN = 1e-10
#: Nodes with more neighbours are let in unchecked (their d² neighbour pairs would cost more
#: than they save).
SHORTCUT_DEGREE = 64
#: "No path" in the hop-count matrices (uint8 while m <= 127, int16 beyond): a hop count is below
#: the padded size m, and the sum of two "no path" entries must not overflow the type.
NO_PATH_UINT8, NO_PATH_INT16 = 127, 16383


def estimate_stack_memory(m):
    """Peak bytes of the removals of one stack of padded size ``m`` (at least one component)."""
    return int(max(STACK_BYTES, 8 * m * m) * (np.log2(max(m, 2)) + 5))


def small_component_sums(graph, attribute, labels, comps, kernel, unconnected, product, pairs=None,
                         progress=None):
    """``(numerator, flux, connector, pair_length)`` of components ``comps`` (labels of
    ``labels``) of the symmetric CSR ``graph`` of costs: the numerator summed over them, flux
    and connector per node (zero outside them), and the path length of each of ``pairs``
    (``(i, j)`` node arrays; NaN unless both lie in one of these components; None without
    pairs). ``product``: kernel(x + y) = kernel(x)·kernel(y); otherwise every cost is 1 (hop
    counts). ``unconnected`` weighs the pairs a removal separates. ``progress`` (a core
    Progress) is checked for cancel at every removed node."""
    n = attribute.size
    flux = np.zeros(n)
    connector = np.zeros(n)
    numerator = 0.0
    sizes = np.bincount(labels)
    stacks = np.asarray(STACK_SIZES)
    padded = np.where(sizes <= stacks[-1], stacks[np.minimum(np.searchsorted(stacks, sizes), stacks.size - 1)], sizes)
    member = np.zeros(sizes.size, dtype=bool)
    member[comps] = True
    nodes = np.flatnonzero(member[labels])
    inner = _intermediates(graph, nodes, kernel, product, pairs is not None)
    order = nodes[np.lexsort((~inner[nodes], labels[nodes]))]  # per component: inner nodes first
    inner_count = np.bincount(labels[nodes[inner[nodes]]], minlength=sizes.size)
    sorted_labels = labels[order]
    slot_in_comp = np.empty(n, dtype=np.int64)
    slot_in_comp[order] = np.arange(order.size) - np.searchsorted(sorted_labels, sorted_labels)
    batches = _batches(comps, padded, inner_count)
    batch_of = np.full(sizes.size, -1, dtype=np.int64)   # batch of each chosen component
    local = np.zeros(sizes.size, dtype=np.int64)         # its place in the batch's stack
    for k, (_, part) in enumerate(batches):
        batch_of[part], local[part] = k, np.arange(part.size)
    node_order, node_starts = _grouped(batch_of[labels[nodes]], len(batches))
    node_order = nodes[node_order]
    rows = np.repeat(np.arange(n), np.diff(graph.indptr))
    edges = np.flatnonzero(member[labels[rows]])
    edge_order, edge_starts = _grouped(batch_of[labels[rows[edges]]], len(batches))
    edges = edges[edge_order]
    pair_length = None
    if pairs is not None:
        pi, pj = np.asarray(pairs[0]), np.asarray(pairs[1])
        pair_length = np.full(pi.size, np.nan)
        in_pairs = np.flatnonzero(member[labels[pi]] & (labels[pi] == labels[pj]))
        pair_order, pair_starts = _grouped(batch_of[labels[pi[in_pairs]]], len(batches))
        in_pairs = in_pairs[pair_order]
    for k, (m, part) in enumerate(batches):
        if progress:
            progress.check()
        batch_nodes = node_order[node_starts[k]:node_starts[k + 1]]
        a = np.zeros((part.size, m))
        position = (local[labels[batch_nodes]], slot_in_comp[batch_nodes])
        a[position] = attribute[batch_nodes]
        edge = edges[edge_starts[k]:edge_starts[k + 1]]
        b = local[labels[rows[edge]]]
        u, v, cost = slot_in_comp[rows[edge]], slot_in_comp[graph.indices[edge]], graph.data[edge]
        r = int(inner_count[part].max())
        num, flux_b, conn_b, closed = _stack_sums(m, r, b, u, v, cost, a, kernel, unconnected, product, progress)
        numerator += float(num.sum())
        flux[batch_nodes] = flux_b[position]
        connector[batch_nodes] = conn_b[position]
        if pairs is not None:
            here = in_pairs[pair_starts[k]:pair_starts[k + 1]]
            if product:  # the least sums of the costs themselves, not −ln of the weights
                closed = _cost_matrix(m, b, u, v, cost, part.size)
                _let_in(closed, range(r), np.empty_like(closed), False)
            closed = closed[local[labels[pi[here]]], slot_in_comp[pi[here]], slot_in_comp[pj[here]]]
            pair_length[here] = closed if product else np.where(closed == _no_path(m), np.inf, closed)
    return numerator, flux, connector, pair_length


def _intermediates(graph, nodes, kernel, product, lengths):
    """Bool per node of the graph: which of ``nodes`` can lie on a best path between two other
    nodes, and so must be let in (the others' removal costs no pair its path: C_k = 0).

    A node k is not needed when it has fewer than two neighbours, or when every two of its
    neighbours a, b are linked by a strictly better direct link: W_ab > W_ak·W_kb (1 + δ) for
    a ``product`` kernel, with ``lengths`` also cost_ab (1 + δ) < cost_ak + cost_kb; for hop
    counts any link (1 < 2). Then every path through k has a better one around it, so k is on
    no best path and is skipped. δ = :data:`SHORTCUT_MARGIN` is far above the rounding of the
    products along a path (3e-14 relative for 127 links), so skipping k changes the closed
    matrices by rounding at most. Neighbourhoods of more than :data:`SHORTCUT_DEGREE` nodes are
    not checked (their pairs grow with the square), nor graphs with duplicate links. ``graph``
    must be symmetric (only the link a -> b is looked up).
    """
    degree = np.diff(graph.indptr)
    inner = np.zeros(degree.size, dtype=bool)
    inner[nodes] = degree[nodes] >= 2
    candidates = np.flatnonzero(inner & (degree <= SHORTCUT_DEGREE))
    if candidates.size == 0:
        return inner
    if not graph.has_canonical_format:
        canonical = graph.copy()
        canonical.sum_duplicates()
        if canonical.nnz != graph.nnz:  # duplicate links: which cost the stacks keep is not defined
            return inner
        graph = canonical
    # position + 1 of each link in the CSR, so that indexing gives 0 for no link
    where = csr_matrix((np.arange(1, graph.nnz + 1), graph.indices, graph.indptr), shape=graph.shape)
    cost = graph.data
    if product:
        with np.errstate(over="ignore", invalid="ignore"):
            weight = kernel(cost)
    # the edges k-a of the candidates k, with a's rank in k's row; the pairs a, b are the edges
    # at ranks r and r + s of one row, checked for s = 1, 2, ... while k has every shortcut
    d = degree[candidates]
    owner = np.repeat(np.arange(candidates.size), d)
    rank = np.arange(owner.size) - np.repeat(np.cumsum(d) - d, d)
    position = graph.indptr[candidates][owner] + rank
    room = d[owner] - rank - 1              # edges after this one in the row
    alive = np.ones(candidates.size, dtype=bool)
    for step in range(1, int(d.max())):
        keep = (room >= step) & alive[owner]
        owner, position, room = owner[keep], position[keep], room[keep]
        if owner.size == 0:
            break
        p, q = position, position + step
        ab = np.asarray(where[graph.indices[p], graph.indices[q]]).reshape(-1) - 1
        shortcut = ab >= 0
        if product:
            with np.errstate(over="ignore", invalid="ignore"):
                shortcut &= weight[ab] > weight[p] * weight[q] * (1.0 + SHORTCUT_MARGIN)
                if lengths:
                    shortcut &= cost[ab] * (1.0 + SHORTCUT_MARGIN) < cost[p] + cost[q]
        alive[owner[~shortcut]] = False
    inner[candidates] = ~alive
    return inner


def _batches(comps, padded, inner_count):
    """``[(m, components)]``: the stacks of padded size m, each at most :data:`STACK_BYTES`, the
    components of a size ordered by their number of inner nodes (fewer let-in steps per stack)."""
    batches = []
    for m in np.unique(padded[comps]).tolist():
        chosen = comps[padded[comps] == m]
        chosen = chosen[np.argsort(inner_count[chosen], kind="stable")]
        step = max(1, STACK_BYTES // (8 * m * m))
        batches += [(m, chosen[s:s + step]) for s in range(0, chosen.size, step)]
    return batches


def _grouped(keys, count):
    """``(order, starts)``: positions sorted by ``keys`` (0..count-1), group g at
    ``order[starts[g]:starts[g + 1]]``."""
    order = np.argsort(keys, kind="stable")
    return order, np.searchsorted(keys[order], np.arange(count + 1))


def _stack_sums(m, r, b, u, v, cost, a, kernel, unconnected, product, progress):
    """Numerator per component, flux and connector per (component, node), and the closed
    matrix (best weights or hop counts) of one stack whose intermediates (:func:`_intermediates`)
    take the first ``r`` slots: only they are let in, and only their removal can cost a pair its
    path (the others' connector is 0)."""
    matrix = _matrix(m, b, u, v, kernel(cost) if product else 1, product, a.shape[0])
    buffer = np.empty_like(matrix)
    if not product:  # weights of the hop counts 0..m-1 and of "no path"
        kernel = _hop_weights(m, kernel, unconnected)
    connector = np.zeros(a.shape)
    closure = _Closure(kernel, product)
    if r:
        _removals(matrix, list(range(r)), closure, a, kernel, unconnected, product, buffer, connector, progress)
    else:
        closure.close(matrix, buffer, ())
    row_sum = np.matmul(closure.full, a[:, :, None])[:, :, 0]
    numerator = np.einsum("bi,bi->b", a, row_sum)
    return numerator, row_sum - a, connector, closure.closed


def _matrix(m, b, u, v, value, product, count):
    """Stack of ``count`` m x m matrices with ``value`` at (b, u, v): weights (``product``: 0 =
    no link, 1 on the diagonal) or hop counts (:func:`_no_path` = no link, 0 on the diagonal)."""
    if product:
        return _link_matrix(m, b, u, v, value, count, 0.0, 1.0, np.float64)
    return _link_matrix(m, b, u, v, value, count, _no_path(m), 0, np.uint8 if m <= NO_PATH_UINT8 else np.int16)


def _cost_matrix(m, b, u, v, cost, count):
    """Stack of ``count`` m x m matrices of link costs (inf = no link, 0 on the diagonal)."""
    return _link_matrix(m, b, u, v, cost, count, np.inf, 0.0, np.float64)


def _link_matrix(m, b, u, v, value, count, no_link, diagonal, dtype):
    """Stack of ``count`` m x m matrices of ``dtype``: ``value`` at (b, u, v), ``diagonal`` on the
    diagonal, ``no_link`` elsewhere."""
    matrix = _stack(count, m, no_link, dtype)
    matrix[b, u, v] = value
    nodes = np.arange(m)
    matrix[:, nodes, nodes] = diagonal
    return matrix


def _stack(count, m, value, dtype):
    """A (count, m, m) array of ``value``; with many more matrices than nodes, the stack axis is
    the one adjacent in memory, so that numpy's inner loops run over the stack rather than over
    m nodes (2-4 times faster per element for m <= 10)."""
    if count < 2 * m:
        return np.full((count, m, m), value, dtype=dtype)
    return np.full((m, m, count), value, dtype=dtype).transpose(2, 0, 1)


def _no_path(m):
    return NO_PATH_UINT8 if m <= NO_PATH_UINT8 else NO_PATH_INT16


def _hop_weights(m, kernel, unconnected):
    """Lookup table: the pair weight of each hop count 0.._no_path(m) (the last: no path)."""
    hops = np.arange(_no_path(m) + 1, dtype=np.float64)
    hops[-1] = np.inf
    return pair_weights(kernel, hops, unconnected)


def _let_in(matrix, nodes, buffer, product):
    """Floyd–Warshall steps with ``nodes`` as intermediates, in place on the whole stack."""
    for t in nodes:
        if product:
            np.multiply(matrix[:, :, t, None], matrix[:, None, t, :], out=buffer)
            np.maximum(matrix, buffer, out=matrix)
        else:
            np.add(matrix[:, :, t, None], matrix[:, None, t, :], out=buffer)
            np.minimum(matrix, buffer, out=matrix)


def pair_weights(kernel, lengths, unconnected):
    """kernel(lengths), with ``unconnected`` for the pairs without a path (length inf) if set."""
    with np.errstate(divide="ignore"):
        weights = kernel(lengths)
    if unconnected:
        weights[np.isinf(lengths)] = unconnected
    return weights


class _Closure:
    """The closed matrix of a stack (every node let in) and its pair weights ``full``, taken
    from the first leaf of :func:`_removals` (all nodes but one let in: one step more), which
    spares a separate closure of r steps."""

    def __init__(self, kernel, product):
        self.kernel, self.product = kernel, product
        self.closed = self.full = None

    def close(self, matrix, buffer, last):
        """Set the closure from ``matrix`` with every node but ``last`` let in."""
        self.closed = matrix.copy(order="K")
        _let_in(self.closed, last, buffer, self.product)
        self.full = self.closed if self.product else np.take(self.kernel, self.closed)


def _removals(matrix, nodes, closure, a, kernel, unconnected, product, buffer, connector, progress):
    """C_k = Σ_{i,j≠k} a_i a_j (W_ij − W'_ij) for every k of ``nodes``, where ``matrix`` has every
    node but ``nodes`` let in (consumed); the first leaf sets ``closure`` (:class:`_Closure`)."""
    if len(nodes) == 1:
        if progress:
            progress.check()
        k = nodes[0]
        if closure.full is None:
            closure.close(matrix, buffer, nodes)
        full = closure.full
        if product:
            without = np.where(matrix > 0, matrix, unconnected) if unconnected else matrix
            loss = np.subtract(full, without, out=buffer)  # the buffer is free at a leaf
        else:  # kernel: the lookup table of _hop_weights
            loss = np.take(kernel, matrix)
            np.subtract(full, loss, out=loss)
        others = a.copy()
        others[:, k] = 0.0  # the pairs i, j != k
        connector[:, k] = np.matmul(others[:, None, :], np.matmul(loss, others[:, :, None]))[:, 0, 0]
        return
    half = len(nodes) // 2
    first, second = nodes[:half], nodes[half:]
    copy = matrix.copy(order="K")
    _let_in(copy, second, buffer, product)
    _removals(copy, first, closure, a, kernel, unconnected, product, buffer, connector, progress)
    del copy
    _let_in(matrix, first, buffer, product)
    _removals(matrix, second, closure, a, kernel, unconnected, product, buffer, connector, progress)
