"""Pairwise single-source solves as independent tasks (issue 19) for :func:`...runtime.parallel.map_tasks`.

The p − 1 right-hand sides of :func:`.pairwise.pairwise_on_graph` (1 A into each non-anchor focal
node, anchors grounded) are independent: they are split, in order, into one contiguous **batch
per worker**, and each task builds the graph, the grounded Laplacian and the solver itself and
solves its batch. One batch per worker because the set-up (graph, factorisation or multigrid
hierarchy) is repeated by every task while a column costs a fraction of it: more batches would
only add set-ups (bench/README.md, "Parallel tasks", measured on the 6 M-cell grid). The caller
folds the columns back in task order, so the resistances, maps and cumulative currents are the
serial run's bit for bit as long as the workers use the caller's BLAS threads (local processes;
Dask workers use one thread, see :mod:`...runtime.parallel`).

Shipped to a worker: the recipe of the graph, not the graph — the cell conductances (float64,
8 B per cell) and the short-circuit ids when given (int64, 8 B per cell), the connection flags,
the solved components, the anchors and the batch's nodes (a few integers each). Back: the batch's
solutions (float64, 8 B per unknown and right-hand side) and the solver's name. With ``auto``
the caller settles the method for all right-hand sides at once, so every batch uses the method
the serial run would use.
"""
import math
from contextlib import closing
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from ...runtime.parallel import cluster_workers, fit_workers, map_tasks
from ...runtime.progress import ensure
from .graph import cell_graph, estimate_graph_memory, grounded_laplacian
from .solvers import choose_method, estimate_direct_memory, estimate_multigrid_memory, make_solver


@dataclass(frozen=True)
class CellGraphRecipe:
    """What :func:`.graph.cell_graph` needs: rebuilt in a worker, the same graph node for node."""
    g: np.ndarray
    polygons: np.ndarray = None
    four_neighbours: bool = False
    avg_resistances: bool = False

    def build(self):
        return cell_graph(self.g, self.polygons, self.four_neighbours, self.avg_resistances)

    @property
    def nbytes(self):
        return self.g.nbytes + (0 if self.polygons is None else self.polygons.nbytes)


def free_nodes(graph, solved_components, anchors):
    """Unknowns of the pairwise solves: nodes of the solved components except their anchors."""
    if not solved_components:
        return np.zeros(0, dtype=np.int64)
    free = np.flatnonzero(np.isin(graph.labels, solved_components))
    return free[~np.isin(free, anchors)]


def unknown_index(graph, free):
    """Index of every node among the unknowns (-1 when grounded or not solved)."""
    index = np.full(graph.n_nodes, -1, dtype=np.int64)
    index[free] = np.arange(free.size)
    return index


def solve_sources(graph, free, free_index, sources, method="auto", progress=None, choice=None):
    """``(columns, method)``: the solutions (free.size, len(sources)) for 1 A into each of ``sources``."""
    progress = ensure(progress)
    matrix = grounded_laplacian(graph, free)
    solver = make_solver(matrix, method, len(sources), progress.sub(0.0, 0.4), choice)
    del matrix
    rhs = sp.csc_matrix((np.ones(len(sources)), (free_index[sources], np.arange(len(sources)))),
                        shape=(free.size, len(sources)))
    columns = solver.solve(rhs, progress.sub(0.4, 1.0))
    return columns, solver.method


def sources_task(recipe, solved_components, anchors, batch, method, choice):
    """One batch's ``(columns, method)`` on the graph rebuilt from ``recipe`` (runs in a worker)."""
    graph = recipe.build()
    free = free_nodes(graph, solved_components, anchors)
    return solve_sources(graph, free, unknown_index(graph, free), list(batch), method, None, choice)


def laplacian_nnz(graph, free_index):
    """Entries of the grounded Laplacian: the diagonal and both triangles of the free-free edges."""
    both = (free_index[graph.i] >= 0) & (free_index[graph.j] >= 0)
    return int(np.count_nonzero(free_index >= 0) + 2 * np.count_nonzero(both))


def source_task_memory(recipe, graph, n_free, nnz, batch, chosen):
    """Peak bytes of one task: the shipped recipe, its graph and the solver with ``batch`` columns."""
    rows, cols = recipe.g.shape
    solver = (estimate_direct_memory(n_free, nnz) + 16 * n_free * batch if chosen == "direct"
              else estimate_multigrid_memory(n_free, nnz, batch))
    return recipe.nbytes + estimate_graph_memory(rows, cols, graph.n_nodes, recipe.four_neighbours) + solver


@dataclass
class SourceTasks:
    """Where the single-source solves run: ``workers`` local processes or the Dask ``scheduler``."""
    recipe: CellGraphRecipe
    workers: int = 1
    scheduler: str = None
    notes: list = field(default_factory=list)

    def solve(self, graph, free, free_index, solved_components, anchors, sources, method="auto", progress=None):
        """``(columns, method)`` as :func:`solve_sources`, the batches solved by tasks."""
        nnz = laplacian_nnz(graph, free_index)
        choice = choose_method(free.size, nnz, len(sources)) if method == "auto" else None
        workers = cluster_workers(self.scheduler) if self.scheduler else self.workers
        if not self.scheduler:
            batch = math.ceil(len(sources) / max(min(workers, len(sources)), 1))
            workers, message = fit_workers(
                workers, source_task_memory(self.recipe, graph, free.size, nnz, batch, choice or method),
                f"Pairwise solves on {free.size} nodes")
            if message:
                self.notes.append(message)
            if workers <= 1 or len(sources) == 1:  # one task: solve on the caller's graph
                return solve_sources(graph, free, free_index, sources, method, progress, choice)
        bounds = np.linspace(0, len(sources), min(workers, len(sources)) + 1).round().astype(int)
        batches = [sources[start:stop] for start, stop in zip(bounds[:-1], bounds[1:])]
        columns = np.empty((free.size, len(sources)), order="F")
        methods = set()
        tasks = ((self.recipe, solved_components, anchors, batch, method, choice) for batch in batches)
        with closing(map_tasks(sources_task, tasks, len(batches), workers, self.scheduler, progress,
                               lambda k: f"Focal nodes {bounds[k] + 1}-{bounds[k + 1]} of {len(sources)}",
                               shared=(0, 1, 2), result_bytes=8 * free.size * max(map(len, batches)))) as outcomes:
            for k, (part, used) in enumerate(outcomes):  # in task order: the serial run's columns
                columns[:, bounds[k]:bounds[k + 1]] = part
                methods.add(used)
        return columns, ", ".join(sorted(methods))
