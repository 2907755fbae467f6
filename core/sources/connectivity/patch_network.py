"""A :class:`~.network.HabitatNetwork` from habitat-patch polygons.

Nodes are the polygons (ids given or 1..n; attribute given or the area in hectares, map units
in metres); links carry edge-to-edge Euclidean, centroid Euclidean or least-cost distances
(:mod:`.distances`, :mod:`.least_cost`). Without ``max_link_distance`` every pair is linked
(Conefor ``all``); with it only pairs that close (``notall``). Least-cost links exist only between
patches that reach each other over valid resistance cells.
"""
import os

import numpy as np

from ...io.crs import check_projected
from ...io.raster import read_grid, read_raster
from ...io.rasterize import rasterize_geometries
from ...runtime.errors import InputError
from ...runtime.progress import ensure
from .distances import centroid_distances, edge_distances, polygons_from_wkb, representative_points
from .least_cost import estimate_least_cost_memory, least_cost_distances
from .network import DISTANCE, habitat_network
from .removal import estimate_pair_sums_memory

#: Distance methods (enum order of the ``DISTANCE`` parameter).
EDGE_TO_EDGE, CENTROID, LEAST_COST = 0, 1, 2
SQUARE_METRES_PER_HECTARE = 10000.0


def patch_areas_ha(geometries):
    """Area of each OGR polygon in hectares (map units in metres)."""
    return np.array([g.GetArea() for g in geometries], dtype=np.float64) / SQUARE_METRES_PER_HECTARE


def estimate_network_memory(n_nodes, max_link_distance=None, resistance_shape=None):
    """Peak bytes of building and analysing a network of ``n_nodes`` patches (all pairs linked
    unless ``max_link_distance``; a least-cost run adds the grid)."""
    links = n_nodes * (n_nodes - 1) // 2 if max_link_distance is None else 64 * n_nodes
    grid = estimate_least_cost_memory(*resistance_shape) if resistance_shape else 0
    return int(40 * links + estimate_pair_sums_memory(n_nodes, links) + grid)


def patch_network(wkb_list, ids=None, attributes=None, distance=EDGE_TO_EDGE, max_link_distance=None,
                  resistance_path=None, layer_name="the patch layer", progress=None):
    """``(network, geometries)`` for polygon WKBs (see the module docstring)."""
    progress = ensure(progress)
    geometries = polygons_from_wkb(wkb_list, layer_name)
    n = len(geometries)
    ids = np.arange(1, n + 1) if ids is None else np.asarray(ids)
    attributes = patch_areas_ha(geometries) if attributes is None else attributes
    if max_link_distance is not None and not max_link_distance > 0:
        raise InputError(f"The maximum link distance must be positive, got {max_link_distance}. / 最大连接距离必须为正数。")
    if distance == EDGE_TO_EDGE:
        i, j, d = edge_distances(geometries, max_link_distance, progress)
    elif distance == CENTROID:
        i, j, d = centroid_distances(*representative_points(geometries), max_distance=max_link_distance)
    elif distance == LEAST_COST:
        if not resistance_path:
            raise InputError("Least-cost distances need a resistance raster (parameter RESISTANCE). "
                             "/ 最小成本距离需要阻力栅格（参数 RESISTANCE）。")
        check_projected(read_grid(resistance_path).crs_wkt, os.path.basename(str(resistance_path)),
                        "least-cost distances")
        resistance = read_raster(resistance_path)
        grid = resistance.grid
        labels = rasterize_geometries(wkb_list, grid, keep_small=True)
        i, j, d = least_cost_distances(labels, n, resistance.array.astype(np.float64), resistance.valid,
                                       grid.cell_size, max_link_distance, progress)
    else:
        raise InputError(f"Unknown distance method {distance}; use 0 (edge-to-edge), 1 (centroid) or 2 (least-cost).")
    all_pairs = max_link_distance is None and distance != LEAST_COST
    network = habitat_network(ids, attributes, ids[i], ids[j], d, DISTANCE, all_pairs, layer_name)
    return network, geometries


def link_lines(geometries, link_i, link_j):
    """((x1, y1), (x2, y2)) between the representative points of the linked patches."""
    x, y = representative_points(geometries)
    return [((x[a], y[a]), (x[b], y[b])) for a, b in zip(link_i, link_j)]


def source_area_km2(geometries, is_source):
    """Total area (km², map units in metres) of the patches flagged ``is_source``."""
    return float(patch_areas_ha(geometries)[np.asarray(is_source, dtype=bool)].sum()) / 100.0
