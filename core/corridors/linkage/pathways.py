"""Linkage Pathways (Linkage Mapper v3 ``lm_master.py`` steps 1-5) on arrays.

Pipeline (spec ``linkage_mapper.md`` §2): step 1 cost allocation from all cores and adjacency;
step 2 candidate links and Euclidean distances (Euclidean limits applied here, as Linkage Mapper
does, so no search is spent on them); step 3 one cost-distance search per core, least-cost
distance and path per link, intermediate-core and cost limits; step 4 nearest neighbours and
constellations; step 5 normalised corridors.

Search windows: each core's search runs on the whole grid unless a window gives the same result
(see :mod:`.windows`): when only corridors up to a width W are wanted (``full_mosaic=False``),
core A's search stops at max over its links of (an upper bound of LCD, from the step-1 zone
boundaries, or the maximum cost distance) + W + 0.5, and runs in the box that cost can reach;
a box larger than :data:`.searches.WINDOW_FRACTION` of the grid reuses the step-1 graph instead
(the search still stops at the limit). Optional Linkage Mapper bounding circles restrict the
searches further (an approximation Linkage Mapper makes; off by default).

Workers (``workers`` > 1 or a Dask ``scheduler``): the step-3 searches run in batches of cores on
other processes (:mod:`.searches`, :func:`...runtime.parallel.map_tasks`), each task on a graph of
its own; folded in core order, they give the serial run's tables, paths and corridors.

Memory (see :func:`estimate_pathways_memory`): the step-1 search over the whole grid dominates
(:data:`..costdist.BYTES_PER_CELL` per cell, 116 B when only sweeps fit; its graph is kept for
step 3 and a step-3 search adds at most the arrays of one run), plus about 50 B per cell of grids
kept for the run; with workers the step-1 graph is freed before step 3 and each worker needs
:func:`.searches.task_memory` (a batch's CWDs sent back are capped at
:data:`.searches.BATCH_RETURN_BYTES`). Per-core CWDs go to disk (float64, cropped to the cells
each search reached).
"""
from contextlib import closing
from dataclasses import dataclass, field

import numpy as np

from ...runtime.parallel import cluster_workers, map_tasks
from ...runtime.progress import ensure
from ..costdist import CostGraph, estimate_cost_distance_memory
from .adjacency import adjacent_pairs, boundary_path_costs, edge_distances, euclidean_allocation
from .cores import Cores
from .corridors import CwdStore, corridor_mosaic
from .links import LinkTable, drop_intermediate_core_links, drop_links_by_length, label_clusters, prune_network
from .searches import (CWD_BYTES_PER_CELL, CoreJob, SearchContext, batch_size, core_search_task, mosaic_cutoff,
                       plan_workers, run_core)

#: Adjacency methods, in the order of the ``ADJACENCY`` parameter (public contract).
ADJACENCY_METHODS = ("cost_weighted", "euclidean", "both", "all_pairs")
COST_WEIGHTED, EUCLIDEAN, BOTH, ALL_PAIRS = range(4)

#: Bytes per cell of the grids a run keeps besides the step-1 search (resistance, valid, labels,
#: step-1 CWD and allocation, Euclidean allocation indices, two mosaics).
KEPT_BYTES_PER_CELL = 8 + 1 + 4 + 8 + 8 + 8 + 8 + 8


def estimate_pathways_memory(rows, cols):
    """Bytes :func:`linkage_pathways` on a ``rows`` x ``cols`` grid needs at least: the grids it keeps
    and one search (:func:`..costdist.estimate_cost_distance_memory`; with the memory for it, the
    searches may use Dijkstra and :data:`..costdist.BYTES_PER_CELL`)."""
    return estimate_cost_distance_memory(rows, cols) + int(rows) * int(cols) * KEPT_BYTES_PER_CELL


@dataclass
class PathwayOptions:
    """Linkage Pathways settings (defaults: Linkage Mapper's demo, ``lm_demo.py``)."""
    adjacency: int = BOTH
    drop_through_cores: bool = True
    max_nearest: int = 4
    nearest_by_cost: bool = True
    connect_constellations: bool = True
    max_cost_distance: object = None
    max_euclidean_distance: object = None
    truncate_width: object = None
    full_mosaic: bool = True
    non_normalised: bool = False
    bounding_buffer: object = None


@dataclass
class PathwayResult:
    """Everything Linkage Pathways produces, on the resistance grid.

    ``cwd``: cost distance to the nearest core (inf = unreachable); ``allocation``: id of that core
    (0 = none); ``table``: the :class:`~.links.LinkTable`; ``paths``: {row of the table: (k, 2)
    cells from core1 to core2} for every link with a known least-cost distance; ``nlcc``: the
    corridor mosaic (float64, inf = no corridor); ``raw``: the non-normalised mosaic or ``None``;
    ``searched_cells``: cells reached by all step-3 searches (the work done); ``warnings``:
    messages for the user.
    """
    cwd: np.ndarray
    allocation: np.ndarray
    table: LinkTable
    paths: dict
    nlcc: np.ndarray
    raw: object = None
    searched_cells: int = 0
    warnings: list = field(default_factory=list)

    @property
    def corridor_count(self):
        return int(np.count_nonzero(self.table.active))

    @property
    def corridor_length(self):
        """Total least-cost path length of the active links (map units)."""
        return float(self.table.lcp_length[self.table.active].sum())

    @property
    def corridor_length_km(self):
        """Total least-cost path length of the active links in km (map units are metres)."""
        return self.corridor_length / 1000.0


def candidate_pairs(method, cost_pairs, euc_pairs, n_cores):
    """(P, 2) label pairs offered as links by the adjacency method."""
    if method == COST_WEIGHTED:
        return cost_pairs
    if method == EUCLIDEAN:
        return euc_pairs
    if method == BOTH:
        return np.unique(np.concatenate((cost_pairs, euc_pairs)), axis=0)
    a, b = np.triu_indices(n_cores, k=1)
    return np.column_stack((a + 1, b + 1)).astype(np.int64)


def _contains(pairs, query):
    """Bool per row of ``query``: is that pair in ``pairs``?"""
    if len(pairs) == 0 or len(query) == 0:
        return np.zeros(len(query), dtype=bool)
    big = int(max(pairs.max(), query.max())) + 1
    return np.isin(query[:, 0] * big + query[:, 1], pairs[:, 0] * big + pairs[:, 1])


def linkage_pathways(core_ids, resistance, valid, cell_size, options=None, progress=None, scratch=None,
                     workers=1, scheduler=None):
    """Run Linkage Pathways; returns a :class:`PathwayResult`.

    ``core_ids``: int grid (> 0 = core id); ``resistance``: float grid (> 0 on valid cells);
    ``valid``: bool grid (False = NoData barrier); ``cell_size``: map units; ``scratch``: folder
    for the per-core CWD files (system temp by default); ``workers`` (1 = in this process) and
    ``scheduler`` (a Dask address): where the step-3 searches run (:mod:`.searches`).
    """
    options = options or PathwayOptions()
    progress = ensure(progress)
    valid = np.asarray(valid, dtype=bool) & np.isfinite(resistance)
    cores = Cores(core_ids, valid)
    shape = valid.shape

    graph, cwd, zones = _step1(cores, resistance, valid, cell_size, progress.sub(0.0, 0.2))
    if options.bounding_buffer:
        graph = None  # every search will run on its own circles
    progress.update(0.2, "Step 1: adjacency / 第 1 步：邻接关系")
    cost_pairs = adjacent_pairs(zones)
    euc_pairs = adjacent_pairs(euclidean_allocation(cores.labels))
    upper = {} if options.bounding_buffer else boundary_path_costs(cwd, zones, resistance, cell_size)

    progress.update(0.25, "Step 2: link table / 第 2 步：连接表")
    pairs = candidate_pairs(options.adjacency, cost_pairs, euc_pairs, len(cores))
    table = LinkTable(cores.ids[pairs[:, 0] - 1], cores.ids[pairs[:, 1] - 1],
                      _contains(euc_pairs, pairs), _contains(cost_pairs, pairs))
    labels1 = np.searchsorted(cores.ids, table.core1) + 1
    labels2 = np.searchsorted(cores.ids, table.core2) + 1
    table.euc_dist = edge_distances(cores.labels, cores.boxes, np.column_stack((labels1, labels2)), cell_size,
                                    progress.sub(0.25, 0.3))
    drop_links_by_length(table, max_euc=options.max_euclidean_distance, check_unknown=False)

    paths, warnings = {}, []
    jobs = _core_jobs(cores, table, labels1, labels2, upper, float(np.median(resistance[valid])))
    with CwdStore(scratch) as store:
        if workers <= 1 and not scheduler:
            searched = _search_here(jobs, cores, resistance, valid, cell_size, options, graph, table, paths, store,
                                    progress.sub(0.3, 0.8))
        else:
            grid = None if graph is None else graph.sweeps
            graph = None  # the workers build their own: this one is freed before they start
            searched = _search_on_workers(jobs, cores, resistance, valid, cell_size, options, grid, table, paths,
                                          store, progress.sub(0.3, 0.8), workers, scheduler, warnings)
        del graph
        if options.drop_through_cores and len(cores) >= 3:
            crossing = np.array([bool(paths[i][1]) if i in paths else False for i in range(len(table))])
            drop_intermediate_core_links(table, crossing)
        drop_links_by_length(table, max_cost=options.max_cost_distance)
        prune_network(table, options.max_nearest, options.nearest_by_cost, options.connect_constellations)
        label_clusters(table)

        active = np.flatnonzero(table.active)
        cutoff = mosaic_cutoff(options)
        progress.update(0.8, "Step 5: normalised least-cost corridors / 第 5 步：归一化最小成本廊道")
        nlcc, raw = corridor_mosaic([(int(labels1[i]), int(labels2[i]), float(table.lc_dist[i])) for i in active],
                                    store, shape, options.non_normalised, cutoff, progress.sub(0.8, 1.0))
    if not active.size:
        warnings.append("No corridor: no pair of cores is linked. Check the adjacency method and the distance "
                        "limits. / 没有生成廊道：没有相连的核心区对，请检查邻接方式和距离限制。")
    finite = np.isfinite(nlcc)
    if finite.any() and nlcc[finite].min() < -10 * cell_size:
        warnings.append(
            f"The corridor mosaic has values down to {nlcc[finite].min():.6g}, below -10 x cell size: the bounding "
            "circles are too small for some links (enlarge the buffer). / 廊道镶嵌值出现较大负值，请增大外接圆缓冲距离。")
    progress.update(1.0, "Linkage Pathways done / Linkage Pathways 计算完成")
    allocation = np.concatenate(([0], cores.ids))[zones]
    return PathwayResult(cwd, allocation, table, {i: paths[i][0] for i in paths}, nlcc, raw, searched, warnings)


def _step1(cores, resistance, valid, cell_size, progress):
    """Cost allocation from all cores: (graph of the whole grid, CWD to the nearest core, zones =
    core label of the nearest core, 0 where unreachable)."""
    progress.update(0.0, "Step 1: cost allocation from all cores / 第 1 步：全部核心区的成本分配")
    graph = CostGraph(resistance, cell_size, valid, progress.sub(0.0, 0.4))
    progress.update(0.4, "Step 1: cost allocation from all cores (Dijkstra) / 第 1 步：全部核心区的成本分配（Dijkstra 算法）")
    surface = graph.run(cores.labels > 0, allocation=True)
    zones = np.zeros(valid.shape, dtype=np.int32)
    reached = surface.source >= 0
    zones[reached] = cores.labels.reshape(-1)[surface.source[reached]]
    progress.update(1.0)
    return graph, surface.distance, zones


def _search_here(jobs, cores, resistance, valid, cell_size, options, grid_graph, table, paths, store, progress):
    """Step 3 in this process, core by core (``grid_graph``: the step-1 graph, ``None`` with
    bounding circles). Returns the number of cells reached by all searches."""
    context = SearchContext(cores, resistance, valid, cell_size, options, grid_graph)
    reached = 0
    for n, job in enumerate(jobs):
        core = cores.ids[job.label - 1]
        progress.update(n / len(jobs), f"Step 3: cost distance from core {core} ({n + 1}/{len(jobs)}) "
                                       f"/ 第 3 步：核心区 {core} 的成本距离（{n + 1}/{len(jobs)}）")
        reached += _fold(table, paths, store, [run_core(context, job)])
    return reached


def _search_on_workers(jobs, cores, resistance, valid, cell_size, options, grid, table, paths, store, progress,
                       workers, scheduler, warnings):
    """Step 3 in batches of cores on ``workers`` processes or the Dask ``scheduler``. ``grid``: the
    state of the step-1 graph (``None`` with bounding circles, else whether it may still sweep).
    When memory leaves room for one local worker at most, the searches run in this process on a
    graph in that state (the serial run's)."""
    dijkstra = None
    if scheduler:
        workers = cluster_workers(scheduler)
    else:
        workers, dijkstra, message = plan_workers(workers, valid.size, len(jobs))
        if message:
            warnings.append(message)
        if workers <= 1:
            graph = None if grid is None else CostGraph(resistance, cell_size, valid, sweeps=grid)
            return _search_here(jobs, cores, resistance, valid, cell_size, options, graph, table, paths, store,
                                progress)
    batches = _batches(jobs, workers, valid.size)
    tasks = ((resistance, valid, cores, cell_size, options, grid is not None, grid is not False, dijkstra, batch)
             for batch in batches)
    reached = 0
    with closing(map_tasks(core_search_task, tasks, len(batches), workers, scheduler, progress,
                           lambda k: "Cost distance from core(s) " + ", ".join(
                               str(int(cores.ids[job.label - 1])) for job in batches[k]),
                           shared=(0, 1, 2),
                           result_bytes=CWD_BYTES_PER_CELL * valid.size * max(map(len, batches)))) as results:
        for outcomes in results:  # in batch order: the serial run's order
            reached += _fold(table, paths, store, outcomes)
    return reached


def _core_jobs(cores, table, labels1, labels2, upper, guess):
    """A :class:`CoreJob` per core with active links, in label order; a link's LCD is guessed from
    step 1's zone boundaries (``upper``) or as Euclidean gap x ``guess`` (the median resistance)."""
    active = np.flatnonzero(table.active)
    jobs = []
    for label in np.union1d(labels1[active], labels2[active]):
        mine = active[(labels1[active] == label) | (labels2[active] == label)]
        partners = np.where(labels1[mine] == label, labels2[mine], labels1[mine])
        guesses = [upper.get((int(min(label, p)), int(max(label, p))), guess * table.euc_dist[i])
                   for p, i in zip(partners, mine)]
        targets = tuple((int(i), int(labels2[i])) for i in mine[labels1[mine] == label])
        jobs.append(CoreJob(int(label), tuple(int(p) for p in partners), tuple(float(g) for g in guesses), targets))
    return jobs


def _batches(jobs, workers, cells):
    """Consecutive batches of ``jobs`` (:func:`.searches.batch_size`)."""
    size = batch_size(len(jobs), workers, cells)
    return [jobs[k:k + size] for k in range(0, len(jobs), size)]


def _fold(table, paths, store, outcomes):
    """Store each :class:`CoreOutcome` in the link table, ``paths`` and ``store``; returns the cells
    they reached."""
    reached = 0
    for outcome in outcomes:
        for row, found in outcome.links:
            table.lc_dist[row] = found.lc_dist
            table.lcp_length[row] = found.length
            if found.lc_dist >= 0:
                paths[row] = (found.cells, found.crossed)
        store.save(outcome.label, outcome.kept, outcome.distance)
        reached += outcome.reached
    return reached
