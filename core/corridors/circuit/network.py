"""Network (graph) mode: pairwise and advanced on a user graph (Circuitscape.jl ``src/network``).

The graph file lists ``i j value`` (a resistance unless ``habitat_map_is_resistances = False``).
Node ids are kept as given, also in output names and tables (as Circuitscape 4 and the expected
files; Circuitscape.jl adds 1 to 0-based files). Outputs, tab separated:

* pairwise: ``<stem>_resistances.out`` (+ ``_3columns``); per pair of focal nodes in one
  component ``_voltages_<a>_<b>.txt`` (``write_volt_maps``), ``_node_currents_<a>_<b>.txt`` and
  ``_branch_currents_<a>_<b>.txt`` (``write_cur_maps``; the pair's component, branches with
  |f| ≤ 1e-6 left out) and the sums over pairs ``_node_currents_cum.txt`` /
  ``_branch_currents_cum.txt`` (every node and branch, branches in file order);
* advanced: ``_voltages.txt``, ``_node_currents.txt``, ``_branch_currents.txt``.
"""
import numpy as np

from ...runtime.errors import InputError
from .currents import branch_flows, node_currents
from .graph import edge_graph
from .inputs import read_network_graph, read_node_list, read_node_values
from .modes import advanced
from .outputs import output_name, write_columns, write_resistance_columns, write_resistance_matrix
from .pairwise import pairwise_on_graph

#: Branch currents at or below this are left out of the per-pair branch tables (upstream).
BRANCH_MINIMUM = 1e-6


def network_graph(path, is_resistance=True):
    """(graph, node ids) from a graph file; ids sorted, node k has id ``ids[k]``."""
    a, b, value = read_network_graph(path)
    if is_resistance:
        if np.any(value == 0):
            raise InputError("The network graph has zero resistances; remove those edges or merge their nodes. "
                             "/ 网络中存在阻力为 0 的边。")
        conductance = np.where(value > 0, 1.0 / np.where(value > 0, value, 1.0), 0.0)
    else:
        conductance = np.where(value > 0, value, 0.0)
    ids = np.unique(np.concatenate((a, b))).astype(np.int64)
    i = np.searchsorted(ids, a.astype(np.int64))
    j = np.searchsorted(ids, b.astype(np.int64))
    return edge_graph(ids.size, i, j, conductance), ids


def _nodes_of(ids, wanted):
    position = np.searchsorted(ids, wanted)
    position = np.minimum(position, ids.size - 1)
    return np.where(ids[position] == wanted, position, -1)


def run_network(config, stem, method, summary, progress):
    """Run a network-mode configuration (pairwise or advanced)."""
    graph, ids = network_graph(config.habitat_file, config.habitat_map_is_resistances)
    if config.scenario == "pairwise":
        _network_pairwise(config, stem, graph, ids, method, summary, progress)
    elif config.scenario == "advanced":
        _network_advanced(config, stem, graph, ids, method, summary, progress)
    else:
        raise InputError(f"Network mode supports pairwise and advanced, not {config.scenario}. "
                         "/ 网络模式仅支持成对和高级模式。")


def _branch_rows(graph, ids, flows, keep):
    return ids[graph.i[keep]], ids[graph.j[keep]], np.abs(flows[keep])


def _network_pairwise(config, stem, graph, ids, method, summary, progress):
    if not config.point_file:
        raise InputError("Network pairwise mode needs a focal node list (point_file). / 需要焦点节点列表。")
    focal_ids = np.unique(read_node_list(config.point_file).astype(np.int64))
    nodes = _nodes_of(ids, focal_ids)
    currents = config.write_cur_maps
    node_total = np.zeros(graph.n_nodes)
    branch_total = np.zeros(graph.i.size)

    def visit(a, b, _graph, v):
        component = graph.labels[nodes[np.searchsorted(focal_ids, a)]]
        members = np.flatnonzero(graph.labels == component)
        if config.write_volt_maps:
            summary.files.append(write_columns(output_name(stem, f"voltages_{a}_{b}", ".txt"), ids[members],
                                               v[members], separator="\t"))
        if currents:
            flows = branch_flows(graph, v)
            node_current = node_currents(graph, v)
            node_total[:] += node_current
            branch_total[:] += np.abs(flows)
            summary.files.append(write_columns(output_name(stem, f"node_currents_{a}_{b}", ".txt"),
                                               ids[members], node_current[members], separator="\t"))
            keep = (graph.labels[graph.i] == component) & (np.abs(flows) > BRANCH_MINIMUM)
            summary.files.append(write_columns(output_name(stem, f"branch_currents_{a}_{b}", ".txt"),
                                               *_branch_rows(graph, ids, flows, keep), separator="\t"))

    needs_visit = currents or config.write_volt_maps
    result = pairwise_on_graph(graph, focal_ids, nodes, method, visit if needs_visit else None, progress=progress)
    if currents:
        summary.files.append(write_columns(output_name(stem, "node_currents_cum", ".txt"), ids, node_total,
                                           separator="\t"))
        summary.files.append(write_columns(output_name(stem, "branch_currents_cum", ".txt"), ids[graph.i],
                                           ids[graph.j], branch_total, separator="\t"))
    summary.files.append(write_resistance_matrix(output_name(stem, "resistances", ".out"), focal_ids,
                                                 result.resistances))
    summary.files.append(write_resistance_columns(output_name(stem, "resistances_3columns", ".out"),
                                                  focal_ids, result.resistances))
    summary.ids, summary.resistances = focal_ids, result.resistances
    summary.solves, summary.method = result.solves, result.method


def _network_advanced(config, stem, graph, ids, method, summary, progress):
    if not (config.source_file and config.ground_file):
        raise InputError("Network advanced mode needs a source file and a ground file. / 需要电流源和接地文件。")
    source_nodes, source_values = read_node_values(config.source_file, "Current sources")
    ground_nodes, ground_values = read_node_values(config.ground_file, "Grounds")
    sources = np.zeros(graph.n_nodes)
    grounds = np.zeros(graph.n_nodes)
    s_nodes = _nodes_of(ids, source_nodes.astype(np.int64))
    g_nodes = _nodes_of(ids, ground_nodes.astype(np.int64))
    if np.any(s_nodes < 0) or np.any(g_nodes < 0):
        raise InputError("Some source or ground nodes are not in the network graph. / 部分电流源或接地节点不在网络中。")
    values = np.where(config.use_unit_currents & (source_values != 0), 1.0, source_values)
    np.add.at(sources, s_nodes, values)
    if config.ground_file_is_resistances:
        conductance = np.where(ground_values == 0, np.inf,
                               np.where(ground_values > 0, 1.0 / np.where(ground_values > 0, ground_values, 1.0), 0.0))
    else:
        conductance = np.where(ground_values > 0, ground_values, 0.0)
    if config.use_direct_grounds:
        conductance = np.where(conductance != 0, np.inf, 0.0)
    np.add.at(grounds, g_nodes, conductance)
    solution = advanced(graph, sources, grounds, config.remove_src_or_gnd, method, progress)
    if config.write_volt_maps:
        summary.files.append(write_columns(output_name(stem, "voltages", ".txt"), ids, solution.v, separator="\t"))
    if config.write_cur_maps:
        flows = branch_flows(graph, solution.v)
        summary.files.append(write_columns(output_name(stem, "node_currents", ".txt"), ids, solution.currents,
                                           separator="\t"))
        summary.files.append(write_columns(output_name(stem, "branch_currents", ".txt"),
                                           *_branch_rows(graph, ids, flows, np.abs(flows) > BRANCH_MINIMUM),
                                           separator="\t"))
    summary.solves, summary.method = int(solution.solved), solution.method
