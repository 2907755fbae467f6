"""Land-use composition of key areas and the per-unit table of the Liuzhi study
("22 pinch-point areas, 2.80 km²", per township: number, area in hm² and main land-use types).

* **Composition**: the cells of a key area (or of all key areas of a unit) counted per land-use
  class; shares in % of the cells that have a land-use value (NoData land use is left out).
* **Main types**: the classes in descending share that hold at least :data:`MAIN_SHARE` % of the
  cells, at most :data:`MAX_MAIN_TYPES` of them, always at least the largest one, written as
  ``林地 62.5%, 草地 25.0%``.
* **Units**: each key area belongs to the unit (township, village polygon, burnt by cell centre)
  that holds most of its cells (ties: the unit listed first), so that every area is counted once and
  the unit rows add up to the total; areas in no unit form the row "Outside the units".
"""
import html
import re

import numpy as np

from ..runtime.errors import InputError

MAIN_SHARE = 10.0
MAX_MAIN_TYPES = 3
OUTSIDE = "Outside the units / 单元外"
TOTAL = "Total / 合计"
#: Columns of the per-unit table (``OUTPUT_TABLE``), in order.
TABLE_FIELDS = ("unit", "count", "area_hm2", "area_km2", "area_pct", "mean_value", "main_landuse")


def parse_class_names(text):
    """``{code: name}`` from ``"1:林地,2:草地"`` (also ``=`` or full-width ``：``, separated by commas,
    semicolons or new lines, full-width ones too)."""
    names = {}
    for item in re.split(r"[,;，；\n]+", str(text or "")):
        item = item.strip()
        if not item:
            continue
        parts = re.split(r"[:=：]", item, maxsplit=1)
        try:
            code = float(parts[0].strip())
        except ValueError:
            code = None
        if len(parts) != 2 or code is None or code != int(code) or not parts[1].strip():
            raise InputError(f"CLASS_NAMES: '{item}' is not 'code:name'; write e.g. 1:林地,2:草地,3:耕地. "
                             f"/ 地类名称“{item}”格式应为“代码:名称”，例如 1:林地,2:草地。")
        names[int(code)] = parts[1].strip()
    return names


def class_label(code, names):
    return names.get(int(code), f"class {int(code)}")


def composition(counts, names):
    """``[(name, share %)]`` in descending share from ``{code: cells}``."""
    total = sum(counts.values())
    if total == 0:
        return []
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(class_label(code, names), 100.0 * cells / total) for code, cells in ordered]


def main_types(shares):
    """The main types of a composition (module docstring) as text, '' when empty."""
    kept = [(name, share) for k, (name, share) in enumerate(shares)
            if k == 0 or (share >= MAIN_SHARE and k < MAX_MAIN_TYPES)]
    return ", ".join(f"{name} {share:.1f}%" for name, share in kept)


def all_types(shares):
    """Every class of a composition with its share: ``林地 62.5%; 草地 25.0%``."""
    return "; ".join(f"{name} {share:.1f}%" for name, share in shares)


def region_counts(labels, classes, valid):
    """``{region: {code: cells}}`` over the cells with ``labels > 0`` and ``valid`` land use."""
    take = (labels > 0) & valid
    region = labels[take].astype(np.int64)
    code = classes[take].astype(np.int64)
    if region.size == 0:
        return {}
    pairs, counts = np.unique(np.stack([region, code]), axis=1, return_counts=True)
    result = {}
    for (r, c), n in zip(pairs.T, counts):
        result.setdefault(int(r), {})[int(c)] = int(n)
    return result


def majority_unit(labels, units, count):
    """Unit index (1-based, 0 = none) holding most cells of each region 1..count (ties: lowest index)."""
    take = labels > 0
    region = labels[take].astype(np.int64)
    unit = units[take].astype(np.int64)
    if region.size == 0:
        return np.zeros(count + 1, dtype=np.int64)
    pairs, cells = np.unique(np.stack([region, unit]), axis=1, return_counts=True)
    inside = pairs[1] > 0
    best = np.zeros(count + 1, dtype=np.int64)
    most = np.zeros(count + 1, dtype=np.int64)
    # pairs are sorted by region then unit, so the first maximum met is the lowest unit index
    for r, u, n in zip(pairs[0][inside], pairs[1][inside], cells[inside]):
        if n > most[r]:
            best[r], most[r] = u, n
    return best


def unit_table(areas, unit_names, land_use_counts, class_names, with_land_use):
    """Rows (dicts of :data:`TABLE_FIELDS`) per unit holding key areas (in the units' order), the
    areas outside every unit, and the total.

    ``areas``: one dict per key area with ``region``, ``unit_index`` (0 = none), ``cells``,
    ``area_m2`` and ``value_sum``; ``unit_names``: name per unit index − 1 (None without units);
    ``land_use_counts``: ``{region: {code: cells}}``."""
    total_area = sum(area["area_m2"] for area in areas)
    groups = []
    if unit_names is not None:
        for index, name in enumerate(unit_names, start=1):
            groups.append((name, [a for a in areas if a["unit_index"] == index]))
        groups.append((OUTSIDE, [a for a in areas if a["unit_index"] == 0]))
    rows = [_row(name, members, total_area, land_use_counts, class_names, with_land_use)
            for name, members in groups if members]
    rows.append(_row(TOTAL, areas, total_area, land_use_counts, class_names, with_land_use))
    return rows


def _row(name, members, total_area, land_use_counts, class_names, with_land_use):
    area = sum(a["area_m2"] for a in members)
    cells = sum(a["cells"] for a in members)
    pooled = {}
    for a in members:
        for code, n in land_use_counts.get(a["region"], {}).items():
            pooled[code] = pooled.get(code, 0) + n
    return {"unit": name, "count": len(members), "area_hm2": area / 1e4, "area_km2": area / 1e6,
            "area_pct": 100.0 * area / total_area if total_area else 0.0,
            "mean_value": sum(a["value_sum"] for a in members) / cells if cells else None,
            "main_landuse": main_types(composition(pooled, class_names)) if with_land_use else None}


HEADERS = {"unit": "Unit / 单元", "count": "Number of areas / 数量", "area_hm2": "Area (hm²) / 面积（hm²）",
           "area_km2": "Area (km²) / 面积（km²）", "area_pct": "Share of the area (%) / 面积占比（%）",
           "mean_value": "Mean value / 均值", "main_landuse": "Main land-use types / 主要地类"}


def _cell(value, field):
    if value is None:
        return ""
    if field == "count":
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.4f}" if field in ("area_km2", "mean_value") else f"{value:.2f}"
    return str(value)


def table_html(rows, title):
    """A standalone UTF-8 HTML page with the per-unit table."""
    head = "".join(f"<th>{html.escape(HEADERS[f])}</th>" for f in TABLE_FIELDS)
    body = "\n".join("<tr>" + "".join(f"<td>{html.escape(_cell(row[f], f))}</td>" for f in TABLE_FIELDS) + "</tr>"
                     for row in rows)
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title>"
            "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px}"
            "td{text-align:right}td:first-child,td:last-child{text-align:left}</style></head><body>"
            f"<h2>{html.escape(title)}</h2>\n<table>\n<tr>{head}</tr>\n{body}\n</table>\n</body></html>\n")


def write_table_html(path, rows, title):
    """Write :func:`table_html` to ``path``; returns ``path``."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(table_html(rows, title))
    return path
