"""HTML page and PNG of the cost–benefit front of the protection schemes: every scheme (by family),
the Pareto front, its supported points, the knee, the ratio-best and the chosen scheme, the optimised
scheme if any, and the table of the front. matplotlib (Agg, no pyplot) is optional: without it the page
is written without the picture and says so."""
import html
import os
import warnings

import numpy as np

from ..runtime.deps import require
from ..runtime.errors import MissingDependencyError

FAMILY_COLOURS = {"production-first": "#e6a817", "living-first": "#d7301f", "ecology-first": "#1a9641"}


def front_png_path(html_path):
    """The PNG written beside ``html_path``."""
    return os.path.splitext(str(html_path))[0] + "_front.png"


def front_png(path, rows, front, chosen):
    """Scatter of benefit (km²) against cost with the front drawn as a step line."""
    require("matplotlib", "the Pareto-front chart")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    cost = np.array([row["cost"] for row in rows])
    benefit = np.array([row["benefit_km2"] for row in rows])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure = Figure(figsize=(7.5, 5.0), dpi=110)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(111)
        families = [row["family"] for row in rows]
        for family in dict.fromkeys(families):
            members = [i for i, f in enumerate(families) if f == family]
            axes.scatter(cost[members], benefit[members], s=14, color=FAMILY_COLOURS.get(family, "0.6"),
                         alpha=0.7, label=family or "schemes")
        order = np.flatnonzero(front.is_pareto)
        order = order[np.lexsort((-benefit[order], cost[order]))]
        axes.plot(cost[order], benefit[order], color="k", linewidth=1.2, label="Pareto front")
        supported = np.flatnonzero(front.is_supported)
        axes.scatter(cost[supported], benefit[supported], s=40, facecolors="none", edgecolors="k",
                     label="supported (convex hull)")
        axes.scatter([cost[front.knee]], [benefit[front.knee]], marker="D", s=70, color="#2c7bb6", label="knee")
        axes.scatter([cost[front.best_ratio]], [benefit[front.best_ratio]], marker="^", s=80, color="#7b3294",
                     label="best benefit / cost")
        axes.scatter([cost[chosen]], [benefit[chosen]], marker="*", s=220, color="#ffd700", edgecolors="k",
                     label="chosen scheme", zorder=5)
        axes.set_xlabel("Cost (cost-table unit)")
        axes.set_ylabel("Benefit: area within the buffer (km²)")
        axes.set_title("Protection schemes: cost against benefit")
        axes.grid(True, alpha=0.3)
        axes.legend(loc="lower right", fontsize=8)
        figure.tight_layout()
        figure.savefig(path)
    return path


def _cell(value):
    return f"{value:.6g}" if isinstance(value, float) else html.escape(str(value))


def write_front_report(path, result, options):
    """Write the page and its PNG; returns the page's path."""
    rows, front, chosen = result.rows, result.front, result.chosen
    try:
        picture = f'<img src="{html.escape(os.path.basename(front_png(front_png_path(path), rows, front, chosen)))}" ' \
                  'alt="Pareto front">'
    except MissingDependencyError as error:
        picture = f"<p><i>{html.escape(str(error))}</i></p>"
    columns = ["group", "family"] + [f"x_{code}" for code in result.codes] + [
        "protected_km2", "cost", "benefit_km2", "ratio", "marginal_slope", "is_supported", "is_knee", "is_best"]
    front_rows = [row for row in rows if row["is_pareto"]]
    front_rows.sort(key=lambda row: row["cost"])
    body = "".join("<tr>" + "".join(f"<td>{_cell(row[c])}</td>" for c in columns) + "</tr>" for row in front_rows)
    best = rows[chosen]
    optimised = ""
    if result.optimisation is not None:
        solution = result.optimisation
        optimised = (f"<p>Exact optimisation / 精确优化: solver {html.escape(solution.solver)}, status "
                     f"{html.escape(solution.status)}, objective {solution.objective:.6g}, gap {solution.gap:.3g}, "
                     f"{solution.seconds:.1f} s. {html.escape(solution.message)}</p>")
    text = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Pareto selection</title>
<style>body{{font-family:sans-serif;max-width:70em;margin:1em auto}}table{{border-collapse:collapse}}
td,th{{border:1px solid #bbb;padding:2px 6px;text-align:right}}</style></head><body>
<h1>Protection schemes: cost and benefit / 保护方案的成本与效益</h1>
<p>{len(rows)} schemes / 个方案; {int(front.is_pareto.sum())} on the Pareto front / 位于帕累托前沿;
benefit = area within {options.buffer:g} m of the protected cells (a union) / 效益 = 保护像元 {options.buffer:g} 米缓冲区
（并集）面积; hypervolume / 超体积 {front.hypervolume:.6g}.</p>
<p><b>Chosen scheme / 选定方案: {html.escape(str(best['group']))}</b> ({html.escape(str(best['family']))}):
protected / 保护 {best['protected_km2']:.3f} km², cost / 成本 {best['cost']:.6g}, benefit / 效益
{best['benefit_km2']:.3f} km², {result.patches} patches / 个斑块.</p>
{optimised}{picture}
<h2>Pareto front / 帕累托前沿</h2>
<table><tr>{''.join(f'<th>{html.escape(c)}</th>' for c in columns)}</tr>{body}</table>
</body></html>
"""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
