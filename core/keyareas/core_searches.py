"""One cost-distance search per core, shared by the pinch points and the barriers.

Each core with an active link gets one search (ESRI Cost Distance rule,
:func:`~...corridors.linkage.paths.search_core`) that stops at a cost limit and runs in the core's
box grown by the distance that cost can travel at the least resistance
(:func:`~...corridors.linkage.windows.cost_margin`); a window larger than :data:`WINDOW_FRACTION`
of the grid reuses one graph of the whole grid (the limit still bounds the work of each search).
"""
import numpy as np

from ..corridors.costdist import CostGraph
from ..corridors.linkage.paths import search_core
from ..corridors.linkage.windows import cost_margin, full_window
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


def core_searches(cores, resistance, valid, cell_size, labels, limit_of, progress):
    """Yield ``(label, window, search)`` for each core label of ``labels`` in turn.

    ``limit_of(label)``: the cost at which that core's search stops, asked just before it runs
    (so it may use what the earlier searches measured).
    """
    r_min = float(resistance[valid].min())
    grid_graph = None
    for n, label in enumerate(labels):
        core_id = int(cores.ids[label - 1])
        progress.update(n / len(labels), f"Cost distance from core {core_id} ({n + 1}/{len(labels)}) "
                                         f"/ 核心区 {core_id} 的成本距离（{n + 1}/{len(labels)}）")
        limit = limit_of(label)
        window = search_window(cores.boxes[label - 1], limit, r_min, cell_size, valid.shape)
        if window.size == valid.size:
            if grid_graph is None:
                grid_graph = CostGraph(resistance, cell_size, valid)
        yield label, window, search_core(resistance, valid, cell_size, cores.labels, label, window, limit=limit,
                                         predecessors=False, grid_graph=grid_graph)
    progress.update(1.0)
