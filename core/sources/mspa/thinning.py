"""Anchored order-independent homotopic thinning (MSPA step 9).

Reference: the thinning of JRC MSPA v2.3 (``mspa_lin64``), after Iwanowski & Soille (2005),
*Order independence in binary 2D homotopic thinning*, as described in ``shared/specs/mspa.md``
§4 step 9, reproduced exactly (all 48 reference rasters are byte-identical).

A pixel is *simple* when deleting it changes no topology (one foreground and one background
component in its 3x3 ring for the (8,4) or (4,8) digital topology). A *candidate* is a simple,
non-anchor pixel of the image. A candidate is *removable* when every other candidate in its
neighbourhood can be deleted together with it (the pair tests below) and it is not part of an
isolated pair/triple/quadruple of candidates. Rounds remove all removable candidates at once;
only the 8-neighbours of the pixels removed in a round are examined in the next one (the FIFO
variant of the reference).

Implementation: one round is a handful of gathers over the examined pixels. The decision of
a candidate depends on its neighbour code (8 bits: which neighbours are foreground) and its
candidate mask (8 bits: which neighbours are candidates) through a 65,536-entry table, plus,
for possibly isolated groups, the neighbour counts of its candidate neighbours.
"""
import functools

import numpy as np

from ...runtime.progress import ensure

# Neighbour k of p at (dy, dx): 0 W, 1 E, 2 N, 3 S, 4 NW, 5 SW, 6 NE, 7 SE (the reference's scan order).
NEIGHBOURS = ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1))
OPPOSITE = (1, 0, 3, 2, 7, 6, 5, 4)
# Flank pixels (neighbour indices of p) of an orthogonal pair p-q_k: a, b on one side, c, d on the other.
_ORTHOGONAL_FLANKS = {0: (2, 4, 3, 5), 1: (2, 6, 3, 7), 2: (0, 4, 1, 6), 3: (0, 5, 1, 7)}
# The two pixels 4-adjacent to both p and a diagonal neighbour q_k.
_DIAGONAL_FLANKS = {4: (0, 2), 5: (3, 0), 6: (2, 1), 7: (1, 3)}
_INDEPENDENT_ORTHOGONAL = {8: {1, 2, 3, 4, 8, 12}, 4: {3, 7, 11, 12, 13, 14}}
_ISOLATED_TYPES = {2: {2, 3, 6, 7, 9, 13}, 3: {4, 8, 17}}

# Outcomes of the removal table.
NOT_REMOVABLE, REMOVABLE, UNLESS_ISOLATED_8, UNLESS_ISOLATED_4 = 0, 1, 2, 3

POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)
POPCOUNT_4 = np.array([bin(i & 0x0F).count("1") for i in range(256)], dtype=np.uint8)


def _adjacent8(k, j):
    (ay, ax), (by, bx) = NEIGHBOURS[k], NEIGHBOURS[j]
    return max(abs(ay - by), abs(ax - bx)) == 1


def _adjacent4(k, j):
    (ay, ax), (by, bx) = NEIGHBOURS[k], NEIGHBOURS[j]
    return abs(ay - by) + abs(ax - bx) == 1


def _components(members, adjacency, touching_p=False):
    """Number of components of the ring positions ``members`` (neighbour indices) under
    ``adjacency``; with ``touching_p`` only those containing a 4-neighbour of p (k < 4)."""
    members = set(members)
    count = 0
    while members:
        stack = [members.pop()]
        component = set(stack)
        while stack:
            k = stack.pop()
            for j in [j for j in members if adjacency(k, j)]:
                members.discard(j)
                component.add(j)
                stack.append(j)
        count += not touching_p or any(k < 4 for k in component)
    return count


def _is_simple(code, connectivity):
    """Whether a foreground pixel with neighbour ``code`` is simple in the (g, g-bar) topology.

    (8,4): one 8-component of foreground neighbours and one 4-component of background
    neighbours containing a 4-neighbour of p; (4,8): the converse.
    """
    foreground = [k for k in range(8) if code >> k & 1]
    background = [k for k in range(8) if not code >> k & 1]
    if connectivity == 8:
        return (_components(foreground, _adjacent8) == 1
                and _components(background, _adjacent4, touching_p=True) == 1)
    return (_components(foreground, _adjacent4, touching_p=True) == 1
            and _components(background, _adjacent8) == 1)


@functools.lru_cache(maxsize=None)
def simple_table(connectivity):
    """Bool table over the 256 neighbour codes (bit k = neighbour k foreground): simple pixel?"""
    table = np.array([_is_simple(code, connectivity) for code in range(256)], dtype=bool)
    table.flags.writeable = False
    return table


def _removal_outcome(code, candidates, connectivity):
    """Outcome of the removal test of a candidate with neighbour ``code`` and candidate mask."""
    def f(k):
        return code >> k & 1

    met = 0
    last_type = None
    for k in range(8):
        if not candidates >> k & 1:
            continue
        met += 1
        if k < 4:
            a, b, c, d = _ORTHOGONAL_FLANKS[k]
            pair = 8 * f(a) + 4 * f(b) + 2 * f(c) + f(d)
            pair_type = pair + 5
            independent = pair in _INDEPENDENT_ORTHOGONAL[connectivity]
        else:
            a, b = _DIAGONAL_FLANKS[k]
            pair = 2 * f(a) + f(b)
            pair_type = pair + 1
            independent = pair != 0 if connectivity == 8 else pair != 3
        if not independent:
            if (connectivity == 4 and pair_type == 4 and candidates >> a & 1 and candidates >> b & 1
                    and POPCOUNT_4[code] == 2):
                return UNLESS_ISOLATED_4
            return NOT_REMOVABLE
        last_type = pair_type
    if last_type in _ISOLATED_TYPES.get(met, ()):
        return UNLESS_ISOLATED_8
    return REMOVABLE


@functools.lru_cache(maxsize=None)
def removal_table(connectivity):
    """uint8 table indexed by ``code << 8 | candidate_mask`` with the removal outcome."""
    table = np.zeros(65536, dtype=np.uint8)
    for code in range(256):
        sub = code
        while True:  # every candidate mask that is a subset of the foreground neighbours
            table[code << 8 | sub] = _removal_outcome(code, sub, connectivity)
            if sub == 0:
                break
            sub = (sub - 1) & code
    table.flags.writeable = False
    return table


def neighbour_codes(image):
    """uint8 array: bit k set where neighbour k (see ``NEIGHBOURS``) of the pixel is ``True``.

    ``image`` must be ``False`` on its outermost two rows and columns (as the thinning needs):
    the neighbours are then read as shifts of the flat array, whose wrap-around from one row
    end to the next row start only meets ``False`` pixels (contiguous shifts: 2.5x faster).
    """
    rows, cols = image.shape
    flat = image.reshape(-1).view(np.uint8)
    codes = np.zeros(rows * cols, dtype=np.uint8)
    inner = codes[cols + 1:-cols - 1]              # every pixel but the first and last row
    shifted = np.empty_like(inner)
    for k, (dy, dx) in enumerate(NEIGHBOURS):
        start = cols + 1 + dy * cols + dx
        np.left_shift(flat[start:start + inner.size], np.uint8(k), out=shifted)
        inner |= shifted
    return codes.reshape(rows, cols)


def anchored_thinning(image, anchors, connectivity, progress=None):
    """Thin bool ``image`` keeping ``anchors`` (in place; returns it), spec §4 step 9.

    ``image`` and ``anchors`` must be ``False`` on the outermost two rows and columns.
    Memory: one uint8 and three bool arrays of the image size, plus index arrays of the
    pixels examined in a round.
    """
    progress = ensure(progress)
    cols = image.shape[1]
    flat = image.reshape(-1)
    fixed = anchors.reshape(-1)
    simple = simple_table(connectivity)
    table = removal_table(connectivity)
    offsets = [dy * cols + dx for dy, dx in NEIGHBOURS]
    codes = neighbour_codes(image).reshape(-1)
    movable = flat & ~fixed
    candidate = movable & simple[codes]
    examined = np.flatnonzero(candidate)
    seen = np.zeros(flat.size, dtype=bool)
    total = max(examined.size, 1)
    removed_total = 0
    while examined.size:
        progress.check()
        examined = examined[candidate[examined]]
        removed = examined[_removable(examined, codes, candidate, offsets, table)]
        if removed.size == 0:
            break
        flat[removed] = False
        movable[removed] = False
        candidate[removed] = False
        for k, offset in enumerate(offsets):
            codes[removed + offset] &= np.uint8(~(1 << OPPOSITE[k]) & 0xFF)
        examined = _distinct_neighbours(removed, offsets, movable, seen)
        candidate[examined] = simple[codes[examined]]
        removed_total += removed.size
        progress.update(min(removed_total / total, 1.0))
    return image


def _distinct_neighbours(pixels, offsets, where, seen):
    """Distinct 8-neighbours of ``pixels`` that are ``True`` in ``where``.

    ``seen`` is an all-``False`` scratch array (left all-``False``). Many pixels (the first
    rounds): mark all neighbours and scan the array; few: stamp them one offset at a time.
    """
    if pixels.size * len(offsets) > seen.size // 32:
        for offset in offsets:
            seen[pixels + offset] = True
        seen &= where
        result = np.flatnonzero(seen)
        seen[result] = False
        return result
    parts = []
    for offset in offsets:
        neighbours = pixels + offset      # distinct for one offset
        neighbours = neighbours[where[neighbours] & ~seen[neighbours]]
        seen[neighbours] = True
        parts.append(neighbours)
    result = np.concatenate(parts)
    seen[result] = False
    return result


def _removable(pixels, codes, candidate, offsets, table):
    """Bool per candidate in ``pixels``: removable on the current image."""
    own = codes[pixels]
    mask = np.zeros(pixels.size, dtype=np.uint16)
    for k, offset in enumerate(offsets):
        mask |= candidate[pixels + offset].astype(np.uint16) << np.uint16(k)
    outcome = table[(own.astype(np.uint16) << np.uint16(8)) | mask]
    result = outcome == REMOVABLE
    for kind, ks, counts, expected in (
            (UNLESS_ISOLATED_8, range(8), POPCOUNT, None),
            (UNLESS_ISOLATED_4, range(4), POPCOUNT_4, 2)):
        which = np.flatnonzero(outcome == kind)
        if which.size == 0:
            continue
        sub_pixels, sub_mask = pixels[which], mask[which]
        wanted = POPCOUNT[sub_mask & 0xFF] if expected is None else np.uint8(expected)
        escape = np.zeros(which.size, dtype=bool)
        for k in ks:
            neighbour_count = counts[codes[sub_pixels + offsets[k]]]
            escape |= ((sub_mask >> np.uint16(k)) & 1).astype(bool) & (neighbour_count != wanted)
        result[which] = escape
    return result
