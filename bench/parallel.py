"""Speed-up from 1 to 2 workers, local processes and a Dask LocalCluster (issue 19; never run by CI):
pinch points (adjacent pairs, one task per link) and priority ranking with zones (one task per zone);
circuits: bench/parallel_circuit.py, barriers: bench/parallel_barriers.py.

Usage (every run is a fresh subprocess; serial, processes and Dask alternate, ``--repeat`` times;
the minimum wall time is kept):

    python bench/parallel.py [--size 1500] [--links 50] [--cutoff 20000] [--repeat 3]
    python bench/parallel.py --case priorityrank [--cells 10000000] [--features 10] [--repeat 3]

The landscape and the link table are bench/pinchpoints.py's (first ``--links`` active links of
Linkage Pathways on a size x size grid of 30 m cells, 0.8 x links cores). Timed: ``pinch_points``
whole (the tasks: the per-core cost-distance searches, then the per-link circuits), including the
start of the worker pools or of the cluster. Peak memory: the calling
process (``ru_maxrss``) and the largest worker process (``RUSAGE_CHILDREN``; with Dask this is
the largest of the nanny and worker processes).

``priorityrank``: bench/priorityrank.py's ``large`` case (``--features`` smooth layers on sqrt(cells)^2
cells, 5 % NoData, 3 zones of about a third each; cached in /tmp/bench-priorityrank-<cells>-<features>),
``rank_features`` whole (reading, the 3 zone rankings as tasks, curves), CAZ2, step 0.01. Identity: a
SHA-256 of the ranks and the curves' coverage. Per task, measured once in a fresh process of its own:
the zone's cells, the bytes a task ships and gets back (pickled as multiprocessing pickles them) and
the time of the zone's ranking run in that process.
"""
import argparse
import hashlib
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_pinchpoints", REPO / "bench" / "pinchpoints.py")
pinch_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pinch_bench)
_spec = importlib.util.spec_from_file_location("bench_priorityrank", REPO / "bench" / "priorityrank.py")
priority_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(priority_bench)


def work_run(size, n_cores, cutoff, where, path):
    """Time pinch_points with ``where`` = serial | processes | dask (2 workers)."""
    ids, resistance, valid = pinch_bench.landscape(size, n_cores)
    from ecosecurity.core.keyareas.pinchpoints import pinch_points
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    start = time.perf_counter()
    options, cluster = _where(where)
    result = pinch_points(ids, resistance, valid, pinch_bench.CELL, rows, float(cutoff), **options)
    seconds = time.perf_counter() - start
    if cluster is not None:
        cluster.close()
    digest = float(result.current[~(result.current != result.current)].astype("float64").sum())
    return {"seconds": seconds, "links": len(result.links), "checksum": digest,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0}


def _where(where):
    """(keyword arguments of the core call, the cluster or None) for serial | processes | dask."""
    if where == "dask":
        from distributed import LocalCluster
        cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
        return {"scheduler": cluster.scheduler_address}, cluster
    return {"workers": 2 if where == "processes" else 1}, None


def priority_run(folder, where):
    """Time rank_features on the 3 zones (CAZ2, step 0.01) with ``where`` = serial | processes | dask."""
    from ecosecurity.core.priority.priority_rank import PriorityOptions, rank_features
    paths = json.loads(Path(folder, "paths.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    options, cluster = _where(where)
    _stack, result = rank_features(paths["features"], zones=paths["zones"], options=PriorityOptions(rule=0, step=0.01),
                                   **options)
    seconds = time.perf_counter() - start
    if cluster is not None:
        cluster.close()
    digest = hashlib.sha256(result.ranks.tobytes() + result.curves.coverage.tobytes()).hexdigest()[:16]
    return {"seconds": seconds, "zones": result.zones, "checksum": digest, "auc": result.curves.mean_auc,
            "warnings": result.warnings,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0}


def priority_tasks(folder):
    """Per zone: cells, bytes shipped to and returned by its task (pickled) and its ranking time here."""
    import numpy as np
    from multiprocessing.reduction import ForkingPickler
    from ecosecurity.core.priority.normalise import read_cell_values, read_features
    from ecosecurity.core.priority.zone_task import rank_zone
    paths = json.loads(Path(folder, "paths.json").read_text(encoding="utf-8"))
    stack = read_features(paths["features"])
    zone, valid = read_cell_values(paths["zones"], stack, "ZONES")
    rows = []
    for value in np.unique(zone[valid]):
        members = np.flatnonzero(valid & (zone == value))
        args = (stack.values[members], np.ones(len(stack.names)), 0, None, None, 0.01, 0.25, 0)
        shipped = len(ForkingPickler.dumps(args))
        start = time.perf_counter()
        order = rank_zone(*args)
        rows.append({"zone": float(value), "cells": len(members), "seconds": time.perf_counter() - start,
                     "shipped_mb": shipped / 2 ** 20, "returned_mb": len(ForkingPickler.dumps(order)) / 2 ** 20})
    return {"tasks": rows}


def measure(*args):
    command = [sys.executable, __file__, "--worker"] + [str(a) for a in args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=("pinchpoints", "priorityrank"), default="pinchpoints")
    parser.add_argument("--size", type=int, default=1500, help="grid side in cells (default 1500)")
    parser.add_argument("--links", type=int, default=50, help="active links (default 50)")
    parser.add_argument("--cutoff", type=float, default=20000.0, help="CWD cutoff in cost units (default 20000)")
    parser.add_argument("--cells", type=int, default=10_000_000, help="priorityrank: cells (default 10^7)")
    parser.add_argument("--features", type=int, default=10, help="priorityrank: feature layers (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each setting, alternating (default 3)")
    parser.add_argument("--worker", nargs="+")
    args = parser.parse_args()
    if args.worker:
        if args.worker[0] == "priorityrank":
            pinch_bench._import_package()
            folder, where = args.worker[1:]
            result = priority_tasks(folder) if where == "tasks" else priority_run(folder, where)
        else:
            size, cores, cutoff, where, path = args.worker
            result = work_run(int(size), int(cores), float(cutoff), where, path)
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        print(json.dumps(result))
        return
    print(f"machine: {os.cpu_count()} CPUs; load average before {open('/proc/loadavg').read().split()[:3]}")
    if args.case == "priorityrank":
        priority_main(args)
    else:
        pinch_main(args)
    print(f"load average after {open('/proc/loadavg').read().split()[:3]}")


def priority_main(args):
    pinch_bench._import_package()
    folder = f"/tmp/bench-priorityrank-{args.cells}-{args.features}"
    priority_bench.generate_large(folder, args.cells, args.features)
    tasks = measure("priorityrank", folder, "tasks")
    for row in tasks["tasks"]:
        print(f"  task zone {row['zone']:g}: {row['cells']:,} cells, ships {row['shipped_mb']:.1f} MB, returns "
              f"{row['returned_mb']:.1f} MB, ranked in {row['seconds']:.1f} s in one process", flush=True)
    runs = {"serial": [], "processes": [], "dask": []}
    for _ in range(args.repeat):
        for where in runs:
            runs[where].append(measure("priorityrank", folder, where))
            print(f"  {where}: {runs[where][-1]['seconds']:.2f} s, load {open('/proc/loadavg').read().split()[:3]}",
                  flush=True)
    summarise(runs)
    identical = {where: {r["checksum"] for r in rs} == {runs["serial"][0]["checksum"]} for where, rs in runs.items()}
    warnings = sorted({warning for rs in runs.values() for r in rs for warning in r["warnings"]})
    print(f"ranks and curves identical to the serial run (SHA-256 {runs['serial'][0]['checksum']}): {identical}; "
          f"AUC {runs['serial'][0]['auc']:.6f}; warnings {warnings}")


def summarise(runs):
    base = min(r["seconds"] for r in runs["serial"])
    for where, rs in runs.items():
        best = min(r["seconds"] for r in rs)
        print(f"{where:9s}: {best:.2f} s (max {max(r['seconds'] for r in rs):.2f}), speed-up {base / best:.2f}, "
              f"peak caller {max(r['peak_mb'] for r in rs):.0f} MB, largest worker "
              f"{max(r['worker_peak_mb'] for r in rs):.0f} MB")


def pinch_main(args):
    cores = max(3, int(round(0.8 * args.links)))
    with tempfile.TemporaryDirectory(prefix="bench_parallel_") as folder:
        table = os.path.join(folder, "links.json")
        t = pinch_bench.measure("table", args.size, cores, args.links, args.cutoff, table)
        print(f"link table: {t['active']} active links kept, {cores} cores on {args.size} x {args.size}")
        runs = {"serial": [], "processes": [], "dask": []}
        for _ in range(args.repeat):
            for where in runs:
                runs[where].append(measure(args.size, cores, args.cutoff, where, table))
                print(f"  {where}: {runs[where][-1]['seconds']:.2f} s", flush=True)
    summarise(runs)
    serial_sum = runs["serial"][0]["checksum"]
    for where, rs in runs.items():
        differences = [abs(r["checksum"] - serial_sum) / abs(serial_sum) for r in rs]
        print(f"{where:9s}: sum of the current map {rs[0]['checksum']!r}, largest relative difference from the "
              f"serial run {max(differences):.1e}")


if __name__ == "__main__":
    main()
