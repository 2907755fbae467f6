"""Search windows (cost windows exact; Linkage Mapper bounding circles)."""
import math

import numpy as np
from ecosecurity.core.corridors.costdist import cost_distance
from ecosecurity.core.corridors.linkage.windows import Window, bounding_circle, circles_mask, cost_margin


def test_a_search_cut_at_a_cost_stays_inside_the_cost_window():
    rng = np.random.default_rng(2)
    resistance = rng.uniform(2, 40, (80, 80))
    sources = np.zeros((80, 80), bool)
    sources[38:42, 35:40] = True
    limit = 300.0
    full = cost_distance(resistance, sources, 5.0, max_cost=limit)
    box = Window(38, 42, 35, 40).expand(cost_margin(limit, resistance.min(), 5.0), full.shape)
    outside = np.ones(full.shape, bool)
    outside[box.slices] = False
    assert np.all(np.isinf(full[outside]))
    windowed = cost_distance(resistance[box.slices], sources[box.slices], 5.0, max_cost=limit)
    np.testing.assert_array_equal(windowed, full[box.slices])


def test_bounding_circle_is_centred_on_the_union_box_with_half_its_diagonal_plus_buffer():
    circle = bounding_circle(Window(0, 2, 0, 2), Window(6, 8, 4, 6), buffer_cells=3)
    assert (circle.row, circle.col) == (4.0, 3.0)
    assert circle.radius == math.hypot(8, 6) / 2 + 3


def test_circle_mask_takes_cells_whose_centre_is_inside():
    circle = bounding_circle(Window(2, 3, 2, 3), Window(2, 3, 2, 3), buffer_cells=1)
    mask = circles_mask(Window(0, 5, 0, 5), [circle])
    # centre (2.5, 2.5), radius sqrt(2)/2 + 1 = 1.707: the 3x3 block around (2, 2)
    expected = np.zeros((5, 5), bool)
    expected[1:4, 1:4] = True
    np.testing.assert_array_equal(mask, expected)


def test_window_arithmetic():
    a, b = Window(0, 10, 0, 10), Window(5, 15, 8, 20)
    assert a.intersect(b) == Window(5, 10, 8, 10)
    assert a.union(b) == Window(0, 15, 0, 20)
    assert b.expand(3, (16, 21)) == Window(2, 16, 5, 21)
    assert Window(0, 4, 0, 4).intersect(Window(5, 6, 5, 6)).size == 0
