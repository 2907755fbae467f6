"""Bridge versus Loop by flooding core labels (spec §4 step 11).

The level-by-level flood is compared with a literal FIFO queue transcription of the spec."""
from collections import deque

import numpy as np
import pytest
from ecosecurity.core.sources.mspa import flooding
from ecosecurity.core.sources.mspa.flooding import bridges, flood_core_labels
from ecosecurity.core.sources.mspa.morphology import structure
from scipy import ndimage

ORTHOGONAL = ((-1, 0), (0, -1), (1, 0), (0, 1))          # N, W, S, E
DIAGONAL = ((-1, -1), (-1, 1), (1, -1), (1, 1))          # NW, NE, SW, SE


def literal_flood(core, domain, g):
    labels = ndimage.label(core, structure(g))[0]
    rows, cols = core.shape
    inside = domain.copy()
    inside[0] = inside[-1] = False
    inside[:, 0] = inside[:, -1] = False
    queue = deque()
    seeds = list(zip(*np.nonzero(core)))                  # raster order
    for offsets in (ORTHOGONAL, DIAGONAL) if g == 8 else (ORTHOGONAL,):
        for y, x in seeds:
            for dy, dx in offsets:
                if labels[y + dy, x + dx] == 0 and inside[y + dy, x + dx]:
                    labels[y + dy, x + dx] = labels[y, x]
                    queue.append((y + dy, x + dx))
    directions = ORTHOGONAL + (DIAGONAL if g == 8 else ())
    while queue:
        y, x = queue.popleft()
        for dy, dx in directions:
            if labels[y + dy, x + dx] == 0 and inside[y + dy, x + dx]:
                labels[y + dy, x + dx] = labels[y, x]
                queue.append((y + dy, x + dx))
    return labels


def landscape(seed, shape=(50, 60)):
    """Cores, a ring around them and random 1-pixel connectors."""
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.standard_normal(shape), 2.0)
    core = noise > np.quantile(noise, 0.8)
    core = ndimage.binary_opening(core)
    opening = ndimage.binary_dilation(core, iterations=int(rng.integers(1, 4)))
    connector = np.zeros(shape, dtype=bool)
    for _ in range(6):
        y, x = rng.integers(2, shape[0] - 2), rng.integers(2, shape[1] - 2)
        length = rng.integers(5, 30)
        if rng.random() < 0.5:
            connector[y, x:x + length] = True
        else:
            connector[y:y + length, x] = True
    connector &= ~core
    for mask in (core,):
        mask[:2] = mask[-2:] = False
        mask[:, :2] = mask[:, -2:] = False
    return core, opening, connector


@pytest.mark.parametrize("g", [8, 4])
@pytest.mark.parametrize("seed", range(8))
def test_level_by_level_flood_equals_the_fifo_queue(g, seed):
    assert_flood_is_the_fifo_queue(landscape(seed), g)


def assert_flood_is_the_fifo_queue(landscape_, g):
    core, opening, connector = landscape_
    domain = opening | connector
    expected = literal_flood(core, domain, g)
    open_ = domain & ~core
    open_[0] = open_[-1] = False
    open_[:, 0] = open_[:, -1] = False
    assert np.array_equal(flood_core_labels(core, open_, g), expected)


@pytest.mark.parametrize("chunk", [1, 3, 7])
@pytest.mark.parametrize("g", [8, 4])
def test_levels_and_seeding_split_into_chunks_and_row_blocks_keep_the_queue_order(monkeypatch, g, chunk):
    """Chunks of a level and row blocks of the seeding are processed in turn; tiny chunks split
    them everywhere, and the flood must stay the FIFO queue's."""
    monkeypatch.setattr(flooding, "_CHUNK", chunk)
    for seed in range(3):
        assert_flood_is_the_fifo_queue(landscape(seed, shape=(30, 35)), g)


def test_an_empty_grid_floods_nothing():
    for shape in ((0, 5), (5, 0), (0, 0)):
        empty = np.zeros(shape, dtype=bool)
        assert flood_core_labels(empty, empty.copy(), 8).shape == shape


def test_seeding_follows_raster_order_then_direction_order():
    # pixel (3, 3) is a diagonal neighbour of both cores: the core met first in raster order
    # labels it; (3, 4) and (4, 3) are 4-neighbours of one core each
    core = np.zeros((9, 9), dtype=bool)
    core[2, 4] = True
    core[4, 2] = True
    domain = np.zeros_like(core)
    domain[3, 3:5] = domain[4, 3] = True      # (3, 3), (3, 4), (4, 3)
    open_ = domain.copy()
    labels = flood_core_labels(core, open_, 8)
    assert np.array_equal(labels, literal_flood(core, domain, 8))
    assert labels[3, 4] == labels[2, 4] and labels[4, 3] == labels[4, 2]
    assert labels[3, 3] == labels[2, 4]


def test_connector_touched_by_two_cores_is_a_bridge_else_a_loop():
    core = np.zeros((12, 24), dtype=bool)
    core[3:7, 3:7] = core[3:7, 16:20] = True
    opening = ndimage.binary_dilation(core)
    connector = np.zeros_like(core)
    connector[5, 8:16] = True                # joins the two cores
    connector[8:11, 5] = True                # a spur reached from the first core only
    result = bridges(core, opening, connector, 8)
    assert result[5, 8:16].all()
    assert not result[8:11, 5].any()


def test_one_pixel_connector_component_is_a_loop():
    core = np.zeros((10, 12), dtype=bool)
    core[3:6, 2:5] = core[3:6, 7:10] = True
    opening = ndimage.binary_dilation(core)
    connector = np.zeros_like(core)
    connector[4, 5] = True                    # a single pixel between two cores
    assert not bridges(core, opening, connector, 8).any()


def test_no_connector_no_bridge():
    core = np.zeros((8, 8), dtype=bool)
    core[3:5, 3:5] = True
    assert not bridges(core, ndimage.binary_dilation(core), np.zeros_like(core), 8).any()
