"""Benchmark of ``core/connectivity`` (IIC + PC and every node's dIIC/dPC) against its peers.

Peers, measured in the same run, each measurement in a fresh subprocess (time of the index and
importance computation only; peak RSS of the whole process):

* ``landschaft`` 1.52.0 (PyPI, GPL-3, C++; ``HabitatGraph(..., convention="conefor")
  .node_importance(["IIC", "PC"])``) — install it in a separate venv, never in the project's:
  ``/usr/bin/python3 -m venv --system-site-packages /tmp/bench-conn &&
  /tmp/bench-conn/bin/pip install landschaft==1.52.0 -c constraints.txt``, then run this script
  with that venv's python (``--peer-python`` defaults to ``/tmp/bench-conn/bin/python``).
* ``naive``: the definition run literally — all-pairs shortest paths (scipy Floyd–Warshall)
  recomputed after each node removal.

Cases: the 404 real patches of Makurhini's example with centroid distances over all pairs at
5 km and 10 km (P = 0.5); squares of the same areas at the same centres with edge-to-edge
distances over all pairs (stepping stones everywhere); 10 000 random patches linked up to 5 km
(sparse: many components) and, with ``--large``, a denser 10 000-patch layout whose largest
component has 1 224 patches.

Each implementation runs ``--repeat`` times, alternating with the others case by case (the
machine is shared; ``naive`` runs once); the table shows the minimum time and the largest peak
memory.

Usage: ``.venv/bin/python bench/connectivity.py [--large] [--repeat N] [--cases NAME ...]
[--peer-python PATH]``
"""
import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.environ.get("ECOSECURITY_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
MAKURHINI = os.path.join(SHARED, "reference", "connectivity", "makurhini_habitat_nodes", "habitat_nodes_centroids.csv")
PROBABILITY = 0.5


# ----------------------------------------------------------------------------- inputs
def makurhini_points():
    import numpy as np
    with open(MAKURHINI) as handle:
        rows = list(csv.DictReader(handle))
    area = np.array([float(r["area_m2"]) for r in rows])
    return np.array([float(r["cx"]) for r in rows]), np.array([float(r["cy"]) for r in rows]), area


def case_input(case):
    """``(attribute, i, j, distance, threshold)`` of a case (node indices 0..n-1, pairs i < j)."""
    import numpy as np
    sys.path.insert(0, os.path.join(REPO, ".pkg"))
    from ecosecurity.core.sources.connectivity.distances import centroid_distances, edge_distances
    if case.startswith("makurhini404-centroid"):
        x, y, area = makurhini_points()
        i, j, d = centroid_distances(x, y)
        return area, i, j, d, 5000.0 if case.endswith("5km") else 10000.0
    if case == "squares404-edge-to-edge":
        from osgeo import ogr
        x, y, area = makurhini_points()
        half = np.sqrt(area) / 2.0
        geometries = [ogr.CreateGeometryFromWkt(
            f"POLYGON(({a - h} {b - h},{a + h} {b - h},{a + h} {b + h},{a - h} {b + h},{a - h} {b - h}))")
            for a, b, h in zip(x, y, half)]
        i, j, d = edge_distances(geometries)
        return area / 10000.0, i, j, d, 5000.0
    side = {"random10k-sparse": 550000.0, "random10k-near-critical": 450000.0}[case]
    rng = np.random.default_rng(1)
    x, y = rng.random(10000) * side, rng.random(10000) * side
    area = np.exp(rng.normal(3.0, 1.2, 10000))
    i, j, d = centroid_distances(x, y, max_distance=5000.0)
    return area, i, j, d, 5000.0


# ----------------------------------------------------------------------------- runners
def run_ours(case):
    sys.path.insert(0, os.path.join(REPO, ".pkg"))
    import numpy as np
    from ecosecurity.core.sources.connectivity.indices import connectivity_indices
    from ecosecurity.core.sources.connectivity.network import habitat_network
    area, i, j, d, threshold = case_input(case)
    ids = np.arange(1, area.size + 1)
    network = habitat_network(ids, area, ids[i], ids[j], d, all_pairs=not case.startswith("random"))
    start = time.perf_counter()
    result = connectivity_indices(network, threshold, PROBABILITY)
    seconds = time.perf_counter() - start
    return seconds, float(result.overall_value("PCnum")), float(np.max(result.nodes["dPC"]))


def run_landschaft(case):
    import landschaft
    import numpy as np
    area, i, j, d, threshold = case_input(case)
    table = np.column_stack([i + 1, j + 1, d])
    start = time.perf_counter()
    graph = landschaft.HabitatGraph(area, table, kind="distance", convention="conefor")
    importance = graph.node_importance(["IIC", "PC"], distance=threshold, probability=PROBABILITY)
    seconds = time.perf_counter() - start
    overall = graph.overall(["PC"], distance=threshold, probability=PROBABILITY)
    pc_num = float(overall["PCnum"].iloc[0]) if "PCnum" in overall else float("nan")
    return seconds, pc_num, float(importance["dPC"].max())


def run_naive(case):
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import shortest_path
    area, i, j, d, threshold = case_input(case)
    n, rate = area.size, np.log(1.0 / PROBABILITY) / threshold

    def pc_num(keep):
        index = np.flatnonzero(keep)
        position = np.full(n, -1)
        position[index] = np.arange(index.size)
        use = keep[i] & keep[j]
        graph = csr_matrix((rate * d[use], (position[i[use]], position[j[use]])), shape=(index.size, index.size))
        p_star = np.exp(-shortest_path(graph, method="FW", directed=False))
        return area[index] @ p_star @ area[index]

    start = time.perf_counter()
    total = pc_num(np.ones(n, dtype=bool))
    dpc = [100.0 * (total - pc_num(np.arange(n) != k)) / total for k in range(n)]
    seconds = time.perf_counter() - start
    return seconds, float(total), float(max(dpc))


RUNNERS = {"ours": run_ours, "landschaft": run_landschaft, "naive": run_naive}


def measure(case, implementation, python):
    """Run one measurement in a fresh interpreter; ``None`` when it fails or times out."""
    command = [python, os.path.abspath(__file__), "--one", case, implementation]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    except subprocess.TimeoutExpired:
        return {"error": "timeout (30 min)"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--one", nargs=2, metavar=("CASE", "IMPLEMENTATION"), help=argparse.SUPPRESS)
    parser.add_argument("--large", action="store_true", help="add the 10 000-patch near-critical case (minutes)")
    parser.add_argument("--peer-python", default="/tmp/bench-conn/bin/python")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each implementation (minimum shown)")
    parser.add_argument("--cases", nargs="+", help="only these cases")
    args = parser.parse_args()
    if args.one:
        seconds, pc_num, max_dpc = RUNNERS[args.one[1]](args.one[0])
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "PCnum": pc_num, "max_dPC": max_dpc}))
        return
    plan = [("makurhini404-centroid-5km", ["ours", "landschaft", "naive"]),
            ("makurhini404-centroid-10km", ["ours", "landschaft"]),
            ("squares404-edge-to-edge", ["ours", "landschaft"]),
            ("random10k-sparse", ["ours", "landschaft"])]
    if args.large or (args.cases and "random10k-near-critical" in args.cases):
        plan.append(("random10k-near-critical", ["ours", "landschaft"]))
    if args.cases:
        plan = [(case, implementations) for case, implementations in plan if case in args.cases]
    ours_python = sys.executable
    print(f"{'case':28s} {'implementation':12s} {'seconds':>9s} {'peak MB':>8s} {'ratio':>7s}  PCnum / max dPC")
    for case, implementations in plan:
        runnable = []
        for implementation in implementations:
            python = args.peer_python if implementation == "landschaft" else ours_python
            if implementation == "landschaft" and not os.path.exists(python):
                print(f"{case:28s} {implementation:12s} skipped: no {python}")
            else:
                runnable.append((implementation, python))
        runs = {implementation: [] for implementation, _ in runnable}
        for _ in range(max(1, args.repeat)):  # alternate, so that load from other jobs hits both
            for implementation, python in runnable:
                if implementation != "naive" or not runs[implementation]:  # the slow reference: once
                    runs[implementation].append(measure(case, implementation, python))
        baseline = None
        for implementation, _ in runnable:
            failed = [r for r in runs[implementation] if "error" in r]
            if failed:
                print(f"{case:28s} {implementation:12s} {failed[0]['error']}")
                continue
            figures = min(runs[implementation], key=lambda r: r["seconds"])
            peak_mb = max(r["peak_mb"] for r in runs[implementation])
            if implementation == "ours":
                baseline = figures["seconds"]
            ratio = figures["seconds"] / baseline if baseline else float("nan")
            print(f"{case:28s} {implementation:12s} {figures['seconds']:9.3f} {peak_mb:8.0f} "
                  f"{ratio:7.2f}  {figures['PCnum']:.10g} / {figures['max_dPC']:.6g}", flush=True)
    print("ratio = peer time / our time (> 1: we are faster). Machine: 2 cores shared with other jobs.")


if __name__ == "__main__":
    main()
