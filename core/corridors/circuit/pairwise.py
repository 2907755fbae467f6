"""Pairwise mode: effective resistance and voltages between every pair of focal nodes.

Follows Circuitscape.jl 5.x (``src/raster/pairwise.jl``, ``src/core.jl``); resistances reproduce
the reference cases to ≤ 1e-8 relative, maps to the upstream tolerance.

**Focal points** (each id one cell): one graph. In every component the first focal node (in id
order) is grounded and 1 A is injected at each other distinct focal node k, giving p − 1
solutions ``v^(k)`` from one factorisation or one multigrid hierarchy (right-hand sides solved
together). With G the grounded Green's function (``G[x, k] = v^(k)_x``, 0 at the anchor)::

    R_ab = G_aa + G_bb − 2 G_ab,     v^(a,b) = v^(b) − v^(a), shifted so that v_a = 0

(superposition). Upstream solves one system per pair when maps are requested and uses the same
n − 1 shortcut only without maps; here every case costs p − 1 solves per component.

**Focal regions** (some id covers several cells): one graph and one solve per pair, the cells
of each region short-circuited (``region_polygons``), as upstream.

Resistances: 0 on the diagonal and between ids on the same node, −1 between ids in different
components, for ids on no node and for pairs excluded by an include/exclude list.
"""
from dataclasses import dataclass, field

import numpy as np

from ...runtime.errors import InputError
from ...runtime.progress import ensure
from .currents import cumulative_superposed_currents
from .graph import cell_graph, grounded_laplacian
from .pairwise_tasks import CellGraphRecipe, SourceTasks, free_nodes, solve_sources, unknown_index
from .solvers import make_solver


@dataclass
class PairwiseResult:
    """Focal ``ids`` (sorted), the ``resistances`` matrix and, on request, the summed node currents."""
    ids: np.ndarray
    resistances: np.ndarray
    graph: object = None
    cumulative_nodes: np.ndarray = None
    solves: int = 0
    method: str = ""
    notes: list = field(default_factory=list)


def selected_ids(focal, selection):
    """Distinct focal ids kept by an include list (include mode drops ids absent from the file)."""
    ids = np.unique(focal.ids)
    if selection is not None and selection.mode == "include":
        ids = ids[np.isin(ids, np.fromiter(selection.ids, dtype=np.int64, count=len(selection.ids)))]
    return ids


def excluded_pairs(ids, selection):
    """Boolean (m, m) matrix of the pairs an include/exclude list leaves out."""
    m = ids.size
    if selection is None:
        return np.zeros((m, m), dtype=bool)
    flagged = np.zeros((m, m), dtype=bool)
    position = {int(v): k for k, v in enumerate(ids)}
    for a, b in selection.pairs:
        if a in position and b in position:
            flagged[position[a], position[b]] = flagged[position[b], position[a]] = True
    excluded = ~flagged if selection.mode == "include" else flagged
    np.fill_diagonal(excluded, False)
    return excluded


def first_cells(focal, ids):
    """Row and column of the first cell of each id."""
    first = np.searchsorted(focal.ids, ids)
    return focal.rows[first], focal.cols[first]


def _check_focal(ids):
    if ids.size < 2:
        raise InputError(
            f"Pairwise mode needs at least two focal nodes with different ids; {ids.size} found. "
            "Check the focal node layer (ids must be positive and inside the habitat grid). "
            "/ 成对模式至少需要两个不同编号的焦点。")


def pairwise(g, focal, polygons=None, four_neighbours=False, avg_resistances=False, selection=None,
             method="auto", visit=None, cumulative=False, progress=None, zero_focal_currents=False, workers=1,
             scheduler=None):
    """Pairwise resistances between focal nodes on cell conductances ``g``.

    ``focal``: :class:`~.inputs.FocalCells`; ``polygons``: short-circuit region ids (0 = none);
    ``selection``: :class:`~.inputs.PairSelection` or None. ``visit(a, b, graph, v)`` is called
    for every pair of ids on one component that is not excluded (a < b; ids on one node give
    v = 0, as upstream writes their maps) with the node voltages ``v`` (``v_a = 0``).
    ``cumulative``: also return the summed node currents of all pairs (focal points without an
    include/exclude list only; otherwise sum the maps in ``visit``). ``zero_focal_currents``:
    the cumulative currents leave out each pair's own focal nodes (Circuitscape 4's
    ``set_focal_node_currents_to_zero``; ``visit`` callers zero them in their maps).
    ``workers`` (1 = in this process) and ``scheduler`` (a Dask address): where the single-source
    solves of focal points run (:mod:`.pairwise_tasks`); focal regions are solved here.
    """
    progress = ensure(progress)
    ids = selected_ids(focal, selection)
    _check_focal(ids)
    excluded = excluded_pairs(ids, selection)
    if focal.has_regions:
        result = _pairwise_regions(g, focal, ids, polygons, four_neighbours, avg_resistances, method,
                                   visit, excluded, progress)
    else:
        progress.update(0.0, "Building the conductance graph / 构建电导图")
        graph = cell_graph(g, polygons, four_neighbours, avg_resistances)
        rows, cols = first_cells(focal, ids)
        nodes = graph.node_of_cell[rows, cols].astype(np.int64)
        tasks = SourceTasks(CellGraphRecipe(g, polygons, four_neighbours, avg_resistances), workers, scheduler) \
            if workers > 1 or scheduler else None
        result = pairwise_on_graph(graph, ids, nodes, method, visit, cumulative, excluded,
                                   progress.sub(0.05, 1.0), zero_focal_currents, tasks)
    result.resistances[excluded] = -1.0
    return result


def pairwise_on_graph(graph, ids, nodes, method="auto", visit=None, cumulative=False, excluded=None,
                      progress=None, zero_focal_currents=False, tasks=None):
    """Pairwise resistances between focal ``ids`` sitting on graph ``nodes`` (-1 = on no node).

    Superposition over p − 1 single-source solutions per component (module docstring);
    ``visit`` and ``cumulative`` as in :func:`pairwise`; ``excluded``: (m, m) bool of the
    pairs left out (no map; −1 in the table is set by the caller); ``tasks``: a
    :class:`.pairwise_tasks.SourceTasks` solving them in parallel (None: here).
    """
    progress = ensure(progress)
    m = ids.size
    if excluded is None:
        excluded = np.zeros((m, m), dtype=bool)
    elif cumulative and excluded.any():
        raise ValueError("the superposed cumulative current sums every pair; use visit with exclusions")
    resistances = np.full((m, m), -1.0)
    np.fill_diagonal(resistances, 0.0)
    valid = nodes >= 0
    component = np.where(valid, graph.labels[np.maximum(nodes, 0)], -1)

    groups = []  # per component: distinct focal nodes in id order (anchor first)
    for c in np.unique(component[valid]):
        members = np.flatnonzero(component == c)
        distinct = list(dict.fromkeys(int(nodes[k]) for k in members))
        groups.append((c, members, distinct))
    anchors = [d[0] for _, _, d in groups if len(d) > 1]
    sources = [node for _, _, d in groups if len(d) > 1 for node in d[1:]]
    solved_components = [c for c, _, d in groups if len(d) > 1]
    free = free_nodes(graph, solved_components, anchors)
    free_index = unknown_index(graph, free)
    column_of = {node: k for k, node in enumerate(sources)}

    columns = np.zeros((free.size, 0))
    result = PairwiseResult(ids, resistances, graph)
    if sources:
        if tasks is None:
            columns, result.method = solve_sources(graph, free, free_index, sources, method, progress.sub(0.05, 0.8))
        else:
            columns, result.method = tasks.solve(graph, free, free_index, solved_components, anchors, sources,
                                                 method, progress.sub(0.05, 0.8))
            result.notes.extend(tasks.notes)
        result.solves = len(sources)

    def green(x, y):
        """G[x, y]: voltage at node x for 1 A into node y (anchor grounded)."""
        if y not in column_of or free_index[x] < 0:
            return 0.0
        return columns[free_index[x], column_of[y]]

    for c, members, distinct in groups:
        for ka in members:
            for kb in members:
                a, b = int(nodes[ka]), int(nodes[kb])
                if ka < kb:
                    g_ab = 0.5 * (green(a, b) + green(b, a))
                    r = green(a, a) + green(b, b) - 2.0 * g_ab if a != b else 0.0
                    resistances[ka, kb] = resistances[kb, ka] = r

    if visit is not None:
        pair_progress = progress.sub(0.8, 1.0)
        pairs = [(ka, kb) for _, members, _ in groups for ka in members for kb in members
                 if ka < kb and not excluded[ka, kb]]
        in_component = {}
        for step, (ka, kb) in enumerate(pairs):
            pair_progress.update(step / len(pairs), f"Maps of pair {ids[ka]}-{ids[kb]}"
                                                    f" / 焦点对 {ids[ka]}-{ids[kb]} 的结果图")
            a, b = int(nodes[ka]), int(nodes[kb])
            v = np.zeros(graph.n_nodes)
            if a != b:
                c = component[ka]
                if c not in in_component:
                    in_component[c] = np.flatnonzero(graph.labels == c)
                members_c = in_component[c]
                solved = free_index[members_c] >= 0
                part = np.zeros(members_c.size)
                if b in column_of:
                    part[solved] += columns[free_index[members_c[solved]], column_of[b]]
                if a in column_of:
                    part[solved] -= columns[free_index[members_c[solved]], column_of[a]]
                part -= part[np.searchsorted(members_c, a)]
                v[members_c] = part
            visit(int(ids[ka]), int(ids[kb]), graph, v)

    if cumulative:
        total = np.zeros(graph.n_nodes)
        for c, members, distinct in groups:
            if len(distinct) < 2:
                continue
            multiplicity = [int(np.count_nonzero(nodes[members] == node)) for node in distinct]
            cols_c = [column_of[node] for node in distinct[1:]]
            total += cumulative_superposed_currents(
                graph, columns, free_index, distinct, multiplicity, progress.sub(0.8, 1.0),
                None if cols_c == list(range(columns.shape[1])) else cols_c)
            if zero_focal_currents:  # each pair carries exactly 1 A through its own two focal nodes
                grand = sum(multiplicity)
                for node, count in zip(distinct, multiplicity):
                    total[node] = max(total[node] - count * (grand - count), 0.0)
        result.cumulative_nodes = total
    progress.update(1.0)
    return result


def region_polygons(polygons, focal, id_a, id_b, shape):
    """Short-circuit map for the pair (a, b) of focal regions (Circuitscape.jl pairwise regions).

    Starting from the polygon map (k = its largest id): a region of several cells that lies in no
    polygon becomes polygon k + 1; a region touching polygons merges all the polygons it touches
    under k + 1 (its cells outside them are not added, as upstream; upstream fails when exactly
    one cell touches a polygon, treated here like the merge case).
    """
    poly = np.zeros(shape, dtype=np.int64) if polygons is None else polygons.astype(np.int64, copy=True)
    top = int(poly.max()) if poly.size else 0
    for focal_id in (id_a, id_b):
        take = focal.ids == focal_id
        if np.count_nonzero(take) < 2:
            continue
        rows, cols = focal.rows[take], focal.cols[take]
        inside = poly[rows, cols]
        top += 1
        if not np.any(inside != 0):
            poly[rows, cols] = top
        else:
            poly[np.isin(poly, np.unique(inside[inside != 0]))] = top
    return poly


def _pairwise_regions(g, focal, ids, polygons, four_neighbours, avg_resistances, method, visit, excluded,
                      progress):
    m = ids.size
    resistances = np.full((m, m), -1.0)
    np.fill_diagonal(resistances, 0.0)
    rows, cols = first_cells(focal, ids)
    result = PairwiseResult(ids, resistances, None)
    pairs = [(ka, kb) for ka in range(m) for kb in range(ka + 1, m) if not excluded[ka, kb]]
    for step, (ka, kb) in enumerate(pairs):
        progress.update(step / len(pairs), f"Pair {ids[ka]}-{ids[kb]} ({step + 1}/{len(pairs)})"
                                           f" / 焦点对 {ids[ka]}-{ids[kb]}（{step + 1}/{len(pairs)}）")
        poly = region_polygons(polygons, focal, ids[ka], ids[kb], g.shape)
        graph = cell_graph(g, poly, four_neighbours, avg_resistances)
        a = int(graph.node_of_cell[rows[ka], cols[ka]])
        b = int(graph.node_of_cell[rows[kb], cols[kb]])
        if a < 0 or b < 0 or graph.labels[a] != graph.labels[b]:
            continue
        v = np.zeros(graph.n_nodes)
        if a != b:
            members = np.flatnonzero(graph.labels == graph.labels[a])
            free = members[members != a]
            matrix = grounded_laplacian(graph, free)
            solver = make_solver(matrix, method, 1)
            rhs = np.zeros(free.size)
            rhs[np.searchsorted(free, b)] = 1.0
            v[free] = solver.solve(rhs)
            result.solves += 1
            result.method = solver.method
        resistances[ka, kb] = resistances[kb, ka] = v[b]
        if visit is not None:
            visit(int(ids[ka]), int(ids[kb]), graph, v)
    progress.update(1.0)
    return result
