"""Occurrence probability sp(p, k) of every land-use class from the driving factors (FLUS step 1,
Liu et al. 2017, Landscape and Urban Planning 168:94–116; spec ``prioritization.md`` §7.1).

* **Sample**: a seeded stratified random sample of the start map — the same number of cells per
  class (``sample_size / K``, all cells of a smaller class), drawn among cells where every driver
  has data.
* **Normalisation**: z-scores with the sample's mean and standard deviation (a constant driver is
  kept with a warning; it carries no information).
* **Model**: a three-layer back-propagation network as in FLUS — scikit-learn ``MLPClassifier``
  (one hidden layer of ``hidden`` logistic neurons, Adam with mini-batches of 1024, at most 150 epochs,
  ``random_state = seed``) whose
  ``predict_proba`` gives sp with Σ_k sp = 1. Without scikit-learn a multinomial logistic regression
  written in numpy (softmax, full-batch gradient descent with L2 penalty 1e-4, 300 steps) is used
  instead, with a warning: a linear model of the drivers, coarser than the network.
* **Prediction**: strip by strip (:data:`PREDICT_CELLS` cells at a time), stored as 16-bit integers
  (sp × 65535) in a (rows, cols, K) array — 2·K bytes per cell. GeoSOS-FLUS stores floats; the
  quantisation (1.5e-5) is far below the noise of the roulette.
"""
import warnings

import numpy as np

from ..runtime.deps import available, install_hint
from ..runtime.errors import EcoSecurityWarning

#: Cells predicted at once (bounded working memory: drivers + hidden activations of one strip).
PREDICT_CELLS = 1 << 18
#: Scale of the stored probabilities.
SCALE = 65535


def stratified_sample(classes, usable, n_classes, size, rng):
    """Flat indices of at most ``size`` cells, ``size // K`` per class (all of a smaller class),
    drawn without replacement among the ``usable`` cells; sorted (row order, for strip reading)."""
    per_class = max(1, size // n_classes)
    flat_classes = classes.ravel()
    flat_usable = usable.ravel()
    picked = []
    for k in range(n_classes):
        cells = np.flatnonzero(flat_usable & (flat_classes == k))
        if cells.size > per_class:
            cells = rng.choice(cells, size=per_class, replace=False)
        picked.append(cells)
    return np.sort(np.concatenate(picked))


class Standardiser:
    """z-scores with the sample statistics; constant columns are centred only."""

    def __init__(self, sample, names):
        self.mean = sample.mean(axis=0)
        std = sample.std(axis=0)
        for name, value in zip(names, std):
            if not value > 0:
                warnings.warn(f"The driver '{name}' is constant over the sampled cells; it carries no information. "
                              f"/ 驱动因子“{name}”在样本中为常数，对概率没有贡献。", EcoSecurityWarning, stacklevel=2)
        self.std = np.where(std > 0, std, 1.0)

    def __call__(self, values):
        return (values - self.mean) / self.std


class SoftmaxRegression:
    """Multinomial logistic regression in numpy (the fallback when scikit-learn is missing)."""

    def __init__(self, n_classes, steps=300, rate=0.5, penalty=1e-4):
        self.n_classes, self.steps, self.rate, self.penalty = n_classes, steps, rate, penalty
        self.weights = None

    def fit(self, x, y):
        design = np.hstack([x, np.ones((x.shape[0], 1))])
        target = np.zeros((x.shape[0], self.n_classes))
        target[np.arange(x.shape[0]), y] = 1.0
        weights = np.zeros((design.shape[1], self.n_classes))
        for _ in range(self.steps):
            gradient = design.T @ (self._softmax(design @ weights) - target) / x.shape[0]
            weights -= self.rate * (gradient + self.penalty * weights)
        self.weights = weights
        return self

    @staticmethod
    def _softmax(scores):
        scores = scores - scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        return scores / scores.sum(axis=1, keepdims=True)

    def predict_proba(self, x):
        return self._softmax(np.hstack([x, np.ones((x.shape[0], 1))]) @ self.weights)


class _Network:
    """scikit-learn's MLPClassifier with columns for every class index 0 … K − 1."""

    def __init__(self, model, n_classes):
        self.model, self.n_classes = model, n_classes

    def predict_proba(self, x):
        proba = self.model.predict_proba(x)
        full = np.zeros((x.shape[0], self.n_classes))
        full[:, self.model.classes_.astype(int)] = proba
        return full


def fit_model(x, y, n_classes, seed, hidden=12, use_network=True):
    """The fitted occurrence-probability model (network, or softmax regression without scikit-learn)."""
    if use_network and available("sklearn"):
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier
        model = MLPClassifier(hidden_layer_sizes=(hidden,), activation="logistic", solver="adam",
                              learning_rate_init=0.01, batch_size=min(1024, len(y)), max_iter=150,
                              n_iter_no_change=10, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(x, y)
        return _Network(model, n_classes)
    if use_network:
        warnings.warn("scikit-learn is not installed: the occurrence probabilities come from a multinomial logistic "
                      "regression (numpy) instead of the neural network of FLUS. For the network install it: "
                      f"{install_hint('sklearn')}. / 未安装 scikit-learn：发生概率改用多项逻辑回归计算（而非 FLUS 的"
                      "神经网络），如需神经网络请安装 scikit-learn。", EcoSecurityWarning, stacklevel=2)
    return SoftmaxRegression(n_classes).fit(x, y)


def predict_to(probabilities, model, standardise, strip_values, row0, usable):
    """Fill ``probabilities[row0:row0 + n]`` (uint16, (rows, cols, K)) from the driver strip
    ``strip_values`` ((n_drivers, n, cols) float) where ``usable``; zero elsewhere."""
    rows, cols = usable.shape
    target = probabilities[row0:row0 + rows].reshape(rows * cols, -1)
    target[:] = 0
    cells = np.flatnonzero(usable.ravel())
    flat = strip_values.reshape(strip_values.shape[0], -1)
    for start in range(0, cells.size, PREDICT_CELLS):
        chunk = cells[start:start + PREDICT_CELLS]
        proba = model.predict_proba(standardise(flat[:, chunk].T.astype(np.float64)))
        target[chunk] = np.rint(np.clip(proba, 0.0, 1.0) * SCALE).astype(np.uint16)
