"""Binary morphology of MSPA (spec §3.2): disk erosion = thresholded exact EDT inside the array,
ring, hole filling, reconstruction."""
import numpy as np
import pytest
from ecosecurity.core.sources.mspa.morphology import (
    dilate_disk,
    erode_disk,
    fill,
    geodesic_dilate8,
    holes,
    pixel_components,
    ring,
    structure,
)
from scipy import ndimage


def random_image(seed, shape=(40, 50), density=0.7):
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.standard_normal(shape), 1.5)
    return noise > np.quantile(noise, 1 - density)


def edt_inside_array(x):
    """Exact squared distance of each pixel to the nearest False pixel, positions beyond the
    array not counting (inf where the array has no False pixel)."""
    if x.all():
        return np.full(x.shape, np.inf)
    return ndimage.distance_transform_edt(x) ** 2


@pytest.mark.parametrize("d2", [2, 3, 8, 15, 35, 120])
@pytest.mark.parametrize("seed", range(3))
def test_erosion_keeps_pixels_farther_than_the_radius_from_any_false_pixel(d2, seed):
    x = random_image(seed)
    assert np.array_equal(erode_disk(x, d2), edt_inside_array(x) > d2 + 1e-9)


@pytest.mark.parametrize("d2", [2, 3, 15, 120])
def test_dilation_adds_pixels_within_the_radius_of_a_true_pixel(d2):
    x = random_image(7, density=0.05)
    near = ndimage.distance_transform_edt(~x) ** 2 <= d2 + 1e-9
    assert np.array_equal(dilate_disk(x, d2), near)


def test_positions_beyond_the_array_count_as_foreground_for_erosion():
    assert erode_disk(np.ones((5, 5), dtype=bool), 3).all()


def test_ring_is_the_dilation_minus_the_set():
    x = random_image(3, density=0.2)
    assert np.array_equal(ring(x, 8), dilate_disk(x, 8) & ~x)


def test_fill_adds_exactly_the_complement_components_not_touching_the_border():
    x = np.zeros((7, 9), dtype=bool)
    x[1:6, 1:6] = True
    x[2:5, 2:5] = False          # 3x3 hole
    x[3, 3] = True               # island in the hole
    x[0:3, 7] = True             # a bar touching the border
    expected_holes = np.zeros_like(x)
    expected_holes[2:5, 2:5] = True
    expected_holes[3, 3] = False
    assert np.array_equal(holes(x, 4), expected_holes)
    assert np.array_equal(fill(x, 4), x | expected_holes)


def test_hole_connectivity_decides_whether_a_diagonal_gap_closes_a_hole():
    x = np.ones((5, 5), dtype=bool)
    x[1:4, 1:4] = False          # a 3x3 hole ...
    x[0, 0] = False              # ... touching a border pixel diagonally only
    assert holes(x, 4)[2, 2]      # 4-connected: the hole is closed
    assert not holes(x, 8)[2, 2]  # 8-connected: it leaks through the corner


@pytest.mark.parametrize("shape", [(1, 1), (1, 3), (2, 2), (3, 1)])
@pytest.mark.parametrize("d2", [2, 15])
def test_disk_operations_work_on_arrays_smaller_than_the_disk(shape, d2):
    x = np.zeros(shape, dtype=bool)
    x[0, 0] = True
    assert np.array_equal(dilate_disk(x, d2), ndimage.distance_transform_edt(~x) ** 2 <= d2 + 1e-9)
    y = ~x if x.size > 1 else x
    assert np.array_equal(erode_disk(y, d2), edt_inside_array(y) > d2 + 1e-9)


@pytest.mark.parametrize("density", [0.005, 0.3])
@pytest.mark.parametrize("g", [8, 4])
def test_pixel_components_are_the_labels_of_scipy(g, density):
    rng = np.random.default_rng(1)
    mask = rng.random((300, 400)) < density        # sparse: a graph; dense: ndimage.label
    mask[0] = mask[-1] = False
    mask[:, 0] = mask[:, -1] = False
    labels, count = ndimage.label(mask, structure(g))
    pixels = np.flatnonzero(mask)
    component = pixel_components(pixels, mask.shape, g)
    pairs = set(zip(labels.reshape(-1)[pixels].tolist(), component.tolist()))
    assert len(pairs) == count == component.max() + 1


@pytest.mark.parametrize("steps", [0, 1, 4])
def test_geodesic_8_dilation_equals_masked_iterated_3x3_dilation(steps):
    rng = np.random.default_rng(steps)
    mask = rng.random((30, 40)) < 0.6
    x = (rng.random(mask.shape) < 0.03) & mask
    expected = x.copy()
    for _ in range(steps):
        expected = ndimage.binary_dilation(expected, np.ones((3, 3), bool)) & mask
    assert np.array_equal(geodesic_dilate8(x, mask, steps), expected)
