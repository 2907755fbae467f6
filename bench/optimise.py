"""Benchmark: the planning-unit optimiser (``core/priority/optimise.py``), HiGHS against CBC.

    python bench/optimise.py [--units 40000] [--boundary-units 10000] [--gap 0.01] [--repeat 3]

Problems (seeded): a square grid of one-cell planning units (cell 100 m, so a unit is 1 ha) split
into 3 smooth "spaces"; amounts per unit are the unit's area in each space (3 space-area columns)
and 3 smooth non-negative random features (about 30 % zeros); every target is 30 % of its column's
total; cost is smooth noise in [0.5, 1.5]. Minimum set (``min_cost``) at a 1 % gap:

* ``--units`` units without a boundary penalty;
* ``--boundary-units`` units with a boundary penalty of ``--penalty`` (default 0.05) per 100 m of
  outer boundary (a lone unit's perimeter then costs 0.2, a fifth of a mean unit cost), ≈ 2 × units
  edge variables. The penalty sets the difficulty: at 0.25 (perimeter ≈ unit cost) the 10,000-unit
  problem took HiGHS 268 s and CBC 113 s here.

Each measurement is one ``solve`` call in a fresh subprocess (model build, solve, peak RSS from
``getrusage``; CBC's own process is a child, so its memory is reported as ``ru_maxrss`` of the
children). HiGHS and CBC alternate; the minimum over ``--repeat`` runs is reported, and the ratio
HiGHS / CBC of the minima (the peer is CBC through PuLP 3.3, as in the spec's §5.2 table).
"""
import argparse
import json
import math
import os
import resource
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CELL = 100.0


def problem(units, penalty, seed=20261204):
    """The seeded :class:`UnitProblem` on a √units × √units grid."""
    from ecosecurity.core.priority.optimise import UnitProblem
    from ecosecurity.core.priority.planning_units import planning_units, unit_adjacency
    from scipy.ndimage import gaussian_filter
    side = math.isqrt(units)
    rng = np.random.default_rng(seed)

    def smooth(sigma):
        field = gaussian_filter(rng.standard_normal((side, side)), sigma)
        return (field - field.mean()) / field.std()

    unit_of_cell, n = planning_units((side, side), 1)
    zone = smooth(side / 10.0)
    space = np.digitize(zone, np.quantile(zone, [1 / 3, 2 / 3])).ravel()
    area = CELL * CELL / 1e4
    columns = [np.where(space == k, area, 0.0) for k in range(3)]
    for j in range(3):
        value = smooth(2.0 + 3.0 * j) + 0.5 * rng.standard_normal((side, side))
        columns.append(np.maximum(value - np.quantile(value, 0.3), 0.0).ravel())
    amounts = np.column_stack(columns)
    cost = np.clip(1.0 + 0.3 * smooth(3.0) + 0.1 * rng.standard_normal((side, side)), 0.5, 1.5).ravel()
    result = UnitProblem(cost=cost, amounts=amounts, targets=0.3 * amounts.sum(axis=0), penalty=penalty)
    if penalty > 0:
        h, l, length, exposed = unit_adjacency(unit_of_cell, n, CELL)
        result.edges = (h, l, length / 100.0)
        result.exposed = exposed / 100.0
    return result


def child(args):
    """One measurement in this (fresh) process; prints a JSON row."""
    sys.path.insert(0, os.path.join(ROOT, ".pkg"))
    from ecosecurity.core.priority.optimise import solve
    data = problem(args.units, args.penalty)
    solution = solve(data, "min_cost", args.solver, gap=args.gap, time_limit=args.time_limit, seed=0)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    edges = 0 if data.edges is None else len(data.edges[0])
    print(json.dumps({
        "solver": solution.solver, "units": data.cost.size, "edges": edges, "penalty": args.penalty,
        "status": solution.status, "objective": round(solution.objective, 4), "gap": round(solution.gap, 5),
        "seconds": round(solution.seconds, 2), "build_seconds": round(solution.build_seconds, 2),
        "solve_seconds": round(solution.seconds - solution.build_seconds, 2),
        "selected": int(solution.selected.sum()), "peak_rss_mb": round(own), "cbc_process_peak_rss_mb": round(children)}))


def measure(args, solver, units, penalty):
    command = [sys.executable, os.path.abspath(__file__), "--child", "--solver", solver, "--units", str(units),
               "--penalty", str(penalty), "--gap", str(args.gap), "--time-limit", str(args.time_limit)]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    if out.returncode:
        sys.stderr.write(out.stderr)
        sys.exit(out.returncode)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=40_000)
    parser.add_argument("--boundary-units", type=int, default=10_000)
    parser.add_argument("--penalty", type=float, default=0.05, help="boundary penalty per 100 m")
    parser.add_argument("--gap", type=float, default=0.01)
    parser.add_argument("--time-limit", type=float, default=300.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--solver", default="highs", help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    cases = [(args.units, 0.0), (args.boundary_units, args.penalty)]
    rows = {(solver, case): [] for case in cases for solver in ("highs", "cbc")}
    for _ in range(args.repeat):
        for case in cases:
            for solver in ("highs", "cbc"):
                rows[solver, case].append(measure(args, solver, *case))
                print(json.dumps(rows[solver, case][-1]), flush=True)
    for case in cases:
        best = {solver: min(rows[solver, case], key=lambda row: row["seconds"]) for solver in ("highs", "cbc")}
        print(json.dumps({"summary": f"{case[0]} units, penalty {case[1]}",
                          "highs": {k: best["highs"][k] for k in ("seconds", "build_seconds", "solve_seconds",
                                                                   "objective", "gap", "peak_rss_mb")},
                          "cbc": {k: best["cbc"][k] for k in ("seconds", "build_seconds", "solve_seconds", "objective",
                                                               "gap", "peak_rss_mb", "cbc_process_peak_rss_mb")},
                          "time_ratio_highs_over_cbc": round(best["highs"]["seconds"] / best["cbc"]["seconds"], 2),
                          "max_seconds": {s: max(r["seconds"] for r in rows[s, case]) for s in ("highs", "cbc")}}))


if __name__ == "__main__":
    main()
