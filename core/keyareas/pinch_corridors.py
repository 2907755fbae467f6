"""Corridors of the active links for pinch points: one cost-distance search per core, reused by all
its links, and each link's corridor mask cropped to its bounding box.

Rules (Linkage Mapper ``s8_pinchpoints.py``; spec ``linkage_mapper.md`` §2.6 and §3.1 step 1):

* CWD_A: cost distance from core A (ESRI Cost Distance rule, :mod:`...corridors.costdist`), one
  search per core that has an active link, stored on disk (:class:`~...corridors.linkage.corridors.CwdStore`).
* LCD_AB = minimum of CWD_A over the cells of B, checked against the table's ``cw_dist``
  (:func:`.pinch_links.check_least_cost_distance`).
* NLCC_AB = CWD_A + CWD_B − LCD_AB; the corridor of the link is NLCC_AB <= cutoff (a rounding slack
  of :data:`ROUNDING` × (LCD + |cutoff|) keeps the least-cost path itself, where NLCC is 0 up to
  float rounding); it is returned cropped to its bounding box, so everything done per link
  scales with the corridor, not the grid.

Search limits (exact, as in :mod:`...corridors.linkage.pathways`): a cell can be in a corridor of A
only if CWD_A <= LCD + cutoff, so core A's search stops at max over its links of
(``cw_dist`` + the LCD tolerance + cutoff) and runs in A's box grown by the distance that cost can
travel at the least resistance (:func:`~...corridors.linkage.windows.cost_margin`); a window larger
than :data:`~.core_searches.WINDOW_FRACTION` of the grid is the whole grid, whose searches share one
graph per task (the limit still bounds the work of each search). The searches are tasks
(:mod:`.pinch_search_task`) run in this process, on worker processes or on a Dask cluster.
"""
from contextlib import closing

import numpy as np

from ..corridors.linkage.searches import CWD_BYTES_PER_CELL, cores_per_return, task_memory
from ..corridors.linkage.windows import Window
from ..runtime.parallel import fit_workers, map_tasks
from .core_searches import SearchJob, search_window, task_groups
from .pinch_links import LCD_TOLERANCE, check_least_cost_distance
from .pinch_search_task import search_task

#: Relative slack of the corridor test NLCC <= cutoff for float rounding of CWD_A + CWD_B − LCD.
ROUNDING = 1e-9


def search_limit(links, cutoff, floor):
    """Largest CWD any corridor of ``links`` (of one core) needs, with the LCD tolerance."""
    top = max(link.cw_dist + 2.0 * LCD_TOLERANCE * max(link.cw_dist, floor) for link in links)
    limit = top + max(cutoff, 0.0)
    return limit * (1.0 + 4.0 * ROUNDING) + floor * ROUNDING


def cost_searches(cores, resistance, valid, cell_size, links, cutoff, store, progress, names=("LINKS", "RESISTANCE"),
                  workers=1, scheduler=None, warnings=None):
    """Run one cost-distance search per core with active links and save its CWD to ``store``.

    ``links``: :class:`~.pinch_links.ActiveLink` list; ``cores``: the
    :class:`~...corridors.linkage.cores.Cores` of the grid; ``workers`` (1 = in this process) and
    ``scheduler`` (a Dask address): where the searches run (same CWDs; a note on the workers that
    fit is appended to ``warnings``). Returns {link row: LCD recomputed on this resistance}; raises
    :class:`InputError` when a table's ``cw_dist`` does not match.
    """
    label_of = {int(core_id): k + 1 for k, core_id in enumerate(cores.ids)}
    r_min = float(resistance[valid].min())
    floor = cell_size * r_min  # the cheapest step: the least non-zero LCD
    involved = sorted({label_of[c] for link in links for c in (link.core1, link.core2)})
    checked = {}  # label: the links whose LCD its search measures (the other end has a higher label)
    placed = []
    for label in involved:
        core_id = int(cores.ids[label - 1])
        mine = [link for link in links if core_id in (link.core1, link.core2)]
        ends = [(link, label_of[link.core2 if link.core1 == core_id else link.core1]) for link in mine]
        checked[label] = [(link, other) for link, other in ends if other > label]
        limit = search_limit(mine, cutoff, floor)
        job = SearchJob(label, limit, tuple((other, cores.boxes[other - 1]) for _, other in checked[label]))
        placed.append((search_window(cores.boxes[label - 1], limit, r_min, cell_size, valid.shape), job))
    groups = task_groups(placed, valid.shape, workers, cores_per_return(valid.size))
    if workers > 1 and not scheduler:  # a task as Linkage Pathways' batches: its CWDs held and pickled
        task_bytes = max(task_memory(window.size, batch=len(jobs)) for window, jobs in groups)
        workers, message = fit_workers(workers, task_bytes, "Pinch points (cost-distance searches)", here=True)
        if message and warnings is not None:
            warnings.append(message)
    tasks = ((resistance[window.slices], valid[window.slices], cores.labels[window.slices], window, cell_size, jobs)
             for window, jobs in groups)
    lcds = {}
    returned = max(CWD_BYTES_PER_CELL * window.size * len(jobs) for window, jobs in groups)  # CWDs per task
    with closing(map_tasks(search_task, tasks, len(groups), workers, scheduler, progress,
                           lambda k: "Cost distance from core(s) " + ", ".join(
                               str(int(cores.ids[job.label - 1])) for job in groups[k][1]),
                           result_bytes=returned)) as outcomes:
        for (_window, jobs), outcome in zip(groups, outcomes):  # drained, so the workers are shut down in order
            for job, (measured, kept, cwd) in zip(jobs, outcome):
                for (link, _other), lcd in zip(checked[job.label], measured):
                    check_least_cost_distance(link, lcd, floor, *names)
                    lcds[link.row] = lcd
                store.save(job.label, kept, cwd)
    return lcds


def corridor_mask(store, label_a, label_b, lcd, cutoff):
    """``(window, mask)``: the cells with NLCC_AB <= cutoff, cropped to their bounding box
    (``window`` on the grid, ``mask`` bool over it); ``(None, None)`` when no cell qualifies."""
    window_a, cwd_a = store.load(label_a)
    window_b, cwd_b = store.load(label_b)
    common = window_a.intersect(window_b)
    if common.size == 0:
        return None, None
    nlcc = np.asarray(cwd_a[window_a.inner(common)]) + np.asarray(cwd_b[window_b.inner(common)])
    nlcc -= lcd
    mask = nlcc <= cutoff + ROUNDING * (abs(lcd) + abs(cutoff))
    del nlcc
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None, None
    cols = np.flatnonzero(mask.any(axis=0))
    window = Window(common.r0 + int(rows[0]), common.r0 + int(rows[-1]) + 1,
                    common.c0 + int(cols[0]), common.c0 + int(cols[-1]) + 1)
    return window, mask[common.inner(window)].copy()


def bounding_window(mask):
    """The :class:`Window` of the True cells of a full-grid ``mask`` (None when there is none)."""
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(mask.any(axis=0))
    return Window(int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1)

