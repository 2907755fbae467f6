"""The cost–benefit Pareto front of protection schemes and the points worth showing on it (spec
``prioritization.md`` §4): minimise cost, maximise benefit.

* **Front** (non-dominated set): sort by cost ascending (ties: benefit descending) and keep each point
  whose benefit exceeds the running maximum — O(n log n), exact for two objectives. Exact duplicates
  of a front point are on the front too.
* **Ratio-best**: the largest benefit / cost; always on the front (a point dominating it would have a
  strictly higher ratio), the tangent from the origin.
* **Knee**: on the front normalised to [0, 1] by its extreme points, the point farthest above the
  chord between the extremes (Das 1999; the Kneedle idea, Satopää et al. 2011).
* **Supported points**: the front points on its upper convex hull — the only ones a weighted-sum
  (linear) programme can return.
* **Marginal slope**: Δbenefit / Δcost from the previous front point (cost ascending).
* **Hypervolume**: the area dominated by the front up to the reference point (the largest cost, the
  smallest benefit of all schemes), for comparing scenario families.
"""
from dataclasses import dataclass

import numpy as np


@dataclass
class Front:
    """Flags and figures per scheme (arrays of the input's length) and the front's hypervolume."""
    is_pareto: np.ndarray
    is_supported: np.ndarray
    slope: np.ndarray          # NaN off the front and at its cheapest point
    knee: int
    best_ratio: int
    hypervolume: float


def pareto_mask(cost, benefit):
    """Boolean mask of the non-dominated schemes (min cost, max benefit)."""
    cost = np.asarray(cost, float)
    benefit = np.asarray(benefit, float)
    order = np.lexsort((-benefit, cost))
    best = -np.inf
    kept = np.zeros(len(cost), bool)
    last = None
    for i in order:
        if benefit[i] > best:
            kept[i] = True
            best = benefit[i]
            last = i
        elif last is not None and cost[i] == cost[last] and benefit[i] == benefit[last]:
            kept[i] = True
    return kept


def _front_order(cost, benefit, mask):
    index = np.flatnonzero(mask)
    return index[np.lexsort((-benefit[index], cost[index]))]


def knee_point(cost, benefit, mask):
    """Index of the front point farthest above the chord of the normalised front (the cheapest point
    when the front has fewer than three distinct points)."""
    order = _front_order(cost, benefit, mask)
    c, b = cost[order], benefit[order]
    c_span, b_span = c[-1] - c[0], b[-1] - b[0]
    if len(order) < 3 or c_span <= 0 or b_span <= 0:
        return int(order[0])
    x = (c - c[0]) / c_span
    y = (b - b[0]) / b_span
    return int(order[int(np.argmax(y - x))])


def supported_mask(cost, benefit, mask):
    """Front points on the upper convex hull of the front (monotone chain)."""
    order = _front_order(cost, benefit, mask)
    hull = []
    for i in order:
        while len(hull) >= 2:
            a, b = hull[-2], hull[-1]
            cross = (cost[b] - cost[a]) * (benefit[i] - benefit[a]) - (benefit[b] - benefit[a]) * (cost[i] - cost[a])
            if cross >= 0:   # b lies on or below the segment a–i
                hull.pop()
            else:
                break
        hull.append(i)
    result = np.zeros(len(cost), bool)
    result[hull] = True
    # duplicates of hull points are supported too
    for i in np.flatnonzero(mask & ~result):
        result[i] = any(cost[i] == cost[j] and benefit[i] == benefit[j] for j in hull)
    return result


def hypervolume(cost, benefit, mask):
    """Area dominated by the front, bounded by (max cost, min benefit) over all schemes."""
    order = _front_order(cost, benefit, mask)
    reference_cost, reference_benefit = cost.max(), benefit.min()
    area = 0.0
    for k, i in enumerate(order):
        next_cost = cost[order[k + 1]] if k + 1 < len(order) else reference_cost
        area += (next_cost - cost[i]) * (benefit[i] - reference_benefit)
    return float(area)


def pareto_front(cost, benefit):
    """:class:`Front` of the schemes with ``cost`` > 0 and ``benefit``."""
    cost = np.asarray(cost, float)
    benefit = np.asarray(benefit, float)
    mask = pareto_mask(cost, benefit)
    order = _front_order(cost, benefit, mask)
    slope = np.full(len(cost), np.nan)
    previous, current = order[:-1], order[1:]
    step = cost[current] > cost[previous]
    previous, current = previous[step], current[step]
    slope[current] = (benefit[current] - benefit[previous]) / (cost[current] - cost[previous])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(cost > 0, benefit / cost, np.inf)
    best = int(np.lexsort((cost, -ratio))[0])
    return Front(mask, supported_mask(cost, benefit, mask), slope, knee_point(cost, benefit, mask), best,
                 hypervolume(cost, benefit, mask))
