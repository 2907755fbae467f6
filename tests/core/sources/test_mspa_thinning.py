"""Anchored order-independent homotopic thinning (spec §4 step 9).

The vectorised rounds are compared with a literal pixel-by-pixel transcription of the spec.
"""
import numpy as np
import pytest
from ecosecurity.core.sources.mspa.thinning import NEIGHBOURS, anchored_thinning, neighbour_codes, simple_table
from scipy import ndimage

# ----------------------------------------------------------------------------- literal spec
ORTHOGONAL_FLANKS = {"W": ("N", "NW", "S", "SW"), "E": ("N", "NE", "S", "SE"),
                     "N": ("W", "NW", "E", "NE"), "S": ("W", "SW", "E", "SE")}
DIAGONAL_FLANKS = {"NW": ("W", "N"), "SW": ("S", "W"), "NE": ("N", "E"), "SE": ("E", "S")}
ORDER = ("W", "E", "N", "S", "NW", "SW", "NE", "SE")
STEP = {"W": (0, -1), "E": (0, 1), "N": (-1, 0), "S": (1, 0),
        "NW": (-1, -1), "SW": (1, -1), "NE": (-1, 1), "SE": (1, 1)}


def ring_components(cells, adjacency, must_touch_4=False):
    """Components of ``cells`` (ring offsets) under ``adjacency`` (4 or 8)."""
    cells, count = set(cells), 0
    while cells:
        stack = [cells.pop()]
        members = set(stack)
        while stack:
            y, x = stack.pop()
            for other in list(cells):
                dy, dx = abs(other[0] - y), abs(other[1] - x)
                if (dy + dx == 1) if adjacency == 4 else max(dy, dx) == 1:
                    cells.discard(other)
                    members.add(other)
                    stack.append(other)
        count += (not must_touch_4) or any(abs(a) + abs(b) == 1 for a, b in members)
    return count


def literal_simple(image, y, x, g):
    offsets = [STEP[k] for k in ORDER]
    fg = [o for o in offsets if image[y + o[0], x + o[1]]]
    bg = [o for o in offsets if not image[y + o[0], x + o[1]]]
    if g == 8:
        return ring_components(fg, 8) == 1 and ring_components(bg, 4, must_touch_4=True) == 1
    return ring_components(fg, 4, must_touch_4=True) == 1 and ring_components(bg, 8) == 1


def literal_thinning(image, anchors, g):
    image = image.copy()
    rows, cols = image.shape

    def f(y, x, name):
        dy, dx = STEP[name]
        return int(image[y + dy, x + dx])

    def candidate(y, x):
        return bool(image[y, x]) and not anchors[y, x] and literal_simple(image, y, x, g)

    def fg_neighbours(y, x, names):
        return sum(f(y, x, name) for name in names)

    def removable(y, x):
        met, last_type = 0, None
        for name in ORDER:
            qy, qx = y + STEP[name][0], x + STEP[name][1]
            if not candidate(qy, qx):
                continue
            met += 1
            if name in ORTHOGONAL_FLANKS:
                a, b, c, d = ORTHOGONAL_FLANKS[name]
                code = 8 * f(y, x, a) + 4 * f(y, x, b) + 2 * f(y, x, c) + f(y, x, d)
                ct = code + 5
                independent = code in ({1, 2, 3, 4, 8, 12} if g == 8 else {3, 7, 11, 12, 13, 14})
            else:
                a, b = DIAGONAL_FLANKS[name]
                code = 2 * f(y, x, a) + f(y, x, b)
                ct = code + 1
                independent = code != 0 if g == 8 else code != 3
            if not independent:
                if g == 8 or ct != 4:
                    return False
                ay, ax = y + STEP[a][0], x + STEP[a][1]
                by, bx = y + STEP[b][0], x + STEP[b][1]
                if not (candidate(ay, ax) and candidate(by, bx)):
                    return False
                if 4 - fg_neighbours(y, x, ("W", "E", "N", "S")) != 2:
                    return False
                return any(candidate(y + STEP[k][0], x + STEP[k][1])
                           and fg_neighbours(y + STEP[k][0], x + STEP[k][1], ("W", "E", "N", "S")) != 2
                           for k in ("W", "E", "N", "S"))
            last_type = ct
        if (met == 2 and last_type in {2, 3, 6, 7, 9, 13}) or (met == 3 and last_type in {4, 8, 17}):
            return any(candidate(y + STEP[k][0], x + STEP[k][1])
                       and fg_neighbours(y + STEP[k][0], x + STEP[k][1], ORDER) != met for k in ORDER)
        return True

    selected = [(y, x) for y in range(2, rows - 2) for x in range(2, cols - 2)
                if candidate(y, x) and removable(y, x)]
    while selected:
        for y, x in selected:
            image[y, x] = False
        neighbours = sorted({(y + dy, x + dx) for y, x in selected for dy, dx in STEP.values()})
        selected = [(y, x) for y, x in neighbours if candidate(y, x) and removable(y, x)]
    return image


# ----------------------------------------------------------------------------- tests
def blobs(seed, shape=(36, 40)):
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.standard_normal(shape), rng.uniform(1.0, 2.5))
    image = noise > np.quantile(noise, rng.uniform(0.35, 0.65))
    image[rng.random(shape) < 0.03] = True            # specks and thin bits
    anchors = ndimage.binary_erosion(image, np.ones((5, 5), bool)) & (rng.random(shape) < 0.9)
    for mask in (image, anchors):
        mask[:2] = mask[-2:] = False
        mask[:, :2] = mask[:, -2:] = False
    return image, anchors


@pytest.mark.parametrize("g", [8, 4])
@pytest.mark.parametrize("seed", range(12))
def test_rounds_remove_the_same_pixels_as_the_literal_fifo_procedure(g, seed):
    image, anchors = blobs(seed)
    expected = literal_thinning(image, anchors, g)
    assert np.array_equal(anchored_thinning(image.copy(), anchors, g), expected)


@pytest.mark.parametrize("g", [8, 4])
def test_isolated_and_interior_pixels_are_never_simple(g):
    table = simple_table(g)
    assert not table[0] and not table[255]


def test_line_end_is_simple_and_line_middle_is_not():
    table = simple_table(8)
    west, east = 1 << 0, 1 << 1
    assert table[west]
    assert not table[west | east]


def test_neighbour_order_is_w_e_n_s_nw_sw_ne_se():
    assert NEIGHBOURS == ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1))


@pytest.mark.parametrize("g", [8, 4])
def test_anchors_are_kept_and_topology_is_preserved(g):
    image, anchors = blobs(3, (60, 60))
    result = anchored_thinning(image.copy(), anchors, g)
    assert (result | ~anchors).all()
    structure = ndimage.generate_binary_structure(2, 2 if g == 8 else 1)
    complement = ndimage.generate_binary_structure(2, 1 if g == 8 else 2)
    assert ndimage.label(result, structure)[1] == ndimage.label(image, structure)[1]
    assert ndimage.label(~result, complement)[1] == ndimage.label(~image, complement)[1]


def test_a_dead_end_spur_vanishes_but_a_path_between_anchors_stays():
    image = np.zeros((12, 20), dtype=bool)
    anchors = np.zeros_like(image)
    anchors[3:6, 2:5] = anchors[3:6, 14:17] = True
    image |= anchors
    image[4, 5:14] = True        # path joining the anchors
    image[5:10, 9] = True        # spur hanging from the path
    result = anchored_thinning(image.copy(), anchors, 8)
    assert ndimage.label(result, np.ones((3, 3), bool))[1] == 1     # the anchors stay joined
    assert not result[6:10, 9].any()                                  # the spur is gone
    assert result.sum() - anchors.sum() <= 10                         # a 1-pixel path remains


@pytest.mark.parametrize("shape", [(9, 11), (3, 3), (5, 40), (40, 5)])
def test_neighbour_codes_of_an_image_with_an_empty_frame_are_its_eight_neighbours(shape):
    image = np.random.default_rng(sum(shape)).random(shape) < 0.6
    image[:2] = image[-2:] = False
    image[:, :2] = image[:, -2:] = False
    padded = np.pad(image, 1)
    expected = np.zeros(shape, dtype=np.uint8)
    for k, (dy, dx) in enumerate(NEIGHBOURS):
        expected |= padded[1 + dy:1 + dy + shape[0], 1 + dx:1 + dx + shape[1]].astype(np.uint8) << k
    assert np.array_equal(neighbour_codes(image), expected)
