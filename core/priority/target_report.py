"""The table of scenario target groups (CSV, read back by ``ecosecurity:paretoselect``) and its HTML
page: X of the first space against X of the second, coloured by family (matplotlib Agg, imported lazily;
without it the page is written without the picture and says so)."""
import html
import os
import warnings

import numpy as np

from ..runtime.deps import require
from ..runtime.errors import MissingDependencyError
from ..runtime.progress import ensure
from .front_report import FAMILY_COLOURS
from .targets import family_name, space_name

_ROWS = 50_000


def table_columns(codes):
    """group, family, x_<c> and area_<c>_km2 per space, total_km2, target_km2, share_of_base."""
    per_space = [name for c in codes for name in (f"x_{c}", f"area_{c}_km2")]
    return ["group", "family"] + per_space + ["total_km2", "target_km2", "share_of_base"]


def write_targets_csv(path, groups, progress=None):
    """One row per group, in the order of ``groups`` (numbered 1 …), written in blocks of rows."""
    progress = ensure(progress)
    problem = groups.problem
    codes = problem.codes
    areas = groups.fractions * np.array([problem.areas[c] for c in codes])
    total = areas.sum(axis=1)
    values = np.column_stack([np.stack([groups.fractions, areas], axis=2).reshape(len(total), -1), total,
                              np.full(len(total), problem.target), total / problem.base])
    names = [family_name(int(code)) for code in groups.families]
    row = "%d,%s," + ",".join(["%.10g"] * 2 * len(codes)) + ",%.6f,%.6f,%.10g\n"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        handle.write(",".join(table_columns(codes)) + "\n")
        for start in range(0, len(values), _ROWS):
            stop = min(start + _ROWS, len(values))
            block = values[start:stop].tolist()
            handle.write("".join(row % (start + i + 1, names[start + i], *v) for i, v in enumerate(block)))
            progress.update(stop / len(values), "Writing the table / 写出目标组表")
    return path


def chart_path(html_path):
    """The PNG written beside ``html_path``."""
    return os.path.splitext(str(html_path))[0] + "_groups.png"


def groups_png(path, groups):
    """X of the first space against X of the second (two spaces at least), one colour per family."""
    require("matplotlib", "the target-group chart")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    codes = groups.problem.codes
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure = Figure(figsize=(6.5, 5.0), dpi=110)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(111)
        for family in dict.fromkeys(groups.families.tolist()):
            members = groups.families == family
            name = family_name(family)
            axes.scatter(100 * groups.fractions[members, 0], 100 * groups.fractions[members, 1], s=22,
                         color=FAMILY_COLOURS.get(name, "0.5"), label=f"{name} ({int(members.sum())})")
        axes.set_xlabel(f"X_{codes[0]} {space_name(codes[0])} (%)")
        axes.set_ylabel(f"X_{codes[1]} {space_name(codes[1])} (%)")
        axes.set_title(f"{len(groups.fractions)} target groups (X_{codes[-1]} solved from the target)")
        axes.grid(True, alpha=0.3)
        axes.legend(loc="best", fontsize=8)
        figure.tight_layout()
        figure.savefig(path)
    return path


def write_targets_html(path, groups):
    """The page: the problem, the count per family with its ranges of X, and the chart."""
    problem = groups.problem
    codes = problem.codes
    picture = ""
    if len(codes) >= 2:
        try:
            picture = f'<p><img src="{html.escape(os.path.basename(groups_png(chart_path(path), groups)))}" ' \
                      'alt="target groups"></p>'
        except MissingDependencyError as error:
            picture = f"<p><i>{html.escape(str(error))}</i></p>"
    spaces = "".join(
        f"<tr><td>{c}</td><td>{html.escape(space_name(c))} / {space_name(c, True)}</td><td>{problem.areas[c]:.2f}</td>"
        f"<td>{100 * problem.lower[c]:.2f}</td><td>{100 * problem.upper[c]:.2f}</td></tr>" for c in codes)
    families = ""
    for family in dict.fromkeys(groups.families.tolist()):
        members = groups.fractions[groups.families == family]
        ranges = "".join(f"<td>{100 * members[:, j].min():.2f} – {100 * members[:, j].max():.2f}</td>"
                         for j in range(len(codes)))
        families += f"<tr><td>{html.escape(family_name(family))}</td><td>{len(members)}</td>{ranges}</tr>"
    heads = "".join(f"<th>X_{c} (%)</th>" for c in codes)
    text = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Scenario target groups</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:1em auto}}table{{border-collapse:collapse}}
td,th{{border:1px solid #bbb;padding:2px 8px;text-align:right}}</style></head><body>
<h1>Scenario target groups / 情景保护目标组</h1>
<p>&Sigma;<sub>k</sub> A<sub>k</sub> X<sub>k</sub> = f &times; A<sub>base</sub> = {problem.fraction:g} &times;
{problem.base:.2f} = <b>{problem.target:.2f} km²</b>; step / 步长 {problem.step:g}; {groups.grid_points} grid points
enumerated / 个网格点, <b>{len(groups.fractions)} groups / 个目标组</b>. X_{codes[-1]} is solved from the equation
and need not lie on the grid / X_{codes[-1]} 由方程求解，不必落在网格上.</p>
<table><tr><th>code / 代码</th><th>space / 空间</th><th>A (km²)</th><th>lower / 下限 (%)</th><th>upper / 上限 (%)</th>
</tr>{spaces}</table>
<h2>Families / 组别</h2>
<p>A group is k-first when space k is protected furthest into its range, u<sub>k</sub> = (X<sub>k</sub> &minus;
lower<sub>k</sub>) / (upper<sub>k</sub> &minus; lower<sub>k</sub>); ties go to the lower code. / 某空间的
u<sub>k</sub> 最大即为该空间优先；相等时取代码较小者。</p>
<table><tr><th>family / 组别</th><th>groups / 组数</th>{heads}</tr>{families}</table>
{picture}
</body></html>
"""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
