"""Least-cost distances between habitat patches over a resistance raster.

The cost rule is Linkage Mapper's (ESRI Cost Distance: a step between 4-neighbours costs
cell_size·(r1 + r2)/2, a diagonal step √2 times that; spec ``linkage_mapper.md`` §2.1), computed by
:mod:`...corridors.costdist`. Patches are burnt on the resistance grid by the cell-centre rule (Linkage
Mapper); a patch too small to hold a cell centre is burnt with every cell it touches
(:func:`...io.rasterize.rasterize_geometries` with ``keep_small``). The
least-cost distance between patches A and B is the minimum over B's cells of the cost distance
from A (0 inside A), so the distances are in resistance × map units, and D must be given in the
same units. One Dijkstra over the grid per patch (``max_distance`` stops it early).
"""
import numpy as np
from scipy import ndimage

from ...corridors.costdist import CostGraph, estimate_cost_distance_memory
from ...runtime.errors import InputError
from ...runtime.progress import ensure


def estimate_least_cost_memory(rows, cols):
    """Peak bytes: the cost graph and one run, plus an int32 patch grid."""
    return estimate_cost_distance_memory(rows, cols) + 4 * int(rows) * int(cols)


def least_cost_distances(labels, n_patches, resistance, valid, cell_size, max_distance=None, progress=None):
    """``(i, j, d)`` least-cost distances between patches ``0..n_patches-1`` (``labels`` = index
    + 1 on the grid), pairs i < j that are reachable (within ``max_distance`` when given)."""
    progress = ensure(progress)
    labels = np.asarray(labels)
    present = np.bincount(labels[valid & (labels > 0)].ravel(), minlength=n_patches + 1)[1:] > 0
    if not present.all():
        first = int(np.flatnonzero(~present)[0])
        raise InputError(f"Patch {first + 1} lies entirely outside the resistance raster or on its NoData "
                         "cells; clip the patches to the raster or fill the NoData. "
                         f"/ 第 {first + 1} 个斑块完全位于阻力栅格之外或无数据区。")
    graph = CostGraph(resistance, cell_size, valid, progress.sub(0.0, 0.1))
    index = np.arange(1, n_patches + 1)
    out_i, out_j, out_d = [], [], []
    for patch in range(n_patches - 1):
        progress.update(0.1 + 0.9 * patch / n_patches, "Least-cost distances between patches / 斑块间最小成本距离")
        distance = graph.run(labels == patch + 1, max_cost=max_distance).distance
        nearest = ndimage.minimum(distance, labels, index[patch + 1:])
        others = np.arange(patch + 1, n_patches)
        reached = np.isfinite(nearest)
        out_i.append(np.full(int(reached.sum()), patch, dtype=np.int64))
        out_j.append(others[reached])
        out_d.append(np.asarray(nearest, dtype=np.float64)[reached])
    progress.update(1.0)
    if not out_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_d)
