"""Step 3 of Linkage Pathways, one core at a time (:mod:`.pathways`): the core's cost-distance
search, its links' least-cost distances and paths, and its CWD cropped to the reached cells.

:func:`run_core` is the one body of the serial loop and of :func:`core_search_task`, the task a
worker process or a Dask worker runs for a batch of cores (:func:`...runtime.parallel.map_tasks`).
A task builds its own graph of the whole grid, in the state the step-1 graph left (sweeps allowed
or Dijkstra only), so every search runs the engine the serial run gives it and the outputs are the
serial run's, bit for bit, unless a step-3 search leaves the sweeps for Dijkstra after a step 1
that swept (a sweep giving up on uncorrelated noise, a maze-like mask around one core): the serial
run then uses Dijkstra for all later cores, a task only for its own later cores, and the values
of the others agree to about 2e-13 relative (:mod:`..costdist`).

Shipped to a worker, once per task: the resistance (float64), the valid cells (bool) and the core
labels (int32) of the whole grid, :data:`SHIPPED_BYTES_PER_CELL`, and the jobs. Back, per core:
each link's least-cost distance, path cells and crossed cores, and the CWD on the box of the
reached cells (float64, 8 bytes per cell).
"""
import math
from dataclasses import dataclass

import numpy as np

from ...runtime.parallel import fit_workers, workers_that_fit
from ..costdist import BYTES_PER_CELL, SWEEP_BYTES_PER_CELL, SWEEP_MIN_CELLS, CostGraph
from .paths import link_path, nearest_cell, search_core
from .windows import bounding_circle, cost_margin, full_window, reached_window

#: A search window larger than this fraction of the grid reuses the graph of the whole grid.
WINDOW_FRACTION = 0.25
#: Bytes per grid cell shipped to a worker: resistance (float64), valid (bool), labels (int32).
SHIPPED_BYTES_PER_CELL = 8 + 1 + 4
#: Bytes per reached cell of a core's CWD sent back (float64).
CWD_BYTES_PER_CELL = 8
#: Tasks per worker (:func:`batch_size`).
BATCHES_PER_WORKER = 4
#: Largest total of CWDs a task sends back (10^8 cells: one core per task; 2000 x 2000: 8).
BATCH_RETURN_BYTES = 256 * 2 ** 20


def mosaic_cutoff(options):
    """Largest NLCC the corridors need, or ``None`` (all): with only the truncated corridors
    wanted, Int(NLCC + 0.5) <= W needs NLCC < floor(W) + 0.5 <= W + 0.5."""
    if options.full_mosaic or options.truncate_width is None:
        return None
    return float(options.truncate_width) + 0.5


@dataclass(frozen=True)
class CoreJob:
    """One core's search: its ``label``, the labels of its linked cores (``partners``), upper bounds
    of those links' least-cost distances (``guesses``) and ``targets``: (row of the link table,
    label of core B) of the links it starts (core1), whose paths it traces."""
    label: int
    partners: tuple
    guesses: tuple
    targets: tuple


@dataclass
class CoreOutcome:
    """What one core's search gives the run: ``links`` [(row, :class:`~.paths.LinkPath`)], the
    window of the reached cells ``kept`` and the CWD on it, and the number of reached cells."""
    label: int
    links: list
    kept: object
    distance: np.ndarray
    reached: int


def batch_size(jobs, workers, cells):
    """Cores per task: :data:`BATCHES_PER_WORKER` tasks per worker (a batch shares its graph; several
    per worker let progress move and balance the load), fewer cores when their CWDs would exceed
    :data:`BATCH_RETURN_BYTES` (at least one)."""
    return max(min(math.ceil(jobs / (BATCHES_PER_WORKER * max(workers, 1))), cores_per_return(cells)), 1)


def cores_per_return(cells):
    """Most cores whose CWDs (up to ``cells`` cells each) one task sends back: their total within
    :data:`BATCH_RETURN_BYTES` (at least one)."""
    return max(1, BATCH_RETURN_BYTES // (CWD_BYTES_PER_CELL * max(cells, 1)))


def task_memory(cells, dijkstra=True, batch=1):
    """Peak bytes of a task of ``batch`` cores on a grid of ``cells`` cells: the shipped grids, one
    search (graph and CWD; with ``dijkstra`` False, sweeps only) and the batch's CWDs, held and
    pickled to be sent back (at most the whole grid each)."""
    search = BYTES_PER_CELL if dijkstra else SWEEP_BYTES_PER_CELL
    return int(cells * (SHIPPED_BYTES_PER_CELL + search + 2 * CWD_BYTES_PER_CELL * batch))


def plan_workers(workers, cells, jobs):
    """``(workers, dijkstra, message)`` for ``jobs`` core searches on a grid of ``cells`` cells: as
    many local workers as fit with Dijkstra allowed (``dijkstra`` None: each graph decides), or more
    of them when the tasks forbid it (False: sweeps only, at most
    :data:`..costdist.SWEEP_BYTES_PER_CELL` per cell). Planned with the largest batch any number of
    workers would get (one worker's). One worker when no more than one task fits: the caller then
    searches in its own process, which the run's estimate covers."""
    what = "Linkage Pathways (one search per worker)"
    batch = batch_size(jobs, 1, cells)
    full = workers_that_fit(task_memory(cells, batch=batch))
    if full >= workers:
        return workers, None, None
    swept = workers_that_fit(task_memory(cells, False, batch)) if cells >= SWEEP_MIN_CELLS else 0
    dijkstra = None if full >= swept else False
    workers, message = fit_workers(workers, task_memory(cells, dijkstra is None, batch), what, here=True)
    return workers, (dijkstra if workers > 1 else None), message


def run_core(context, job):
    """The :class:`CoreOutcome` of ``job`` searched in ``context`` (a :class:`SearchContext`)."""
    search = context.search(job.label, np.asarray(job.partners, dtype=np.int64), list(job.guesses),
                            predecessors=bool(job.targets))
    labels, boxes = context.cores.labels, context.cores.boxes
    links = [(row, link_path(search, labels, other, boxes[other - 1], context.cell_size))
             for row, other in job.targets]
    kept = reached_window(search.window, search.distance)
    return CoreOutcome(job.label, links, kept, search.distance[search.window.inner(kept)],
                       int(np.count_nonzero(np.isfinite(search.distance))))


def core_search_task(resistance, valid, cores, cell_size, options, grid_graph, sweeps, dijkstra, jobs):
    """``[CoreOutcome]`` of ``jobs`` in order. ``grid_graph``: whether the serial run reuses a graph
    of the whole grid (no bounding circles); ``sweeps``: whether that graph may still sweep;
    ``dijkstra``: see :class:`..costdist.CostGraph` (False when the workers' plan leaves no room)."""
    graph = CostGraph(resistance, cell_size, valid, sweeps=sweeps, dijkstra=dijkstra) if grid_graph else None
    context = SearchContext(cores, resistance, valid, cell_size, options, graph, dijkstra)
    return [run_core(context, job) for job in jobs]


class SearchContext:
    """Step-3 searches: the window and the cost limit of each core's search.

    Without a corridor cut-off every search covers everything reachable (or the bounding circles).
    With one (only truncated corridors wanted), core A's search must reach every partner B and
    cover CWD_A <= LCD_AB + cut-off; the LCDs are not known beforehand, so the search starts at
    the guesses (upper bounds from step 1, or Euclidean gap x median resistance) + cut-off and is
    repeated with a larger limit while a partner is unreached or the limit is short of the
    largest LCD + cut-off (capped at the maximum cost distance + cut-off; stopped when the search
    exhausted every reachable cell). Exact: Dijkstra values are exact up to its limit.
    ``dijkstra``: for the graphs of the windows (:class:`..costdist.CostGraph`).
    """

    def __init__(self, cores, resistance, valid, cell_size, options, grid_graph, dijkstra=None):
        self.cores, self.resistance, self.valid = cores, resistance, valid
        self.cell_size, self.options, self.grid_graph = cell_size, options, grid_graph
        self.dijkstra = dijkstra
        values = resistance[valid]
        self.r_min = float(values.min())
        self.max_step = math.sqrt(2.0) * cell_size * float(values.max())
        self.cutoff = mosaic_cutoff(options)
        self.cap = None if options.max_cost_distance is None else float(options.max_cost_distance)
        self.buffer = None if not options.bounding_buffer else float(options.bounding_buffer) / cell_size

    def search(self, label, partners, guesses, predecessors):
        if self.cutoff is None:
            return self._run(label, partners, None, predecessors)
        cap = math.inf if self.cap is None else self.cap
        limit = min(max(guesses), cap) + self.cutoff
        while True:
            search = self._run(label, partners, limit, predecessors)
            lcds = [nearest_cell(search, self.cores.labels, int(p), self.cores.boxes[p - 1])[0] for p in partners]
            needed = max(min(lcd, cap) for lcd in lcds) + self.cutoff
            finite = search.distance[np.isfinite(search.distance)]
            # every reachable cell was reached when no step from a reached cell can exceed the limit
            exhausted = finite.size == 0 or finite.max() + self.max_step <= limit
            if needed <= limit or exhausted:
                return search
            unreached = not all(math.isfinite(lcd) for lcd in lcds)
            limit = min(2.0 * limit, cap + self.cutoff) if unreached else needed

    def _run(self, label, partners, limit, predecessors):
        shape = self.valid.shape
        box = self.cores.boxes[label - 1]
        if limit is None or not math.isfinite(limit):
            limit, window = None, full_window(shape)
        else:
            window = box.expand(cost_margin(limit, self.r_min, self.cell_size), shape)
        circles = None
        if self.buffer is not None:
            circles = [bounding_circle(box, self.cores.boxes[p - 1], self.buffer) for p in partners]
            extent = box
            for circle in circles:
                extent = extent.union(circle.window(shape))
            window = window.intersect(extent)
        elif window.size > WINDOW_FRACTION * self.valid.size:
            window = full_window(shape)  # cheaper to reuse the graph of the whole grid (the limit still applies)
        return search_core(self.resistance, self.valid, self.cell_size, self.cores.labels, label, window, circles,
                           limit, predecessors=predecessors, grid_graph=self.grid_graph, dijkstra=self.dijkstra)
