"""Benchmark of cost distance and Linkage Pathways (never run by CI).

Usage (each measurement runs in a fresh subprocess; peak memory = its ru_maxrss):

    python bench/corridors.py costdist [--cells 10000000] [--maze-side 1024] [--repeats 3]
                                       [--cases smooth,serpentine,spiral,noise]
        one cost-distance surface on a smoothed random grid: ecosecurity.core.corridors.costdist vs
        scikit-image's MCP_Geometric (same rule: mean of the two costs x step length); then a
        serpentine maze, a square spiral and uncorrelated noise (--maze-side x --maze-side, e.g.
        3162 for 10^7 cells) where sweeps do not converge quickly, each with the sweep alone, the
        default (maze probe, sweep, Dijkstra fallback), Dijkstra alone and MCP_Geometric (the sweep
        alone once: it is slow there); plus a value check on a 1024 x 1024 grid. Each side is run --repeats times, alternating, and the minimum is reported. Needs
        scikit-image in the running interpreter (a bench venv, e.g. /usr/bin/python3 -m venv
        --system-site-packages /tmp/bench && /tmp/bench/bin/pip install scikit-image -c
        constraints.txt).
    python bench/corridors.py pathways [--size 4000] [--cores 100] [--mode truncated|circles|full]
                                       [--workers 1]
        Linkage Pathways with 100 cores on a size x size grid (30 m cells, smoothed random
        resistance 1-100, demo settings: both adjacencies, 4 nearest neighbours, constellations);
        --workers > 1: the step-3 searches on that many processes (peak memory: the calling
        process and, separately, the largest worker).
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


def serpentine_grid(side):
    """Uniform resistance with NoData walls every 4 columns, open 2 cells at the bottom and the top
    in turn: the path from the left edge snakes up and down through every corridor."""
    valid = np.ones((side, side), bool)
    for k, c in enumerate(range(4, side - 1, 4)):
        valid[:, c] = False
        valid[(slice(-2, None) if k % 2 == 0 else slice(0, 2)), c] = True
    return np.ones((side, side), np.float32), valid


def spiral_grid(side):
    """Uniform resistance with a square spiral wall (corridor 3 cells wide) wound from the centre."""
    valid = np.ones((side, side), bool)
    r = c = side // 2
    moves = ((0, 1), (1, 0), (0, -1), (-1, 0))
    length, k = 4, 0
    while True:
        dr, dc = moves[k % 4]
        for _ in range(length):
            if not (0 <= r < side and 0 <= c < side):
                return np.ones((side, side), np.float32), valid
            valid[r, c] = False
            r, c = r + dr, c + dc
        k += 1
        if k % 2 == 0:
            length += 4


def noise_grid(side, seed=0):
    """Uncorrelated uniform resistance in [1, 100], no NoData: least-cost paths turn at every cell."""
    rng = np.random.default_rng(seed)
    return rng.uniform(1.0, 100.0, (side, side)).astype(np.float32), np.ones((side, side), bool)


CASES = {"smooth": lambda side: resistance_grid(side, side), "serpentine": serpentine_grid, "spiral": spiral_grid,
         "noise": noise_grid}


def case_source(case, side, valid):
    """The source cell: the centre, the middle of the left edge for the maze, and a free cell next
    to the centre for the spiral."""
    if case == "serpentine":
        return side // 2, 1
    r, c = side // 2, side // 2
    if not valid[r, c]:
        rows, cols = np.nonzero(valid)
        k = int(np.argmin(np.abs(rows - r) + np.abs(cols - c)))
        r, c = int(rows[k]), int(cols[k])
    return r, c


# ------------------------------------------------------------------ workers (fresh processes)
def work_ours(side, case="smooth", engine="auto"):
    """``engine``: auto (the default: sweep, Dijkstra when the sweep gives up), sweep (no budget,
    no maze test) or dijkstra (no sweep)."""
    _import_package()
    from ecosecurity.core.corridors import costdist
    if engine == "sweep":
        from ecosecurity.core.corridors import sweep_probe
        costdist.SWEEP_BUDGET = sweep_probe.MAZE_SHARE = float("inf")
    elif engine == "dijkstra":
        costdist.SWEEP_MIN_CELLS = float("inf")
    resistance, valid = CASES[case](side)
    sources = np.zeros(resistance.shape, bool)
    sources[case_source(case, side, valid)] = True
    start = time.perf_counter()
    graph = costdist.CostGraph(resistance, CELL, valid)
    built = time.perf_counter()
    distance = graph.run(sources).distance
    done = time.perf_counter()
    return {"build_s": built - start, "run_s": done - built, "total_s": done - start,
            "swept": graph._sweep is not None, "max_distance": float(distance[np.isfinite(distance)].max())}


def work_skimage(side, case="smooth"):
    from skimage.graph import MCP_Geometric
    resistance, valid = CASES[case](side)
    costs = np.where(valid, resistance, np.inf).astype(np.float64)
    start = time.perf_counter()
    mcp = MCP_Geometric(costs, sampling=(CELL, CELL), fully_connected=True)
    built = time.perf_counter()
    distance, _ = mcp.find_costs([case_source(case, side, valid)])
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


def work_pathways(size, n_cores, mode, workers=1):
    _import_package()
    from ecosecurity.core.corridors.linkage.pathways import (
        PathwayOptions,
        estimate_pathways_memory,
        linkage_pathways,
    )
    resistance, valid = resistance_grid(size, size)
    ids = core_grid(resistance, n_cores)
    valid[ids > 0] = True
    options = PathwayOptions(truncate_width=100000.0, max_cost_distance=1000000.0,
                             full_mosaic=(mode != "truncated"),
                             bounding_buffer=(10000.0 if mode == "circles" else None))
    start = time.perf_counter()
    result = linkage_pathways(ids, resistance.astype(np.float64), valid, CELL, options, workers=workers)
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0, "corridors": result.corridor_count,
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
    parser.add_argument("--maze-side", type=int, default=1024)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cases", default="smooth,serpentine,spiral,noise", help="costdist cases, comma separated")
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--cores", type=int, default=100)
    parser.add_argument("--mode", choices=("truncated", "circles", "full"), default="truncated")
    parser.add_argument("--workers", type=int, default=1, help="pathways: processes for the step-3 searches")
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
        side = round(np.sqrt(args.cells))
        runs = [("smooth", side, [("ours", "ecosecurity (default)", ("auto",)), ("skimage", "skimage MCP_Geometric", ())])]
        for case in ("serpentine", "spiral", "noise"):
            runs.append((case, args.maze_side, [
                ("ours", "ecosecurity sweep alone", ("sweep",)),
                ("ours", "ecosecurity default (fallback)", ("auto",)),
                ("ours", "ecosecurity Dijkstra alone", ("dijkstra",)),
                ("skimage", "skimage MCP_Geometric", ())]))
        for case, n, sides in [run for run in runs if run[0] in args.cases.split(",")]:
            print(f"{case}: one cost-distance surface on {n} x {n} = {n * n:,} cells, "
                  f"best of {args.repeats} alternating runs")
            best = {}
            for repeat in range(args.repeats):
                for worker, name, extra in sides:
                    if repeat and extra == ("sweep",):
                        continue
                    r = measure(worker, n, case, *extra)
                    if name not in best or r["total_s"] < best[name]["total_s"]:
                        best[name] = dict(r, peak_mb=min(r["peak_mb"], best.get(name, r)["peak_mb"]))
                    else:
                        best[name]["peak_mb"] = min(best[name]["peak_mb"], r["peak_mb"])
            peer = best["skimage MCP_Geometric"]
            for name, r in best.items():
                swept = {True: " (swept)", False: " (Dijkstra)"}.get(r.get("swept"), "")
                print(f"  {name + swept:44s} build {r['build_s']:6.2f} s  search {r['run_s']:6.2f} s  "
                      f"total {r['total_s']:6.2f} s  peak {r['peak_mb']:6.0f} MB  "
                      f"ratio to skimage: time {r['total_s'] / peer['total_s']:.2f}, "
                      f"memory {r['peak_mb'] / peer['peak_mb']:.2f}  max CWD {r['max_distance']:.6g}")
        print(f"  values on 1024 x 1024 (swept) against MCP_Geometric: {measure('compare', 1024)}")
    elif args.what == "pathways":
        r = measure("pathways", args.size, args.cores, args.mode, args.workers)
        workers = f", largest worker {r['worker_peak_mb']:.0f} MB" if args.workers > 1 else ""
        print(f"Linkage Pathways, {args.cores} cores on {args.size} x {args.size} cells ({args.mode}, "
              f"{args.workers} worker(s)): {r['seconds']:.1f} s wall ({r['cpu_s']:.1f} s CPU in the caller), "
              f"peak {r['peak_mb']:.0f} MB{workers} "
              f"(estimate {r['estimate_gb']:.2f} GB), "
              f"{r['links']} candidate links, {r['corridors']} corridors, {r['length_km']:.2f} km, "
              f"{r['searched_cells']:,} cells reached in step 3")
    else:
        parser.print_help()


if __name__ == "__main__":
    main()
