"""Barrier Mapper rules (linkage_mapper.md §5, §7): the improvement score against least-cost
distances recomputed after actually restoring a disc, annulus and disc membership, MAX vs SUM,
centres / circles / capped, across radii, and the errors for bad input."""
import math

import numpy as np
import pytest
from ecosecurity.core.corridors.costdist import cost_distance
from ecosecurity.core.keyareas.barrier_scores import MAXIMUM, SUM, radius_list
from ecosecurity.core.keyareas.barriers import BarrierOptions, barrier_scores
from ecosecurity.core.keyareas.focal import annulus_footprint, annulus_minimum, disc_footprint, disc_maximum
from ecosecurity.core.runtime.errors import CancelledError, InputError
from ecosecurity.core.runtime.progress import Progress
from scipy import ndimage

CELL = 10.0
RADIUS = 30.0  # 3 cells: the annulus 29 < d <= 30 holds the 4 cells 3 cells away along a row or column
BETA = 11.0    # resistance of the barrier block
BLOCK = 2      # its length in cells


def lcd(resistance, valid, cores, a, b, cell=CELL):
    """Least-cost distance between cores a and b, recomputed from scratch."""
    distance = cost_distance(resistance, cores == a, cell, valid)
    return float(distance[cores == b].min())


def table(*links):
    return [dict(link_id=k + 1, core1=a, core2=b, link_type=1, cw_dist=d) for k, (a, b, d) in enumerate(links)]


def straight_corridor(n=40, start=18):
    """A one-cell-wide corridor (row 1 of 3; rows 0 and 2 are NoData) from core 1 (columns 0-1) to core
    2 (the last two columns), resistance 1 with a block of BLOCK cells of resistance BETA at ``start``."""
    resistance = np.ones((3, n))
    resistance[1, start:start + BLOCK] = BETA
    valid = np.zeros((3, n), dtype=bool)
    valid[1] = True
    cores = np.zeros((3, n), dtype=np.int64)
    cores[1, :2], cores[1, -2:] = 1, 2
    return resistance, valid, cores


def restored(resistance, valid, row, col, radius=RADIUS, cell=CELL):
    """The resistance with the disc of ``radius`` around (row, col) set to 1 (cells whose centre is in it)."""
    rows, cols = np.indices(resistance.shape)
    disc = (cell * (rows - row)) ** 2 + (cell * (cols - col)) ** 2 <= radius ** 2 * (1 + 1e-9)
    out = resistance.copy()
    out[disc & valid] = 1.0
    return out


def test_straight_corridor_score_is_the_analytic_gain_and_restoring_the_disc_gains_it_exactly():
    """Straight corridor, cell size c, resistance 1 except a block of L cells of resistance β.

    CWD along the row adds c (r_t + r_t+1)/2 per step, so for x at column j with the annulus cells j - k
    and j + k (k = R / c) on the corridor and the block strictly between them:
    LCD - CWD_A(j - k) - CWD_B(j + k) = cost of the 2k steps from j - k to j + k
    = c [1/2 + (2k - 1) + (β - 1) L + 1/2] = 2R + (β - 1) L c, hence

        I(x) = (β - 1) L c / (2R)          (here (11 - 1) · 2 · 10 / 60 = 10/3),

    the same for every such x. Restoring the disc (the 2k + 1 cells j - k .. j + k) to 1 makes those
    2k steps cost 2R and leaves every other step as it was (the annulus cells already had resistance 1),
    so the new least-cost distance is LCD - (β - 1) L c = LCD - 2R · I(x): the score predicts the
    gain exactly. Elsewhere the score is a lower bound of the gain (resistances >= 1)."""
    resistance, valid, cores = straight_corridor()
    before = lcd(resistance, valid, cores, 1, 2)
    n = resistance.shape[1]
    assert before == pytest.approx(CELL * (n - 3) + (BETA - 1) * BLOCK * CELL)
    result = barrier_scores(cores, resistance, valid, CELL, table((1, 2, before)), BarrierOptions(RADIUS))
    centres = result.combined.centres[1]
    k, start = int(RADIUS / CELL), 18
    analytic = (BETA - 1) * BLOCK * CELL / (2 * RADIUS)
    inside = [j for j in range(n) if j - k < start and start + BLOCK - 1 < j + k and j - k >= 1 and j + k <= n - 2]
    assert inside == [17, 18, 19, 20]
    for j in inside:
        assert centres[j] == pytest.approx(analytic, rel=1e-6)
        gain = before - lcd(restored(resistance, valid, 1, j), valid, cores, 1, 2)
        assert gain == pytest.approx(2 * RADIUS * centres[j], rel=1e-6)
    for j in np.flatnonzero(centres > 0):
        gain = before - lcd(restored(resistance, valid, 1, j), valid, cores, 1, 2)
        assert gain >= 2 * RADIUS * centres[j] - 1e-6
    assert np.nanmax(centres) == pytest.approx(analytic, rel=1e-6)


def test_wall_across_a_plain_score_predicts_the_gain_of_restoring_the_best_disc():
    """2-D: cores fill the first and last columns, a wall of BLOCK columns of resistance β crosses the
    whole grid. CWDs do not depend on the row, the annulus minimum is on x's row (the two cells k
    columns away), so I = (β - 1) L c / (2R) wherever the disc spans the wall; restoring that disc opens
    a resistance-1 straight route in x's row and the least-cost distance drops by exactly 2R · I."""
    rows, cols, start = 15, 30, 14
    resistance = np.ones((rows, cols))
    resistance[:, start:start + BLOCK] = BETA
    valid = np.ones_like(resistance, dtype=bool)
    cores = np.zeros((rows, cols), dtype=np.int64)
    cores[:, 0], cores[:, -1] = 1, 2
    before = lcd(resistance, valid, cores, 1, 2)
    result = barrier_scores(cores, resistance, valid, CELL, table((1, 2, before)), BarrierOptions(RADIUS))
    centres = result.combined.centres
    best = np.nanmax(centres)
    assert best == pytest.approx((BETA - 1) * BLOCK * CELL / (2 * RADIUS), rel=1e-6)
    for row, col in zip(*np.nonzero(centres >= best * (1 - 1e-6))):
        gain = before - lcd(restored(resistance, valid, row, col), valid, cores, 1, 2)
        assert gain == pytest.approx(2 * RADIUS * best, rel=1e-6)


def test_annulus_holds_centres_strictly_beyond_the_inner_radius_and_up_to_the_outer():
    # cell 10, R = 30: 29 < d <= 30 → only the four cells three cells away along the axes
    footprint = annulus_footprint(29.0, 30.0, 10.0)
    assert sorted(zip(*np.nonzero(footprint))) == [(0, 3), (3, 0), (3, 6), (6, 3)]
    # cell 1, R = 3: 2 < d <= 3 → d = 2 (offset (2, 0)) is out (inner circle excluded), d = 3 is in
    footprint = annulus_footprint(2.0, 3.0, 1.0)
    offsets = {(r - 3, c - 3) for r, c in zip(*np.nonzero(footprint))}
    assert (2, 0) not in offsets and (0, 0) not in offsets
    assert {(3, 0), (2, 2), (1, 2), (2, -1), (0, -3)} <= offsets
    assert all(2 < math.hypot(*o) <= 3 for o in offsets)
    assert len(offsets) == sum(1 for i in range(-3, 4) for j in range(-3, 4) if 4 < i * i + j * j <= 9)
    # the focal minimum ignores NoData (+inf) and sees only the annulus cells
    values = np.full((9, 9), np.inf, dtype=np.float32)
    values[4, 7] = 5.0  # 3 cells east of the centre
    values[4, 5] = 1.0  # 1 cell east: inside the inner circle, not in the annulus
    minimum = annulus_minimum(values, 29.0, 30.0, 10.0)
    assert minimum[4, 4] == 5.0 and minimum[4, 8] == 1.0 and minimum[1, 7] == 5.0
    assert np.isinf(minimum[4, 6])  # its annulus misses both cells (1 and 2 cells away)
    assert np.isinf(minimum[4, 3]) and np.isinf(minimum[0, 0])


def test_disc_holds_centres_within_the_radius_and_its_maximum_matches_the_footprint_filter():
    assert disc_footprint(30.0, 10.0).sum() == sum(1 for i in range(-3, 4) for j in range(-3, 4) if i * i + j * j <= 9)
    rng = np.random.default_rng(7)
    values = rng.random((40, 37)).astype(np.float32)
    values[rng.random(values.shape) < 0.6] = np.nan
    for radius, cell in ((30.0, 10.0), (55.0, 10.0), (1.0, 1.0), (4.5, 1.0)):
        expected = ndimage.maximum_filter(np.where(np.isnan(values), -np.inf, values),
                                          footprint=disc_footprint(radius, cell), mode="constant", cval=-np.inf)
        expected[np.isneginf(expected)] = np.nan
        np.testing.assert_array_equal(disc_maximum(values, radius, cell), expected)


def three_cores():
    """Core 1 fills the left column; cores 2 and 3 sit on the right edge, top and bottom; a wall of
    resistance β crosses the middle, so both links' scores overlap there."""
    rows, cols = 21, 30
    resistance = np.ones((rows, cols))
    resistance[:, 14:16] = BETA
    resistance[8:13, 20:22] = 5.0
    valid = np.ones_like(resistance, dtype=bool)
    cores = np.zeros((rows, cols), dtype=np.int64)
    cores[:, 0] = 1
    cores[:4, -1], cores[-4:, -1] = 2, 3
    links = [(1, 2, lcd(resistance, valid, cores, 1, 2)), (1, 3, lcd(resistance, valid, cores, 1, 3))]
    return resistance, valid, cores, links


@pytest.mark.parametrize("percent", [False, True])
def test_maximum_mosaics_and_sum_adds_positive_scores_with_nodata_as_zero(percent):
    resistance, valid, cores, links = three_cores()

    def run(combine, *chosen):
        options = BarrierOptions(RADIUS, combine=combine, percent=percent)
        grids = barrier_scores(cores, resistance, valid, CELL, table(*chosen), options).combined
        return grids.centres_pct if percent else grids.centres

    single = [run(MAXIMUM, link) for link in links]
    both_max, both_sum = run(MAXIMUM, *links), run(SUM, *links)
    assert all(np.nanmax(s) > 0 for s in single)
    overlap = np.isfinite(single[0]) & np.isfinite(single[1]) & (single[0] != single[1])
    assert overlap.any()
    np.testing.assert_allclose(both_max, np.fmax(single[0], single[1]), rtol=1e-6)
    expected_sum = np.nan_to_num(single[0]) + np.nan_to_num(single[1])
    np.testing.assert_allclose(both_sum, expected_sum, rtol=1e-6)
    assert np.all(both_sum >= 0) and not np.isnan(both_sum).any()  # SUM: no NoData, 0 where no link improves
    assert np.isnan(both_max).any() and np.nanmin(both_max) >= 0    # MAX: negatives are NoData
    if percent:
        grids = barrier_scores(cores, resistance, valid, CELL, table(links[0]), BarrierOptions(RADIUS)).combined
        np.testing.assert_allclose(single[0], 100 * grids.centres / links[0][2], rtol=1e-5)


def test_circles_spread_the_centres_over_the_disc_and_capped_keeps_what_a_cell_can_gain():
    resistance, valid, cores, links = three_cores()
    valid[0, 5] = False
    grids = barrier_scores(cores, resistance, valid, CELL, table(*links), BarrierOptions(RADIUS)).combined
    np.testing.assert_array_equal(grids.circles, disc_maximum(grids.centres, RADIUS, CELL))
    cap = np.where(valid, resistance - 1, 1e9)
    np.testing.assert_allclose(grids.capped, np.minimum(grids.circles, cap))
    assert np.nanmax(grids.capped[:, 14:16]) > 0 and np.nanmax(grids.capped[:, :10]) == 0


def test_across_radii_the_maximum_of_the_radius_results():
    resistance, valid, cores, links = three_cores()
    seen = {}
    options = BarrierOptions(RADIUS, 50.0, 10.0)
    result = barrier_scores(cores, resistance, valid, CELL, table(*links), options,
                            per_radius=lambda radius, grids: seen.setdefault(radius, grids))
    assert result.radii == [30.0, 40.0, 50.0] and sorted(seen) == result.radii
    for name in ("centres", "circles", "capped"):
        expected = seen[30.0].__dict__[name]
        for radius in (40.0, 50.0):
            expected = np.fmax(expected, seen[radius].__dict__[name])
        np.testing.assert_array_equal(getattr(result.combined, name), expected)
    assert not np.array_equal(np.nan_to_num(seen[30.0].centres), np.nan_to_num(seen[50.0].centres))


def test_cwd_threshold_drops_cells_beyond_it():
    resistance, valid, cores = straight_corridor()
    before = lcd(resistance, valid, cores, 1, 2)
    full = barrier_scores(cores, resistance, valid, CELL, table((1, 2, before)), BarrierOptions(RADIUS))
    cut = barrier_scores(cores, resistance, valid, CELL, table((1, 2, before)),
                         BarrierOptions(RADIUS, cwd_threshold=150.0))
    # CWD_A at column 17 - 3 = 14 is 130 < 150: kept; the block needs CWD_B >= 150 cells on the right too
    assert np.isfinite(full.combined.centres[1, 18]) and np.isnan(cut.combined.centres[1, 18])


def test_radius_list_and_radii_smaller_than_a_cell():
    assert radius_list(400, 1200, 400, 100) == [400, 800, 1200]
    assert radius_list(400, 1200, 0, 100) == [400]
    with pytest.raises(InputError, match="smaller than a cell"):
        radius_list(50, 200, 50, 100)
    with pytest.raises(InputError, match="MAX_RADIUS"):
        radius_list(400, 300, 100, 100)
    with pytest.raises(InputError, match="annulus"):
        radius_list(450, 450, 0, 100)  # no cell centre between 449 and 450 map units


def test_zero_or_negative_resistance_is_refused():
    resistance, valid, cores = straight_corridor()
    for bad in (0.0, -2.0):
        broken = resistance.copy()
        broken[1, 10] = bad
        with pytest.raises(InputError, match="values <= 0"):
            barrier_scores(cores, broken, valid, CELL, table((1, 2, 570.0)), BarrierOptions(RADIUS))


def test_no_active_link_is_refused():
    resistance, valid, cores = straight_corridor()
    rows = [dict(link_id=1, core1=1, core2=2, link_type=-1, cw_dist=570.0)]
    with pytest.raises(InputError, match="no active link"):
        barrier_scores(cores, resistance, valid, CELL, rows, BarrierOptions(RADIUS))


def test_link_table_of_another_run_is_refused_saying_which():
    resistance, valid, cores = straight_corridor()
    with pytest.raises(InputError, match=r"core id\(s\) 7 .* not in"):
        barrier_scores(cores, resistance, valid, CELL, table((1, 7, 570.0)), BarrierOptions(RADIUS))
    with pytest.raises(InputError, match="does not match the resistance"):
        barrier_scores(cores, resistance, valid, CELL, table((1, 2, 500.0)), BarrierOptions(RADIUS))
    with pytest.raises(InputError, match="does not match the resistance"):
        barrier_scores(cores, resistance, valid, CELL, table((1, 2, 640.0)), BarrierOptions(RADIUS))


# ------------------------------------------- per-core tasks on workers: the serial output, bit for bit
@pytest.fixture(scope="module")
def five_core_line():
    """Five cores on a line; four neighbour links search windows, the long link 1-5 makes cores 1
    and 5 search the whole grid, so 2 workers group the cores into other tasks than 1 worker."""
    rng = np.random.default_rng(3)
    resistance = 1.0 + 2.0 * ndimage.gaussian_filter(rng.random((160, 160)), 2)
    valid = np.ones(resistance.shape, dtype=bool)
    cores = np.zeros(resistance.shape, dtype=np.int64)
    for k, col in enumerate((10, 35, 60, 85, 110)):
        cores[78:82, col:col + 3] = k + 1
    pairs = [(1, 2), (2, 3), (3, 4), (4, 5), (1, 5)]
    return resistance, valid, cores, table(*[(a, b, lcd(resistance, valid, cores, a, b)) for a, b in pairs])


def run_five(five_core_line, **where):
    resistance, valid, cores, rows = five_core_line
    seen = {}
    options = BarrierOptions(RADIUS, 50.0, 20.0, combine=SUM, percent=True)
    result = barrier_scores(cores, resistance, valid, CELL, rows, options,
                            per_radius=lambda radius, grids: seen.setdefault(radius, grids), **where)
    return result, seen


def same_barriers(a, b):
    (result_a, seen_a), (result_b, seen_b) = a, b
    assert result_a.links == result_b.links and sorted(seen_a) == sorted(seen_b) == result_a.radii
    for grids_a, grids_b in [(result_a.combined, result_b.combined)] + [(seen_a[r], seen_b[r]) for r in seen_a]:
        for name in ("centres", "circles", "capped", "centres_pct", "circles_pct"):
            assert np.array_equal(getattr(grids_a, name), getattr(grids_b, name), equal_nan=True), name


def test_two_processes_give_the_serial_result(five_core_line):
    serial = run_five(five_core_line, workers=1)
    assert len(serial[0].links) == 5 and np.nanmax(serial[0].combined.centres) > 0
    same_barriers(serial, run_five(five_core_line, workers=2))


def test_a_dask_cluster_gives_the_serial_result(five_core_line, dask_scheduler):
    same_barriers(run_five(five_core_line, workers=1), run_five(five_core_line, workers=2, scheduler=dask_scheduler))


def test_cancel_after_the_first_task_stops_the_others(five_core_line):
    resistance, valid, cores, rows = five_core_line
    messages = []
    progress = Progress(lambda _percent, message: messages.append(message or ""),
                        lambda: any("done (1/" in message for message in messages))
    with pytest.raises(CancelledError):
        barrier_scores(cores, resistance, valid, CELL, rows, BarrierOptions(RADIUS), progress=progress, workers=2)
    assert not any("done (2/" in message for message in messages)
