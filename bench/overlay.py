"""Benchmark: a 10-factor resistance overlay streamed in blocks vs a plain gdal_calc-style numpy pass.

    python bench/overlay.py [--size 10000] [--dir /tmp/bench-overlay] [--cache-mb 0]

Generates (once, kept in ``--dir``) ten tiled, uncompressed GeoTIFFs of ``size × size`` cells —
3 Byte categorical, 4 Int16 and 3 Float32 continuous rasters — then measures, each in a fresh
subprocess (time and peak RSS from ``getrusage``):

* **ecosecurity** — ``core.overlay.resistance_surface`` with categorical, ascending/descending
  breaks and one natural-breaks grading, rescaled to 1–100, Float32 DEFLATE output;
* **peer** — the same inputs read strip by strip with ``ReadAsArray``, a weighted sum of the raw
  values (what ``gdal_calc.py`` does), written with the same creation options.

MB/s counts the uncompressed input bytes. The ratio ecosecurity/peer near 1 means the overlay is
bound by reading/writing, not by per-cell Python work. ``--cache-mb`` sets GDAL_CACHEMAX for both
(0 = GDAL's default, 5 % of RAM).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np
from osgeo import gdal, osr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FACTORS = [  # name, numpy dtype, grading, classes, scores, weight
    ("landuse", np.uint8, "categorical", "1:1;2:2;3:2;4:3;5:5;6:4;7:4;8:3;9:2", "", 0.20),
    ("rockdesert", np.uint8, "categorical", "0:1;1:1;2:2;3:2;4:3;5:3;6:4;7:4;8:5", "", 0.05),
    ("erosion", np.uint8, "categorical", "1:1;2:1;3:2;4:2;5:3;6:3;7:4;8:4;9:5", "", 0.05),
    ("dem", np.int16, "natural_breaks", "5", "1;2;3;4;5", 0.10),
    ("dist_roads", np.int16, "descending", "200;500;1000;2000", "5;4;3;2;1", 0.15),
    ("dist_rivers", np.int16, "ascending", "200;500;1000;2000", "1;2;3;4;5", 0.05),
    ("dist_mining", np.int16, "descending", "500;1000;2000;3000", "5;4;3;2;1", 0.10),
    ("slope", np.float32, "ascending", "8;15;25;35", "1;2;3;4;5", 0.15),
    ("fvc", np.float32, "descending", "0.2;0.4;0.6;0.8", "5;4;3;2;1", 0.10),
    ("ndvi", np.float32, "equal_interval", "5", "5;4;3;2;1", 0.05),
]
GDAL_TYPES = {np.uint8: gdal.GDT_Byte, np.int16: gdal.GDT_Int16, np.float32: gdal.GDT_Float32}


def field(kind, rows, cols, row0, seed):
    """A smooth synthetic field for rows ``row0…`` (deterministic, cheap to generate)."""
    r = (row0 + np.arange(rows, dtype=np.float32))[:, None] / 700.0
    c = np.arange(cols, dtype=np.float32)[None, :] / 900.0
    base = np.sin(r * (1.3 + seed) + 0.7 * seed) * np.cos(c * (0.9 + 0.2 * seed)) + 0.5 * np.sin((r + c) * 3.1)
    if kind is np.uint8:
        return np.clip((base + 1.5) * 3, 0, 8).astype(np.uint8) + (1 if seed != 1 else 0)
    if kind is np.int16:
        return ((base + 1.5) * 1000).astype(np.int16)
    return ((base + 1.5) / 3.0).astype(np.float32) * (45.0 if seed == 7 else 1.0)


def generate(folder, size):
    os.makedirs(folder, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4545)
    for seed, (name, kind, *_rest) in enumerate(FACTORS):
        path = os.path.join(folder, f"{name}.tif")
        if os.path.exists(path):
            continue
        tmp = path + ".part"
        ds = gdal.GetDriverByName("GTiff").Create(tmp, size, size, 1, GDAL_TYPES[kind],
                                                  ["TILED=YES", "BIGTIFF=YES"])
        ds.SetGeoTransform((500000.0, 30.0, 0.0, 3000000.0 + 30.0 * size, 0.0, -30.0))
        ds.SetProjection(srs.ExportToWkt())
        band = ds.GetRasterBand(1)
        for row0 in range(0, size, 1024):
            rows = min(1024, size - row0)
            band.WriteArray(field(kind, rows, size, row0, seed), 0, row0)
        ds = None
        os.replace(tmp, path)
        print(f"generated {path}", flush=True)


def input_bytes(folder):
    total = 0
    for name, kind, *_rest in FACTORS:
        ds = gdal.Open(os.path.join(folder, f"{name}.tif"))
        total += ds.RasterXSize * ds.RasterYSize * np.dtype(kind).itemsize
    return total


def plugin_module(name):
    """``ecosecurity.<name>`` from this working tree (linked as ``.pkg/ecosecurity`` like the tests do)."""
    link = os.path.join(ROOT, ".pkg", "ecosecurity")
    if not os.path.exists(link):
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(ROOT, link, target_is_directory=True)
    sys.path.insert(0, os.path.dirname(link))
    return __import__(f"ecosecurity.{name}", fromlist=["_"])


def measure_ours(folder, output):
    overlay = plugin_module("core.resistance.overlay")
    table = plugin_module("core.resistance.factor_table")
    rows = table.parse_rows([{"factor": name, "raster": os.path.join(folder, f"{name}.tif"), "grading": grading,
                              "classes": classes, "scores": scores, "weight": weight}
                             for name, _kind, grading, classes, scores, weight in FACTORS])
    result = overlay.resistance_surface(rows, os.path.join(folder, "landuse.tif"), output, output_range=(1.0, 100.0))
    return {"min": result.minimum, "max": result.maximum}


def measure_peer(folder, output):
    raster = plugin_module("core.io.raster")
    sources = [gdal.Open(os.path.join(folder, f"{name}.tif")) for name, *_rest in FACTORS]
    weights = [f[-1] for f in FACTORS]
    cols, rows = sources[0].RasterXSize, sources[0].RasterYSize
    out = gdal.GetDriverByName("GTiff").Create(output, cols, rows, 1, gdal.GDT_Float32, raster.GTIFF_OPTIONS)
    out.SetGeoTransform(sources[0].GetGeoTransform())
    out.SetProjection(sources[0].GetProjection())
    band = out.GetRasterBand(1)
    step = 256
    for row0 in range(0, rows, step):
        n = min(step, rows - row0)
        total = np.zeros((n, cols), dtype=np.float32)
        for ds, weight in zip(sources, weights):
            total += np.float32(weight) * ds.GetRasterBand(1).ReadAsArray(0, row0, cols, n)
        band.WriteArray(total, 0, row0)
    out = None
    return {}


def child(which, folder):
    output = os.path.join(folder, f"out_{which}.tif")
    if os.path.exists(output):
        os.remove(output)
    start = time.perf_counter()
    extra = (measure_ours if which == "ours" else measure_peer)(folder, output)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, **extra}))


def run(which, folder, cache_mb):
    env = dict(os.environ)
    if cache_mb:
        env["GDAL_CACHEMAX"] = str(cache_mb)
    done = subprocess.run([sys.executable, __file__, "--child", which, "--dir", folder], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--dir", default="/tmp/bench-overlay")
    parser.add_argument("--cache-mb", type=int, default=0)
    parser.add_argument("--child", choices=("ours", "peer"))
    args = parser.parse_args()
    if args.child:
        child(args.child, args.dir)
        return
    generate(args.dir, args.size)
    megabytes = input_bytes(args.dir) / 1e6
    print(f"10 factors, {args.size} x {args.size} cells = {args.size ** 2 / 1e6:.0f} M cells, "
          f"{megabytes:.0f} MB uncompressed input, GDAL_CACHEMAX={args.cache_mb or 'default'} "
          f"(machine: {os.cpu_count()} cores, shared and loaded)")
    results = {}
    for which in ("peer", "ours", "peer", "ours"):
        r = run(which, args.dir, args.cache_mb)
        best = results.get(which)
        if best is None or r["seconds"] < best["seconds"]:
            results[which] = r
        print(f"  {which:5s} {r['seconds']:7.1f} s  {megabytes / r['seconds']:7.1f} MB/s  peak {r['peak_mb']:7.0f} MB",
              flush=True)
    ours, peer = results["ours"], results["peer"]
    print(f"best: ecosecurity {ours['seconds']:.1f} s ({megabytes / ours['seconds']:.0f} MB/s, peak "
          f"{ours['peak_mb']:.0f} MB, range {ours['min']:.2f}-{ours['max']:.2f}); gdal_calc-style peer "
          f"{peer['seconds']:.1f} s ({megabytes / peer['seconds']:.0f} MB/s, peak {peer['peak_mb']:.0f} MB); "
          f"ratio {ours['seconds'] / peer['seconds']:.2f}")


if __name__ == "__main__":
    main()
