"""Foreground, padding, core, islets, edge and perforation zones (MSPA steps 2-8).

Reference: JRC MSPA v2.3 (``mspa_lin64``), ``shared/specs/mspa.md`` §4 steps 2-8, reproduced
exactly, including the asymmetric border padding of step 3.
"""
import math

import numpy as np
from scipy import ndimage

from .morphology import border_labels, dilate_disk, fill, holes, ring, structure


def analysed_foreground(codes, d2_ring):
    """Step 2: foreground (code 2) plus missing pixels (code 0) within the edge width of it."""
    foreground = codes == 2
    near = dilate_disk(foreground, d2_ring)
    near &= codes == 0
    foreground |= near
    return foreground


def pad_border(image, pad):
    """Step 3: embed bool ``image`` in a ``pad``-wide border continuing its outer rows/columns.

    Left and top blocks copy the first column/row. The right block copies the last column
    into columns ``W+P-1 ... W+2P-2`` and the bottom block the last row into rows
    ``H+P-1 ... H+2P-2``: the outermost column and row and the four corner blocks stay empty,
    as in the reference (this asymmetry changes results near the right and bottom borders).
    """
    rows, cols = image.shape
    padded = np.zeros((rows + 2 * pad, cols + 2 * pad), dtype=bool)
    padded[pad:pad + rows, pad:pad + cols] = image
    padded[pad:pad + rows, :pad] = image[:, :1]
    padded[:pad, pad:pad + cols] = image[:1, :]
    padded[pad:pad + rows, cols + pad - 1:cols + 2 * pad - 1] = image[:, -1:]
    padded[rows + pad - 1:rows + 2 * pad - 1, pad:pad + cols] = image[-1:, :]
    return padded


def edge_zone(core, d2_ring, connectivity):
    """Step 7: the edge zone, and the holes of the core (``fill(C, g-bar) - C``).

    ``E`` collects ``ring(fill(Cw), t)`` while ``Cw`` is reduced to the cores nested inside
    holes of the current outermost level; the core itself is removed at the end. ``E`` may
    contain background pixels (byte 2 in rare geometries).

    The first level is computed on the whole array. The nested cores lie in *islands*: the
    enclosed ``g``-components of the complement of the first-level holes. Everything of the
    deeper levels is local to one island (a hole, or an enclosed component, is bounded by a
    single component of the set that encloses it: dual connectivities), so the islands are
    cut out with a margin of the ring radius + 1, packed side by side on a small canvas and
    the deeper levels are computed there.
    """
    complement = 12 - connectivity
    core_holes = holes(core, complement)
    filled = core_holes | core
    edge = ring(filled, d2_ring)
    del filled
    labels, count = ndimage.label(~core_holes, structure(connectivity))
    enclosed = np.ones(count + 1, dtype=bool)
    enclosed[0] = False
    enclosed[border_labels(labels)] = False
    nested = core & enclosed[labels]
    if nested.any():
        margin = math.isqrt(d2_ring) + 1
        canvas, placements = _islands_canvas(nested, labels, margin)
        canvas_edge = _nested_edge_zone(canvas, d2_ring, connectivity)
        for source, target in placements:
            edge[source] |= canvas_edge[target]
    edge &= ~core
    return edge, core_holes


def _nested_edge_zone(nested, d2_ring, connectivity):
    """The edge rings of every nesting level of the cores ``nested`` (the loop of step 7)."""
    complement = 12 - connectivity
    edge = np.zeros_like(nested)
    nested = nested.copy()
    while nested.any():
        level_holes = holes(nested, complement)
        filled = level_holes | nested
        edge |= ring(filled, d2_ring)
        nested &= fill(level_holes, connectivity)      # the cores inside holes of this level
    return edge


def _islands_canvas(nested, labels, margin):
    """Cut the islands holding ``nested`` cores out and pack them on a canvas.

    Each island's bounding box grown by ``margin`` (clipped to the array) is copied with only
    that island's nested cores; boxes are packed in shelves with ``margin`` empty pixels
    between them, so nothing computed for one island reaches another. Returns the canvas and
    [(slices in the array, slices in the canvas)].
    """
    rows, cols = nested.shape
    islands = np.unique(labels[nested])
    objects = ndimage.find_objects(labels, max_label=int(islands.max()))
    boxes = []
    for island in islands:
        r, c = objects[island - 1]
        boxes.append((island, slice(max(r.start - margin, 0), min(r.stop + margin, rows)),
                      slice(max(c.start - margin, 0), min(c.stop + margin, cols))))
    heights = [b[1].stop - b[1].start for b in boxes]
    widths = [b[2].stop - b[2].start for b in boxes]
    shelf_width = max(max(widths), math.isqrt(sum(h * w for h, w in zip(heights, widths))) + 1)
    positions, x, y, shelf = [], margin, margin, 0
    for h, w in zip(heights, widths):
        if x + w + margin > shelf_width + 2 * margin:
            x, y, shelf = margin, y + shelf + margin, 0
        positions.append((y, x))
        x += w + margin
        shelf = max(shelf, h)
    canvas = np.zeros((y + shelf + margin, shelf_width + 2 * margin), dtype=bool)
    placements = []
    for (island, r, c), (top, left), h, w in zip(boxes, positions, heights, widths):
        target = (slice(top, top + h), slice(left, left + w))
        canvas[target] = nested[r, c] & (labels[r, c] == island)
        placements.append(((r, c), target))
    return canvas, placements
