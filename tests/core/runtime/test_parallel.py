"""core/runtime/parallel.py: order, progress, cancel, errors, the spawn interpreter rule."""
import os
import sys
import threading
import time

import pytest
from ecosecurity.core.runtime.errors import CancelledError, InputError
from ecosecurity.core.runtime.parallel import (TaskError, fit_workers, interpreter_version, map_tasks,
                                               python_executable, worker_count)
from ecosecurity.core.runtime.progress import Progress
from parallel_tasks import fail_on, offset_sum, square_after


def _tasks(n):
    # later tasks finish first: results must still come back in task order
    return [(k, 0.05 * (n - k)) for k in range(n)]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_task_order_and_progress(workers):
    reports = []
    progress = Progress(lambda percent, message: reports.append(percent))
    results = list(map_tasks(square_after, iter(_tasks(6)), 6, workers, progress=progress))
    assert results == [k * k for k in range(6)]
    assert reports == sorted(reports) and reports[-1] == 100.0 and len(reports) == 6


@pytest.mark.parametrize("workers", [1, 2])
def test_worker_error_names_the_task(workers):
    with pytest.raises(TaskError, match="link 3 failed in a worker: ZeroDivisionError") as info:
        list(map_tasks(fail_on, [(k, 2) for k in range(4)], 4, workers, label=lambda k: f"link {k + 1}"))
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_project_errors_keep_their_type():
    with pytest.raises(InputError, match="^link 1: bad"):
        list(map_tasks(_raise_input, [()], 1, 1, label=lambda k: f"link {k + 1}"))


def _raise_input():
    raise InputError("bad")


def test_cancel_stops_workers_within_a_second():
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    start = time.monotonic()
    with pytest.raises(CancelledError):
        list(map_tasks(square_after, [(k, 3.0) for k in range(4)], 4, 2, progress=Progress(None, cancel.is_set)))
    assert time.monotonic() - start < 0.5 + 1.0


def test_spawn_interpreter_rule(tmp_path):
    ours = lambda path: sys.version  # noqa: E731 - every file is "our" Python
    prefix = tmp_path / "qgis"
    assert python_executable(str(tmp_path / "python3.11"), [], windows=False, version_of=ours) is None  # no file
    (prefix / "bin").mkdir(parents=True)
    assert python_executable("/usr/bin/qgis", [str(prefix)], windows=False, version_of=ours) is None
    (prefix / "bin" / "python3").write_text("")
    assert python_executable("/usr/bin/qgis", [str(tmp_path / "none"), str(prefix)], windows=False,
                             version_of=ours) == os.path.join(str(prefix), "bin", "python3")
    (prefix / "python.exe").write_text("")
    assert python_executable(r"C:\QGIS\bin\qgis-bin.exe", [str(prefix)], windows=True, version_of=ours) == \
        os.path.join(str(prefix), "python.exe")
    (prefix / "pythonw.exe").write_text("")
    assert python_executable(r"C:\QGIS\bin\qgis-bin.exe", [str(prefix)], windows=True, version_of=ours) == \
        os.path.join(str(prefix), "pythonw.exe")


def test_spawn_interpreter_skips_another_python(tmp_path):
    """qgis_process sets sys.executable to the first python3 on PATH (here a pyenv shim of 3.11.7)."""
    shim, prefix = tmp_path / "shims" / "python3", tmp_path / "usr"
    shim.parent.mkdir()
    shim.write_text("")
    (prefix / "bin").mkdir(parents=True)
    (prefix / "bin" / "python3").write_text("")
    versions = {str(shim): "3.11.7 (main) [GCC 12.2.0]", os.path.join(str(prefix), "bin", "python3"): sys.version}
    assert python_executable(str(shim), [str(prefix)], windows=False, version_of=versions.get) == \
        os.path.join(str(prefix), "bin", "python3")
    versions[os.path.join(str(prefix), "bin", "python3")] = None  # does not run
    assert python_executable(str(shim), [str(prefix)], windows=False, version_of=versions.get) is None


def test_spawn_interpreter_of_this_run_is_this_python():
    found = python_executable()
    assert found is not None and interpreter_version(found) == sys.version


def test_no_interpreter_falls_back_to_this_process(monkeypatch):
    import ecosecurity.core.runtime.parallel as parallel
    monkeypatch.setattr(parallel, "_spawn_executable", lambda: None)
    with pytest.warns(UserWarning, match="run in this process"):
        assert list(map_tasks(square_after, _tasks(3), 3, 2)) == [0, 1, 4]


def test_worker_count_and_memory_fit():
    assert worker_count(1) == 1 and worker_count(3) == 3 and worker_count(0) == (os.cpu_count() or 1)
    assert fit_workers(2, 1000, "tiny") == (2, None)
    workers, message = fit_workers(10 ** 6, 10 ** 6, "Pinch points")
    assert 1 <= workers < 10 ** 6 and "using" in message


def test_when_not_one_task_fits_it_is_refused_or_run_here(monkeypatch):
    from ecosecurity.core.runtime import memory, parallel
    from ecosecurity.core.runtime.errors import MemoryLimitError
    monkeypatch.setattr(parallel, "available_memory", lambda: 10 ** 9)
    monkeypatch.setattr(memory, "available_memory", lambda: 10 ** 9)
    with pytest.raises(MemoryLimitError):
        fit_workers(2, 10 ** 10, "Barriers")
    workers, message = fit_workers(2, 10 ** 10, "Barriers", here=True)
    assert workers == 1 and "using 1" in message


def test_results_waiting_for_their_turn_fit_in_memory(monkeypatch):
    from ecosecurity.core.runtime import parallel
    monkeypatch.setattr(parallel, "available_memory", lambda: 10 ** 9)
    assert parallel.pending_limit(4, 0) == 4 * parallel.IN_FLIGHT
    assert parallel.pending_limit(4, 2 * 10 ** 8) == 4  # 0.8 GB usable: 4 results of 200 MB
    assert parallel.pending_limit(4, 10 ** 10) == 1
    submitted = []

    def tasks():
        for k in range(6):
            submitted.append(k)
            yield (k, 0.0)
    results = parallel.map_tasks(square_after, tasks(), 6, workers=2, result_bytes=4 * 10 ** 8)
    assert next(results) == 0 and len(submitted) == 2  # 2 results of 400 MB fit in 0.8 GB
    assert list(results) == [1, 4, 9, 16, 25]


def test_dask_cluster_in_order_and_errors_named(dask_scheduler):
    assert list(map_tasks(square_after, _tasks(5), 5, scheduler=dask_scheduler)) == [k * k for k in range(5)]
    with pytest.raises(TaskError, match="link 3 failed in a worker: ZeroDivisionError"):
        list(map_tasks(fail_on, [(k, 2) for k in range(4)], 4, scheduler=dask_scheduler, label=lambda k: f"link {k + 1}"))


def test_dask_cancel_within_a_second(dask_scheduler):
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    start = time.monotonic()
    with pytest.raises(CancelledError):
        list(map_tasks(square_after, [(k, 3.0) for k in range(4)], 4, scheduler=dask_scheduler,
                       progress=Progress(None, cancel.is_set)))
    assert time.monotonic() - start < 0.5 + 1.0


def test_dask_receives_a_shared_argument_once(dask_scheduler, monkeypatch):
    import distributed
    import numpy as np
    scattered = []
    scatter = distributed.Client.scatter

    def counted(client, data, *args, **kwargs):
        scattered.append(data)
        return scatter(client, data, *args, **kwargs)

    monkeypatch.setattr(distributed.Client, "scatter", counted)
    values = np.arange(10.0)
    tasks = [(values, k) for k in range(6)]
    assert list(map_tasks(offset_sum, tasks, 6, scheduler=dask_scheduler, shared=(0,))) == [45.0 + k for k in range(6)]
    assert len(scattered) == 1 and scattered[0] is values
    with pytest.raises(ValueError, match="argument 0 is declared shared but differs"):
        list(map_tasks(offset_sum, [(np.arange(3.0), k) for k in range(3)], 3, scheduler=dask_scheduler, shared=(0,)))


def test_drained_run_leaves_no_worker_process():
    import multiprocessing
    before = set(multiprocessing.active_children())  # e.g. the session's Dask cluster
    assert list(map_tasks(square_after, _tasks(4), 4, 2)) == [0, 1, 4, 9]
    assert set(multiprocessing.active_children()) <= before
