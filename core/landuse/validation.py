"""Agreement of a simulated land-use map with the observed one (spec ``prioritization.md`` §8).

With the confusion matrix n_ab (rows a = observed class, columns b = simulated class), N = Σ n_ab:

* overall accuracy OA = Σ_a n_aa / N;
* Cohen's (1960) kappa κ = (p_o − p_e) / (1 − p_e), p_o = OA, p_e = Σ_a n_a+ · n_+a / N²;
* figure of merit (Pontius et al. 2008, Annals of Regional Science 42:11–37), from the start map s,
  the observed map o and the simulated map m: A = misses (o ≠ s, m = s), B = hits (o ≠ s, m = o),
  C = wrong hits (o ≠ s, m ≠ s, m ≠ o), D = false alarms (o = s, m ≠ s);
  FoM = B / (A + B + C + D), producer's accuracy B / (A + B + C), user's accuracy B / (B + C + D).

:func:`random_allocation` is the null model the tests and the validation table compare against: the
same per-class net change placed on cells drawn uniformly at random.

All maps are arrays of class indices 0 … K − 1 and a boolean ``valid`` mask of the cells compared.
"""
from dataclasses import dataclass

import numpy as np


@dataclass
class Agreement:
    """Confusion matrix and the measures of §8 (fractions in [0, 1]; ``nan`` when undefined)."""
    confusion: np.ndarray
    oa: float
    kappa: float
    fom: float
    producer: float
    user: float
    misses: int
    hits: int
    wrong_hits: int
    false_alarms: int


#: Cells compared at once (the measures are sums: bounded memory on any map).
CHUNK = 1 << 22


def _chunks(*arrays):
    flat = [np.asarray(a).ravel() for a in arrays]
    for start in range(0, flat[0].size, CHUNK):
        yield [a[start:start + CHUNK] for a in flat]


def confusion_matrix(observed, simulated, valid, classes):
    """(K, K) counts, rows = observed class index, columns = simulated class index."""
    counts = np.zeros(classes * classes, np.int64)
    for o, s, v in _chunks(observed, simulated, valid):
        codes = o[v].astype(np.int64) * classes + s[v]
        counts += np.bincount(codes, minlength=classes * classes)[:classes * classes]
    return counts.reshape(classes, classes)


def overall_accuracy(confusion):
    total = confusion.sum()
    return float(np.trace(confusion) / total) if total else float("nan")


def kappa(confusion):
    """Cohen's kappa; 1.0 when both maps hold one and the same class (p_e = 1)."""
    total = float(confusion.sum())
    if not total:
        return float("nan")
    p_o = np.trace(confusion) / total
    p_e = float(np.dot(confusion.sum(axis=1), confusion.sum(axis=0))) / total ** 2
    return 1.0 if p_e >= 1.0 else float((p_o - p_e) / (1.0 - p_e))


def change_components(start, observed, simulated, valid):
    """(misses A, hits B, wrong hits C, false alarms D) of Pontius et al. (2008)."""
    misses = hits = wrong = false_alarms = 0
    for s, o, m, v in _chunks(start, observed, simulated, valid):
        s, o, m = s[v], o[v], m[v]
        observed_change = o != s
        simulated_change = m != s
        misses += int(np.count_nonzero(observed_change & ~simulated_change))
        hits += int(np.count_nonzero(observed_change & (m == o)))
        wrong += int(np.count_nonzero(observed_change & simulated_change & (m != o)))
        false_alarms += int(np.count_nonzero(~observed_change & simulated_change))
    return misses, hits, wrong, false_alarms


def _ratio(numerator, denominator):
    return float(numerator / denominator) if denominator else float("nan")


def agreement(start, observed, simulated, valid, classes):
    """All measures of §8 for one simulated map."""
    confusion = confusion_matrix(observed, simulated, valid, classes)
    a, b, c, d = change_components(start, observed, simulated, valid)
    return Agreement(confusion, overall_accuracy(confusion), kappa(confusion), _ratio(b, a + b + c + d),
                     _ratio(b, a + b + c), _ratio(b, b + c + d), a, b, c, d)


def random_allocation(start, changeable, demand, seed):
    """The start map with the same net change per class placed at random: for every class with a
    surplus, that many of its changeable cells (drawn uniformly) are handed, in random order, to the
    classes short of their demand. ``demand`` counts cells per class index; returns a new array."""
    rng = np.random.default_rng(seed)
    result = start.copy()
    counts = np.bincount(start[start < len(demand)], minlength=len(demand))
    gaps = np.asarray(demand, np.int64) - counts
    freed = []
    for k in np.flatnonzero(gaps < 0):
        cells = np.flatnonzero(changeable.ravel() & (start.ravel() == k))
        freed.append(rng.choice(cells, size=min(-gaps[k], cells.size), replace=False))
    freed = np.concatenate(freed) if freed else np.empty(0, np.int64)
    receivers = np.repeat(np.flatnonzero(gaps > 0), np.maximum(gaps[gaps > 0], 0))[:freed.size]
    rng.shuffle(receivers)
    result.ravel()[freed[:receivers.size]] = receivers
    return result
