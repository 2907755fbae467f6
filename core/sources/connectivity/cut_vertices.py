"""Cut vertices of a connected graph and the parts their removal separates, as DFS intervals.

Hopcroft & Tarjan (1973, Comm. ACM 16:372): in a depth-first search tree, a child subtree of
k whose low-link does not reach above k (low[child] ≥ disc[k]) is cut off when k is removed.
Each such subtree is a contiguous interval of the DFS preorder, so "which part of G − k holds
node x" is an interval lookup, and a sum over a part is a difference of prefix sums over a row
ordered by preorder. Nodes of no interval of k form the remaining part (k's parent side).
"""
import numpy as np


class CutParts:
    """DFS ``rank`` (preorder position) of every node and the separated intervals
    ``[start, end)`` of preorder positions with their ``owner`` (the cut vertex), sorted by
    (owner, start). ``order`` lists the nodes in preorder."""

    def __init__(self, order, rank, owner, start, end):
        self.order = order
        self.rank = rank
        self.owner = owner
        self.start = start
        self.end = end
        self.size = rank.size
        self.cut = np.zeros(rank.size, dtype=bool)
        self.cut[owner] = True
        self._key = owner * self.size + start

    def part(self, k, nodes):
        """Index of the interval of cut vertex ``k`` holding each of ``nodes`` (-1: the
        remaining part). ``k`` and ``nodes`` are arrays of equal length (or ``k`` a scalar)."""
        k = np.broadcast_to(np.asarray(k, dtype=np.int64), np.shape(nodes))
        if self.owner.size == 0:
            return np.full(np.shape(nodes), -1, dtype=np.int64)
        rank = self.rank[nodes]
        at = np.searchsorted(self._key, k * self.size + rank, side="right") - 1
        safe = np.maximum(at, 0)
        inside = (at >= 0) & (self.owner[safe] == k) & (rank < self.end[safe])
        return np.where(inside, at, -1)

    def separated(self, k, x, y):
        """True where removing cut vertex ``k`` separates node ``x`` from node ``y``."""
        return self.part(k, x) != self.part(k, y)


def cut_parts(graph):
    """:class:`CutParts` of the connected undirected graph ``graph`` (symmetric CSR).

    Iterative DFS from node 0 in O(nodes + edges) Python steps. The root's subtrees are listed
    only when there are at least two (otherwise the root is no cut vertex).
    """
    c = graph.shape[0]
    order, disc, low, size, parent = _depth_first(graph)
    owners, starts, ends = [], [], []
    for v in reversed(order[1:]):  # children before parents, as the DFS finishes them
        u = parent[v]
        if low[v] >= disc[u]:
            owners.append(u)
            starts.append(disc[v])
            ends.append(disc[v] + size[v])
    owner = np.asarray(owners, dtype=np.int64)
    start = np.asarray(starts, dtype=np.int64)
    end = np.asarray(ends, dtype=np.int64)
    root_children = owner == 0
    if np.count_nonzero(root_children) < 2:
        keep = ~root_children
        owner, start, end = owner[keep], start[keep], end[keep]
    sort = np.lexsort((start, owner))
    rank = np.empty(c, dtype=np.int64)
    order = np.asarray(order, dtype=np.int64)
    rank[order] = np.arange(c)
    return CutParts(order, rank, owner[sort], start[sort], end[sort])


def block_members(graph):
    """``(block, node)`` arrays: every membership of a node in a biconnected block (a maximal
    2-connected subgraph or a bridge) of the connected graph ``graph``, sorted by block.

    In the DFS tree a child v with low[v] ≥ disc[parent] tops a block holding the parent, v and
    the nodes below v that no deeper top claims; a child that is no top shares its parent's
    block (a back edge from below it reaches above the parent, so both tree edges lie on one
    cycle). Cut vertices belong to several blocks; two blocks share at most one node.
    """
    order, disc, low, _, parent = _depth_first(graph)
    block = [-1] * graph.shape[0]
    heads = []
    for v in order[1:]:
        u = parent[v]
        if low[v] >= disc[u]:
            block[v] = len(heads)
            heads.append(u)
        else:
            block[v] = block[u]
    nodes = np.concatenate([np.asarray(order[1:], dtype=np.int64), np.asarray(heads, dtype=np.int64)])
    blocks = np.concatenate([np.asarray(block, dtype=np.int64)[order[1:]], np.arange(len(heads))])
    sort = np.argsort(blocks, kind="stable")
    return blocks[sort], nodes[sort]


def _depth_first(graph):
    """Preorder, discovery time, low-link, subtree size and parent of every node (lists) of an
    iterative DFS from node 0 of the connected graph ``graph`` (symmetric CSR)."""
    c = graph.shape[0]
    indptr = graph.indptr.tolist()
    indices = graph.indices.tolist()
    disc = [-1] * c
    low = [0] * c
    size = [1] * c
    parent = [-1] * c
    order = [0]
    disc[0] = 0
    stack = [[0, indptr[0]]]
    clock = 1
    while stack:
        frame = stack[-1]
        v, p = frame
        if p < indptr[v + 1]:
            frame[1] = p + 1
            w = indices[p]
            if disc[w] < 0:
                parent[w] = v
                disc[w] = low[w] = clock
                clock += 1
                order.append(w)
                stack.append([w, indptr[w]])
            elif w != parent[v] and disc[w] < low[v]:
                low[v] = disc[w]
            continue
        stack.pop()
        if stack:
            u = stack[-1][0]
            size[u] += size[v]
            if low[v] < low[u]:
                low[u] = low[v]
    return order, disc, low, size, parent


def no_cut_parts(c):
    """A :class:`CutParts` that claims no cut vertex (valid for any graph of ``c`` nodes: the
    callers then find every separation the general way)."""
    empty = np.zeros(0, dtype=np.int64)
    return CutParts(np.arange(c, dtype=np.int64), np.arange(c, dtype=np.int64), empty, empty, empty)
