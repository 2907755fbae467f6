"""Cost distance by fast sweeping: row passes with min-plus prefix scans (pure numpy).

Rule: the ESRI Cost Distance graph of :mod:`.costdist` (8 neighbours, a 4-adjacent move costs
``(h1 + h2)``, a diagonal one ``sqrt(2) * (h1 + h2)``, ``h = cell_size * r / 2``; NoData cells
have no edge). The least accumulated cost ``d`` is the fixpoint of ``d[c] = min(d[c],
d[n] + w(n, c))`` over all edges (Bellman), reached here by Gauss-Seidel sweeps (fast sweeping,
Zhao 2005, Math. Comp. 74:603) instead of a priority queue:

* a **down pass** relaxes each row from the row above (3 candidates per cell) and then scans the
  row both ways; an **up pass** does the same from the row below. A phase is one of each.
* the horizontal scan is a min-plus prefix scan: with ``P`` the prefix sum of the row's edge
  weights, left to right ``d[j] = min(d[j], P[j] + min_{i<j}(d[i] - P[i]))`` (a cumulative
  minimum of ``d - P`` plus ``P``), right to left with ``d + P``. The cell's own term is left out
  (``(d - P) + P`` can round one unit below ``d`` and would drift down for ever). NoData cells
  each form their own segment and cut the scan there: the cumulative minimum runs over complex
  numbers ``-segment + 1j * (d - P)``, which numpy orders lexicographically, so it restarts at
  every segment.
* only what changed is redone: each row keeps the column span changed since each neighbour
  last read it; rows and columns outside are skipped.
* stop: when a phase improves no value by more than a relative ``TOLERANCE`` (1e-12; a strict
  no-change fixpoint takes many more phases for rounding-level changes). Values agree with an
  exact Dijkstra to about 2e-13 relative (sums are formed in another order).

A surface whose least-cost paths turn back and forth between up and down many times (mazes,
spirals, uncorrelated noise) needs many phases; :func:`sweep` gives up after ``budget`` cell
updates, or after the first phase when it left over 1 % of the cells connected to a source
unreached (a maze, :mod:`.sweep_probe`, which :class:`.costdist.CostGraph` asks before
sweeping), and returns ``None`` so that the caller can run Dijkstra instead.

Memory: ``P``, three vertical/diagonal weight grids, the distance (float64) and the segment
numbers (int32) of rows holding NoData: 44 B per cell, plus a few rows of buffers.
"""
import math

import numpy as np

from .sweep_probe import MAZE_SHARE, defeats_sweeps

SQRT2 = math.sqrt(2.0)
#: Relative improvement below which a value counts as converged.
TOLERANCE = 1e-12
_SHRINK = 1.0 - TOLERANCE
#: Fixed cost of one row operation in cell updates (the Python and numpy call overhead of a row
#: against the per-cell cost, measured on serpentine and smooth sweeps), for the work budget.
ROW_OVERHEAD = 2000

def phase_work(shape):
    """Cell updates of one phase that changes every row: 4 row operations per row."""
    rows, cols = shape
    return 4.0 * rows * (ROW_OVERHEAD + cols)


#: Bytes per cell held by :class:`SweepGrid` and one sweep.
BYTES_PER_CELL = 4 * 8 + 4 + 8


class SweepGrid:
    """The precomputed rows of a resistance grid: prefix sums ``P`` of the horizontal edge weights,
    vertical ``wv``, diagonal ``wa`` ((r, c)-(r+1, c+1)) and ``wb`` ((r, c+1)-(r+1, c)) weights
    (inf where an end is NoData) and, for rows with NoData, the segment number of each cell.

    ``half``: ``cell_size * resistance / 2`` as float64 (any value on NoData; overwritten: 0 on
    NoData); ``valid``: bool grid.
    """

    def __init__(self, half, valid, progress):
        rows, cols = valid.shape
        invalid = ~valid
        self.valid, self.shape = valid, valid.shape
        h = half  # the caller's temporary: NoData cells are zeroed in place
        np.putmask(h, invalid, 0.0)
        # NoData steps get a positive filler in P: they are cut by the segments, never crossed
        filler = np.where(valid, h, float(h.max()))
        self.P = np.empty((rows, cols))
        self.P[:, 0] = 0.0
        np.add(filler[:, :-1], filler[:, 1:], out=self.P[:, 1:])
        del filler
        np.cumsum(self.P[:, 1:], axis=1, out=self.P[:, 1:])
        progress.update(0.3)
        self.wv = h[:-1] + h[1:]
        self.wv[invalid[:-1] | invalid[1:]] = np.inf
        progress.update(0.5)
        self.wa = h[:-1, :-1] + h[1:, 1:]
        self.wa *= SQRT2
        self.wa[invalid[:-1, :-1] | invalid[1:, 1:]] = np.inf
        progress.update(0.7)
        self.wb = h[:-1, 1:] + h[1:, :-1]
        self.wb *= SQRT2
        self.wb[invalid[:-1, 1:] | invalid[1:, :-1]] = np.inf
        del h
        progress.update(0.9)
        self.holes = np.flatnonzero(invalid.any(axis=1))  # rows holding NoData
        self.row_of_hole = np.full(rows, -1, dtype=np.int64)
        self.row_of_hole[self.holes] = np.arange(self.holes.size)
        self.invalid = invalid[self.holes]
        self.hole_cols = [np.flatnonzero(line) for line in self.invalid]
        cut = self.invalid.copy()
        cut[:, 1:] |= self.invalid[:, :-1]  # a NoData cell and the cell after it start a segment
        self.segment = np.cumsum(cut, axis=1, dtype=np.int32)
        progress.update(1.0)

    @property
    def nbytes(self):
        return self.P.nbytes + self.wv.nbytes + self.wa.nbytes + self.wb.nbytes + self.segment.nbytes


class _Rows:
    """Row buffers and the two scans of one sweep."""

    def __init__(self, grid, distance):
        cols = grid.shape[1]
        self.grid, self.d = grid, distance
        self.buf, self.buf2 = np.empty(cols), np.empty(cols)
        self.z = np.empty(cols, dtype=np.complex128)

    def scan(self, r, a, b):
        """Both scans of row ``r`` after its cells ``[a, b)`` improved; returns the changed span.

        The scans stay inside the segments (runs between NoData cells) that hold ``[a, b)``."""
        grid, row, buf = self.grid, self.d[r], self.buf
        p = grid.P[r]
        k = grid.row_of_hole[r]
        hi, lo = row.size, 0
        if k >= 0:
            holes = grid.hole_cols[k]
            n = int(np.searchsorted(holes, b))
            hi = int(holes[n]) if n < holes.size else row.size
            n = int(np.searchsorted(holes, a))
            lo = int(holes[n - 1]) + 1 if n else 0
        e, s = b, a
        # left to right over [a, hi): candidate of j from i in [a, j)
        if hi - a > 1:
            n = hi - a
            if k < 0:
                u = buf[:n]
                np.subtract(row[a:hi], p[a:hi], out=u)
                np.minimum.accumulate(u, out=u)
                low = u[:-1]
            else:
                z = self.z[:n]
                np.negative(grid.segment[k, a:hi], out=z.real)
                np.subtract(row[a:hi], p[a:hi], out=z.imag)
                np.minimum.accumulate(z, out=z)
                low = buf[:n - 1]
                np.copyto(low, z.imag[:-1])
            np.add(low, p[a + 1:hi], out=low)
            if k >= 0:
                np.putmask(low, grid.invalid[k, a + 1:hi], np.inf)
            better = low < row[a + 1:hi]
            last = n - 2 - int(better[::-1].argmax())
            if better[last]:
                e = max(e, a + 2 + last)
                np.minimum(row[a + 1:hi], low, out=row[a + 1:hi])
        # right to left over [lo, e): candidate of j from i in (j, e)
        if e - lo > 1:
            n = e - lo
            if k < 0:
                u = buf[:n]
                np.add(row[lo:e], p[lo:e], out=u)
                v = u[::-1]
                np.minimum.accumulate(v, out=v)
                high = u[1:]
            else:
                z = self.z[:n]
                z.real[:] = grid.segment[k, lo:e]
                np.add(row[lo:e], p[lo:e], out=z.imag)
                v = z[::-1]
                np.minimum.accumulate(v, out=v)
                high = buf[:n - 1]
                np.copyto(high, z.imag[1:])
            np.subtract(high, p[lo:e - 1], out=high)
            if k >= 0:
                np.putmask(high, grid.invalid[k, lo:e - 1], np.inf)
            better = high < row[lo:e - 1]
            first = int(better.argmax())
            if better[first]:
                s = min(s, lo + first)
                np.minimum(row[lo:e - 1], high, out=row[lo:e - 1])
        return s, e

    def relax(self, r, o, x0, x1):
        """Candidates of row ``r`` cells ``[x0, x1)`` from the adjacent row ``o``; applies them and
        returns the span ``(a, b)`` of cells improved by more than the tolerance (``None``: none)."""
        grid, d, buf, buf2 = self.grid, self.d, self.buf, self.buf2
        cols = d.shape[1]
        a_row, row = d[o], d[r]
        top = min(r, o)
        cand = buf[x0:x1]
        np.add(a_row[x0:x1], grid.wv[top, x0:x1], out=cand)
        # diagonal from column c - 1 of row o: (top, c-1)-(top+1, c) is wa when o is above, wb below
        lo = max(x0, 1)
        if lo < x1:
            w = grid.wa[top, lo - 1:x1 - 1] if o < r else grid.wb[top, lo - 1:x1 - 1]
            tmp = buf2[lo:x1]
            np.add(a_row[lo - 1:x1 - 1], w, out=tmp)
            np.minimum(buf[lo:x1], tmp, out=buf[lo:x1])
        hi = min(x1, cols - 1)
        if x0 < hi:
            w = grid.wb[top, x0:hi] if o < r else grid.wa[top, x0:hi]
            tmp = buf2[x0:hi]
            np.add(a_row[x0 + 1:hi + 1], w, out=tmp)
            np.minimum(buf[x0:hi], tmp, out=buf[x0:hi])
        target = row[x0:x1]
        limit = buf2[x0:x1]
        np.multiply(target, _SHRINK, out=limit)
        better = cand < limit
        a = int(better.argmax())
        if not better[a]:
            return None
        b = better.size - int(better[::-1].argmax())
        np.minimum(target, cand, out=target)
        return x0 + a, x0 + b


def sweep(grid, distance, budget, progress, give_up=True):
    """Relax ``distance`` (0 on the sources, inf elsewhere; modified in place) to the cost
    distance on ``grid``. Returns the number of phases, or ``None`` when more than ``budget`` cell
    updates (:data:`ROW_OVERHEAD` per row operation) were needed or the first phase found a maze.
    ``give_up=False``: sweep until converged however long it takes (``budget`` then only scales
    the progress, which stops short of 1 beyond it)."""
    rows, cols = grid.shape
    work = _Rows(grid, distance)
    empty = (cols, 0)
    # span of each row changed since row r + 1 (down) and row r - 1 (up) last read it
    down = [empty] * rows
    up = [empty] * rows
    spent = 0
    for r in np.flatnonzero(np.any(distance == 0.0, axis=1)):
        work.scan(int(r), 0, cols)
        down[r] = up[r] = (0, cols)
        spent += 2 * cols + ROW_OVERHEAD
    phases = 0
    while True:
        phases += 1
        moved = False
        for step, order in ((1, range(1, rows)), (-1, range(rows - 2, -1, -1))):
            source = down if step == 1 else up
            for r in order:
                o = r - step
                lo, hi = source[o]
                if lo >= hi:
                    continue
                source[o] = empty
                x0, x1 = max(lo - 1, 0), min(hi + 1, cols)
                spent += (x1 - x0) + ROW_OVERHEAD
                span = work.relax(r, o, x0, x1)
                if span is None:
                    continue
                s, e = work.scan(r, *span)
                spent += (e - s) + ROW_OVERHEAD
                moved = True
                d_lo, d_hi = down[r]
                down[r] = (min(d_lo, s), max(d_hi, e))
                u_lo, u_hi = up[r]
                up[r] = (min(u_lo, s), max(u_hi, e))
            progress.update(min(spent / budget, 0.99), None)
            if give_up and spent > budget:
                return None
        if not moved:
            return phases
        if give_up and phases == 1 and _maze_like(grid, distance):
            return None


def _maze_like(grid, distance):
    """True after a first phase that left over :data:`MAZE_SHARE` of the valid cells unreached
    and the probe (:mod:`.sweep_probe`) finds a maze (a phase reaches the same cells)."""
    unreached = np.count_nonzero(np.isinf(distance) & grid.valid)
    return unreached > MAZE_SHARE * grid.valid.size and defeats_sweeps(grid.valid, distance == 0.0)

