"""Distance decay of threats (InVEST Habitat Quality) as a convolution, strip by strip.

The impact of threat r originating in cell y on cell x at distance d_xy (InVEST user guide,
Habitat Quality, eqs. 1–2; Sharp et al. 2020, *InVEST User's Guide*, Natural Capital Project):

* linear:       i_rxy = 1 − d_xy / d_r,max
* exponential:  i_rxy = exp(−(2.99 / d_r,max) · d_xy)   (5 % of the impact left at d_r,max)

and 0 beyond d_r,max. Distances are between cell centres in metres (d_r,max = ``max_dist`` km ×
1000), so the kernel holds every offset (Δrow, Δcol) with cell · √(Δrow² + Δcol²) ≤ d_r,max; a
cell's own threat has d = 0 and i = 1. The sum Σ_y r_y i_rxy over the threat cells is the
convolution of the threat raster (values r_y in 0–1, NoData = 0, cells outside the raster = 0) with
this kernel, the way InVEST computes it (``pygeoprocessing.convolve_2d``).

**Normalisation.** The user guide writes the plain sum; InVEST's convolution releases (3.x) divide
the kernel by its sum, so that the filtered threat is a distance-weighted *mean* intensity in 0–1
and the default half-saturation constant 0.5 is meaningful. ``normalise=True`` (default) follows
InVEST's code, ``False`` the guide's literal sum. (InVEST's exponential kernel in those releases was
exp(−d/d_max) truncated at 5·d_max, which the guide's equation above does not say; the guide's
equation is used here. Recent InVEST releases replace the convolution by the distance to the nearest
threat cell; this tool keeps the guide's sum over all threat cells.)

**Strips.** The grid is processed in strips of whole rows; each threat is read with a halo of its
kernel radius above and below, zero-padded left and right, and convolved in ``valid`` mode, so the
result equals the whole-raster convolution exactly (up to FFT rounding: values below 1e-12 of the
kernel sum are set to 0). Small kernels (≤ 11 × 11) are convolved directly, larger ones by FFT
(``scipy.signal.fftconvolve``). Memory: :func:`estimate_strip_bytes`.
"""
import math

import numpy as np
from scipy import signal

#: The exponential decay constant of the user guide: exp(−2.99) ≈ 0.05 at the maximum distance.
EXP_CONSTANT = 2.99
#: Target number of cells of one padded strip.
STRIP_CELLS = 1 << 22
_DIRECT_MAX = 121


def kernel_radius(max_dist_km, cell_size):
    """Radius of the kernel in cells: the largest offset whose centre distance is ≤ d_max."""
    return int(math.floor(max_dist_km * 1000.0 / cell_size * (1 + 1e-12)))


def decay_kernel(max_dist_km, cell_size, decay, normalise=True):
    """The (2R+1) × (2R+1) kernel of i_rxy (linear or exponential, 0 beyond d_max), divided by its sum
    when ``normalise``."""
    d_max = max_dist_km * 1000.0
    radius = kernel_radius(max_dist_km, cell_size)
    offsets = np.arange(-radius, radius + 1, dtype=np.float64)
    distance = cell_size * np.hypot(offsets[:, None], offsets[None, :])
    if decay == "linear":
        kernel = 1.0 - distance / d_max
    elif decay == "exponential":
        kernel = np.exp(-(EXP_CONSTANT / d_max) * distance)
    else:
        raise ValueError(f"unknown decay {decay!r}")
    kernel[distance > d_max * (1 + 1e-12)] = 0.0
    kernel = np.maximum(kernel, 0.0)
    if normalise:
        kernel /= kernel.sum()
    return kernel


def strip_rows(rows, cols, radius, target=STRIP_CELLS):
    """Rows per strip so that a padded strip, (rows + 2R) × (cols + 2R), holds about ``target`` cells
    (at least 64 rows and at least twice the radius, so that the halos read at most twice the strip)."""
    padded_cols = cols + 2 * radius
    height = max(target // max(padded_cols, 1) - 2 * radius, 64, 2 * radius)
    return int(min(height, rows))


def estimate_strip_bytes(nrows, cols, radius):
    """Peak bytes of one strip convolution: the padded strip and the FFT buffers on the full
    convolution shape (complex spectra of both operands and their product, the float64 inverse
    transform, pocketfft's work buffer: about 56 bytes a cell, measured on the demo landscape)."""
    padded = (nrows + 2 * radius) * (cols + 2 * radius)
    if (2 * radius + 1) ** 2 <= _DIRECT_MAX:
        return 16 * padded
    full = (nrows + 4 * radius) * (cols + 4 * radius)
    return 8 * padded + 56 * full


def convolve_strip(read_rows, total_rows, cols, row0, nrows, kernel):
    """Σ_y r_y i_rxy for rows ``row0 … row0 + nrows − 1``.

    ``read_rows(first, count)`` returns the threat intensities (float64, NoData already 0) of rows
    ``first … first + count − 1``; rows outside the raster and columns beyond its edges are 0."""
    radius = kernel.shape[0] // 2
    padded = np.zeros((nrows + 2 * radius, cols + 2 * radius), np.float64)
    first = max(row0 - radius, 0)
    last = min(row0 + nrows + radius, total_rows)
    padded[first - (row0 - radius):last - (row0 - radius), radius:radius + cols] = read_rows(first, last - first)
    if not padded.any():
        return np.zeros((nrows, cols), np.float64)
    if kernel.size <= _DIRECT_MAX:
        return signal.convolve(padded, kernel, mode="valid", method="direct")
    result = signal.fftconvolve(padded, kernel, mode="valid")
    result[result < 1e-12 * kernel.sum()] = 0.0
    return result
