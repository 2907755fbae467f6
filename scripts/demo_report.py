"""The report of ``make demo``: ``report.html`` (headline figures, parameters, maps rendered by QGIS,
time and peak memory per step, paths relative to the output folder so it can be zipped and sent) and
``demo.qgz`` (every layer styled, grouped by workflow, relative paths)."""
import html
import os

from demo_meter import peak_label

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WORKFLOWS = (("Liuzhi", "六枝：资源型城市生态安全格局"), ("Xi'an", "西安：三生空间与保护优先"),
             ("Gujiao", "古交：生态系统服务与国土空间情景"), ("Inputs", "演示数据"))


class Section:
    """One block of the report: a title, output files with previews, optional HTML (tables)."""

    def __init__(self, title, outputs=(), body=""):
        self.title, self.outputs, self.body = title, list(outputs), body
        self.workflow = ""


def html_table(header, rows):
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


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


def steps_table(records):
    """Time and peak memory per step, grouped by workflow."""
    rows = [(r.workflow, r.name, f"{r.seconds:.1f}", peak_label(r), "done 完成" if r.refused is None
             else f"refused 拒绝运行: {r.refused.strip()}") for r in records]
    total = sum(r.seconds for r in records)
    rows.append(("", "total 合计", f"{total:.1f}", f"{max((r.peak_mb for r in records), default=0):.0f}", ""))
    return html_table(["workflow 流程", "step 步骤", "time 时间 (s)",
                       "peak memory 峰值内存 (MB; + above the step's start 较步骤开始时增加)", "outcome 结果"], rows)


def _parameter_value(value):
    """A parameter as text: lists joined, files of the repository relative to it (``templates/…``)."""
    if isinstance(value, (list, tuple)):
        return ", ".join(_parameter_value(item) for item in value)
    text = str(value)
    return text[len(REPO) + 1:] if text.startswith(REPO + os.sep) else text


def parameters_block(records):
    """Every step's parameters as given, one folded table per step (outputs included)."""
    blocks = []
    for number, record in enumerate(records, 1):
        if record.parameters:
            rows = [(name, _parameter_value(value)) for name, value in record.parameters.items()]
            blocks.append(f"<details><summary>{number}. {html.escape(record.workflow)}: {html.escape(record.name)}"
                          f"</summary>{html_table(['parameter 参数', 'value 取值'], rows)}</details>")
    return "".join(blocks)


def headline_table(headline):
    """The headline figures of the three workflows in one table."""
    rows = []
    liuzhi = headline.get("liuzhi")
    if liuzhi:
        rows += [("Liuzhi 六枝", "sources 生态源地", liuzhi["sources"]["count"], f"{liuzhi['sources']['km2']:.2f} km²"),
                 ("", "corridors 生态廊道", liuzhi["corridors"]["count"], f"{liuzhi['corridors']['km']:.2f} km")]
        rows += [("", f"  {level}", v["count"], f"{v['km']:.2f} km") for level, v in liuzhi["corridors"]["levels"].items()]
        rows += [("", "pinch points 夹点区", liuzhi["pinch_points"]["count"], f"{liuzhi['pinch_points']['km2']:.2f} km²"),
                 ("", "barriers 障碍区", liuzhi["barriers"]["count"], f"{liuzhi['barriers']['km2']:.2f} km²")]
    xian = headline.get("xian")
    if xian:
        rows += [("Xi'an 西安", "target groups 目标组 (on the Pareto front 帕累托前沿)", f"{xian['groups']} ({xian['pareto']})",
                  ""),
                 ("", f"chosen scheme 选定方案: group {xian['chosen_group']}", f"{xian['patches']} patches 斑块",
                  f"{xian['protected_km2']:.2f} km², cost 成本 {xian['cost']:.0f}, benefit 效益 {xian['benefit_km2']:.2f} km²")]
        if "corridors" in xian:
            c = xian["corridors"]
            rows += [("", f"corridors between its {c['cores']} patches ≥ {c['min_patch_ha']:g} ha 方案斑块间廊道",
                      c["count"], f"{c['km']:.2f} km")]
    gujiao = headline.get("gujiao")
    if gujiao:
        rows += [("Gujiao 古交" if i == 0 else "", f"cluster 服务簇 {k}", "", f"{v:.2f} km²")
                 for i, (k, v) in enumerate(gujiao["clusters"].items())]
        if "simulation" in gujiao:
            sim = gujiao["simulation"]
            rows.append(("", "simulated change 模拟变化", f"{sim['changed_cells']} cells 像元",
                         f"{sim['changed_km2']:.2f} km², demand met 需求满足: {'yes 是' if sim['demand_met'] else 'no 否'}"))
    return html_table(["workflow 流程", "figure 指标", "count 数量", "size 规模"], rows)


def _section_block(out, previews, s_index, section):
    items = []
    for o_index, (label, path, layers) in enumerate(section.outputs):
        rel = os.path.relpath(path, out)
        image = ""
        if layers:
            png = render_png(layers, os.path.join(previews, f"{s_index:02d}_{o_index:02d}.png"))
            if png:
                image = f'<img src="{html.escape(os.path.relpath(png, out))}" alt="{html.escape(label)}">'
        items.append(f'<div class="output"><h3>{html.escape(label)}</h3>'
                     f'<p><a href="{html.escape(rel)}"><code>{html.escape(rel)}</code></a></p>{image}</div>')
    return f"<section><h3>{html.escape(section.title)}</h3>{section.body}{''.join(items)}</section>"


def write_report(out, sections, records, seconds, size, headline):
    """``out/report.html``; ``records``: the :class:`demo_meter.StepRecord` of every step."""
    previews = os.path.join(out, "previews")
    os.makedirs(previews, exist_ok=True)
    blocks = []
    for workflow, chinese in WORKFLOWS:
        members = [(i, section) for i, section in enumerate(sections) if section.workflow == workflow]
        if members:
            blocks.append(f"<h2>{html.escape(workflow)} / {chinese}</h2>")
            blocks.extend(_section_block(out, previews, i, section) for i, section in members)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>EcoSecurity demo report / 演示报告</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:auto;padding:1em}}
img{{max-width:640px;border:1px solid #ccc}} table{{border-collapse:collapse;margin:.5em 0}}
td,th{{border:1px solid #bbb;padding:2px 8px;text-align:right}} .output{{margin-bottom:1.5em}}</style></head>
<body><h1>EcoSecurity demo report / 生态安全格局演示报告</h1>
<p>Synthetic demo landscape ({size} &times; {size} cells of 30 m) — all figures below come from generated data, not
a real study area. 演示景观为虚拟数据。Run time 运行时间: {seconds:.1f} s. Open <a href="demo.qgz">demo.qgz</a> in
QGIS to see every layer styled and grouped by workflow. 用 QGIS 打开 demo.qgz 查看全部图层。</p>
<h2>Headline figures / 主要结果</h2>{headline_table(headline)}
<h2>Steps: time and peak memory / 各步骤耗时与峰值内存</h2>{steps_table(records)}
<h2>Parameters used / 各步骤参数</h2><p>Each step's parameters as the demo gave them (the rest at their defaults);
files of the demo relative to this folder, templates relative to the plugin. 各步骤所用参数（其余取默认值）。</p>
{parameters_block(records)}
{''.join(blocks)}</body></html>"""
    path = os.path.join(out, "report.html")
    with open(path, "w", encoding="utf-8") as handle:   # paths inside tables relative too: the folder travels
        handle.write(page.replace(os.path.join(out, ""), ""))
    return path


def write_project(out, sections):
    """``out/demo.qgz``: every output layer of the sections with its style, one group per workflow,
    paths relative to the project."""
    from qgis.core import QgsProject
    project = QgsProject()
    project.setFileName(os.path.join(out, "demo.qgz"))
    project.writeEntryBool("Paths", "/Absolute", False)
    root = project.layerTreeRoot()
    seen = set()
    crs = None
    for workflow, chinese in WORKFLOWS:
        members = [section for section in sections if section.workflow == workflow]
        if not members:
            continue
        group = root.addGroup(f"{workflow} {chinese}")
        for section in members:
            for _label, _path, layers in section.outputs:
                for path in layers or ():
                    if path in seen:
                        continue
                    layer = load_layer(path)
                    if layer.isValid():
                        seen.add(path)
                        project.addMapLayer(layer, False)
                        group.addLayer(layer)
                        crs = crs or layer.crs()
        group.setExpanded(workflow != "Inputs")
    if crs is not None:
        project.setCrs(crs)
    project.write()
    return project.fileName()
