"""The HTML page of ``esclusters``: summary, choice of k, profile table, a radar chart per cluster
and the service correlation matrix; the PNGs are written beside the page
(``<page>_cluster_<n>.png``, ``<page>_correlation.png``) and linked from it. Without matplotlib the
page carries the tables only, with a warning naming the install command.
"""
import html
import os
import warnings

import numpy as np

from ..runtime.deps import available, install_hint
from ..runtime.errors import EcoSecurityWarning
from .charts import cluster_colour, correlation_png, radar_png
from .clusters import CRITERIA

CRITERION_NAMES = {"silhouette": "Silhouette (max) / 轮廓系数（越大越好）",
                   "davies_bouldin": "Davies–Bouldin (min) / DB 指数（越小越好）",
                   "calinski_harabasz": "Calinski–Harabasz (max) / CH 指数（越大越好）"}
METHOD_NAMES = {"sofm": "self-organising feature map (SOFM) / 自组织特征映射", "kmeans": "k-means / K 均值"}


def chart_paths(html_path, clusters):
    """The PNG files of a page with ``clusters`` clusters: (radar paths, correlation path)."""
    stem = os.path.splitext(html_path)[0]
    return [f"{stem}_cluster_{i}.png" for i in range(1, clusters + 1)], f"{stem}_correlation.png"


def write_report(path, result, options, title):
    """Write the page (and its PNGs); returns the list of files written."""
    radar_files, correlation_file = chart_paths(path, result.k)
    labels = [f"{name} (−)" if sign < 0 else name
              for name, sign in zip(result.names, options.directions or [1] * len(result.names))]
    written = []
    charts = available("matplotlib")
    if charts:
        values = [[row[f"std_{f}"] if row[f"std_{f}"] is not None else np.nan for f in result.fields]
                  for row in result.profiles]
        values = np.array(values, dtype=float)
        low = min(0.0, float(np.nanmin(values))) if np.isfinite(values).any() else 0.0
        high = max(1.0, float(np.nanmax(values))) if np.isfinite(values).any() else 1.0
        if options.standardise == "zscore":
            low, high = min(low, -1.0), max(high, 1.0)
        for i, file in enumerate(radar_files):
            radar_png(file, labels, np.nan_to_num(values[i]), f"Cluster {i + 1} / 簇 {i + 1}",
                      cluster_colour(i), (low, high), reference=result.overall)
            written.append(file)
        correlation_png(correlation_file, labels, result.correlation,
                        "Correlation of the services (Pearson r) / 服务相关系数")
        written.append(correlation_file)
    else:
        warnings.warn(
            "matplotlib is not installed: the HTML page has the tables but no radar charts or correlation image. "
            f"Install it with: {install_hint('matplotlib')} / 未安装 matplotlib，HTML 中没有雷达图和相关矩阵图。",
            EcoSecurityWarning)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(page(result, options, title, radar_files if charts else [],
                          correlation_file if charts else None))
    return [path] + written


def _number(value, digits=4):
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return ""
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return f"{value:.{digits}g}" if abs(value) >= 1e4 else f"{value:.{digits}f}"


def _table(headers, rows):
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table>\n<tr>{head}</tr>\n{body}\n</table>\n"


def page(result, options, title, radar_files, correlation_file):
    model = result.model
    reversed_names = [n for n, d in zip(result.names, options.directions or []) if d < 0]
    items = [f"Services / 服务: {html.escape(', '.join(result.names))}"
             + (f" (reversed, less is better / 反向: {html.escape(', '.join(reversed_names))})"
                if reversed_names else ""),
             f"Standardisation / 标准化: {'min–max' if options.standardise == 'minmax' else 'z-score'}",
             f"Method / 方法: {METHOD_NAMES[options.method]}"]
    if options.method == "sofm":
        level = ("two-level: map codebook clustered with k-means / 两级：对神经元权向量再做 K 均值聚类"
                 if options.levels == "two" else "one-level: each neuron is a cluster / 单级：每个神经元为一类")
        items.append(f"SOFM: {level}; map / 网格 {model.map_size[0]} × {model.map_size[1]}; quantisation error / "
                     f"量化误差 {_number(model.quantisation_error)}; topographic error / 拓扑误差 "
                     f"{_number(model.topographic_error)}; seed / 随机种子 {options.seed}")
    items.append(f"Samples / 样本: {result.samples} ({result.trained_on} used for training / 用于训练)")
    chosen = (f"chosen automatically by {CRITERION_NAMES[model.chosen_by]} / 自动选择" if model.chosen_by
              else "given / 指定")
    items.append(f"Clusters / 聚类数: <b>{result.k}</b> ({html.escape(chosen)})")
    parts = ["<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">", f"<title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif}table{border-collapse:collapse;margin:6px 0}"
             "td,th{border:1px solid #999;padding:2px 8px}td{text-align:right}"
             ".charts img{margin:4px;border:1px solid #ddd}</style></head><body>",
             f"<h2>{html.escape(title)}</h2>", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"]
    if model.scores:
        rows = []
        for k in sorted(model.scores):
            mark = " ◀" if model.chosen_by and k == model.chosen_k else ""
            rows.append([str(k) + mark] + [_number(model.scores[k][c]) for c in CRITERIA])
        parts.append("<h3>Number of clusters / 聚类数评价</h3>")
        parts.append(_table(["k"] + [CRITERION_NAMES[c] for c in CRITERIA], rows))
    parts.append("<h3>Cluster profiles / 各簇服务特征</h3>")
    parts.append("<p>Mean standardised value of each service per cluster, then the mean raw value. / "
                 "各簇各服务的标准化均值及原始均值。</p>")
    headers = ["Cluster / 簇", "Cells / 像元", "Units / 单元", f"Area ({result.area_unit}) / 面积", "Share (%) / 占比"]
    headers += [f"{n} (std)" for n in result.names] + [f"{n} (mean)" for n in result.names]
    rows = []
    for row in result.profiles:
        colour = "#%02x%02x%02x" % cluster_colour(row["cluster"] - 1)
        cells = [f"<span style=\"color:{colour}\">■</span> {row['cluster']}", _number(row["cells"]),
                 _number(row["units"]), _number(row["area"]), _number(row["area_pct"], 2)]
        cells += [_number(row[f"std_{f}"]) for f in result.fields] + [_number(row[f"mean_{f}"]) for f in result.fields]
        rows.append(cells)
    parts.append(_table(headers, rows))
    if radar_files:
        parts.append("<h3>Radar charts / 雷达图</h3><p>Dashed: the mean over all samples. / 虚线为全部样本均值。</p>"
                     "<div class=\"charts\">")
        parts += [f"<img src=\"{html.escape(os.path.basename(f))}\" alt=\"cluster {i + 1}\">"
                  for i, f in enumerate(radar_files)]
        parts.append("</div>")
    parts.append("<h3>Correlation of the services (trade-offs &lt; 0 &lt; synergies) / 服务间相关性（权衡与协同）</h3>")
    if correlation_file:
        parts.append(f"<div class=\"charts\"><img src=\"{html.escape(os.path.basename(correlation_file))}\" "
                     "alt=\"correlation\"></div>")
    rows = [[html.escape(name)] + [_number(float(v), 3) for v in result.correlation[i]]
            for i, name in enumerate(result.names)]
    parts.append(_table([""] + list(result.names), rows))
    if result.notes:
        parts.append("<h3>Notes / 说明</h3><ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in result.notes)
                     + "</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
