"""Bridge versus Loop: flooding the core labels through the connectors (MSPA step 11).

Reference: JRC MSPA v2.3 (``mspa_lin64``), ``shared/specs/mspa.md`` §4 step 11, reproduced
exactly. Each core gets a label; the labels spread from the cores through the opening and the
connectors by a FIFO breadth-first flood whose visiting order decides which core reaches a
pixel first. A connector component touched by two different labels (or by a label and an
unreached pixel) is a Bridge, otherwise a Loop.

The FIFO flood is computed level by level: within one level the frontier is processed in queue
order, so a target pixel takes the label of its first claimant in the order (queue position,
neighbour direction), and the next frontier is ordered by that key. This is the sequential
queue's result exactly. The seeding passes (4-neighbours of every core pixel in raster order,
then for FG8 the diagonal neighbours) are keyed the same way by (core pixel position, direction).
"""
import numpy as np
from scipy import ndimage

from ...runtime.progress import ensure
from .morphology import pixel_components, structure

# (dy, dx) in the reference's orders: 4-neighbours N, W, S, E; diagonals NW, NE, SW, SE.
_ORTHOGONAL = ((-1, 0), (0, -1), (1, 0), (0, 1))
_DIAGONAL = ((-1, -1), (-1, 1), (1, -1), (1, 1))
_CHUNK = 1 << 20          # frontier entries processed together


def _first_claims(targets, labels):
    """Each distinct target once, with the label of its first claim; in first-claim order.

    ``targets`` are listed in claim order (queue position, then direction).
    """
    _, first = np.unique(targets, return_index=True)
    first.sort()
    return targets[first], labels[first]


# Seeding: the core pixels, in raster order, look at their neighbours in the reference's order,
# so an open pixel t is claimed by the claimant c = t + (dy, dx) with the smallest key
# 8 c + d, i.e. by the first core pixel in the order listed here: (dy, dx) of c relative to t
# and the direction index d in which c sees t.
_ORTHOGONAL_CLAIMANTS = ((-1, 0, 2), (0, -1, 3), (0, 1, 1), (1, 0, 0))
_DIAGONAL_CLAIMANTS = ((-1, -1, 3), (-1, 1, 2), (1, -1, 1), (1, 1, 0))


def _seed(labels, core, open_, claimants):
    """One seeding pass: open pixels next to the core take the label of their first claimant.

    Returns the labelled pixels (flat) in queue order (by key ``8 * claimant + direction``).
    """
    rows, cols = core.shape
    inner = (slice(1, rows - 1), slice(1, cols - 1))
    claimed = np.zeros_like(core)
    targets, keys = [], []
    for dy, dx, d in claimants:
        mask = np.zeros_like(core)
        mask[inner] = core[1 + dy:rows - 1 + dy, 1 + dx:cols - 1 + dx]
        mask &= open_
        mask &= ~claimed
        claimed |= mask
        t = np.flatnonzero(mask)
        targets.append(t)
        keys.append((t + (dy * cols + dx)) * 8 + d)
    del claimed, mask
    targets, keys = np.concatenate(targets), np.concatenate(keys)
    order = np.argsort(keys, kind="stable")
    targets, claimant = targets[order], keys[order] // 8
    flat = labels.reshape(-1)
    flat[targets] = flat[claimant]
    open_.reshape(-1)[targets] = False
    return targets


def flood_core_labels(core, open_, connectivity, progress=None):
    """int32 array: the label of the core (``label(core, g)``) that reaches each pixel first.

    ``open_`` (bool, modified) is where the flood may go: the opening and the connector
    without the core and without the outermost 1-pixel ring of the array (a barrier).
    Unreached pixels are 0. ``core`` must be ``False`` on the outermost two rows and columns.
    Memory: one int32 and three bool arrays of the grid, plus index arrays of the frontier.
    """
    progress = ensure(progress)
    cols = core.shape[1]
    labels, _ = ndimage.label(core, structure(connectivity))
    frontier = [_seed(labels, core, open_, _ORTHOGONAL_CLAIMANTS)]
    if connectivity == 8:
        frontier.append(_seed(labels, core, open_, _DIAGONAL_CLAIMANTS))
    frontier = np.concatenate(frontier)
    flat = labels.reshape(-1)
    open_ = open_.reshape(-1)
    directions = _ORTHOGONAL + (_DIAGONAL if connectivity == 8 else ())
    offsets = np.array([dy * cols + dx for dy, dx in directions], dtype=np.int64)
    level = 0
    while frontier.size:
        level += 1
        if level % 8 == 0:
            progress.check()
        frontier = np.concatenate([_spread(flat, open_, part, offsets)
                                   for part in np.array_split(frontier, max(1, frontier.size // _CHUNK))])
    return labels


def _spread(flat_labels, open_, frontier, offsets):
    """One BFS level for consecutive queue entries ``frontier``; returns the next entries.

    Claims are in queue order (entry, then direction): a target takes the label of its first
    claim. Consecutive chunks of a level are processed in turn, which keeps that order.
    """
    targets = (frontier[:, None] + offsets[None, :]).reshape(-1)
    claims = np.flatnonzero(open_[targets])
    targets, labels = _first_claims(targets[claims], flat_labels[frontier[claims // offsets.size]])
    flat_labels[targets] = labels
    open_[targets] = False
    return targets


def bridges(core, opening, connector, connectivity, progress=None):
    """Bool array: the connector pixels that are Bridge (the rest of the connector is Loop).

    The core labels flood ``opening | connector`` (:func:`flood_core_labels`). A component of
    ``connector`` (``connectivity``-connected, the outermost 1-pixel ring of the array removed)
    is a Bridge when ``max - min`` of the flood labels of its pixels is at least 1 (an
    unreached pixel counts as 0), i.e. when its pixels do not all carry the same label.
    """
    inner = connector.copy()
    inner[0] = inner[-1] = False
    inner[:, 0] = inner[:, -1] = False
    pixels = np.flatnonzero(inner)
    result = np.zeros(connector.shape, dtype=bool)
    if pixels.size == 0:
        return result
    open_ = opening | connector
    open_ &= ~core
    open_[0] = open_[-1] = False
    open_[:, 0] = open_[:, -1] = False
    del inner
    flood = flood_core_labels(core, open_, connectivity, progress)
    del open_
    values = flood.reshape(-1)[pixels]
    del flood
    component = pixel_components(pixels, connector.shape, connectivity)
    some_value = np.zeros(component.max() + 1, dtype=values.dtype)
    some_value[component] = values              # one value of each component (any of them)
    mixed = np.bincount(component, weights=values != some_value[component],
                        minlength=some_value.size) > 0
    result.reshape(-1)[pixels[mixed[component]]] = True
    return result
