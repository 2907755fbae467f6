"""Does a surface defeat fast sweeping (:mod:`.sweep`)? A cheap test before any sweep is built.

One sweep phase (a down pass, then an up pass, each row scanned both ways inside its runs of
valid cells) reaches exactly the cells joined to a source by a path that first goes only down
(or sideways) and then only up. In a maze or a spiral most cells connected to a source need
more turns than that, one more stretch per phase, and Dijkstra is faster. The reach of the first
phase depends only on the valid mask, so it is found on the graph of the runs (maximal row
segments of valid cells; a run is reached as a whole): run ``u`` in row ``r`` leads down to run
``v`` in row ``r + 1`` when their columns, widened by one for the diagonal moves, overlap. Two
breadth-first searches (scipy.sparse.csgraph), down from the sources' runs and then up from every
run reached, give the first phase's reach; connected components give the cells that can be
reached at all (NoData can cut cells off for good at no cost to a sweep). Cost: linear in the
number of runs, about 0.4 us per run (17 ms on a smooth 1024^2 grid, 1 s on a 3162^2 maze with a
run every 4 cells: 5-16 % of a Dijkstra run there).
"""
import numpy as np

#: Share of the connected cells left unreached by the first phase that marks a maze.
MAZE_SHARE = 0.01


def _runs(valid):
    """Flat start and inclusive end of every run of valid cells, in row order."""
    first = valid.copy()
    first[:, 1:] &= ~valid[:, :-1]
    starts = np.flatnonzero(first)
    del first
    last = valid.copy()
    last[:, :-1] &= ~valid[:, 1:]
    return starts, np.flatnonzero(last)


def first_phase_counts(valid, sources):
    """``(reached, connected)``: valid cells one sweep phase reaches from ``sources`` (bool grid,
    on valid cells), and valid cells joined to a source at all (8 neighbours)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import breadth_first_order, connected_components
    cols = valid.shape[1]
    starts, ends = _runs(valid)
    n = starts.size
    row = starts // cols
    stride = cols + 2  # keys r * stride + c + 1 keep rows apart with the widened columns
    key_type = np.int32 if valid.size + 2 * valid.shape[0] < 2 ** 31 else np.int64
    start_key = (starts + 2 * row + 1).astype(key_type)
    end_key = (ends + 2 * row + 1).astype(key_type)
    # runs u of the row above run v overlapping its columns widened by one: e_u >= s_v - 1, s_u <= e_v + 1
    lo = np.searchsorted(end_key, start_key - stride - 1, "left")
    hi = np.searchsorted(start_key, end_key - stride + 1, "right")
    count = np.maximum(hi - lo, 0)
    count[row == 0] = 0
    upper = (np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count) + np.repeat(lo, count)).astype(key_type)
    source_runs = np.unique(np.searchsorted(starts, np.flatnonzero(sources), "right") - 1)
    length = ends - starts + 1
    # edges grouped by their lower run: the CSR graph leading up, without a conversion
    up = csr_matrix((np.ones(upper.size, np.int8), upper, np.concatenate(([0], np.cumsum(count)))), shape=(n, n))
    down = up.T.tocsr()

    def reach(graph, seeds):  # runs reached from ``seeds``: an extra node n leads to every seed
        hub = csr_matrix((np.ones(graph.nnz + seeds.size, np.int8), np.concatenate((graph.indices, seeds)),
                          np.concatenate((graph.indptr, [graph.nnz + seeds.size]))), shape=(n + 1, n + 1))
        order = breadth_first_order(hub, n, directed=True, return_predecessors=False)
        return order[order < n]

    reached = reach(up, reach(down, source_runs))  # down the rows, then up
    _, component = connected_components(up, directed=False)
    connected = np.isin(component, component[source_runs])
    return int(length[reached].sum()), int(length[connected].sum())


def defeats_sweeps(valid, sources):
    """True when the first sweep phase leaves over :data:`MAZE_SHARE` of the valid cells
    connected to a source unreached (a maze: paths there wind up and down)."""
    reached, connected = first_phase_counts(valid, sources)
    return connected - reached > MAZE_SHARE * connected
