"""Benchmark: ``ecosecurity:priorityrank`` core on the Zonation 5 reference data.

    python bench/priorityrank.py [--case trees|mammals-abf|mammals-cazmax] [--step 0.01]

Ranks the features of the reference case (trees: 130,210 cells x 67 features, CAZ2, as Zonation 5 v2.4's
``--mode=CAZ2`` run; mammals: 169,530 cells x 9 features, ABF or CAZMAX) with the whole core step
(reading, ranking, curves), then compares the curves with Zonation 5's and prints JSON: seconds (wall,
ranking + curves), peak RSS (``getrusage``), iterations are implied by the step, the largest curve
deviation from Zonation 5 and the AUC against Zonation 5's. Anchor: Zonation 5 takes 2 s on 4 threads
for the trees (prioritisation only; 5 s in total).
"""
import argparse
import glob
import json
import os
import resource
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, ".pkg"))
sys.path.insert(0, os.path.join(ROOT, "tests"))

CASES = {  # folder, rule, reference curves, Zonation AUC
    "trees": ("eu_trees_67sp", 0, "z5_caz2_output_excerpt/summary_curves_points.csv", 0.722295),
    "mammals-abf": ("eu_mammals_9sp", 3, "setup_1/output/summary_curves.csv", 0.550399),
    "mammals-cazmax": ("eu_mammals_9sp", 2, "setup_2/output/summary_curves.csv", 0.545758),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES), default="trees")
    parser.add_argument("--step", type=float, default=0.01)
    args = parser.parse_args()
    import conftest  # noqa: F401 (links the working tree as the package ``ecosecurity``)
    from ecosecurity.core.priority.curves import read_zonation_curves
    from ecosecurity.core.priority.priority_rank import PriorityOptions, rank_features
    from refpaths import REFERENCE
    folder, rule, curves_file, z5_auc = CASES[args.case]
    base = REFERENCE / "zonation" / folder
    features = sorted(glob.glob(str(base / "inputs" / "*.tif")))
    start = time.perf_counter()
    stack, result = rank_features(features, options=PriorityOptions(rule=rule, step=args.step))
    seconds = time.perf_counter() - start
    header, reference = read_zonation_curves(base / curves_file)
    ours = result.curves.summary()
    deviation = {c: float(np.abs(np.interp(reference[:, 0], ours[:, 0], ours[:, header.index(c)])
                                 - reference[:, header.index(c)]).max()) for c in ("mean", "max", "min")}
    print(json.dumps({
        "case": args.case, "cells": int(len(stack.cells)), "features": len(stack.names), "step": args.step,
        "seconds": round(seconds, 2), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "curve_deviation": {k: round(v, 4) for k, v in deviation.items()},
        "auc": round(result.curves.mean_auc, 6), "auc_zonation5": z5_auc,
        "within_tolerance": max(deviation.values()) <= 0.005 and abs(result.curves.mean_auc - z5_auc) <= 0.001}))


if __name__ == "__main__":
    main()
