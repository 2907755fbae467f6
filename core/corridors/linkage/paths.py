"""Step 3 of Linkage Mapper: one cost-distance search per core, the least-cost distance of each
link and its least-cost path (``s3_calcCwds.py``; spec ``linkage_mapper.md`` §2.4).

* CWD_A: cost distance from core A (:mod:`...corridors.costdist`, ESRI rule) inside A's search window.
* LCD(A, B) = minimum of CWD_A over the cells of B; unknown (-1) when B is not reached.
* LCP: from the cell of B with the least CWD_A back to A along the Dijkstra predecessors (ArcGIS
  Cost Path ``BEST_SINGLE``; with tied paths another, equally cheap, path may be chosen).
  Its length is the polyline through the cell centres (``cell_size`` per orthogonal step,
  ``sqrt(2) * cell_size`` per diagonal one); Linkage Mapper measures the ArcGIS polyline made
  from the path raster, which can differ slightly where ArcGIS smooths the staircase.
"""
import math
from dataclasses import dataclass

import numpy as np

from ..costdist import CostGraph, least_cost_path
from .windows import circles_mask


@dataclass
class CoreSearch:
    """CWD_A on ``window`` (float64, inf = not reached) and its predecessors (flat indices in the
    window, -1 = none; ``None`` when paths were not asked for)."""
    label: int
    window: object
    distance: np.ndarray
    predecessor: object = None


def search_core(resistance, valid, cell_size, labels, label, window, circles=None, limit=None,
                predecessors=True, grid_graph=None, dijkstra=None):
    """Cost distance from the cells of core ``label`` within ``window``.

    ``circles``: Linkage Mapper bounding circles (cells outside all of them are barriers);
    ``limit``: stop the search at this accumulated cost; ``grid_graph``: the
    :class:`~..costdist.CostGraph` of the whole grid, reused when the window is the whole grid;
    ``dijkstra``: passed to the graph of a window (:class:`~..costdist.CostGraph`).
    """
    rows, cols = window.slices
    if grid_graph is not None and window.shape == grid_graph.shape and not circles:
        graph = grid_graph
    else:
        mask = valid[rows, cols]
        if circles:
            mask = mask & circles_mask(window, circles)
        graph = CostGraph(resistance[rows, cols], cell_size, mask, dijkstra=dijkstra)
    surface = graph.run(labels[rows, cols] == label, max_cost=limit, predecessors=predecessors)
    return CoreSearch(label, window, surface.distance, surface.predecessor)


@dataclass
class LinkPath:
    """Least-cost distance of a link (-1 = unknown), its path cells (global (row, col), from core A
    to core B; empty when unknown), the path length in map units and the cores it crosses."""
    lc_dist: float
    cells: np.ndarray
    length: float
    crossed: frozenset


def path_length(cells, cell_size):
    """Length of the polyline through the centres of consecutive 8-neighbour ``cells``."""
    steps = np.abs(np.diff(cells, axis=0)).sum(axis=1)
    return float(cell_size * (np.count_nonzero(steps == 1) + math.sqrt(2.0) * np.count_nonzero(steps == 2)))


def nearest_cell(search, labels, label_b, box_b):
    """``(lcd, row, col)``: the least CWD over the cells of core ``label_b`` (box ``box_b``) and
    that cell in ``search``'s window; lcd is inf when the search did not reach the core."""
    window = search.window
    part = window.intersect(box_b)
    if part.size == 0:
        return math.inf, -1, -1
    candidates = np.where(labels[part.slices] == label_b, search.distance[window.inner(part)], np.inf)
    row, col = np.unravel_index(int(np.argmin(candidates)), part.shape)
    return float(candidates[row, col]), part.r0 - window.r0 + int(row), part.c0 - window.c0 + int(col)


def link_path(search, labels, label_b, box_b, cell_size):
    """The least-cost distance and path from ``search``'s core to core ``label_b`` (box ``box_b``)."""
    lcd, row, col = nearest_cell(search, labels, label_b, box_b)
    if not math.isfinite(lcd):
        return LinkPath(-1.0, np.empty((0, 2), dtype=np.int64), -1.0, frozenset())
    window = search.window
    cells = least_cost_path(search.predecessor, row, col)[::-1] + np.array([window.r0, window.c0], dtype=np.int64)
    on_path = labels[cells[:, 0], cells[:, 1]]
    crossed = frozenset(int(x) for x in np.unique(on_path) if x not in (0, search.label, label_b))
    return LinkPath(lcd, cells, path_length(cells, cell_size), crossed)
