"""Benchmark of ``ecosecurity:mspa``'s core against landschaft (C++, bit-identical to mspa_lin64).

The map is GWB's ``example.tif`` (1000 x 1000) tiled to ``--size`` x ``--size`` (default 10000).
Every measurement runs in a fresh subprocess and reports the wall time and the peak resident
memory of that process (``ru_maxrss``; it includes the Python interpreter and the input map).
The outputs of both programs are compared pixel by pixel.

landschaft is not a dependency of the plugin: install it in a separate benchmark environment
and run this script with that environment's Python, e.g.::

    /usr/bin/python3 -m venv --system-site-packages /tmp/bench-mspa
    /tmp/bench-mspa/bin/pip install -c constraints.txt landschaft==1.52.0
    /tmp/bench-mspa/bin/python bench/mspa.py --size 10000 --widths 1 5 --repeat 3

Each program runs ``--repeat`` times, alternating with the peer, and the minimum time and
peak are printed (the machine is shared: the minimum is the least disturbed run).
Without landschaft only our figures are printed. Anchors for the official program
(``mspa_lin64`` v2.3, 2 cores, from ``shared/specs/mspa.md`` §8): 10000^2, 8_1_1_1 116 s,
8_5_1_1 157 s, 1.96 GB.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(os.environ.get("ECOSECURITY_SHARED", os.path.join(os.path.dirname(REPO), "shared")),
                       "reference", "mspa", "gwb_example", "example.tif")
OFFICIAL = {1: (116.0, 1.96), 5: (157.0, 1.96)}   # seconds, GB on 10000 x 10000 (spec §8)


def tiled_example(size):
    """GWB's example.tif (0 missing / 1 background / 2 foreground) tiled to ``size`` x ``size``."""
    from osgeo import gdal
    dataset = gdal.Open(EXAMPLE)
    if dataset is None:
        sys.exit(f"cannot open {EXAMPLE}; set ECOSECURITY_SHARED")
    tile = dataset.GetRasterBand(1).ReadAsArray()
    reps = -(-size // tile.shape[0])
    return np.ascontiguousarray(np.tile(tile, (reps, reps))[:size, :size])


def worker(program, size, width, output, peer_threads=1):
    """Run one program once; print {"seconds", "peak_mb"} as JSON; save the classes to ``output``.

    ``peer_threads``: landschaft's ``n_threads`` (ours always runs on one core)."""
    codes = tiled_example(size)
    started = time.perf_counter()
    if program == "ours":
        sys.path.insert(0, REPO)
        from core.sources.mspa import mspa_classes
        classes = mspa_classes(codes, connectivity=8, edge_width=width, intext=True)
    else:
        import landschaft
        classes = np.asarray(landschaft.mspa(codes, connectivity=8, edge_width=width, transition=True,
                                             internal=True, n_threads=peer_threads))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    np.save(output, classes)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def measure(program, size, width, output, peer_threads=1):
    """(seconds, peak MB) of ``program`` in a fresh subprocess, or None when it is unavailable."""
    command = [sys.executable, os.path.abspath(__file__), "--worker", program, "--size", str(size),
               "--widths", str(width), "--output", output, "--peer-threads", str(peer_threads)]
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  {program}: failed ({done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode})")
        return None
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["seconds"], result["peak_mb"]


def _best(results):
    """(minimum seconds, minimum peak MB) over repeated runs."""
    return min(r[0] for r in results), min(r[1] for r in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--widths", type=int, nargs="+", default=[1, 5])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each program, alternating")
    parser.add_argument("--peer-threads", type=int, default=1,
                        help="landschaft's n_threads (1: the same single core as ours)")
    parser.add_argument("--worker", choices=["ours", "landschaft"])
    parser.add_argument("--output")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.size, args.widths[0], args.output, args.peer_threads)
        return
    try:
        import landschaft  # noqa: F401
        peers = ["landschaft"]
    except ImportError:
        peers = []
        print("landschaft is not installed in this Python: only our figures are printed.")
    print(f"MSPA 8_W_1_1 on GWB example.tif tiled to {args.size} x {args.size} "
          f"({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}; ours on one thread, "
          f"landschaft n_threads={args.peer_threads})")
    with tempfile.TemporaryDirectory() as tmp:
        for width in args.widths:
            ours_file = os.path.join(tmp, "ours.npy")
            runs = {program: [] for program in ["ours"] + peers}
            for _ in range(args.repeat):
                for program, results in runs.items():
                    result = measure(program, args.size, width, os.path.join(tmp, f"{program}.npy"),
                                     args.peer_threads)
                    if result is not None:
                        results.append(result)
            if not runs["ours"]:
                continue
            ours = _best(runs["ours"])
            line = f"EdgeWidth {width}: ours {ours[0]:7.2f} s, peak {ours[1] / 1024:5.2f} GB"
            for peer in peers:
                if not runs[peer]:
                    continue
                other = _best(runs[peer])
                peer_file = os.path.join(tmp, f"{peer}.npy")
                differing = int((np.load(ours_file, mmap_mode="r") != np.load(peer_file, mmap_mode="r")).sum())
                line += (f" | {peer} {other[0]:7.2f} s, peak {other[1] / 1024:5.2f} GB"
                         f" | ours/{peer}: time {ours[0] / other[0]:4.2f}, memory {ours[1] / other[1]:4.2f},"
                         f" differing pixels {differing}")
            if args.size == 10000 and width in OFFICIAL:
                seconds, gigabytes = OFFICIAL[width]
                line += f" | official mspa_lin64 (spec): {seconds:.0f} s, {gigabytes:.2f} GB"
            print(line, flush=True)


if __name__ == "__main__":
    main()
