"""SOFM / k-means bundles on samples: planted clusters recovered, seeds, automatic k, validity indices."""
import numpy as np
import pytest
from ecosecurity.core.landuse import clusters as cl
from ecosecurity.core.landuse.es_model import ModelOptions, fit_model
from ecosecurity.core.landuse.sofm import train_sofm
from ecosecurity.core.runtime.errors import InputError

PLANTED = 5


def adjusted_rand_index(a, b):
    """ARI (Hubert & Arabie 1985) from the contingency table, written out for the test."""
    _, a = np.unique(a, return_inverse=True)
    _, b = np.unique(b, return_inverse=True)
    table = np.zeros((a.max() + 1, b.max() + 1))
    np.add.at(table, (a, b), 1)

    def pairs(x):
        return float(np.sum(x * (x - 1) / 2.0))
    index, rows, cols = pairs(table), pairs(table.sum(1)), pairs(table.sum(0))
    expected = rows * cols / (len(a) * (len(a) - 1) / 2.0)
    return (index - expected) / (0.5 * (rows + cols) - expected)


@pytest.fixture(scope="module")
def planted():
    """5 bundles in 6 standardised services, unequal sizes, Gaussian noise sd 0.06."""
    rng = np.random.default_rng(11)
    centres = np.array([[0.9, 0.8, 0.7, 0.8, 0.1, 0.5], [0.2, 0.3, 0.4, 0.3, 0.9, 0.2],
                        [0.5, 0.6, 0.9, 0.6, 0.3, 0.8], [0.1, 0.1, 0.2, 0.1, 0.2, 0.1],
                        [0.6, 0.4, 0.3, 0.9, 0.4, 0.3]])
    truth = rng.choice(PLANTED, 6000, p=[0.35, 0.25, 0.2, 0.12, 0.08])
    return centres[truth] + rng.normal(0, 0.06, (len(truth), 6)), truth


def test_the_adjusted_rand_index_of_the_test_agrees_with_known_values():
    assert adjusted_rand_index([0, 0, 1, 1], [1, 1, 0, 0]) == pytest.approx(1.0)
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    sklearn_metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 4, 300), rng.integers(0, 3, 300)
    assert adjusted_rand_index(a, b) == pytest.approx(sklearn_metrics.adjusted_rand_score(a, b))


@pytest.mark.parametrize("method,levels,sklearn", [("sofm", "two", None), ("sofm", "one", None),
                                                   ("kmeans", "two", False), ("kmeans", "two", True)])
def test_planted_bundles_are_recovered_with_an_adjusted_rand_index_of_at_least_0_9(planted, method, levels, sklearn,
                                                                                     monkeypatch):
    data, truth = planted
    if sklearn:
        pytest.importorskip("sklearn")
    if sklearn is False:
        monkeypatch.setattr(cl, "available", lambda name: False)
    model = fit_model(data, ModelOptions(method=method, levels=levels, clusters=PLANTED, seed=3))
    assert model.k == PLANTED
    assert adjusted_rand_index(truth, model.assign(data)) >= 0.9


@pytest.mark.parametrize("method,levels", [("sofm", "two"), ("sofm", "one"), ("kmeans", "two")])
def test_the_same_seed_gives_identical_clusters(planted, method, levels):
    data = planted[0][:3000]
    options = ModelOptions(method=method, levels=levels, clusters=4, seed=7, iterations=300)
    first, second = fit_model(data, options), fit_model(data, options)
    assert np.array_equal(first.assign(data), second.assign(data))
    assert np.array_equal(first.prototypes, second.prototypes)


def test_the_sofm_codebook_depends_on_the_seed_only_through_the_batches(planted):
    data, _ = planted
    a = train_sofm(data, 6, 6, iterations=200, seed=1).codebook
    b = train_sofm(data, 6, 6, iterations=200, seed=1).codebook
    c = train_sofm(data, 6, 6, iterations=200, seed=2).codebook
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("method", ["sofm", "kmeans"])
def test_the_automatic_choice_finds_the_planted_number_of_clusters(planted, method):
    data, truth = planted
    model = fit_model(data, ModelOptions(method=method, clusters=0, min_clusters=2, max_clusters=8, seed=5))
    assert model.chosen_by == "silhouette"                    # the default criterion
    assert model.chosen_k == PLANTED and model.k == PLANTED
    assert sorted(model.scores) == list(range(2, 9))
    for criterion in cl.CRITERIA:                              # the two others agree
        assert cl.best_k(model.scores, criterion) == PLANTED, criterion
    assert adjusted_rand_index(truth, model.assign(data)) >= 0.9


def test_the_criterion_chooses_among_the_scores_in_its_own_direction():
    scores = {2: {"silhouette": 0.5, "davies_bouldin": 0.9, "calinski_harabasz": 10.0},
              3: {"silhouette": 0.7, "davies_bouldin": 0.4, "calinski_harabasz": 30.0},
              4: {"silhouette": 0.6, "davies_bouldin": 0.3, "calinski_harabasz": 50.0}}
    assert [cl.best_k(scores, c) for c in cl.CRITERIA] == [3, 4, 4]


def test_clusters_are_numbered_by_decreasing_size(planted):
    data, _ = planted
    labels = fit_model(data, ModelOptions(method="kmeans", clusters=PLANTED, seed=1)).assign(data)
    sizes = np.bincount(labels)
    assert list(sizes) == sorted(sizes, reverse=True)


def test_the_validity_indices_equal_scikit_learns(planted):
    metrics = pytest.importorskip("sklearn.metrics")
    data, truth = planted
    part = data[:2000], truth[:2000]
    assert cl.silhouette(*part, sample=5000) == pytest.approx(metrics.silhouette_score(*part), abs=1e-9)
    assert cl.davies_bouldin(*part) == pytest.approx(metrics.davies_bouldin_score(*part), rel=1e-9)
    assert cl.calinski_harabasz(*part) == pytest.approx(metrics.calinski_harabasz_score(*part), rel=1e-9)


def test_the_sofm_reports_its_quantisation_and_topographic_errors(planted):
    data, _ = planted
    model = fit_model(data, ModelOptions(method="sofm", clusters=PLANTED, seed=0))
    assert 0 < model.quantisation_error < 0.3
    assert 0 <= model.topographic_error <= 1
    assert model.map_size == (20, 20)  # √(5·√6000) ≈ 19.7 neurons a side


def test_nearest_assigns_in_bounded_chunks_exactly_as_in_one_go():
    rng = np.random.default_rng(2)
    points, prototypes = rng.normal(size=(5000, 4)), rng.normal(size=(37, 4))
    brute = np.argmin(((points[:, None, :] - prototypes[None]) ** 2).sum(-1), axis=1)
    assert np.array_equal(cl.nearest(points, prototypes, chunk_elements=100)[0], brute)


@pytest.mark.parametrize("options,message", [
    (ModelOptions(clusters=60), "CLUSTERS must be"),
    (ModelOptions(clusters=0, min_clusters=5, max_clusters=3), "MIN_CLUSTERS"),
    (ModelOptions(method="sofm", levels="one", clusters=4, map_rows=2, map_cols=3), "each neuron is a cluster"),
])
def test_impossible_settings_are_refused_with_the_parameter_named(planted, options, message):
    with pytest.raises(InputError, match=message):
        fit_model(planted[0], options)


def test_more_clusters_than_samples_are_refused():
    with pytest.raises(InputError, match="larger than the number of samples"):
        fit_model(np.random.default_rng(0).random((4, 3)), ModelOptions(method="kmeans", clusters=5))


def test_a_constant_service_cannot_be_standardised_and_is_named():
    with pytest.raises(InputError, match="'water'"):
        cl.standardisation_parameters([0, 1], [1, 1], [0.5, 1], [0.1, 0], "minmax", ["carbon", "water"])
