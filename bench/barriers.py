"""Benchmark of the Barrier Mapper (never run by CI).

Usage:

    python bench/barriers.py [--size 4000] [--links 20] [--radii 300 900 300] [--combine max|sum]
        [--percent] [--scratch DIR]

A size x size grid of 30 m cells (smoothed random resistance 1-100, 2 % NoData holes, as
bench/corridors.py makes it), cores on a jittered lattice, and ``--links`` links between lattice
neighbours. The set-up (grid, cores, and the least-cost distance of each link for the link table,
one Dijkstra per first core) runs in one subprocess and is not timed; the barrier run (3 radii by
default: 300, 600, 900 m = 10, 20, 30 cells, maximum combine, capped circles) runs in a fresh
subprocess, whose wall time and peak memory (ru_maxrss) are printed. Target (issue 14): 3 radii on
4000 x 4000 within 15 minutes on 2 cores.
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
sys.path.insert(0, str(REPO / "bench"))


def _import_package():
    root = REPO / ".pkg"
    root.mkdir(exist_ok=True)
    link = root / "ecosecurity"
    if not link.exists():
        link.symlink_to(REPO, target_is_directory=True)
    sys.path.insert(0, str(root))


def lattice_links(n_links):
    """(side, [(core_a, core_b)]): the first ``n_links`` neighbour pairs of a side x side lattice."""
    side = 2
    while 2 * side * (side - 1) < n_links:
        side += 1
    pairs = []
    for k in range(side * side):
        i, j = divmod(k, side)
        if j + 1 < side:
            pairs.append((k + 1, k + 2))
        if i + 1 < side:
            pairs.append((k + 1, k + 1 + side))
    return side, pairs[:n_links]


def setup(size, n_links, folder):
    """Write resistance.npy, valid.npy, cores.npy and links.json into ``folder``."""
    _import_package()
    from corridors import core_grid, resistance_grid
    from ecosecurity.core.corridors.costdist import CostGraph
    side, pairs = lattice_links(n_links)
    resistance, valid = resistance_grid(size, size)
    cores = core_grid(resistance, side * side)
    valid |= cores > 0
    graph = CostGraph(resistance, CELL, valid)
    rows = []
    for a in sorted({p[0] for p in pairs}):
        distance = graph.run(cores == a).distance
        for p, q in pairs:
            if p == a:
                lcd = float(distance[cores == q].min())
                rows.append(dict(link_id=len(rows) + 1, core1=p, core2=q, link_type=1, cw_dist=lcd))
    np.save(os.path.join(folder, "resistance.npy"), resistance)
    np.save(os.path.join(folder, "valid.npy"), valid)
    np.save(os.path.join(folder, "cores.npy"), cores)
    with open(os.path.join(folder, "links.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f)


def work(folder, radii, combine, percent, scratch):
    """The timed barrier run; prints a JSON line."""
    _import_package()
    from ecosecurity.core.keyareas.barrier_scores import MAXIMUM, SUM
    from ecosecurity.core.keyareas.barriers import BarrierOptions, barrier_scores, estimate_barriers_memory
    resistance = np.load(os.path.join(folder, "resistance.npy"))
    valid = np.load(os.path.join(folder, "valid.npy"))
    cores = np.load(os.path.join(folder, "cores.npy"))
    with open(os.path.join(folder, "links.json"), encoding="utf-8") as f:
        rows = json.load(f)
    options = BarrierOptions(radii[0], radii[1], radii[2], SUM if combine == "sum" else MAXIMUM, percent)
    start = time.perf_counter()
    result = barrier_scores(cores, resistance, valid, CELL, rows, options, scratch=scratch)
    seconds = time.perf_counter() - start
    centres = result.combined.centres
    print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "estimate_mb": estimate_barriers_memory(*resistance.shape, percent) / 2**20,
                      "radii": result.radii, "links": len(result.links),
                      "max_score": float(np.nanmax(centres)) if np.isfinite(centres).any() else None,
                      "scored_cells": int(np.count_nonzero(centres > 0))}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--links", type=int, default=20)
    parser.add_argument("--radii", type=float, nargs=3, default=(300.0, 900.0, 300.0), metavar=("MIN", "MAX", "STEP"))
    parser.add_argument("--combine", choices=("max", "sum"), default="max")
    parser.add_argument("--percent", action="store_true")
    parser.add_argument("--scratch", default=None, help="folder for the per-core focal minima (system temp)")
    parser.add_argument("--worker", choices=("setup", "work"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "setup":
        return setup(args.size, args.links, args.folder)
    if args.worker == "work":
        return work(args.folder, args.radii, args.combine, args.percent, args.scratch)
    with tempfile.TemporaryDirectory(prefix="bench_barriers_") as folder:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--worker", "setup", "--folder", folder, "--size", str(args.size),
                        "--links", str(args.links)], check=True)
        print(f"set-up (grid, cores, link table): {time.perf_counter() - t0:.1f} s")
        command = [sys.executable, __file__, "--worker", "work", "--folder", folder, "--combine", args.combine,
                   "--radii", *map(str, args.radii)]
        if args.percent:
            command.append("--percent")
        if args.scratch:
            command += ["--scratch", args.scratch]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        figures = json.loads(out)
        print(f"barriers {args.size} x {args.size} ({args.size ** 2 / 1e6:.1f} M cells), {figures['links']} links, "
              f"radii {figures['radii']} m, {args.combine}: {figures['seconds']:.1f} s, peak {figures['peak_mb']:.0f} MB "
              f"(estimate {figures['estimate_mb']:.0f} MB); max score {figures['max_score']}, "
              f"{figures['scored_cells']} cells > 0")


if __name__ == "__main__":
    main()
