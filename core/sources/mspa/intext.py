"""Internal versus external features (MSPA IntExt = 1: steps 1 and 13).

Reference: JRC MSPA v2.3 (``mspa_lin64``), ``shared/specs/mspa.md`` §4 steps 1 and 13,
reproduced exactly. Pixels inside a hole of a core get +100 (background there becomes
Core-Opening 100); background enclosed by foreground but not inside a core hole becomes
Border-Opening 220.
"""
import numpy as np

from .morphology import dilate_disk, fill, holes

CORE_OPENING_OFFSET = 100
BORDER_OPENING = 220


def foreground_holes(codes, pad, d2_hole, connectivity):
    """Step 1: all holes of the foreground, on the grid padded by ``pad`` missing pixels.

    Missing pixels (code 0, including the border) within ``sqrt(d2_hole)`` of foreground
    count as foreground, then the complement components (complementary connectivity) not
    touching the array border are the holes.
    """
    rows, cols = codes.shape
    foreground = np.zeros((rows + 2 * pad, cols + 2 * pad), dtype=bool)
    foreground[pad:pad + rows, pad:pad + cols] = codes == 2
    missing = np.ones_like(foreground)
    missing[pad:pad + rows, pad:pad + cols] = codes == 0
    missing &= dilate_disk(foreground, d2_hole)
    foreground |= missing
    del missing
    return holes(foreground, 12 - connectivity)


def apply_intext(out, core_holes, all_holes, connectivity):
    """Step 13 on the padded byte image ``out`` (in place).

    ``core_holes = fill(C, g-bar) - C``; ``Inside = fill(core_holes, g-bar)``: +100
    (saturating at 255) on the core holes and everything they enclose; ``max(out, 220)`` on
    the other foreground holes (``all_holes - core_holes``).
    """
    inside = fill(core_holes, 12 - connectivity)
    values = out[inside]
    out[inside] = np.minimum(values.astype(np.uint16) + CORE_OPENING_OFFSET, 255).astype(np.uint8)
    del inside, values
    all_holes &= ~core_holes
    np.maximum(out, np.uint8(BORDER_OPENING), out=out, where=all_holes)
    return out
