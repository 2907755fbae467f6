"""Connector of the skeleton: constrained geodesic dilation (MSPA step 10).

Reference: Soille's constrained Euclidean distance ("ced", miallib; Soille 2003, *Morphological
Image Analysis*, §7.3) as run by JRC MSPA v2.3 (``mspa_lin64``), described in
``shared/specs/mspa.md`` §4 step 10. Reproduced exactly (every pixel's vector and base length,
hence every byte of the 48 reference rasters and of 10000 x 10000 tiled maps).

The distance propagates from the skeleton through the mask by rounds. Each pixel gets a
vector ``v`` from its *base point* to itself and the length ``b`` of the path to that base;
a neighbour n proposes ``v(n) + u`` while the straight (Bresenham) line from n's base point
to the pixel stays in the mask, otherwise n itself becomes the new base. ``D = b + |v|``.

Vectorised by rounds. A round evaluates its new queue entries together: an entry may use the
vectors of entries evaluated earlier in the same round (queue order); those dependencies form
an acyclic graph, so the entries are solved by iterating to the (unique) fixed point, which is
the sequential result. Queue order is kept exactly with keys (queue position, direction).
A proposal through the line ``|v(n) + u| + b(n)`` is never longer than the new-base proposal
``|v(n)| + b(n) + 1``, so candidates are tried in increasing order of the former and most
pixels need one line test only.

Only the pixels with ``D <= T_c`` matter to MSPA, and they all lie within Euclidean distance
and within ``floor(T_c)`` 8-steps inside the mask of the skeleton (see :func:`_needed`); given
that radius, the rounds stop as soon as every such pixel that the queue can reach is set
(vectors are never recomputed), which skips the tail of rounds that spread larger distances.
"""
import math

import numpy as np
from scipy import ndimage

from ...runtime.progress import ensure
from .morphology import dilate_disk, geodesic_dilate8, structure

# 4-neighbours in the reference's order N, W, S, E: (dy, dx) of n relative to p, and the unit
# step u = p - n as (ux, uy) with x = column, y = row.
_DIRECTIONS = ((-1, 0), (0, -1), (1, 0), (0, 1))
_UNIT_X = np.array([0, 1, 0, -1], dtype=np.float64)
_UNIT_Y = np.array([1, 0, -1, 0], dtype=np.float64)

# pixel states
_OUTSIDE, _FREE, _QUEUED, _SET = 0, 1, 2, 3
_CHUNK = 1 << 22          # elements per batch of line pixels / distance evaluation
_EVALUATION_CHUNK = 1 << 18   # queue entries evaluated together


class ConstrainedDistance:
    """Constrained distance from a skeleton inside the mask ``M`` (step 10).

    ``ConstrainedDistance(skeleton, connector_mask(...))``, then :meth:`run`, then
    :meth:`within` gives the pixels with ``low <= D <= high``.

    Memory: 9 bytes per pixel of the grid (state uint8, vector packed in an int32 -- int64
    for grids of 32,767 pixels or more -- and base length float32) plus index arrays of the
    queue and of a chunk of evaluated entries (about 100 MB); with ``radius``, one bit per pixel
    more (and an int32 label image while it is built, before the distance field exists).
    """

    def __init__(self, sources, state, radius=None):
        """``state``: bordered mask from :func:`connector_mask` (used in place); ``sources``:
        bool array of the grid without the border; ``radius``: when given, :meth:`run` stops
        once every pixel that can have ``D <= radius`` is set (the others stay unset)."""
        self.cols = state.shape[1]
        self.radius = radius
        self.needed = self.remaining = None
        if radius is not None:
            needed = _needed(sources, state, radius)
            self.remaining = int(np.count_nonzero(needed))
            self.needed = np.packbits(needed)          # bit i (big-endian) = flat pixel i
            del needed
        self.state = state.reshape(-1)
        source_rows, source_cols = np.nonzero(sources)
        self.sources = (source_rows.astype(np.int64) + 1) * self.cols + source_cols + 1
        del source_rows, source_cols
        self.state[self.sources] = _SET
        self.free = max(int(np.count_nonzero(self.state == _FREE)), 1)     # for progress
        # the vector (vx, vy) packed in one integer: vx in the high half, vy in the low half
        small = max(state.shape) < np.iinfo(np.int16).max
        self.vector = np.zeros(self.state.size, dtype=np.int32 if small else np.int64)
        self.half = 16 if small else 32
        self.base = np.zeros(self.state.size, dtype=np.float32)
        self.offsets = np.array([dy * self.cols + dx for dy, dx in _DIRECTIONS], dtype=np.int64)

    def unpack(self, packed):
        """(vx, vy) as float64 arrays from packed vectors."""
        half = packed.dtype.type(self.half)
        return (packed >> half).astype(np.float64), ((packed << half) >> half).astype(np.float64)

    def pack(self, vx, vy):
        """Packed vectors from integer-valued (vx, vy)."""
        dtype = self.vector.dtype
        half = dtype.type(self.half)
        return (vx.astype(dtype) << half) | (vy.astype(dtype) & dtype.type((1 << self.half) - 1))

    # ----------------------------------------------------------------- queue
    def claim(self, finalised, finalised_keys):
        """Free 4-neighbours of ``finalised`` (in queue order), each once, with their keys.

        The entry at queue position i appends its free neighbours N, W, S, E with keys
        5 i + 1 ... 5 i + 4; a pixel claimed twice is queued by its first claim. Done in
        consecutive chunks of the queue (bounded memory): a pixel queued by an earlier chunk
        is no longer free for a later one.
        """
        targets, keys = [], []
        for part in np.array_split(np.arange(finalised.size), max(1, finalised.size // _EVALUATION_CHUNK)):
            t = (finalised[part, None] + self.offsets[None, :]).reshape(-1)
            free = np.flatnonzero(self.state[t] == _FREE)
            t = t[free]
            _, first = np.unique(t, return_index=True)
            first.sort()
            t, free = t[first], free[first]
            self.state[t] = _QUEUED
            targets.append(t)
            keys.append(finalised_keys[part[free // 4]] + free % 4 + 1)
        if not targets:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(targets), np.concatenate(keys)

    # ----------------------------------------------------------------- evaluation
    def lines_inside(self, start, wx, wy):
        """Whether the Bresenham walk from flat position ``start`` by (wx, wy) stays in the mask.

        The start and the last pixel are not looked at: the walk ends on the evaluated pixel,
        which is in the mask. The walk steps along the major axis and, at step i, has made
        ``floor((2 i minor + major) / (2 major))`` minor steps (the closed form of the
        error-term recursion of §4 step 10), so all steps of a batch of lines are gathered at
        once; lines are grouped by length so that the batches stay rectangular.
        """
        ax, ay = np.abs(wx), np.abs(wy)
        x_major = ax >= ay
        major = np.maximum(ax, ay)
        minor = np.minimum(ax, ay)
        major_step = np.where(x_major, np.sign(wx), np.sign(wy) * self.cols)
        minor_step = np.where(x_major, np.sign(wy) * self.cols, np.sign(wx))
        result = np.ones(start.size, dtype=bool)
        longest = int(major.max()) if major.size else 0
        low = 1
        while low < longest:
            high = min(2 * low, longest)
            batch = np.flatnonzero((major > low) & (major <= high))
            for chunk in np.array_split(batch, max(1, batch.size * high // _CHUNK)):
                steps = np.minimum(np.arange(1, high)[None, :], major[chunk, None] - 1)
                minors = (2 * minor[chunk, None] * steps + major[chunk, None]) // (2 * major[chunk, None])
                pixels = (start[chunk, None] + steps * major_step[chunk, None]
                          + minors * minor_step[chunk, None])
                result[chunk] = (self.state[pixels] != _OUTSIDE).all(axis=1)
            low = high
        return result

    def choose(self, pixels, usable, nvx, nvy, nbase):
        """The accepted proposal for each of ``pixels`` from its usable neighbours.

        ``usable``, ``nvx``, ``nvy`` (float64), ``nbase`` (float32): (n, 4) arrays over the
        directions N, W, S, E. Reference rule: scanning N, W, S, E, a proposal is accepted when
        its length is strictly below the best so far, i.e. the winner is the minimum of
        (delta, direction). Candidates are tried in increasing (through-length, direction)
        order; the first whose line is inside the mask wins outright. Returns
        (delta float32, direction, vx, vy, base float32).
        """
        wx = nvx + _UNIT_X
        wy = nvy + _UNIT_Y
        nbase64 = nbase.astype(np.float64)
        through = (np.sqrt(wx * wx + wy * wy) + nbase64).astype(np.float32)
        through[~usable] = np.inf
        count = pixels.size
        rows = np.arange(count)
        best_dir = np.argmin(through, axis=1)                  # first minimum: (delta, direction)
        best = through[rows, best_dir]
        best_inside = self._line_inside_from(pixels, best_dir, nvx[rows, best_dir],
                                             nvy[rows, best_dir], wx[rows, best_dir], wy[rows, best_dir])
        blocked = np.flatnonzero(~best_inside)
        if blocked.size:
            rebased = (np.sqrt(nvx[blocked] ** 2 + nvy[blocked] ** 2) + nbase64[blocked] + 1.0).astype(np.float32)
            sub_best_dir = best_dir[blocked]
            sub_best = rebased[np.arange(blocked.size), sub_best_dir]
            sub_inside = np.zeros(blocked.size, dtype=bool)
            sub_through = through[blocked]
            sub_through[np.arange(blocked.size), sub_best_dir] = np.inf     # tried already
            order = np.argsort(sub_through, axis=1, kind="stable")
            open_rows = np.arange(blocked.size)
            for rank in range(3):
                d = order[open_rows, rank]
                bound = sub_through[open_rows, d]
                live = np.isfinite(bound) & ((bound < sub_best[open_rows])
                                             | ((bound == sub_best[open_rows]) & (d < sub_best_dir[open_rows])))
                open_rows, d, bound = open_rows[live], d[live], bound[live]
                if open_rows.size == 0:
                    break
                rows_full = blocked[open_rows]
                inside = self._line_inside_from(pixels[rows_full], d, nvx[rows_full, d], nvy[rows_full, d],
                                                wx[rows_full, d], wy[rows_full, d])
                delta = np.where(inside, bound, rebased[open_rows, d])
                better = (delta < sub_best[open_rows]) | ((delta == sub_best[open_rows])
                                                          & (d < sub_best_dir[open_rows]))
                take = open_rows[better]
                sub_best[take], sub_best_dir[take], sub_inside[take] = delta[better], d[better], inside[better]
            best[blocked], best_dir[blocked], best_inside[blocked] = sub_best, sub_best_dir, sub_inside
        d = best_dir
        vx = np.where(best_inside, wx[rows, d], _UNIT_X[d])
        vy = np.where(best_inside, wy[rows, d], _UNIT_Y[d])
        base = np.where(best_inside, nbase[rows, d], best - np.float32(1.0)).astype(np.float32)
        return best, best_dir, vx, vy, base

    def _line_inside_from(self, pixels, d, nvx, nvy, wx, wy):
        """Line test of the proposal to ``pixels`` from their neighbours in directions ``d``."""
        start = pixels + self.offsets[d] - (nvy.astype(np.int64) * self.cols + nvx.astype(np.int64))
        return self.lines_inside(start, wx.astype(np.int64), wy.astype(np.int64))

    def evaluate_first(self, new):
        """:meth:`evaluate` of the first round, in closed form.

        Its entries are the free 4-neighbours of the sources, and before it only the sources
        are set. A source proposes ``|u| = 1`` through a one-step line (the entry itself, in
        the mask); nothing proposes less (an entry evaluated earlier in the round has a unit
        vector v, and ``|v + u|`` is 0 only at v's own source, else at least sqrt 2), so each
        entry takes ``v = u`` of its first source neighbour in the order N, W, S, E, ``b = 0``.
        """
        for chunk in np.array_split(new, max(1, new.size // _EVALUATION_CHUNK)):
            is_source = self.state[chunk[:, None] + self.offsets[None, :]] == _SET
            direction = np.argmax(is_source, axis=1)
            self.vector[chunk] = self.pack(_UNIT_X[direction], _UNIT_Y[direction])
        self.base[new] = 0.0
        self.state[new] = _SET
        return np.ones(new.size, dtype=np.float32), np.ones(new.size, dtype=np.float64)

    def evaluate_second(self, new):
        """:meth:`evaluate` of the second round, in closed form.

        Every first-round entry was finalised (all have D = 1), so the second round's entries
        are their free 4-neighbours, none next to a source, and the set pixels around them are
        first-round pixels (unit v, b = 0). Such a neighbour proposes ``w = v + u`` of length
        sqrt 2 (a diagonal step from its source) or 2 (straight on, through the neighbour),
        both lines inside the mask; an entry evaluated earlier in the round proposes at least
        sqrt 5 (its source is not next to the entry). So each entry takes the shortest ``w``
        of its first-round neighbours, the first in N, W, S, E on a tie, and ``b = 0``.
        """
        deltas = []
        for chunk in np.array_split(new, max(1, new.size // _EVALUATION_CHUNK)):
            neighbours = chunk[:, None] + self.offsets[None, :]
            nvx, nvy = self.unpack(self.vector[neighbours])
            wx, wy = nvx + _UNIT_X, nvy + _UNIT_Y
            squared = np.where(self.state[neighbours] == _SET, wx * wx + wy * wy, np.inf)
            direction = np.argmin(squared, axis=1)
            rows = np.arange(chunk.size)
            vx, vy = wx[rows, direction], wy[rows, direction]
            self.vector[chunk] = self.pack(vx, vy)
            deltas.append(np.sqrt(vx * vx + vy * vy))
        self.base[new] = 0.0
        self.state[new] = _SET
        distance = np.concatenate(deltas) if deltas else np.zeros(0)
        return distance.astype(np.float32), distance

    def evaluate(self, new):
        """Set the vectors of the round's ``new`` entries (queue order).

        Returns their deltas and their distances ``|v| + b``. Evaluated in consecutive chunks
        of the queue (bounded memory): an entry of a later chunk sees the entries of earlier
        chunks as set, exactly as in the sequential pass.
        """
        parts = [self._evaluate_chunk(chunk)
                 for chunk in np.array_split(new, max(1, new.size // _EVALUATION_CHUNK))]
        return (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))

    def _evaluate_chunk(self, new):
        """:meth:`evaluate` on consecutive queue entries ``new``."""
        neighbours = new[:, None] + self.offsets[None, :]
        state = self.state[neighbours]
        usable = state == _SET
        nvx, nvy = self.unpack(self.vector[neighbours])
        nbase = self.base[neighbours]
        # same-round neighbours evaluated before the entry (earlier in the queue): their
        # positions in the chunk + 1 go in their vector slots, unused until they are evaluated
        # (0 for the entries of later chunks, which are not found)
        same_entry, same_dir = np.nonzero(state == _QUEUED)
        if same_entry.size:
            self.vector[new] = np.arange(1, new.size + 1)
            same_rank = self.vector[neighbours[same_entry, same_dir]].astype(np.int64) - 1
            earlier = (same_rank >= 0) & (same_rank < same_entry)
            same_entry, same_dir, same_rank = same_entry[earlier], same_dir[earlier], same_rank[earlier]
        best, best_dir, vx, vy, base = self.choose(new, usable, nvx, nvy, nbase)
        if same_entry.size:
            self._resolve_same_round(new, usable, nvx, nvy, nbase, (same_entry, same_dir, same_rank),
                                     (best, best_dir, vx, vy, base))
        self.vector[new], self.base[new] = self.pack(vx, vy), base
        self.state[new] = _SET
        distance = np.sqrt(vx * vx + vy * vy) + base
        return best, distance

    def _resolve_same_round(self, new, usable, nvx, nvy, nbase, same, current):
        """Let entries use the same-round entries evaluated before them (fixed point, in place).

        ``same`` = (entry, direction, rank of the earlier entry) of every such dependency;
        ``current`` = (delta, direction, vx, vy, base) of all entries, updated in place. An
        entry is re-chosen only when a same-round candidate whose value changed could beat its
        best (its through-length bound is lower, or it is the direction of the best).

        The dependencies point to earlier entries only (acyclic), so pass i settles every entry
        whose longest chain of them has i links: at most one pass per dependant, plus the one
        that finds no change. More passes mean a cycle (a broken rank), reported, not looped on.
        """
        entry, direction, rank = same
        best, best_dir, vx, vy, base = current
        dependants, slot = np.unique(entry, return_inverse=True)
        dep_usable = usable[dependants]
        dep_usable[slot, direction] = True
        dep_vx, dep_vy, dep_base = nvx[dependants], nvy[dependants], nbase[dependants]
        changed = np.ones(new.size, dtype=bool)        # the first choice ignored them all
        for _ in range(dependants.size + 1):
            live = changed[rank]
            if not live.any():
                return
            dep_vx[slot, direction] = vx[rank]
            dep_vy[slot, direction] = vy[rank]
            dep_base[slot, direction] = base[rank]
            owner = dependants[slot]
            wx = vx[rank] + _UNIT_X[direction]
            wy = vy[rank] + _UNIT_Y[direction]
            bound = (np.sqrt(wx * wx + wy * wy) + base[rank].astype(np.float64)).astype(np.float32)
            contest = live & ((bound < best[owner]) | ((bound == best[owner]) & (direction < best_dir[owner]))
                              | (best_dir[owner] == direction))
            rows = np.unique(slot[contest])
            if rows.size == 0:
                return
            who = dependants[rows]
            result = self.choose(new[who], dep_usable[rows], dep_vx[rows], dep_vy[rows], dep_base[rows])
            differs = ((result[0] != best[who]) | (result[2] != vx[who]) | (result[3] != vy[who])
                       | (result[4] != base[who]))
            best[who], best_dir[who], vx[who], vy[who], base[who] = result
            changed[:] = False
            changed[who[differs]] = True
        raise RuntimeError("MSPA connector: same-round dependencies did not settle (a cycle).")

    # ----------------------------------------------------------------- driver
    def run(self, progress=None):
        """Rounds until the queue is empty (§4 step 10.3), or until no pixel of the
        constructor's ``radius`` is left to set."""
        progress = ensure(progress)
        if self.needed is not None and self.remaining == 0:
            return
        evaluated = 0
        keys = np.arange(self.sources.size, dtype=np.int64) * 5
        queue, _ = self.claim(self.sources, keys)
        distance = np.zeros(queue.size, dtype=np.float64)   # of set entries (pending ones)
        is_new = np.ones(queue.size, dtype=bool)
        rounds = [self.evaluate_first, self.evaluate_second]    # closed forms, then the general one
        while queue.size:
            progress.update(evaluated / self.free)
            new = np.flatnonzero(is_new)
            evaluated += new.size
            dmin = np.float32(np.inf)
            if new.size:
                delta, distance[new] = (rounds.pop(0) if rounds else self.evaluate)(queue[new])
                dmin = delta.min()
                if self.needed is not None:
                    self.remaining -= int(np.count_nonzero(self._is_needed(queue[new])))
                    if self.remaining == 0:
                        return
            pending = distance > np.float64(dmin)
            keys = np.arange(queue.size, dtype=np.int64) * 5
            finalised = ~pending
            targets, target_keys = self.claim(queue[finalised], keys[finalised])
            queue, distance, is_new = _merge(queue[pending], keys[pending], distance[pending],
                                             targets, target_keys)

    def within(self, low, high):
        """Bool array (grid without the border): evaluated pixels with ``low <= D <= high``.

        ``D = f32(b + |v|)``; sources have D = 0. With the constructor's ``radius`` (which
        ``high`` must not exceed), only the pixels that can have ``D <= radius`` are looked at.
        """
        if self.needed is not None:
            if not high <= self.radius:
                raise ValueError(f"within(..., {high}) beyond the radius {self.radius} of the run")
            return self._within_needed(low, high)
        state = self.state.reshape(-1, self.cols)
        vector = self.vector.reshape(state.shape)
        base = self.base.reshape(state.shape)
        result = np.zeros((state.shape[0] - 2, self.cols - 2), dtype=bool)
        block = max(1, _CHUNK // self.cols)
        for top in range(1, state.shape[0] - 1, block):
            rows = slice(top, min(top + block, state.shape[0] - 1))
            x, y = self.unpack(vector[rows, 1:-1])
            d = (base[rows, 1:-1] + np.sqrt(x * x + y * y)).astype(np.float32)
            result[rows.start - 1:rows.stop - 1] = (d >= low) & (d <= high) & (state[rows, 1:-1] == _SET)
        result.reshape(-1)[self._unpadded(self.sources)] = False
        return result

    def _is_needed(self, flat):
        """Bool per flat position: in the stopping set of :func:`_needed`."""
        return (self.needed[flat >> 3] >> (7 - (flat & 7)).astype(np.uint8)) & np.uint8(1) != 0

    def _within_needed(self, low, high):
        """:meth:`within` on the pixels of :func:`_needed` only (the others have D > radius)."""
        result = np.zeros((self.state.size // self.cols - 2, self.cols - 2), dtype=bool)
        block = max(1, _CHUNK // 8)
        for start in range(0, self.needed.size, block):
            part = np.flatnonzero(np.unpackbits(self.needed[start:start + block])) + 8 * start
            part = part[self.state[part] == _SET]
            x, y = self.unpack(self.vector[part])
            d = (self.base[part] + np.sqrt(x * x + y * y)).astype(np.float32)
            result.reshape(-1)[self._unpadded(part[(d >= low) & (d <= high)])] = True
        return result

    def _unpadded(self, flat):
        """Flat positions on the grid without its one-pixel border."""
        return (flat // self.cols - 1) * (self.cols - 2) + flat % self.cols - 1


def _needed(sources, state, radius):
    """Bool array of the bordered grid: the free pixels of the mask ``state`` that can get
    ``f32(D) <= radius``: 4-connected to ``sources`` inside the mask (the queue spreads by
    4-neighbours), within Euclidean distance ``r`` of a source and at most ``floor(r)``
    8-steps from one inside the mask, with ``r = radius (1 + 2**-24) + 2**-22 (radius + 3)**2``.

    Why: every set pixel p has a base B = p - v(p) that is a source or was set before it, with
    b(p) = D(B) up to float32 rounding (a through proposal copies (B, b) from the neighbour; a
    new base n gives b(p) = f32(f32(D(n) + 1) - 1)). Down the chain of bases to a source, D(p)
    is the length of a polygonal path whose segments are digital (Bresenham) lines inside the
    mask, so D(p) >= dist(p, sources) - E, and D(p) + E >= the number of 8-steps along those
    lines (a line of offset (vx, vy) has max(|vx|, |vy|) <= |v| steps). Each new base rounds
    twice (at most 2**-23 (D + 1)) and a chain has at most D + 1 new bases, so
    E <= 2**-23 (D + 2)**2, which ``r`` covers with room to spare.
    """
    r = float(radius) * (1.0 + 2.0 ** -24) + 2.0 ** -22 * (float(radius) + 3.0) ** 2
    mask = state != _OUTSIDE
    grid = np.zeros(state.shape, dtype=bool)
    grid[1:-1, 1:-1] = sources
    labels, count = ndimage.label(mask, structure(4))
    reached = np.zeros(count + 1, dtype=bool)
    reached[labels[grid]] = True
    reached[0] = False
    needed = reached[labels]
    del labels
    needed &= geodesic_dilate8(grid, mask, int(math.floor(r)))
    del mask
    needed &= dilate_disk(grid, int(math.floor(r * r)))
    needed &= ~grid
    return needed


def _merge(pending, pending_keys, pending_distance, targets, target_keys):
    """Next queue: pending entries (distance known) and newly queued targets, by key."""
    where = np.searchsorted(target_keys, pending_keys)
    queue = np.insert(targets, where, pending)
    distance = np.insert(np.zeros(targets.size, dtype=np.float64), where, pending_distance)
    is_new = np.insert(np.ones(targets.size, dtype=bool), where, False)
    return queue, distance, is_new


def connector_mask(opening, core, residue):
    """The mask ``M = (O - C) | Rz`` of step 10, with a one-pixel border outside it.

    uint8 array of shape (rows + 2, cols + 2): 1 in ``M``, 0 elsewhere; it becomes the
    state array of the distance field (no copy).
    """
    rows, cols = core.shape
    mask = np.zeros((rows + 2, cols + 2), dtype=np.uint8)
    inner = mask[1:-1, 1:-1].view(bool)
    np.greater(opening, core, out=inner)          # opening & ~core
    inner |= residue
    return mask
