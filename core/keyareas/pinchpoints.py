"""Pinch points: where current concentrates inside the least-cost corridors (Linkage Mapper's
Pinchpoint Mapper, ``s8_pinchpoints.py`` driving Circuitscape 4; spec ``linkage_mapper.md`` §3).

Input: cores and resistance as ``ecosecurity:corridors`` takes them and its link table (active
links: ``link_type >= 1``, :mod:`.pinch_links`). Every core with an active link gets one
cost-distance search, reused by all its links (:mod:`.pinch_corridors`).

**Adjacent-pair mode** (``MODE`` 0, §3.1), for each active link (A, B):

1. corridor = NLCC_AB = CWD_A + CWD_B − LCD_AB <= ``cutoff`` (cost units), cropped to its bounding
   box: each link is solved on its own corridor window, so time and memory follow the corridor;
2. resistance (squared with ``square``) kept on the corridor, NoData elsewhere;
3. focal regions: the cells of core A in the corridor (id A) and of core B (id B);
4. Circuitscape pairwise with Linkage Mapper's options (:mod:`.pinch_circuit`): the pair's
   current map and effective resistance R_AB;
5. the per-link maps mosaicked by **maximum**; every core cell set to NoData (SETCORESTONULL);
6. link table: ``eff_resist`` = cell size × R_AB, ``cwd_to_eff_resist`` = cw_dist / eff_resist
   (both −1 for inactive links and when resistances are squared, as Linkage Mapper leaves them out).

**All pairs / all to one** (``MODE`` 1 / 2, §3.2): resistance clipped to the corridor mosaic
(cells within ``cutoff`` of any active link) ∪ every core cell, all cores as focal regions,
Circuitscape pairwise (or all-to-one) → cumulative current, cores NoData. The link table's two
columns stay −1 (Linkage Mapper fills them in adjacent-pair mode only).

Reproduction: each step calls the circuit engine that reproduces Circuitscape's verification cases
(Circuitscape.jl cases to 1e-8; ``set_focal_node_currents_to_zero`` as in Circuitscape 4) on the
same clipped grid and focal regions Linkage Mapper builds; cost distances follow the ESRI rule
exactly, in float64 (ArcGIS stores float32, so cells right at the cutoff may fall on the other side).
Cells outside every corridor are NoData (0 in no map), as in Linkage Mapper's mosaic.

Memory: the grids of the run (:data:`KEPT_BYTES_PER_CELL`) plus the largest cost-distance search
(at most the whole grid: :func:`...corridors.costdist.estimate_cost_distance_memory`, which a
search needs at least; it uses Dijkstra when that fits); each circuit is checked
against the free memory before it is built, on its own window.
"""
import math
from contextlib import closing
from dataclasses import dataclass, field

import numpy as np

from ..corridors.costdist import estimate_cost_distance_memory
from ..corridors.linkage.cores import Cores
from ..corridors.linkage.corridors import CwdStore
from ..corridors.linkage.run import read_cores
from ..io.crs import check_projected
from ..io.raster import read_grid, read_raster, write_raster
from ..runtime.errors import InputError
from ..runtime.progress import ensure
from ..runtime.parallel import fit_workers, map_tasks
from .pinch_circuit import check_window_memory, conductances, network_current
from .core_searches import check_resistance
from .pinch_corridors import bounding_window, corridor_mask, cost_searches
from .pinch_link_task import link_task, link_task_memory
from .pinch_links import active_links

#: Modes, in the order of the ``MODE`` parameter (public contract).
MODES = ("adjacent_pairs", "all_pairs", "all_to_one")
ADJACENT_PAIRS, ALL_PAIRS, ALL_TO_ONE = range(3)
#: Columns added to the link table (``OUTPUT_LINKS``).
LINK_VALUE_FIELDS = ("eff_resist", "cwd_to_eff_resist")
#: NoData of the current raster.
NODATA = -9999.0
#: Bytes per cell of the grids a run keeps: resistance (float64), valid, core ids (int64), core
#: labels (int32), current mosaic (float32), corridor union (bool), and a float32 copy on writing.
KEPT_BYTES_PER_CELL = 8 + 1 + 8 + 4 + 4 + 1 + 4

_BI = " / "


@dataclass
class Names:
    """Layer names used in messages."""
    resistance: str = "RESISTANCE"
    cores: str = "CORES"
    links: str = "LINKS"


@dataclass
class PinchResult:
    """``current``: float32 grid (NaN = NoData: cores and cells outside every corridor);
    ``eff_resist`` and ``cwd_to_eff_resist``: one value per row of the link table (−1 = not
    computed); ``links``: the active links; ``window_cells``: cells of each circuit's window;
    ``solves``: linear solves; ``warnings``."""
    current: np.ndarray
    eff_resist: list
    cwd_to_eff_resist: list
    links: list
    window_cells: list = field(default_factory=list)
    solves: int = 0
    warnings: list = field(default_factory=list)

    def link_values(self):
        """One dict per row of the link table: :data:`LINK_VALUE_FIELDS`."""
        return [dict(eff_resist=e, cwd_to_eff_resist=r) for e, r in zip(self.eff_resist, self.cwd_to_eff_resist)]


def estimate_pinchpoints_memory(rows, cols):
    """Peak bytes of :func:`pinch_points` on a ``rows`` x ``cols`` grid before its circuits (each
    circuit is checked on its own window when it is built)."""
    return int(rows) * int(cols) * KEPT_BYTES_PER_CELL + estimate_cost_distance_memory(rows, cols)


def estimate_memory(resistance_path):
    """Peak bytes of a run on the grid of ``resistance_path``."""
    grid = read_grid(resistance_path)
    return estimate_pinchpoints_memory(grid.rows, grid.cols)


def _cutoff_error(link, cutoff, names, what):
    return InputError(
        f"CWD_CUTOFF = {cutoff:g} leaves the corridor of link {link.link_id} ({link.core1}-{link.core2}) {what}, so "
        "no current can flow between its cores. Use a larger cutoff (the corridor width in cost units, e.g. the "
        f"TRUNCATE_WIDTH of ecosecurity:corridors).{_BI}CWD_CUTOFF = {cutoff:g} 使连接 {link.link_id}"
        f"（{link.core1}-{link.core2}）的廊道不能同时包含并连通两个核心区，请增大廊道宽度阈值。")


def pinch_points(core_ids, resistance, valid, cell_size, link_rows, cutoff, mode=ADJACENT_PAIRS, square=False,
                 progress=None, scratch=None, method="auto", names=None, workers=1, scheduler=None):
    """Pinch-point currents on arrays; returns a :class:`PinchResult`.

    ``core_ids``: int grid (> 0 = core id); ``resistance``: float grid; ``valid``: bool grid (False =
    NoData); ``cell_size``: map units; ``link_rows``: the link table as dicts (fields of
    ``ecosecurity:corridors`` OUTPUT_LINKS); ``cutoff``: corridor width in cost units; ``mode``: index
    of :data:`MODES`; ``square``: square the resistances for the circuits (the corridors use the
    resistances as given); ``scratch``: folder for the per-core CWD files; ``workers`` (1 = in this
    process) and ``scheduler`` (a Dask address): where the per-core cost-distance searches
    (:mod:`.pinch_search_task`) and the per-link circuits of adjacent-pair mode
    (:mod:`.pinch_link_task`) run (same output whichever).
    """
    progress = ensure(progress)
    names = names or Names()
    if mode not in range(len(MODES)):
        raise InputError(f"MODE must be 0 (adjacent pairs), 1 (all pairs) or 2 (all to one), got {mode}."
                         f"{_BI}MODE 必须为 0、1 或 2。")
    cutoff = float(cutoff)
    if not math.isfinite(cutoff):
        raise InputError(f"CWD_CUTOFF must be a number, got {cutoff}.{_BI}CWD_CUTOFF 必须为数值。")
    if not (cell_size > 0 and math.isfinite(cell_size)):
        raise InputError(f"The cell size must be a positive number, got {cell_size}.{_BI}像元大小必须为正数。")
    resistance = np.asarray(resistance, dtype=np.float64)
    valid = np.asarray(valid, dtype=bool) & np.isfinite(resistance)
    check_resistance(resistance, valid, names.resistance, (
        "pinch points need resistances > 0 (>= 1 recommended) for both the cost distances and the circuit.",
        "成本距离与电路计算都要求阻力大于 0（建议 >= 1），"))
    cores = Cores(core_ids, valid, names.cores)
    link_rows = list(link_rows)
    links = active_links(link_rows, cores.ids, names.links, names.cores)
    label_of = {int(core_id): k + 1 for k, core_id in enumerate(cores.ids)}
    current = np.full(valid.shape, np.nan, dtype=np.float32)
    eff_resist = [-1.0] * len(link_rows)
    ratio = [-1.0] * len(link_rows)
    result = PinchResult(current, eff_resist, ratio, links)

    with CwdStore(scratch) as store:
        lcds = cost_searches(cores, resistance, valid, cell_size, links, cutoff, store, progress.sub(0.0, 0.4),
                             (names.links, names.resistance), workers, scheduler, result.warnings)
        if mode == ADJACENT_PAIRS:
            _adjacent_pairs(cores, resistance, valid, cell_size, links, lcds, label_of, cutoff, square, store, method,
                            result, names, progress.sub(0.4, 0.98), workers, scheduler)
        else:
            _whole_network(cores, resistance, valid, links, lcds, label_of, cutoff, square, store, method,
                           mode == ALL_TO_ONE, result, names, progress.sub(0.4, 0.98))
    current[cores.labels > 0] = np.nan  # Linkage Mapper's SETCORESTONULL
    progress.update(1.0, "Pinch points done / 夹点计算完成")
    return result


def _link_window(store, link, lcds, label_of, cores, cutoff, names):
    """(window, corridor mask, label A, label B) of a link, or the cutoff error."""
    label_a, label_b = label_of[link.core1], label_of[link.core2]
    window, mask = corridor_mask(store, label_a, label_b, lcds[link.row], cutoff)
    if window is None:
        raise _cutoff_error(link, cutoff, names, "empty")
    labels = cores.labels[window.slices]
    for label, core_id in ((label_a, link.core1), (label_b, link.core2)):
        if not np.any(mask & (labels == label)):
            raise _cutoff_error(link, cutoff, names, f"without core {core_id}")
    return window, mask, label_a, label_b


def _link_tasks(cores, resistance, valid, links, lcds, label_of, cutoff, square, store, method, names, windows):
    """The :func:`.pinch_link_task.link_task` arguments of each link, built when asked for (its
    window appended to ``windows``)."""
    for link in links:
        window, mask, label_a, label_b = _link_window(store, link, lcds, label_of, cores, cutoff, names)
        windows.append(window)
        rows, cols = window.slices
        labels = cores.labels[rows, cols]
        focal = np.where(mask & (labels == label_a), link.core1, np.where(mask & (labels == label_b), link.core2, 0))
        yield (resistance[rows, cols].copy(), valid[rows, cols].copy(), mask, focal.astype(np.int64), link.core1,
               link.core2, square, method, f"The circuit of link {link.link_id}", names.resistance)


def _task_memory(cores, valid, links, lcds, label_of, cutoff, store, names):
    """Peak bytes of the largest link task (a pass over the corridor masks before the circuits)."""
    largest = 0
    for link in links:
        window, mask, _, _ = _link_window(store, link, lcds, label_of, cores, cutoff, names)
        nodes = int(np.count_nonzero(mask & valid[window.slices]))
        largest = max(largest, link_task_memory(*window.shape, nodes))
    return largest


def _adjacent_pairs(cores, resistance, valid, cell_size, links, lcds, label_of, cutoff, square, store, method,
                    result, names, progress, workers=1, scheduler=None):
    if workers > 1 and not scheduler:
        workers, message = fit_workers(workers, _task_memory(cores, valid, links, lcds, label_of, cutoff, store,
                                                             names), "Pinch points (one circuit per worker)",
                                       here=True)
        if message:
            result.warnings.append(message)
    progress.update(0.0, f"Pinch points of {len(links)} links / {len(links)} 条连接的夹点")
    windows = []
    tasks = _link_tasks(cores, resistance, valid, links, lcds, label_of, cutoff, square, store, method, names, windows)
    with closing(map_tasks(link_task, tasks, len(links), workers, scheduler, progress,
                           lambda k: f"Link {links[k].link_id} ({links[k].core1}-{links[k].core2})")) as outcomes:
        for k, (current, r_ab) in enumerate(outcomes):  # drained, so the workers are shut down in order
            _fold_link(result, links[k], windows[k], current, r_ab, cell_size, cutoff, square, names)


def _fold_link(result, link, window, current, r_ab, cell_size, cutoff, square, names):
    """Mosaic one link's current by maximum and fill its row of the link table."""
    if current is None:
        raise _cutoff_error(link, cutoff, names, "without a connection between its cores")
    block = result.current[window.slices]
    np.fmax(block, current, out=block)
    result.window_cells.append(window.size)
    result.solves += 1
    if not square:
        result.eff_resist[link.row] = cell_size * r_ab
        result.cwd_to_eff_resist[link.row] = link.cw_dist / (cell_size * r_ab) if r_ab > 0 else -1.0


def _whole_network(cores, resistance, valid, links, lcds, label_of, cutoff, square, store, method, all_to_one,
                   result, names, progress):
    corridor = cores.labels > 0
    for k, link in enumerate(links):
        progress.update(0.3 * k / len(links), f"Corridor of link {link.link_id} ({k + 1}/{len(links)}) "
                                              f"/ 连接 {link.link_id} 的廊道（{k + 1}/{len(links)}）")
        window, mask, _, _ = _link_window(store, link, lcds, label_of, cores, cutoff, names)
        corridor[window.slices] |= mask
    window = bounding_window(corridor)
    rows, cols = window.slices
    region = corridor[rows, cols]
    g = conductances(resistance[rows, cols], valid[rows, cols] & region, square, names.resistance)
    labels = cores.labels[rows, cols]
    focal = np.where(labels > 0, np.concatenate(([0], cores.ids))[labels], 0).astype(np.int64)
    check_window_memory(g, "The circuit of the corridor network")
    what = "all to one" if all_to_one else "all pairs"
    progress.update(0.3, f"Circuit over the corridor network ({what}) / 廊道网络电路计算")
    total, _ids, _resistances, solves = network_current(g, focal, all_to_one, method, progress.sub(0.3, 1.0))
    result.current[rows, cols] = np.where(region, total, np.nan).astype(np.float32)
    result.window_cells.append(window.size)
    result.solves = solves


def run_pinchpoints(resistance_path, cores, link_rows, cutoff, output_path, mode=ADJACENT_PAIRS, square=False,
                    progress=None, names=None, method="auto", workers=1, scheduler=None):
    """Pinch points from files: reads the resistance and the cores (a
    :class:`~..corridors.linkage.run.CoreSource`, as ``ecosecurity:corridors`` takes them), writes
    the current raster (Float32, NoData :data:`NODATA`) to ``output_path``; returns the
    :class:`PinchResult` (its ``current`` grid dropped)."""
    progress = ensure(progress)
    names = names or Names()
    progress.update(0.0, "Reading the inputs / 读取输入数据")
    check_projected(read_grid(resistance_path).crs_wkt, names.resistance, "cost distances and effective resistances")
    resistance = read_raster(resistance_path, name=names.resistance)
    grid = resistance.grid
    core_ids = read_cores(cores, grid)
    result = pinch_points(core_ids, resistance.array, resistance.valid, grid.cell_size, link_rows, cutoff, mode,
                          square, progress.sub(0.02, 0.97), method=method, names=names, workers=workers,
                          scheduler=scheduler)
    del core_ids, resistance
    progress.update(0.97, "Writing the current raster / 写出电流栅格")
    current = result.current
    current[np.isnan(current)] = NODATA
    write_raster(output_path, current, grid, NODATA, np.float32)
    result.current = None
    progress.update(1.0)
    return result
