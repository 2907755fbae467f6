"""Time and peak memory of each step of ``make demo``.

Peak memory per step on Linux: the kernel's high-water mark of the resident set (``VmHWM`` in
``/proc/self/status``) is reset before the step by writing ``5`` to ``/proc/self/clear_refs`` (Linux ≥ 4.0,
``Documentation/filesystems/proc.rst``) and read after it, so each figure is that step's own peak (the
process's baseline — QGIS and the data already loaded — included). Elsewhere the figure is the process's
peak so far (``resource.getrusage``), marked as such.
"""
import resource
import sys
import time
from dataclasses import dataclass, field


def _status_kb(key):
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_high_water():
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


@dataclass
class StepRecord:
    workflow: str
    name: str
    seconds: float
    peak_mb: float
    start_mb: float         # resident memory when the step started (QGIS and earlier data)
    per_step: bool          # False: the process's peak so far (no per-step reset on this system)
    parameters: dict = None  # the algorithm's parameters as given
    refused: str = None      # the algorithm's error message when it refused to run


@dataclass
class StepMeter:
    """``with meter.step(workflow, name): ...`` records the step's wall time and peak memory."""
    records: list = field(default_factory=list)

    def step(self, workflow, name, parameters=None):
        return _Measure(self, workflow, name, parameters)


class _Measure:
    def __init__(self, meter, workflow, name, parameters):
        self.meter, self.workflow, self.name, self.parameters = meter, workflow, name, parameters

    def __enter__(self):
        self.reset = _reset_high_water()
        self.start_kb = _status_kb("VmRSS") or 0
        self.started = time.perf_counter()
        return self

    def __exit__(self, exc_type, error, traceback):
        seconds = time.perf_counter() - self.started
        kb = _status_kb("VmHWM") if self.reset else None
        if kb is None:
            kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            kb = kb / 1024 if sys.platform == "darwin" else kb
        self.meter.records.append(StepRecord(self.workflow, self.name, seconds, kb / 1024, self.start_kb / 1024,
                                             self.reset, self.parameters, None if error is None else str(error)))
        outcome = ""
        if error is not None:
            outcome = f", refused: {(str(error).strip() or exc_type.__name__).splitlines()[0]}"
        print(f"  {self.name}: {seconds:.1f} s, peak {kb / 1024:.0f} MB (+{(kb - self.start_kb) / 1024:.0f} MB)"
              f"{outcome}", flush=True)
        return False


def peak_label(record):
    """Peak memory as shown in the report: the step's peak and its rise above the memory at its start."""
    if not record.per_step:
        return f"≤ {record.peak_mb:.0f} (process)"
    return f"{record.peak_mb:.0f} (+{max(record.peak_mb - record.start_mb, 0):.0f})"



