"""Pinch points (linkage_mapper.md §3, §7): each rule checked against an independent construction
of the clipped grid and a direct call of the circuit engine."""
import numpy as np
import pytest
from ecosecurity.core.corridors.circuit.compute import RasterInputs, RasterOptions, raster_run
from ecosecurity.core.corridors.circuit.inputs import focal_cells_from_raster
from ecosecurity.core.corridors.costdist import cost_distance
from ecosecurity.core.corridors.linkage.pathways import ALL_PAIRS, PathwayOptions, linkage_pathways
from ecosecurity.core.corridors.linkage.run import link_records
from ecosecurity.core.keyareas import core_searches
from ecosecurity.core.keyareas.pinchpoints import ADJACENT_PAIRS, ALL_TO_ONE, pinch_points
from ecosecurity.core.keyareas.pinchpoints import ALL_PAIRS as MODE_ALL_PAIRS
from ecosecurity.core.runtime.errors import InputError
from scipy import ndimage

CELL = 30.0


def smooth_resistance(shape, seed):
    rng = np.random.default_rng(seed)
    field = ndimage.gaussian_filter(rng.standard_normal(shape), 3)
    field = (field - field.min()) / (field.max() - field.min())
    return 1.0 + 40.0 * field ** 2


def two_cores(shape=(40, 60)):
    ids = np.zeros(shape, np.int64)
    ids[16:22, 3:8] = 4
    ids[14:20, 50:56] = 9
    return ids


def three_cores(shape=(40, 70)):
    ids = np.zeros(shape, np.int64)
    ids[5:10, 3:8] = 1
    ids[28:34, 30:36] = 2
    ids[6:11, 60:66] = 3
    return ids


def link_table(ids, resistance, valid, cell=CELL):
    """The link table ecosecurity:corridors writes (every pair adjacent, all kept)."""
    result = linkage_pathways(ids, resistance, valid, cell, PathwayOptions(adjacency=ALL_PAIRS, max_nearest=0,
                                                                           drop_through_cores=False))
    return link_records(result)


class Capture:
    """A raster_run writer keeping the cumulative map and the resistance table."""

    def cumulative(self, array):
        self.current = array

    def pairwise_table(self, ids, resistances):
        self.ids, self.resistances = ids, resistances

    def __getattr__(self, name):
        return lambda *args: None


def engine(g, focal_ids, scenario="pairwise"):
    """The circuit engine run directly: Linkage Mapper's Circuitscape options, focal regions."""
    writer = Capture()
    focal = focal_cells_from_raster(focal_ids.astype(float), focal_ids != 0)
    raster_run(RasterInputs(None, g, focal=focal),
               RasterOptions(scenario=scenario, avg_resistances=True, focal_currents_to_zero=True, cumulative=True),
               writer)
    return writer


def nlcc(ids, resistance, valid, a, b, cell=CELL):
    """CWD_A + CWD_B − LCD on the whole grid, from two independent cost-distance runs."""
    cwd_a = cost_distance(resistance, ids == a, cell, valid)
    cwd_b = cost_distance(resistance, ids == b, cell, valid)
    return cwd_a + cwd_b - cwd_a[ids == b].min()


def bbox(mask):
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1)


def test_single_link_current_equals_the_circuit_engine_on_the_clipped_grid():
    ids = two_cores()
    resistance = smooth_resistance(ids.shape, 1)
    valid = np.ones(ids.shape, bool)
    valid[30:34, 20:40] = False  # a NoData block
    rows = link_table(ids, resistance, valid)
    cutoff = 1000.0
    result = pinch_points(ids, resistance, valid, CELL, rows, cutoff, ADJACENT_PAIRS)
    corridor = nlcc(ids, resistance, valid, 4, 9) <= cutoff
    window = bbox(corridor)
    mask = corridor[window]
    g = np.where(mask & valid[window], 1.0 / resistance[window], 0.0)
    focal = np.where(mask, ids[window], 0)
    expected = engine(g, focal)
    ours = result.current[window]
    outside_cores = mask & (ids[window] == 0)
    assert mask.sum() < 0.5 * ids.size  # a real clip, not the whole grid
    np.testing.assert_allclose(ours[outside_cores], expected.current[outside_cores], rtol=1e-5, atol=1e-9)
    assert np.all(np.isnan(ours[~mask])) and np.all(np.isnan(result.current[ids > 0]))
    assert np.all(np.isnan(np.delete(result.current, np.s_[window[0]], axis=0)))
    assert result.eff_resist[0] == pytest.approx(CELL * expected.resistances[0, 1], rel=1e-9)
    assert result.cwd_to_eff_resist[0] == pytest.approx(rows[0]["cw_dist"] / result.eff_resist[0], rel=1e-12)
    assert result.window_cells == [mask.size]


def test_effective_resistance_scales_with_the_cell_size():
    ids = two_cores()
    resistance = smooth_resistance(ids.shape, 2)
    valid = np.ones(ids.shape, bool)
    small = pinch_points(ids, resistance, valid, 1.0, link_table(ids, resistance, valid, 1.0), 100.0)
    large = pinch_points(ids, resistance, valid, 30.0, link_table(ids, resistance, valid, 30.0), 3000.0)
    assert large.eff_resist[0] == pytest.approx(30.0 * small.eff_resist[0], rel=1e-9)
    assert large.cwd_to_eff_resist[0] == pytest.approx(small.cwd_to_eff_resist[0], rel=1e-9)
    np.testing.assert_allclose(large.current, small.current, rtol=1e-6, equal_nan=True)


def test_the_highest_current_outside_the_cores_is_in_the_narrow_gap():
    shape = (21, 41)
    ids = np.zeros(shape, np.int64)
    ids[7:14, 1:4], ids[7:14, 37:40] = 1, 2
    resistance = np.full(shape, 50.0)
    resistance[7:14, :] = 1.0  # an open corridor between the cores ...
    resistance[7:14, 20] = 50.0
    resistance[10, 20] = 1.0  # ... closed at column 20 but for one cell
    valid = np.ones(shape, bool)
    result = pinch_points(ids, resistance, valid, 10.0, link_table(ids, resistance, valid, 10.0), 400.0)
    current = result.current
    assert np.isfinite(current[10, 20])
    assert np.unravel_index(np.nanargmax(current), shape) == (10, 20)
    assert current[10, 20] > 1.5 * np.nanmax(np.where(np.abs(np.arange(41) - 20) > 1, current, np.nan))


def test_all_pairs_mode_equals_a_whole_network_run_with_all_cores_as_focal_regions():
    ids = three_cores()
    resistance = smooth_resistance(ids.shape, 3)
    valid = np.ones(ids.shape, bool)
    rows = link_table(ids, resistance, valid)
    rows[1]["link_type"] = -1  # 1-3 dropped: its corridor must not be in the network
    cutoff = 2000.0
    network = ids > 0
    for row in rows:
        if row["link_type"] >= 1:
            network |= nlcc(ids, resistance, valid, row["core1"], row["core2"]) <= cutoff
    window = bbox(network)
    region = network[window]
    g = np.where(region, 1.0 / resistance[window], 0.0)
    for mode, scenario in ((MODE_ALL_PAIRS, "pairwise"), (ALL_TO_ONE, "all-to-one")):
        result = pinch_points(ids, resistance, valid, CELL, rows, cutoff, mode)
        expected = engine(g, ids[window], scenario)
        outside_cores = region & (ids[window] == 0)
        np.testing.assert_allclose(result.current[window][outside_cores], expected.current[outside_cores],
                                   rtol=1e-5, atol=1e-9)
        assert np.all(np.isnan(result.current[window][~outside_cores]))
        assert result.eff_resist == [-1.0] * 3


def test_squared_resistances_are_used_by_the_circuit_and_leave_the_ratios_out():
    ids = two_cores()
    resistance = smooth_resistance(ids.shape, 4)
    valid = np.ones(ids.shape, bool)
    result = pinch_points(ids, resistance, valid, CELL, link_table(ids, resistance, valid), 3000.0, square=True)
    mask = nlcc(ids, resistance, valid, 4, 9) <= 3000.0
    window = bbox(mask)
    expected = engine(np.where(mask[window], resistance[window] ** -2.0, 0.0), np.where(mask[window], ids[window], 0))
    inside = mask[window] & (ids[window] == 0)
    np.testing.assert_allclose(result.current[window][inside], expected.current[inside], rtol=1e-5, atol=1e-9)
    assert result.eff_resist == [-1.0] and result.cwd_to_eff_resist == [-1.0]


def test_each_core_is_searched_once_for_all_its_links(monkeypatch):
    ids = three_cores()
    resistance = smooth_resistance(ids.shape, 5)
    valid = np.ones(ids.shape, bool)
    rows = link_table(ids, resistance, valid)
    calls = []
    original = core_searches.search_core

    def counted(*args, **kwargs):
        calls.append(args[4])
        return original(*args, **kwargs)
    monkeypatch.setattr(core_searches, "search_core", counted)
    result = pinch_points(ids, resistance, valid, CELL, rows, 2000.0)
    assert sorted(calls) == [1, 2, 3] and len(rows) == 3
    assert result.solves == 3 and all(e > 0 for e in result.eff_resist)


# ------------------------------------------------------------------ bad input: one clear error
@pytest.fixture
def case():
    ids = two_cores()
    resistance = smooth_resistance(ids.shape, 6)
    valid = np.ones(ids.shape, bool)
    return ids, resistance, valid, link_table(ids, resistance, valid)


def test_a_link_table_of_other_cores_names_the_missing_core_ids(case):
    ids, resistance, valid, rows = case
    rows[0]["core2"] = 77
    with pytest.raises(InputError, match=r"core id\(s\) 77 .*not in 'CORES'"):
        pinch_points(ids, resistance, valid, CELL, rows, 3000.0)


def test_a_link_table_of_another_resistance_names_the_link_and_both_distances(case):
    ids, resistance, valid, rows = case
    other = link_table(ids, 2.0 * resistance, valid)
    with pytest.raises(InputError, match=r"does not match the resistance .*link 1 \(4-9\) has cw_dist"):
        pinch_points(ids, resistance, valid, CELL, other, 3000.0)
    halved = link_table(ids, 0.5 * resistance, valid)
    with pytest.raises(InputError, match=r"least-cost distance between these cores .* is more than"):
        pinch_points(ids, resistance, valid, CELL, halved, 3000.0)


def test_a_link_table_of_another_cell_size_is_refused(case):
    ids, resistance, valid, rows = case
    with pytest.raises(InputError, match="does not match the resistance"):
        pinch_points(ids, resistance, valid, 2 * CELL, rows, 3000.0)


def test_a_cutoff_that_leaves_the_corridor_without_both_cores_is_refused(case):
    ids, resistance, valid, rows = case
    with pytest.raises(InputError, match=r"CWD_CUTOFF = -500 leaves the corridor of link 1 \(4-9\)"):
        pinch_points(ids, resistance, valid, CELL, rows, -500.0)


def test_a_zero_cutoff_keeps_the_least_cost_path():
    shape = (9, 30)
    ids = np.zeros(shape, np.int64)
    ids[4, 1:3], ids[4, 27:29] = 1, 2  # one least-cost path: the straight row between them
    resistance = np.ones(shape)
    valid = np.ones(shape, bool)
    result = pinch_points(ids, resistance, valid, 10.0, link_table(ids, resistance, valid, 10.0), 0.0)
    np.testing.assert_allclose(result.current[4, 3:27], 1.0, rtol=1e-6)  # the path carries the 1 A
    assert np.count_nonzero(np.isfinite(result.current)) == 24


def test_no_active_link_is_refused(case):
    ids, resistance, valid, rows = case
    rows[0]["link_type"] = -1
    with pytest.raises(InputError, match="no active link"):
        pinch_points(ids, resistance, valid, CELL, rows, 3000.0)
    with pytest.raises(InputError, match="no active link"):
        pinch_points(ids, resistance, valid, CELL, [], 3000.0)


def test_a_table_without_the_link_fields_is_refused(case):
    ids, resistance, valid, rows = case
    del rows[0]["cw_dist"]
    with pytest.raises(InputError, match="no field 'cw_dist'"):
        pinch_points(ids, resistance, valid, CELL, rows, 3000.0)


@pytest.mark.parametrize("value", [0.0, -2.0])
def test_zero_or_negative_resistance_is_refused(case, value):
    ids, resistance, valid, rows = case
    resistance = resistance.copy()
    resistance[0, 0] = value
    with pytest.raises(InputError, match="values <= 0"):
        pinch_points(ids, resistance, valid, CELL, rows, 3000.0)


def test_text_fields_of_a_csv_table_are_read_as_numbers(case):
    ids, resistance, valid, rows = case
    as_text = [{k: str(v) for k, v in row.items()} for row in rows]
    a = pinch_points(ids, resistance, valid, CELL, rows, 3000.0)
    b = pinch_points(ids, resistance, valid, CELL, as_text, 3000.0)
    assert a.eff_resist == b.eff_resist


# ------------------------------- searches and link circuits on workers: the serial output, bit for bit
@pytest.fixture(scope="module")
def three_link_case():
    ids = three_cores()
    resistance = smooth_resistance(ids.shape, 7)
    valid = np.ones(ids.shape, bool)
    return ids, resistance, valid, link_table(ids, resistance, valid)


def run_three_links(three_link_case, **where):
    ids, resistance, valid, links = three_link_case
    return pinch_points(ids, resistance, valid, CELL, links, 2000.0, **where)


def same(a, b):
    assert np.array_equal(a.current, b.current, equal_nan=True)
    assert a.eff_resist == b.eff_resist and a.cwd_to_eff_resist == b.cwd_to_eff_resist
    assert a.window_cells == b.window_cells and a.solves == b.solves


def test_two_processes_give_the_serial_result(three_link_case):
    serial = run_three_links(three_link_case, workers=1)
    assert len(serial.links) == 3 and serial.solves == 3
    same(serial, run_three_links(three_link_case, workers=2))


def test_the_search_tasks_are_planned_with_their_cwds_held_and_pickled(three_link_case, monkeypatch):
    """Workers are fitted to the largest search task as Linkage Pathways' batches are
    (searches.task_memory): each of its cores' CWDs (up to the window) counted twice."""
    from ecosecurity.core.corridors.linkage.searches import CWD_BYTES_PER_CELL, task_memory
    from ecosecurity.core.keyareas import pinch_corridors
    groups, asked = [], []
    original = pinch_corridors.task_groups
    monkeypatch.setattr(pinch_corridors, "task_groups", lambda *args: groups.extend(original(*args)) or groups)
    monkeypatch.setattr(pinch_corridors, "fit_workers", lambda workers, task_bytes, *args, **kwargs:
                        (asked.append(task_bytes), (1, None))[1])
    run_three_links(three_link_case, workers=2)
    assert asked == [max(task_memory(window.size, batch=len(jobs)) for window, jobs in groups)]
    assert all(asked[0] >= 2 * CWD_BYTES_PER_CELL * window.size * len(jobs) for window, jobs in groups)


def test_a_dask_cluster_gives_the_serial_result(three_link_case, dask_scheduler):
    same(run_three_links(three_link_case, workers=1), run_three_links(three_link_case, scheduler=dask_scheduler))


def test_searches_on_two_processes_give_the_serial_network_current(three_link_case, monkeypatch):
    """All-pairs mode: only the per-core searches are tasks; every whole-grid search in its own task."""
    from ecosecurity.core.keyareas import pinch_corridors
    monkeypatch.setattr(pinch_corridors, "cores_per_return", lambda cells: 1)
    ids, resistance, valid, links = three_link_case
    serial = pinch_points(ids, resistance, valid, CELL, links, 2000.0, mode=1, workers=1)
    assert np.isfinite(serial.current).any()
    same(serial, pinch_points(ids, resistance, valid, CELL, links, 2000.0, mode=1, workers=2))
