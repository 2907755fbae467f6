"""The FLUS cellular automaton (Liu et al. 2017, Landscape and Urban Planning 168:94–116; spec
``prioritization.md`` §7.1, steps 2–5): neighbourhood effect, self-adaptive inertia, allowed
conversions, restricted cells and roulette-wheel competition until every demand is met.

Each iteration t, on the map of iteration t − 1:

* **Gap** D_k = demand_k − cells_k (cells counted on the whole map, restricted cells included).
* **Self-adaptive inertia** (FLUS), from the gaps after the two previous iterations:
  Inertia_k^t = Inertia_k^{t−1} when |D_k^{t−1}| ≤ |D_k^{t−2}|;
  Inertia_k^{t−1} · D_k^{t−2} / D_k^{t−1} when D_k^{t−1} < D_k^{t−2} < 0 (a surplus that grows);
  Inertia_k^{t−1} · D_k^{t−1} / D_k^{t−2} when 0 < D_k^{t−2} < D_k^{t−1} (a shortage that grows);
  unchanged otherwise (sign change). Starts at 1; kept within [1e-6, 1e6] against overflow.
* **Neighbourhood** Ω(p, k) = w_k · Σ_{N×N window, centre excluded} [c = k] / (N·N − 1) (Moore window;
  cells outside the map or NoData count as no class).
* **Acceleration** a_k (our rule; GeoSOS-FLUS has an "acceleration factor" whose rule is not
  published): a class still short after an iteration in which it gained less than
  :data:`ACCELERATION_SHARE` (10 %) of its gap has a_k multiplied by :data:`ACCELERATION_STEP` (2);
  sp is floored at 1/65535 so that a class can reach cells the network gives no chance.
  Without it a class whose occurrence probability is low along its edges (forest into cropland)
  gains a few cells an iteration and the demand is never met — the complaint users make of FLUS.
  Gains stay capped at the gap, so a_k cannot make a class overshoot.
* **Combined probability** TP(p, k) = sp(p, k) · Ω(p, k) · Inertia_k · a_k · allowed(s_p → k), with s_p the
  class of p in the start map: a forbidden conversion never shows between the start and the
  simulated map, not even through a third class.
* **Roulette**: every changeable cell draws a class k* with probability TP(p, k*) / Σ_k TP(p, k)
  (no draw when Σ = 0). A draw k* ≠ c_p converts the cell only while class k* is short of its demand
  (D_k* > 0), as FLUS stops a class that reached its demand; when more cells draw k* than D_k*, D_k*
  of them are kept by a random sample weighted by TP (cells of higher combined probability first,
  on average). All conversions of an iteration are applied together (synchronous).
* **Losses** (``churn``): with ``churn=False`` (*net change*, the default of the algorithm) a cell
  converts only out of a class in surplus (D_c < 0), at most −D_c cells per class and iteration
  (random order): every gap shrinks monotonically, so no class ever overshoots and the FLUS inertia
  rule, which reacts only to growing gaps, leaves every inertia at 1. With ``churn=True`` (*gross
  change*, GeoSOS-FLUS's behaviour) the loss of the cell's own class is not limited: a class may fall
  below its demand and then regains cells, its inertia growing by the rule above (FLUS's
  self-correction); this adds swaps between classes (more false alarms on maps changed by one
  process, e.g. Kappa 0.876 against 0.906 on the 200 × 200 test landscape). Net change can run into
  a dead end — a class in surplus allowed to turn only into classes whose demand is already met by
  others; after :data:`ESCAPE_ITERATIONS` iterations without a change it continues with gross change,
  which resolves it through a third class (reported in the result: ``escaped``); the accelerations
  restart from 1 then.
* **Stop** when every D_k = 0, after ``max_iterations``, or when no cell changed during
  :data:`STALL_ITERATIONS` iterations in a row.

Only cells with a neighbour of a short class within the window can change (Ω of every class that
may gain is 0 elsewhere), so the roulette is drawn only there — the same result as drawing it
everywhere, at the cost of the frontier. Draws come from one seeded ``numpy`` generator in a fixed
order: the same seed gives the same map. Not reproduced: GeoSOS-FLUS's own acceleration rule and its
threading; a faithful model, not pixel-identical maps (FLUS publishes no source).

Memory: besides the probabilities (2·K bytes a cell) 22 bytes a cell at most (padded map and its start
copy, padded mask, the short-class mask, its dilation and temporaries — 6 —, frontier indices — 8 —
when every cell is on the frontier, and the result — 1 —, rounded up) plus :data:`CHUNK` × (K + 1) × 16
bytes of work arrays (:func:`estimate_ca_memory`).
"""
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

from ..runtime.progress import ensure

#: Frontier cells processed at once.
CHUNK = 1 << 20
#: Stop when no cell changed in this many consecutive iterations.
STALL_ITERATIONS = 25
#: Net change switches to gross change after this many iterations without a change.
ESCAPE_ITERATIONS = 5
#: Acceleration: a short class whose gains in an iteration stay below this share of its gap …
ACCELERATION_SHARE = 0.1
#: … has its combined probability multiplied by this factor from the next iteration on.
ACCELERATION_STEP = 2.0
#: Value of cells outside the map or NoData in the class array.
OUTSIDE = 255
INERTIA_LIMITS = (1e-6, 1e6)


def estimate_ca_memory(cells, n_classes):
    """Bytes the automaton allocates besides its inputs (see the module docstring)."""
    return 22 * cells + CHUNK * (n_classes + 1) * 16


@dataclass
class CAResult:
    classes: np.ndarray                      # (rows, cols) uint8 class indices, OUTSIDE off the map
    #: one dict an iteration: iteration, changed, to_allocate, cells, gaps, inertia, acceleration
    iterations: list = field(default_factory=list)
    met: bool = False
    stalled: bool = False
    escaped: bool = False

    @property
    def gaps(self):
        return self.iterations[-1]["gaps"]


def update_inertia(inertia, previous, before_previous):
    """FLUS's self-adaptive inertia from D^{t−1} (``previous``) and D^{t−2} (``before_previous``)."""
    d1 = previous.astype(np.float64)
    d2 = before_previous.astype(np.float64)
    factor = np.ones_like(inertia)
    grows = np.abs(d1) > np.abs(d2)
    surplus = grows & (d1 < d2) & (d2 < 0)
    shortage = grows & (0 < d2) & (d2 < d1)
    factor[surplus] = d2[surplus] / d1[surplus]
    factor[shortage] = d1[shortage] / d2[shortage]
    return np.clip(inertia * factor, *INERTIA_LIMITS)


def window_offsets(window, padded_cols):
    """Flat offsets of the cells of a window × window Moore neighbourhood, centre excluded."""
    half = window // 2
    return [dr * padded_cols + dc for dr in range(-half, half + 1) for dc in range(-half, half + 1)
            if dr or dc]


def simulate(classes, changeable, probabilities, demand, allowed, weights, window=3, max_iterations=500,
             seed=0, progress=None, churn=False):
    """Run the automaton; ``classes`` (rows, cols) uint8 indices 0 … K − 1 (:data:`OUTSIDE` off the
    map), ``changeable`` (rows, cols) bool, ``probabilities`` (rows, cols, K) uint16 sp × 65535,
    ``demand`` cells per class, ``allowed`` (K, K) bool [from, to], ``weights`` (K,)."""
    progress = ensure(progress)
    n_classes = len(demand)
    rows, cols = classes.shape
    half = window // 2
    padded = np.pad(classes, half, constant_values=OUTSIDE)
    movable = np.pad(changeable, half, constant_values=False)
    flat = padded.ravel()
    origin = padded.copy().ravel()            # start classes: the conversion matrix applies from them
    padded_cols = cols + 2 * half
    offsets = window_offsets(window, padded_cols)
    scale = np.asarray(weights, np.float32) / np.float32(len(offsets) * 65535.0)
    allowed_f = np.asarray(allowed, np.float32)
    demand = np.asarray(demand, np.int64)
    rng = np.random.default_rng(seed)

    counts = np.bincount(classes[classes < n_classes], minlength=n_classes).astype(np.int64)
    inertia = np.ones(n_classes)
    acceleration = np.ones(n_classes)
    history = [demand - counts]
    result = CAResult(classes)
    result.iterations.append(_row(0, 0, counts, demand, inertia, acceleration))
    start_gap = max(int(np.maximum(demand - counts, 0).sum()), 1)
    idle = 0
    for iteration in range(1, max_iterations + 1):
        gaps = demand - counts
        if not gaps.any():
            result.met = True
            break
        if len(history) >= 2:
            inertia = update_inertia(inertia, history[-1], history[-2])
        short = np.flatnonzero(gaps > 0)
        frontier = _frontier(padded, movable, short, window)
        picked_cells, picked_classes, picked_weights = [], [], []
        tp_factor = (inertia * acceleration).astype(np.float32)
        for start in range(0, frontier.size, CHUNK):
            progress.check()
            cells = frontier[start:start + CHUNK]
            current = flat[cells]
            omega = np.zeros((cells.size, n_classes + 1), np.float32)
            positions = np.arange(cells.size)
            for offset in offsets:
                omega[positions, np.minimum(flat[cells + offset], n_classes)] += 1.0
            r = cells // padded_cols - half
            c = cells % padded_cols - half
            tp = np.maximum(probabilities[r, c], 1).astype(np.float32)   # sp floored at 1/65535
            tp *= omega[:, :n_classes]
            tp *= scale * tp_factor
            tp *= allowed_f[np.minimum(origin[cells], n_classes - 1)]
            cumulative = np.cumsum(tp, axis=1)
            draw = rng.random(cells.size, dtype=np.float32) * cumulative[:, -1]
            choice = np.minimum((cumulative <= draw[:, None]).sum(axis=1), n_classes - 1)
            accept = (cumulative[:, -1] > 0) & (choice != current) & (gaps[choice] > 0)
            if not churn:
                accept &= gaps[np.minimum(current, n_classes - 1)] < 0
            picked_cells.append(cells[accept])
            picked_classes.append(choice[accept])
            picked_weights.append(tp[np.flatnonzero(accept), choice[accept]])
        before = counts.copy()
        changed = _apply(flat, counts, gaps, short, picked_cells, picked_classes, picked_weights, rng, n_classes,
                         churn)
        slow = (gaps > 0) & (counts - before < ACCELERATION_SHARE * gaps)
        acceleration[slow] = np.minimum(acceleration[slow] * ACCELERATION_STEP, INERTIA_LIMITS[1])
        history.append(demand - counts)
        result.iterations.append(_row(iteration, changed, counts, demand, inertia, acceleration))
        remaining = int(np.maximum(demand - counts, 0).sum())
        progress.update(1.0 - remaining / start_gap,
                        f"Iteration {iteration}: {changed} cells changed, {remaining} still to allocate "
                        f"/ 第 {iteration} 次迭代：{changed} 个像元转换，尚余 {remaining} 个")
        idle = idle + 1 if changed == 0 else 0
        if not churn and idle >= ESCAPE_ITERATIONS:
            churn = result.escaped = True     # a dead end of net change: continue with gross change
            acceleration[:] = 1.0
        if idle >= STALL_ITERATIONS:
            result.stalled = True
            break
    else:
        result.met = not (demand - counts).any()
    result.met = result.met or not (demand - counts).any()
    result.classes = padded[half:half + rows, half:half + cols].copy()
    return result


def _frontier(padded, movable, short, window):
    """Flat indices (padded grid) of changeable cells with a cell of a short class in their window."""
    near_short = ndimage.maximum_filter(np.isin(padded, short).view(np.uint8), size=window, mode="constant")
    near_short = near_short.view(bool)
    near_short &= movable
    return np.flatnonzero(near_short.ravel())


def _apply(flat, counts, gaps, short, picked_cells, picked_classes, picked_weights, rng, n_classes, churn=True):
    """Convert the accepted draws: at most D_k per class k and, with net change, at most −D_c out of a
    class c in surplus. Where more cells drew a class than allowed, the cells kept are a weighted
    random sample without replacement, weights TP (Efraimidis & Spirakis 2006 keys log(u)/TP)."""
    cells = np.concatenate(picked_cells) if picked_cells else np.empty(0, np.int64)
    chosen = np.concatenate(picked_classes) if picked_classes else np.empty(0, np.int64)
    weights = np.concatenate(picked_weights) if picked_weights else np.empty(0, np.float32)
    keys = np.log(rng.random(cells.size) + 1e-300) / np.maximum(weights.astype(np.float64), 1e-300)
    order = np.argsort(-keys, kind="stable")
    cells, chosen = cells[order], chosen[order]
    if not churn and cells.size:
        keep = _within_losses(flat[cells], gaps)
        cells, chosen = cells[keep], chosen[keep]
    keep = []
    for k in short:
        members = np.flatnonzero(chosen == k)[:max(int(gaps[k]), 0)]
        keep.append(members)
    keep = np.concatenate(keep) if keep else np.empty(0, np.int64)
    cells, chosen = cells[keep], chosen[keep]
    if cells.size:
        old = flat[cells]
        counts -= np.bincount(old, minlength=n_classes)[:n_classes]
        counts += np.bincount(chosen, minlength=n_classes)[:n_classes]
        flat[cells] = chosen.astype(flat.dtype)
    return int(cells.size)


def _within_losses(sources, gaps):
    """True for the first −D_c draws of every surplus class c, in the given order."""
    order = np.argsort(sources, kind="stable")
    sorted_sources = sources[order]
    first = np.searchsorted(sorted_sources, sorted_sources)
    rank = np.empty(sources.size, np.int64)
    rank[order] = np.arange(sources.size) - first
    return rank < -gaps[sources]


def _row(iteration, changed, counts, demand, inertia, acceleration):
    gaps = demand - counts
    return {"iteration": iteration, "changed": changed, "to_allocate": int(np.maximum(gaps, 0).sum()),
            "cells": counts.copy(), "gaps": gaps.copy(), "inertia": inertia.copy(),
            "acceleration": acceleration.copy()}
