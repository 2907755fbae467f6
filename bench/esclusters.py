"""Benchmark: ecosystem-service bundles (``esclusters``) on ``size × size`` cells × 6 services.

    python bench/esclusters.py [--size 1000] [--dir /tmp/bench-esclusters] [--method sofm|kmeans]
                               [--clusters 0] [--sample 100000]

Generates (once, kept in ``--dir``) six Float32 GeoTIFFs: five planted bundles as smooth regions of
the landscape, each with its own service profile, plus noise and NoData along one edge. Then runs
``core.landuse.es_clusters.es_clusters`` in a fresh subprocess and reports the wall time, the peak
RSS (``getrusage``), the memory estimate, the number of clusters chosen and the adjusted Rand index
of the cluster raster against the planted bundles. Target (issue 16): SOFM on 10⁶ cells × 6
services in under a minute on 2 cores.
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
SERVICES = ["carbon", "habitat", "water", "soil", "food", "recreation"]
PROFILES = np.array([[0.9, 0.8, 0.7, 0.8, 0.1, 0.5],    # forest bundle
                     [0.2, 0.3, 0.4, 0.3, 0.9, 0.2],    # farmland bundle
                     [0.5, 0.6, 0.9, 0.6, 0.3, 0.8],    # wetland / recreation bundle
                     [0.1, 0.1, 0.2, 0.1, 0.2, 0.1],    # urban bundle
                     [0.6, 0.4, 0.3, 0.9, 0.4, 0.3]])   # grassland / soil bundle


def planted(size):
    """Bundle index 0…4 of each cell: five Voronoi regions of fixed seeds."""
    rng = np.random.default_rng(42)
    centres = rng.uniform(0, size, (5, 2))
    rows, cols = np.mgrid[0:size, 0:size]
    best = np.zeros((size, size), dtype=np.uint8)
    dist = np.full((size, size), np.inf, dtype=np.float32)
    for index, (r, c) in enumerate(centres):
        d = ((rows - r) ** 2 + (cols - c) ** 2).astype(np.float32)
        closer = d < dist
        best[closer] = index
        dist[closer] = d[closer]
    return best


def generate(folder, size):
    os.makedirs(folder, exist_ok=True)
    truth_path = os.path.join(folder, "truth.tif")
    if os.path.exists(truth_path):
        return
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4545)
    transform = (500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0)
    truth = planted(size)
    rng = np.random.default_rng(7)
    for j, name in enumerate(SERVICES):
        values = (PROFILES[truth, j] + rng.normal(0, 0.06, truth.shape)).astype(np.float32) * (10 ** j)
        values[:, :3] = -9999.0
        ds = gdal.GetDriverByName("GTiff").Create(os.path.join(folder, f"{name}.tif"), size, size, 1,
                                                  gdal.GDT_Float32, ["TILED=YES"])
        ds.SetGeoTransform(transform)
        ds.SetProjection(srs.ExportToWkt())
        ds.GetRasterBand(1).SetNoDataValue(-9999.0)
        ds.GetRasterBand(1).WriteArray(values)
        ds = None
    ds = gdal.GetDriverByName("GTiff").Create(truth_path, size, size, 1, gdal.GDT_Byte, ["TILED=YES"])
    ds.SetGeoTransform(transform)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(truth + 1)
    ds = None


def adjusted_rand_index(a, b):
    """ARI of two labelings (Hubert & Arabie 1985)."""
    _, a = np.unique(a, return_inverse=True)
    _, b = np.unique(b, return_inverse=True)
    table = np.zeros((a.max() + 1, b.max() + 1))
    np.add.at(table, (a, b), 1)

    def pairs(x):
        return float(np.sum(x * (x - 1) / 2.0))
    index, rows, cols, n = pairs(table), pairs(table.sum(1)), pairs(table.sum(0)), len(a)
    expected = rows * cols / (n * (n - 1) / 2.0)
    return (index - expected) / (0.5 * (rows + cols) - expected)


def run_child(args):
    sys.path.insert(0, os.path.join(ROOT, ".pkg"))
    from ecosecurity.core.io.raster import read_grid, read_raster
    from ecosecurity.core.landuse.es_clusters import EsClusterOptions, es_clusters, estimate_esclusters_memory
    paths = [os.path.join(args.dir, f"{name}.tif") for name in SERVICES]
    output = os.path.join(args.dir, f"clusters_{args.method}.tif")
    options = EsClusterOptions(method=args.method, clusters=args.clusters, sample_size=args.sample, seed=1)
    start = time.perf_counter()
    result = es_clusters(paths, SERVICES, output, options)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    truth = read_raster(os.path.join(args.dir, "truth.tif")).array
    got = read_raster(output).array
    keep = got > 0
    ari = adjusted_rand_index(truth[keep], got[keep])
    print(json.dumps({"seconds": round(seconds, 2), "peak_rss_mb": round(peak / 2 ** 20, 1),
                      "estimate_mb": round(estimate_esclusters_memory(read_grid(paths[0]), 6, args.sample) / 2 ** 20,
                                           1),
                      "clusters": result.k, "chosen_by": result.model.chosen_by, "ari": round(ari, 4),
                      "cells": int(result.samples), "map": list(result.model.map_size),
                      "quantisation_error": result.model.quantisation_error,
                      "topographic_error": result.model.topographic_error}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--dir", default="/tmp/bench-esclusters")
    parser.add_argument("--method", default="sofm", choices=["sofm", "kmeans"])
    parser.add_argument("--clusters", type=int, default=0)
    parser.add_argument("--sample", type=int, default=100_000)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    args.dir = os.path.join(args.dir, str(args.size))
    if args.child:
        run_child(args)
        return
    generate(args.dir, args.size)
    command = [sys.executable, __file__, "--child", "--size", str(args.size), "--dir", os.path.dirname(args.dir),
               "--method", args.method, "--clusters", str(args.clusters), "--sample", str(args.sample)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        print(done.stderr[-3000:])
        sys.exit(done.returncode)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report.update(size=f"{args.size}x{args.size}", services=len(SERVICES), method=args.method)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
