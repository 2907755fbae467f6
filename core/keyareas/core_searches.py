"""One cost-distance search per core, shared by the pinch points and the barriers.

Each core with an active link gets one search (ESRI Cost Distance rule,
:func:`~...corridors.linkage.paths.search_core`) that stops at a cost limit and runs in the core's
box grown by the distance that cost can travel at the least resistance
(:func:`~...corridors.linkage.windows.cost_margin`); a window larger than :data:`WINDOW_FRACTION`
of the grid is the whole grid, whose searches share one graph per task (:func:`task_groups`; the
limit still bounds the work of each search).
"""
import math
from dataclasses import dataclass

import numpy as np

from ..corridors.linkage.paths import nearest_cell, search_core
from ..corridors.linkage.windows import Window, cost_margin, full_window
from ..runtime.errors import InputError

_BI = " / "
#: A search window larger than this fraction of the grid uses the graph of the whole grid.
WINDOW_FRACTION = 0.25


def check_resistance(resistance, valid, name, need):
    """The least valid resistance; :class:`InputError` when no cell is valid or one is <= 0.

    ``need``: why resistances must be > 0, as an (English, Chinese) pair for the message.
    """
    if not np.any(valid):
        raise InputError(f"The resistance '{name}' has no valid cell (all NoData).{_BI}阻力栅格“{name}”全为无数据。")
    low = float(np.min(resistance[valid]))
    if not low > 0:
        raise InputError(
            f"The resistance '{name}' has values <= 0 (minimum {low:g}); {need[0]} Reclassify it, or set impassable "
            f"cells to NoData.{_BI}阻力栅格“{name}”含小于或等于 0 的值（最小 {low:g}），{need[1]}请重新分级，"
            "或把不可通行的像元设为无数据。")
    return low


def search_window(box, limit, r_min, cell_size, shape):
    """The window of a search from a core's ``box`` stopped at cost ``limit`` (``r_min``: the least
    resistance): the box grown by :func:`cost_margin`, or the whole grid when that is larger than
    :data:`WINDOW_FRACTION` of it."""
    window = box.expand(cost_margin(limit, r_min, cell_size), shape)
    return full_window(shape) if window.size > WINDOW_FRACTION * shape[0] * shape[1] else window


def task_groups(placed, shape, parts, most=None):
    """``[(window, [job])]`` in job label order from ``placed`` = ``[(window, job)]``: one task per job
    whose window is part of the grid; the jobs whose window is the whole grid split into ``parts``
    tasks (each builds the grid's graph once; with a Dask scheduler too) of at most ``most`` jobs."""
    windowed, whole = [], []
    for window, job in placed:
        if window.size == shape[0] * shape[1]:
            whole.append(job)
        else:
            windowed.append((window, [job]))
    size = math.ceil(len(whole) / max(parts, 1))
    if most is not None:
        size = max(min(size, most), 1)
    chunks = [(full_window(shape), whole[k:k + size]) for k in range(0, len(whole), size)]
    return sorted(windowed + chunks, key=lambda group: group[1][0].label)


@dataclass(frozen=True)
class SearchJob:
    """One core of a search task: its label, the cost at which its search stops and the linked
    cores whose least-cost distance it measures, ``others`` ((label, box) with the box in grid
    coordinates)."""
    label: int
    limit: float
    others: tuple


def search_job(graph, resistance, valid, labels, window, cell_size, job):
    """``(search, lcds)``: the cost-distance search of ``job`` (a :class:`SearchJob`: its ``label``, stopped at its
    ``limit``) on the grids of ``window`` and ``graph``, their :class:`~...corridors.costdist.CostGraph`
    (one per task), and the least-cost distances to the job's ``others`` ((label, box in grid
    coordinates); inf = not reached)."""
    search = search_core(resistance, valid, cell_size, labels, job.label, full_window(window.shape), limit=job.limit,
                         predecessors=False, grid_graph=graph)
    return search, [nearest_cell(search, labels, other, shifted(box, window))[0] for other, box in job.others]


def shifted(box, window, back=False):
    """``box`` (grid coordinates) relative to ``window``'s origin (``back``: from there to the grid)."""
    sign = 1 if back else -1
    return Window(box.r0 + sign * window.r0, box.r1 + sign * window.r0, box.c0 + sign * window.c0,
                  box.c1 + sign * window.c0)
