"""The Processing algorithm's circuit analysis: layers in, maps and a resistance table out.

Inputs are files (the wrapper resolves QGIS layers to paths): a resistance (or conductance)
raster, focal nodes as a raster of ids or a point/polygon vector layer with an id field
(polygons are focal regions), short-circuit regions as a raster of ids or polygons, sources and
grounds rasters for advanced mode. Vectors are burnt onto the resistance grid (points: the cell
holding the point; polygons: cells whose centre is inside). Everything then runs through
:func:`.compute.raster_run`.
"""
import os
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from ...io.raster import read_grid
from ...io.rasterize import distinct_values, rasterize_features
from ...runtime.errors import InputError
from ...runtime.memory import check_memory
from ...runtime.progress import ensure
from .compute import RasterInputs, check_focal, ground_conductances, habitat_conductances, raster_run
from .graph import estimate_graph_memory
from .inputs import aligned_layer, focal_cells_from_raster, read_grid_layer, read_included_pairs
from .solvers import estimate_multigrid_memory


@dataclass
class LayerSource:
    """A raster file, or a vector file (``layer`` inside it) whose ``field`` holds ids."""
    path: str
    name: str = ""
    layer: str = None
    field: str = None
    is_vector: bool = False


def _vector_ids(source, habitat, what):
    """Integer ids of a vector layer burnt onto the habitat grid (0 = none)."""
    ids = rasterize_features(source.path, habitat.grid, source.layer, attribute=source.field,
                             burn_value=1, all_touched=False, dtype=np.int32)
    if not np.any(ids != 0):
        raise InputError(f"{what} '{source.name}': no feature falls on a cell of '{habitat.name}'. Check the "
                         f"extent and the coordinate reference system. / {what}图层没有要素落在栅格范围内。")
    return ids.astype(np.int64)


def read_focal(source, habitat):
    """:class:`~.inputs.FocalCells` from a raster of ids or a point/polygon layer."""
    if source.is_vector:
        ids = _vector_ids(source, habitat, "Focal nodes")
        wanted = {int(v) for v in distinct_values(source.path, source.layer, source.field) if float(v) > 0}
        missing = sorted(wanted - {int(v) for v in np.unique(ids)})
        if missing:
            shown = ", ".join(str(v) for v in missing[:10]) + (" ..." if len(missing) > 10 else "")
            raise InputError(
                f"Focal nodes '{source.name}': id(s) {shown} fall outside the resistance raster '{habitat.name}' "
                "(or are polygons too small to cover a cell centre). Check the extent and the coordinate reference "
                f"system, or remove them. / 焦点 {shown} 落在阻力栅格范围之外（或面太小，未覆盖任何像元中心）。")
        return focal_cells_from_raster(ids.astype(np.float64), ids != 0, source.name)
    layer = aligned_layer(source.path, habitat, source.name)
    return focal_cells_from_raster(layer.values, layer.valid, source.name)


def read_short_circuit(source, habitat):
    """Short-circuit region ids: a raster of ids, or polygons (by id field, else each connected patch)."""
    if source.is_vector:
        if source.field:
            return _vector_ids(source, habitat, "Short-circuit regions")
        burnt = _vector_ids(source, habitat, "Short-circuit regions") != 0
        labels, _count = ndimage.label(burnt, structure=np.ones((3, 3), dtype=bool))
        return labels.astype(np.int64)
    layer = aligned_layer(source.path, habitat, source.name)
    return np.where(layer.valid, np.round(layer.values), 0).astype(np.int64)


def estimate_analysis_memory(resistance_path, four_neighbours=False, n_rhs=1):
    """Bytes a run on ``resistance_path`` may need (every cell taken as a node; multigrid solver)."""
    grid = read_grid(resistance_path)
    cells = grid.rows * grid.cols
    nnz = cells * (5 if four_neighbours else 9)
    return estimate_graph_memory(grid.rows, grid.cols, cells, four_neighbours) + \
        estimate_multigrid_memory(cells, nnz, n_rhs)


def analyse(resistance, options, writer, is_conductance=False, focal=None, short_circuit=None,
            include_pairs=None, sources=None, grounds=None, grounds_are_resistances=True, direct_grounds=False,
            method="auto", progress=None, workers=1, scheduler=None):
    """Run one scenario of ``options`` (:class:`~.compute.RasterOptions`) on layer sources; ``workers``
    and ``scheduler`` as in :func:`.compute.raster_run`.

    Returns the :class:`~.compute.RunSummary`; maps and tables go to ``writer``
    (:class:`~.outputs.LayerFiles`).
    """
    progress = ensure(progress)
    progress.update(0.0, "Reading the inputs / 读取输入数据")
    habitat = read_grid_layer(resistance.path, resistance.name or os.path.basename(resistance.path))
    g, warnings = habitat_conductances(habitat, not is_conductance)
    inputs = RasterInputs(habitat, g, warnings=warnings)
    if writer.grid is None:
        writer.grid = habitat.grid
    if short_circuit is not None:
        inputs.polygons = read_short_circuit(short_circuit, habitat)
    if options.scenario == "advanced":
        if sources is None or grounds is None:
            raise InputError("Advanced mode needs a current source raster (SOURCES) and a ground raster (GROUNDS). "
                             "/ 高级模式需要电流源栅格和接地栅格。")
        source_layer = aligned_layer(sources.path, habitat, sources.name)
        inputs.sources = np.where(source_layer.valid, source_layer.values, 0.0)
        ground_layer = aligned_layer(grounds.path, habitat, grounds.name)
        inputs.grounds = ground_conductances(ground_layer.values, ground_layer.valid, grounds_are_resistances,
                                             direct_grounds)
        n_rhs = 1
    else:
        if focal is None:
            raise InputError("Choose the focal nodes layer (FOCAL). / 请选择焦点图层。")
        inputs.focal = read_focal(focal, habitat)
        check_focal(inputs.focal, g, inputs.polygons, focal.name)
        if include_pairs:
            inputs.selection = read_included_pairs(include_pairs)
        n_rhs = max(np.unique(inputs.focal.ids).size - 1, 1)
    nodes = int(np.count_nonzero(g))
    nnz = nodes * (5 if options.four_neighbours else 9)
    check_memory(estimate_graph_memory(*g.shape, nodes, options.four_neighbours)
                 + estimate_multigrid_memory(nodes, nnz, n_rhs),
                 f"Circuit analysis on '{habitat.name}' ({g.shape[1]} x {g.shape[0]} cells, {nodes} nodes)")
    return raster_run(inputs, options, writer, method, progress.sub(0.05, 1.0), workers=workers, scheduler=scheduler)

