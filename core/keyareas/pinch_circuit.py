"""Circuitscape runs of the Pinchpoint Mapper on a clipped grid, through the plugin's circuit engine
(:mod:`...corridors.circuit`, which reproduces Circuitscape's verification cases).

Options are Linkage Mapper's (``lm_util.set_cs_options``; spec ``linkage_mapper.md`` §3): raster
pairwise, 8 neighbours, ``connect_using_avg_resistances = True``, focal *regions* (every core
cell of the clip carries its core id), ``set_focal_node_currents_to_zero = True`` (Circuitscape 4),
resistances optionally squared. Node current = max(inflow, outflow) with Circuitscape's 1e-8
relative flow threshold (:mod:`...corridors.circuit.currents`).

* :func:`link_current` — one pair (adjacent-pair mode, §3.1 step 4): the current map of the pair
  and the effective resistance R_AB (in resistance units; the caller multiplies by the cell size).
* :func:`network_current` — all pairs or all to one over every core (§3.2): the cumulative
  current map and, in pairwise mode, the resistance matrix.
"""
import numpy as np

from ..corridors.circuit.compute import RasterInputs, RasterOptions, raster_run
from ..corridors.circuit.currents import node_currents
from ..corridors.circuit.graph import cell_conductances, estimate_graph_memory
from ..corridors.circuit.inputs import focal_cells_from_raster
from ..corridors.circuit.outputs import cell_values
from ..corridors.circuit.pairwise import first_cells, pairwise
from ..corridors.circuit.solvers import estimate_multigrid_memory
from ..runtime.memory import check_memory

#: Circuitscape options Linkage Mapper sets for pinch points.
FOUR_NEIGHBOURS = False
AVG_RESISTANCES = True


def conductances(resistance, valid, square=False, name="resistance"):
    """Cell conductances 1/r (or 1/r² with ``square``), 0 outside ``valid``."""
    values = np.square(resistance, dtype=np.float64) if square else resistance
    g, _negatives = cell_conductances(values, valid, True, name)
    return g


def check_window_memory(g, what):
    """Refuse a clip whose circuit would not fit in memory (graph + multigrid solver estimate)."""
    nodes = int(np.count_nonzero(g))
    check_memory(estimate_graph_memory(g.shape[0], g.shape[1], nodes, FOUR_NEIGHBOURS)
                 + estimate_multigrid_memory(nodes, 9 * nodes),
                 f"{what} ({g.shape[1]} x {g.shape[0]} cells, {nodes} nodes)")


def link_current(g, focal_ids, id_a, id_b, method="auto", progress=None):
    """Circuitscape pairwise between the focal regions ``id_a`` and ``id_b`` of ``focal_ids`` (int
    grid, 0 = not focal) on conductances ``g``.

    Returns ``(current, resistance)``: the pair's current map (float64 over the grid, 0 off the
    graph and on the two focal regions) and R_AB; ``(None, -1.0)`` when the two regions are not
    connected (or one is missing).
    """
    focal = focal_cells_from_raster(focal_ids.astype(np.float64), focal_ids != 0)
    found = {}

    def visit(a, b, graph, v):
        currents = node_currents(graph, v)
        rows, cols = first_cells(focal, np.array([a, b]))
        currents[graph.node_of_cell[rows, cols]] = 0.0  # set_focal_node_currents_to_zero
        found["current"] = cell_values(graph.node_of_cell, currents)

    if np.unique(focal.ids).size < 2:
        return None, -1.0
    result = pairwise(g, focal, None, FOUR_NEIGHBOURS, AVG_RESISTANCES, None, method, visit, False, progress, True)
    resistance = float(result.resistances[0, 1])
    if resistance < 0 or "current" not in found:
        return None, -1.0
    return found["current"], resistance


class _Capture:
    """A writer for :func:`...corridors.circuit.compute.raster_run` that keeps the maps in memory."""

    def __init__(self):
        self.current = None
        self.ids = None
        self.resistances = None

    def cumulative(self, array):
        self.current = array

    def pairwise_table(self, ids, resistances):
        self.ids, self.resistances = ids, resistances

    def node_table(self, ids, values):
        self.ids = ids

    def begin_ids(self, ids):
        pass

    def maximum(self, array):
        pass

    def pair_current(self, a, b, array):
        pass

    def pair_voltage(self, a, b, array):
        pass

    def id_current(self, focal_id, array):
        pass

    def id_voltage(self, focal_id, array):
        pass


def network_current(g, focal_ids, all_to_one=False, method="auto", progress=None):
    """Cumulative current of Circuitscape pairwise (or all-to-one) over every focal region of
    ``focal_ids`` on conductances ``g``: ``(current, ids, resistances, solves)`` (``resistances`` None
    in all-to-one mode)."""
    focal = focal_cells_from_raster(focal_ids.astype(np.float64), focal_ids != 0)
    options = RasterOptions(scenario="all-to-one" if all_to_one else "pairwise", four_neighbours=FOUR_NEIGHBOURS,
                            avg_resistances=AVG_RESISTANCES, focal_currents_to_zero=True, cumulative=True)
    writer = _Capture()
    summary = raster_run(RasterInputs(None, g, focal=focal), options, writer, method, progress)
    return writer.current, writer.ids, None if all_to_one else writer.resistances, summary.solves
