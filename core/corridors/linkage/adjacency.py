"""Step 1 and 2 of Linkage Mapper: which cores are adjacent, and how far apart they are
(``s1_getAdjacencies.py``, ``s2_buildNetwork.py``; spec ``linkage_mapper.md`` §2.2-2.3).

* Cost-weighted adjacency: the zones of the cost allocation touch (8-neighbour); Euclidean
  adjacency: the zones of the Euclidean allocation (nearest core cell, ``distance_transform_edt``)
  touch. Reproduced exactly (ties in the allocations aside).
* Euclidean distance of a pair: minimum edge-to-edge distance between the cores' cells (squares
  of side ``cell_size``); 0 (touching cells) is replaced by ``cell_size`` as Linkage Mapper does.
  Linkage Mapper measures between the core polygons simplified with tolerance cellsize/3, so its
  value can differ by up to about one cell.

Labels are the dense core indices 1..K of :class:`~.cores.Cores` (0 = none).
"""
import math

import numpy as np
from scipy import ndimage
from scipy.spatial import cKDTree

#: Shifts that visit every unordered pair of 8-neighbours once: right, down, down-right, down-left.
HALF_NEIGHBOURS = ((0, 1), (1, 0), (1, 1), (1, -1))


def _neighbour_pairs(shape, dr, dc):
    rows, cols = shape
    a = (slice(0, rows - dr), slice(max(0, -dc), cols - max(0, dc)))
    b = (slice(dr, rows), slice(max(0, dc), cols + min(0, dc)))
    return a, b


def adjacent_pairs(zones):
    """(P, 2) int64 array of zone pairs (a < b, both > 0) that touch horizontally, vertically or
    diagonally, sorted."""
    keys = []
    big = np.int64(int(zones.max()) + 1)
    for dr, dc in HALF_NEIGHBOURS:
        a, b = _neighbour_pairs(zones.shape, dr, dc)
        za, zb = zones[a], zones[b]
        differ = (za != zb) & (za > 0) & (zb > 0)
        lo = np.minimum(za[differ], zb[differ]).astype(np.int64)
        hi = np.maximum(za[differ], zb[differ]).astype(np.int64)
        keys.append(np.unique(lo * big + hi))
    keys = np.unique(np.concatenate(keys))
    return np.column_stack((keys // big, keys % big))


def euclidean_allocation(labels):
    """Label of the nearest core cell (Euclidean distance between cell centres) for every cell."""
    nearest = ndimage.distance_transform_edt(labels == 0, return_distances=False, return_indices=True)
    return labels[nearest[0], nearest[1]]


def boundary_path_costs(distance, zones, resistance, cell_size):
    """Upper bounds of the least-cost distances between cost-adjacent cores.

    For zones a, b that touch, the cheapest ``distance[x] + step(x, y) + distance[y]`` over
    neighbouring cells x in a and y in b is the cost of an actual path from core a to core b, hence
    >= their least-cost distance. Returns ``{(a, b): bound}`` with a < b.
    """
    big = np.int64(int(zones.max()) + 1)
    keys, values = [], []
    half = 0.5 * cell_size * np.where(np.isfinite(distance), resistance, np.nan)
    for dr, dc in HALF_NEIGHBOURS:
        a, b = _neighbour_pairs(zones.shape, dr, dc)
        za, zb = zones[a], zones[b]
        differ = (za != zb) & (za > 0) & (zb > 0)
        factor = math.sqrt(2.0) if dr and dc else 1.0
        cost = distance[a][differ] + distance[b][differ] + factor * (half[a][differ] + half[b][differ])
        ok = np.isfinite(cost)
        lo = np.minimum(za[differ], zb[differ]).astype(np.int64)[ok]
        hi = np.maximum(za[differ], zb[differ]).astype(np.int64)[ok]
        keys.append(lo * big + hi)
        values.append(cost[ok])
    keys = np.concatenate(keys)
    values = np.concatenate(values)
    unique, inverse = np.unique(keys, return_inverse=True)
    best = np.full(unique.size, np.inf)
    np.minimum.at(best, inverse, values)
    return {(int(k // big), int(k % big)): float(v) for k, v in zip(unique, best)}


def _boundary_cells(labels, label, box):
    """(n, 2) float cell coordinates of the cells of ``label`` with a 4-neighbour outside it."""
    rows, cols = box.slices
    padded = np.pad(labels[max(rows.start - 1, 0):rows.stop + 1, max(cols.start - 1, 0):cols.stop + 1]
                    == label, 1)
    inside = padded[1:-1, 1:-1]
    edge = inside & ~(padded[:-2, 1:-1] & padded[2:, 1:-1] & padded[1:-1, :-2] & padded[1:-1, 2:])
    r, c = np.nonzero(edge)
    return np.column_stack((r + max(rows.start - 1, 0), c + max(cols.start - 1, 0))).astype(np.float64)


def _square_gap(p, q):
    """Edge-to-edge distance (cells) between unit squares centred at rows of ``p`` and ``q``."""
    d = np.maximum(np.abs(p - q) - 1.0, 0.0)
    return np.hypot(d[:, 0], d[:, 1])


def edge_distances(labels, boxes, pairs, cell_size, progress=None):
    """Minimum edge-to-edge distance (map units) between the cells of each pair of cores.

    Exact over the boundary cells: the square gap is at least the centre distance minus sqrt(2),
    so only centre pairs within (best square gap + sqrt(2)) are examined. 0 becomes ``cell_size``.
    """
    points, trees = {}, {}

    def tree(label):
        if label not in trees:
            points[label] = _boundary_cells(labels, label, boxes[label - 1])
            trees[label] = cKDTree(points[label])
        return trees[label], points[label]

    out = np.empty(len(pairs))
    for i, (a, b) in enumerate(pairs):
        if progress is not None and i % 64 == 0:
            progress.update(i / max(len(pairs), 1), "Euclidean distances between cores / 核心区间欧氏距离")
        tree_a, pa = tree(int(a))
        tree_b, pb = tree(int(b))
        if pa.shape[0] > pb.shape[0]:
            tree_a, pa, tree_b, pb = tree_b, pb, tree_a, pa
        _, j = tree_b.query(pa)
        k = int(np.argmin(np.hypot(*(pa - pb[j]).T)))
        best = float(_square_gap(pa[k:k + 1], pb[j[k]:j[k] + 1])[0])
        near = tree_a.query_ball_tree(tree_b, r=best + math.sqrt(2.0) + 1e-9)
        ia = np.repeat(np.arange(len(near)), [len(n) for n in near])
        ib = np.fromiter((x for n in near for x in n), dtype=np.int64, count=ia.size)
        if ia.size:
            best = min(best, float(_square_gap(pa[ia], pb[ib]).min()))
        out[i] = best * cell_size if best > 0 else cell_size
    return out
