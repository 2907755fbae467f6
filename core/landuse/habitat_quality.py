"""Habitat degradation and quality after the InVEST Habitat Quality model.

Formulas (InVEST user guide, *Habitat Quality*, eqs. 1–4; Sharp et al. 2020, *InVEST User's
Guide*, Natural Capital Project; after Kareiva et al. 2011 / Tallis & Polasky 2009):

* total threat level (degradation) of cell x in land-use class j::

      D_xj = Σ_r Σ_y (w_r / Σ_r' w_r') · r_y · i_rxy · β_x · S_jr

  w_r the threat's weight (threats table), r_y the threat's intensity in cell y (threat raster,
  0–1), i_rxy the distance decay of :mod:`.threat_decay` (linear 1 − d/d_max or exponential
  exp(−2.99 d / d_max), 0 beyond d_max; kernel divided by its sum as in InVEST's code unless
  ``normalise=False``), β_x the accessibility of x (0–1, the optional access raster; 1 where it is
  not given or NoData) and S_jr the sensitivity of class j to threat r (sensitivity table, 0–1);
* habitat quality::

      Q_xj = H_j · (1 − D_xj^z / (D_xj^z + k^z)),   z = 2.5

  H_j the habitat suitability of class j (0 = not habitat → Q = 0) and k the half-saturation
  constant (default 0.5; InVEST advises half of the largest D of the landscape).

D is computed for every land-use cell with its class's sensitivities (0 for classes insensitive to
every threat), as InVEST does; NoData land use stays NoData in both outputs. Rarity (which needs a
baseline map) is not computed.

How closely InVEST is reproduced: the formulas are the user guide's and are checked against
hand-computed values (every decay form, a threat beyond its distance, zero sensitivity, a
non-habitat class); no InVEST reference run is bundled. Differences from particular InVEST releases
are listed in :mod:`.threat_decay` (kernel normalisation, exponential kernel, distance transform in
the newest releases) — they change D by a scale, so k should be chosen for the D of this tool.
"""
from dataclasses import dataclass

import numpy as np

from ..io.blockio import BlockWriter, row_blocks
from ..runtime.errors import InputError
from ..runtime.progress import ensure
from .service_landuse import read_classes
from .threat_decay import convolve_strip, decay_kernel, estimate_strip_bytes, kernel_radius, strip_rows

#: InVEST's scaling parameter z of the half-saturation function.
Z = 2.5
OUTPUT_NODATA = -9999.0


@dataclass
class ThreatLayer:
    """A threat ready to convolve: its table row and where its intensities come from — an
    :class:`~..io.blockio.AlignedSource` (``source``) or land-use classes (``lucodes``)."""
    threat: object
    source: object = None
    lucodes: tuple = ()


@dataclass
class QualityResult:
    """Sums per sensitivity-table class index (for means), the ranges of D and Q."""
    quality_sum: np.ndarray
    degradation_sum: np.ndarray
    cells: np.ndarray
    degradation_max: float
    quality_min: float
    quality_max: float


def quality_from_degradation(degradation, habitat, half_saturation, z=Z):
    """Q = H · (1 − D^z / (D^z + k^z))."""
    dz = np.power(degradation, z)
    return habitat * (1.0 - dz / (dz + half_saturation ** z))


def check_unit_range(source, label, progress=None):
    """Refuse values of ``source`` outside 0–1 (threat intensities, accessibility), naming the layer."""
    progress = ensure(progress)
    low, high = np.inf, -np.inf
    for row0, nrows in row_blocks(source.grid):
        array, valid = source.read(row0, nrows)
        if valid.any():
            values = array[valid]
            low, high = min(low, float(values.min())), max(high, float(values.max()))
        progress.check()
    if low < 0 or high > 1:
        raise InputError(f"{label} has values from {low:g} to {high:g}; it must hold values between 0 and 1 "
                         f"(InVEST: relative intensity or accessibility). Rescale it (e.g. divide by {high:g}). "
                         f"/ {label}的值应在 0–1 之间（当前 {low:g}–{high:g}），请先归一化。")


def _intensity_reader(layer, land_use):
    if layer.lucodes:
        def read(first, count):
            codes, valid = read_classes(land_use, first, count)
            return (np.isin(codes, layer.lucodes) & valid).astype(np.float64)
    else:
        def read(first, count):
            array, valid = layer.source.read(first, count)
            return np.where(valid, array, 0.0).astype(np.float64)
    return read


def kernels(layers, cell_size, normalise):
    return [decay_kernel(layer.threat.max_dist_km, cell_size, layer.threat.decay, normalise) for layer in layers]


def estimate_quality_memory(grid, threats):
    """Peak bytes of :func:`habitat_quality`: one strip of per-cell arrays plus the largest threat's
    strip convolution (:func:`.threat_decay.estimate_strip_bytes`)."""
    radius = max(kernel_radius(t.max_dist_km, grid.cell_size) for t in threats)
    nrows = strip_rows(grid.rows, grid.cols, radius)
    cells = nrows * grid.cols
    return 96 * cells + estimate_strip_bytes(nrows, grid.cols, radius)


def habitat_quality(land_use, layers, sensitivity, half_saturation, access, quality_path, degradation_path,
                    normalise=True, progress=None):
    """Write the quality and degradation rasters (Float32; either path may be None) and return the
    per-class sums. ``land_use`` is an :class:`AlignedSource` whose classes are all in ``sensitivity``;
    ``layers`` are :class:`ThreatLayer` in the order of the sensitivity table's columns; ``access``
    an :class:`AlignedSource` or None."""
    progress = ensure(progress)
    grid = land_use.grid
    weights = np.array([layer.threat.weight for layer in layers], np.float64)
    weights = weights / weights.sum()
    kernel_list = kernels(layers, grid.cell_size, normalise)
    readers = [_intensity_reader(layer, land_use) for layer in layers]
    radius = max(kernel.shape[0] // 2 for kernel in kernel_list)
    height = strip_rows(grid.rows, grid.cols, radius)
    strips = [(row0, min(height, grid.rows - row0)) for row0 in range(0, grid.rows, height)]
    n = len(sensitivity.codes)
    quality_sum, degradation_sum, cells = np.zeros(n), np.zeros(n), np.zeros(n, np.int64)
    d_max, q_min, q_max = 0.0, np.inf, -np.inf
    steps = len(strips) * (len(layers) + 1)
    with _writer(quality_path, grid) as quality_out, _writer(degradation_path, grid) as degradation_out:
        for s, (row0, nrows) in enumerate(strips):
            codes, valid = read_classes(land_use, row0, nrows)
            index = np.searchsorted(sensitivity.codes, codes[valid])
            degradation = np.zeros(index.shape, np.float64)
            for t, (kernel, read) in enumerate(zip(kernel_list, readers)):
                label = layers[t].threat.name
                progress.update((s * (len(layers) + 1) + t) / steps,
                                f"Threat '{label}': distance decay / 威胁因子“{label}”距离衰减")
                filtered = convolve_strip(read, grid.rows, grid.cols, row0, nrows, kernel)[valid]
                degradation += weights[t] * sensitivity.sensitivity[index, t] * filtered
            if access is not None:
                beta, beta_valid = access.read(row0, nrows)
                degradation *= np.where(beta_valid, beta, 1.0)[valid]
            quality = quality_from_degradation(degradation, sensitivity.habitat[index], half_saturation)
            quality_sum += np.bincount(index, quality, n)
            degradation_sum += np.bincount(index, degradation, n)
            cells += np.bincount(index, minlength=n)
            if index.size:
                d_max = max(d_max, float(degradation.max()))
                q_min, q_max = min(q_min, float(quality.min())), max(q_max, float(quality.max()))
            for writer, values in ((quality_out, quality), (degradation_out, degradation)):
                if writer is not None:
                    out = np.full(codes.shape, OUTPUT_NODATA, np.float64)
                    out[valid] = values
                    writer.write(row0, out)
            progress.update((s + 1) * (len(layers) + 1) / steps, "Habitat quality / 生境质量")
    return QualityResult(quality_sum, degradation_sum, cells, d_max, q_min, q_max)


class _NoWriter:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _writer(path, grid):
    return BlockWriter(path, grid, np.float32, OUTPUT_NODATA) if path else _NoWriter()
