"""Branch and node currents from node voltages (Circuitscape.jl ``src/out.jl``).

* Branch flow ``f_e = w_e (v_i − v_j)`` for edge e = (i, j), i < j. Flows below 1e-8 × the
  largest flow of the same sign are set to 0 (Circuitscape drops them, separately for each
  orientation).
* Node current ``I_u = max(inflow, outflow)``: interior nodes carry ½ Σ|f|, a node injecting or
  extracting current shows that current. A finite ground's current ``g_u v_u`` counts as outflow
  (v > 0) or inflow (v < 0).

:func:`cumulative_superposed_currents` sums the node currents of every pair of a set of focal
nodes from the single-source solutions without forming the pairs (see its docstring).
"""
import os
import threading
from functools import partial

import numpy as np

from ...runtime.progress import ensure, run_workers

#: Flows smaller than this fraction of the largest flow of their sign are dropped.
FLOW_THRESHOLD = 1e-8
#: Temporary memory of one thread of the superposed cumulative current: its edge chunks hold
#: about 8 float64 values per edge and focal node (differences, sort order, weights, sums).
CHUNK_BYTES = 256 * 2 ** 20
#: Threads summing the currents of different edge chunks (numpy releases the GIL).
THREADS = max(1, min(2, os.cpu_count() or 1))


def branch_flows(graph, v):
    """Signed branch flows ``w (v_i − v_j)`` with Circuitscape's 1e-8 relative threshold."""
    f = graph.w * (v[graph.i] - v[graph.j])
    for sign in (1.0, -1.0):
        part = sign * f > 0
        if part.any():
            largest = np.max(sign * f[part])
            f[part & (sign * f < FLOW_THRESHOLD * largest)] = 0.0
    return f


def node_currents(graph, v, finite_ground=None):
    """Current through every node: ``max(inflow, outflow)`` including finite-ground currents."""
    f = branch_flows(graph, v)
    n = graph.n_nodes
    forward = np.where(f > 0, f, 0.0)
    backward = np.where(f < 0, -f, 0.0)
    outflow = np.bincount(graph.i, forward, n) + np.bincount(graph.j, backward, n)
    inflow = np.bincount(graph.j, forward, n) + np.bincount(graph.i, backward, n)
    if finite_ground is not None:
        ground = finite_ground * v
        outflow += np.where(ground > 0, ground, 0.0)
        inflow += np.where(ground < 0, -ground, 0.0)
    return np.maximum(outflow, inflow)


def pairwise_abs_sum(values, weights=None):
    """Σ_{k<l} m_k m_l |x_l − x_k| for every row of ``values`` (rows, p), by sorting each row.

    With unit weights this is Σ_t x_(t) (2t − p + 1) over the sorted row; with weights ``m`` the
    coefficient of the t-th smallest value is m_t (2 C_t − m_t − M), C the running sum of the
    sorted weights and M their total.
    """
    p = values.shape[1]
    if weights is None or np.all(weights == 1):
        ordered = np.sort(values, axis=1)
        return ordered @ (2.0 * np.arange(p, dtype=np.float64) - (p - 1))
    order = np.argsort(values, axis=1)
    ordered = np.take_along_axis(values, order, axis=1)
    mu = np.asarray(weights, dtype=np.float64)[order]
    running = np.cumsum(mu, axis=1)
    return np.einsum("ij,ij->i", ordered, mu * (2.0 * running - mu - mu.sum(axis=1, keepdims=True)))


def cumulative_superposed_currents(graph, columns, free_index, focal_nodes, multiplicity=None,
                                   progress=None, column_index=None):
    """Σ over all pairs of focal ids in one component of the node currents of each pair.

    ``focal_nodes``: the p distinct focal nodes of the component (grounded anchor first);
    ``columns``: (n_free, p − 1) voltages ``v^(k)`` of 1 A injected at focal node k = 2..p with
    the anchor grounded; ``free_index``: unknown index of every graph node (-1 when grounded or
    not solved); ``multiplicity``: number of focal ids on each focal node (default 1).

    By superposition, pair (a, b) has voltages ``v^(b) − v^(a)`` and flow ``w_e |d_e^b − d_e^a|``
    on edge e, where ``d_e^k`` is the voltage difference of solution k along e (0 for the
    anchor); ``column_index`` selects the columns of this component (default: all, no copy). Summed
    over pairs this is :func:`pairwise_abs_sum` per edge — O(E p log p) instead
    of solving or evaluating p(p − 1)/2 pairs. The node current of one pair is
    ½ (Σ incident |f| + injected current), so the sum is ½ Σ_e∋u w_e S_e plus, at focal node k,
    ½ m_k (M − m_k). The 1e-8 flow threshold of :func:`branch_flows` is not applied (a
    difference below 1e-8 A per edge and pair).
    """
    progress = ensure(progress)
    n = graph.n_nodes
    p = len(focal_nodes)
    weights = np.ones(p) if multiplicity is None else np.asarray(multiplicity, dtype=np.float64)
    solutions = [columns[:, c] for c in (range(columns.shape[1]) if column_index is None else column_index)]
    step = edge_chunk(p)
    chunks = [(start, min(start + step, graph.i.size)) for start in range(0, graph.i.size, step)]
    totals = [np.zeros(n) for _ in range(THREADS)]
    finished, stop = [], threading.Event()

    def worker(thread):
        for start, end in chunks[thread::THREADS]:
            if stop.is_set():
                return
            _add_chunk_currents(graph, start, end, solutions, free_index, weights, totals[thread])
            finished.append(end)

    def status():
        return len(finished) / max(len(chunks), 1), "Summing the currents of all pairs / 汇总所有焦点对的电流"
    run_workers([partial(worker, thread) for thread in range(THREADS)], progress, status, stop)
    total = totals.pop()
    for other in totals:
        total += other
    total *= 0.5
    grand = weights.sum()
    for node, m in zip(focal_nodes, weights):
        total[node] += 0.5 * m * (grand - m)
    progress.update(1.0)
    return total


def edge_chunk(focal_nodes):
    """Edges per chunk for ``focal_nodes`` focal nodes within :data:`CHUNK_BYTES`."""
    return max(1024, CHUNK_BYTES // (64 * max(focal_nodes, 1)))


def _add_chunk_currents(graph, start, stop, solutions, free_index, weights, total):
    """Add Σ_pairs w_e |d_e^b − d_e^a| of the edges start:stop to both ends' entries of ``total``."""
    ei = graph.i[start:stop]
    ej = graph.j[start:stop]
    fi = free_index[ei]
    fj = free_index[ej]
    involved = (fi >= 0) | (fj >= 0)
    if not involved.all():
        ei, ej, fi, fj = ei[involved], ej[involved], fi[involved], fj[involved]
    if ei.size == 0:
        return
    grounded_i, grounded_j = np.flatnonzero(fi < 0), np.flatnonzero(fj < 0)
    fi, fj = np.maximum(fi, 0), np.maximum(fj, 0)
    diff = np.zeros((ei.size, len(solutions) + 1))
    for k, solution in enumerate(solutions, start=1):
        at_i, at_j = solution[fi], solution[fj]
        at_i[grounded_i] = 0.0
        at_j[grounded_j] = 0.0
        np.subtract(at_i, at_j, out=diff[:, k])
    flow = graph.w[start:stop][involved] * pairwise_abs_sum(diff, weights)
    del diff
    total += np.bincount(ei, flow, total.size)
    total += np.bincount(ej, flow, total.size)
