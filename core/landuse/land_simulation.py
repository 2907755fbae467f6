"""``ecosecurity:landsimulation``: FLUS-style land-use simulation from a start map, driving factors
and a demand (spec ``prioritization.md`` §7.1, §8; Liu et al. 2017).

Steps: (1) inputs checked before any heavy work — consecutive class codes, every driver, the
restricted and the observed raster on the land-use grid (the message names the layer), the demand,
the conversion matrix and the weights, and whether the demand is reachable at all; (2) occurrence
probabilities (:mod:`.suitability_model`); (3) the cellular automaton (:mod:`.ca`); (4) outputs: the
simulated map in the input's data type, NoData, colour table and category names (the wrapper copies
the input's ``.qml`` side-car), optionally the probabilities (one float32 band per class), the
per-iteration table and, with an observed map, the validation table (:mod:`.validation`).

Frozen cells (never change): restricted cells (non-zero, NoData = not restricted) and land cells
where a driver has NoData (with a warning). They still count towards the class totals.

Memory (:func:`estimate_simulation_memory`), per cell: the start map as read and as class indices,
the observed map and its mask, five masks (valid, frozen, usable, changeable, simulated map) — 10
bytes; 2·K bytes of probabilities; 14 bytes of automaton work plus 8 bytes for its frontier indices
(at most every cell); the sampling's index arrays come before and fit in the same room. Plus strips
of the drivers, the automaton's chunk arrays, GDAL's block cache (up to the size of the rasters read)
and 64 MB. ``bench/landsimulation.py``, 10⁷ cells, 9 classes, 3 float32 drivers: estimate 0.87 GB,
measured peak RSS 0.82 GB (interpreter and libraries included).
"""
import csv
import math
import os
import warnings
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal

from ..io.blockio import AlignedSource, row_blocks
from ..io.class_codes import check_whole_codes
from ..io.raster import (
    GTIFF_OPTIONS,
    check_aligned,
    read_grid,
    read_raster,
    remove_quietly,
    replace_atomically,
    temporary_sibling,
    write_raster,
)
from ..runtime.errors import EcoSecurityWarning, InputError
from ..runtime.progress import ensure
from . import ca, suitability_model
from .simulation_inputs import (
    check_class_codes,
    check_demand_reachable,
    check_window,
    parse_conversion,
    parse_demand,
    parse_weights,
)
from .validation import agreement, random_allocation

#: Rows of driver strips read at once (bounded memory for any raster size).
STRIP_CELLS = 1 << 20


@dataclass
class SimulationOptions:
    demand: str
    conversion: str = ""
    weights: str = ""
    window: int = 3
    seed: int = 0
    max_iterations: int = 500
    sample_size: int = 10000
    hidden: int = 12
    use_network: bool = True
    churn: bool = False


@dataclass
class SimulationResult:
    codes: list
    demand: np.ndarray
    iterations: list
    met: bool
    stalled: bool
    changed_cells: int
    frozen_cells: int
    validation: object = None
    random_validation: object = None
    outputs: dict = field(default_factory=dict)

    @property
    def iteration_count(self):
        return len(self.iterations) - 1

    @property
    def max_gap(self):
        return int(np.abs(self.iterations[-1]["gaps"]).max())


def _class_count_bound(path):
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    extremes = band.ComputeRasterMinMax(True)
    return int(min(max(extremes[1] - extremes[0] + 1, 1), 250)) if extremes else 250


def _cell_bytes(path):
    dataset = gdal.Open(str(path))
    return gdal.GetDataTypeSize(dataset.GetRasterBand(1).DataType) // 8 if dataset is not None else 8


def estimate_simulation_memory(land_use_path, drivers):
    """Bytes a run needs (module docstring); the class count is bounded by the band's value range.
    ``drivers``: their paths (or their number, taken as float32). GDAL's block cache is counted up to
    the size of the rasters read (``gdal.GetCacheMax()`` at most)."""
    grid = read_grid(land_use_path)
    cells = grid.rows * grid.cols
    n_classes = _class_count_bound(land_use_path)
    paths = drivers if isinstance(drivers, (list, tuple)) else [None] * int(drivers)
    driver_bytes = sum(_cell_bytes(path) if path else 4 for path in paths)
    strip = STRIP_CELLS * (len(paths) * 16 + 8)
    cache = min(gdal.GetCacheMax(), cells * (driver_bytes + 2))
    return cells * (10 + 2 * n_classes) + ca.estimate_ca_memory(cells, n_classes) + strip + cache + (64 << 20)


def _codes_of(array, valid, name):
    values = array[valid]
    check_whole_codes(values, name)
    values = values.astype(np.int64)
    if values.size and values.min() >= 0 and values.max() < 65536:
        return np.flatnonzero(np.bincount(values)).tolist()
    return np.unique(values).tolist()


def _aligned_source(path, grid, name, reference_name, parameter):
    if not path or not os.path.exists(str(path)):
        raise InputError(f"{parameter}: the raster '{path}' does not exist. / {parameter}：栅格文件不存在。")
    check_aligned(grid, read_grid(path), reference_name, name)
    return AlignedSource(path, grid, name=name, reproject=False)


def _read_on_grid(path, grid, name, reference_name, parameter):
    if not path or not os.path.exists(str(path)):
        raise InputError(f"{parameter}: the raster '{path}' does not exist. / {parameter}：栅格文件不存在。")
    check_aligned(grid, read_grid(path), reference_name, name)
    return read_raster(path, name=name)


def _observed_indices(path, grid, codes, name, reference_name, valid):
    raster = _read_on_grid(path, grid, name, reference_name, "OBSERVED")
    both = valid & raster.valid
    present = _codes_of(raster.array, both, name)
    other = sorted(set(present) - set(codes))
    if other:
        raise InputError(
            f"The observed map '{name}' holds classes {', '.join(map(str, other))} that are not in the land-use map "
            f"'{reference_name}' ({', '.join(map(str, codes))}); both maps need the same class codes. "
            f"/ 观测图“{name}”含有土地利用图中没有的类别 {', '.join(map(str, other))}。")
    indices = np.full(grid.shape, ca.OUTSIDE, np.uint8)
    indices[both] = (raster.array[both].astype(np.int64) - codes[0]).astype(np.uint8)
    return indices, both


def _usable(sources, valid, grid, progress):
    """Land cells where every driver has data."""
    usable = valid.copy()
    for row0, nrows in row_blocks(grid, STRIP_CELLS):
        progress.check()
        for source in sources:
            usable[row0:row0 + nrows] &= source.read(row0, nrows)[1]
    return usable


def _sample_values(sources, flat_indices, grid):
    values = np.empty((flat_indices.size, len(sources)))
    rows = flat_indices // grid.cols
    for row0, nrows in row_blocks(grid, STRIP_CELLS):
        inside = np.flatnonzero((rows >= row0) & (rows < row0 + nrows))
        if not inside.size:
            continue
        local = flat_indices[inside] - row0 * grid.cols
        for j, source in enumerate(sources):
            values[inside, j] = source.read(row0, nrows)[0].ravel()[local]
    return values


def occurrence_probabilities(sources, classes, usable, n_classes, grid, options, progress):
    """(rows, cols, K) uint16 sp × 65535 from a model fitted on a stratified sample of the start map."""
    rng = np.random.default_rng(options.seed)
    sample = suitability_model.stratified_sample(classes, usable, n_classes, options.sample_size, rng)
    values = _sample_values(sources, sample, grid)
    standardise = suitability_model.Standardiser(values, [s.name for s in sources])
    progress.update(0.2, "Training the occurrence-probability model / 训练发生概率模型")
    model = suitability_model.fit_model(standardise(values), classes.ravel()[sample], n_classes, options.seed,
                                        options.hidden, options.use_network)
    probabilities = np.zeros(grid.shape + (n_classes,), np.uint16)
    blocks = row_blocks(grid, STRIP_CELLS)
    for number, (row0, nrows) in enumerate(blocks):
        progress.update(0.4 + 0.6 * number / len(blocks), "Occurrence probabilities / 计算发生概率")
        strip = np.stack([source.read(row0, nrows)[0] for source in sources])
        suitability_model.predict_to(probabilities, model, standardise, strip, row0, usable[row0:row0 + nrows])
    return probabilities


def _palette(path):
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    table = band.GetColorTable()
    colours = {i: table.GetColorEntry(i) for i in range(table.GetCount())} if table is not None else None
    names = band.GetCategoryNames() or None
    return colours, ({i: n for i, n in enumerate(names) if n} if names else None)


def write_probabilities(path, probabilities, valid, grid, codes):
    """One float32 band a class (band k = class codes[k]), −1 off the map; written atomically."""
    tmp = temporary_sibling(path)
    try:
        dataset = gdal.GetDriverByName("GTiff").Create(tmp, grid.cols, grid.rows, len(codes), gdal.GDT_Float32,
                                                       GTIFF_OPTIONS + ["INTERLEAVE=BAND"])
        if dataset is None:
            raise InputError(f"Cannot create '{path}': {gdal.GetLastErrorMsg()}. / 无法创建输出文件。")
        dataset.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            dataset.SetProjection(grid.crs_wkt)
        for k, code in enumerate(codes):
            band = dataset.GetRasterBand(k + 1)
            band.SetNoDataValue(-1.0)
            band.SetDescription(f"class {code}")
            for row0, nrows in row_blocks(grid, STRIP_CELLS):
                values = probabilities[row0:row0 + nrows, :, k] / np.float32(suitability_model.SCALE)
                values[~valid[row0:row0 + nrows]] = -1.0
                band.WriteArray(values.astype(np.float32), 0, row0)
        dataset.FlushCache()
        dataset = None
        replace_atomically(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return path


def write_iterations(path, iterations, codes):
    """CSV: iteration, changed, to_allocate, then cells_<code>, gap_<code>, inertia_<code>,
    acceleration_<code> per class."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["iteration", "changed", "to_allocate"] + [f"cells_{c}" for c in codes]
                        + [f"gap_{c}" for c in codes] + [f"inertia_{c}" for c in codes]
                        + [f"acceleration_{c}" for c in codes])
        for row in iterations:
            writer.writerow([row["iteration"], row["changed"], row["to_allocate"]] + row["cells"].tolist()
                            + row["gaps"].tolist() + [f"{v:.6g}" for v in row["inertia"]]
                            + [f"{v:.6g}" for v in row["acceleration"]])
    return path


def write_validation(path, result, baseline, codes):
    """Tidy CSV: measure, observed, simulated, value, random_allocation. The measures (OA, Kappa, FoM,
    producer's and user's accuracy, misses, hits, wrong hits, false alarms), then one ``cells`` row per
    pair of observed and simulated classes (the confusion matrix)."""
    rows = [("OA", result.oa, baseline.oa), ("Kappa", result.kappa, baseline.kappa), ("FoM", result.fom, baseline.fom),
            ("producer_accuracy", result.producer, baseline.producer), ("user_accuracy", result.user, baseline.user),
            ("misses", result.misses, baseline.misses), ("hits", result.hits, baseline.hits),
            ("wrong_hits", result.wrong_hits, baseline.wrong_hits),
            ("false_alarms", result.false_alarms, baseline.false_alarms)]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["measure", "observed", "simulated", "value", "random_allocation"])
        for name, value, random_value in rows:
            writer.writerow([name, "", "", _fmt(value), _fmt(random_value)])
        for a, observed in enumerate(codes):
            for b, simulated in enumerate(codes):
                writer.writerow(["cells", observed, simulated, int(result.confusion[a, b]),
                                 int(baseline.confusion[a, b])])
    return path


def _fmt(value):
    return f"{value:.6f}" if isinstance(value, float) else value


def simulate_land_use(land_use, drivers, options, restricted=None, observed=None, output=None,
                      probability_output=None, iterations_output=None, validation_output=None, progress=None,
                      names=None):
    """Run the whole simulation; ``drivers`` is a list of raster paths, ``names`` an optional dict
    {path: layer name} for messages. Returns a :class:`SimulationResult`; files are written only
    when every check passed and the automaton finished."""
    progress = ensure(progress)
    names = names or {}
    name = names.get(land_use) or os.path.splitext(os.path.basename(str(land_use)))[0]
    if not drivers:
        raise InputError("DRIVERS: give at least one driving-factor raster. / 请至少提供一个驱动因子栅格。")
    window = check_window(options.window)
    start = read_raster(land_use, name=name)
    grid = start.grid
    codes = check_class_codes(_codes_of(start.array, start.valid, name), name)
    n_classes = len(codes)
    classes = np.full(grid.shape, ca.OUTSIDE, np.uint8)
    classes[start.valid] = (start.array[start.valid].astype(np.int64) - codes[0]).astype(np.uint8)
    valid = start.valid
    sources = [_aligned_source(path, grid, names.get(path) or os.path.splitext(os.path.basename(str(path)))[0],
                               name, "DRIVERS") for path in drivers]
    frozen = np.zeros(grid.shape, bool)
    if restricted:
        restricted_name = names.get(restricted) or os.path.splitext(os.path.basename(str(restricted)))[0]
        mask = _read_on_grid(restricted, grid, restricted_name, name, "RESTRICTED")
        frozen = valid & mask.valid & (mask.array != 0)
        del mask
    allowed = parse_conversion(options.conversion, codes)
    weights = parse_weights(options.weights, codes)
    demand = parse_demand(options.demand, codes, int(valid.sum()), grid.cell_width * grid.cell_height)
    observed_indices = observed_valid = None
    if observed:
        observed_name = names.get(observed) or os.path.splitext(os.path.basename(str(observed)))[0]
        observed_indices, observed_valid = _observed_indices(observed, grid, codes, observed_name, name, valid)
    usable = _usable(sources, valid, grid, progress.sub(0.0, 0.05))
    no_driver = int(np.count_nonzero(valid & ~usable))
    if no_driver:
        warnings.warn(f"{no_driver} land cells have NoData in a driving factor; they keep their class. "
                      f"/ 有 {no_driver} 个像元的驱动因子为空值，保持原类别不变。", EcoSecurityWarning, stacklevel=2)
    changeable = usable & ~frozen
    counts = np.bincount(classes[valid], minlength=n_classes)
    check_demand_reachable(counts, np.bincount(classes[changeable], minlength=n_classes), demand, allowed, codes,
                           net=False)

    probabilities = occurrence_probabilities(sources, classes, usable, n_classes, grid, options,
                                             progress.sub(0.05, 0.3))
    run = ca.simulate(classes, changeable, probabilities, demand, allowed, weights, window,
                      options.max_iterations, options.seed, progress.sub(0.3, 0.95), options.churn)
    if run.escaped:
        warnings.warn("Net change reached a dead end (a class in surplus may only turn into classes whose demand is "
                      "met); the run continued with gross change from there. / 净变化分配陷入僵局（盈余类别只能转为"
                      "已满足需求的类别），其后改用总变化分配继续。", EcoSecurityWarning, stacklevel=2)
    if not run.met:
        gaps = ", ".join(f"{code}: {int(gap):+d}" for code, gap in zip(codes, run.gaps) if gap)
        why = (f"no cell could change during {ca.STALL_ITERATIONS} iterations" if run.stalled
               else f"MAX_ITERATIONS = {options.max_iterations} was reached")
        warnings.warn(f"The demand was not met ({why}); cells still missing (+) or in surplus (−) per class: {gaps}. "
                      "Raise MAX_ITERATIONS, allow more conversions or widen the neighbourhood. / 未完全满足需求，"
                      f"各类别剩余差额：{gaps}。", EcoSecurityWarning, stacklevel=2)
    result = SimulationResult(codes, demand, run.iterations, run.met, run.stalled,
                              int(np.count_nonzero(run.classes != classes)), int(np.count_nonzero(frozen)))
    progress.update(0.96, "Writing the outputs / 写出结果")
    if probability_output:
        result.outputs["probability"] = write_probabilities(probability_output, probabilities, valid, grid, codes)
    del probabilities
    if observed is not None:
        result.validation = agreement(classes, observed_indices, run.classes, observed_valid, n_classes)
        result.random_validation = agreement(
            classes, observed_indices, random_allocation(classes, changeable, demand, options.seed), observed_valid,
            n_classes)
    if output:
        simulated = run.classes.astype(start.array.dtype)
        simulated += np.array(codes[0]).astype(simulated.dtype)
        simulated[~valid] = start.nodata if start.nodata is not None else 0
        colours, category_names = _palette(land_use)
        result.outputs["map"] = write_raster(output, simulated, grid, start.nodata, color_table=colours,
                                             category_names=category_names)
    if iterations_output:
        result.outputs["iterations"] = write_iterations(iterations_output, run.iterations, codes)
    if validation_output and result.validation is not None:
        result.outputs["validation"] = write_validation(validation_output, result.validation,
                                                        result.random_validation, codes)
    progress.update(1.0)
    return result


def qml_sidecar(path):
    """The ``.qml`` style beside raster ``path``, if any."""
    candidate = os.path.splitext(str(path))[0] + ".qml"
    return candidate if os.path.isfile(candidate) else None


def isclose_demand(result, tolerance=0.001):
    """True when every class is within ``tolerance`` (relative) of its demand."""
    cells = result.iterations[-1]["cells"]
    return all(math.isclose(c, d, rel_tol=tolerance, abs_tol=0.5) for c, d in zip(cells, result.demand))


def fallback_qml(codes):
    """A paletted style (colours along the ramp, labels "class n") for a map without colours."""
    from ..io.qml import paletted_qml, ramp_colour
    return paletted_qml([(code, f"class {code} / 类别 {code}", ramp_colour(i / max(len(codes) - 1, 1)))
                         for i, code in enumerate(codes)])


def has_colour_table(path):
    dataset = gdal.Open(str(path))
    return dataset is not None and dataset.GetRasterBand(1).GetColorTable() is not None
