"""Cost and benefit of protection schemes (spec ``prioritization.md`` §1.9 and §3).

* **Protected cells** of a target group (X_k per space k): inside space k the cells with rank
  r ≥ 1 − X_k (the top X_k of that space's rank map, Zonation's definition, as ``priorityrank`` writes
  it with ``ZONES``), plus the locked-in cells (red line) in every scheme.
* **Cost** = Σ over protected cells of the unit cost of its (space, land-use class) × cell area: the
  greening cost where the land is not green, the maintaining cost where it is (:mod:`.cost_table`).
* **Benefit** = the area of the region within ``buffer`` metres of a protected cell (the protected cells
  included): the union of the buffers, not their sum — by an exact Euclidean distance transform
  (cell centres, ``scipy.ndimage.distance_transform_edt`` with the cell size as sampling), counted
  inside the region (cells with a space).
"""
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

RANK_TOLERANCE = 1e-9


@dataclass
class SchemeInputs:
    """The analysed grid: ``region`` (cells with a space), ``zones`` (space code, 0 outside), ``rank``
    (0..1, −inf where not ranked), per-cell ``cost`` and ``green``, ``locked`` (red line), cell sizes."""
    region: np.ndarray
    zones: np.ndarray
    rank: np.ndarray
    cost: np.ndarray
    green: np.ndarray
    locked: np.ndarray
    cell_width: float
    cell_height: float

    @property
    def cell_km2(self):
        return self.cell_width * self.cell_height / 1e6

    def space_area_km2(self, code):
        return float(np.count_nonzero(self.region & (self.zones == code))) * self.cell_km2


@dataclass
class Scheme:
    """Figures of one protection scheme."""
    protected_km2: float
    greening_cost: float
    maintaining_cost: float
    benefit_km2: float

    @property
    def cost(self):
        return self.greening_cost + self.maintaining_cost


def protected_mask(inputs, fractions):
    """Cells protected by the group ``fractions`` = {space code: X_k}."""
    mask = inputs.locked & inputs.region
    for code, fraction in fractions.items():
        mask |= (inputs.zones == code) & (inputs.rank >= 1.0 - fraction - RANK_TOLERANCE) & inputs.region
    return mask


def buffer_area_km2(mask, inputs, buffer_m):
    """Area of the region within ``buffer_m`` of a cell of ``mask`` (exact EDT on the bounding box of
    the mask grown by the buffer)."""
    if not mask.any():
        return 0.0
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    grow_r = int(np.ceil(buffer_m / inputs.cell_height)) + 1
    grow_c = int(np.ceil(buffer_m / inputs.cell_width)) + 1
    r0, r1 = max(rows[0] - grow_r, 0), min(rows[-1] + grow_r + 1, mask.shape[0])
    c0, c1 = max(cols[0] - grow_c, 0), min(cols[-1] + grow_c + 1, mask.shape[1])
    window = mask[r0:r1, c0:c1]
    distance = ndimage.distance_transform_edt(~window, sampling=(inputs.cell_height, inputs.cell_width))
    within = (distance <= buffer_m) & inputs.region[r0:r1, c0:c1]
    return float(np.count_nonzero(within)) * inputs.cell_km2


def evaluate(inputs, mask, buffer_m):
    """:class:`Scheme` of the protected ``mask``."""
    green = inputs.green[mask]
    cost = inputs.cost[mask]
    return Scheme(float(np.count_nonzero(mask)) * inputs.cell_km2, float(cost[~green].sum()),
                  float(cost[green].sum()), buffer_area_km2(mask, inputs, buffer_m))
