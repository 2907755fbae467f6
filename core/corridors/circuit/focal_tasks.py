"""One-to-all and all-to-one: one task per focal id (issue 19) for :func:`...runtime.parallel.map_tasks`.

Every focal id is its own advanced solve (its own grounds, so its own factorisation or multigrid
hierarchy: :func:`.modes.focal_solve`); nothing is shared between ids but the graph, which each
task rebuilds from its recipe (a fraction of a solve). One id per task keeps the progress per id
and the caller's memory at the results in flight, as in the serial run. The caller folds the
values and maps in id order: the serial outputs bit for bit (BLAS threads as in
:mod:`.pairwise_tasks`).

Shipped to a worker: the recipe (cell conductances, float64, and the merged focal/short-circuit
ids, int64: 16 B per cell), the focal cells (three int64 per cell), the ids, the id's strengths
and include partners. Back: the node voltages and currents (float64, 16 B per node) and the value.
"""
from contextlib import closing
from dataclasses import dataclass, field

from ...runtime.parallel import fit_workers, map_tasks
from .modes import focal_solve
from .pairwise_tasks import CellGraphRecipe, source_task_memory
from .solvers import choose_method


def focal_task(recipe, focal, ids, k, all_to_one, strengths, partners, method):
    """``(value, solution)`` of ``ids[k]`` on the graph rebuilt from ``recipe`` (runs in a worker)."""
    value, solution = focal_solve(recipe.build(), focal, ids, k, all_to_one, strengths, partners, method)
    if solution is not None:
        solution.finite_ground = None  # not used by the caller's maps: not shipped back
    return value, solution


@dataclass
class FocalTasks:
    """Where the per-id solves run: ``workers`` local processes or the Dask ``scheduler``."""
    recipe: CellGraphRecipe
    workers: int = 1
    scheduler: str = None
    notes: list = field(default_factory=list)

    def map(self, graph, focal, ids, all_to_one=False, strengths=None, partners=None, method="auto",
            progress=None):
        """Yield ``(value, solution)`` per id, in id order, as :func:`.modes.focal_solve`."""
        workers = self.workers
        if not self.scheduler:
            nnz = graph.n_nodes + 2 * graph.i.size  # every node free: the largest system of an id
            chosen = choose_method(graph.n_nodes, nnz, 1) if method == "auto" else method
            workers, message = fit_workers(
                workers, source_task_memory(self.recipe, graph, graph.n_nodes, nnz, 1, chosen) + 16 * graph.n_nodes,
                f"One solve per focal id on {graph.n_nodes} nodes")
            if message:
                self.notes.append(message)
        tasks = ((self.recipe, focal, ids, k, all_to_one, strengths,
                  None if partners is None else {int(ids[k]): partners.get(int(ids[k]), set())}, method)
                 for k in range(ids.size))
        with closing(map_tasks(focal_task, tasks, ids.size, workers, self.scheduler, progress,
                               lambda k: f"Focal node {ids[k]}", shared=(0, 1, 2, 5),
                               result_bytes=16 * graph.n_nodes)) as outcomes:  # voltages and currents
            yield from outcomes
