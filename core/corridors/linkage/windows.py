"""Search windows: where a core's cost-distance search has to run.

Two kinds, both in cell units on the resistance grid:

* **Cost windows** (exact): a path of accumulated cost <= L has a length <= L / r_min map units
  (every move costs at least r_min x its length), so a search cut at L never leaves the core's box
  grown by ``floor(L / (r_min * cell_size))`` cells; searching only there gives the same
  distances as the full grid.
* **Bounding circles** (Linkage Mapper ``s3_calcCwds.py``, an approximation it makes to save
  time): for a link (A, B), the circle centred on the centre of the union of both cores' boxes,
  radius = half that box's diagonal + a buffer; a core's search runs inside the union of the
  circles of its links (cells whose centre is inside).
"""
import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Window:
    """Rows ``r0 .. r1 - 1`` and columns ``c0 .. c1 - 1`` of a grid."""
    r0: int
    r1: int
    c0: int
    c1: int

    @property
    def slices(self):
        return slice(self.r0, self.r1), slice(self.c0, self.c1)

    @property
    def shape(self):
        return self.r1 - self.r0, self.c1 - self.c0

    @property
    def size(self):
        return max(self.r1 - self.r0, 0) * max(self.c1 - self.c0, 0)

    def union(self, other):
        return Window(min(self.r0, other.r0), max(self.r1, other.r1),
                      min(self.c0, other.c0), max(self.c1, other.c1))

    def intersect(self, other):
        """The common part (may be empty: check ``size``)."""
        return Window(max(self.r0, other.r0), min(self.r1, other.r1),
                      max(self.c0, other.c0), min(self.c1, other.c1))

    def expand(self, cells, shape):
        """Grown by ``cells`` on every side, clipped to a grid of ``shape``."""
        return Window(max(self.r0 - cells, 0), min(self.r1 + cells, shape[0]),
                      max(self.c0 - cells, 0), min(self.c1 + cells, shape[1]))

    def inner(self, other):
        """Slices of ``other`` (a window inside this one) relative to this window."""
        return (slice(other.r0 - self.r0, other.r1 - self.r0),
                slice(other.c0 - self.c0, other.c1 - self.c0))


def full_window(shape):
    return Window(0, shape[0], 0, shape[1])


def cost_margin(limit, min_resistance, cell_size):
    """Cells a search cut at accumulated cost ``limit`` can reach beyond its sources' box."""
    return int(math.floor(limit / (min_resistance * cell_size))) + 1


@dataclass(frozen=True)
class Circle:
    """Centre (row, col) and radius in cell units (cell (i, j) has its centre at i + 0.5, j + 0.5)."""
    row: float
    col: float
    radius: float

    def window(self, shape):
        return Window(max(int(math.floor(self.row - self.radius)), 0),
                      min(int(math.ceil(self.row + self.radius)), shape[0]),
                      max(int(math.floor(self.col - self.radius)), 0),
                      min(int(math.ceil(self.col + self.radius)), shape[1]))


def bounding_circle(box_a, box_b, buffer_cells):
    """Linkage Mapper's bounding circle of a link between cores with boxes ``box_a``, ``box_b``."""
    box = box_a.union(box_b)
    half_diagonal = 0.5 * math.hypot(box.r1 - box.r0, box.c1 - box.c0)
    return Circle(0.5 * (box.r0 + box.r1), 0.5 * (box.c0 + box.c1), half_diagonal + buffer_cells)


def circles_mask(window, circles):
    """Bool mask over ``window``: cells whose centre lies in at least one circle."""
    rows = np.arange(window.r0, window.r1, dtype=np.float64)[:, None] + 0.5
    cols = np.arange(window.c0, window.c1, dtype=np.float64)[None, :] + 0.5
    mask = np.zeros(window.shape, dtype=bool)
    for circle in circles:
        mask |= (rows - circle.row) ** 2 + (cols - circle.col) ** 2 <= circle.radius ** 2
    return mask


def reached_window(window, distance):
    """The part of ``window`` holding the finite values of ``distance`` (a grid over ``window``)."""
    rows = np.flatnonzero(np.isfinite(distance).any(axis=1))
    cols = np.flatnonzero(np.isfinite(distance).any(axis=0))
    if rows.size == 0:
        return Window(window.r0, window.r0, window.c0, window.c0)
    return Window(window.r0 + int(rows[0]), window.r0 + int(rows[-1]) + 1,
                  window.c0 + int(cols[0]), window.c0 + int(cols[-1]) + 1)
