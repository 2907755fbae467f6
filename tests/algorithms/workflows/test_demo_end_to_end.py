"""``make demo`` end to end on a small landscape: it writes the report, the project and every layer, and its
headline figures equal values computed here independently from the output files (OGR geometry, raster
counts, a disc dilation for the buffer, the cost table read with the csv module)."""
import csv
import json
import os
import subprocess
import sys
import zipfile
from xml.etree import ElementTree

import numpy as np
import pytest
from osgeo import gdal, ogr
from scipy import ndimage

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SIZE = 200
CELL_KM2 = 30 * 30 / 1e6


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, os.path.join(REPO, "scripts", "demo.py"), "--out", str(out), "--size",
                           str(SIZE)], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    with open(out / "headline.json", encoding="utf-8") as handle:
        return out, json.load(handle)


def band(path):
    dataset = gdal.Open(str(path))
    array = dataset.GetRasterBand(1).ReadAsArray()
    nodata = dataset.GetRasterBand(1).GetNoDataValue()
    return array, (array != nodata) if nodata is not None else np.ones(array.shape, bool)


def features(path):
    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    rows = [(f.GetGeometryRef().Clone(), f.items()) for f in layer]
    return rows


def test_report_project_and_styles_are_written(demo):
    out, _ = demo
    with open(out / "report.html", encoding="utf-8") as handle:
        page = handle.read()
    assert "Headline figures" in page and "peak memory" in page and str(out) not in page   # relative paths only
    assert page.count("<details>") >= 20 and "<td>FOREGROUND_VALUES</td>" in page       # every step's parameters
    assert "<td>templates/xian_costs.csv</td>" in page and "<td>data/landuse.tif</td>" in page
    with zipfile.ZipFile(out / "demo.qgz") as archive:
        project = archive.read(next(n for n in archive.namelist() if n.endswith(".qgs"))).decode("utf-8")
    assert str(out) not in project and 'source="./sources.gpkg"' in project
    groups = [g.get("name") or "" for g in ElementTree.fromstring(project).iter("layer-tree-group")]
    for name in ("Liuzhi", "Xi'an", "Gujiao"):
        assert any(group.startswith(name) for group in groups), (name, groups)
    for raster in ("mspa", "current", "pinch_levels", "priority_rank", "best_scheme", "landuse_scenario"):
        assert (out / f"{raster}.tif").exists() and (out / f"{raster}.qml").exists(), raster


def test_liuzhi_headline_figures(demo):
    out, headline = demo
    liuzhi = headline["liuzhi"]
    sources = features(out / "sources.gpkg")
    assert liuzhi["sources"]["count"] == len(sources) > 0
    assert liuzhi["sources"]["km2"] == pytest.approx(sum(g.GetArea() for g, _ in sources) / 1e6, rel=1e-9)
    paths = features(out / "least_cost_paths.gpkg")
    assert liuzhi["corridors"]["count"] == len(paths) > 0
    assert liuzhi["corridors"]["km"] == pytest.approx(sum(g.Length() for g, _ in paths) / 1e3, rel=1e-6)
    graded = features(out / "corridor_centrality.gpkg")
    for level, figures in liuzhi["corridors"]["levels"].items():
        members = [g for g, items in graded if items["level_en"] == level]
        assert figures["count"] == len(members)
        assert figures["km"] == pytest.approx(sum(g.Length() for g in members) / 1e3, rel=1e-6)
    for key, stem in (("pinch_points", "pinch"), ("barriers", "barrier")):
        areas = features(out / f"{stem}_areas.gpkg")
        assert liuzhi[key]["count"] == len(areas)
        assert liuzhi[key]["km2"] == pytest.approx(sum(g.GetArea() for g, _ in areas) / 1e6, rel=1e-6)


def read_costs(path):
    costs = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            costs[(int(row["space"]) if row["space"] else 0, int(row["class"]))] = float(row["cost"])
    return costs


def test_xian_chosen_scheme(demo):
    out, headline = demo
    xian = headline["xian"]
    patches, valid = band(out / "best_scheme.tif")
    protected = valid & (patches > 0)
    assert xian["protected_km2"] == pytest.approx(protected.sum() * CELL_KM2, rel=1e-9)
    _, count = ndimage.label(protected, structure=np.ones((3, 3)))
    assert xian["patches"] == count
    spaces, region = band(out / "spaces.tif")
    land, _ = band(out / "data" / "landuse.tif")
    costs = read_costs(os.path.join(REPO, "templates", "xian_costs.csv"))
    cost = sum(costs.get((int(s), int(c)), costs.get((0, int(c)))) * 0.09
               for s, c in zip(spaces[protected], land[protected]))
    assert xian["cost"] == pytest.approx(cost, rel=1e-6)
    radius = 100 / 30                                  # the demo's buffer, in cells: a disc dilation
    r = int(radius)
    y, x = np.mgrid[-r:r + 1, -r:r + 1]
    within = ndimage.binary_dilation(protected, structure=(x * x + y * y) <= radius * radius) & region
    assert xian["benefit_km2"] == pytest.approx(within.sum() * CELL_KM2, rel=1e-9)
    with open(out / "schemes.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == xian["groups"] and sum(r["is_pareto"] == "1" for r in rows) == xian["pareto"]
    ratios = [float(r["benefit_km2"]) / float(r["cost"]) for r in rows]
    assert rows[int(np.argmax(ratios))]["group"] == xian["chosen_group"]
    labels, _ = ndimage.label(protected, structure=np.ones((3, 3)))
    hectares = np.bincount(labels[protected]) * CELL_KM2 * 100
    corridors = xian["corridors"]
    assert corridors["cores"] == np.count_nonzero(hectares >= corridors["min_patch_ha"]) >= 2
    paths = features(out / "xian_least_cost_paths.gpkg")
    assert corridors["count"] == len(paths) > 0
    assert corridors["km"] == pytest.approx(sum(g.Length() for g, _ in paths) / 1e3, rel=1e-6)


def test_gujiao_clusters_and_simulated_change(demo):
    out, headline = demo
    gujiao = headline["gujiao"]
    clusters, valid = band(out / "es_clusters.tif")
    for cluster, km2 in gujiao["clusters"].items():
        assert km2 == pytest.approx(((clusters == int(cluster)) & valid).sum() * CELL_KM2, rel=1e-9)
    before, valid_before = band(out / "data" / "landuse.tif")
    after, valid_after = band(out / "landuse_scenario.tif")
    changed = (before != after) & valid_before & valid_after
    assert gujiao["simulation"]["changed_cells"] == changed.sum() > 0
