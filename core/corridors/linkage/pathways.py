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
a box larger than :data:`WINDOW_FRACTION` of the grid reuses the step-1 graph instead (the
search still stops at the limit). Optional Linkage Mapper bounding circles restrict the searches
further (an approximation Linkage Mapper makes; off by default).

Memory (see :func:`estimate_pathways_memory`): the step-1 search over the whole grid dominates
(:data:`..costdist.BYTES_PER_CELL` per cell; its graph is kept for step 3 and a step-3 search adds
at most the Dijkstra arrays of one run), plus about 50 B per cell of grids kept for the run.
Per-core CWDs go to disk (float64, cropped to the cells each search reached).
"""
import math
from dataclasses import dataclass, field

import numpy as np

from ...runtime.progress import ensure
from ..costdist import BYTES_PER_CELL, CostGraph
from .adjacency import adjacent_pairs, boundary_path_costs, edge_distances, euclidean_allocation
from .cores import Cores
from .corridors import CwdStore, corridor_mosaic
from .links import LinkTable, drop_intermediate_core_links, drop_links_by_length, label_clusters, prune_network
from .paths import link_path, nearest_cell, search_core
from .windows import bounding_circle, cost_margin, full_window, reached_window

#: Adjacency methods, in the order of the ``ADJACENCY`` parameter (public contract).
ADJACENCY_METHODS = ("cost_weighted", "euclidean", "both", "all_pairs")
COST_WEIGHTED, EUCLIDEAN, BOTH, ALL_PAIRS = range(4)

#: A search window larger than this fraction of the grid reuses the step-1 graph of the whole grid.
WINDOW_FRACTION = 0.25

#: Bytes per cell of the grids a run keeps besides the step-1 search (resistance, valid, labels,
#: step-1 CWD and allocation, Euclidean allocation indices, two mosaics).
KEPT_BYTES_PER_CELL = 8 + 1 + 4 + 8 + 8 + 8 + 8 + 8


def estimate_pathways_memory(rows, cols):
    """Peak bytes of :func:`linkage_pathways` on a ``rows`` x ``cols`` grid."""
    return int(rows) * int(cols) * (BYTES_PER_CELL + KEPT_BYTES_PER_CELL)


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


def mosaic_cutoff(options):
    """Largest NLCC the corridors need, or ``None`` (all): with only the truncated corridors
    wanted, Int(NLCC + 0.5) <= W needs NLCC < floor(W) + 0.5 <= W + 0.5."""
    if options.full_mosaic or options.truncate_width is None:
        return None
    return float(options.truncate_width) + 0.5


def linkage_pathways(core_ids, resistance, valid, cell_size, options=None, progress=None, scratch=None):
    """Run Linkage Pathways; returns a :class:`PathwayResult`.

    ``core_ids``: int grid (> 0 = core id); ``resistance``: float grid (> 0 on valid cells);
    ``valid``: bool grid (False = NoData barrier); ``cell_size``: map units; ``scratch``: folder
    for the per-core CWD files (system temp by default).
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

    paths = {}
    with CwdStore(scratch) as store:
        searched = _step3(cores, resistance, valid, cell_size, options, table, labels1, labels2, upper, graph,
                          store, paths, progress.sub(0.3, 0.8))
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
    warnings = []
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


def _step3(cores, resistance, valid, cell_size, options, table, labels1, labels2, upper, grid_graph, store, paths,
           progress):
    """One search per core with active links: least-cost distances, paths, CWDs to ``store``.
    Returns the number of cells reached by all searches."""
    active = np.flatnonzero(table.active)
    involved = np.union1d(labels1[active], labels2[active])
    context = _SearchContext(cores, resistance, valid, cell_size, options, grid_graph)
    reached = 0
    for n, label in enumerate(involved):
        progress.update(n / len(involved), f"Step 3: cost distance from core {cores.ids[label - 1]} "
                                           f"({n + 1}/{len(involved)}) / 第 3 步：核心区 "
                                           f"{cores.ids[label - 1]} 的成本距离（{n + 1}/{len(involved)}）")
        mine = active[(labels1[active] == label) | (labels2[active] == label)]
        partners = np.where(labels1[mine] == label, labels2[mine], labels1[mine])
        guesses = [upper.get((int(min(label, p)), int(max(label, p))), context.guess * table.euc_dist[i])
                   for p, i in zip(partners, mine)]
        as_first = mine[labels1[mine] == label]
        search = context.search(int(label), partners, guesses, predecessors=as_first.size > 0)
        for i in as_first:
            found = link_path(search, cores.labels, int(labels2[i]), cores.boxes[labels2[i] - 1], cell_size)
            table.lc_dist[i] = found.lc_dist
            table.lcp_length[i] = found.length
            if found.lc_dist >= 0:
                paths[int(i)] = (found.cells, found.crossed)
        kept = reached_window(search.window, search.distance)
        store.save(int(label), kept, search.distance[search.window.inner(kept)])
        reached += int(np.count_nonzero(np.isfinite(search.distance)))
        del search
    return reached


class _SearchContext:
    """Step-3 searches: the window and the cost limit of each core's search.

    Without a corridor cut-off every search covers everything reachable (or the bounding circles).
    With one (only truncated corridors wanted), core A's search must reach every partner B and
    cover CWD_A <= LCD_AB + cut-off; the LCDs are not known beforehand, so the search starts at
    the guesses (upper bounds from step 1, or Euclidean gap x median resistance) + cut-off and is
    repeated with a larger limit while a partner is unreached or the limit is short of the
    largest LCD + cut-off (capped at the maximum cost distance + cut-off; stopped when the search
    exhausted every reachable cell). Exact: Dijkstra values are exact up to its limit.
    """

    def __init__(self, cores, resistance, valid, cell_size, options, grid_graph):
        self.cores, self.resistance, self.valid = cores, resistance, valid
        self.cell_size, self.options, self.grid_graph = cell_size, options, grid_graph
        values = resistance[valid]
        self.r_min = float(values.min())
        self.max_step = math.sqrt(2.0) * cell_size * float(values.max())
        self.guess = float(np.median(values))
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
            window = full_window(shape)  # cheaper to reuse the step-1 graph (the limit still applies)
        return search_core(self.resistance, self.valid, self.cell_size, self.cores.labels, label, window, circles,
                           limit, predecessors=predecessors, grid_graph=self.grid_graph)
