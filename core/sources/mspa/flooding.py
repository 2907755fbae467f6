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
then for FG8 the diagonal neighbours) are two such levels with the core pixels as the queue.
"""
import numpy as np
from scipy import ndimage

from ...runtime.progress import ensure
from .morphology import clear_frame, pixel_components, structure

# (dy, dx) in the reference's orders: 4-neighbours N, W, S, E; diagonals NW, NE, SW, SE.
_ORTHOGONAL = ((-1, 0), (0, -1), (1, 0), (0, 1))
_DIAGONAL = ((-1, -1), (-1, 1), (1, -1), (1, 1))
_CHUNK = 1 << 20          # frontier entries processed together


def flood_core_labels(core, open_, connectivity, progress=None, labels=None):
    """int32 array: the label of the core (``label(core, g)``) that reaches each pixel first.

    ``labels``: ``label(core, g)`` when the caller has it already; it is flooded in place.

    ``open_`` (bool, modified) is where the flood may go: the opening and the connector
    without the core and without the outermost 1-pixel ring of the array (a barrier).
    Unreached pixels are 0. ``core`` must be ``False`` on the outermost two rows and columns.
    Memory: one int32 array of the grid beside ``core`` and ``open_``, plus index arrays of the
    frontier (at most :data:`_CHUNK` entries and their eight claims at a time).
    """
    progress = ensure(progress)
    cols = core.shape[1]
    if labels is None:
        labels, _ = ndimage.label(core, structure(connectivity))
    flat = labels.reshape(-1)
    open_ = open_.reshape(-1)
    orthogonal = np.array([dy * cols + dx for dy, dx in _ORTHOGONAL], dtype=np.int64)
    diagonal = np.array([dy * cols + dx for dy, dx in _DIAGONAL], dtype=np.int64)
    # seeding: the core pixels in raster order claim their 4-neighbours, then their diagonals
    passes = [orthogonal] + ([diagonal] if connectivity == 8 else [])
    block = max(1, _CHUNK // max(cols, 1))           # rows of core pixels looked at together
    frontier = np.concatenate([np.zeros(0, dtype=np.int64)]
                              + [_spread(flat, open_, np.flatnonzero(core[top:top + block]) + top * cols, offsets)
                                 for offsets in passes for top in range(0, core.shape[0], block)])
    offsets = np.concatenate(passes)
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
    claim, i.e. of the earliest entry that reaches it (an entry reaches a target by one direction
    at most). Direction by direction, the earliest entry so far is kept in the label array as
    ``-(entry + 1)`` (an open pixel's label is 0 until it is claimed), so no sort of the claims is
    needed; the winners are then ordered by (entry, direction), a merge of the eight directions'
    runs. Consecutive chunks of a level are processed in turn, which keeps that order.
    """
    targets, entries, keys = [], [], []
    for d, offset in enumerate(offsets):
        entry = np.flatnonzero(open_[frontier + offset])
        target = frontier[entry] + offset          # distinct within one direction
        mark = (-1 - entry).astype(flat_labels.dtype)
        held = flat_labels[target]
        earlier = (held == 0) | (held < mark)      # unclaimed, or claimed by a later entry
        flat_labels[target[earlier]] = mark[earlier]
        targets.append(target)
        entries.append(entry)
        keys.append(entry * np.int64(8) + d)
    targets, entries, keys = np.concatenate(targets), np.concatenate(entries), np.concatenate(keys)
    won = flat_labels[targets] == -1 - entries
    targets, entries = targets[won], entries[won]
    order = np.argsort(keys[won], kind="stable")
    targets, entries = targets[order], entries[order]
    flat_labels[targets] = flat_labels[frontier[entries]]
    open_[targets] = False
    return targets


def bridges(core, opening, connector, connectivity, progress=None, core_labels=None):
    """Bool array: the connector pixels that are Bridge (the rest of the connector is Loop).

    The core labels flood ``opening | connector`` (:func:`flood_core_labels`). A component of
    ``connector`` (``connectivity``-connected, the outermost 1-pixel ring of the array removed)
    is a Bridge when ``max - min`` of the flood labels of its pixels is at least 1 (an
    unreached pixel counts as 0), i.e. when its pixels do not all carry the same label.
    ``core_labels``: ``label(core, g)`` when the caller has it (it is overwritten).
    """
    inner = connector.copy()
    clear_frame(inner, 1)
    pixels = np.flatnonzero(inner)
    result = np.zeros(connector.shape, dtype=bool)
    if pixels.size == 0:
        return result
    open_ = opening | connector
    open_ &= ~core
    clear_frame(open_, 1)
    del inner
    flood = flood_core_labels(core, open_, connectivity, progress, core_labels)
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
