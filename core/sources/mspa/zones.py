"""Foreground, padding, core, islets, edge and perforation zones (MSPA steps 2-8).

Reference: JRC MSPA v2.3 (``mspa_lin64``), ``shared/specs/mspa.md`` §4 steps 2-8, reproduced
exactly, including the asymmetric border padding of step 3.
"""
import math

import numpy as np
from scipy import ndimage

from .morphology import clear_frame, dilate_disk, dilate_neighbours, fill, holes, ring, structure


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


def core_components(core, connectivity):
    """``(labels, count)``: the ``connectivity``-components of ``core`` without its outermost two
    rows and columns (the frame the thinning and the flood keep empty)."""
    inner = core.copy()
    clear_frame(inner, 2)
    return ndimage.label(inner, structure(connectivity))


def nested_cores(core_labels, count, core_holes, connectivity):
    """Flat indices (sorted) of the core pixels lying inside holes of the core.

    A ``g``-component of ``~core_holes`` that does not touch the array border holds core pixels
    only (the background components touching the border reach it inside ``~core_holes``), so it
    is a ``g``-component of the core all of whose ``g``-neighbours are hole pixels; it cannot
    reach the two-pixel frame. With ``core_labels`` the components of the core without that
    frame (:func:`core_components`), the nested ones are those with no pixel ``g``-adjacent to a
    pixel that is neither labelled nor a hole (the border-touching background, the frame).
    """
    outside = core_labels == 0
    outside &= ~core_holes
    near = dilate_neighbours(outside, connectivity)
    del outside
    near &= core_labels > 0
    nested = np.ones(count + 1, dtype=bool)
    nested[0] = False
    nested[core_labels[near]] = False
    del near
    if not nested.any():
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(nested[core_labels])


def islets(analysed, opening, connectivity):
    """Step 5: the ``connectivity``-components of ``analysed`` holding no core pixel.

    ``opening`` is the core dilated by the edge disk: it lies inside ``analysed`` (the core is
    the erosion by that disk) and each of its pixels is joined to a core pixel inside its disk.
    So the components holding core are those reaching the opening, and the islets are the
    components of ``analysed - opening`` with no pixel next to the opening; only the pixels of
    that smaller set are looked up.
    """
    rest = analysed & ~opening
    labels, count = ndimage.label(rest, structure(connectivity))
    near = dilate_neighbours(opening, connectivity)
    near &= rest
    touched = np.zeros(count + 1, dtype=bool)
    touched[labels[near]] = True
    del near
    pixels = np.flatnonzero(rest)
    del rest
    result = np.zeros_like(analysed)
    result.reshape(-1)[pixels[~touched[labels.reshape(-1)[pixels]]]] = True
    return result


def edge_zone(core, d2_ring, connectivity, core_labels, count):
    """Step 7: the edge zone, and the holes of the core (``fill(C, g-bar) - C``).

    ``E`` collects ``ring(fill(Cw), t)`` while ``Cw`` is reduced to the cores nested inside
    holes of the current outermost level; the core itself is removed at the end. ``E`` may
    contain background pixels (byte 2 in rare geometries).

    The first level is computed on the whole array. The nested cores (:func:`nested_cores`,
    from ``core_labels``/``count`` of :func:`core_components`) are the *islands*: the enclosed
    ``g``-components of the complement of the first-level holes. Everything of the deeper levels is local to one island (a hole, or an enclosed component,
    is bounded by a single component of the set that encloses it: dual connectivities), so the
    islands are cut out with a margin of the ring radius + 1, packed side by side on a small
    canvas and the deeper levels are computed there.
    """
    complement = 12 - connectivity
    core_holes = holes(core, complement)
    filled = core_holes | core
    edge = ring(filled, d2_ring)
    del filled
    nested = nested_cores(core_labels, count, core_holes, connectivity)
    if nested.size:
        margin = math.isqrt(d2_ring) + 1
        canvas, placements = _islands_canvas(nested, core_labels, margin)
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
    """Cut the islands (labels of the nested core pixels, flat indices ``nested``) out and pack
    them on a canvas.

    Each island's bounding box grown by ``margin`` (clipped to the array) is copied with only
    that island's pixels; boxes are packed in shelves with ``margin`` empty pixels between
    them, so nothing computed for one island reaches another. Returns the canvas and
    [(slices in the array, slices in the canvas)].
    """
    rows, cols = labels.shape
    island = labels.reshape(-1)[nested]
    order = np.argsort(island, kind="stable")
    island, row, col = island[order], nested[order] // cols, nested[order] % cols
    first = np.flatnonzero(np.r_[True, island[1:] != island[:-1]])
    y0, y1 = np.minimum.reduceat(row, first), np.maximum.reduceat(row, first) + 1
    x0, x1 = np.minimum.reduceat(col, first), np.maximum.reduceat(col, first) + 1
    boxes = [(int(i), slice(max(int(a) - margin, 0), min(int(b) + margin, rows)),
              slice(max(int(c) - margin, 0), min(int(d) + margin, cols)))
             for i, a, b, c, d in zip(island[first], y0, y1, x0, x1)]
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
    for (label, r, c), (top, left), h, w in zip(boxes, positions, heights, widths):
        target = (slice(top, top + h), slice(left, left + w))
        canvas[target] = labels[r, c] == label
        placements.append(((r, c), target))
    return canvas, placements
