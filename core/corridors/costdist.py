"""Cost-weighted distance on a resistance grid (the ESRI Spatial Analyst *Cost Distance* rule).

Rule (ESRI ArcGIS "How Cost Distance works"; Linkage Mapper ``s3_calcCwds.py``, spec
``linkage_mapper.md`` §2.1): cells are nodes of the 8-neighbour grid graph; a move between two
4-adjacent cells costs ``cell_size * (r1 + r2) / 2``, a diagonal move ``sqrt(2) * cell_size *
(r1 + r2) / 2``. The cost distance of a cell is the least accumulated cost from any source cell;
it is 0 on source cells. Invalid (NoData) cells are barriers: they get no edge. Dijkstra
reproduces it exactly (each path's cost summed edge by edge); the sweeps agree with it to about
2e-13 relative (sums formed in another order). When several paths tie, the predecessor chosen
(hence the least-cost path traced back) may differ from ArcGIS's.

API
---
``cost_distance(resistance, sources, cell_size, valid=None, max_cost=None, progress=None)``
    float64 array, ``inf`` where unreachable (barrier, disconnected, or beyond ``max_cost``).
``cost_allocation(resistance, labels, cell_size, valid=None, max_cost=None, progress=None)``
    ``(distance, allocation)``: allocation holds the label (``labels`` > 0 are sources) of the
    source with the least cost, 0 where unreachable.
``CostGraph(resistance, cell_size, valid=None, progress=None)``
    the grid prepared once (per window) for many runs: ``graph.run(sources, max_cost=None,
    predecessors=False, allocation=False, progress=None)`` returns a :class:`CostSurface`.
``least_cost_path(predecessor, row, col)``
    (k, 2) int array of the cells from (row, col) back to its source (ArcGIS Cost Path,
    ``BEST_SINGLE``), from a :class:`CostSurface` made with ``predecessors=True``.
``estimate_cost_distance_memory(rows, cols)``, ``least_bytes_per_cell(cells)``
    bytes a run on a rows x cols grid needs at least (its peak when Dijkstra does not fit).

Implementation: fast sweeping (:mod:`.sweep`: row passes with min-plus prefix scans, stopped
when no value improves by more than a relative 1e-12) is tried first, unless a probe on the
valid mask (:mod:`.sweep_probe`, 5-16 % of a Dijkstra run on mazes) finds that its first phase
would leave a maze's worth of connected cells unreached (mazes, spirals). When the sweep needs
more work than :data:`SWEEP_BUDGET` full phases (uncorrelated noise: paths that turn up and
down at every cell), it gives up and ``scipy.sparse.csgraph.dijkstra`` runs instead (multi-source, ``min_only=True``, over
a CSR graph with 8 slots per valid cell). Dijkstra also runs on grids under
:data:`SWEEP_MIN_CELLS` cells (as fast or faster there) and whenever ``max_cost`` is given (it
stops at the limit, a sweep covers everything reachable: on Linkage Pathways' cost-limited
windows sweeps measured 8 % slower overall); a graph that has run Dijkstra keeps it.
Predecessors (``predecessors=True``) and source cells (``allocation=True``) of a swept surface
are derived afterwards (:mod:`.sweep_tree`: the neighbour minimising ``d + w``, then pointer
jumping), +15-20 % on the sweep; with Dijkstra they come from scipy. Sweep values depend on the
grid's extent at the level of rounding (prefix sums start at the window edge), so a window and
the whole grid agree to about 2e-13 relative rather than bit for bit as two Dijkstra runs do.
Memory per cell: sweep 44 B (:data:`.sweep.BYTES_PER_CELL`) + 8 B distance, + 40 B while
predecessors are derived, + 24 B for the source cells; Dijkstra 8 int32 indices + 8 float64
weights (96 B), about 90 B inside scipy's Dijkstra, 12 B of node/cell indices and up to 24 B of
results. The sweep grids are released for good before Dijkstra's graph is built (a fallback,
or a run with ``max_cost``), so the peak is the larger of the two (Dijkstra's). When Dijkstra's
would not fit in the usable memory (10^8 cells: 22 GB), the sweep instead runs to convergence
however many phases it takes (mazes: many), and a ``max_cost`` run sweeps everything and cuts at
the limit: the least a run needs is the sweep's :data:`SWEEP_BYTES_PER_CELL`.
A sweep checks for cancel after every pass (about a second on 10^7 cells); a Dijkstra call
cannot be interrupted and cancel takes effect after it.
"""
import math

import numpy as np

from ..runtime.errors import InputError
from ..runtime.memory import USABLE_FRACTION, available_memory
from ..runtime.progress import ensure
from .sweep import BYTES_PER_CELL as SWEEP_GRID_BYTES
from .sweep import SweepGrid, phase_work, sweep
from .sweep_probe import defeats_sweeps
from .sweep_tree import predecessors as sweep_predecessors
from .sweep_tree import sources_of

SQRT2 = math.sqrt(2.0)

#: (d_row, d_col) of the 8 neighbours, in increasing flat-index order (sorted CSR rows).
NEIGHBOURS = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1))

#: Peak bytes per cell of a swept run: sweep grids, distance, then predecessor derivation (five
#: 8-byte grids) and the source cells (three int64 arrays at most).
SWEEP_BYTES_PER_CELL = SWEEP_GRID_BYTES + 8 + 40 + 24
#: Peak bytes per cell of a Dijkstra run (graph, scipy's Dijkstra, node/cell indices, results).
DIJKSTRA_BYTES_PER_CELL = 96 + 90 + 12 + 24
#: Peak bytes per grid cell of one run when Dijkstra fits: a sweep may fall back to it.
BYTES_PER_CELL = max(SWEEP_BYTES_PER_CELL, DIJKSTRA_BYTES_PER_CELL)
#: Work, in phases that change every row, a sweep may spend before Dijkstra takes over (smooth
#: surfaces of 10^6-10^7 cells need 4-6; mazes and uncorrelated noise 30 and more).
SWEEP_BUDGET = 8
#: Grids smaller than this run Dijkstra: a sweep pays numpy call overheads per row, Dijkstra is
#: faster below about 350 x 350 and little slower up to 1000 x 1000, where a maze's wasted sweep
#: would cost more than Dijkstra itself.
SWEEP_MIN_CELLS = 2 ** 20


def least_bytes_per_cell(cells):
    """Bytes per cell a :class:`CostGraph` plus one run on ``cells`` cells needs at least: the sweep's
    peak (Dijkstra, :data:`BYTES_PER_CELL`, runs only when it fits in the memory then available;
    grids under :data:`SWEEP_MIN_CELLS` always run it)."""
    return DIJKSTRA_BYTES_PER_CELL if cells < SWEEP_MIN_CELLS else SWEEP_BYTES_PER_CELL


def estimate_cost_distance_memory(rows, cols):
    """Bytes a :class:`CostGraph` plus one run on a ``rows`` x ``cols`` grid needs at least
    (:func:`least_bytes_per_cell`)."""
    cells = int(rows) * int(cols)
    return cells * least_bytes_per_cell(cells)


def _check_cell_size(cell_size):
    if not (cell_size > 0 and math.isfinite(cell_size)):
        raise InputError(f"The cell size must be a positive number, got {cell_size}. / 像元大小必须为正数。")
    return float(cell_size)


def _valid_resistance(resistance, valid):
    """``valid`` combined with finiteness; raises :class:`InputError` on values <= 0."""
    resistance = np.asarray(resistance)
    if resistance.ndim != 2:
        raise InputError(f"The resistance must be a 2-D grid, got shape {resistance.shape}.")
    finite = np.isfinite(resistance)
    valid = finite if valid is None else (np.asarray(valid, dtype=bool) & finite)
    if valid.shape != resistance.shape:
        raise InputError(f"The valid mask {valid.shape} does not match the resistance grid {resistance.shape}.")
    if not valid.any():
        raise InputError("The resistance raster has no valid cell (all NoData). / 阻力栅格全为无数据。")
    low = float(resistance[valid].min())
    if low <= 0:
        raise InputError(
            f"The resistance raster has values <= 0 (minimum {low:g}); cost distance needs resistances > 0 "
            "(>= 1 recommended). Reclassify the resistance, or set those cells to NoData if they are "
            "impassable. / 阻力值必须大于 0（建议 >= 1），请重新分级或把不可通行的像元设为无数据。")
    return valid


class CostSurface:
    """Result of one run: ``distance`` (float64 grid, inf = unreachable) and optionally
    ``predecessor`` (int64 flat cell index of the previous cell on the least-cost path, -1 on
    sources and unreachable cells) and ``allocation`` (int64 flat index of the source cell)."""

    def __init__(self, distance, predecessor=None, source=None):
        self.distance = distance
        self.predecessor = predecessor
        self.source = source


class CostGraph:
    """A resistance grid prepared for cost-distance runs with ESRI Cost Distance edge weights.

    ``resistance``: 2-D array (> 0 on valid cells); ``valid``: bool mask (False = NoData barrier;
    default: finite cells); ``cell_size``: map units per cell side (square cells). The sweep grids
    and the Dijkstra graph (:attr:`matrix`) are built on first need, one of them at a time.
    ``sweeps=False`` starts the graph as one that has run Dijkstra (see :attr:`sweeps`);
    ``dijkstra``: whether Dijkstra may run on grids that sweep (None: when it fits in the memory
    available at the time; False: never, the sweeps run to convergence, as on worker processes
    whose plan leaves no room for it; True: always, as before).
    """

    def __init__(self, resistance, cell_size, valid=None, progress=None, sweeps=True, dijkstra=None):
        progress = ensure(progress)
        self.cell_size = _check_cell_size(cell_size)
        self.valid = _valid_resistance(resistance, valid)
        self.shape = self.valid.shape
        self.n_nodes = int(np.count_nonzero(self.valid))
        self._resistance = resistance
        self._sweep = self._matrix = None  # each built on first need
        self._dijkstra_allowed = dijkstra
        self._sweepable = (bool(sweeps) or dijkstra is False) and self.valid.size >= SWEEP_MIN_CELLS
        progress.update(1.0)

    @property
    def sweeps(self):
        """Whether the next run may sweep: False on small grids and once Dijkstra has run."""
        return self._sweepable

    @property
    def nbytes(self):
        """Bytes held by the graph."""
        held = 0 if self._sweep is None else self._sweep.nbytes
        if self._matrix is not None:
            m = self._matrix
            held += m.data.nbytes + m.indices.nbytes + m.indptr.nbytes + self.node.base.nbytes + self.cell.nbytes
        return held

    @property
    def matrix(self):
        """The CSR graph for scipy's Dijkstra: exactly 8 slots per valid cell (missing neighbours
        are self-loops of infinite weight, so no compaction copy is needed)."""
        if self._matrix is None:
            self._build_matrix()
        return self._matrix

    def _build_matrix(self):
        rows, cols = self.shape
        # a ring of NoData around the grid removes the bounds checks: neighbour = cell + offset
        padded_cols = cols + 2
        node = np.full((rows + 2, padded_cols), -1, dtype=np.int32)
        self.node = node[1:-1, 1:-1]  # node id of each valid cell, -1 elsewhere
        self.node[self.valid] = np.arange(self.n_nodes, dtype=np.int32)
        self.cell = np.flatnonzero(self.valid)  # flat cell index of each node
        padded_cell = self.cell + 2 * (self.cell // cols) + padded_cols + 1
        half = np.zeros((rows + 2, padded_cols), dtype=np.float64)
        half[1:-1, 1:-1] = np.where(self.valid, np.asarray(self._resistance, dtype=np.float64) * (0.5 * self.cell_size),
                                    0.0)
        node_flat, half_flat = node.reshape(-1), half.reshape(-1)
        own = np.arange(self.n_nodes, dtype=np.int32)
        own_half = half_flat[padded_cell]
        indices = np.empty((self.n_nodes, 8), dtype=np.int32)
        weights = np.empty((self.n_nodes, 8), dtype=np.float64)
        for k, (dr, dc) in enumerate(NEIGHBOURS):
            neighbour = padded_cell + (dr * padded_cols + dc)
            target = node_flat.take(neighbour)
            missing = target < 0
            weight = (own_half + half_flat.take(neighbour)) * (SQRT2 if dr and dc else 1.0)
            weight[missing] = np.inf
            target[missing] = own[missing]
            indices[:, k] = target
            weights[:, k] = weight
        del padded_cell, half, own, own_half, target, weight, missing, neighbour
        from scipy.sparse import csr_matrix
        indptr = np.arange(0, 8 * self.n_nodes + 1, 8, dtype=np.int64 if 8 * self.n_nodes >= 2**31 else np.int32)
        self._matrix = csr_matrix((weights.reshape(-1), indices.reshape(-1), indptr),
                                  shape=(self.n_nodes, self.n_nodes))

    def source_nodes(self, sources):
        """Node ids of the valid cells where the bool grid ``sources`` is True."""
        self.matrix  # noqa: B018 - builds the node numbering
        nodes = self.node[self._source_mask(sources)]
        return nodes[nodes >= 0]

    def _source_mask(self, sources):
        sources = np.asarray(sources, dtype=bool)
        if sources.shape != self.shape:
            raise InputError(f"The source mask {sources.shape} does not match the resistance grid {self.shape}.")
        sources = sources & self.valid
        if not sources.any():
            raise InputError("No source cell lies on a valid (non-NoData) resistance cell. / 源像元全部位于阻力无数据区。")
        return sources

    def run(self, sources, max_cost=None, predecessors=False, allocation=False, progress=None):
        """Cost distance from the cells where ``sources`` (bool grid) is True.

        Sources on NoData are ignored; raises :class:`InputError` when no source is on a valid
        cell. ``max_cost``: cells beyond it get inf. Sweeps first, Dijkstra when they do not
        converge within the budget or ``max_cost`` confines the search (module docstring), unless
        Dijkstra's graph would not fit in memory: then the sweep runs to convergence.
        """
        progress = ensure(progress)
        mask = self._source_mask(sources)
        if self._sweepable:
            forced = not self._dijkstra_fits()
            if forced or (max_cost is None and not defeats_sweeps(self.valid, mask)):
                if self._sweep is None:
                    half = np.asarray(self._resistance, dtype=np.float64) * (0.5 * self.cell_size)
                    self._sweep = SweepGrid(half, self.valid, progress.sub(0.0, 0.1))
                    del half
                distance = np.where(mask, 0.0, np.inf)
                budget = SWEEP_BUDGET * phase_work(self.shape)
                if sweep(self._sweep, distance, budget, progress.sub(0.1, 1.0), give_up=not forced) is not None:
                    if max_cost is not None:
                        distance[distance > max_cost] = np.inf
                    return self._swept_surface(distance, predecessors, allocation)
                del distance  # this surface defeats sweeps: Dijkstra from now on (as after a maze)
        limit = np.inf if max_cost is None else float(max_cost)
        return self._dijkstra(mask, limit, predecessors, allocation)

    def _dijkstra_fits(self):
        """Whether Dijkstra may run: ``dijkstra`` given to the graph, else whether its graph and run
        (:data:`DIJKSTRA_BYTES_PER_CELL`) fit in the usable memory once the sweep grids are freed."""
        if self._dijkstra_allowed is not None:
            return self._dijkstra_allowed
        available = available_memory()
        if available is None:
            return True
        held = 0 if self._sweep is None else self._sweep.nbytes
        return DIJKSTRA_BYTES_PER_CELL * self.valid.size <= USABLE_FRACTION * available + held

    def _swept_surface(self, distance, predecessors, allocation):
        surface = CostSurface(distance)
        if predecessors or allocation:
            pred = sweep_predecessors(self._sweep, distance)
            if allocation:
                surface.source = sources_of(pred, distance)
            if predecessors:
                surface.predecessor = pred
        return surface

    def _dijkstra(self, mask, limit, predecessors, allocation):
        from scipy.sparse.csgraph import dijkstra
        self._sweep, self._sweepable = None, False  # one engine at a time: the peak stays Dijkstra's
        nodes = self.source_nodes(mask)
        want_extra = predecessors or allocation
        result = dijkstra(self.matrix, directed=True, indices=nodes, min_only=True,
                          limit=limit, return_predecessors=want_extra)
        node_dist = result[0] if want_extra else result
        distance = np.full(self.shape, np.inf)
        distance[self.valid] = node_dist
        surface = CostSurface(distance)
        if predecessors:
            surface.predecessor = self._node_grid_to_cells(result[1])
        if allocation:
            surface.source = self._node_grid_to_cells(result[2])
        return surface

    def _node_grid_to_cells(self, node_values):
        """Map node ids (-9999 = none in scipy) to flat cell indices on the grid (-1 = none)."""
        out = np.full(self.shape, -1, dtype=np.int64)
        ok = node_values >= 0
        inner = np.full(node_values.shape, -1, dtype=np.int64)
        inner[ok] = self.cell[node_values[ok]]
        out[self.valid] = inner
        return out


def cost_distance(resistance, sources, cell_size, valid=None, max_cost=None, progress=None):
    """Least accumulated cost from the ``sources`` (bool grid) to every cell; inf = unreachable.

    See the module docstring for the rule. ``valid`` False = NoData barrier.
    """
    progress = ensure(progress)
    graph = CostGraph(resistance, cell_size, valid, progress.sub(0.0, 0.3))
    progress.update(0.3, "Cost distance / 成本距离")
    distance = graph.run(sources, max_cost=max_cost, progress=progress.sub(0.3, 1.0)).distance
    progress.update(1.0, "Cost distance done / 成本距离计算完成")
    return distance


def cost_allocation(resistance, labels, cell_size, valid=None, max_cost=None, progress=None):
    """``(distance, allocation)``: cost distance to the nearest source and its label.

    ``labels``: int grid, > 0 on source cells (e.g. core ids). Allocation is 0 where unreachable.
    Ties between sources are broken arbitrarily (ArcGIS Cost Allocation likewise gives one zone).
    """
    progress = ensure(progress)
    labels = np.asarray(labels)
    graph = CostGraph(resistance, cell_size, valid, progress.sub(0.0, 0.3))
    progress.update(0.3, "Cost allocation / 成本分配")
    surface = graph.run(labels > 0, max_cost=max_cost, allocation=True, progress=progress.sub(0.3, 1.0))
    allocation = np.zeros(labels.shape, dtype=labels.dtype)
    reached = surface.source >= 0
    allocation[reached] = labels.reshape(-1)[surface.source[reached]]
    progress.update(1.0, "Cost allocation done / 成本分配计算完成")
    return surface.distance, allocation


def least_cost_path(predecessor, row, col):
    """Cells ``(row, col)`` of the least-cost path from cell (row, col) back to its source.

    ``predecessor``: the grid of a :class:`CostSurface` made with ``predecessors=True``.
    Returns a (k, 2) int64 array starting at (row, col) and ending on a source cell.
    """
    cols = predecessor.shape[1]
    flat = predecessor.reshape(-1)
    path = [row * cols + col]
    step = flat[path[-1]]
    while step >= 0:
        path.append(int(step))
        step = flat[step]
    path = np.asarray(path, dtype=np.int64)
    return np.column_stack((path // cols, path % cols))
