"""Benchmark of cost distance and Linkage Pathways (never run by CI).

Usage (each measurement runs in a fresh subprocess; peak memory = its ru_maxrss):

    python bench/corridors.py costdist [--cells 10000000]
        one cost-distance surface on a random grid: ecosecurity.core.corridors.costdist vs scikit-image's
        MCP_Geometric (same rule: mean of the two costs x step length), plus a value check on a
        smaller grid. Needs scikit-image in the running interpreter (a bench venv, e.g.
        /usr/bin/python3 -m venv --system-site-packages /tmp/bench && /tmp/bench/bin/pip install
        scikit-image -c constraints.txt).
    python bench/corridors.py pathways [--size 4000] [--cores 100] [--mode truncated|circles|full]
        Linkage Pathways with 100 cores on a size x size grid (30 m cells, smoothed random
        resistance 1-100, demo settings: both adjacencies, 4 nearest neighbours, constellations).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CELL = 30.0


def _import_package():
    """Make the working tree importable as ``ecosecurity`` (as tests/conftest.py does)."""
    root = REPO / ".pkg"
    root.mkdir(exist_ok=True)
    link = root / "ecosecurity"
    if not link.exists():
        link.symlink_to(REPO, target_is_directory=True)
    sys.path.insert(0, str(root))


def resistance_grid(rows, cols, seed=0):
    """Smoothed random resistance in [1, 100] (float32) with 2 % NoData holes."""
    from scipy import ndimage
    rng = np.random.default_rng(seed)
    field = ndimage.gaussian_filter(rng.standard_normal((rows, cols)).astype(np.float32), 8)
    field = (field - field.min()) / (field.max() - field.min())
    resistance = (1.0 + 99.0 * field ** 2).astype(np.float32)
    valid = rng.random((rows, cols)) > 0.02
    return resistance, valid


def core_grid(resistance, n_cores, seed=0):
    """``n_cores`` round cores (radius 8-20 cells) on a jittered lattice."""
    rows, cols = resistance.shape
    rng = np.random.default_rng(seed + 1)
    side = int(np.ceil(np.sqrt(n_cores)))
    ids = np.zeros((rows, cols), np.int32)
    yy, xx = np.ogrid[-20:21, -20:21]
    for k in range(n_cores):
        i, j = divmod(k, side)
        r = int((i + 0.5) * rows / side + rng.uniform(-0.2, 0.2) * rows / side)
        c = int((j + 0.5) * cols / side + rng.uniform(-0.2, 0.2) * cols / side)
        radius = rng.uniform(8, 20)
        disc = xx ** 2 + yy ** 2 <= radius ** 2
        r0, c0 = max(r - 20, 0), max(c - 20, 0)
        patch = ids[r0:r + 21, c0:c + 21]
        patch[disc[: patch.shape[0], : patch.shape[1]] & (patch == 0)] = k + 1
    return ids


# ------------------------------------------------------------------ workers (fresh processes)
def work_ours(side):
    _import_package()
    from ecosecurity.core.corridors.costdist import CostGraph
    resistance, valid = resistance_grid(side, side)
    sources = np.zeros(resistance.shape, bool)
    sources[side // 2, side // 2] = True
    start = time.perf_counter()
    graph = CostGraph(resistance, CELL, valid)
    built = time.perf_counter()
    distance = graph.run(sources).distance
    done = time.perf_counter()
    return {"build_s": built - start, "run_s": done - built, "total_s": done - start,
            "max_distance": float(distance[np.isfinite(distance)].max())}


def work_skimage(side):
    from skimage.graph import MCP_Geometric
    resistance, valid = resistance_grid(side, side)
    costs = np.where(valid, resistance, np.inf).astype(np.float64)
    start = time.perf_counter()
    mcp = MCP_Geometric(costs, sampling=(CELL, CELL), fully_connected=True)
    built = time.perf_counter()
    distance, _ = mcp.find_costs([(side // 2, side // 2)])
    done = time.perf_counter()
    return {"build_s": built - start, "run_s": done - built, "total_s": done - start,
            "max_distance": float(distance[np.isfinite(distance)].max())}


def work_compare(side):
    """Largest relative difference ours vs MCP_Geometric on a random and a uniform grid."""
    _import_package()
    from ecosecurity.core.corridors.costdist import cost_distance
    from skimage.graph import MCP_Geometric
    out = {}
    for name, (resistance, valid) in {"random": resistance_grid(side, side, seed=3),
                                      "uniform": (np.ones((side, side), np.float32), np.ones((side, side), bool))
                                      }.items():
        resistance = resistance.astype(np.float64)
        sources = np.zeros(resistance.shape, bool)
        sources[side // 3, side // 4] = True
        ours = cost_distance(resistance, sources, CELL, valid)
        costs = np.where(valid, resistance, np.inf)
        theirs, _ = MCP_Geometric(costs, sampling=(CELL, CELL)).find_costs([(side // 3, side // 4)])
        finite = np.isfinite(ours) & np.isfinite(theirs)
        out[name] = {"max_rel_diff": float(np.max(np.abs(ours[finite] - theirs[finite]) / np.maximum(ours[finite], 1))),
                     "same_reach": bool(np.array_equal(np.isfinite(ours), np.isfinite(theirs)))}
    return out


def work_pathways(size, n_cores, mode):
    _import_package()
    from ecosecurity.core.corridors.linkage.pathways import PathwayOptions, estimate_pathways_memory, linkage_pathways
    resistance, valid = resistance_grid(size, size)
    ids = core_grid(resistance, n_cores)
    valid[ids > 0] = True
    options = PathwayOptions(truncate_width=100000.0, max_cost_distance=1000000.0,
                             full_mosaic=(mode != "truncated"),
                             bounding_buffer=(10000.0 if mode == "circles" else None))
    start = time.perf_counter()
    result = linkage_pathways(ids, resistance.astype(np.float64), valid, CELL, options)
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "corridors": result.corridor_count,
            "length_km": result.corridor_length / 1000.0, "links": len(result.table),
            "searched_cells": result.searched_cells,
            "estimate_gb": estimate_pathways_memory(size, size) / 2 ** 30}


WORKERS = {"ours": work_ours, "skimage": work_skimage, "compare": work_compare, "pathways": work_pathways}


def measure(worker, *args):
    """Run ``worker`` in a fresh interpreter; its result plus peak memory in MB."""
    command = [sys.executable, __file__, "--worker", worker] + [str(a) for a in args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{worker} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="?", choices=("costdist", "pathways"))
    parser.add_argument("--cells", type=int, default=10_000_000)
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--cores", type=int, default=100)
    parser.add_argument("--mode", choices=("truncated", "circles", "full"), default="truncated")
    parser.add_argument("--worker", nargs="+")
    args = parser.parse_args()
    if args.worker:
        name, *rest = args.worker
        rest = [int(x) if x.isdigit() else x for x in rest]
        result = WORKERS[name](*rest)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result["peak_mb"] = usage.ru_maxrss / 1024.0
        result["cpu_s"] = usage.ru_utime + usage.ru_stime
        print(json.dumps(result))
        return
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (shared, loaded)")
    if args.what == "costdist":
        side = int(round(np.sqrt(args.cells)))
        print(f"one cost-distance surface on {side} x {side} = {side * side:,} cells")
        ours = measure("ours", side)
        theirs = measure("skimage", side)
        for name, r in (("ecosecurity CostGraph + Dijkstra", ours), ("skimage MCP_Geometric", theirs)):
            print(f"  {name:34s} build {r['build_s']:6.1f} s  search {r['run_s']:6.1f} s  "
                  f"total {r['total_s']:6.1f} s  (process CPU {r['cpu_s']:6.1f} s)  peak {r['peak_mb']:7.0f} MB  "
                  f"max CWD {r['max_distance']:.6g}")
        print(f"  ratio (ours / skimage): time {ours['total_s'] / theirs['total_s']:.2f}, "
              f"memory {ours['peak_mb'] / theirs['peak_mb']:.2f}")
        print(f"  values on 600 x 600: {measure('compare', 600)}")
    elif args.what == "pathways":
        r = measure("pathways", args.size, args.cores, args.mode)
        print(f"Linkage Pathways, {args.cores} cores on {args.size} x {args.size} cells ({args.mode}): "
              f"{r['seconds']:.1f} s wall ({r['cpu_s']:.1f} s CPU), peak {r['peak_mb']:.0f} MB "
              f"(estimate {r['estimate_gb']:.2f} GB), "
              f"{r['links']} candidate links, {r['corridors']} corridors, {r['length_km']:.2f} km, "
              f"{r['searched_cells']:,} cells reached in step 3")
    else:
        parser.print_help()


if __name__ == "__main__":
    main()
