"""The clustering model of ``esclusters``: SOFM (one- or two-level) or k-means on standardised
samples, with the automatic number of clusters; the result is a set of prototypes each carrying a
cluster label, so that every cell or unit is assigned by its nearest prototype.

* **k-means**: the prototypes are the k centres.
* **SOFM, two-level** (Vesanto & Alhoniemi 2000, spec §6 practice 2): a map of about 5√N neurons
  (:func:`.sofm.auto_map_size`) is trained once; its codebook vectors are clustered with k-means
  weighted by their hits (neurons without hits get the label of the nearest centre). A cell's
  cluster is the cluster of its best-matching unit.
* **SOFM, one-level** (practice 1): a 1 × k map (or the given map size), each neuron a cluster.
  A small map is prone to the local minima of k-means (two neurons on one bundle, one neuron on
  two), so it is trained :data:`ONE_LEVEL_STARTS` times from seeded k-means++ codebooks with an
  initial radius of 1 (unless SIGMA is given) and the map with the lowest quantisation error is kept.
* **Automatic k** (``clusters = 0``): each k of ``[min_clusters, max_clusters]`` is tried, the
  partition of the training samples is scored by silhouette, Davies–Bouldin and Calinski–Harabasz
  (:mod:`.clusters`) and the best by the chosen criterion is kept; all scores are reported.
Clusters are numbered 1 … k by decreasing number of training samples.
"""
from dataclasses import dataclass, field

import numpy as np

from ..runtime.errors import InputError
from ..runtime.progress import ensure
from .clusters import best_k, kmeans, nearest, order_by_size, validity
from .sofm import auto_map_size, train_sofm

METHODS = ("sofm", "kmeans")
LEVELS = ("two", "one")
MAX_CLUSTERS = 50
TOPOGRAPHIC_SAMPLE = 20_000
ONE_LEVEL_STARTS = 5


@dataclass
class ModelOptions:
    method: str = "sofm"
    clusters: int = 0              # 0 = automatic
    min_clusters: int = 2
    max_clusters: int = 8
    criterion: str = "silhouette"
    levels: str = "two"            # SOFM: "two" (map + k-means of the codebook) or "one" (neuron = cluster)
    map_rows: int = 0              # 0 = automatic
    map_cols: int = 0
    iterations: int = 1000
    learning_rate: float = 0.5
    sigma: float = 0.0             # 0 = half the longer map side
    seed: int = 0


@dataclass
class ClusterModel:
    prototypes: np.ndarray          # M × d (standardised space)
    labels: np.ndarray              # cluster (0-based) of each prototype
    k: int
    scores: dict = field(default_factory=dict)   # {k: {criterion: value}}
    chosen_by: str = ""             # criterion of the automatic choice, "" when k was given
    chosen_k: int = 0               # the k asked for or chosen (k may be smaller: empty clusters)
    map_size: tuple = ()            # SOFM (rows, cols)
    quantisation_error: float = float("nan")
    topographic_error: float = float("nan")

    def assign(self, points):
        """Cluster (0-based) of each point: the label of its nearest prototype."""
        return self.labels[nearest(points, self.prototypes)[0]]


def check_options(options, samples):
    """Refuse impossible settings before any training, naming the parameter."""
    if options.method not in METHODS:
        raise InputError(f"Unknown METHOD '{options.method}'; use 0 SOFM or 1 k-means. / 未知的聚类方法。")
    if options.levels not in LEVELS:
        raise InputError(f"Unknown SOFM level '{options.levels}'. / 未知的自组织映射层级。")
    if options.clusters < 0 or options.clusters > MAX_CLUSTERS:
        raise InputError(f"CLUSTERS must be 0 (automatic) or 1 … {MAX_CLUSTERS}, not {options.clusters}. "
                         f"/ 聚类数须为 0（自动）或 1–{MAX_CLUSTERS}。")
    if options.clusters > samples:
        raise InputError(
            f"CLUSTERS = {options.clusters} is larger than the number of samples to cluster ({samples} cells or units "
            "valid in every input). Give fewer clusters, or more cells or units."
            f" / 聚类数 {options.clusters} 大于可聚类的样本数（{samples} 个有效像元或单元），请减少聚类数。")
    if options.clusters == 0:
        if not 2 <= options.min_clusters <= options.max_clusters <= MAX_CLUSTERS:
            raise InputError(
                f"The range of the automatic choice must satisfy 2 ≤ MIN_CLUSTERS ≤ MAX_CLUSTERS ≤ {MAX_CLUSTERS}, "
                f"not {options.min_clusters} … {options.max_clusters}. / 自动选择聚类数的范围无效。")
        if options.min_clusters >= samples:
            raise InputError(
                f"The automatic choice needs more samples than clusters: {samples} cells or units for at least "
                f"{options.min_clusters} clusters. / 样本数不足，无法自动选择聚类数。")
    if options.method == "sofm" and options.levels == "one" and options.map_rows and options.map_cols \
            and options.clusters and options.map_rows * options.map_cols != options.clusters:
        raise InputError(
            f"With a one-level SOFM each neuron is a cluster: the map {options.map_rows} × {options.map_cols} has "
            f"{options.map_rows * options.map_cols} neurons but CLUSTERS = {options.clusters}. Set the map size to 0 "
            "(then it is 1 × CLUSTERS) or make them agree. / 单层自组织映射中每个神经元即一个类，网格大小须等于聚类数。")


def fit_model(samples, options, progress=None):
    """Train the model on ``samples`` (n × d, standardised). Returns a :class:`ClusterModel`."""
    progress = ensure(progress)
    samples = np.asarray(samples, dtype=np.float64)
    n = len(samples)
    check_options(options, n)
    max_k = min(options.max_clusters, n - 1)
    ks = [options.clusters] if options.clusters else list(range(options.min_clusters, max_k + 1))
    som = None
    extra = {}
    if options.method == "sofm" and options.levels == "two":
        rows, cols = (options.map_rows, options.map_cols) if options.map_rows and options.map_cols \
            else auto_map_size(n)
        som = train_sofm(samples, rows, cols, options.iterations, options.learning_rate, options.sigma,
                         options.seed, progress.sub(0.0, 0.6))
        bmu = som.bmu(samples)
        extra = {"map_size": (rows, cols), "quantisation_error": som.quantisation_error(samples),
                 "topographic_error": som.topographic_error(_subsample(samples, options.seed))}
        fit_range = (0.6, 1.0)
    else:
        fit_range = (0.0, 1.0)
    candidates, scores = {}, {}
    for index, k in enumerate(ks):
        step = progress.sub(fit_range[0] + (fit_range[1] - fit_range[0]) * index / len(ks),
                            fit_range[0] + (fit_range[1] - fit_range[0]) * (index + 1) / len(ks))
        step.update(0.0, f"Clustering with k = {k}")
        if options.method == "kmeans":
            prototypes, sample_labels = kmeans(samples, k, options.seed)
            labels = np.arange(len(prototypes))
            info = {}
        elif som is not None:
            used = som.hits > 0
            centres, _ = kmeans(som.codebook[used], min(k, int(used.sum())), options.seed, weights=som.hits[used],
                                use_sklearn=False)
            prototypes = som.codebook
            labels = nearest(som.codebook, centres)[0]
            sample_labels = labels[bmu]
            info = {}
        else:
            rows, cols = (options.map_rows, options.map_cols) if options.map_rows and options.map_cols else (1, k)
            one = _one_level(samples, rows, cols, options, step.sub(0.0, 0.9))
            prototypes, labels = one.codebook, np.arange(rows * cols)
            sample_labels = one.bmu(samples)
            info = {"map_size": (rows, cols), "quantisation_error": one.quantisation_error(samples),
                    "topographic_error": one.topographic_error(_subsample(samples, options.seed))}
        k_found = int(labels.max()) + 1
        mapping = order_by_size(sample_labels, k_found)
        candidates[k] = (prototypes, mapping[labels], k_found, info)
        if len(ks) > 1 or options.clusters:
            scores[k] = validity(samples, sample_labels, options.seed) if k_found > 1 else \
                {"silhouette": float("nan"), "davies_bouldin": float("nan"), "calinski_harabasz": float("nan")}
        step.update(1.0)
    chosen = ks[0] if len(ks) == 1 else best_k(scores, options.criterion)
    prototypes, labels, k_found, info = candidates[chosen]
    details = dict(extra)
    details.update(info)
    return ClusterModel(prototypes=prototypes, labels=labels, k=k_found, scores=scores, chosen_k=chosen,
                        chosen_by="" if options.clusters else options.criterion, **details)


def _subsample(samples, seed, size=TOPOGRAPHIC_SAMPLE):
    """A seeded subsample (the topographic error needs the two best units of each point)."""
    if len(samples) <= size:
        return samples
    return samples[np.sort(np.random.default_rng(seed).choice(len(samples), size, replace=False))]


def _one_level(samples, rows, cols, options, progress):
    """The best of :data:`ONE_LEVEL_STARTS` seeded one-level maps by quantisation error."""
    best = None
    starts = np.random.SeedSequence(options.seed).spawn(ONE_LEVEL_STARTS)
    for index, child in enumerate(starts):
        som = train_sofm(samples, rows, cols, options.iterations, options.learning_rate, options.sigma or 1.0,
                         np.random.default_rng(child), progress.sub(index / len(starts), (index + 1) / len(starts)),
                         init="kmeans++")
        error = som.quantisation_error(samples)
        if best is None or error < best[0]:
            best = (error, som)
    return best[1]
