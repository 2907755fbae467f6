"""Clustering of standardised ecosystem-service samples: standardisation, k-means, validity indices,
the automatic number of clusters, profiles and the service correlation matrix.

* **Standardisation** (spec §6): min–max z = (x − min)/(max − min), or z-score z = (x − mean)/sd
  (population sd), each service over the samples that are valid in every service.
* **k-means**: ``sklearn.cluster.KMeans(n_clusters, n_init=10, random_state=seed)`` when
  scikit-learn is installed, else Lloyd's algorithm with k-means++ seeding (Arthur & Vassilvitskii
  2007) written here in numpy, 10 seeded starts, the lowest inertia kept. The codebook of the
  two-level SOFM (at most 400 vectors weighted by their hits) is always clustered with the numpy
  version, so that SOFM results do not depend on whether scikit-learn is installed. The two give the same partition on
  well-separated data but may differ in detail: the same seed gives the same result with the same
  set of installed packages.
* **Validity indices** (the definitions of scikit-learn 1.x ``sklearn.metrics``; tests compare them):
  silhouette (Rousseeuw 1987; mean over the points of (b − a)/max(a, b), on a seeded sample of at
  most :data:`SILHOUETTE_SAMPLE` points), Davies–Bouldin (1979; lower is better) and
  Calinski–Harabasz (1974; higher is better).
* **Automatic choice**: every k of a range is tried; the default criterion is the silhouette
  (bounded, comparable between data sets, the most used in ES-bundle studies; Davies–Bouldin and
  Calinski–Harabasz are reported beside it and can be chosen instead).
"""
import numpy as np

from ..runtime.deps import available
from ..runtime.errors import InputError

STANDARDISATIONS = ("minmax", "zscore")
CRITERIA = ("silhouette", "davies_bouldin", "calinski_harabasz")
#: Direction of each criterion: +1 larger is better, -1 smaller is better.
CRITERION_SIGN = {"silhouette": 1.0, "davies_bouldin": -1.0, "calinski_harabasz": 1.0}
N_INIT = 10
MAX_ITER = 300
SILHOUETTE_SAMPLE = 3000


# ------------------------------------------------------------------ standardisation
def standardisation_parameters(minimum, maximum, mean, sd, method, names, directions=None):
    """``(offset, scale)`` arrays so that z = (x − offset)/scale; refuses a constant service.

    ``directions``: +1 / −1 per service (default all +1); a negative one (e.g. soil erosion, where
    less is more service) is reversed: (max − x)/(max − min), or −(x − mean)/sd."""
    if method not in STANDARDISATIONS:
        raise InputError(f"Unknown standardisation '{method}'; use one of {', '.join(STANDARDISATIONS)}. "
                         "/ 未知的标准化方法。")
    minimum, maximum = np.asarray(minimum, float), np.asarray(maximum, float)
    constant = [name for name, lo, hi in zip(names, minimum, maximum) if not hi > lo]
    if constant:
        raise InputError(
            f"The ecosystem-service layer(s) {', '.join(repr(n) for n in constant)} have the same value in every "
            "cell (or unit) that is valid in all inputs, so they cannot be standardised and carry no information "
            "for the clusters. Remove them from INPUTS or check that they were computed correctly."
            f" / 生态系统服务图层 {', '.join(constant)} 在所有有效像元（或单元）中取值相同，无法标准化，"
            "请从输入中移除或检查其计算是否正确。")
    signs = np.ones(len(minimum)) if directions is None else np.asarray(directions, float)
    if method == "minmax":
        return np.where(signs < 0, maximum, minimum), signs * (maximum - minimum)
    return np.asarray(mean, float), signs * np.where(np.asarray(sd, float) > 0, sd, 1.0)


def standardise(values, offset, scale):
    """(values − offset)/scale as float64."""
    return (np.asarray(values, dtype=np.float64) - offset) / scale


# ------------------------------------------------------------------ k-means
def kmeans(points, k, seed=0, weights=None, use_sklearn=None):
    """``(centres k×d, labels)`` of weighted k-means (see the module docstring)."""
    points = np.asarray(points, dtype=np.float64)
    if use_sklearn is None:
        use_sklearn = available("sklearn")
    if use_sklearn:
        from sklearn.cluster import KMeans
        from threadpoolctl import threadpool_limits  # installed with scikit-learn
        model = KMeans(n_clusters=k, n_init=N_INIT, random_state=seed, max_iter=MAX_ITER)
        with threadpool_limits(limits=1):   # OpenMP threads on a busy machine (QGIS) run 10-30 × slower
            model.fit(points, sample_weight=weights)
        return model.cluster_centers_.astype(np.float64), model.labels_.astype(np.int64)
    return kmeans_numpy(points, k, seed, weights)


def kmeans_numpy(points, k, seed=0, weights=None, n_init=N_INIT, max_iter=MAX_ITER, tol=1e-8):
    """Lloyd's k-means with k-means++ seeding, ``n_init`` seeded starts; the lowest weighted inertia wins."""
    points = np.asarray(points, dtype=np.float64)
    n = len(points)
    weights = np.ones(n) if weights is None else np.asarray(weights, dtype=np.float64)
    rng = np.random.default_rng(seed)
    best = None
    for _ in range(n_init):
        centres = _kmeans_plus_plus(points, k, weights, rng)
        for _iteration in range(max_iter):
            labels, distance = nearest(points, centres)
            mass = np.bincount(labels, weights=weights, minlength=k)
            sums = np.column_stack([np.bincount(labels, weights=points[:, j] * weights, minlength=k)
                                    for j in range(points.shape[1])])
            moved = np.where(mass[:, None] > 0, sums / np.maximum(mass, 1e-300)[:, None], centres)
            shift = float(np.sum((moved - centres) ** 2))
            centres = moved
            if shift <= tol * max(float(np.sum(points.var(axis=0))), 1e-300):
                break
        labels, distance = nearest(points, centres)
        inertia = float(np.sum(weights * distance))
        if best is None or inertia < best[0]:
            best = (inertia, centres, labels)
    return best[1], best[2]


def _kmeans_plus_plus(points, k, weights, rng):
    n = len(points)
    usable = weights > 0
    p = weights / weights.sum()
    centres = [points[rng.choice(n, p=p)]]
    closest = np.sum((points - centres[0]) ** 2, axis=1)
    for _ in range(1, k):
        mass = closest * weights * usable
        total = mass.sum()
        index = rng.choice(n, p=mass / total) if total > 0 else rng.choice(n, p=p)
        centres.append(points[index])
        closest = np.minimum(closest, np.sum((points - points[index]) ** 2, axis=1))
    return np.array(centres)


def nearest(points, prototypes, chunk_elements=1 << 16):
    """``(index, squared distance)`` of the nearest prototype of each point, in chunks of at most
    ``chunk_elements`` point–prototype pairs (bounded memory); ties go to the lowest index."""
    points = np.asarray(points, dtype=np.float64)
    prototypes = np.asarray(prototypes, dtype=np.float64)
    norms = np.einsum("ij,ij->i", prototypes, prototypes)
    step = max(1, chunk_elements // max(len(prototypes), 1))
    index = np.empty(len(points), dtype=np.int64)
    distance = np.empty(len(points), dtype=np.float64)
    for start in range(0, len(points), step):
        block = points[start:start + step]
        scores = norms[None, :] - 2.0 * (block @ prototypes.T)
        best = np.argmin(scores, axis=1)
        index[start:start + step] = best
        distance[start:start + step] = np.maximum(
            scores[np.arange(len(block)), best] + np.einsum("ij,ij->i", block, block), 0.0)
    return index, distance


# ------------------------------------------------------------------ validity indices
def silhouette(points, labels, seed=0, sample=SILHOUETTE_SAMPLE):
    """Mean silhouette coefficient (Euclidean) on a seeded sample of at most ``sample`` points."""
    points, labels = np.asarray(points, dtype=np.float64), np.asarray(labels)
    if len(points) > sample:
        pick = np.sort(np.random.default_rng(seed).choice(len(points), sample, replace=False))
        points, labels = points[pick], labels[pick]
    present, labels = np.unique(labels, return_inverse=True)
    if not 2 <= len(present) <= len(points) - 1:
        return float("nan")
    k, n = len(present), len(points)
    counts = np.bincount(labels, minlength=k)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = 1.0
    sq = np.einsum("ij,ij->i", points, points)
    sums = np.empty((n, k))
    for start in range(0, n, 500):                      # 500 × n distances at a time
        block = points[start:start + 500]
        dist = np.sqrt(np.maximum(sq[start:start + 500, None] + sq[None, :] - 2.0 * block @ points.T, 0.0))
        sums[start:start + 500] = dist @ onehot
    own = counts[labels]
    a = sums[np.arange(n), labels] / np.maximum(own - 1, 1)
    means = sums / counts[None, :]
    means[np.arange(n), labels] = np.inf
    b = means.min(axis=1)
    s = np.where(own > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return float(np.mean(s))


def davies_bouldin(points, labels):
    """Davies–Bouldin index (lower is better)."""
    points = np.asarray(points, dtype=np.float64)
    present, labels = np.unique(labels, return_inverse=True)
    k = len(present)
    if k < 2:
        return float("nan")
    centres = np.array([points[labels == c].mean(axis=0) for c in range(k)])
    scatter = np.array([np.mean(np.sqrt(np.sum((points[labels == c] - centres[c]) ** 2, axis=1)))
                        for c in range(k)])
    separation = np.sqrt(np.sum((centres[:, None, :] - centres[None, :, :]) ** 2, axis=2))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (scatter[:, None] + scatter[None, :]) / separation
    ratio[~np.isfinite(ratio)] = 0.0
    np.fill_diagonal(ratio, 0.0)
    return float(np.mean(ratio.max(axis=1)))


def calinski_harabasz(points, labels):
    """Calinski–Harabasz index (variance ratio; higher is better)."""
    points = np.asarray(points, dtype=np.float64)
    present, labels = np.unique(labels, return_inverse=True)
    k, n = len(present), len(points)
    if not 2 <= k < n:
        return float("nan")
    mean = points.mean(axis=0)
    between = within = 0.0
    for c in range(k):
        members = points[labels == c]
        centre = members.mean(axis=0)
        between += len(members) * float(np.sum((centre - mean) ** 2))
        within += float(np.sum((members - centre) ** 2))
    return float("inf") if within == 0 else between * (n - k) / (within * (k - 1))


def validity(points, labels, seed=0):
    """The three criteria of a partition, as a dict."""
    return {"silhouette": silhouette(points, labels, seed), "davies_bouldin": davies_bouldin(points, labels),
            "calinski_harabasz": calinski_harabasz(points, labels)}


def best_k(scores, criterion):
    """The k whose ``criterion`` is best in ``scores`` ({k: {criterion: value}}); ties → the smaller k."""
    if criterion not in CRITERIA:
        raise InputError(f"Unknown criterion '{criterion}'; use one of {', '.join(CRITERIA)}. / 未知的评价指标。")
    sign = CRITERION_SIGN[criterion]
    finite = {k: sign * s[criterion] for k, s in scores.items() if np.isfinite(s[criterion])}
    if not finite:
        raise InputError("No number of clusters in the range gives a usable criterion (too few distinct samples). "
                         "Give CLUSTERS explicitly. / 无法自动确定聚类数，请直接指定聚类数。")
    top = max(finite.values())
    return min(k for k, value in finite.items() if value == top)


# ------------------------------------------------------------------ labels, profiles, correlation
def order_by_size(labels, k, weights=None):
    """``mapping`` old → new label (0-based) numbering the clusters by decreasing (weighted) size,
    ties by the old label, so that cluster 1 is always the largest."""
    size = np.bincount(labels, weights=weights, minlength=k)
    order = sorted(range(k), key=lambda c: (-size[c], c))
    mapping = np.empty(k, dtype=np.int64)
    mapping[order] = np.arange(k)
    return mapping


def correlation_from_sums(n, sums, cross):
    """Pearson correlation matrix from ``n``, Σx (d) and Σxxᵀ (d×d) of (shifted) data."""
    mean = sums / n
    cov = cross / n - np.outer(mean, mean)
    sd = np.sqrt(np.maximum(np.diag(cov), 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        corr = cov / np.outer(sd, sd)
    corr = np.clip(np.nan_to_num(corr), -1.0, 1.0)
    np.fill_diagonal(corr, 1.0)
    return corr
