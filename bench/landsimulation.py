"""Benchmark: FLUS-style land-use simulation (``ecosecurity:landsimulation``'s core) to a 5 % change.

    python bench/landsimulation.py [--cells 1000000] [--classes 9] [--change 0.05] [--dir /tmp/bench-landsim]

Generates (once, kept in ``--dir``) the deterministic test landscape of
``core/landuse/synthetic.py`` with ``--classes`` classes on √cells × √cells cells — start map, a
later map changed by a known process (urban growth near roads, cropland loss, forest restoration;
``--change`` of the cells), a restricted disc and three drivers — then runs, in a fresh subprocess
(time and peak RSS from ``getrusage``), the whole simulation from the files: checks, stratified
sample and MLP training, probabilities, the automaton until every demand is met, the simulated map,
the iteration table and the validation against the later map. Reports the stated memory estimate
(``estimate_simulation_memory``, checked before reading), the peak RSS, the time per phase, the
automaton's iterations per second, whether every demand was met and OA / Kappa / FoM against a
random allocation of the same demand. The target: 10⁷ cells, 9 classes, 5 % change in under
10 minutes on 2 cores.
"""
import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def child(args):
    sys.path.insert(0, os.path.join(ROOT, ".pkg"))
    import numpy as np
    from ecosecurity.core.io.raster import read_raster
    from ecosecurity.core.landuse import ca
    from ecosecurity.core.landuse.land_simulation import SimulationOptions, estimate_simulation_memory, \
        simulate_land_use
    from ecosecurity.core.runtime.memory import check_memory
    from ecosecurity.core.runtime.progress import Progress
    folder = args.dir
    paths = json.load(open(os.path.join(folder, "paths.json")))
    estimate = estimate_simulation_memory(paths["start"], paths["drivers"])
    check_memory(estimate, "landsimulation bench")
    later = read_raster(paths["later"]).array
    demand = ",".join(str(int(v)) for v in np.bincount(later.ravel(), minlength=args.classes + 1)[1:])
    del later
    marks = {}

    def report(percent, message):
        if percent >= 30 and "automaton" not in marks:
            marks["automaton"] = time.time()
        if percent >= 95 and "write" not in marks:
            marks["write"] = time.time()
    started = time.time()
    result = simulate_land_use(
        paths["start"], paths["drivers"], SimulationOptions(demand=demand, seed=1, max_iterations=args.max_iterations),
        restricted=paths["restricted"], observed=paths["later"], output=os.path.join(folder, "simulated.tif"),
        iterations_output=os.path.join(folder, "iterations.csv"), progress=Progress(report))
    ended = time.time()
    automaton = marks.get("write", ended) - marks.get("automaton", started)
    v, r = result.validation, result.random_validation
    print(json.dumps({
        "seconds": ended - started, "automaton_seconds": automaton,
        "probability_seconds": marks.get("automaton", started) - started,
        "iterations": result.iteration_count, "iterations_per_second": result.iteration_count / max(automaton, 1e-9),
        "met": result.met, "max_gap": result.max_gap, "changed": result.changed_cells,
        "estimate_mb": estimate / 2 ** 20,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "oa": v.oa, "kappa": v.kappa, "fom": v.fom, "random_oa": r.oa, "random_kappa": r.kappa, "random_fom": r.fom,
        "chunk": ca.CHUNK}))


def generate(args):
    sys.path.insert(0, os.path.join(ROOT, ".pkg"))
    from ecosecurity.core.landuse.synthetic import write_change_landscape
    size = int(round(math.sqrt(args.cells)))
    marker = os.path.join(args.dir, "paths.json")
    if os.path.exists(marker) and json.load(open(marker)).get("size") == size:
        return
    started = time.time()
    paths = write_change_landscape(args.dir, size, seed=7, n_classes=args.classes, change=args.change)
    paths["size"] = size
    json.dump(paths, open(marker, "w"))
    print(f"generated {size} x {size} cells, {args.classes} classes in {time.time() - started:.1f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=1_000_000)
    parser.add_argument("--classes", type=int, default=9)
    parser.add_argument("--change", type=float, default=0.05)
    parser.add_argument("--max-iterations", type=int, default=1000)
    parser.add_argument("--dir", default=None)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.dir = args.dir or f"/tmp/bench-landsim-{args.cells}-{args.classes}"
    if args.child:
        child(args)
        return
    os.makedirs(args.dir, exist_ok=True)
    generate(args)
    command = [sys.executable, os.path.abspath(__file__), "--child", "--cells", str(args.cells), "--classes",
               str(args.classes), "--change", str(args.change), "--max-iterations", str(args.max_iterations),
               "--dir", args.dir]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    if out.returncode:
        sys.stderr.write(out.stderr)
        sys.exit(out.returncode)
    row = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{args.cells:,} cells, {args.classes} classes, {100 * args.change:g} % change")
    print(f"  total {row['seconds']:.1f} s (probabilities {row['probability_seconds']:.1f} s, automaton "
          f"{row['automaton_seconds']:.1f} s), {row['iterations']} iterations, "
          f"{row['iterations_per_second']:.2f} iterations/s")
    print(f"  demand met: {row['met']} (largest gap {row['max_gap']} cells), {row['changed']:,} cells changed")
    print(f"  memory: estimate {row['estimate_mb']:.0f} MB, peak RSS {row['peak_rss_mb']:.0f} MB")
    print(f"  OA {row['oa']:.4f} Kappa {row['kappa']:.4f} FoM {row['fom']:.4f}  |  random allocation: "
          f"OA {row['random_oa']:.4f} Kappa {row['random_kappa']:.4f} FoM {row['random_fom']:.4f}")


if __name__ == "__main__":
    main()
