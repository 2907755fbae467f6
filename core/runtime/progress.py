"""Progress reporting and cancellation for cores.

A core takes an optional ``progress`` argument: a :class:`Progress` (or ``None``).
It calls ``progress.update(fraction, message)`` with a fraction in [0, 1] and
``progress.check()`` often enough (at least every few seconds of work) that a
cancel request stops it quickly: ``check()`` raises :class:`CancelledError`.
``progress.sub(start, stop)`` gives a child that maps [0, 1] onto [start, stop] of
the parent, for multi-step cores.
"""
import threading
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

from .errors import CancelledError


class _OncePerMessage:
    """Wraps a ``report`` callback so that a message is passed on once per step: a message equal to
    the previous one becomes ``None`` (the percentage still goes through). Block loops report the
    same text for every block; a log (``qgis_process`` prints every progress text) shows it once."""

    def __init__(self, report):
        self._report = report
        self._last = None

    def __call__(self, percent, message):
        if message:
            if message == self._last:
                message = None
            else:
                self._last = message
        self._report(percent, message)


class Progress:
    """Forwards progress to callbacks; both are optional.

    ``report(percent: float, message: str | None)`` receives 0-100 and each message once per step
    (a repeated message comes as ``None``); ``is_cancelled() -> bool`` is polled by :meth:`check`.
    """

    def __init__(self, report=None, is_cancelled=None, start=0.0, stop=1.0):
        self._report = report if report is None or isinstance(report, _OncePerMessage) else _OncePerMessage(report)
        self._is_cancelled = is_cancelled
        self._start = start
        self._stop = stop

    def update(self, fraction, message=None):
        """Report ``fraction`` (0-1) of this step done; also checks for cancel."""
        self.check()
        if self._report is not None:
            fraction = min(max(float(fraction), 0.0), 1.0)
            self._report(100.0 * (self._start + fraction * (self._stop - self._start)), message)

    def check(self):
        """Raise :class:`CancelledError` when the user asked to cancel."""
        if self._is_cancelled is not None and self._is_cancelled():
            raise CancelledError("Cancelled by the user. / 用户已取消。")

    def sub(self, start, stop):
        """A child progress covering [start, stop] of this one."""
        span = self._stop - self._start
        return Progress(self._report, self._is_cancelled,
                        self._start + start * span, self._start + stop * span)


def ensure(progress):
    """``progress`` itself, or a silent :class:`Progress` when it is ``None``."""
    return progress if progress is not None else Progress()


def run_cancellable(function, progress, poll_seconds=0.25):
    """``function()`` on a background thread while the caller polls ``progress`` for cancel, for
    long compiled calls that release the GIL but cannot be interrupted (a sparse factorisation).
    On cancel :class:`CancelledError` is raised at once; the thread finishes on its own and its
    result is dropped."""
    outcome = {}

    def target():
        try:
            outcome["value"] = function()
        except BaseException as error:   # handed over to the caller below
            outcome["error"] = error
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(poll_seconds)
        ensure(progress).check()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class WorkerStopped(Exception):
    """Raised inside a worker thread of :func:`run_workers` to leave early once told to stop."""


def run_workers(workers, progress, status, stop, poll_seconds=0.5):
    """Each of ``workers`` (callables) on its own thread, while the caller reports
    ``status()`` → (fraction, message) to ``progress`` every ``poll_seconds`` and polls for cancel.

    ``stop`` (a :class:`threading.Event` the workers watch) is set as soon as the caller leaves:
    all done, a worker failed, or the user cancelled; the threads are then joined. The first
    failure other than :class:`WorkerStopped` (the stop it caused elsewhere) is re-raised."""
    progress = ensure(progress)
    with ThreadPoolExecutor(len(workers)) as pool:
        futures = [pool.submit(worker) for worker in workers]
        try:
            while True:
                done, pending = wait(futures, timeout=poll_seconds, return_when=FIRST_EXCEPTION)
                if not pending or any(future.exception() for future in done):
                    break
                progress.update(*status())
        finally:
            stop.set()
    for error in (future.exception() for future in futures):
        if error is not None and not isinstance(error, WorkerStopped):
            raise error
