"""Advanced, one-to-all and all-to-one modes (Circuitscape.jl ``src/raster/advanced.jl``,
``src/raster/onetoall.jl``), reproducing the reference cases to the upstream tolerance.

**Advanced**: node sources ``s`` and grounds (conductance to ground, ``inf`` = direct ground).
Finite grounds ``fin`` (inf → 0) are taken before the conflict policy, as upstream: with
``rmvgnd`` a finite ground on a source node still loads the matrix diagonal. Policies for a node
with both: ``keepall``; ``rmvsrc`` drops the source; ``rmvgnd`` drops the ground; ``rmvall``
drops the source (upstream). A direct ground on a node with a positive source is always
dropped. Each component with Σs ≠ 0 and a ground is solved:
``(L + diag(fin)) v = s`` with v = 0 on direct grounds; other components keep v = 0.

**One-to-all / all-to-one** run one advanced solve per focal id n on a graph whose focal cells
are merged (:func:`merged_focal_polygons`): one-to-all injects 1 A (or n's strength) at n's
first cell and grounds directly every cell of the other ids (``rmvgnd``); all-to-one grounds
n's cells and injects at the first cell of every other id (``rmvsrc``). Only n's component is
solved. One-to-all reports v(n)/strength (the effective resistance between n and all other
focal nodes tied together), all-to-one reports 0; −1 when nothing was solved.
"""
from dataclasses import dataclass

import numpy as np

from ...runtime.progress import ensure
from .currents import node_currents
from .graph import grounded_laplacian
from .solvers import make_solver

POLICIES = ("keepall", "rmvsrc", "rmvgnd", "rmvall")


@dataclass
class AdvancedSolution:
    """Node voltages ``v``, node ``currents`` and the finite ground conductances used."""
    v: np.ndarray
    currents: np.ndarray
    finite_ground: np.ndarray
    solved: bool
    method: str = ""


def resolve_conflicts(sources, grounds, policy="keepall"):
    """(sources, grounds) after the conflict policy, and the finite grounds taken before it."""
    sources = np.array(sources, dtype=np.float64)
    grounds = np.array(grounds, dtype=np.float64)
    finite = np.where(np.isinf(grounds), 0.0, grounds)
    both = (sources != 0) & (grounds != 0)
    if policy in ("rmvsrc", "rmvall"):
        sources[both] = 0.0
    elif policy == "rmvgnd":
        grounds[both] = 0.0
    grounds[np.isinf(grounds) & (sources > 0)] = 0.0
    return sources, grounds, finite


def advanced(graph, sources, grounds, policy="keepall", method="auto", progress=None):
    """Voltages and currents for node ``sources`` (A) and ``grounds`` (S, inf = direct) on ``graph``."""
    progress = ensure(progress)
    sources, grounds, finite = resolve_conflicts(sources, grounds, policy)
    labels = graph.labels
    count = graph.n_components
    source_sum = np.bincount(labels, np.abs(sources), count) if count else np.zeros(0)
    has_ground = np.bincount(labels, (grounds != 0).astype(np.float64), count) if count else np.zeros(0)
    solve_components = np.flatnonzero((source_sum != 0) & (has_ground != 0))
    v = np.zeros(graph.n_nodes)
    method_used = ""
    if solve_components.size:
        direct = np.isinf(grounds)
        free = np.flatnonzero(np.isin(labels, solve_components) & ~direct)
        matrix = grounded_laplacian(graph, free, finite)
        solver = make_solver(matrix, method, 1, progress.sub(0.0, 0.5))
        del matrix
        v[free] = solver.solve(sources[free], progress.sub(0.5, 0.9))
        method_used = solver.method
    currents = node_currents(graph, v, finite)
    progress.update(1.0)
    return AdvancedSolution(v, currents, finite, bool(solve_components.size), method_used)


def node_sums(graph, cell_values):
    """Per-node totals of a cell grid (sources in A, grounds in S; an inf ground stays inf)."""
    take = (graph.node_of_cell >= 0) & (cell_values != 0)
    out = np.zeros(graph.n_nodes)
    np.add.at(out, graph.node_of_cell[take], cell_values[take])
    return out


def merged_focal_polygons(polygons, focal, shape):
    """Short-circuit map for one-to-all/all-to-one: focal cells merged with the polygons.

    No polygons: the focal cells themselves (valued by id). Polygons and focal points: point
    cells outside polygons get (id + largest polygon id). Polygons and focal regions: with k the
    largest polygon or focal id, cells outside polygons get k + id, and a polygon holding a cell
    of another id is relabelled to that id (column-major order) — Circuitscape.jl's rules.
    """
    if polygons is None:
        poly = np.zeros(shape, dtype=np.int64)
        poly[focal.rows, focal.cols] = focal.ids
        return poly
    poly = polygons.astype(np.int64, copy=True)
    top = int(poly.max()) if poly.size else 0
    order = np.lexsort((focal.rows, focal.cols))
    if not focal.has_regions:
        for k in order:
            r, c = focal.rows[k], focal.cols[k]
            if poly[r, c] == 0:
                poly[r, c] = focal.ids[k] + top
        return poly
    top = max(top, int(focal.ids.max()))
    for k in order:
        r, c, focal_id = focal.rows[k], focal.cols[k], focal.ids[k]
        current = poly[r, c]
        if current == 0:
            poly[r, c] = top + focal_id
        elif current != focal_id:
            poly[poly == current] = focal_id
    return poly


@dataclass
class OneToAllResult:
    """Focal ``ids`` and the reported ``values`` (see module docstring)."""
    ids: np.ndarray
    values: np.ndarray
    solves: int = 0
    method: str = ""


def one_to_all(graph, focal, ids, all_to_one=False, strengths=None, partners=None, method="auto",
               visit=None, progress=None, tasks=None):
    """One-to-all (or all-to-one) on a merged graph; ``visit(id, solution)`` for every id
    (``solution`` None when nothing was solved for it: upstream writes zero maps then).

    ``strengths``: {id: A} (default 1 A); ``partners``: {id: set of ids} from an include list —
    only those ids are grounded (one-to-all) or injecting (all-to-one) when n is the focal id.
    ``tasks``: a :class:`.focal_tasks.FocalTasks` solving the ids in parallel (None: here).
    """
    progress = ensure(progress)
    values = np.full(ids.size, -1.0)
    result = OneToAllResult(ids, values)
    if tasks is None:
        outcomes = _solve_here(graph, focal, ids, all_to_one, strengths, partners, method, progress)
    else:
        outcomes = tasks.map(graph, focal, ids, all_to_one, strengths, partners, method, progress)
    for k, (value, solution) in enumerate(outcomes):
        values[k] = value
        if solution is not None:
            result.solves += 1
            result.method = solution.method
        if visit is not None:
            visit(int(ids[k]), solution)
    progress.update(1.0)
    return result


def _solve_here(graph, focal, ids, all_to_one, strengths, partners, method, progress):
    for k, focal_id in enumerate(ids):
        progress.update(k / ids.size, f"Focal node {focal_id} ({k + 1}/{ids.size})"
                                      f" / 焦点 {focal_id}（{k + 1}/{ids.size}）")
        yield focal_solve(graph, focal, ids, k, all_to_one, strengths, partners, method,
                          progress.sub(k / ids.size, (k + 1) / ids.size))


def focal_solve(graph, focal, ids, k, all_to_one=False, strengths=None, partners=None, method="auto",
                progress=None):
    """``(value, solution)`` of focal id ``ids[k]`` (module docstring); (-1, None) when nothing is solved."""
    cell_nodes = graph.node_of_cell[focal.rows, focal.cols]
    focal_id = ids[k]
    node = int(cell_nodes[np.searchsorted(focal.ids, focal_id)])
    if node < 0:
        return -1.0, None
    component = graph.labels[node]
    others = [other for other in ids if other != focal_id]
    if partners is not None:
        others = [other for other in others if other in partners.get(int(focal_id), set())]
    strength = 1.0 if strengths is None else strengths.get(int(focal_id), 1.0)
    sources = np.zeros(graph.n_nodes)
    grounds = np.zeros(graph.n_nodes)
    in_component = graph.labels == component
    if not all_to_one:
        ground_nodes = cell_nodes[np.isin(focal.ids, others) & (cell_nodes >= 0)]
        grounds[ground_nodes] = np.inf
        sources[node] = strength
        policy = "rmvgnd"
    else:
        own = cell_nodes[(focal.ids == focal_id) & (cell_nodes >= 0)]
        grounds[own] = np.inf
        for other in others:
            other_node = int(cell_nodes[np.searchsorted(focal.ids, other)])
            if other_node >= 0:
                sources[other_node] += 1.0 if strengths is None else strengths.get(int(other), 1.0)
        policy = "rmvsrc"
    sources[~in_component] = 0.0
    grounds[~in_component] = 0.0
    solution = advanced(graph, sources, grounds, policy, method, progress)
    if not solution.solved:
        return -1.0, None
    if all_to_one:
        return 0.0, solution
    r = solution.v[node] / strength if strength else 0.0
    return (r if abs(r) > 1e-12 else -1.0), solution
