"""The MSPA summary (:class:`.statistics.MspaSummary`) as a CSV or HTML table.

Columns: class key, English and Chinese name, pixels, area, % of the foreground area (FG %), % of
the data area (data %), objects, for the Opening row the porosity (GWB prints the porosity on
that row), and the unit of the area column (``m²``, another ``<unit>²``, ``map units²`` without
CRS, or ``pixels`` when the CRS is geographic). The CSV ends with the rows ``fg_area``,
``ifg_area``, ``data_area`` and ``total`` (pixels and area only).
"""
import csv
import html
import os

from ...runtime.errors import InputError

HEADER = ("key", "class", "class_zh", "pixels", "area", "fg_percent", "data_percent", "objects", "porosity",
          "area_unit")


def _number(value, digits=2):
    return "" if value is None else f"{value:.{digits}f}"


def summary_rows(summary):
    """Rows of :data:`HEADER` (strings and numbers) for ``summary``."""
    rows = []
    for row in summary.rows:
        porosity = summary.porosity if row.key == "opening" else None
        rows.append((row.key, row.name, row.name_zh, row.pixels, row.area, _number(row.fg_percent),
                     _number(row.data_percent), row.objects, _number(porosity), summary.area_unit))
    totals = (("fg_area", "FG area", "前景面积", summary.fg_pixels),
              ("ifg_area", "iFG area", "含孔隙前景面积", summary.ifg_pixels),
              ("data_area", "Data area", "数据面积", summary.data_pixels),
              ("total", "All pixels", "全部像元", summary.total_pixels))
    for key, name, name_zh, pixels in totals:
        if pixels is not None:
            rows.append((key, name, name_zh, pixels, pixels * summary.cell_area, "", "", "", "", summary.area_unit))
    return rows


def write_summary(path, summary, title=""):
    """Write ``summary`` as HTML (``.html`` / ``.htm``) or CSV (any other extension)."""
    path = str(path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(f"The folder of '{path}' does not exist. / 统计表所在文件夹不存在。")
    rows = summary_rows(summary)
    tmp = path + ".part"
    try:
        if path.lower().endswith((".html", ".htm")):
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.write(summary_html(summary, rows, title))
        else:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(HEADER)
                writer.writerows(rows)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return path


def summary_html(summary, rows, title=""):
    """A small self-contained HTML page with the summary table."""
    head = ("Class 类别", "Pixels 像元数", f"Area 面积 ({summary.area_unit})", "FG % 占前景", "Data % 占数据区",
            "Objects 斑块数", "Porosity 孔隙度")
    lines = [f"<tr>{''.join(f'<th>{html.escape(h)}</th>' for h in head)}</tr>"]
    for key, name, name_zh, pixels, area, fg, data, objects, porosity, _unit in rows:
        cells = (f"{name} {name_zh}", pixels, f"{area:.6g}", fg, data,
                 "" if objects in ("", None) else objects, porosity)
        lines.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    table = "\n".join(lines)
    heading = html.escape(title or "MSPA summary / MSPA 统计")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{heading}</title>"
            "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;"
            "text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>"
            f"<h3>{heading}</h3>\n<table>\n{table}\n</table>\n"
            "<p>Counted as GuidosToolbox Workbench does: transition pixels with the zone they cross; "
            "FG % of the foreground area, data % of the non-missing area (Missing: % of all pixels); "
            "objects are connected components. 统计口径与 GWB 相同。</p></body></html>\n")
