"""Constrained Euclidean distance of the connector (spec §4 step 10).

The vectorised rounds are compared with a literal transcription of the sequential queue
algorithm (every pixel's vector, base length and distance)."""
import math
from collections import deque

import numpy as np
import pytest
from ecosecurity.core.runtime.progress import Progress
from ecosecurity.core.sources.mspa import connector
from ecosecurity.core.sources.mspa.connector import ConstrainedDistance, connector_mask
from scipy import ndimage


# ----------------------------------------------------------------------------- literal spec
def bresenham_inside(mask, bx, by, vx, vy):
    """Spec: major axis x if |vx| >= |vy|; err = 2 minor - major; step major; if err < 0 then
    err += 2 minor else err += 2 (minor - major) and step minor; every pixel reached in mask."""
    ax, ay = abs(vx), abs(vy)
    sx, sy = (1 if vx > 0 else -1), (1 if vy > 0 else -1)
    x, y = bx, by
    major, minor = (ax, ay) if ax >= ay else (ay, ax)
    err = 2 * minor - major
    for _ in range(major):
        if ax >= ay:
            x += sx
        else:
            y += sy
        if err < 0:
            err += 2 * minor
        else:
            err += 2 * (minor - major)
            if ax >= ay:
                y += sy
            else:
                x += sx
        if not mask[y, x]:
            return False
    return True


def literal_distance(sources, mask):
    """(D, vx, vy, b, set) by the sequential queue of spec §4 step 10, on the padded grid."""
    m = np.pad(mask, 1)
    s = np.pad(sources, 1)
    rows, cols = m.shape
    free = m & ~s
    is_set = s.copy()
    vx = np.zeros(m.shape, int)
    vy = np.zeros(m.shape, int)
    b = np.zeros(m.shape, np.float32)
    neighbours = (((-1, 0), (0, 1)), ((0, -1), (1, 0)), ((1, 0), (0, -1)), ((0, 1), (-1, 0)))
    queue = deque()
    for y, x in zip(*np.nonzero(s)):
        for (dy, dx), _ in neighbours:
            if free[y + dy, x + dx]:
                free[y + dy, x + dx] = False
                queue.append((y + dy, x + dx))
    marker = None
    while queue:
        queue.append(marker)
        dmin = np.float32(np.inf)
        for p in list(queue):
            if p is marker:
                break
            y, x = p
            if is_set[y, x]:
                continue
            best = np.float32(np.inf)
            for (dy, dx), (ux, uy) in neighbours:
                ny, nx = y + dy, x + dx
                if not is_set[ny, nx]:
                    continue
                wx, wy = vx[ny, nx] + ux, vy[ny, nx] + uy
                if bresenham_inside(m, nx - vx[ny, nx], ny - vy[ny, nx], wx, wy):
                    delta = np.float32(math.hypot(wx, wy) + float(b[ny, nx]))
                    proposal = (wx, wy, b[ny, nx])
                else:
                    delta = np.float32(math.hypot(vx[ny, nx], vy[ny, nx]) + float(b[ny, nx]) + 1.0)
                    proposal = (ux, uy, np.float32(delta - np.float32(1)))
                if delta < best:
                    best = delta
                    vx[y, x], vy[y, x], b[y, x] = proposal
            is_set[y, x] = True
            dmin = min(dmin, best)
        while True:
            p = queue.popleft()
            if p is marker:
                break
            y, x = p
            if math.hypot(vx[y, x], vy[y, x]) + float(b[y, x]) > dmin:
                queue.append(p)
                continue
            for (dy, dx), _ in neighbours:
                if free[y + dy, x + dx]:
                    free[y + dy, x + dx] = False
                    queue.append((y + dy, x + dx))
    d = (b.astype(np.float64) + np.hypot(vx, vy)).astype(np.float32)
    d[~is_set | s] = 0
    return d[1:-1, 1:-1], vx[1:-1, 1:-1], vy[1:-1, 1:-1], b[1:-1, 1:-1], is_set[1:-1, 1:-1]


def corridors(seed, shape=(48, 56)):
    """A mask of winding corridors and blobs, and a skeleton-like source set inside it."""
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.standard_normal(shape), rng.uniform(1.0, 3.0))
    mask = np.abs(noise) < np.quantile(np.abs(noise), rng.uniform(0.3, 0.6))
    sources = np.zeros(shape, dtype=bool)
    for _ in range(rng.integers(1, 5)):
        if rng.random() < 0.5:
            sources[rng.integers(shape[0]), :] = True
        else:
            sources[:, rng.integers(shape[1])] = True
    sources &= mask
    return sources, mask


def vectorised_field(sources, mask):
    state = np.pad(mask, 1).astype(np.uint8)
    field = ConstrainedDistance(sources, state)
    field.run(Progress())
    grid = state.shape

    def inner(a):
        return a.reshape(grid)[1:-1, 1:-1]
    is_set = inner(field.state == connector._SET)
    vx, vy = field.unpack(field.vector)
    return inner(vx), inner(vy), inner(field.base), is_set, field


@pytest.mark.parametrize("seed", range(10))
def test_vectors_and_base_lengths_equal_the_sequential_queue(seed):
    sources, mask = corridors(seed)
    _, vx_ref, vy_ref, b_ref, set_ref = literal_distance(sources, mask)
    vx, vy, base, is_set, _ = vectorised_field(sources, mask)
    assert np.array_equal(is_set, set_ref)
    assert np.array_equal(vx[set_ref], vx_ref[set_ref])
    assert np.array_equal(vy[set_ref], vy_ref[set_ref])
    assert np.array_equal(base[set_ref], b_ref[set_ref])


@pytest.mark.parametrize("seed", range(3))
def test_evaluating_a_round_in_small_chunks_changes_nothing(seed, monkeypatch):
    sources, mask = corridors(seed)
    expected = vectorised_field(sources, mask)[:3]
    monkeypatch.setattr(connector, "_EVALUATION_CHUNK", 7)
    for a, b in zip(vectorised_field(sources, mask)[:3], expected):
        assert np.array_equal(a, b)


def test_a_cycle_of_same_round_dependencies_is_reported_not_looped_on(monkeypatch):
    """Ranks pointing both ways (a broken rank) whose choices keep changing: the fixed point
    stops after one pass per dependant and raises, instead of hanging."""
    sources, mask = corridors(0)
    field = ConstrainedDistance(sources, np.pad(mask, 1).astype(np.uint8))
    calls = []

    def flipping_choice(pixels, usable, nvx, nvy, nbase):
        calls.append(1)
        assert len(calls) < 100, "the loop does not stop"
        step = np.float32(len(calls) % 2)
        n = pixels.size
        return (np.full(n, 2 + step, dtype=np.float32), np.zeros(n, dtype=np.int64),
                np.full(n, 1.0 + step), np.zeros(n), np.zeros(n, dtype=np.float32))
    monkeypatch.setattr(field, "choose", flipping_choice)
    new = np.array([10, 11], dtype=np.int64)
    same = (np.array([0, 1]), np.array([0, 0]), np.array([1, 0]))       # 0 uses 1, 1 uses 0
    current = (np.full(2, 2, dtype=np.float32), np.zeros(2, dtype=np.int64), np.ones(2), np.zeros(2),
               np.zeros(2, dtype=np.float32))
    usable = np.ones((2, 4), dtype=bool)
    with pytest.raises(RuntimeError, match="did not settle"):
        field._resolve_same_round(new, usable, np.zeros((2, 4)), np.zeros((2, 4)),
                                  np.zeros((2, 4), dtype=np.float32), same, current)
    assert len(calls) == 3          # one pass per dependant, plus the one that must find no change


def test_closed_form_bresenham_equals_the_error_term_recursion():
    rng = np.random.default_rng(0)
    mask = rng.random((41, 41)) < 0.93
    state = np.pad(mask, 1).astype(np.uint8)
    field = ConstrainedDistance(np.zeros_like(mask), state)
    vectors = [(vx, vy) for vx in range(-12, 13) for vy in range(-12, 13) if (vx, vy) != (0, 0)]
    wx = np.array([v[0] for v in vectors], dtype=np.int64)
    wy = np.array([v[1] for v in vectors], dtype=np.int64)
    start = np.full(wx.size, (20 + 1) * field.cols + 20 + 1, dtype=np.int64)
    result = field.lines_inside(start, wx, wy)
    padded = np.pad(mask, 1)
    expected = []
    for vx, vy in vectors:            # the walk's last pixel is the evaluated one, in the mask
        ending = padded.copy()
        ending[21 + vy, 21 + vx] = True
        expected.append(bresenham_inside(ending, 21, 21, vx, vy))
    assert result.tolist() == expected
    assert not all(expected)


@pytest.mark.parametrize("tc", [np.float32(1.5657864), np.float32(4.5657864)])
def test_pixels_within_tc_are_those_of_the_sequential_distance(tc):
    sources, mask = corridors(4)
    distance = literal_distance(sources, mask)[0]
    expected = (distance >= np.float32(1e-4)) & (distance <= tc)
    field = ConstrainedDistance(sources, connector_mask(mask, np.zeros_like(mask), np.zeros_like(mask)))
    field.run(Progress())
    assert np.array_equal(field.within(np.float32(1e-4), tc), expected)


def test_mask_is_opening_minus_core_plus_residue_with_a_border():
    opening = np.array([[1, 1, 0], [0, 1, 0]], bool)
    core = np.array([[1, 0, 0], [0, 0, 0]], bool)
    residue = np.array([[0, 0, 1], [0, 0, 0]], bool)
    mask = connector_mask(opening, core, residue)
    assert mask.shape == (4, 5)
    assert mask[1:-1, 1:-1].tolist() == [[0, 1, 1], [0, 1, 0]]
    assert not mask[0].any() and not mask[-1].any()


def test_grids_wider_than_int16_pack_vectors_in_int64():
    sources, small_mask = corridors(5, shape=(40, 60))
    mask = np.zeros((40, 33000), dtype=bool)
    sources_wide = np.zeros_like(mask)
    mask[:, -60:] = small_mask
    sources_wide[:, -60:] = sources
    vx, vy, base, is_set, field = vectorised_field(sources_wide, mask)
    assert field.vector.dtype == np.int64
    _, vx_ref, vy_ref, b_ref, set_ref = literal_distance(sources, small_mask)
    assert np.array_equal(is_set[:, -60:], set_ref)
    assert np.array_equal(vx[:, -60:][set_ref], vx_ref[set_ref])
    assert np.array_equal(vy[:, -60:][set_ref], vy_ref[set_ref])
    assert np.array_equal(base[:, -60:][set_ref], b_ref[set_ref])


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("tc", [np.float32(1.5657864), np.float32(2.5657864), np.float32(4.5657864)])
def test_stopping_at_the_radius_keeps_the_pixels_within_tc(seed, tc):
    """With ``radius``, the rounds stop early (unset pixels stay unset) and within() equals the
    sequential distance's pixels; masks with diagonal-only contacts included (seeds >= 6)."""
    sources, mask = corridors(seed, shape=(40, 48))
    if seed >= 6:
        rng = np.random.default_rng(seed)
        mask &= rng.random(mask.shape) < 0.85          # holes: diagonal-only contacts
        sources &= mask
    distance = literal_distance(sources, mask)[0]
    expected = (distance >= np.float32(1e-4)) & (distance <= tc)
    state = connector_mask(mask, np.zeros_like(mask), np.zeros_like(mask))
    field = ConstrainedDistance(sources, state, radius=tc)
    field.run(Progress())
    assert np.array_equal(field.within(np.float32(1e-4), tc), expected)


def test_the_needed_pixels_hold_every_pixel_within_the_radius():
    """Every pixel with D <= radius is in the stopping set (both bounds of _needed)."""
    for seed in range(8):
        sources, mask = corridors(seed, shape=(40, 48))
        mask &= np.random.default_rng(seed).random(mask.shape) < 0.9
        sources &= mask
        distance = literal_distance(sources, mask)[0]
        for tc in (np.float32(1.5657864), np.float32(4.5657864), np.float32(9.5657864)):
            state = connector_mask(mask, np.zeros_like(mask), np.zeros_like(mask))
            needed = connector._needed(sources, state, tc)[1:-1, 1:-1]
            assert not ((distance > 0) & (distance <= tc) & ~needed).any()


def test_within_refuses_a_threshold_beyond_the_radius():
    sources, mask = corridors(1)
    field = ConstrainedDistance(sources, connector_mask(mask, np.zeros_like(mask), np.zeros_like(mask)),
                                radius=np.float32(2.5))
    field.run(Progress())
    with pytest.raises(ValueError):
        field.within(np.float32(1e-4), np.float32(3.0))
