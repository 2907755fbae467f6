"""Linkage Pathways with the step-3 searches on worker processes or a Dask cluster: the serial run's
link table, paths, corridors and CWDs, bit for bit (issue 19)."""
import numpy as np
import pytest
from ecosecurity.core.corridors.linkage.pathways import ALL_PAIRS, BOTH, PathwayOptions, linkage_pathways
from ecosecurity.core.corridors.linkage.searches import CoreJob, core_search_task
from ecosecurity.core.runtime.errors import CancelledError
from ecosecurity.core.runtime.progress import Progress
from scipy import ndimage

CELL = 30.0


def landscape(size, n_cores, seed):
    """Smooth resistance 1-21 with 5 % NoData blobs and ``n_cores`` square cores."""
    rng = np.random.default_rng(seed)
    resistance = 1.0 + 20.0 * ndimage.uniform_filter(rng.random((size, size)), 9)
    valid = ndimage.uniform_filter(rng.random((size, size)), 5) < 0.62
    ids = np.zeros((size, size), np.int64)
    for k in range(1, n_cores + 1):
        r, c = rng.integers(2, size - 8, 2)
        ids[r:r + 5, c:c + 5] = k
    valid[ids > 0] = True
    return ids, resistance, valid


def same_result(a, b):
    for name in ("core1", "core2", "link_type", "lc_dist", "lcp_length", "cluster1", "cluster2"):
        assert np.array_equal(getattr(a.table, name), getattr(b.table, name)), name
    assert sorted(a.paths) == sorted(b.paths)
    for row in a.paths:
        assert np.array_equal(a.paths[row], b.paths[row])
    assert np.array_equal(a.nlcc, b.nlcc) and np.array_equal(a.cwd, b.cwd)
    assert np.array_equal(a.allocation, b.allocation) and a.searched_cells == b.searched_cells
    if a.raw is not None:
        assert np.array_equal(a.raw, b.raw)


OPTIONS = {
    "full": dict(adjacency=ALL_PAIRS, max_nearest=2, non_normalised=True),
    "truncated": dict(adjacency=BOTH, truncate_width=4000.0, full_mosaic=False),
    "circles": dict(adjacency=BOTH, bounding_buffer=600.0),
}


@pytest.fixture(scope="module")
def small():
    return landscape(120, 7, seed=5)


@pytest.mark.parametrize("mode", sorted(OPTIONS))
def test_two_processes_give_the_serial_result(small, mode):
    ids, resistance, valid = small
    serial = linkage_pathways(ids, resistance, valid, CELL, PathwayOptions(**OPTIONS[mode]))
    assert serial.corridor_count >= 3
    same_result(serial, linkage_pathways(ids, resistance, valid, CELL, PathwayOptions(**OPTIONS[mode]), workers=2))


def test_a_dask_cluster_gives_the_serial_result(small, dask_scheduler):
    ids, resistance, valid = small
    options = PathwayOptions(**OPTIONS["full"])
    same_result(linkage_pathways(ids, resistance, valid, CELL, options),
                linkage_pathways(ids, resistance, valid, CELL, options, workers=2, scheduler=dask_scheduler))


def test_swept_searches_on_workers_give_the_serial_result():
    """A grid of 2^20 cells and more sweeps: each task builds its own sweep grids, same bits."""
    ids, resistance, valid = landscape(1030, 4, seed=8)
    options = PathwayOptions(adjacency=ALL_PAIRS, max_nearest=0)
    serial = linkage_pathways(ids, resistance, valid, CELL, options)
    same_result(serial, linkage_pathways(ids, resistance, valid, CELL, options, workers=2))


def test_a_task_runs_dijkstra_only_when_the_step1_graph_had_left_the_sweeps(monkeypatch):
    """``sweeps=False`` reaches the task's graph: no sweep is tried."""
    from ecosecurity.core.corridors import costdist
    from ecosecurity.core.corridors.linkage.cores import Cores

    ids, resistance, valid = landscape(1030, 2, seed=8)
    swept = []
    monkeypatch.setattr(costdist, "sweep", lambda *args, **kwargs: swept.append(1))
    options = PathwayOptions(adjacency=ALL_PAIRS, max_nearest=0)
    job = CoreJob(1, (2,), (1e9,), ())
    [dijkstra] = core_search_task(resistance, valid, Cores(ids, valid), CELL, options, True, False, None, [job])
    assert not swept and dijkstra.reached > 0
    [fallback] = core_search_task(resistance, valid, Cores(ids, valid), CELL, options, True, True, None, [job])
    assert swept and np.array_equal(fallback.distance, dijkstra.distance)  # the sweep "gave up": Dijkstra


def test_cancel_after_the_first_task_stops_the_others(small):
    ids, resistance, valid = small
    messages = []
    progress = Progress(lambda _percent, message: messages.append(message or ""),
                        lambda: any("done (1/" in message for message in messages))
    with pytest.raises(CancelledError):
        linkage_pathways(ids, resistance, valid, CELL, PathwayOptions(**OPTIONS["full"]), progress=progress,
                         workers=2)
    assert not any("done (2/" in message for message in messages)


def test_workers_sweep_only_when_that_lets_more_of_them_fit(monkeypatch):
    from ecosecurity.core.corridors.linkage import searches
    from ecosecurity.core.runtime import memory, parallel
    cells = 10 ** 8
    full, swept = searches.task_memory(cells), searches.task_memory(cells, dijkstra=False)
    assert searches.batch_size(30, 1, cells) == 1
    assert swept < full
    for available, expected in ((3 * full, (2, None)), (2.2 * swept / 0.8, (2, False)),
                                (1.05 * full / 0.8, (1, None)), (0.9 * full / 0.8, (1, None)), (0.3 * full, (1, None))):
        monkeypatch.setattr(parallel, "available_memory", lambda: int(available))
        monkeypatch.setattr(memory, "available_memory", lambda: int(available))
        assert searches.plan_workers(2, cells, 30)[:2] == expected
    assert "run in this process" in searches.plan_workers(2, cells, 30)[2]


def test_a_batch_sends_back_at_most_its_cwd_budget_and_the_plan_counts_it():
    from ecosecurity.core.corridors.linkage import searches
    assert searches.batch_size(40, 2, 2000 * 2000) == 5  # 4 tasks per worker
    assert searches.batch_size(40, 1, 2000 * 2000) == 8  # 8 CWDs of 32 MB fill the 256 MB
    assert searches.batch_size(40, 2, 10 ** 8) == 1
    assert searches.batch_size(1, 8, 10) == 1
    cells = 2000 * 2000
    assert searches.task_memory(cells, batch=8) - searches.task_memory(cells) == 7 * 16 * cells


@pytest.mark.parametrize("mode", ["full", "circles"])
def test_without_room_for_two_workers_the_searches_run_here_as_the_serial_run(small, mode, monkeypatch):
    from ecosecurity.core.corridors.linkage import pathways, searches
    from ecosecurity.core.runtime import parallel
    ids, resistance, valid = small
    serial = linkage_pathways(ids, resistance, valid, CELL, PathwayOptions(**OPTIONS[mode]))
    for module in (searches, parallel):
        monkeypatch.setattr(module, "workers_that_fit", lambda task_bytes: 0)
    monkeypatch.setattr(pathways, "map_tasks", None)  # no task may be started
    run = linkage_pathways(ids, resistance, valid, CELL, PathwayOptions(**OPTIONS[mode]), workers=2)
    same_result(serial, run)
    assert any("run in this process" in warning for warning in run.warnings)
