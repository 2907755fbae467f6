"""The per-core searches of pinch points (:mod:`.pinch_corridors`) as independent tasks for
:func:`...runtime.parallel.map_tasks`.

A task searches the cost distance CWD_A of each of its cores in one window of the grid (ESRI Cost
Distance rule, stopped at the core's cost limit; the cores whose window is the whole grid share the
grid's graph), measures the least-cost distance to each linked core of a higher label (the other end
measures none: a link's LCD is the one from its lower label) and returns CWD_A on the box of the
reached cells. The serial run is the same tasks in this process, so its outputs are the parallel
run's; on a surface where a sweep gives up for Dijkstra (uncorrelated noise) the cores of one graph
then all use Dijkstra, and values of cores on other graphs agree to about 2e-13 relative
(:mod:`...corridors.costdist`).

Shipped to a worker, once per task: the window's resistance (float64), valid cells (bool) and core
labels (int32), :data:`...corridors.linkage.searches.SHIPPED_BYTES_PER_CELL`. Back, per core: its least-cost distances and its CWD
on the reached box (float64); a task returns at most
:data:`...corridors.linkage.searches.BATCH_RETURN_BYTES` of CWDs, or one core's
(:func:`...corridors.linkage.searches.cores_per_return`). Its memory is that of Linkage Pathways'
search tasks (:func:`...corridors.linkage.searches.task_memory`).
"""
from ..corridors.costdist import CostGraph
from ..corridors.linkage.windows import full_window, reached_window
from .core_searches import search_job, shifted


def search_task(resistance, valid, labels, window, cell_size, jobs):
    """``[(lcds, kept, cwd) for each job]``: the least-cost distances to the job's ``others`` (inf =
    not reached), the grid :class:`Window` of the reached cells and the CWD on it.

    ``resistance``, ``valid``, ``labels``: the grid's values on ``window``.
    """
    graph = CostGraph(resistance, cell_size, valid)
    results = []
    for job in jobs:
        search, lcds = search_job(graph, resistance, valid, labels, window, cell_size, job)
        kept = reached_window(full_window(window.shape), search.distance)
        results.append((lcds, shifted(kept, window, back=True), search.distance[kept.slices].copy()))
        del search
    return results
