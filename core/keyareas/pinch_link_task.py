"""One link's circuit of the Pinchpoint Mapper as an independent task (adjacent-pair mode, spec
``linkage_mapper.md`` §3.1 steps 2-4), for :func:`...runtime.parallel.map_tasks`.

Shipped to a worker: the link's corridor window only (its bounding box, not the grid): the
resistance (float64), the valid cells and the corridor mask (bool), the focal ids (int64: core A's
and core B's cells in the corridor), 18 bytes per window cell. Back: the window's current (float32,
NaN outside the corridor; 4 bytes per cell) and R_AB.
"""
import numpy as np

from ..corridors.circuit.graph import estimate_graph_memory
from ..corridors.circuit.solvers import estimate_multigrid_memory
from .pinch_circuit import FOUR_NEIGHBOURS, check_window_memory, conductances, link_current

#: Bytes per window cell shipped to a worker and back.
SHIPPED_BYTES_PER_CELL = 8 + 1 + 1 + 8 + 4


def link_task_memory(rows, cols, nodes):
    """Peak bytes of one task: its window, the circuit graph and the multigrid solver."""
    return (rows * cols * SHIPPED_BYTES_PER_CELL + estimate_graph_memory(rows, cols, nodes, FOUR_NEIGHBOURS)
            + estimate_multigrid_memory(nodes, 9 * nodes))


def link_task(resistance, valid, mask, focal, core1, core2, square, method, what, resistance_name):
    """``(current, R_AB)`` of the pair's circuit on the corridor window; ``current`` None when the
    cores are not connected (the caller raises the cutoff error)."""
    g = conductances(resistance, valid & mask, square, resistance_name)
    check_window_memory(g, what)
    pair_current, r_ab = link_current(g, focal, core1, core2, method)
    if pair_current is None:
        return None, r_ab
    return np.where(mask, pair_current, np.nan).astype(np.float32), r_ab
