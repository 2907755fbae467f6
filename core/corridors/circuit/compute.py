"""Run a circuit analysis end to end: Circuitscape ``.ini`` files or the plugin's own options.

:func:`run_ini` is the equivalent of Circuitscape.jl's ``compute(ini)`` for raster (pairwise,
one-to-all, all-to-one, advanced) and network (pairwise, advanced) data and writes the files
Circuitscape writes (:class:`~.outputs.CircuitscapeFiles`); :func:`raster_run` is the shared
raster pipeline, also used by the Processing algorithm with its own output layout.

Differences from upstream, on purpose: rasters that are not on the habitat grid are rejected
(upstream warns); fewer than two focal ids on habitat cells is an error (upstream writes a
table of −1); network outputs keep the node ids of the input file (as Circuitscape 4).
"""
import os
from dataclasses import dataclass, field

import numpy as np

from ...io.raster import read_grid
from ...runtime.errors import InputError
from ...runtime.memory import check_memory
from ...runtime.progress import ensure
from .currents import node_currents
from .graph import cell_conductances, cell_graph, check_nodata_tag, estimate_graph_memory
from .ini import check_outputs_spare_inputs, read_ini
from .inputs import (
    aligned_layer,
    read_focal_file,
    read_grid_layer,
    read_included_pairs,
    read_point_values,
    read_source_strengths,
)
from .focal_tasks import FocalTasks
from .modes import advanced, merged_focal_polygons, node_sums, one_to_all
from .network import run_network
from .outputs import CircuitscapeFiles, MapAccumulator, cell_values, postprocess_current, postprocess_voltage
from .pairwise import pairwise, selected_ids
from .pairwise_tasks import CellGraphRecipe
from .solvers import estimate_multigrid_memory


@dataclass
class RasterInputs:
    """Arrays of a raster run on the habitat grid (``habitat``: :class:`~.inputs.GridLayer`)."""
    habitat: object
    g: np.ndarray
    polygons: np.ndarray = None
    focal: object = None
    selection: object = None
    strengths: dict = None
    sources: np.ndarray = None
    grounds: np.ndarray = None
    warnings: list = field(default_factory=list)


@dataclass
class RasterOptions:
    """What to compute and which maps to produce."""
    scenario: str = "pairwise"
    four_neighbours: bool = False
    avg_resistances: bool = False
    policy: str = "keepall"
    log_transform: bool = False
    null_currents: bool = False
    null_voltages: bool = False
    focal_currents_to_zero: bool = False
    pair_currents: bool = False
    pair_voltages: bool = False
    cumulative: bool = False
    maximum: bool = False
    voltages: bool = False


@dataclass
class RunSummary:
    """What a run produced: the ``files`` written, the ids and their resistances or values."""
    files: list = field(default_factory=list)
    ids: np.ndarray = None
    resistances: np.ndarray = None
    solves: int = 0
    method: str = ""
    warnings: list = field(default_factory=list)


def run_ini(path, output_folder=None, method="auto", progress=None, workers=1, scheduler=None):
    """Run the Circuitscape ``.ini`` at ``path``; outputs go beside ``output_file`` or into
    ``output_folder`` (same names); ``workers`` and ``scheduler`` as in :func:`raster_run`."""
    config = read_ini(path)
    stem = config.output_stem
    if output_folder:
        stem = os.path.join(os.path.abspath(output_folder), os.path.basename(stem))
    check_outputs_spare_inputs(config, stem)
    return run_config(config, stem, method, progress, workers, scheduler)


def run_config(config, stem, method="auto", progress=None, workers=1, scheduler=None):
    """Run a :class:`~.ini.CircuitscapeConfig`, writing outputs named ``<stem>_…``."""
    progress = ensure(progress)
    summary = RunSummary()
    folder = os.path.dirname(stem)
    if folder:
        os.makedirs(folder, exist_ok=True)
    if config.data_type == "network":
        run_network(config, stem, method, summary, progress)
    else:
        check_config_memory(config)
        inputs = raster_inputs_from_config(config, progress.sub(0.0, 0.05))
        options = raster_options_from_config(config)
        writer = CircuitscapeFiles(stem, inputs.habitat.grid, ".tif" if config.write_as_tif else ".asc")
        raster_run(inputs, options, writer, method, progress.sub(0.05, 1.0), summary, workers, scheduler)
        summary.files.extend(writer.files)
    summary.files.append(CircuitscapeFiles.write_config(config, stem))
    return summary


def check_config_memory(config):
    """Refuse a raster configuration whose habitat grid does not fit in memory, before reading it:
    every cell taken as a node, one right-hand side (as ``circuitscape`` estimates before its run)."""
    grid = read_grid(config.habitat_file)
    cells = grid.rows * grid.cols
    nnz = cells * (5 if config.connect_four_neighbors_only else 9)
    check_memory(estimate_graph_memory(grid.rows, grid.cols, cells, config.connect_four_neighbors_only)
                 + estimate_multigrid_memory(cells, nnz, 1),
                 f"Circuitscape .ini run on '{os.path.basename(config.habitat_file)}' ({grid.cols} x {grid.rows} "
                 "cells)")


def habitat_conductances(habitat, is_resistance=True, mask=None):
    """(cell conductances g, warnings) of a habitat :class:`~.inputs.GridLayer`, with an optional
    mask layer (cells where the mask is NoData or ≤ 0 are removed); no usable cell is an error."""
    check_nodata_tag(habitat.values, habitat.valid, habitat.name)
    g, negatives = cell_conductances(habitat.values, habitat.valid, is_resistance, habitat.name)
    warnings = []
    if negatives:
        warnings.append(f"'{habitat.name}' has {negatives} negative cell(s); they are treated as NoData "
                        f"(not habitat). / '{habitat.name}' 有 {negatives} 个负值像元，按 NoData 处理。")
    if mask is not None:
        g = g * (mask.valid & (mask.values > 0))
    if not np.any(g > 0):
        what = f"after applying the mask '{mask.name}'" if mask is not None else "(all NoData or ≤ 0)"
        raise InputError(f"'{habitat.name}' has no usable cell {what}. / '{habitat.name}' 没有可用像元。")
    return g, warnings


def check_focal(focal, g, polygons, name, minimum=2):
    """Refuse focal layers with fewer than ``minimum`` ids on habitat cells (or a short-circuit region)."""
    if focal.ids.size == 0:
        raise InputError(f"Focal nodes '{name}': no focal node (ids must be positive whole numbers). "
                         "/ 没有有效的焦点（编号必须为正整数）。")
    on_habitat = g[focal.rows, focal.cols] > 0
    if polygons is not None:
        on_habitat |= polygons[focal.rows, focal.cols] != 0
    usable = np.unique(focal.ids[on_habitat])
    if usable.size < minimum:
        raise InputError(
            f"Focal nodes '{name}': {usable.size} of {np.unique(focal.ids).size} focal ids lie on habitat cells "
            f"(at least {minimum} needed); the others are on NoData. Move them onto valid resistance cells. "
            "/ 落在有效阻力像元上的焦点少于两个，其余位于 NoData 上。")


def raster_inputs_from_config(config, progress=None):
    """Read every raster and text input a configuration names."""
    progress = ensure(progress)
    progress.update(0.0, "Reading the habitat raster / 读取生境栅格")
    habitat = read_grid_layer(config.habitat_file)
    mask = aligned_layer(config.mask_file, habitat, os.path.basename(config.mask_file)) \
        if config.use_mask and config.mask_file else None
    g, warnings = habitat_conductances(habitat, config.habitat_map_is_resistances, mask)
    inputs = RasterInputs(habitat, g, warnings=warnings)
    if config.use_polygons and config.polygon_file:
        layer = aligned_layer(config.polygon_file, habitat, os.path.basename(config.polygon_file))
        inputs.polygons = np.where(layer.valid, np.round(layer.values), 0).astype(np.int64)
    if config.scenario == "advanced":
        if not (config.source_file and config.ground_file):
            raise InputError("Advanced mode needs a source file and a ground file. / 高级模式需要电流源和接地文件。")
        values, given = read_point_values(config.source_file, habitat, "Current sources")
        inputs.sources = np.where(given, values, 0.0)
        if config.use_unit_currents:
            inputs.sources = (inputs.sources != 0).astype(np.float64)
        values, given = read_point_values(config.ground_file, habitat, "Grounds")
        inputs.grounds = ground_conductances(values, given, config.ground_file_is_resistances,
                                             config.use_direct_grounds)
    else:
        if not config.point_file:
            raise InputError(f"{config.scenario} mode needs a focal node file (point_file). / 需要焦点文件。")
        inputs.focal = read_focal_file(config.point_file, habitat)
        check_focal(inputs.focal, inputs.g, inputs.polygons, os.path.basename(config.point_file))
        if config.use_included_pairs and config.included_pairs_file:
            inputs.selection = read_included_pairs(config.included_pairs_file)
        if config.use_variable_source_strengths and config.variable_source_file \
                and config.scenario != "pairwise":
            inputs.strengths = read_source_strengths(config.variable_source_file)
    progress.update(1.0)
    return inputs


def raster_options_from_config(config):
    """Circuitscape's output switches translated to :class:`RasterOptions`."""
    any_current = config.write_cur_maps or config.write_cum_cur_map_only
    pairwise_mode = config.scenario == "pairwise"
    return RasterOptions(
        scenario=config.scenario, four_neighbours=config.connect_four_neighbors_only,
        avg_resistances=config.connect_using_avg_resistances, policy=config.remove_src_or_gnd,
        log_transform=config.log_transform_maps, null_currents=config.set_null_currents_to_nodata,
        null_voltages=config.set_null_voltages_to_nodata,
        focal_currents_to_zero=config.set_focal_node_currents_to_zero,
        # one-to-all writes its per-id maps even with write_cum_cur_map_only (upstream)
        pair_currents=(config.write_cur_maps and not config.write_cum_cur_map_only) if pairwise_mode else any_current,
        pair_voltages=config.write_volt_maps, cumulative=any_current,
        maximum=config.write_max_cur_maps and any_current,
        voltages=config.write_volt_maps if config.scenario == "advanced" else False)


def ground_conductances(values, given, is_resistance=True, direct=False):
    """Conductance to ground per cell: 1/r (r = 0 → inf, a direct ground) or the conductance;
    every ground becomes direct with ``direct``; cells without a ground value are 0."""
    out = np.zeros(values.shape, dtype=np.float64)
    positive = given & (values > 0)
    if is_resistance:
        out[given & (values == 0)] = np.inf
        out[positive] = 1.0 / values[positive]
    else:
        out[positive] = values[positive]
    if direct:
        out[out != 0] = np.inf
    return out


def raster_run(inputs, options, writer, method="auto", progress=None, summary=None, workers=1, scheduler=None):
    """Run one raster scenario and hand its maps and tables to ``writer``; returns a :class:`RunSummary`.

    ``workers`` (1 = in this process) and ``scheduler`` (a Dask address): where the independent
    solves run — pairwise mode with focal points (:mod:`.pairwise_tasks`), one-to-all and
    all-to-one (:mod:`.focal_tasks`); the result is the same.
    """
    progress = ensure(progress)
    summary = summary if summary is not None else RunSummary()
    summary.warnings.extend(inputs.warnings)
    if options.scenario == "pairwise":
        _pairwise(inputs, options, writer, method, progress, summary, workers, scheduler)
    elif options.scenario in ("one-to-all", "all-to-one"):
        _one_to_all(inputs, options, writer, method, progress, summary, workers, scheduler)
    elif options.scenario == "advanced":
        _advanced(inputs, options, writer, method, progress, summary)
    else:
        raise InputError(f"Unknown scenario '{options.scenario}'. / 未知模式。")
    progress.update(1.0)
    return summary


def _pairwise(inputs, options, writer, method, progress, summary, workers=1, scheduler=None):
    g, focal = inputs.g, inputs.focal
    maximum = options.maximum
    fast = (options.cumulative and not options.pair_currents and not maximum and not options.log_transform
            and not options.pair_voltages and not focal.has_regions and inputs.selection is None)
    accumulator = MapAccumulator(g.shape, cumulative=options.cumulative, maximum=maximum)
    any_current = options.cumulative or options.pair_currents or maximum

    def visit(a, b, graph, v):
        if any_current:
            currents = node_currents(graph, v)
            if options.focal_currents_to_zero:
                currents[[graph.node_of_cell[cell] for cell in _pair_cells(focal, a, b)]] = 0.0
            current = postprocess_current(cell_values(graph.node_of_cell, currents), g, options.log_transform,
                                          options.null_currents)
            accumulator.add(current)
            if options.pair_currents:
                writer.pair_current(a, b, current)
        if options.pair_voltages:
            writer.pair_voltage(a, b, postprocess_voltage(cell_values(graph.node_of_cell, v), g,
                                                          options.null_voltages))

    needs_visit = (any_current and not fast) or options.pair_voltages
    result = pairwise(g, focal, inputs.polygons, options.four_neighbours, options.avg_resistances,
                      inputs.selection, method, visit if needs_visit else None, fast,
                      progress.sub(0.0, 0.9), options.focal_currents_to_zero, workers, scheduler)
    if fast:
        total = cell_values(result.graph.node_of_cell, result.cumulative_nodes)
        accumulator.total = np.where(g > 0, total, -9999.0) if options.null_currents else total
    progress.update(0.9, "Writing the outputs / 写出结果")
    if options.cumulative:
        writer.cumulative(accumulator.cumulative())
    if maximum:
        writer.maximum(accumulator.maximum())
    writer.pairwise_table(result.ids, result.resistances)
    summary.ids, summary.resistances = result.ids, result.resistances
    summary.solves, summary.method = result.solves, result.method
    summary.warnings.extend(result.notes)


def _pair_cells(focal, a, b):
    """First cell (row, col) of focal ids a and b."""
    first = np.searchsorted(focal.ids, [a, b])
    return [(focal.rows[k], focal.cols[k]) for k in first]


def _one_to_all(inputs, options, writer, method, progress, summary, workers=1, scheduler=None):
    g, focal, selection = inputs.g, inputs.focal, inputs.selection
    ids = selected_ids(focal, selection)
    partners = None
    if selection is not None:
        partners = {int(i): {int(j) for j in ids if j != i and ((min(i, j), max(i, j)) in selection.pairs)
                             == (selection.mode == "include")} for i in ids}
        merged = inputs.polygons  # upstream rebuilds the node map from the polygon file only here
    else:
        merged = merged_focal_polygons(inputs.polygons, focal, g.shape)
    graph = cell_graph(g, merged, options.four_neighbours, options.avg_resistances)
    accumulator = MapAccumulator(g.shape, cumulative=options.cumulative, maximum=options.maximum)
    writer.begin_ids(ids)

    def visit(focal_id, solution):
        zero = np.zeros(graph.n_nodes)
        if options.cumulative or options.maximum or options.pair_currents:
            current = cell_values(graph.node_of_cell, zero if solution is None else solution.currents)
            accumulator.add(current)
            if options.pair_currents:
                writer.id_current(focal_id, current)
        if options.pair_voltages:
            writer.id_voltage(focal_id, cell_values(graph.node_of_cell, zero if solution is None else solution.v))

    tasks = FocalTasks(CellGraphRecipe(g, merged, options.four_neighbours, options.avg_resistances), workers,
                       scheduler) if workers > 1 or scheduler else None
    result = one_to_all(graph, focal, ids, options.scenario == "all-to-one", inputs.strengths, partners, method,
                        visit, progress.sub(0.0, 0.95), tasks)
    if tasks is not None:
        summary.warnings.extend(tasks.notes)
    if options.cumulative:
        writer.cumulative(accumulator.cumulative())
    if options.maximum:
        writer.maximum(accumulator.maximum())
    writer.node_table(result.ids, result.values)
    summary.ids, summary.resistances = result.ids, result.values
    summary.solves, summary.method = result.solves, result.method


def _advanced(inputs, options, writer, method, progress, summary):
    graph = cell_graph(inputs.g, inputs.polygons, options.four_neighbours, options.avg_resistances)
    solution = advanced(graph, node_sums(graph, inputs.sources), node_sums(graph, inputs.grounds), options.policy,
                        method, progress.sub(0.0, 0.95))
    if not solution.solved:
        raise InputError("Advanced mode: no component of the habitat holds both a current source and a ground; "
                         "nothing to solve. Check that sources and grounds lie on habitat cells. "
                         "/ 没有同时包含电流源和接地的连通区域。")
    if options.voltages:
        writer.voltage(cell_values(graph.node_of_cell, solution.v))
    if options.cumulative or options.pair_currents or options.maximum:
        writer.current(cell_values(graph.node_of_cell, solution.currents))
    summary.solves, summary.method = int(solution.solved), solution.method
