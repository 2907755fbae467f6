"""Predecessors and source cells of a swept cost-distance surface (:mod:`.sweep`).

Predecessor of a reached, non-source cell ``c``: the neighbour ``n`` minimising ``d[n] + w(n, c)``
(the last step of a least-cost path, Bellman); with ``d`` converged this is ``d[c]`` up to the
sweep tolerance and ``d[n] < d[c]``, so following predecessors ends on a source. The horizontal
weights are taken as differences of the prefix sums ``P`` (equal to the edge weight up to a
rounding unit of ``P``), which only matters between paths tied to that precision.
Source cell of every cell: pointer jumping along the predecessors (Wyllie 1979), each round
doubles the length followed, so ``log2`` of the longest path rounds.
"""
import numpy as np


def predecessors(grid, distance):
    """int64 grid of the flat index of each cell's predecessor; -1 on sources (distance 0),
    unreached and NoData cells."""
    rows, cols = distance.shape
    best = np.full(distance.shape, np.inf)
    step = np.zeros(distance.shape, dtype=np.int64)
    cand = np.empty(distance.shape)
    horizontal = np.diff(grid.P, axis=1)
    # (target slice, neighbour slice, weight) for the 8 moves into a cell
    moves = (
        ((slice(1, None), slice(None)), (slice(None, -1), slice(None)), grid.wv, -cols),
        ((slice(None, -1), slice(None)), (slice(1, None), slice(None)), grid.wv, cols),
        ((slice(None), slice(1, None)), (slice(None), slice(None, -1)), horizontal, -1),
        ((slice(None), slice(None, -1)), (slice(None), slice(1, None)), horizontal, 1),
        ((slice(1, None), slice(1, None)), (slice(None, -1), slice(None, -1)), grid.wa, -cols - 1),
        ((slice(None, -1), slice(None, -1)), (slice(1, None), slice(1, None)), grid.wa, cols + 1),
        ((slice(1, None), slice(None, -1)), (slice(None, -1), slice(1, None)), grid.wb, -cols + 1),
        ((slice(None, -1), slice(1, None)), (slice(1, None), slice(None, -1)), grid.wb, cols - 1),
    )
    for target, neighbour, weight, offset in moves:
        c = cand[target]
        np.add(distance[neighbour], weight, out=c)
        better = c < best[target]
        np.putmask(best[target], better, c)
        np.putmask(step[target], better, offset)
    del cand, best, horizontal
    done = ~np.isfinite(distance) | (distance == 0.0)
    pred = np.arange(rows * cols, dtype=np.int64).reshape(rows, cols)
    pred += step
    pred[done] = -1
    return pred


def sources_of(predecessor, distance):
    """int64 grid of the flat index of the source each cell's predecessor chain ends on (the cell
    itself on sources; -1 on unreached and NoData cells)."""
    flat = predecessor.reshape(-1)
    root = np.arange(flat.size, dtype=np.int64)
    active = np.flatnonzero(flat >= 0)
    root[active] = flat[active]
    # a cell is done once its current root has no predecessor (a source)
    active = active[flat[root[active]] >= 0]
    for _ in range(64):
        if not active.size:
            break
        jump = root[root[active]]
        root[active] = jump
        active = active[flat[jump] >= 0]
    else:
        raise RuntimeError("Predecessor chains do not end on a source (a cycle).")
    root[~np.isfinite(distance.reshape(-1))] = -1
    return root.reshape(predecessor.shape)
