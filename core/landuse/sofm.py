"""Self-organising feature map (Kohonen SOFM) in numpy: training, best-matching units, quality.

Map: ``rows × cols`` neurons on a rectangular lattice, neuron j at lattice position r_j, codebook
vector w_j in the standardised service space.

* **Initialisation**: linear (SOM Toolbox ``lininit``, Kohonen 2001 §3.7) — the codebook spans the
  plane of the two first principal components of the data, ±2 standard deviations along each
  (one component for a 1 × k map): deterministic and already ordered.
* **Training** (mini-batch SOM, a seeded compromise between Kohonen's online rule and the batch
  SOM of ``kohonen::som(mode = "batch")``): at step t = 0 … T − 1 a seeded batch of
  :data:`BATCH` samples is drawn; c(i) is the best-matching unit of sample x_i; the neighbourhood
  h_ij = exp(−|r_j − r_c(i)|² / 2σ_t²) (Gaussian, as MiniSom's default); and

      w_j ← w_j + α_t · Σ_i h_ij (x_i − w_j) / max(1, Σ_i h_ij)

  — a move of α_t towards the neighbourhood-weighted mean of the batch for a neuron that has
  support, Kohonen's summed online update for one that has little. α_t = α_0 (0.01)^{t/T} and
  σ_t = σ_0 (σ_end/σ_0)^{t/T} with σ_end = :data:`SIGMA_END` (exponential decays from the given
  learning rate and radius, as in MiniSom's decay functions).
* **Quality** (spec §6): quantisation error = mean Euclidean distance to the BMU; topographic error
  = share of samples whose first and second BMUs are not neighbours (8-neighbourhood).

Same seed and data → identical codebook (numpy's ``default_rng``, BMU ties to the lowest index).
No reference run: MiniSom is not a dependency; the tests check recovery of planted clusters.
"""
import numpy as np

from ..runtime.errors import InputError
from ..runtime.progress import ensure
from .clusters import _kmeans_plus_plus, nearest

BATCH = 256
MAX_SIDE = 20
SIGMA_END = 0.3
LEARNING_RATE_END_FACTOR = 0.01


def auto_map_size(samples):
    """(rows, cols) of a square map with about 5√N neurons (Vesanto & Alhoniemi 2000), at least 2 × 2 and
    at most :data:`MAX_SIDE` × :data:`MAX_SIDE` (400 neurons: a codebook fine enough for ≤ 50 clusters that
    keeps the assignment of 10⁷ cells within a minute; N = 100 000 samples would ask for ≈ 1 600)."""
    side = int(round(np.sqrt(5.0 * np.sqrt(max(samples, 1)))))
    side = min(max(side, 2), MAX_SIDE)
    return side, side


def lattice(rows, cols):
    """Lattice positions (row, col) of the neurons, neuron j = row · cols + col."""
    r, c = np.divmod(np.arange(rows * cols), cols)
    return np.column_stack([r, c]).astype(np.float64)


def linear_init(data, rows, cols):
    """Codebook on the plane of the first principal components (±2 sd), ordered like the lattice."""
    data = np.asarray(data, dtype=np.float64)
    mean = data.mean(axis=0)
    centred = data - mean
    _, s, vt = np.linalg.svd(centred[:min(len(centred), 20000)], full_matrices=False)
    sd = s / np.sqrt(max(min(len(centred), 20000) - 1, 1))
    axes = [sd[i] * vt[i] if i < len(sd) else np.zeros(data.shape[1]) for i in range(2)]
    positions = lattice(rows, cols)
    spans = [rows, cols]
    codebook = np.tile(mean, (rows * cols, 1))
    # the longer side of the map follows the first component
    order = (1, 0) if cols >= rows else (0, 1)
    for axis_index, dim in enumerate(order):
        n = spans[dim]
        if n > 1:
            coordinate = (positions[:, dim] / (n - 1) - 0.5) * 4.0
            codebook += coordinate[:, None] * axes[axis_index][None, :]
    return codebook


class Sofm:
    """A trained map: ``codebook`` (M × d), ``rows``, ``cols``, ``hits`` on the training data."""

    def __init__(self, rows, cols, codebook):
        self.rows, self.cols = rows, cols
        self.codebook = codebook
        self.hits = None

    def bmu(self, data):
        return nearest(data, self.codebook)[0]

    def quantisation_error(self, data):
        return float(np.mean(np.sqrt(nearest(data, self.codebook)[1])))

    def topographic_error(self, data, chunk=1000):
        """Share of samples whose two best-matching units are not adjacent (8-neighbourhood)."""
        if self.rows * self.cols < 2:
            return 0.0
        positions = lattice(self.rows, self.cols)
        norms = np.einsum("ij,ij->i", self.codebook, self.codebook)
        errors = 0
        for start in range(0, len(data), chunk):
            block = np.asarray(data[start:start + chunk], dtype=np.float64)
            scores = norms[None, :] - 2.0 * block @ self.codebook.T
            two = np.argpartition(scores, 1, axis=1)[:, :2]
            gap = np.abs(positions[two[:, 0]] - positions[two[:, 1]]).max(axis=1)
            errors += int(np.sum(gap > 1.0))
        return errors / max(len(data), 1)


def train_sofm(data, rows, cols, iterations=1000, learning_rate=0.5, sigma=0.0, seed=0, progress=None,
               init="linear"):
    """Train a ``rows × cols`` map on ``data`` (n × d standardised samples); see the module docstring.

    ``sigma`` ≤ 0 → half the longer map side (at least 1). ``init``: ``"linear"`` (principal
    components) or ``"random"`` (distinct seeded samples, MiniSom's ``random_weights_init``).
    Returns a :class:`Sofm` with ``hits``.
    """
    progress = ensure(progress)
    data = np.asarray(data, dtype=np.float64)
    if rows < 1 or cols < 1:
        raise InputError(f"The SOFM map size must be at least 1 × 1, not {rows} × {cols}. / 自组织映射网格尺寸无效。")
    if iterations < 1:
        raise InputError("ITERATIONS must be at least 1. / 迭代次数至少为 1。")
    if not learning_rate > 0:
        raise InputError("LEARNING_RATE must be positive. / 学习率必须为正数。")
    row_d2 = (np.arange(rows)[:, None] - np.arange(rows)[None, :]) ** 2.0
    col_d2 = (np.arange(cols)[:, None] - np.arange(cols)[None, :]) ** 2.0
    sigma0 = float(sigma) if sigma and sigma > 0 else max(1.0, max(rows, cols) / 2.0)
    sigma_end = min(SIGMA_END, sigma0)
    rng = np.random.default_rng(seed)
    if init == "random":
        codebook = data[rng.choice(len(data), rows * cols, replace=len(data) < rows * cols)].copy()
    elif init == "kmeans++":
        codebook = _kmeans_plus_plus(data, rows * cols, np.ones(len(data)), rng)
    else:
        codebook = linear_init(data, rows, cols)
    n, d = data.shape
    m = rows * cols
    batch = min(BATCH, n)
    report_every = max(1, iterations // 50)
    for t in range(iterations):
        fraction = t / iterations
        alpha = learning_rate * LEARNING_RATE_END_FACTOR ** fraction
        sig = sigma0 * (sigma_end / sigma0) ** fraction
        x = data[rng.integers(0, n, batch)]
        winners = nearest(x, codebook)[0]
        # Σ_i h_ij x_i and Σ_i h_ij with the separable Gaussian h = g(Δrow)·g(Δcol): sum the batch per
        # winner, then smooth along the rows and the columns of the lattice.
        per_unit = np.empty((m, d + 1))
        per_unit[:, d] = np.bincount(winners, minlength=m)
        for j in range(d):
            per_unit[:, j] = np.bincount(winners, weights=x[:, j], minlength=m)
        g_rows = np.exp(-row_d2 / (2.0 * sig * sig))
        g_cols = np.exp(-col_d2 / (2.0 * sig * sig))
        smooth = np.einsum("ar,rcd->acd", g_rows, per_unit.reshape(rows, cols, d + 1))
        smooth = np.einsum("bc,acd->abd", g_cols, smooth).reshape(m, d + 1)
        support = smooth[:, d]
        pull = smooth[:, :d] - support[:, None] * codebook               # Σ_i h_ij (x_i − w_j)
        codebook += alpha * pull / np.maximum(support, 1.0)[:, None]
        if t % report_every == 0:
            progress.update(t / iterations, f"SOFM {rows}×{cols}: step {t + 1}/{iterations}")
    som = Sofm(rows, cols, codebook)
    som.hits = np.bincount(som.bmu(data), minlength=rows * cols)
    progress.update(1.0)
    return som
