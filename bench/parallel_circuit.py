"""Speed-up of the pairwise circuit from 1 to 2 workers: local processes and a Dask LocalCluster
(issue 19; never run by CI; pinch points and priority ranking: bench/parallel.py). Every run is a
fresh subprocess; serial, processes and Dask alternate, ``--repeat`` times; the minimum wall time
is kept. Peak memory: the calling process (``ru_maxrss``) and the largest worker process
(``RUSAGE_CHILDREN``; with Dask the largest of the nanny and worker processes).

``--case circuit`` measures the pairwise circuit of Circuitscape's 6 M-cell benchmark grid
(``perf_6m_20pts_8nb``: 2000 x 3000 cells, 5 250 648 nodes, 8 neighbours, 20 focal points, 190
pairs, cumulative current map; bench/circuit.py's ``6m-20``) run through ``run_ini`` with the
automatic solver; its 19 single-source solves are the tasks (one batch per worker,
core/corridors/circuit/pairwise_tasks.py). Identity: a hash of the cumulative map and of the
resistance table. ``--case circuit-task`` times the tasks alone in this process (1 focal node, and
the 10 of a worker's batch) and gives the bytes each ships (pickled arguments) and returns.

    python bench/parallel_circuit.py --case circuit [--repeat 2]
    python bench/parallel_circuit.py --case circuit-task
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
_spec = importlib.util.spec_from_file_location("bench_circuit", REPO / "bench" / "circuit.py")
circuit_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(circuit_bench)
CIRCUIT_CASE = "perf_6m_20pts_8nb"


def _package():
    """Make the tree importable as ``ecosecurity`` (as bench/circuit.py does)."""
    sys.path.insert(0, str(REPO / ".pkg"))
    from conftest import _link_package  # noqa: F401


def _start(where):
    """``(options, cluster)`` for ``where`` = serial | processes | dask (2 workers)."""
    if where != "dask":
        return {"workers": 2 if where == "processes" else 1}, None
    from distributed import LocalCluster
    cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    return {"scheduler": cluster.scheduler_address}, cluster


def circuit_run(where, folder):
    """Time ``run_ini`` on the 6 M-cell grid, 20 focal points, with ``where`` as in :func:`_start`."""
    import numpy as np
    from osgeo import gdal
    _package()
    from ecosecurity.core.corridors.circuit.compute import run_ini
    ini = Path(circuit_bench._ini(folder, CIRCUIT_CASE, "cellmap.asc.gz", "points.txt", False, where))
    from refpaths import REFERENCE  # the .ini reads the habitat unpacked by circuit_main (GDAL cannot read .gz)
    ini.write_text(ini.read_text(encoding="ascii").replace(
        str(REFERENCE / "circuitscape" / CIRCUIT_CASE / "cellmap.asc.gz"), os.path.join(folder, "cellmap.asc")),
        encoding="ascii")
    start = time.perf_counter()
    options, cluster = _start(where)
    summary = run_ini(str(ini), **options)
    seconds = time.perf_counter() - start
    if cluster is not None:
        cluster.close()
    current = next(f for f in summary.files if f.endswith("_cum_curmap.tif"))
    values = gdal.Open(current).ReadAsArray()
    digest = hashlib.sha256(values.tobytes() + np.ascontiguousarray(summary.resistances).tobytes()).hexdigest()
    return {"seconds": seconds, "checksum": digest, "sum": float(values[values > 0].astype("float64").sum()),
            "R12": float(summary.resistances[0, 1]), "method": summary.method, "solves": summary.solves,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0}


def circuit_task_run():
    """Time single tasks of the 6 M-cell pairwise run in this process; bytes shipped and returned."""
    import pickle

    import numpy as np
    _package()
    from ecosecurity.core.corridors.circuit.compute import habitat_conductances
    from ecosecurity.core.corridors.circuit.inputs import read_focal_file, read_grid_layer
    from ecosecurity.core.corridors.circuit.pairwise import first_cells
    from ecosecurity.core.corridors.circuit.pairwise_tasks import CellGraphRecipe, sources_task
    from refpaths import REFERENCE
    base = REFERENCE / "circuitscape" / CIRCUIT_CASE
    habitat = read_grid_layer(base / "cellmap.asc.gz")
    g, _ = habitat_conductances(habitat)
    focal = read_focal_file(base / "points.txt", habitat)
    recipe = CellGraphRecipe(g, None, False, True)
    graph = recipe.build()
    ids = np.unique(focal.ids)
    nodes = [int(n) for n in graph.node_of_cell[first_cells(focal, ids)]]
    component = [int(c) for c in np.unique(graph.labels[nodes])]
    assert len(component) == 1, "the benchmark's focal points are on one component"
    del graph
    out = {"cells": int(g.size), "focal_nodes": len(nodes)}
    for batch in (nodes[1:2], nodes[1:11]):
        args = (recipe, component, nodes[:1], batch, "auto", "multigrid")
        start = time.perf_counter()
        result = sources_task(*args)
        out[f"task_{len(batch)}_seconds"] = time.perf_counter() - start
        out[f"task_{len(batch)}_shipped_bytes"] = len(pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL))
        out[f"task_{len(batch)}_returned_bytes"] = len(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        out[f"task_{len(batch)}_method"] = result[1]
        del result
    return out


def measure(*args):
    command = [sys.executable, __file__, "--worker"] + [str(a) for a in args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def sweep(runs, repeat, *args):
    """Alternate the settings of ``runs`` ``repeat`` times, each run a fresh subprocess."""
    for _ in range(repeat):
        for where in runs:
            load = _load()
            runs[where].append(dict(measure(*args, where), load=load))
            print(f"  {where}: {runs[where][-1]['seconds']:.2f} s (load before {load})", flush=True)


def report(runs, same):
    """Minimum time, speed-up and peak memories per setting; ``same(run, serial_run)``: identity text."""
    base = min(r["seconds"] for r in runs["serial"])
    for where, rs in runs.items():
        best = min(r["seconds"] for r in rs)
        print(f"{where:9s}: {best:.2f} s (max {max(r['seconds'] for r in rs):.2f}), speed-up {base / best:.2f}, "
              f"peak caller {max(r['peak_mb'] for r in rs):.0f} MB, largest worker "
              f"{max(r['worker_peak_mb'] for r in rs):.0f} MB")
    for where, rs in runs.items():
        print(f"{where:9s}: {same(rs, runs['serial'][0])}")
    print(f"load average after {_load()}")


def circuit_main(args):
    runs = {"serial": [], "processes": [], "dask": []}
    with tempfile.TemporaryDirectory(prefix="bench_parallel_circuit_") as folder:
        import gzip
        import shutil
        sys.path.insert(0, str(REPO / "tests"))
        from refpaths import REFERENCE
        with gzip.open(REFERENCE / "circuitscape" / CIRCUIT_CASE / "cellmap.asc.gz") as packed, \
                open(os.path.join(folder, "cellmap.asc"), "wb") as unpacked:
            shutil.copyfileobj(packed, unpacked)
        sweep(runs, args.repeat, "circuit", folder)

    def same(rs, serial):
        identical = all(r["checksum"] == serial["checksum"] for r in rs)
        return (f"{'identical to' if identical else 'DIFFERENT from'} the serial run (map and resistances); "
                f"sums {sorted({r['sum'] for r in rs})}, R12 {sorted({r['R12'] for r in rs})}, "
                f"method {rs[0]['method']}, {rs[0]['solves']} solves")
    report(runs, same)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=("circuit", "circuit-task"), default="circuit",
                        help="the 6 M-cell pairwise circuit (default) or its single tasks")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each setting, alternating (default 3)")
    parser.add_argument("--worker", nargs="+")
    args = parser.parse_args()
    if args.worker:
        case, *rest = args.worker
        if case == "circuit":
            folder, where = rest
            result = circuit_run(where, folder)
        else:
            result = circuit_task_run()
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        print(json.dumps(result))
        return
    print(f"machine: {os.cpu_count()} CPUs; load average before {_load()}")
    if args.case == "circuit":
        circuit_main(args)
    else:
        print(json.dumps(dict(measure("circuit-task"), load_before=_load()), indent=1))
        print(f"load average after {_load()}")


if __name__ == "__main__":
    main()
