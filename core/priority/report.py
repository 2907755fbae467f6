"""HTML page of a priority ranking: the performance curves as a PNG (matplotlib Agg, imported lazily
through :func:`require`, no pyplot) and the figures of the run (rule, cells, AUC, coverage at the top
fractions)."""
import html
import os
import warnings

from ..runtime.deps import require

TOP_SHARES = (0.1, 0.3, 0.5)


def chart_path(html_path):
    """The PNG written beside ``html_path``."""
    return os.path.splitext(str(html_path))[0] + "_curves.png"


def curves_png(path, curves, names, title):
    """Mean / min / max coverage and every feature's curve against the fraction of the landscape lost."""
    require("matplotlib", "the performance-curve chart")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    rank = curves.rank
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure = Figure(figsize=(7.5, 4.8), dpi=110)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(111)
        for j in range(curves.coverage.shape[1]):
            axes.plot(rank, curves.coverage[:, j], color="0.75", linewidth=0.6,
                      label="features" if j == 0 else None)
        summary = curves.summary()
        axes.plot(rank, summary[:, 3], color="#1a9641", linewidth=2, label="mean")
        axes.plot(rank, summary[:, 5], color="#d7191c", linewidth=1.5, label="min")
        axes.plot(rank, summary[:, 4], color="#2c7bb6", linewidth=1.5, label="max")
        axes.set_xlim(0, 1)
        axes.set_ylim(0, 1.02)
        axes.set_xlabel("Fraction of the landscape removed (rank)")
        axes.set_ylabel("Fraction of feature remaining")
        axes.set_title(title)
        axes.grid(True, alpha=0.3)
        axes.legend(loc="lower left")
        figure.tight_layout()
        figure.savefig(path)
    return path


def write_report(path, curves, names, rule, step, zones, title="Conservation priority ranking"):
    """Write the HTML page and its PNG; returns the HTML path."""
    png = curves_png(chart_path(path), curves, names, f"{title} ({rule})")
    rows = []
    for share in TOP_SHARES:
        coverage = curves.at([1.0 - share])[0]
        rows.append(f"<tr><td>{100 * share:g} %</td><td>{coverage.mean():.4f}</td><td>{coverage.min():.4f}</td>"
                    f"<td>{coverage.max():.4f}</td></tr>")
    features = "".join(
        f"<tr><td>{j}</td><td>{html.escape(name)}</td><td>{curves.weights[j]:g}</td><td>{curves.auc[j]:.6f}</td>"
        f"<td>{curves.at([0.9])[0][j]:.4f}</td></tr>" for j, name in enumerate(names))
    text = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:1em auto}}table{{border-collapse:collapse}}
td,th{{border:1px solid #bbb;padding:2px 8px;text-align:right}}</style></head><body>
<h1>{html.escape(title)} / 保护优先级排序</h1>
<p>Rule / 规则: <b>{html.escape(rule)}</b>; cells ranked / 像元数: {curves.n}; removal step / 移除步长: {step:g};
zones / 分区数: {zones}. Area under curve (mean over features) / 曲线下面积: <b>{curves.mean_auc:.6f}</b></p>
<p><img src="{html.escape(os.path.basename(png))}" alt="performance curves"></p>
<h2>Coverage kept in the top fraction / 最高优先级区域保留的特征比例</h2>
<table><tr><th>top / 前</th><th>mean / 平均</th><th>min / 最小</th><th>max / 最大</th></tr>{''.join(rows)}</table>
<h2>Features / 特征</h2>
<table><tr><th>#</th><th>name / 名称</th><th>weight / 权重</th><th>AUC</th><th>top 10 % / 前 10%</th></tr>{features}</table>
</body></html>
"""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
