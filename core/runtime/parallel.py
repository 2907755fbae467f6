"""Independent picklable tasks run in this process, on local worker processes or on a Dask cluster.

:func:`map_tasks` yields the results **in task order** whatever order they finish in, so a caller
that folds them gets the serial run's output bit for bit, provided the workers run numpy with as
many BLAS threads as the caller (local processes inherit the environment; Dask's nanny sets
``OMP_NUM_THREADS=1``, and threaded dot products round differently: about 1e-13 relative on the
pinch-point circuits of bench/parallel.py). Tasks are submitted lazily, at most
:data:`IN_FLIGHT` per worker at a time, so the caller holds only the inputs of the tasks in flight.
Progress is reported as tasks complete; cancel is polled every ``poll_seconds`` (<= 0.5 s): pending
tasks are cancelled, local workers terminated (Dask: ``client.cancel``) and :class:`CancelledError`
is raised. A task's exception comes back as the project's error naming the task.

Local processes use the ``spawn`` start method with the Python interpreter of the running program
(:func:`python_executable`): inside QGIS ``sys.executable`` is the qgis binary, not Python.
``dask.distributed`` is imported only when a scheduler address is given.
"""
import functools
import os
import subprocess
import sys
import sysconfig
import time
import warnings
from collections import deque

from .deps import require
from .errors import CancelledError, EcoSecurityError, EcoSecurityWarning
from .memory import USABLE_FRACTION, available_memory, check_memory, format_bytes
from .progress import ensure

#: Tasks submitted ahead per worker (keeps workers busy while the caller folds a result).
IN_FLIGHT = 2


class TaskError(EcoSecurityError):
    """A task failed in a worker with an error that is not one of the project's."""


def python_executable(executable=None, prefixes=None, windows=None, version_of=None):
    """The Python interpreter for spawned workers, or None when none is found.

    Candidates, in order: ``sys.executable`` when its name starts with ``python``; then, for the
    prefix of the running standard library, ``sys.exec_prefix`` and ``sys.base_exec_prefix``,
    ``bin/python3.X`` then ``bin/python3`` (Windows: ``pythonw.exe`` then ``python.exe``, no console
    window with pythonw). The first one whose ``sys.version`` equals ours is used: an embedded Python
    (QGIS, qgis_process) sets ``sys.executable`` to the first ``python3`` on PATH, which can be
    another Python (a pyenv shim) whose workers would then load this Python's packages and crash.
    ``version_of(path)`` returns an interpreter's ``sys.version`` (default: run it, see
    :func:`interpreter_version`).
    """
    executable = sys.executable if executable is None else executable
    windows = sys.platform.startswith("win") if windows is None else windows
    version_of = interpreter_version if version_of is None else version_of
    if prefixes is None:
        stdlib = sysconfig.get_paths()["stdlib"]
        prefixes = (os.path.dirname(stdlib) if windows else os.path.dirname(os.path.dirname(stdlib)),
                    sys.exec_prefix, sys.base_exec_prefix)
    minor = f"python{sys.version_info.major}.{sys.version_info.minor}"
    names = ("pythonw.exe", "python.exe") if windows else (os.path.join("bin", minor), os.path.join("bin", "python3"))
    candidates = [executable] if executable and os.path.basename(executable).lower().startswith("python") else []
    candidates += [os.path.join(prefix, name) for prefix in prefixes for name in names]
    for candidate in dict.fromkeys(candidates):
        if os.path.isfile(candidate) and version_of(candidate) == sys.version:
            return candidate
    return None


def interpreter_version(path, timeout=20):
    """``sys.version`` of the interpreter at ``path`` (pythonw.exe: of the python.exe beside it), or None."""
    console = os.path.join(os.path.dirname(path), "python.exe")
    if os.path.basename(path).lower() == "pythonw.exe" and os.path.isfile(console):
        path = console
    try:
        done = subprocess.run([path, "-I", "-c", "import sys; sys.stdout.write(sys.version)"],
                              capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@functools.lru_cache(maxsize=1)
def _spawn_executable():
    return python_executable()


def worker_count(parallel):
    """Workers for a ``PARALLEL`` value: 0 = all cores, n >= 1 = n (1 = in this process)."""
    parallel = int(parallel)
    if parallel < 0:
        raise ValueError(f"PARALLEL must be >= 0, got {parallel}")
    return (os.cpu_count() or 1) if parallel == 0 else parallel


def fit_workers(workers, task_bytes, what, here=False):
    """``(workers, message)``: the number of local workers whose tasks (``task_bytes`` each) fit in
    the usable memory, at most ``workers``; ``message`` says why it was lowered (None if not).
    Raises :class:`MemoryLimitError` (:func:`check_memory`) when not even one task fits, unless
    ``here``: the run's own estimate covers its tasks in this process (1 worker: :func:`map_tasks`
    runs them here)."""
    if not here:
        check_memory(task_bytes, what)
    fits = max(workers_that_fit(task_bytes), 1)
    if workers <= 1 or fits >= workers:
        return workers, None
    here_note, here_zh = (": the tasks run in this process", "（在本进程内计算）") if fits == 1 else ("", "")
    return fits, (f"{what}: {workers} workers would need about {format_bytes(workers * task_bytes)} of memory "
                  f"({format_bytes(task_bytes)} each) and {format_bytes(available_memory())} is available; "
                  f"using {fits}{here_note}. "
                  f"/ 内存不足以运行 {workers} 个并行进程，改用 {fits} 个{here_zh}。")


def cluster_workers(scheduler):
    """Threads of the Dask cluster at ``scheduler`` (its task slots)."""
    with _dask_client(scheduler) as client:
        return _task_slots(client)


def _dask_client(scheduler):
    """A ``dask.distributed`` client of ``scheduler``, private to the caller (not the default)."""
    distributed = require("distributed", "DASK_SCHEDULER (tasks on a Dask cluster)")
    return distributed.Client(scheduler, timeout=30, set_as_default=False)


def _task_slots(client):
    return max(sum(client.nthreads().values()), 1)


def pending_limit(workers, result_bytes):
    """Tasks in flight at once: :data:`IN_FLIGHT` per worker, fewer when that many results of
    ``result_bytes`` each would not fit in the usable memory now (at least one)."""
    return max(1, min(IN_FLIGHT * workers, workers_that_fit(result_bytes)))


def workers_that_fit(task_bytes):
    """How many tasks of ``task_bytes`` each fit in the usable memory now (0 = not one; unbounded
    when the available memory is unknown)."""
    available = available_memory()
    if available is None or task_bytes <= 0:
        return sys.maxsize
    return int(USABLE_FRACTION * available // task_bytes)


class _Deferred:
    """A task of :class:`_Serial`, run when its result is asked for."""

    def __init__(self, function, args):
        self.function, self.args = function, args


class _Serial:
    """Runs each task in this process, in order."""

    workers = 1

    def submit(self, function, args):
        return _Deferred(function, args)

    def wait(self, futures, timeout):
        return set(futures[:1])

    @staticmethod
    def result(future):
        return future.function(*future.args)

    def close(self, cancel, futures):
        pass


class _Processes:
    """A spawn-context :class:`~concurrent.futures.ProcessPoolExecutor`."""

    def __init__(self, workers, executable):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        context = multiprocessing.get_context("spawn")
        context.set_executable(executable)
        self.workers = workers
        self._pool = ProcessPoolExecutor(workers, mp_context=context)

    def submit(self, function, args):
        return self._pool.submit(function, *args)

    def wait(self, futures, timeout):
        from concurrent.futures import FIRST_COMPLETED, wait
        return wait(futures, timeout, FIRST_COMPLETED).done

    @staticmethod
    def result(future):
        return future.result()

    def close(self, cancel, futures):
        if cancel:
            # Python < 3.14 has no public call to stop running tasks: terminate the workers.
            processes = list((getattr(self._pool, "_processes", None) or {}).values())
            call_queue = getattr(self._pool, "_call_queue", None)
            if call_queue is not None:  # its feeder may be blocked writing a task no worker will read:
                call_queue.cancel_join_thread()  # without this the interpreter waits for it at exit
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
        else:
            self._pool.shutdown(wait=True)


class _Dask:
    """A ``dask.distributed`` client of the scheduler at ``address``. The arguments at the positions
    ``shared`` (the same object in every task) are scattered to every worker once, on first use, and
    the tasks are given their futures: a worker receives them once, not with each task."""

    def __init__(self, address, shared=()):
        self._client = _dask_client(address)
        self.workers = _task_slots(self._client)
        self._shared = set(shared)
        self._scattered = {}  # position -> (the object, its future)

    def submit(self, function, args):
        return self._client.submit(function, *[self._scatter(k, arg) for k, arg in enumerate(args)], pure=False)

    def _scatter(self, position, arg):
        if position not in self._shared:
            return arg
        if position not in self._scattered:
            self._scattered[position] = (arg, self._client.scatter(arg, broadcast=True, hash=False))
        kept, future = self._scattered[position]
        if kept is not arg:
            raise ValueError(f"map_tasks: argument {position} is declared shared but differs between tasks")
        return future

    @staticmethod
    def wait(futures, timeout, step=0.02):
        # distributed.wait needs the default client; this one is private to the run
        deadline = time.monotonic() + timeout
        while True:
            done = {future for future in futures if future.done()}
            if done or time.monotonic() >= deadline:
                return done
            time.sleep(step)

    @staticmethod
    def result(future):
        return future.result()

    def close(self, cancel, futures):
        if cancel and futures:
            self._client.cancel(futures)
        self._client.close()


def _backend(workers, scheduler, shared):
    if scheduler:
        return _Dask(scheduler, shared)
    if workers <= 1:
        return _Serial()
    executable = _spawn_executable()
    if executable is None:
        warnings.warn(f"No Python interpreter of this Python's build ({sys.version.split()[0]}) found "
                      f"(tried {sys.executable} and {sys.exec_prefix}): "
                      "the tasks run in this process. / 未找到 Python 解释器，改为在本进程内串行计算。",
                      EcoSecurityWarning)
        return _Serial()
    return _Processes(workers, executable)


def _reraise(error, label):
    if isinstance(error, EcoSecurityError):
        raise type(error)(f"{label}: {error}") from error
    raise TaskError(f"{label} failed in a worker: {type(error).__name__}: {error} "
                    f"/ 任务“{label}”在工作进程中出错。") from error


def map_tasks(function, tasks, count, workers=1, scheduler=None, progress=None, label=None, poll_seconds=0.25,
              shared=(), result_bytes=0):
    """Yield ``function(*args)`` for each ``args`` of the iterable ``tasks`` (``count`` of them), in order.

    ``function``: a module-level callable of ``core/`` (pickled by reference); ``workers``: 1 = in
    this process, n > 1 = n spawned processes; ``scheduler``: a Dask scheduler address (overrides
    ``workers``); ``label(index)``: the task's name in error messages; ``shared``: positions of
    arguments that are the same object in every task (large grids), sent to each Dask worker once
    (local processes still receive them with each task); ``result_bytes``: the most one result
    takes in this process (results that finish early wait here for their turn, so the tasks in
    flight are at most what :func:`pending_limit` lets fit).
    """
    progress = ensure(progress)
    label = label or (lambda index: f"Task {index + 1}")
    backend = _backend(min(workers, count), scheduler, shared)
    in_flight = pending_limit(backend.workers, result_bytes)
    tasks = iter(tasks)
    pending = deque()  # (index, future) in submission order
    ready = {}
    submitted = done = 0
    finished = False
    try:
        while done < count:
            while submitted < count and len(pending) < in_flight:
                pending.append((submitted, backend.submit(function, next(tasks))))
                submitted += 1
            progress.check()
            running = [(index, future) for index, future in pending if index not in ready]
            completed = backend.wait([future for _, future in running], poll_seconds)
            for index, future in [item for item in running if item[1] in completed]:
                try:
                    ready[index] = backend.result(future)
                except CancelledError:
                    raise
                except Exception as error:  # a task's failure, named
                    _reraise(error, label(index))
            while pending and pending[0][0] in ready:
                index, _future = pending.popleft()
                done += 1
                progress.update(done / count, f"{label(index)} done ({done}/{count}) / 已完成 {done}/{count}")
                yield ready.pop(index)
        finished = True
    finally:
        backend.close(not finished, [future for _, future in pending])
