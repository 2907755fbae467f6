"""Benchmark of the circuit engine on Circuitscape's BigTests grids (not a test; never run by CI).

Measurements, each in a fresh subprocess (peak memory = that process's maximum RSS):

* ``1m-pair``: ``perf_1m_pair_4nb`` (1000 x 1000, 875 108 nodes, 4 neighbours), one pair with
  the cumulative current map, automatic solver. Baseline R12 = 399.38407263 (Circuitscape 4).
* ``6m-20``: ``perf_6m_20pts_8nb`` (2000 x 3000, 5 250 648 nodes, 8 neighbours), 20 focal points
  pairwise (190 pairs) with the cumulative current map, automatic solver.
* ``peer-6m-pair``: the peer, measured in the same run: Circuitscape 4's algorithm for ONE pair of
  the 6 M grid (pyamg smoothed aggregation + CG at 1e-6, one solve, node currents), as Circuitscape
  4.0.7 does per pair (it took 118 s and 3.8 GB on the reference machine, R12 = 104.0565281).
* ``12m-pair``: ``perf_12m_8nb`` (4000 x 3000, 8 neighbours), its two points with the cumulative
  current map (no baseline upstream; Circuitscape.jl's docs report 2338 s on 16 processes for
  their 12m configuration).

Usage: ``.venv/bin/python bench/circuit.py [1m-pair 6m-20 peer-6m-pair 12m-pair]``. The machine may be
shared: run it when it is quiet and read the ratios rather than the absolute times.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, "tests"))

CS4_6M_PAIR_SECONDS, CS4_6M_PAIR_GB, CS4_R12 = 118.0, 3.8, 104.0565281
BASELINE_1M_R12 = 399.38407263


def _ini(folder, case, habitat, points, four, stem):
    from refpaths import REFERENCE
    base = REFERENCE / "circuitscape" / case
    path = os.path.join(folder, f"{stem}.ini")
    with open(path, "w", encoding="ascii") as handle:
        handle.write(
            f"[circuitscape options]\nhabitat_file = {base / habitat}\npoint_file = {base / points}\n"
            f"connect_four_neighbors_only = {four}\nconnect_using_avg_resistances = True\n"
            "habitat_map_is_resistances = True\nscenario = pairwise\nwrite_cur_maps = True\n"
            f"write_cum_cur_map_only = True\nwrite_as_tif = True\noutput_file = {folder}/{stem}.out\n")
    return path


def measure_engine(case, points, four, stem):
    """Our engine end to end (read, graph, solve, cumulative current map, write GeoTIFF)."""
    sys.path.insert(0, os.path.join(REPO, ".pkg"))
    from conftest import _link_package  # noqa: F401  (makes the tree importable as ecosecurity)
    from ecosecurity.core.corridors.circuit.compute import run_ini
    with tempfile.TemporaryDirectory(prefix="bench-circuit-") as folder:
        ini = _ini(folder, case, "cellmap.asc.gz", points, four, stem)
        started = time.time()
        summary = run_ini(ini)
        seconds = time.time() - started
    r = summary.resistances
    return {"seconds": seconds, "solves": summary.solves, "method": summary.method,
            "pairs": int(r.shape[0] * (r.shape[0] - 1) / 2), "R12": float(r[0, 1]),
            "R_first_row": [round(float(v), 6) for v in r[0, 1:6]]}


def measure_peer():
    """Circuitscape 4's algorithm for one pair of the 6 M grid: pyamg SA + CG (tol 1e-6), currents."""
    import numpy as np
    import pyamg
    sys.path.insert(0, os.path.join(REPO, ".pkg"))
    from conftest import _link_package  # noqa: F401
    from ecosecurity.core.corridors.circuit.currents import node_currents
    from ecosecurity.core.corridors.circuit.graph import cell_conductances, cell_graph, grounded_laplacian
    from ecosecurity.core.corridors.circuit.inputs import cells_of_points, read_grid_layer
    from refpaths import REFERENCE
    base = REFERENCE / "circuitscape" / "perf_6m_20pts_8nb"
    started = time.time()
    habitat = read_grid_layer(base / "cellmap.asc.gz")
    g, _ = cell_conductances(habitat.values, habitat.valid, True)
    graph = cell_graph(g, None, False, True)
    rows, cols = cells_of_points(np.array([100.0, 100.0]), np.array([900.0, 100.0]), habitat.grid, "peer")
    a, b = (int(graph.node_of_cell[r, c]) for r, c in zip(rows, cols))
    members = np.flatnonzero(graph.labels == graph.labels[a])
    free = members[members != a]
    matrix = grounded_laplacian(graph, free)
    build = time.time() - started
    solver = pyamg.smoothed_aggregation_solver(matrix, symmetry="hermitian")
    setup = time.time() - started - build
    rhs = np.zeros(free.size)
    rhs[np.searchsorted(free, b)] = 1.0
    x = solver.solve(rhs, tol=1e-6, accel="cg", maxiter=100000)
    solve = time.time() - started - build - setup
    v = np.zeros(graph.n_nodes)
    v[free] = x
    node_currents(graph, v)
    return {"seconds": time.time() - started, "build": build, "amg_setup": setup, "cg": solve,
            "R12": float(v[b])}


MEASUREMENTS = {
    "1m-pair": lambda: measure_engine("perf_1m_pair_4nb", "points.txt", True, "1m"),
    "6m-20": lambda: measure_engine("perf_6m_20pts_8nb", "points.txt", False, "6m20"),
    "peer-6m-pair": measure_peer,
    "12m-pair": lambda: measure_engine("perf_12m_8nb", "points.txt", False, "12m"),
}


def run_child(name):
    """Run one measurement in a fresh interpreter; returns its JSON result with peak memory."""
    out = subprocess.run([sys.executable, __file__, "--child", name], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(names):
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (shared machine)")
    results = {}
    for name in names:
        results[name] = result = run_child(name)
        print(f"{name:>13}: {result['seconds']:7.1f} s  peak {result['peak_gb']:.2f} GB  "
              + "  ".join(f"{k}={v}" for k, v in result.items() if k not in ("seconds", "peak_gb")), flush=True)
    if "1m-pair" in results:
        r = results["1m-pair"]["R12"]
        print(f"1m R12 {r:.8f} vs Circuitscape 4 baseline {BASELINE_1M_R12} (rel. diff {abs(r / BASELINE_1M_R12 - 1):.1e})")
    if "6m-20" in results:
        ours = results["6m-20"]
        print(f"6m R12 {ours['R12']:.8f} vs Circuitscape 4.0.7 {CS4_R12} (rel. diff {abs(ours['R12'] / CS4_R12 - 1):.1e})")
        print(f"6m 20 points ({ours['pairs']} pairs, {ours['solves']} solves): {ours['seconds']:.1f} s, "
              f"{ours['peak_gb']:.2f} GB; Circuitscape 4 one pair on the reference machine: "
              f"{CS4_6M_PAIR_SECONDS:.0f} s, {CS4_6M_PAIR_GB} GB")
        if "peer-6m-pair" in results:
            peer = results["peer-6m-pair"]
            print(f"ratio 6m-20 / peer one pair (same run): time {ours['seconds'] / peer['seconds']:.2f}, "
                  f"memory {ours['peak_gb'] / peer['peak_gb']:.2f}; the peer would need about "
                  f"{ours['pairs'] * peer['seconds']:.0f} s for the {ours['pairs']} pairs "
                  f"({ours['pairs'] * peer['seconds'] / ours['seconds']:.0f} x ours)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        result = MEASUREMENTS[sys.argv[2]]()
        result["peak_gb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2
        print(json.dumps(result))
    else:
        main(sys.argv[1:] or list(MEASUREMENTS))
