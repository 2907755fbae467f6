"""Steps 2, 3 and 7: missing data next to foreground, the exact border padding, edge versus
perforation over nested cores."""
import numpy as np
import pytest
from ecosecurity.core.sources.mspa.morphology import dilate_disk, erode_disk, fill, holes, ring
from ecosecurity.core.sources.mspa.zones import (analysed_foreground, core_components, edge_zone, islets,
                                                 nested_cores, pad_border)
from scipy import ndimage


def literal_edge_zone(core, d2, g):
    """Spec §4 step 7, on the whole array at every level."""
    nested = core.copy()
    level_holes = holes(nested, 12 - g)
    filled = nested | level_holes
    edge = np.zeros_like(core)
    levels = 0
    while filled.any():
        levels += 1
        edge |= ring(filled, d2)
        outer = filled & ~fill(level_holes, g)
        nested &= ~outer
        level_holes = holes(nested, 12 - g)
        filled = nested | level_holes
    return edge & ~core, levels


def concentric(shape, round_rings, width=5):
    yy, xx = np.mgrid[:shape[0], :shape[1]]
    cy, cx = shape[0] // 2, shape[1] // 2
    d = np.hypot(yy - cy, xx - cx) if round_rings else np.maximum(abs(yy - cy), abs(xx - cx))
    return ((d // width) % 2 == 0) & (d < min(shape) // 2 - 2)


@pytest.mark.parametrize("g", [8, 4])
@pytest.mark.parametrize("d2", [3, 8])
@pytest.mark.parametrize("round_rings", [False, True])
def test_edge_zone_of_deeply_nested_cores_equals_the_level_loop_on_the_whole_array(g, d2, round_rings):
    core = erode_disk(concentric((121, 133), round_rings, width=2 * int(d2 ** 0.5) + 4), d2)
    core[:2] = core[-2:] = False
    expected, levels = literal_edge_zone(core, d2, g)
    assert levels >= 4
    edge, core_holes = edge_zone(core, d2, g, *core_components(core, g))
    assert np.array_equal(edge, expected)
    assert np.array_equal(core_holes, holes(core, 12 - g))


@pytest.mark.parametrize("seed", range(6))
def test_edge_zone_of_random_cores_equals_the_level_loop(seed):
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.standard_normal((90, 90)), 2.0)
    core = erode_disk(np.abs(noise) > 0.15, 3)
    g = (8, 4)[seed % 2]
    assert np.array_equal(edge_zone(core, 3, g, *core_components(core, g))[0], literal_edge_zone(core, 3, g)[0])


@pytest.mark.parametrize("seed", range(12))
def test_nested_cores_are_the_core_pixels_of_the_enclosed_components_of_the_core_holes_complement(seed):
    rng = np.random.default_rng(seed)
    g = (8, 4)[seed % 2]
    rings = concentric((70, 80), seed % 3 == 0, width=3 + seed % 4)
    core = np.roll(rings, (rng.integers(-20, 20), rng.integers(-20, 20)), axis=(0, 1))  # cut by the frame
    core |= rng.random(core.shape) < 0.01 * (1 + seed % 3)   # diagonal junctions, one-pixel cores
    core_holes = holes(core, 12 - g)
    expected = core & holes(core_holes, g)             # the enclosed g-components of ~core_holes
    assert expected.any()
    labels, count = core_components(core, g)
    assert np.array_equal(nested_cores(labels, count, core_holes, g), np.flatnonzero(expected))


@pytest.mark.parametrize("g", [8, 4])
def test_core_components_are_the_labels_the_flood_starts_from(g):
    core = np.roll(concentric((40, 50), True, width=3), (17, 21), axis=(0, 1))
    cleared = core.copy()
    cleared[:2] = cleared[-2:] = False                 # as segmentation clears it before the flood
    cleared[:, :2] = cleared[:, -2:] = False
    labels, count = core_components(core, g)
    expected, expected_count = ndimage.label(cleared, ndimage.generate_binary_structure(2, g // 4))
    assert count == expected_count and np.array_equal(labels, expected)


def test_a_core_pixel_ringed_by_holes_but_diagonal_to_the_frame_is_not_nested():
    core = np.ones((8, 9), dtype=bool)
    core[1, 4] = False                                 # a one-pixel hole in the frame row
    core[2, 3] = core[2, 5] = False                    # a U-shaped hole below it
    core[3, 3:6] = False
    core_holes = holes(core, 4)
    assert core_holes.sum() == 6 and core[2, 4]        # (2, 4) touches only holes and, diagonally, the frame
    assert not (core & holes(core_holes, 8)).any()
    assert nested_cores(*core_components(core, 8), core_holes, 8).size == 0


@pytest.mark.parametrize("seed", range(8))
def test_islets_are_the_components_of_the_foreground_without_core(seed):
    rng = np.random.default_rng(seed)
    g, d2 = (8, 4)[seed % 2], (2, 3, 8, 13)[seed % 4]
    noise = ndimage.gaussian_filter(rng.standard_normal((80, 90)), 1.5 + seed % 2)
    analysed = noise > np.quantile(noise, 0.5)
    analysed[:, :seed] = True                          # components reaching the border
    core = erode_disk(analysed, d2)
    labels, count = ndimage.label(analysed, ndimage.generate_binary_structure(2, g // 4))
    with_core = np.zeros(count + 1, dtype=bool)
    with_core[labels[core]] = True
    expected = analysed & ~with_core[labels]
    assert expected.any() and core.any()
    assert np.array_equal(islets(analysed, dilate_disk(core, d2), g), expected)


def test_perforation_is_the_core_ring_inside_holes_and_edge_the_rest():
    foreground = np.zeros((21, 21), dtype=bool)
    foreground[2:19, 2:19] = True
    foreground[8:13, 8:13] = False                     # a hole
    core = erode_disk(foreground, 3)
    edge, _ = edge_zone(core, 3, 8, *core_components(core, 8))
    perforation = ring(core, 3) & ~edge
    assert perforation[7, 10] and perforation[13, 10]  # next to the hole
    assert edge[2, 10] and not perforation[2, 10]      # next to the outside
    assert not (edge & perforation).any()


def test_missing_pixels_within_the_edge_width_of_foreground_become_foreground():
    codes = np.ones((7, 9), dtype=np.uint8)
    codes[:, :3] = 2
    codes[:, 3:6] = 0                                  # missing strip next to the foreground
    result = analysed_foreground(codes, 3)             # EdgeWidth 1: distance <= 1.98
    assert result[:, :4].all() and not result[:, 4:].any()


def test_padding_copies_left_top_blocks_and_shifts_right_bottom_blocks_inward():
    image = np.arange(12).reshape(3, 4) % 2 == 0       # distinct rows and columns
    image[0, 0] = image[2, 3] = True
    pad = 3
    padded = pad_border(image, pad)
    assert padded.shape == (9, 10)
    assert np.array_equal(padded[3:6, 3:7], image)
    assert (padded[3:6, :3] == image[:, :1]).all()       # left block = first column
    assert (padded[:3, 3:7] == image[:1, :]).all()       # top block = first row
    assert (padded[3:6, 6:9] == image[:, -1:]).all()     # right block from the last image column
    assert (padded[5:8, 3:7] == image[-1:, :]).all()     # bottom block from the last image row
    assert not padded[:, -1].any() and not padded[-1].any()   # outermost column and row stay 0
    for corner in (padded[:3, :3], padded[:3, 7:], padded[6:, :3], padded[6:, 7:]):
        assert not corner.any()                          # the corner blocks stay 0
