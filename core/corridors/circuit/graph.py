"""Raster → conductance graph, as Circuitscape builds it (Circuitscape.jl 5.x, ``src/raster/*.jl``).

* Cell conductance ``g``: 1/r for resistances (zero resistance is an error, +inf and NoData give
  0), the value itself for conductances. Only cells with ``g > 0`` are nodes.
* Nodes are numbered in column-major order (down the columns, left to right), which defines the
  "first cell" of a polygon or focal region.
* Short-circuit regions (polygons): every cell of a polygon with at least one node cell —
  including its NoData cells — becomes the node of the polygon's first node cell.
* Edges join each node cell to its right, lower and (unless four neighbours) both right diagonal
  neighbours. Edge conductance: average conductance ``(g1+g2)/2`` (default) or average
  resistance ``2 g1 g2/(g1+g2)``, divided by sqrt(2) on diagonals. The cell size is not used.
  Edges inside a node (polygon) vanish, parallel edges add up, zero-conductance edges are dropped.

Reproduced exactly (same graph, node for node) on the Circuitscape.jl verification cases.
Memory for an R x C grid with n nodes: the node map (int32, 4 B/cell), the conductances
(float64, 8 B/cell) and about 4n edges (two int32 ends and a float64 weight: 16 B each), see
:func:`estimate_graph_memory`.
"""
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from ...runtime.errors import InputError

SQRT2 = np.sqrt(2.0)


def cell_conductances(values, valid, is_resistance=True, name="habitat"):
    """Cell conductances ``g`` (float64; 0 on NoData, +inf resistance and non-positive values).

    ``values``: the habitat band, ``valid``: False on NoData. Zero resistance raises
    :class:`InputError` (Circuitscape: "zero resistance values are not currently supported").
    Returns ``(g, negatives)`` with the number of negative cells, which are not nodes.
    """
    data = np.asarray(values, dtype=np.float64)
    valid = np.asarray(valid, dtype=bool) & ~np.isnan(data)
    negatives = int(np.count_nonzero(valid & (data < 0)))
    g = np.zeros(data.shape, dtype=np.float64)
    if is_resistance:
        zero = valid & (data == 0)
        if zero.any():
            row, col = np.argwhere(zero)[0]
            raise InputError(
                f"'{name}' has {int(zero.sum())} cell(s) with zero resistance (first at row {row + 1}, "
                f"column {col + 1}). Circuit theory needs positive resistances: give those cells a small "
                "resistance, or treat them as a short-circuit region (polygon) instead. "
                f"/ '{name}' 含阻力为 0 的像元，请改为很小的正值，或将其作为短路区域（多边形）输入。")
        positive = valid & (data > 0) & np.isfinite(data)
        np.divide(1.0, data, out=g, where=positive)
    else:
        positive = valid & (data > 0) & np.isfinite(data)
        g[positive] = data[positive]
    return g, negatives


def check_nodata_tag(values, valid, name="habitat"):
    """Raise :class:`InputError` for a raster whose NoData is -9999 but is not tagged as NoData."""
    data = np.asarray(values)
    untagged = valid & (data == -9999)
    if untagged.any() and np.count_nonzero(untagged) * 10 >= np.count_nonzero(valid):
        raise InputError(
            f"'{name}' has {int(untagged.sum())} cells of -9999 that are not marked as NoData. Set the "
            "layer's NoData value to -9999 (Raster ▸ Conversion ▸ Translate, or the layer properties) and "
            f"run again. / '{name}' 中的 -9999 未被设为 NoData，请先设置 NoData 值。")


@dataclass
class CellGraph:
    """A conductance graph over grid cells.

    ``node_of_cell``: int32 (rows, cols), node index or -1; ``n_nodes``; edges ``i``, ``j``
    (int32, ``i < j``) with conductances ``w`` (float64 > 0); ``labels``: component of each node.
    """
    node_of_cell: np.ndarray
    n_nodes: int
    i: np.ndarray
    j: np.ndarray
    w: np.ndarray
    labels: np.ndarray
    n_components: int

    @property
    def degree(self):
        """Weighted degree (sum of incident edge conductances) of every node."""
        return (np.bincount(self.i, self.w, self.n_nodes) + np.bincount(self.j, self.w, self.n_nodes))


def node_map(g, polygons=None):
    """Node index of every cell (int32, -1 = no node) and the node count.

    Node cells (``g > 0``) are numbered in column-major order. ``polygons``: int array of
    short-circuit region ids (0 = none); a polygon with at least one node cell makes all its
    cells one node, the node of its first node cell; nodes are then renumbered consecutively in
    the order of their first cell.
    """
    rows, cols = g.shape
    is_node = g > 0
    node = np.full((rows, cols), -1, dtype=np.int32)
    count = int(np.count_nonzero(is_node))
    node.T[is_node.T] = np.arange(count, dtype=np.int32)
    if polygons is None:
        return node, count
    poly = np.asarray(polygons)
    in_poly = poly != 0
    if not in_poly.any():
        return node, count
    ids = poly[in_poly & is_node]
    first = node[in_poly & is_node]
    if ids.size == 0:
        return node, count
    unique_ids, inverse = np.unique(ids, return_inverse=True)
    first_node = np.full(unique_ids.size, np.iinfo(np.int32).max, dtype=np.int64)
    np.minimum.at(first_node, inverse, first.astype(np.int64))
    cells = in_poly & np.isin(poly, unique_ids)
    position = np.searchsorted(unique_ids, poly[cells])
    node[cells] = first_node[position].astype(np.int32)
    used = np.zeros(count, dtype=bool)
    used[node[node >= 0]] = True
    renumber = np.cumsum(used, dtype=np.int64).astype(np.int32) - 1
    valid = node >= 0
    node[valid] = renumber[node[valid]]
    return node, int(used.sum())


def _neighbour_pairs(four_neighbours):
    """(row offset, column offset, distance factor) of the right, lower and right diagonals."""
    pairs = [(0, 1, 1.0), (1, 0, 1.0)]
    if not four_neighbours:
        pairs += [(1, 1, SQRT2), (-1, 1, SQRT2)]
    return pairs


def grid_edges(node, g, four_neighbours=False, avg_resistances=False):
    """Edges ``(i, j, w)`` between neighbouring node cells (``i < j``, no self-loops, ``w > 0``).

    ``w`` = (g1 + g2)/2 (average conductance) or 2 g1 g2 / (g1 + g2) (average resistance),
    divided by sqrt(2) for diagonal neighbours (Circuitscape.jl ``construct_graph``).
    """
    # work on the transposed grid, so that edges come out in node (column-major) order: later
    # passes over the edges then read the node vectors nearly sequentially
    node, g = np.ascontiguousarray(node.T), np.ascontiguousarray(g.T)
    cols, rows = node.shape
    parts_i, parts_j, parts_w = [], [], []
    for dr, dc, factor in _neighbour_pairs(four_neighbours):
        r0, r1 = max(0, -dr), rows - max(0, dr)
        c1 = cols - dc
        if r1 <= r0 or c1 <= 0:
            continue
        n1 = node[0:c1, r0:r1]
        n2 = node[dc:c1 + dc, r0 + dr:r1 + dr]
        keep = (n1 >= 0) & (n2 >= 0) & (n1 != n2)
        a = n1[keep]
        b = n2[keep]
        g1 = g[0:c1, r0:r1][keep]
        g2 = g[dc:c1 + dc, r0 + dr:r1 + dr][keep]
        if avg_resistances:
            total = g1 + g2
            w = np.divide(2.0 * g1 * g2, total, out=np.zeros_like(total), where=total > 0)
        else:
            w = 0.5 * (g1 + g2)
        if factor != 1.0:
            w /= factor
        positive = w > 0
        parts_i.append(np.minimum(a, b)[positive])
        parts_j.append(np.maximum(a, b)[positive])
        parts_w.append(w[positive])
        del n1, n2, keep, a, b, g1, g2, w, positive
    if not parts_i:
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float64)
    return np.concatenate(parts_i), np.concatenate(parts_j), np.concatenate(parts_w)


def component_labels(n_nodes, i, j):
    """(number of components, component label of each node) of the graph with edges (i, j)."""
    if n_nodes == 0:
        return 0, np.zeros(0, dtype=np.int32)
    adjacency = sp.csr_matrix((np.ones(i.size, dtype=np.int8), (i, j)), shape=(n_nodes, n_nodes))
    count, labels = connected_components(adjacency, directed=False)
    return int(count), labels.astype(np.int32)


def cell_graph(g, polygons=None, four_neighbours=False, avg_resistances=False):
    """The :class:`CellGraph` of cell conductances ``g`` with optional short-circuit ``polygons``."""
    node, n_nodes = node_map(g, polygons)
    i, j, w = grid_edges(node, g, four_neighbours, avg_resistances)
    count, labels = component_labels(n_nodes, i, j)
    return CellGraph(node, n_nodes, i, j, w, labels, count)


def edge_graph(n_nodes, i, j, w):
    """A graph from an edge list (network mode): self-loops and zero edges dropped, ``i < j``."""
    i = np.asarray(i, dtype=np.int32)
    j = np.asarray(j, dtype=np.int32)
    w = np.asarray(w, dtype=np.float64)
    keep = (i != j) & (w != 0)
    a, b, w = np.minimum(i, j)[keep], np.maximum(i, j)[keep], w[keep]
    count, labels = component_labels(n_nodes, a, b)
    return CellGraph(None, n_nodes, a, b, w, labels, count)


def estimate_graph_memory(rows, cols, n_nodes=None, four_neighbours=False):
    """Bytes needed to build the graph of an R x C grid (peak, including temporaries)."""
    cells = rows * cols
    n_nodes = cells if n_nodes is None else n_nodes
    edges = (2 if four_neighbours else 4) * n_nodes
    return cells * (8 + 8 + 4 + 4 + 12) + edges * (4 + 4 + 8) * 2


def grounded_laplacian(graph, free, extra_diagonal=None):
    """``(L + diag(extra))[free, free]`` as CSR: the Laplacian with v = 0 on every other node.

    ``free``: int array of the unknown nodes (in the order of the unknowns). Edges to grounded
    nodes still count in the diagonal, so this is the Dirichlet reduction used for every solve
    (a grounded anchor node in pairwise mode, direct grounds in advanced mode).
    ``extra_diagonal``: finite ground conductances per node (advanced mode).
    """
    n_free = int(free.size)
    index_type = np.int32 if graph.n_nodes < 2 ** 31 - 1 else np.int64
    local = np.full(graph.n_nodes, -1, dtype=index_type)
    local[free] = np.arange(n_free, dtype=index_type)
    diagonal = graph.degree
    if extra_diagonal is not None:
        diagonal = diagonal + extra_diagonal
    li = local[graph.i]
    lj = local[graph.j]
    keep = (li >= 0) & (lj >= 0)
    li, lj, w = li[keep], lj[keep], graph.w[keep]
    del keep
    own = np.arange(n_free, dtype=index_type)
    rows = np.concatenate((li, lj, own))
    cols = np.concatenate((lj, li, own))
    values = np.concatenate((-w, -w, diagonal[free]))
    del li, lj, w, own
    matrix = sp.csr_matrix((values, (rows, cols)), shape=(n_free, n_free))
    matrix.sum_duplicates()
    return matrix
