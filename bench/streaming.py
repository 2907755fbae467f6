"""Benchmark: time and peak memory of the streamed steps (issue 19) on a 10⁸-cell raster.

    python bench/streaming.py [--size 10000] [--dir /tmp/bench-streaming] [--tree .] [--steps ...]

Generates (once, kept in ``--dir``) a Float32 ``size × size`` GeoTIFF (a smooth field with noise,
NoData in one corner; tiled, DEFLATE) and a Byte raster of sparse source cells (a road grid), then
runs each step in a fresh subprocess with the plugin tree ``--tree`` (another checkout gives the
"before" figures; outputs are named after the tree's folder, to compare) and prints wall and CPU
time and peak RSS (``ru_maxrss`` of that child, from ``os.wait4``):

* ``classify-natural`` / ``classify-quantile`` / ``classify-equal`` — ``classify_raster``, 5 classes;
* ``distance-capped`` — ``distance_raster`` from the source raster with ``max_distance`` 3 km;
* ``keyareas`` — ``extract_key_areas`` on the Float32 raster (5 levels, keep 1);
  ``keyareas-product`` — the same with COMBINE 1 (the raster times itself as "resistance").
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from osgeo import gdal, osr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPTIONS = ["TILED=YES", "BIGTIFF=YES", "COMPRESS=DEFLATE"]
STEPS = {
    "classify-natural": "from ecosecurity.core.tools.classify_raster import classify_raster as f\n"
                        "f(VALUES, OUT, method=0, classes=5)",
    "classify-quantile": "from ecosecurity.core.tools.classify_raster import classify_raster as f\n"
                         "f(VALUES, OUT, method=1, classes=5)",
    "classify-equal": "from ecosecurity.core.tools.classify_raster import classify_raster as f\n"
                      "f(VALUES, OUT, method=2, classes=5)",
    "distance-capped": "from ecosecurity.core.resistance.distance import distance_raster as f\n"
                       "from ecosecurity.core.io.raster import read_grid\n"
                       "f(read_grid(VALUES), OUT, raster=SOURCES, max_distance=3000.0)",
    "keyareas": "from ecosecurity.core.keyareas.extraction import KeyAreaOptions, extract_key_areas as f\n"
                "f(VALUES, KeyAreaOptions(levels=5, keep_levels=1), levels_path=OUT)",
    "keyareas-product": "from ecosecurity.core.keyareas.extraction import KeyAreaOptions, extract_key_areas as f\n"
                        "f(VALUES, KeyAreaOptions(levels=5, keep_levels=1, combine=1), resistance_path=VALUES, "
                        "levels_path=OUT)",
}


def _create(path, size, gdal_type, nodata, strip):
    if os.path.exists(path):
        return
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4545)
    tmp = path + ".part"
    ds = gdal.GetDriverByName("GTiff").Create(tmp, size, size, 1, gdal_type, OPTIONS)
    ds.SetGeoTransform((500000.0, 30.0, 0.0, 3000000.0 + 30.0 * size, 0.0, -30.0))
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    for row0 in range(0, size, 1024):
        band.WriteArray(strip(row0, min(1024, size - row0), size), 0, row0)
    ds = None
    os.replace(tmp, path)
    print(f"generated {path}", flush=True)


def _values(row0, rows, cols):
    rng = np.random.default_rng(row0)
    r = (row0 + np.arange(rows, dtype=np.float32))[:, None] / 700.0
    c = np.arange(cols, dtype=np.float32)[None, :] / 900.0
    field = np.sin(r * 1.3) * np.cos(c * 0.9) + 0.5 * np.sin((r + c) * 3.1) + 0.2 * rng.random((rows, cols))
    field = (field + 2.0).astype(np.float32)
    field[:, :cols // 20] = np.where(r < 1.0, -9999.0, field[:, :cols // 20])
    return field


def _sources(row0, rows, cols):
    rows_idx = row0 + np.arange(rows)[:, None]
    cols_idx = np.arange(cols)[None, :]
    return (((rows_idx % 1500) == 7) | ((cols_idx % 2100) == 11)).astype(np.uint8)


def generate(folder, size):
    os.makedirs(folder, exist_ok=True)
    values, sources = os.path.join(folder, "values.tif"), os.path.join(folder, "sources.tif")
    _create(values, size, gdal.GDT_Float32, -9999.0, _values)
    _create(sources, size, gdal.GDT_Byte, 255, _sources)
    return values, sources


def run(step, tree, values, sources, folder):
    """Time and peak RSS of ``step`` in a fresh interpreter importing the plugin from ``tree``."""
    link_dir = tempfile.mkdtemp(prefix="bench-streaming-")
    os.symlink(os.path.abspath(tree), os.path.join(link_dir, "ecosecurity"))
    out = os.path.join(folder, f"out-{step}-{os.path.basename(os.path.abspath(tree))}.tif")
    code = (f"import sys; sys.path.insert(0, {link_dir!r})\nVALUES, SOURCES, OUT = {values!r}, {sources!r}, {out!r}\n"
            + STEPS[step])
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(child.pid, 0)     # this child's own rusage
        seconds = time.perf_counter() - start
        errors.seek(0)
        error = errors.read().strip().splitlines()[-1:] if status else []
    os.remove(os.path.join(link_dir, "ecosecurity"))
    os.rmdir(link_dir)
    return {"step": step, "tree": tree, "ok": status == 0, "seconds": round(seconds, 1),
            "peak_gb": round(usage.ru_maxrss * 1024 / 1e9, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "error": error}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--dir", default="/tmp/bench-streaming")
    parser.add_argument("--tree", default=ROOT)
    parser.add_argument("--steps", nargs="+", default=list(STEPS), choices=list(STEPS))
    args = parser.parse_args()
    values, sources = generate(args.dir, args.size)
    for step in args.steps:
        print(json.dumps(run(step, args.tree, values, sources, args.dir)), flush=True)


if __name__ == "__main__":
    main()
