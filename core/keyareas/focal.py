"""Focal statistics over circular neighbourhoods in map units (ArcGIS Spatial Analyst *Focal
Statistics* with ``NbrAnnulus`` / ``NbrCircle`` in ``MAP`` units, "DATA" = NoData ignored), as
Linkage Mapper's Barrier Mapper calls them (spec ``linkage_mapper.md`` §5).

Membership (ArcGIS: "cells with centers that fall outside the radius of the smaller circle but
inside the radius of the larger circle"; a circle holds "any cell whose center falls within the
radius"): with ``d`` the distance in map units between the centres of cell x and cell y,

* **annulus** (inner ``r_in``, outer ``r_out``): ``r_in < d <= r_out``;
* **disc** (radius ``r``): ``d <= r``.

Equality is decided on squared distances in cell units with a relative tolerance of 1e-9, so a
radius that is a whole number of cells includes the cells exactly on it. ArcGIS converts map-unit
radii to cell units "that most closely represent the area"; its rounding rule is not published,
so a radius that is not a multiple of the cell size may select slightly different cells there.

Cells beyond the grid edge are not in any neighbourhood (they count as NoData).

* :func:`annulus_minimum`: ``scipy.ndimage.minimum_filter`` with the annulus as footprint
  (cost proportional to the cells of the annulus, which is thin: inner radius R - 1 map unit).
* :func:`disc_maximum`: the disc is a stack of horizontal runs, so its maximum is the maximum over
  row offsets ``dy`` of a 1-D running maximum of half-width ``floor(sqrt(r^2 - dy^2))`` shifted by
  ``dy`` rows (``scipy.ndimage.maximum_filter1d``, van Herk: O(1) per cell and run) — exact, and
  O(cells x radius) instead of O(cells x radius^2) for the footprint filter.
"""
import math

import numpy as np
from scipy import ndimage

#: Relative tolerance on squared radii (a centre exactly on a circle counts as on it).
RADIUS_TOLERANCE = 1e-9


def _squared(radius, cell_size):
    return (float(radius) / float(cell_size)) ** 2 * (1.0 + RADIUS_TOLERANCE)


def disc_footprint(radius, cell_size):
    """Bool (2k + 1) x (2k + 1) footprint: cells whose centre is within ``radius`` (map units) of the
    centre cell."""
    outer = _squared(radius, cell_size)
    k = int(math.floor(math.sqrt(outer)))
    offsets = np.arange(-k, k + 1)
    squared = offsets[:, None] ** 2 + offsets[None, :] ** 2
    return squared <= outer


def annulus_footprint(inner, outer, cell_size):
    """Bool footprint of the annulus ``inner < d <= outer`` (map units) around the centre cell."""
    outer2 = _squared(outer, cell_size)
    inner2 = _squared(max(float(inner), 0.0), cell_size)
    k = int(math.floor(math.sqrt(outer2)))
    offsets = np.arange(-k, k + 1)
    squared = offsets[:, None] ** 2 + offsets[None, :] ** 2
    return (squared > inner2) & (squared <= outer2)


def annulus_minimum(values, inner, outer, cell_size):
    """Minimum of ``values`` (NoData = +inf) over the annulus ``inner < d <= outer`` around each cell;
    +inf where the annulus holds no data. Returns an array of the dtype of ``values``."""
    footprint = annulus_footprint(inner, outer, cell_size)
    if not footprint.any():
        return np.full(np.shape(values), np.inf, dtype=np.asarray(values).dtype)
    return ndimage.minimum_filter(values, footprint=footprint, mode="constant", cval=np.inf)


def disc_maximum(values, radius, cell_size):
    """Maximum of ``values`` (NoData = NaN) over the disc ``d <= radius`` around each cell; NaN where
    the disc holds no data. Float arrays only; returns the dtype of ``values``."""
    values = np.asarray(values)
    work = np.where(np.isnan(values), -np.inf, values).astype(values.dtype, copy=False)
    outer = _squared(radius, cell_size)
    k = int(math.floor(math.sqrt(outer)))
    out = np.full(values.shape, -np.inf, dtype=values.dtype)
    rows = values.shape[0]
    run, half = None, None
    for dy in range(0, k + 1):
        width = int(math.floor(math.sqrt(max(outer - dy * dy, 0.0))))
        if width != half:
            half = width
            run = ndimage.maximum_filter1d(work, size=2 * half + 1, axis=1, mode="constant", cval=-np.inf)
        if dy == 0:
            np.maximum(out, run, out=out)
        elif dy < rows:
            np.maximum(out[:-dy], run[dy:], out=out[:-dy])
            np.maximum(out[dy:], run[:-dy], out=out[dy:])
    out[np.isneginf(out)] = np.nan
    return out
