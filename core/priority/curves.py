"""Performance curves of a priority rank map in Zonation 5's formats (spec ``prioritization.md`` §1.6).

Removing cells in rank order (lowest first), the coverage of feature j after m removals is the
fraction of its initial total still in the remaining cells, cov_j(m) = 1 - sum of q_ij over the m
cells removed. ``summary_curves.csv`` (space-separated, quoted header, 4 decimals) has the columns
rank (= m / N), remaining_area (cells), remaining_cost, mean, max, min, mean_positive,
weighted_mean_positive, max_positive, min_positive; one row each time another ``interval`` (1e-4)
of the cells is gone. Area under curve = unweighted mean over features of the integral of coverage
over rank (trapezoids over every removal; Zonation 5's "Area under curve" in ``stats.txt``).
"""
from dataclasses import dataclass

import numpy as np

from ..runtime.progress import ensure

SUMMARY_COLUMNS = ("rank", "remaining_area", "remaining_cost", "mean", "max", "min", "mean_positive",
                   "weighted_mean_positive", "max_positive", "min_positive")


@dataclass
class Curves:
    """``removed``: cells removed at each row; ``coverage``: rows x F; ``auc``: per feature."""
    n: int
    removed: np.ndarray
    coverage: np.ndarray
    remaining_cost: np.ndarray
    auc: np.ndarray
    weights: np.ndarray

    @property
    def rank(self):
        return self.removed / float(self.n)

    @property
    def mean_auc(self):
        return float(self.auc.mean())

    def summary(self):
        """rows x 10 array of the summary columns."""
        cov, positive = self.coverage, self.weights > 0
        pos = cov[:, positive]
        wpos = self.weights[positive]
        return np.column_stack([
            self.rank, self.n - self.removed, self.remaining_cost, cov.mean(1), cov.max(1), cov.min(1),
            pos.mean(1), pos @ wpos / wpos.sum(), pos.max(1), pos.min(1)])

    def at(self, rank):
        """Coverage (len(rank) x F) at the given ranks, linear between rows."""
        rank = np.asarray(rank, np.float64)
        return np.column_stack([np.interp(rank, self.rank, self.coverage[:, j]) for j in range(self.coverage.shape[1])])


def sample_points(n, interval=1e-4):
    """Cells removed at the curve rows: 0, every ``interval`` of n (at least one cell), n."""
    steps = np.ceil(np.arange(0.0, 1.0, interval) * n).astype(np.int64)
    return np.unique(np.concatenate([steps, [n]]).clip(0, n))


def performance_curves(values, ranks, weights, cost=None, interval=1e-4, progress=None):
    """:class:`Curves` of rank map ``ranks`` (one value per row of ``values``, the raw n x F features).

    Cells are removed in increasing rank (ties by position); each feature is normalised to its total
    over all n cells. With G_m the share removed after m cells (G_0 = 0), the trapezoid area is
    sum_{m<n} (2 - G_m - G_{m+1}) / 2n = 1 - (sum_{m=1..n} G_m - G_n / 2) / n. Memory: the removal order
    and one feature column at a time (float64).
    """
    progress = ensure(progress)
    n, features = values.shape
    progress.update(0.0, "Performance curves / 正在计算表现曲线")
    order = np.argsort(ranks, kind="stable")
    removed = sample_points(n, interval)
    coverage = np.empty((len(removed), features))
    auc = np.empty(features)
    totals = values.sum(axis=0, dtype=np.float64)
    for j in range(features):
        progress.update((j + 0.5) / (features + 1), "Performance curves / 正在计算表现曲线")
        gone = values[order, j].astype(np.float64)
        gone /= totals[j] if totals[j] > 0 else 1.0
        np.cumsum(gone, out=gone)
        coverage[:, j] = 1.0 - np.concatenate([[0.0], gone[removed[removed > 0] - 1]])
        auc[j] = 1.0 - (gone.sum() - gone[-1] / 2.0) / n
    if cost is None:
        remaining_cost = np.zeros(len(removed))
    else:
        cost_gone = np.concatenate([[0.0], np.cumsum(np.asarray(cost, np.float64)[order])])
        remaining_cost = cost_gone[-1] - cost_gone[removed]
    progress.update(1.0)
    return Curves(n, removed, np.clip(coverage, 0.0, 1.0), remaining_cost, auc, np.asarray(weights, np.float64))


def write_summary_curves(path, curves):
    """``summary_curves.csv`` as Zonation 5 writes it (space-separated, quoted header)."""
    rows = curves.summary()
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(" ".join(f'"{c}"' for c in SUMMARY_COLUMNS) + "\n")
        for row in rows:
            handle.write(f"{row[0]:.5f} {int(row[1])} {row[2]:.1f} " + " ".join(f"{v:.4f}" for v in row[3:]) + "\n")
    return path


def write_feature_curves(path, curves):
    """``feature_curves.csv`` as Zonation 5 writes it: ``"rank" 0 1 … F-1`` with a trailing space."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write('"rank" ' + "".join(f"{j} " for j in range(curves.coverage.shape[1])) + "\n")
        for rank, row in zip(curves.rank, curves.coverage):
            handle.write(f"{rank:.5f} " + "".join(f"{v:.4f} " for v in row) + "\n")
    return path


def read_zonation_curves(path):
    """(header, rows array) of a Zonation 5 curves file (space-separated, quoted header)."""
    with open(path, encoding="utf-8") as handle:
        header = [h.strip('"') for h in handle.readline().split()]
        rows = np.array([[float(v) for v in line.split()] for line in handle if line.strip()])
    return header, rows
