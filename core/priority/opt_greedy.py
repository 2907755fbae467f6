"""Cost-effectiveness heuristics for when no exact solver can run (no optimality guarantee).

* ``min_cost``: start from the locked-in units; repeatedly add the unit with the largest
  Σ_j min(r_ij, remaining_j) / T_j per unit cost until every target is met (lazy evaluation: a
  unit's score only falls as targets fill, so a stale score is an upper bound — Minoux 1978), then
  drop units that became redundant, most expensive first.
* ``max_benefit``: start from the locked-in units; add units by b_i / c_i, best first, each one
  that still fits the budget.

Both ignore the boundary penalty while choosing (it is counted in the reported objective). Ties
go to the lower unit index, so the result is deterministic.
"""
import heapq

import numpy as np


def _ratio(gain, cost):
    return np.where(cost > 0, gain / np.where(cost > 0, cost, 1.0), np.where(gain > 0, np.inf, 0.0))


def greedy_min_cost(cost, amounts, targets, locked_in, locked_out):
    """Selected units (bool (n,)) meeting every target."""
    selected = locked_in.copy()
    remaining = targets - amounts[selected].sum(axis=0)
    active = targets > 0
    scale = np.where(active, targets, 1.0)

    def score(i):
        gain = np.minimum(amounts[i], np.maximum(remaining, 0.0))[active] / scale[active]
        return _ratio(np.array([gain.sum()]), cost[i:i + 1])[0]

    heap = [(-score(i), i) for i in np.flatnonzero(~selected & ~locked_out)]
    heapq.heapify(heap)
    while np.any(remaining[active] > 0) and heap:
        _, i = heapq.heappop(heap)
        fresh = score(i)
        if heap and fresh < -heap[0][0]:
            heapq.heappush(heap, (-fresh, i))
            continue
        if fresh <= 0:
            break
        selected[i] = True
        remaining -= amounts[i]
    total = amounts[selected].sum(axis=0)
    for i in sorted(np.flatnonzero(selected & ~locked_in), key=lambda k: (-cost[k], k)):
        if np.all(total - amounts[i] >= targets):
            selected[i] = False
            total -= amounts[i]
    return selected


def greedy_max_benefit(cost, benefit, budget, locked_in, locked_out):
    """Selected units (bool (n,)) within ``budget``."""
    selected = locked_in.copy()
    spent = cost[selected].sum()
    candidates = np.flatnonzero(~selected & ~locked_out & (benefit > 0))
    ratio = _ratio(benefit[candidates], cost[candidates])
    for i in candidates[np.lexsort((candidates, -ratio))]:
        if spent + cost[i] <= budget:
            selected[i] = True
            spent += cost[i]
    return selected
