"""``make demo``: the main job on the bundled synthetic demo landscape, with an HTML report.

Generates the demo layers (``scripts/make_demo_data.py``) when missing, runs the EcoSecurity
algorithms through QGIS Processing exactly as a user's model would, and writes
``<out>/report.html`` listing every output with a PNG preview rendered with its style.
Each step is a function ``step_*(ctx)`` returning report sections; they run in pipeline order.
"""
import argparse
import html
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, HERE)

import make_demo_data  # noqa: E402


class Section:
    """One block of the report: a title, output files with previews, optional HTML (tables)."""

    def __init__(self, title, outputs=(), body=""):
        self.title, self.outputs, self.body = title, list(outputs), body


def html_table(header, rows):
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


# --------------------------------------------------------------------------- QGIS
def start_qgis():
    """A headless QGIS with Processing and the EcoSecurity provider from this tree."""
    from qgis.core import QgsApplication
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    link_dir = os.path.join(REPO, ".pkg")
    os.makedirs(link_dir, exist_ok=True)
    link = os.path.join(link_dir, "ecosecurity")
    if not os.path.exists(link):
        os.symlink(REPO, link)
    sys.path.insert(0, link_dir)
    from ecosecurity.provider import EcoSecurityProvider
    provider = EcoSecurityProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def run(name, parameters):
    import processing
    from qgis.core import QgsProcessingFeedback
    started = time.time()
    results = processing.run(f"ecosecurity:{name}", parameters, feedback=QgsProcessingFeedback())
    print(f"  ecosecurity:{name} done in {time.time() - started:.1f} s")
    return results


#: Preview symbols of the demo's input vector layers (outputs carry their own styles).
DEMO_SYMBOLS = {
    "redline": {"color": "0,0,0,0", "outline_color": "0,100,0,255", "outline_width": "0.8", "outline_style": "dash"},
    "mining": {"color": "120,60,20,200", "outline_color": "60,30,10,255"},
    "roads": {"line_color": "90,90,90,255", "line_width": "0.4"},
    "rivers": {"line_color": "30,90,200,255", "line_width": "0.5"},
    "sources": {"color": "170,215,160,255", "outline_color": "0,90,0,255", "outline_width": "0.4"},
    "townships": {"color": "0,0,0,0", "outline_color": "120,120,120,255", "outline_width": "0.2"},
    "pinch_areas": {"color": "230,30,30,230", "outline_color": "120,0,0,255", "outline_width": "0.3"},
    "barrier_areas": {"color": "140,40,200,230", "outline_color": "60,0,90,255", "outline_width": "0.3"},
}


def load_layer(path):
    from qgis.core import (
        QgsFillSymbol,
        QgsLineSymbol,
        QgsRasterLayer,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
        QgsWkbTypes,
    )
    name = os.path.splitext(os.path.basename(path))[0]
    if path.lower().endswith((".gpkg", ".shp", ".geojson", ".csv")):
        layer = QgsVectorLayer(path, name, "ogr")
    else:
        layer = QgsRasterLayer(path, name)
    if layer.isValid():
        layer.loadDefaultStyle()
        if name in DEMO_SYMBOLS:
            polygon = layer.geometryType() == QgsWkbTypes.PolygonGeometry
            symbol = (QgsFillSymbol if polygon else QgsLineSymbol).createSimple(DEMO_SYMBOLS[name])
            layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def render_png(paths, png, extent_path=None, width=640):
    """Render the layers (first = top) with their default styles into ``png``."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    layers = [load_layer(path) for path in paths]
    layers = [layer for layer in layers if layer.isValid()]
    if not layers:
        return None
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[-1].crs())
    extent = load_layer(extent_path).extent() if extent_path else layers[-1].extent()
    settings.setExtent(extent)
    ratio = extent.height() / extent.width() if extent.width() else 1.0
    settings.setOutputSize(QSize(width, int(width * ratio)))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(png, "PNG")
    return png


# --------------------------------------------------------------------------- steps
def step_inputs(ctx):
    data = ctx["data"]
    overlay = [os.path.join(data, name) for name in ("redline.gpkg", "mining.gpkg", "roads.gpkg", "rivers.gpkg")]
    return [Section("Demo landscape (synthetic) / 演示景观（虚拟数据）", [
        ("Land use 土地利用 (with red line, mines, roads, rivers)", os.path.join(data, "landuse.tif"),
         overlay + [os.path.join(data, "landuse.tif")]),
        ("DEM 高程", os.path.join(data, "dem.tif"), [os.path.join(data, "dem.tif")]),
    ], "<p>Generated by <code>scripts/make_demo_data.py</code> (seeded): 30 m cells, EPSG:4545. "
       "Not real data. 本数据为程序生成的虚拟景观。</p>")]


def step_classify_dem(ctx):
    out = ctx["out"]
    result = run("classifyraster", {
        "INPUT": os.path.join(ctx["data"], "dem.tif"), "METHOD": 0, "CLASSES": 5,
        "OUTPUT": os.path.join(out, "dem_classes.tif"), "OUTPUT_TABLE": os.path.join(out, "dem_classes.csv")})
    rows = read_csv_rows(result["OUTPUT_TABLE"])
    table = html_table(["class 等级", "lower 下限 (m)", "upper 上限 (m)", "score 分值", "cells 像元数", "area 面积 (km²)"],
                       [(r["class"], f"{float(r['lower']):.1f}", f"{float(r['upper']):.1f}", r["score"], r["count"],
                         f"{float(r['area']) / 1e6:.2f}") for r in rows])
    return [Section("Elevation graded by natural breaks / 高程自然断点分级 (ecosecurity:classifyraster)", [
        ("DEM classes 高程分级", result["OUTPUT"], [result["OUTPUT"]]),
        ("Class table 分级统计表", result["OUTPUT_TABLE"], None),
    ], table)]


#: Habitat classes of the demo land use for MSPA: forest, shrub, grassland, water, wetland.
HABITAT = "1,2,3,8,9"


def step_mspa(ctx):
    """MSPA on the demo land use (habitat = forest, shrub, grassland, water, wetland)."""
    out = ctx["out"]
    result = run("mspa", {"INPUT": os.path.join(ctx["data"], "landuse.tif"), "FOREGROUND_VALUES": HABITAT,
                          "MISSING_VALUES": "", "CONNECTIVITY": 0, "EDGE_WIDTH": 1,
                          "OUTPUT": os.path.join(out, "mspa.tif"), "OUTPUT_STATS": os.path.join(out, "mspa_stats.csv")})
    ctx["mspa"] = result["OUTPUT"]
    rows = read_csv_rows(result["OUTPUT_STATS"])
    return [Section("MSPA / 形态学空间格局分析 (ecosecurity:mspa, 8-connected, EdgeWidth 1)", [
        ("MSPA classes MSPA 景观类型", result["OUTPUT"], [result["OUTPUT"]]),
        ("MSPA statistics 统计", result["OUTPUT_STATS"], None),
    ], html_table(list(rows[0].keys()), [list(row.values()) for row in rows]))]


def step_sources(ctx):
    """Ecological sources: MSPA cores >= 50 ha plus the red line, kept when dPC > 1 (5000 m, p = 0.5)."""
    import processing
    data, out = ctx["data"], ctx["out"]
    patches = run("habitatpatches", {"INPUT": ctx["mspa"], "CLASSES": "17,117", "CONNECTIVITY": 0,
                                     "MIN_AREA": 50, "PROTECTED": os.path.join(data, "redline.gpkg"),
                                     "OUTPUT": os.path.join(out, "patches.gpkg"),
                                     "OUTPUT_RASTER": os.path.join(out, "patches.tif")})
    importance = run("connectivity", {"INPUT": patches["OUTPUT"], "ID_FIELD": "patch_id", "ATTRIBUTE_FIELD": "area_ha",
                                      "DISTANCE": 0, "DISTANCE_THRESHOLD": 5000, "PROBABILITY": 0.5,
                                      "MIN_DPC": 1, "LEVELS": 3,
                                      "OUTPUT": os.path.join(out, "patch_importance.gpkg"),
                                      "OUTPUT_OVERALL": os.path.join(out, "connectivity_overall.csv"),
                                      "OUTPUT_LINKS": os.path.join(out, "connectivity_links.gpkg")})
    sources = processing.run("native:extractbyattribute", {
        "INPUT": importance["OUTPUT"], "FIELD": "is_source", "OPERATOR": 0, "VALUE": "1",
        "OUTPUT": os.path.join(out, "sources.gpkg")})["OUTPUT"]
    ctx["sources"] = sources
    overall = read_csv_rows(importance["OUTPUT_OVERALL"])
    body = (f"<p><b>{importance['SOURCE_COUNT']} sources, {importance['SOURCE_AREA_KM2']:.2f} km²</b> "
            f"（{importance['SOURCE_COUNT']} 个生态源地，面积 {importance['SOURCE_AREA_KM2']:.2f} km²）, picked from "
            f"{patches['PATCH_COUNT']} candidate patches ({patches['TOTAL_AREA_KM2']:.2f} km²): MSPA core ≥ 50 ha "
            "or inside the red line, dPC &gt; 1 at 5000 m / p = 0.5.</p>"
            + html_table(list(overall[0].keys()), [list(row.values()) for row in overall]))
    return [Section("Ecological sources / 生态源地 (ecosecurity:habitatpatches, connectivity)", [
        ("Sources by importance level 生态源地（按重要性分级）", sources,
         [sources, os.path.join(data, "landuse.tif")]),
        ("Candidate patches 候选斑块", patches["OUTPUT"], [patches["OUTPUT"]]),
        ("Patch importance (dPC) 斑块重要性", importance["OUTPUT"], [importance["OUTPUT"]]),
    ], body)]


def step_corridors(ctx):
    """Least-cost corridors between the sources on the resistance surface (Linkage Mapper rules)."""
    out = ctx["out"]
    result = run("corridors", {
        "CORES": ctx["sources"], "CORE_ID_FIELD": "node_id", "RESISTANCE": ctx["resistance"], "ADJACENCY": 2,
        "DROP_THROUGH_CORES": True, "MAX_NEAREST": 4, "CONNECT_CONSTELLATIONS": True, "TRUNCATE_WIDTH": 20000,
        "OUTPUT_CORRIDORS": os.path.join(out, "corridors.tif"),
        "OUTPUT_TRUNCATED": os.path.join(out, "corridors_truncated.tif"),
        "OUTPUT_LCP": os.path.join(out, "least_cost_paths.gpkg"), "OUTPUT_LINKS": os.path.join(out, "links.csv"),
        "OUTPUT_CWD": os.path.join(out, "cost_distance.tif"), "OUTPUT_ALLOCATION": os.path.join(out, "allocation.tif")})
    ctx["lcp"], ctx["links"] = result["OUTPUT_LCP"], result["OUTPUT_LINKS"]
    ctx["corridor_count"], ctx["corridor_km"] = result["CORRIDOR_COUNT"], result["CORRIDOR_LENGTH_KM"]
    return [Section("Least-cost corridors / 最小累积阻力廊道 (ecosecurity:corridors)", [
        ("Truncated corridors and least-cost paths 截断廊道与最小成本路径", result["OUTPUT_TRUNCATED"],
         [result["OUTPUT_LCP"], ctx["sources"], result["OUTPUT_TRUNCATED"]]),
        ("Normalised corridors 归一化廊道", result["OUTPUT_CORRIDORS"], [result["OUTPUT_CORRIDORS"]]),
        ("Cost distance 累积成本距离", result["OUTPUT_CWD"], [result["OUTPUT_CWD"]]),
        ("Link table 廊道连接表", result["OUTPUT_LINKS"], None),
    ], f"<p><b>{result['CORRIDOR_COUNT']} corridors, {result['CORRIDOR_LENGTH_KM']:.2f} km</b> "
       f"（{result['CORRIDOR_COUNT']} 条廊道，总长 {result['CORRIDOR_LENGTH_KM']:.2f} km）.</p>")]


def step_circuit(ctx):
    """Pairwise circuit theory between the sources (Circuitscape rules), one focal point per source."""
    out = ctx["out"]
    # Points, not polygons: polygons are focal regions (one factorisation per pair, as in Circuitscape).
    focal = run_native("native:pointonsurface", {"INPUT": ctx["sources"], "ALL_PARTS": False,
                                                 "OUTPUT": os.path.join(out, "source_points.gpkg")})["OUTPUT"]
    result = run("circuitscape", {
        "RESISTANCE": ctx["resistance"], "FOCAL": focal, "FOCAL_ID_FIELD": "node_id", "MODE": 0,
        "OUTPUT_CURRENT": os.path.join(out, "current.tif"),
        "OUTPUT_RESISTANCES": os.path.join(out, "effective_resistances.csv")})
    rows = read_csv_rows(result["OUTPUT_RESISTANCES"])
    return [Section("Circuit theory / 电路理论 (ecosecurity:circuitscape, pairwise)", [
        ("Cumulative current 累积电流密度", result["OUTPUT_CURRENT"], [ctx["sources"], result["OUTPUT_CURRENT"]]),
        ("Effective resistances 有效电阻", result["OUTPUT_RESISTANCES"], None),
    ], html_table(list(rows[0].keys()), [list(row.values()) for row in rows]))]


RESISTANCE_CRITERIA = ("land use, elevation, slope, vegetation cover, distance to roads, distance to rivers, "
                       "distance to mining areas")
#: Upper triangle of the demo's AHP matrix (Saaty scale), close to the template's weights; CR < 0.1.
RESISTANCE_AHP = "3,2,2,2,3,2; 1/2,1/2,1/2,1,1; 1,1,2,1; 1,2,1; 2,1; 1/2"


def run_native(name, parameters):
    import processing
    return processing.run(name, parameters)


def step_resistance(ctx):
    """Resistance surface from the Liuzhi factor template, weights by AHP."""
    import shutil
    data, out = ctx["data"], ctx["out"]
    run_native("native:slope", {"INPUT": os.path.join(data, "dem.tif"), "Z_FACTOR": 1,
                                "OUTPUT": os.path.join(data, "slope.tif")})
    for name in ("roads", "rivers", "mining"):
        run("distance", {"INPUT_VECTOR": os.path.join(data, f"{name}.gpkg"),
                         "REFERENCE": os.path.join(data, "landuse.tif"), "MAX_DISTANCE": 5000,
                         "OUTPUT": os.path.join(data, f"dist_{name}.tif")})
    ahp = run("ahpweights", {"CRITERIA": RESISTANCE_CRITERIA, "MATRIX": RESISTANCE_AHP,
                             "OUTPUT": os.path.join(out, "resistance_ahp_weights.csv")})
    table = os.path.join(data, "liuzhi_resistance.csv")
    shutil.copyfile(os.path.join(REPO, "templates", "liuzhi_resistance.csv"), table)
    result = run("resistancesurface", {
        "REFERENCE": os.path.join(data, "landuse.tif"), "FACTOR_TABLE": table,
        "WEIGHTS_TABLE": ahp["OUTPUT"], "OUTPUT_RANGE": 3,
        "OUTPUT": os.path.join(out, "resistance.tif"), "REPORT": os.path.join(out, "resistance_factors.csv")})
    ctx["resistance"] = result["OUTPUT"]
    weights = read_csv_rows(ahp["OUTPUT"])
    report = read_csv_rows(result["REPORT"])
    body = (f"<p>AHP: λmax = {ahp['LAMBDA_MAX']:.4f}, CI = {ahp['CI']:.4f}, RI = {ahp['RI']:.2f}, "
            f"CR = {ahp['CR']:.4f} (&lt; 0.1). Resistance 阻力值 {result['MINIMUM']:.2f} – {result['MAXIMUM']:.2f}, "
            f"mean 均值 {result['MEAN']:.2f}.</p>"
            + html_table(list(weights[0].keys()), [list(row.values()) for row in weights])
            + html_table(list(report[0].keys()), [list(row.values()) for row in report]))
    return [Section("Resistance surface / 阻力面 (ecosecurity:distance, ahpweights, resistancesurface)", [
        ("Resistance 综合阻力面 (1-100)", result["OUTPUT"], [result["OUTPUT"]]),
        ("Distance to roads 距道路距离", os.path.join(data, "dist_roads.tif"), [os.path.join(data, "dist_roads.tif")]),
        ("AHP weights 层次分析法权重", ahp["OUTPUT"], None),
        ("Factor report 因子报告", result["REPORT"], None),
    ], body)]


def read_csv_rows(path):
    import csv
    with open(path, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


#: Class names of the demo land use (scripts/make_demo_data.py) for the key-area tables.
LAND_USE_NAMES = "1:林地,2:灌木林,3:草地,4:耕地,5:城镇,6:农村居民点,7:裸地,8:水域,9:湿地"


def step_centrality(ctx):
    """Corridor importance: current-flow centrality on the core network, three levels (Centrality Mapper)."""
    out = ctx["out"]
    result = run("centrality", {
        "CORES": ctx["sources"], "CORE_ID_FIELD": "node_id", "LINKS": ctx["lcp"], "LEVELS": 3,
        "OUTPUT_CORES": os.path.join(out, "cores_centrality.gpkg"),
        "OUTPUT_LINKS": os.path.join(out, "corridor_centrality.gpkg"),
        "OUTPUT_SUMMARY": os.path.join(out, "centrality_levels.csv")})
    ctx["centrality_links"] = result["OUTPUT_LINKS"]
    rows = read_csv_rows(result["OUTPUT_SUMMARY"])
    ctx["centrality_rows"] = rows
    return [Section("Corridor centrality / 廊道中心度 (ecosecurity:centrality, current flow, natural breaks)", [
        ("Corridors graded by centrality 按中心度分级的廊道", result["OUTPUT_LINKS"],
         [result["OUTPUT_LINKS"], ctx["sources"], ctx["resistance"]]),
        ("Levels 分级统计", result["OUTPUT_SUMMARY"], None),
    ], html_table(list(rows[0].keys()), [list(row.values()) for row in rows]))]


def townships(ctx):
    """A 6 km grid standing in for township boundaries (the demo has none)."""
    if "units" not in ctx:
        ctx["units"] = run_native("native:creategrid", {
            "TYPE": 2, "EXTENT": ctx["resistance"], "HSPACING": 6000, "VSPACING": 6000, "CRS": ctx["resistance"],
            "OUTPUT": os.path.join(ctx["out"], "townships.gpkg")})["OUTPUT"]
    return ctx["units"]


def key_areas(ctx, raster, stem, title):
    """Top natural-breaks level of ``raster`` × resistance as polygons, tabulated per township."""
    out = ctx["out"]
    result = run("keyareas", {
        "INPUT": raster, "RESISTANCE": ctx["resistance"], "COMBINE": 1, "LEVELS": 4, "KEEP_LEVELS": 1, "MIN_AREA": 1,
        "CORRIDORS": ctx["lcp"], "LAND_USE": os.path.join(ctx["data"], "landuse.tif"),
        "CLASS_NAMES": LAND_USE_NAMES, "UNITS": townships(ctx), "UNIT_NAME_FIELD": "id",
        "OUTPUT": os.path.join(out, f"{stem}_areas.gpkg"), "OUTPUT_TABLE": os.path.join(out, f"{stem}_areas.csv"),
        "OUTPUT_HTML": os.path.join(out, f"{stem}_areas.html"), "OUTPUT_LEVELS": os.path.join(out, f"{stem}_levels.tif")})
    ctx[f"{stem}_areas"] = result["OUTPUT"]
    ctx[f"{stem}_figures"] = (result["COUNT"], result["AREA_KM2"])
    rows = read_csv_rows(result["OUTPUT_TABLE"])
    body = (f"<p><b>{result['COUNT']} {title[0]} areas, {result['AREA_KM2']:.2f} km²</b> "
            f"（{result['COUNT']} 处{title[1]}，面积 {result['AREA_KM2']:.2f} km²）: the top of four natural-breaks "
            "levels of the score × resistance (both scaled to 0–1), areas of 1 ha or more, per township:</p>"
            + html_table(list(rows[0].keys()), [list(row.values()) for row in rows]))
    return result, body


def step_pinchpoints(ctx):
    """Pinch points: current of each corridor on its own window (Pinchpoint Mapper), key areas per township."""
    out = ctx["out"]
    result = run("pinchpoints", {
        "CORES": ctx["sources"], "CORE_ID_FIELD": "node_id", "RESISTANCE": ctx["resistance"], "LINKS": ctx["links"],
        "CWD_CUTOFF": 20000, "MODE": 0, "SQUARE_RESISTANCES": False,
        "OUTPUT": os.path.join(out, "pinchpoints.tif"), "OUTPUT_LINKS": os.path.join(out, "pinchpoint_links.csv")})
    areas, body = key_areas(ctx, result["OUTPUT"], "pinch", ("pinch-point", "夹点区"))
    return [Section("Pinch points / 夹点 (ecosecurity:pinchpoints, keyareas)", [
        ("Pinch-point current 夹点电流", result["OUTPUT"], [areas["OUTPUT"], ctx["sources"], result["OUTPUT"]]),
        ("Pinch-point areas 夹点区", areas["OUTPUT"], [areas["OUTPUT"], townships(ctx), ctx["sources"],
                                                      os.path.join(ctx["data"], "landuse.tif")]),
        ("Effective resistances per link 各廊道有效电阻", result["OUTPUT_LINKS"], None),
        ("Per-township table 分乡镇统计表", areas["OUTPUT_TABLE"], None),
    ], body)]


def step_barriers(ctx):
    """Barriers: improvement scores of restoring discs of 90-270 m radius (Barrier Mapper), key areas per township."""
    out = ctx["out"]
    result = run("barriers", {
        "CORES": ctx["sources"], "CORE_ID_FIELD": "node_id", "RESISTANCE": ctx["resistance"], "LINKS": ctx["links"],
        "MIN_RADIUS": 90, "MAX_RADIUS": 270, "RADIUS_STEP": 90, "COMBINE": 0, "PERCENT": False,
        "OUTPUT_CENTERS": os.path.join(out, "barrier_centers.tif"),
        "OUTPUT_CIRCLES": os.path.join(out, "barrier_circles.tif"),
        "OUTPUT_CAPPED": os.path.join(out, "barrier_circles_capped.tif")})
    areas, body = key_areas(ctx, result["OUTPUT_CIRCLES"], "barrier", ("barrier", "障碍区"))
    return [Section("Barriers / 障碍点 (ecosecurity:barriers, keyareas)", [
        ("Improvement score 改善得分", result["OUTPUT_CIRCLES"], [ctx["sources"], result["OUTPUT_CIRCLES"]]),
        ("Barrier areas 障碍区", areas["OUTPUT"], [areas["OUTPUT"], townships(ctx), ctx["sources"],
                                                  os.path.join(ctx["data"], "landuse.tif")]),
        ("Per-township table 分乡镇统计表", areas["OUTPUT_TABLE"], None),
    ], body)]


def step_key_areas_summary(ctx):
    """The pattern in one table and one map: sources, corridors by importance, pinch points and barriers."""
    sources = load_layer(ctx["sources"]).featureCount()
    area = sum(f.geometry().area() for f in load_layer(ctx["sources"]).getFeatures()) / 1e6
    rows = [("Ecological sources 生态源地", sources, f"{area:.2f} km²"),
            ("Corridors 生态廊道", ctx["corridor_count"], f"{ctx['corridor_km']:.2f} km")]
    for row in ctx["centrality_rows"]:
        rows.append((f"  {row['level_en']} {row['level_zh']}", row["count"], f"{float(row['length_km']):.2f} km"))
    for stem, label in (("pinch", "Pinch-point areas 夹点区"), ("barrier", "Barrier areas 障碍区")):
        count, km2 = ctx[f"{stem}_figures"]
        rows.append((label, count, f"{km2:.2f} km²"))
    table = html_table(["element 要素", "count 数量", "size 规模"], rows)
    return [Section("Ecological security pattern / 生态安全格局 (headline figures)", [
        ("Sources, corridors by centrality, pinch points and barriers 源地、分级廊道、夹点与障碍区",
         ctx["centrality_links"], [ctx["pinch_areas"], ctx["barrier_areas"], ctx["centrality_links"],
                                   ctx["sources"], townships(ctx)]),
    ], table)]


def step_services(ctx):
    """Ecosystem services (InVEST formulas): carbon storage and habitat quality from the Gujiao templates."""
    data, out = ctx["data"], ctx["out"]
    land = os.path.join(data, "landuse.tif")
    for name in ("roads", "mining"):  # threat rasters 0/1 on the land-use grid, named after the threats
        run_native("gdal:rasterize", {"INPUT": os.path.join(data, f"{name}.gpkg"), "BURN": 1, "UNITS": 1,
                                      "WIDTH": 30, "HEIGHT": 30, "EXTENT": land, "INIT": 0, "DATA_TYPE": 0,
                                      "OUTPUT": os.path.join(data, f"{name}.tif")})
    result = run("ecosystemservices", {
        "LAND_USE": land, "CARBON_TABLE": os.path.join(REPO, "templates", "gujiao_carbon.csv"),
        "THREATS": os.path.join(REPO, "templates", "gujiao_threats.csv"),
        "SENSITIVITY": os.path.join(REPO, "templates", "gujiao_sensitivity.csv"),
        "THREAT_RASTERS": [os.path.join(data, "roads.tif"), os.path.join(data, "mining.tif")],
        "HALF_SATURATION": 0.05, "CLASS_NAMES": LAND_USE_NAMES,
        "OUTPUT_CARBON": os.path.join(out, "carbon.tif"), "OUTPUT_QUALITY": os.path.join(out, "habitat_quality.tif"),
        "OUTPUT_DEGRADATION": os.path.join(out, "habitat_degradation.tif"),
        "OUTPUT_SUMMARY": os.path.join(out, "es_summary.csv")})
    ctx["carbon"], ctx["quality"] = result["OUTPUT_CARBON"], result["OUTPUT_QUALITY"]
    rows = read_csv_rows(result["OUTPUT_SUMMARY"])
    body = (f"<p>Total carbon 碳储量 <b>{result['TOTAL_CARBON'] / 1e6:.2f} × 10⁶ Mg C</b>; mean habitat quality "
            f"生境质量均值 <b>{result['MEAN_QUALITY']:.3f}</b> (half-saturation k = 0.05). Illustrative tables "
            "(templates/gujiao_*.csv). 示例参数表。</p>"
            + html_table(list(rows[0].keys()), [list(row.values()) for row in rows]))
    return [Section("Gujiao: ecosystem services / 古交：生态系统服务 (ecosecurity:ecosystemservices)", [
        ("Carbon storage 碳储量 (Mg)", result["OUTPUT_CARBON"], [result["OUTPUT_CARBON"]]),
        ("Habitat quality 生境质量", result["OUTPUT_QUALITY"], [result["OUTPUT_QUALITY"]]),
        ("Summary per land-use class 分地类统计", result["OUTPUT_SUMMARY"], None),
    ], body)]


def step_clusters(ctx):
    """Ecosystem-service bundles: two-level SOFM on four services, number of clusters by silhouette."""
    data, out = ctx["data"], ctx["out"]
    result = run("esclusters", {
        "INPUTS": [ctx["carbon"], ctx["quality"], os.path.join(data, "fvc.tif"), os.path.join(data, "soil_erosion.tif")],
        "DIRECTIONS": "+,+,+,-", "STANDARDISE": 0, "METHOD": 0, "SOM_LEVELS": 0, "CLUSTERS": 0,
        "MIN_CLUSTERS": 3, "MAX_CLUSTERS": 6, "CRITERION": 0, "SEED": 1,
        "OUTPUT": os.path.join(out, "es_clusters.tif"), "OUTPUT_PROFILES": os.path.join(out, "es_profiles.csv"),
        "OUTPUT_HTML": os.path.join(out, "es_clusters.html")})
    rows = read_csv_rows(result["OUTPUT_PROFILES"])
    charts = sorted(name for name in os.listdir(out) if name.startswith("es_clusters_") and name.endswith(".png"))
    images = "".join(f'<img src="{html.escape(name)}" alt="{html.escape(name)}" style="max-width:300px">'
                     for name in charts)
    body = (f"<p><b>{result['N_CLUSTERS']} service bundles</b>（{result['N_CLUSTERS']} 类生态系统服务簇）: "
            "carbon, habitat quality, vegetation cover, soil erosion (reversed); chosen by the silhouette over "
            "3–6 clusters. Radar charts per cluster and the correlation (trade-off / synergy) matrix:</p>"
            + html_table(list(rows[0].keys()), [list(row.values()) for row in rows]) + f"<p>{images}</p>")
    return [Section("Gujiao: service bundles / 古交：生态系统服务簇 (ecosecurity:esclusters, SOFM)", [
        ("Functional zones (clusters) 功能分区（服务簇）", result["OUTPUT"], [result["OUTPUT"]]),
        ("Cluster profiles 各簇服务特征", result["OUTPUT_PROFILES"], None),
        ("Charts page 图表页", result["OUTPUT_HTML"], None),
    ], body)]


def step_demand(ctx):
    """Land demand 2035 by the grey multi-objective programme (GMOP), coordinated scenario."""
    data, out = ctx["data"], ctx["out"]
    result = run("landdemand", {
        "METHOD": 1, "LATER": os.path.join(data, "landuse.tif"),
        "COEFFICIENTS": os.path.join(REPO, "templates", "gujiao_gmop.csv"), "SCENARIO": 2,
        "ECONOMIC_WEIGHT": 0.5, "WHITENING": 0.5, "RED_LINE": os.path.join(data, "redline.gpkg"),
        "TARGET_YEAR": 2035, "SOLVER": 0, "CLASS_NAMES": LAND_USE_NAMES,
        "OUTPUT": os.path.join(out, "land_demand.csv")})
    ctx["demand"] = result["OUTPUT"]
    rows = read_csv_rows(result["OUTPUT"])
    body = (f"<p>Coordinated scenario 协调情景 (economic weight 0.5): economic satisfaction 经济满意度 "
            f"{result['ECONOMIC_SATISFACTION']:.2f}, ecological 生态满意度 {result['ECOLOGICAL_SATISFACTION']:.2f}. "
            "Illustrative coefficients (templates/gujiao_gmop.csv). 示例系数。</p>"
            + html_table(list(rows[0].keys()), [list(row.values()) for row in rows]))
    return [Section("Gujiao: land demand / 古交：土地需求 (ecosecurity:landdemand, GMOP)", [
        ("Demand per class 各地类需求", result["OUTPUT"], None),
    ], body)]


#: Allowed conversions of the demo scenario (rows: from class 1..9, columns: to class 1..9; 1 = allowed).
CONVERSION = ("1,1,1,0,0,0,0,0,1;1,1,1,0,0,0,0,0,1;1,1,1,0,1,1,0,0,1;1,1,1,1,1,1,0,1,1;0,0,0,0,1,0,0,0,0;"
              "0,0,0,0,1,1,0,0,0;1,1,1,1,1,0,1,0,1;0,0,0,0,0,0,0,1,1;0,0,0,0,0,0,0,1,1")


def step_simulation(ctx):
    """Restoration scenario 2035: FLUS-style simulation to the GMOP demand, red line frozen."""
    data, out = ctx["data"], ctx["out"]
    land = os.path.join(data, "landuse.tif")
    red_line = run_native("gdal:rasterize", {
        "INPUT": os.path.join(data, "redline.gpkg"), "BURN": 1, "UNITS": 1, "WIDTH": 30, "HEIGHT": 30,
        "EXTENT": land, "INIT": 0, "DATA_TYPE": 0, "OUTPUT": os.path.join(data, "redline.tif")})["OUTPUT"]
    ctx["red_line_raster"] = red_line
    result = run("landsimulation", {
        "LAND_USE": land,
        "DRIVERS": [os.path.join(data, f"{name}.tif") for name in ("dem", "slope", "fvc", "dist_roads", "dist_rivers")],
        "DEMAND": ctx["demand"], "CONVERSION": CONVERSION, "RESTRICTED": red_line, "NEIGHBOURHOOD": 3, "SEED": 1,
        "MAX_ITERATIONS": 300, "OUTPUT": os.path.join(out, "landuse_scenario.tif"),
        "OUTPUT_ITERATIONS": os.path.join(out, "landuse_scenario_iterations.csv")})
    demand = {row["class"]: row for row in read_csv_rows(ctx["demand"])}
    cell_km2 = 30 * 30 / 1e6
    last = read_csv_rows(result["OUTPUT_ITERATIONS"])[-1]
    rows = []
    for code, row in sorted(demand.items(), key=lambda item: int(item[0])):
        simulated = next((float(value) for key, value in last.items() if key in (f"cells_{code}", f"{code}_cells")),
                         None)
        rows.append((code, row.get("name", ""), f"{float(row['area_later_km2']):.2f}", f"{float(row['area_km2']):.2f}",
                     f"{simulated * cell_km2:.2f}" if simulated is not None else "-"))
    body = (f"<p><b>{result['CHANGED_CELLS']} cells changed in {result['ITERATIONS']} iterations</b> "
            f"（{result['ITERATIONS']} 次迭代，{result['CHANGED_CELLS']} 个像元发生变化）; every demand met: "
            f"{'yes 是' if result['DEMAND_MET'] else 'no 否'}; red-line cells frozen. Drivers: DEM, slope, vegetation "
            "cover, distances to roads and rivers (MLP occurrence probabilities, seeded).</p>"
            + html_table(["class 地类", "name 名称", "now 现状 (km²)", "demand 需求 (km²)", "simulated 模拟 (km²)"], rows))
    return [Section("Gujiao: restoration scenario / 古交：生态修复情景模拟 (ecosecurity:landsimulation)", [
        ("Simulated land use 2035 模拟土地利用", result["OUTPUT"], [result["OUTPUT"]]),
        ("Land use now 现状土地利用", land, [land]),
        ("Per-iteration demand gaps 逐次迭代需求差", result["OUTPUT_ITERATIONS"], None),
    ], body)]


XIAN_MISSING_FACTORS = ("soil_organic_matter", "dist_towns", "population")


def xian_factor_table(ctx):
    """The Xi'an suitability template without the three factors the demo landscape lacks, with paths to
    the demo rasters (weights are normalised per function)."""
    lines = []
    with open(os.path.join(REPO, "templates", "xian_suitability.csv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or any(name in line for name in XIAN_MISSING_FACTORS):
                continue
            lines.append(",".join(os.path.join(ctx["data"], cell) if cell.endswith(".tif") else cell
                                  for cell in line.rstrip("\n").split(",")))
    path = os.path.join(ctx["out"], "xian_suitability_factors.csv")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def step_xian_spaces(ctx):
    """Xi'an: production / living / ecological suitability and the three spaces."""
    data, out = ctx["data"], ctx["out"]
    result = run("suitability", {
        "LANDUSE": os.path.join(data, "landuse.tif"), "FACTOR_TABLE": xian_factor_table(ctx),
        "OUTPUT_PRODUCTION": os.path.join(out, "suitability_production.tif"),
        "OUTPUT_LIVING": os.path.join(out, "suitability_living.tif"),
        "OUTPUT_ECOLOGICAL": os.path.join(out, "suitability_ecological.tif"),
        "OUTPUT_SPACES": os.path.join(out, "spaces.tif"), "AREA_TABLE": os.path.join(out, "spaces_area.csv")})
    ctx["spaces"] = result["OUTPUT_SPACES"]
    ctx["suitability"] = [result["OUTPUT_PRODUCTION"], result["OUTPUT_LIVING"], result["OUTPUT_ECOLOGICAL"]]
    rows = [(row["space"], row["name"], f"{float(row['area_km2']):.2f}", f"{float(row['percent']):.1f}")
            for row in read_csv_rows(result["AREA_TABLE"])]
    body = html_table(["space 空间", "name 名称", "km²", "%"], rows)
    return [Section("Xi'an: three spaces / 西安：三生空间 (ecosecurity:suitability)", [
        ("Production-living-ecological spaces 三生空间", result["OUTPUT_SPACES"], [result["OUTPUT_SPACES"]]),
        ("Ecological suitability 生态适宜性", result["OUTPUT_ECOLOGICAL"], [result["OUTPUT_ECOLOGICAL"]]),
    ], body)]


def step_priority(ctx):
    """Xi'an: conservation priority ranked per space (CAZ1, as the study), the red line first."""
    data, out = ctx["data"], ctx["out"]
    result = run("priorityrank", {
        "FEATURES": ctx["suitability"] + [ctx["carbon"], ctx["quality"], os.path.join(data, "fvc.tif")], "RULE": 1,
        "ZONES": ctx["spaces"], "REMOVAL_STEP": 0.01, "TOP_FRACTION": 0.3, "HIERARCHY": ctx["red_line_raster"],
        "OUTPUT": os.path.join(out, "priority_rank.tif"), "OUTPUT_CURVES": os.path.join(out, "priority_curves.csv"),
        "OUTPUT_HTML": os.path.join(out, "priority_curves.html"), "OUTPUT_TOP": os.path.join(out, "priority_top30.tif")})
    ctx["rank"] = result["OUTPUT"]
    image = '<img src="priority_curves_curves.png" alt="performance curves">' \
        if os.path.exists(os.path.join(out, "priority_curves_curves.png")) else ""
    body = (f"<p>Ranked within each space on the three suitabilities, carbon, habitat quality and vegetation cover. "
            f"Area under the mean performance curve AUC = <b>{result['AUC']:.3f}</b>; top 30 % per space "
            f"({result['TOP_CELLS']} cells). 在各空间内分别排序，平均性能曲线下面积 {result['AUC']:.3f}。</p>" + image)
    return [Section("Xi'an: conservation priority per space / 西安：分空间保护优先级 (ecosecurity:priorityrank, CAZ1)", [
        ("Priority rank per space 分空间优先级 (0–1)", result["OUTPUT"], [result["OUTPUT"]]),
        ("Top 30 % per space 各空间前 30%", result["OUTPUT_TOP"], [result["OUTPUT_TOP"]]),
        ("Performance curves 性能曲线", result["OUTPUT_CURVES"], None),
    ], body)]


def step_targets_and_pareto(ctx):
    """Xi'an: scenario target groups, their cost and buffered benefit, the Pareto front and the chosen scheme."""
    out = ctx["out"]
    targets = run("scenariotargets", {
        "ZONES": ctx["spaces"], "BASE_FRACTION": 0.38, "LOWER": "0.20,0.10,0.40", "UPPER": "0.30,0.20,0.56",
        "STEP": 0.02, "PRIORITY": 3, "OUTPUT": os.path.join(out, "target_groups.csv")})
    result = run("paretoselect", {
        "RANK": ctx["rank"], "ZONES": ctx["spaces"], "TARGETS": targets["OUTPUT"],
        "LAND_USE": os.path.join(ctx["data"], "landuse.tif"),
        "COST_TABLE": os.path.join(REPO, "templates", "xian_costs.csv"), "REDLINE": ctx["red_line_raster"],
        "BUFFER": 100, "OUTPUT_TABLE": os.path.join(out, "schemes.csv"), "OUTPUT_HTML": os.path.join(out, "pareto.html"),
        "OUTPUT": os.path.join(out, "best_scheme.tif"), "OUTPUT_POLYGONS": os.path.join(out, "best_scheme.gpkg")})
    rows = read_csv_rows(result["OUTPUT_TABLE"])
    best = next(row for row in rows if row["is_best"] == "1")
    families = {}
    for row in rows:
        families[row["family"]] = families.get(row["family"], 0) + 1
    body = (f"<p><b>{targets['GROUPS']} target groups</b> protect 38 % of the region "
            f"({', '.join(f'{k}: {v}' for k, v in families.items())}); {result['PARETO']} lie on the Pareto front. "
            f"Chosen (best benefit / cost): group {html.escape(best['group'])} ({html.escape(best['family'])}), "
            f"X = {best['x_1']} / {best['x_2']} / {best['x_3']}, protected {float(best['protected_km2']):.1f} km², "
            f"cost {float(best['cost']):.0f} (10⁴ yuan, illustrative unit costs), benefit "
            f"{float(best['benefit_km2']):.1f} km² within 100 m, {result['PATCHES']} patches. The study's 800 m buffer "
            "is scaled down with the landscape (30 km across; 800 m would cover all of it). "
            f"共 {targets['GROUPS']} 个目标组，{result['PARETO']} 个位于帕累托前沿；选定效益/成本比最高的方案；"
            "缓冲距离按演示景观尺度缩小为 100 米。</p>"
            '<img src="pareto_front.png" alt="Pareto front">')
    return [Section("Xi'an: scenario targets and Pareto selection / 西安：情景目标与帕累托优选 "
                    "(ecosecurity:scenariotargets, ecosecurity:paretoselect)", [
                        ("Chosen protection scheme 选定保护方案", result["OUTPUT"], [result["OUTPUT"]]),
                        ("Scheme table 方案表", result["OUTPUT_TABLE"], None),
                        ("Target groups 目标组", targets["OUTPUT"], None),
                    ], body)]


STEPS = [step_inputs, step_classify_dem, step_mspa, step_sources, step_resistance, step_corridors, step_circuit,
         step_centrality, step_pinchpoints, step_barriers, step_key_areas_summary, step_services, step_clusters,
         step_demand, step_simulation, step_xian_spaces, step_priority, step_targets_and_pareto]


# --------------------------------------------------------------------------- report
def write_report(out, sections, seconds):
    previews = os.path.join(out, "previews")
    os.makedirs(previews, exist_ok=True)
    blocks = []
    for s_index, section in enumerate(sections):
        items = []
        for o_index, (label, path, layers) in enumerate(section.outputs):
            rel = os.path.relpath(path, out)
            image = ""
            if layers:
                png = render_png(layers, os.path.join(previews, f"{s_index:02d}_{o_index:02d}.png"))
                if png:
                    image = f'<img src="{os.path.relpath(png, out)}" alt="{html.escape(label)}">'
            items.append(f'<div class="output"><h3>{html.escape(label)}</h3>'
                         f'<p><a href="{html.escape(rel)}"><code>{html.escape(rel)}</code></a></p>{image}</div>')
        blocks.append(f"<section><h2>{html.escape(section.title)}</h2>{section.body}{''.join(items)}</section>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>EcoSecurity demo report / 演示报告</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:auto;padding:1em}}
img{{max-width:640px;border:1px solid #ccc}} table{{border-collapse:collapse;margin:.5em 0}}
td,th{{border:1px solid #bbb;padding:2px 8px;text-align:right}} .output{{margin-bottom:1.5em}}</style></head>
<body><h1>EcoSecurity demo report / 生态安全格局演示报告</h1>
<p>Synthetic demo landscape — all figures below come from generated data, not a real study area.
演示景观为虚拟数据。Run time 运行时间: {seconds:.1f} s.</p>
{''.join(blocks)}</body></html>"""
    path = os.path.join(out, "report.html")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(page)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="demo_output")
    parser.add_argument("--size", type=int, default=1000, help="demo landscape cells per side (30 m)")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    data = os.path.join(out, "data")
    stamp = os.path.join(data, f".size-{args.size}")
    if not os.path.exists(stamp):
        print(f"Generating the demo landscape ({args.size} x {args.size} cells) in {data}")
        make_demo_data.generate(data, args.size)
        open(stamp, "w").close()
    started = time.time()
    app, _provider = start_qgis()
    ctx = {"out": out, "data": data}
    sections = []
    for step in STEPS:
        print(step.__doc__.strip().splitlines()[0] if step.__doc__ else step.__name__)
        sections.extend(step(ctx))
    report = write_report(out, sections, time.time() - started)
    print(f"Report: {report}")
    app.exitQgis()


if __name__ == "__main__":
    main()
