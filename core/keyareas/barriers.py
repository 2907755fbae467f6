"""Barrier Mapper (Linkage Mapper ``s6_barriers.py`` / ``barrier_master.py``; spec
``linkage_mapper.md`` §5): where restoring a disc of radius R to resistance 1 most shortens the
least-cost distances of the corridors — the core behind ``ecosecurity:barriers``.

Rules: :mod:`.barrier_scores` (score, combination, centres, circles, capped) and :mod:`.focal`
(annulus and disc membership). The run:

1. the active links of the ``ecosecurity:corridors`` link table (``link_type >= 1``; same core pair
   once), checked against these cores and this resistance (:mod:`.pinch_links`: core ids present;
   ``cw_dist`` equal to the least-cost distance recomputed here, relative 1e-4);
2. **one cost-distance search per core** (:mod:`..corridors.costdist`, ESRI rule, exact), reused
   by all its links: the independent tasks of :mod:`.barrier_core_task` (in this process, on local
   worker processes or on a Dask cluster, :func:`..runtime.parallel.map_tasks`; results folded in
   task order, a link's LCD taken from its lower core label, so the output does not depend on where
   they ran). A search stops at the largest ``cw_dist`` of the core's links (plus the tolerance and
   one step): a cell whose annulus holds only larger CWD_A values has I < 0 for every link of the
   core, so the cut changes no output. It runs in the core's box grown by the distance that cost
   can reach (whole grid when that box is over a quarter of it; such cores share one graph per
   task). The optional CWD threshold sets CWD >= threshold to NoData (Linkage Mapper's
   ``Con(cwd < threshold, cwd)``). Per radius the focal minimum m_A is computed in the task and
   kept on disk (float32, cropped to the cells that can score >= 0);
3. per radius, the links are streamed: score on the common window of m_A and m_B, folded into the
   mosaic; then centres, circles, capped; folded across radii by maximum.

The least-cost distance used in the score is the one recomputed here (it equals the table's
``cw_dist`` to 1e-4 relative, or the run stops). Reproduction of Linkage Mapper: the formula and
combination rules exactly; the CWDs are exact Dijkstra values (Linkage Mapper's may come from
bounding circles, and ArcGIS stores them in float32, as m_A is stored here); annulus and disc
membership follow the documented cell-centre rule (see :mod:`.focal`).

Memory (:func:`estimate_barriers_memory`): the cost-distance search of one core at a time (the
whole-grid graph is kept when a search needs it: at least
:func:`..corridors.costdist.least_bytes_per_cell` per cell, Dijkstra's ``BYTES_PER_CELL`` when that
fits); with worker processes the searches run in the workers, each needing
:func:`.barrier_core_task.core_task_memory`, and the caller holds the windows of the tasks in
flight instead) plus the resistance, cores and at most :data:`MOSAIC_GRIDS` float32 grids
per score kind during the radius passes. Disk: one float32 window per core and radius.
"""
import os
import tempfile
from contextlib import closing
from dataclasses import dataclass, field

import numpy as np

from ..corridors.costdist import least_bytes_per_cell
from ..corridors.linkage.cores import Cores
from ..corridors.linkage.run import read_cores
from ..io.crs import check_projected
from ..io.raster import read_grid, read_raster, write_raster
from ..runtime.errors import InputError
from ..runtime.parallel import fit_workers, map_tasks
from ..runtime.progress import ensure
from .barrier_core_task import core_task, core_task_memory
from .barrier_scores import (
    MAXIMUM,
    SUM,
    ScoreMosaic,
    capped_circles,
    circles,
    fold_maximum,
    gain_cap,
    link_score,
    percent_score,
    radius_list,
)
from .core_searches import WINDOW_FRACTION, SearchJob, check_resistance, search_window, task_groups
from .pinch_links import LCD_TOLERANCE, active_links, check_least_cost_distance

FLOAT_NODATA = -9999.0
#: float32 grids held per score kind in a radius pass (mosaic/centres, circles, capped, and the
#: three across-radii mosaics).
MOSAIC_GRIDS = 6
#: Bytes per cell kept through the run: resistance (float32), valid, core labels (int32), gain cap.
KEPT_BYTES_PER_CELL = 4 + 1 + 4 + 4

_BI = " / "


@dataclass
class BarrierOptions:
    """Barrier Mapper settings (map units; Linkage Mapper demo: 400 / 1200 / 400)."""
    min_radius: float
    max_radius: float = 0.0
    radius_step: float = 0.0
    combine: int = MAXIMUM
    percent: bool = False
    cwd_threshold: object = None
    capped: bool = True


@dataclass
class ScoreGrids:
    """Centres, circles and capped circles (float32, NaN = NoData); ``*_pct`` with ``percent``."""
    centres: np.ndarray = None
    circles: np.ndarray = None
    capped: np.ndarray = None
    centres_pct: np.ndarray = None
    circles_pct: np.ndarray = None


@dataclass
class BarrierResult:
    """``radii`` (map units), ``combined`` (:class:`ScoreGrids` across radii), ``links``
    [(core1, core2, lcd)], ``warnings``."""
    radii: list
    combined: ScoreGrids
    links: list
    warnings: list = field(default_factory=list)


def estimate_barriers_memory(rows, cols, percent=False):
    """Peak bytes of a barrier run on a ``rows`` x ``cols`` grid."""
    cells = int(rows) * int(cols)
    # a search (plus a window search while the whole-grid graph is kept), its float64 CWD, a float32
    # copy and its focal minimum
    search = int(least_bytes_per_cell(cells) + WINDOW_FRACTION * least_bytes_per_cell(WINDOW_FRACTION * cells)) + 16
    passes = 4 * MOSAIC_GRIDS * (2 if percent else 1) + 8  # + one link's float64 score window
    return cells * (KEPT_BYTES_PER_CELL + max(search, passes))


class _FocalStore:
    """m_A per (core label, radius index): float32 windows in a temporary folder."""

    def __init__(self, folder=None):
        self._tmp = tempfile.TemporaryDirectory(prefix="ecosecurity_barriers_", dir=folder)
        self.windows = {}

    def save(self, key, window, values):
        if window.size == 0:
            return
        np.save(os.path.join(self._tmp.name, f"{key[0]}_{key[1]}.npy"), values, allow_pickle=False)
        self.windows[key] = window

    def load(self, key):
        """(window, memory-mapped values) or (None, None) when nothing was kept."""
        if key not in self.windows:
            return None, None
        return self.windows[key], np.load(os.path.join(self._tmp.name, f"{key[0]}_{key[1]}.npy"), mmap_mode="r")

    def close(self):
        self._tmp.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def unique_links(rows, core_ids, links_name="LINKS", cores_name="CORES"):
    """Active links of the table rows, one per core pair (Linkage Mapper skips repeated pairs)."""
    rows = list(rows)
    typed = all("link_type" in row for row in rows)  # else active_links names the missing field
    if typed and not any(_is_active(row) for row in rows):
        raise InputError(
            f"'{links_name}' has no active link (link_type >= 1){'' if rows else ': the table is empty'}, so there "
            "is no corridor to improve. Give the link table of an ecosecurity:corridors run (OUTPUT_LINKS) that "
            f"kept corridors.{_BI}'{links_name}' 中没有有效连接（link_type >= 1），没有可改善的廊道；请使用 "
            "ecosecurity:corridors 输出且含廊道的连接表。")
    links, seen = [], set()
    for link in active_links(rows, core_ids, links_name, cores_name):
        pair = (min(link.core1, link.core2), max(link.core1, link.core2))
        if pair not in seen:
            seen.add(pair)
            links.append(link)
    return links


def _is_active(row):
    try:
        return float(row.get("link_type")) >= 1
    except (TypeError, ValueError):
        return False


def barrier_scores(core_ids, resistance, valid, cell_size, link_rows, options, progress=None, per_radius=None,
                   scratch=None, names=None, workers=1, scheduler=None):
    """Run the Barrier Mapper on arrays; returns a :class:`BarrierResult`.

    ``core_ids``: int grid (> 0 = core id); ``resistance``: float grid (> 0 on valid cells);
    ``valid``: bool grid (False = NoData, impassable); ``link_rows``: dicts of the link table;
    ``per_radius(radius, ScoreGrids)``: called after each radius (e.g. to write its rasters);
    ``names``: layer names for messages (keys ``resistance``, ``links``, ``cores``); ``workers``
    (1 = in this process) and ``scheduler`` (a Dask address): where the per-core tasks run
    (:func:`..runtime.parallel.map_tasks`; the result is the same); the cores whose search covers
    the whole grid are split into ``workers`` tasks, also on a Dask cluster.
    """
    progress = ensure(progress)
    names = dict({"resistance": "RESISTANCE", "links": "LINKS", "cores": "CORES"}, **(names or {}))
    radii = radius_list(options.min_radius, options.max_radius, options.radius_step, cell_size)
    valid = np.asarray(valid, dtype=bool) & np.isfinite(resistance)
    r_min = check_resistance(resistance, valid, names["resistance"], (
        "barrier scores need resistances > 0 (>= 1: restoration sets a cell to 1).",
        "阻力必须大于 0（建议 >= 1），"))
    cores = Cores(core_ids, valid, names["cores"])
    links = unique_links(link_rows, cores.ids, names["links"], names["cores"])
    label = {int(core): k + 1 for k, core in enumerate(cores.ids)}
    pairs = [(label[link.core1], label[link.core2]) for link in links]
    lcds = [None] * len(links)
    shape = valid.shape
    warnings = []
    with _FocalStore(scratch) as store:
        _focal_minima(cores, resistance, valid, cell_size, r_min, links, pairs, lcds, radii, options, store, names,
                      warnings, progress.sub(0.0, 0.6), workers, scheduler)
        combined = _radius_passes(shape, resistance, valid, cell_size, pairs, lcds, radii, options, store,
                                  per_radius, progress.sub(0.6, 1.0))
    if combined.centres is None or not np.any(combined.centres > 0):
        warnings.append("No cell has a positive improvement score at these radii: restoring a disc would not shorten "
                        "any corridor (try smaller radii). / 在这些半径下没有正的改善得分，请尝试更小的半径。")
    progress.update(1.0, "Barriers done / 障碍点识别完成")
    return BarrierResult(radii, combined, [(link.core1, link.core2, lcd) for link, lcd in zip(links, lcds)],
                         warnings)


def _focal_minima(cores, resistance, valid, cell_size, r_min, links, pairs, lcds, radii, options, store, names,
                  warnings, progress, workers=1, scheduler=None):
    """Runs the per-core tasks (:mod:`.barrier_core_task`): checks the least-cost distances, stores
    m_A for every radius. A link's LCD is the one measured from its lower core label, whatever the
    grouping of the cores into tasks."""
    floor = cell_size * r_min  # one orthogonal step at the least resistance
    involved = sorted({a for pair in pairs for a in pair})
    mine = {core: [i for i, pair in enumerate(pairs) if core in pair] for core in involved}
    groups = _task_groups(cores, valid.shape, cell_size, r_min, links, pairs, mine, workers)
    if workers > 1 and not scheduler:
        task_bytes = core_task_memory(max(window.size for window, _ in groups), radii)
        workers, message = fit_workers(workers, task_bytes, "Barriers (one cost-distance search per worker)", here=True)
        if message:
            warnings.append(message)
    tasks = ((resistance[window.slices], valid[window.slices], cores.labels[window.slices], window, valid.shape,
              cell_size, jobs, radii, options.cwd_threshold) for window, jobs in groups)
    returned = max(4 * window.size * len(radii) * len(jobs) for window, jobs in groups)  # kept m_A (float32) per task
    with closing(map_tasks(core_task, tasks, len(groups), workers, scheduler, progress,
                           lambda k: "Cost distance from core(s) " + ", ".join(
                               str(int(cores.ids[job.label - 1])) for job in groups[k][1]),
                           result_bytes=returned)) as outcomes:
        for (_window, jobs), outcome in zip(groups, outcomes):  # drained, so the workers are shut down in order
            for job, (measured, minima) in zip(jobs, outcome):
                for i, (other, _box), lcd in zip(mine[job.label], job.others, measured):
                    check_least_cost_distance(links[i], lcd, floor, names["links"], names["resistance"])
                    if job.label < other:
                        lcds[i] = lcd
                for k, (kept, values) in enumerate(minima):
                    store.save((job.label, k), kept, values)


def _task_groups(cores, shape, cell_size, r_min, links, pairs, mine, parts):
    """``[(window, [SearchJob])]`` (:func:`.core_searches.task_groups`). A core's search stops at the
    largest ``cw_dist`` of its links plus the tolerance and one step (beyond it no cell can score
    >= 0)."""
    placed = []
    for core, indices in mine.items():
        limit = max(links[i].cw_dist for i in indices) * (1.0 + 2.0 * LCD_TOLERANCE) + cell_size * r_min
        others = tuple((other, cores.boxes[other - 1])
                       for other in (pairs[i][1] if pairs[i][0] == core else pairs[i][0] for i in indices))
        window = search_window(cores.boxes[core - 1], limit, r_min, cell_size, shape)
        placed.append((window, SearchJob(core, limit, others)))
    return task_groups(placed, shape, parts)


def _radius_passes(shape, resistance, valid, cell_size, pairs, lcds, radii, options, store, per_radius, progress):
    """Per radius: stream the links into the mosaic, then centres, circles and capped circles;
    folded across radii by maximum. Returns the combined :class:`ScoreGrids`."""
    cap = gain_cap(resistance, valid) if options.capped else None
    combined = ScoreGrids()
    steps = max(len(radii) * len(pairs), 1)
    for k, radius in enumerate(radii):
        mosaic = ScoreMosaic(shape, options.combine)
        mosaic_pct = ScoreMosaic(shape, options.combine) if options.percent else None
        for i, (a, b) in enumerate(pairs):
            progress.update((k * len(pairs) + i) / steps, f"Barriers at radius {radius:g}: link {i + 1}/{len(pairs)}"
                                                          f" / 半径 {radius:g} 的障碍点：连接 {i + 1}/{len(pairs)}")
            window_a, m_a = store.load((a, k))
            window_b, m_b = store.load((b, k))
            if window_a is None or window_b is None:
                continue
            common = window_a.intersect(window_b)
            if common.size == 0:
                continue
            score = link_score(lcds[i], m_a[window_a.inner(common)], m_b[window_b.inner(common)], radius)
            mosaic.add(common, score)
            if mosaic_pct is not None:
                mosaic_pct.add(common, percent_score(score, lcds[i]))
            del score
        grids = ScoreGrids(centres=mosaic.centres())
        del mosaic
        grids.circles = circles(grids.centres, radius, cell_size)
        if cap is not None:
            grids.capped = capped_circles(grids.circles, cap)
        if mosaic_pct is not None:
            grids.centres_pct = mosaic_pct.centres()
            del mosaic_pct
            grids.circles_pct = circles(grids.centres_pct, radius, cell_size)
        if per_radius is not None:
            per_radius(radius, grids)
        for name in ("centres", "circles", "capped", "centres_pct", "circles_pct"):
            values = getattr(grids, name)
            if values is not None:
                setattr(combined, name, values if len(radii) == 1 else fold_maximum(getattr(combined, name), values))
        del grids
    return combined


# ------------------------------------------------------------------------------------------ files
def radius_file_names(prefix, radius, combine, percent, capped):
    """{kind: file name} of one radius's rasters, named as Linkage Mapper names them (its per-radius
    circles are spelt ``BarrrierCircles``, sic)."""
    total = "_Sum" if combine == SUM else ""
    rad = f"_Rad{radius:g}"
    names = {"centres": f"{prefix}_BarrierCenters{total}{rad}.tif",
             "circles": f"{prefix}_BarrrierCircles{total}{rad}.tif"}
    if percent:
        names["centres_pct"] = f"{prefix}_BarrierCenters_Pct{total}{rad}.tif"
        names["circles_pct"] = f"{prefix}_BarrrierCircles_Pct{total}{rad}.tif"
    if capped:
        names["capped"] = f"{prefix}_BarrierCircles_RBMin{total}{rad}.tif"
    return names


def _write(path, values, grid):
    write_raster(path, np.where(np.isnan(values), FLOAT_NODATA, values), grid, FLOAT_NODATA, np.float32)


def estimate_memory(resistance_path, percent=False):
    """Peak bytes of a run on the grid of ``resistance_path``."""
    grid = read_grid(resistance_path)
    return estimate_barriers_memory(grid.rows, grid.cols, percent)


def barriers(resistance_path, cores, link_rows, outputs, options, progress=None, names=None, prefix="barriers",
             workers=1, scheduler=None):
    """Barrier Mapper from files to files.

    ``cores``: a :class:`..corridors.linkage.run.CoreSource`; ``link_rows``: the link table as dicts;
    ``outputs``: paths under keys ``centers``, ``circles``, ``capped`` (combined across radii; the
    score kind is percent when ``options.percent``) and ``folder`` (per-radius rasters named
    ``<prefix>_BarrierCenters[_Sum]_Rad<R>.tif`` etc.); missing or None = not written;
    ``workers``, ``scheduler``: see :func:`barrier_scores`. Returns the :class:`BarrierResult`.
    """
    progress = ensure(progress)
    names = dict({"resistance": "RESISTANCE", "links": "LINKS", "cores": "CORES"}, **(names or {}))
    grid = read_grid(resistance_path)
    check_projected(grid.crs_wkt, names["resistance"], "radii and cost distances")
    radius_list(options.min_radius, options.max_radius, options.radius_step, grid.cell_size)  # before reading
    progress.update(0.0, "Reading the inputs / 读取输入数据")
    resistance = read_raster(resistance_path, name=names["resistance"])
    core_ids = read_cores(cores, grid)
    folder = outputs.get("folder")

    def write_radius(radius, grids):
        if folder:
            files = radius_file_names(prefix, radius, options.combine, options.percent, options.capped)
            for kind, name in files.items():
                _write(os.path.join(folder, name), getattr(grids, kind), grid)

    result = barrier_scores(core_ids, resistance.array.astype(np.float32, copy=False), resistance.valid,
                            grid.cell_size, link_rows, options, progress.sub(0.02, 0.97), write_radius,
                            names=names, workers=workers, scheduler=scheduler)
    del core_ids
    progress.update(0.97, "Writing the outputs / 写出结果")
    combined = result.combined
    chosen = {"centers": combined.centres_pct if options.percent else combined.centres,
              "circles": combined.circles_pct if options.percent else combined.circles,
              "capped": combined.capped}
    for key, values in chosen.items():
        if outputs.get(key) and values is not None:
            _write(outputs[key], values, grid)
    progress.update(1.0)
    return result
