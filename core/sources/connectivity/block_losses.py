"""Connector losses of a multiplicative kernel block by block (biconnected blocks of a component).

Removing node k changes the least-cost path of a pair (i, j) that stays connected only if k lies
inside a block B that the pair's path crosses, entering B at x and leaving it at y (x, y ≠ k; a
replacement path never leaves B, since it would have to come back through the same cut vertex).
With a kernel f(L1 + L2) = f(L1)·f(L2) (PC), W_ij = W_ix·W_xy·W_yj and likewise without k, so

    C_k = Σ_{B ∋ k} Σ_{x, y ∈ B, x, y ≠ k} M_Bx·M_By·(W_xy − W'_xy)  + the pairs k separates,

where M_Bx = Σ a_h W_xh over x and everything hanging off x away from B (a_x for a node of B
alone). The pairs k separates are left to ``removal._separation_losses``. Each block is then a
small problem solved by the batched Floyd–Warshall removal of :mod:`.small_components` with
the masses M as attributes; bridges (blocks of two nodes) add nothing.
"""
import numpy as np
from scipy.sparse import csr_matrix

from .small_components import small_component_sums

#: Largest block solved this way (work m³·log2(m) per block; larger blocks go the general way of
#: :mod:`.removal`).
BLOCK_MAX = 128


def interval_sums(cuts, a, weights, first):
    """Σ a_j W_xj over each separated interval of :class:`~.cut_vertices.CutParts` ``cuts`` whose
    owner x is a row of ``weights`` (rows = nodes ``first``…); 0 for the other intervals."""
    rows, c = weights.shape
    sums = np.zeros(cuts.owner.size)
    sel = np.flatnonzero((cuts.owner >= first) & (cuts.owner < first + rows))
    if sel.size:
        owners = np.unique(cuts.owner[sel])
        prefix = np.zeros((owners.size, c + 1))
        np.cumsum(weights[owners - first][:, cuts.order] * a[cuts.order], axis=1, out=prefix[:, 1:])
        r = np.searchsorted(owners, cuts.owner[sel])
        sums[sel] = prefix[r, cuts.end[sel]] - prefix[r, cuts.start[sel]]
    return sums


def block_connector(graph, a, rowsum, cuts, part_sums, members, kernel, progress=None):
    """Σ over the blocks of each node k of the loss of the pairs that stay connected (see the
    module docstring), for the connected ``graph`` (symmetric CSR of costs) with attributes
    ``a``, row sums Σ_j a_j W_ij (j = i included), its ``cuts`` and their :func:`interval_sums`,
    and its blocks ``members`` (:func:`~.cut_vertices.block_members`)."""
    c = a.size
    blocks, nodes = members
    keep = np.bincount(blocks)[blocks] >= 3
    blocks, nodes = blocks[keep], nodes[keep]
    if blocks.size == 0:
        return np.zeros(c)
    sort = np.lexsort((nodes, blocks))
    blocks, nodes = blocks[sort], nodes[sort]
    mass = a[nodes].copy()
    at_cut = np.flatnonzero(cuts.cut[nodes])
    if at_cut.size:
        first = np.searchsorted(blocks, blocks[at_cut])
        other = np.where(nodes[first] == nodes[at_cut], nodes[first + 1], nodes[first])
        x = nodes[at_cut]
        part = cuts.part(x, other)  # the part of G − x that holds the rest of the block
        total = np.bincount(cuts.owner, weights=part_sums, minlength=c)
        block_side = np.where(part >= 0, part_sums[np.maximum(part, 0)], rowsum[x] - a[x] - total[x])
        mass[at_cut] = rowsum[x] - block_side
    # the edges of each block, between its memberships (both ends in one block: the edge is in it)
    key = blocks * c + nodes
    degree = np.diff(graph.indptr)[nodes]
    owner = np.repeat(np.arange(nodes.size), degree)
    starts = np.concatenate([[0], np.cumsum(degree)[:-1]])
    pos = np.repeat(graph.indptr[nodes] - starts, degree) + np.arange(int(degree.sum()))
    neighbour_key = blocks[owner] * c + graph.indices[pos]
    at = np.minimum(np.searchsorted(key, neighbour_key), key.size - 1)
    inside = key[at] == neighbour_key
    local = csr_matrix((graph.data[pos[inside]], (owner[inside], at[inside])), shape=(nodes.size, nodes.size))
    _, _, connector, _ = small_component_sums(local, mass, blocks, np.unique(blocks), kernel, 0.0, True,
                                              progress=progress)
    return np.bincount(nodes, weights=connector, minlength=c)
