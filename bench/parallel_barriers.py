"""Speed-up of barriers from 1 to 2 workers: local processes and a Dask LocalCluster (issue 19;
never run by CI; pinch points and priority ranking: bench/parallel.py).

Usage (every run is a fresh subprocess; serial, processes and Dask alternate, ``--repeat`` times;
the minimum wall time is kept):

    python bench/parallel_barriers.py --case barriers [--size 1500] [--links 20] [--repeat 3]

The landscape and link table of bench/barriers.py (lattice neighbour links, radii 300, 600,
900 m); timed: ``barrier_scores`` whole (the per-core searches and focal minima are the tasks;
the radius passes stay in the caller). The serial run also times each task and counts the bytes
it ships (its window) and returns (its least-cost distances and kept focal minima). Peak memory:
the calling process (``ru_maxrss``) and the largest worker process (``RUSAGE_CHILDREN``).
"""
import argparse
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


def work_barriers(folder, where):
    """Time barrier_scores with ``where`` = serial | processes | dask (2 workers); the serial run
    also records per-task seconds and bytes shipped / returned."""
    import numpy as np
    pinch_bench._import_package()
    from ecosecurity.core.keyareas import barriers as module
    from ecosecurity.core.keyareas.barriers import BarrierOptions, barrier_scores
    arrays = [np.load(os.path.join(folder, f"{name}.npy")) for name in ("resistance", "valid", "cores")]
    rows = json.loads(Path(folder, "links.json").read_text(encoding="utf-8"))
    tasks = []
    if where == "serial":
        task = module.core_task

        def timed(*args):
            begin = time.perf_counter()
            out = task(*args)
            returned = sum(8 * len(lcds) + sum(values.nbytes + 32 for _, values in minima) for lcds, minima in out)
            tasks.append({"seconds": time.perf_counter() - begin, "cores": len(args[6]),
                          "shipped": sum(a.nbytes for a in args[:3]), "returned": returned})
            return out
        module.core_task = timed
    cluster = None
    start = time.perf_counter()
    if where == "dask":
        from distributed import LocalCluster
        cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
        options = {"scheduler": cluster.scheduler_address, "workers": 2}
    else:
        options = {"workers": 2 if where == "processes" else 1}
    result = barrier_scores(arrays[2], arrays[0], arrays[1], pinch_bench.CELL, rows,
                            BarrierOptions(300.0, 900.0, 300.0), **options)
    seconds = time.perf_counter() - start
    if cluster is not None:
        cluster.close()
    centres = result.combined.centres
    return {"seconds": seconds, "links": len(result.links), "tasks": tasks,
            "checksum": float(np.nansum(centres.astype("float64"))) + float(np.nansum(result.combined.capped)),
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0}


def measure(*args):
    command = [sys.executable, __file__, "--worker"] + [str(a) for a in args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=("barriers",), default="barriers")
    parser.add_argument("--size", type=int, default=1500, help="grid side in cells (default 1500)")
    parser.add_argument("--links", type=int, default=20, help="links (default 20)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each setting, alternating (default 3)")
    parser.add_argument("--worker", nargs="+")
    args = parser.parse_args()
    if args.worker and args.worker[0] == "barriers":
        result = work_barriers(*args.worker[1:])
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        print(json.dumps(result))
        return
    return main_barriers(args.size, args.links, args.repeat)


def main_barriers(size, links, repeat):
    print(f"machine: {os.cpu_count()} CPUs; load average before {open('/proc/loadavg').read().split()[:3]}")
    with tempfile.TemporaryDirectory(prefix="bench_parallel_barriers_") as folder:
        subprocess.run([sys.executable, str(REPO / "bench" / "barriers.py"), "--worker", "setup", "--folder", folder,
                        "--size", str(size), "--links", str(links)], check=True)
        runs = {"serial": [], "processes": [], "dask": []}
        for _ in range(repeat):
            for where in runs:
                runs[where].append(measure("barriers", folder, where))
                print(f"  {where}: {runs[where][-1]['seconds']:.2f} s, load {open('/proc/loadavg').read().split()[:3]}",
                      flush=True)
    report(runs)
    tasks = runs["serial"][0]["tasks"]
    print(f"barriers {size} x {size}, {runs['serial'][0]['links']} links, {len(tasks)} tasks (serial run): "
          f"{sum(t['cores'] for t in tasks)} cores")
    for t in tasks:
        print(f"  task of {t['cores']} core(s): {t['seconds']:.2f} s ({t['seconds'] / t['cores']:.2f} s a core), "
              f"shipped {t['shipped'] / 2**20:.1f} MB, "
              f"returned {t['returned'] / 2**20:.2f} MB")
    print(f"load average after {open('/proc/loadavg').read().split()[:3]}")


def report(runs):
    base = min(r["seconds"] for r in runs["serial"])
    serial_sum = runs["serial"][0]["checksum"]
    for where, rs in runs.items():
        best = min(r["seconds"] for r in rs)
        print(f"{where:9s}: {best:.2f} s (max {max(r['seconds'] for r in rs):.2f}), speed-up {base / best:.2f}, "
              f"peak caller {max(r['peak_mb'] for r in rs):.0f} MB, largest worker "
              f"{max(r['worker_peak_mb'] for r in rs):.0f} MB")
    for where, rs in runs.items():
        differences = [abs(r["checksum"] - serial_sum) / abs(serial_sum) for r in rs]
        print(f"{where:9s}: checksum {rs[0]['checksum']!r}, largest relative difference from the serial run "
              f"{max(differences):.1e}")


if __name__ == "__main__":
    main()
