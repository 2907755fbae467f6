"""Benchmark of pinch points (Linkage Mapper's Pinchpoint Mapper, adjacent pairs; never run by CI).

Usage (each step runs in a fresh subprocess; peak memory = its ru_maxrss):

    python bench/pinchpoints.py [--size 4000] [--links 50] [--cores N] [--cutoff 20000] [--mode 0]

The landscape is bench/corridors.py's: a size x size grid of 30 m cells, smoothed random resistance
1-100 with 2 % NoData holes, round cores on a jittered lattice (N cores, default 0.8 x links).
Step 1 (not timed against the target) runs Linkage Pathways with the demo settings (both
adjacencies, 4 nearest neighbours, constellations, maximum cost distance 1 000 000; only the
corridors truncated at the cutoff, the fast exact mode) and keeps the
first ``--links`` active links of its link table. Step 2 times ``pinch_points`` on that table:
one cost-distance search per core, one circuit per link on its corridor window.
Target (issue 14): 50 links on 4000 x 4000 within 15 minutes on 2 cores.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CELL = 30.0


def _import_package():
    """Make the working tree importable as ``ecosecurity`` and bench/corridors.py as ``bench_corridors``."""
    root = REPO / ".pkg"
    root.mkdir(exist_ok=True)
    link = root / "ecosecurity"
    if not link.exists():
        link.symlink_to(REPO, target_is_directory=True)
    sys.path.insert(0, str(root))
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_corridors", REPO / "bench" / "corridors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def landscape(size, n_cores):
    bench = _import_package()
    resistance, valid = bench.resistance_grid(size, size)
    ids = bench.core_grid(resistance, n_cores)
    valid[ids > 0] = True
    return ids, resistance.astype(np.float64), valid


def work_table(size, n_cores, n_links, cutoff, path):
    """Linkage Pathways; writes the link table with only the first ``n_links`` active links kept."""
    ids, resistance, valid = landscape(size, n_cores)
    from ecosecurity.core.corridors.linkage.pathways import PathwayOptions, linkage_pathways
    from ecosecurity.core.corridors.linkage.run import link_records
    start = time.perf_counter()
    options = PathwayOptions(max_cost_distance=1000000.0, truncate_width=cutoff, full_mosaic=False)
    result = linkage_pathways(ids, resistance, valid, CELL, options)
    seconds = time.perf_counter() - start
    rows = link_records(result)
    kept = 0
    for row in rows:
        if row["link_type"] >= 1:
            kept += 1
            if kept > n_links:
                row["link_type"] = -1
    Path(path).write_text(json.dumps(rows), encoding="utf-8")
    return {"seconds": seconds, "links": len(rows), "active": min(kept, n_links), "active_available": kept}


def work_pinch(size, n_cores, cutoff, mode, path):
    ids, resistance, valid = landscape(size, n_cores)
    from ecosecurity.core.keyareas.pinchpoints import estimate_pinchpoints_memory, pinch_points
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    start = time.perf_counter()
    result = pinch_points(ids, resistance, valid, CELL, rows, float(cutoff), int(mode))
    seconds = time.perf_counter() - start
    current = result.current
    windows = np.array(result.window_cells or [0])
    return {"seconds": seconds, "links": len(result.links), "solves": result.solves,
            "cores": int(len(np.unique(ids[ids > 0]))),
            "corridor_cells": int(np.count_nonzero(np.isfinite(current))),
            "largest_window": int(windows.max()), "median_window": int(np.median(windows)),
            "estimate_gb": estimate_pinchpoints_memory(size, size) / 2 ** 30}


WORKERS = {"table": work_table, "pinch": work_pinch}


def measure(worker, *args):
    """Run ``worker`` in a fresh interpreter; its result plus peak memory in MB."""
    command = [sys.executable, __file__, "--worker", worker] + [str(a) for a in args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{worker} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _number(text):
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=4000, help="grid side in cells (default 4000)")
    parser.add_argument("--links", type=int, default=50, help="active links to solve (default 50)")
    parser.add_argument("--cores", type=int, default=None, help="number of cores (default 0.8 x links, >= 3)")
    parser.add_argument("--cutoff", type=float, default=20000.0, help="CWD cutoff in cost units (default 20000)")
    parser.add_argument("--mode", type=int, default=0, choices=(0, 1, 2), help="0 adjacent pairs, 1 all pairs, "
                                                                                "2 all to one")
    parser.add_argument("--worker", nargs="+")
    args = parser.parse_args()
    if args.worker:
        name, *rest = args.worker
        result = WORKERS[name](*[_number(x) for x in rest])
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result["peak_mb"] = usage.ru_maxrss / 1024.0
        result["cpu_s"] = usage.ru_utime + usage.ru_stime
        print(json.dumps(result))
        return
    cores = args.cores or max(3, int(round(0.8 * args.links)))
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (shared)")
    with tempfile.TemporaryDirectory(prefix="bench_pinch_") as folder:
        table = os.path.join(folder, "links.json")
        t = measure("table", args.size, cores, args.links, args.cutoff, table)
        print(f"link table (Linkage Pathways, {cores} cores on {args.size} x {args.size}): {t['seconds']:.1f} s, "
              f"peak {t['peak_mb']:.0f} MB; {t['links']} candidate links, {t['active_available']} active, "
              f"{t['active']} kept")
        r = measure("pinch", args.size, cores, args.cutoff, args.mode, table)
    print(f"pinch points (mode {args.mode}, cutoff {args.cutoff:g}): {r['links']} links on {args.size} x {args.size} "
          f"cells, {r['cores']} cores: {r['seconds']:.1f} s wall ({r['cpu_s']:.1f} s CPU), peak {r['peak_mb']:.0f} MB "
          f"(estimate before the circuits {r['estimate_gb']:.2f} GB); {r['solves']} circuit solves, corridor cells "
          f"{r['corridor_cells']:,}, circuit windows: largest {r['largest_window']:,} cells, median "
          f"{r['median_window']:,}")


if __name__ == "__main__":
    main()
