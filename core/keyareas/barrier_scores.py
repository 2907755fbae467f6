"""Barrier improvement scores and how they are combined (Linkage Mapper Barrier Mapper,
``s6_barriers.py``; McRae, Hall, Beier & Theobald 2012, PLoS ONE 7:e52604; spec
``linkage_mapper.md`` §5). Pure array functions; the run is in :mod:`.barriers`.

For a link (A, B) with least-cost distance LCD and a detection radius R (map units):

* m_A(x) = minimum of CWD_A over the annulus R - 1 < d <= R around x (:func:`.focal.annulus_minimum`,
  NoData ignored), likewise m_B;
* **improvement score** I(x) = (LCD - m_A(x) - m_B(x) - 2R) / (2R): the least-cost distance saved
  per map unit restored if the disc of radius R centred on x were restored to resistance 1 (the
  route A → annulus → straight across the disc (2R) → annulus → B replaces the old one);
  **percent** score 100 · I(x) / LCD (:func:`link_score`). Where m_A or m_B is NoData the score is
  NoData, held here as -inf (it is dropped by every combination exactly as a negative score is).
* **combine across links** (:class:`ScoreMosaic`): MAXIMUM → mosaic by maximum; SUM → NoData and
  negative scores set to 0 first, then summed;
* per radius: **centres** = combined score with negative values set to NoData (in SUM mode the
  cells no link improves hold 0, as Linkage Mapper writes them); **circles** = focal maximum of the
  centres over the disc of radius R (:func:`.focal.disc_maximum`); **capped** = min(circles,
  resistance - 1), NoData resistance taken as 1e9 (:func:`capped_circles`, :func:`gain_cap`);
* across radii: maximum mosaics (:func:`fold_maximum`).

Difference from Linkage Mapper: in SUM mode it caps each link's circles before summing
(``_BarrierCircles_RBMin_Sum``); here, as the spec states, the summed circles are capped.
"""
import math

import numpy as np

from ..runtime.errors import InputError
from .focal import annulus_footprint, disc_maximum

#: Combination methods, in the order of the ``COMBINE`` parameter (public contract).
COMBINE_METHODS = ("maximum", "sum")
MAXIMUM, SUM = range(2)
#: What a cell on NoData resistance can gain (Linkage Mapper's fill value for the capped rasters).
NODATA_GAIN = 1e9
#: Largest number of radii a run accepts (each one is a full pass over the links).
MAX_RADII = 100

_BI = " / "


def radius_list(min_radius, max_radius, step, cell_size):
    """The radii R_min, R_min + step, ... <= R_max (step 0 → R_min alone), in map units.

    Raises :class:`InputError` for a radius smaller than a cell, R_max < R_min, a negative step,
    too many radii, or a radius whose annulus R - 1 < d <= R holds no cell centre.
    """
    r_min, r_max, step, cell = float(min_radius), float(max_radius), float(step), float(cell_size)
    if not (math.isfinite(r_min) and r_min >= cell * (1.0 - 1e-9)):
        raise InputError(
            f"MIN_RADIUS ({r_min:g} map units) is smaller than a cell ({cell:g} map units): the restoration disc "
            f"would not hold a whole cell. Give a minimum radius of at least {cell:g}."
            f"{_BI}最小半径（{r_min:g}）小于一个像元（像元大小 {cell:g}），请将最小半径设为不小于 {cell:g}。")
    if step < 0 or not math.isfinite(step):
        raise InputError(f"RADIUS_STEP must be 0 (a single radius) or positive, got {step:g}."
                         f"{_BI}半径步长必须为 0（单一半径）或正数。")
    if step == 0:
        radii = [r_min]
    else:
        if r_max < r_min:
            raise InputError(
                f"MAX_RADIUS ({r_max:g}) is smaller than MIN_RADIUS ({r_min:g}). Give a maximum radius of at least "
                f"the minimum, or a step of 0 for a single radius.{_BI}最大半径（{r_max:g}）小于最小半径（{r_min:g}），"
                "请调整，或将步长设为 0 只计算一个半径。")
        count = int(math.floor((r_max - r_min) / step * (1.0 + 1e-12) + 1e-9)) + 1
        if count > MAX_RADII:
            raise InputError(
                f"{count} radii from {r_min:g} to {r_max:g} by {step:g}: at most {MAX_RADII} are allowed (each radius "
                f"is a full pass). Use a larger step.{_BI}半径个数（{count}）超过 {MAX_RADII}，请增大步长。")
        radii = [r_min + k * step for k in range(count)]
    for radius in radii:
        if not annulus_footprint(radius - 1.0, radius, cell).any():
            raise InputError(
                f"No cell centre lies between {radius - 1:g} and {radius:g} map units from a cell (cell size {cell:g}), "
                f"so the annulus of radius {radius:g} is empty and no score could be computed. Use radii that are "
                f"multiples of the cell size.{_BI}半径 {radius:g} 的环形邻域内没有像元中心（像元大小 {cell:g}），"
                "请使用像元大小整数倍的半径。")
    return radii


def link_score(lcd, m_a, m_b, radius):
    """I = (LCD - m_A - m_B - 2R) / (2R) as float32; -inf where m_A or m_B is +inf (NoData)."""
    diameter = 2.0 * float(radius)
    score = (float(lcd) - diameter) - m_a.astype(np.float64) - m_b
    score /= diameter
    return score.astype(np.float32)


def percent_score(score, lcd):
    """100 · I / LCD (float32; -inf stays -inf)."""
    return (score * np.float32(100.0 / float(lcd))).astype(np.float32, copy=False)


class ScoreMosaic:
    """Scores of the links at one radius combined on the grid (float32)."""

    def __init__(self, shape, combine):
        if combine not in (MAXIMUM, SUM):
            raise InputError(f"COMBINE must be 0 (maximum) or 1 (sum), got {combine}.")
        self.combine = combine
        self.values = np.full(shape, -np.inf if combine == MAXIMUM else 0.0, dtype=np.float32)

    def add(self, window, score):
        """Fold one link's ``score`` (a grid over ``window``; -inf = NoData) in."""
        part = self.values[window.slices]
        if self.combine == MAXIMUM:
            np.maximum(part, score, out=part)
        else:
            part += np.maximum(score, np.float32(0.0))

    def centres(self):
        """The combined score with negative values (and NoData) set to NaN; the mosaic's array is
        reused (call once)."""
        values = self.values
        values[~(values >= 0)] = np.nan
        return values


def gain_cap(resistance, valid):
    """What a cell can gain by restoration: resistance - 1, or :data:`NODATA_GAIN` on NoData (float32)."""
    cap = np.full(np.shape(resistance), NODATA_GAIN, dtype=np.float32)
    np.subtract(resistance, 1.0, out=cap, where=valid, casting="unsafe")
    return cap


def circles(centres, radius, cell_size):
    """Focal maximum of the centres over the disc of radius ``radius`` (NaN = NoData)."""
    return disc_maximum(centres, radius, cell_size)


def capped_circles(circle_values, cap):
    """min(circles, cap); NoData (NaN) circles stay NoData."""
    return np.minimum(circle_values, cap)


def fold_maximum(total, values):
    """Maximum mosaic across radii (NaN = NoData ignored); returns the running total."""
    if total is None:
        return values.copy()
    np.fmax(total, values, out=total)
    return total
