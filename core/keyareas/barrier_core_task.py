"""The per-core step of the Barrier Mapper (spec ``linkage_mapper.md`` §5; :mod:`.barriers` step 2)
as an independent task for :func:`...runtime.parallel.map_tasks`.

A task searches the cost distance CWD_A of each of its cores (ESRI rule, stopped at the core's
cost limit), measures the least-cost distance to each linked core (the least CWD_A on its cells),
and per radius R computes m_A (the focal minimum of CWD_A over the annulus R - 1 < d <= R, float32),
cut to the cells that can score >= 0 (m_A <= max LCD - 2R) and cropped to their box. All the cores
of a task search the same window, so the cores whose search covers the whole grid share one graph.

Shipped to a worker: the search window of the resistance (float32), the valid cells (bool) and the
core labels (int32): :data:`SHIPPED_BYTES_PER_CELL`, once per task. Back, per core: the least-cost
distances and, per radius, the kept window of m_A (4 bytes per kept cell).
"""
import math

import numpy as np

from ..corridors.costdist import BYTES_PER_CELL, CostGraph
from ..corridors.linkage.windows import reached_window
from .core_searches import search_job
from .focal import annulus_minimum

#: Bytes per window cell shipped to a worker: resistance (float32), valid (bool), labels (int32).
SHIPPED_BYTES_PER_CELL = 4 + 1 + 4


def core_task_memory(cells, radii):
    """Peak bytes of a task whose window has ``cells`` cells: the shipped window, one search
    (graph and float64 CWD), its float32 copy, the grown grid and focal minimum of a radius, and the
    kept minima of every radius."""
    return int(cells * (SHIPPED_BYTES_PER_CELL + BYTES_PER_CELL + 8 + 4 + 4 + 4 + 4 * len(radii)))


def core_task(resistance, valid, labels, window, shape, cell_size, jobs, radii, cwd_threshold):
    """``[(lcds, minima) for each job]``: the least-cost distances to the job's ``others`` (inf = not
    reached) and, per radius, ``(kept window, m_A)`` in grid coordinates (``minima`` is empty when a
    linked core was not reached: the caller raises).

    ``resistance``, ``valid``, ``labels``: the grid's values on ``window`` (grid ``shape``).
    """
    graph = CostGraph(resistance, cell_size, valid)
    results = []
    for job in jobs:
        search, lcds = search_job(graph, resistance, valid, labels, window, cell_size, job)
        if not all(math.isfinite(lcd) for lcd in lcds):
            results.append((lcds, []))
            continue
        distance = search.distance.astype(np.float32)
        del search
        if cwd_threshold:
            distance[distance >= float(cwd_threshold)] = np.inf
        results.append((lcds, [_kept_minimum(distance, window, shape, radius, cell_size, max(lcds))
                               for radius in radii]))
        del distance
    return results


def _kept_minimum(distance, window, shape, radius, cell_size, largest):
    """``(kept window, m_A)`` of one radius: m_A on the window grown by the radius, NoData (+inf)
    where it exceeds LCD - 2R for every link of the core (those cells score < 0), cropped to the
    box of the rest."""
    pad = int(math.ceil(radius / cell_size)) + 1
    grown = window.expand(pad, shape)
    values = np.full(grown.shape, np.inf, dtype=np.float32)
    values[grown.inner(window)] = distance
    minimum = annulus_minimum(values, radius - 1.0, radius, cell_size)
    del values
    minimum[minimum > (largest - 2.0 * radius) * (1.0 + 1e-6)] = np.inf
    kept = reached_window(grown, minimum)
    return kept, np.ascontiguousarray(minimum[grown.inner(kept)])
