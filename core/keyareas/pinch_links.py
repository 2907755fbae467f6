"""The link table that ``ecosecurity:corridors`` writes, read back for pinch points: the active
links, checked against the cores and the resistance of this run.

Linkage Mapper's Pinchpoint Mapper (``s8_pinchpoints.py``, spec ``linkage_mapper.md`` §3) takes the
pairs from the step-5 link table: a link is active when ``link_type >= 1`` (types 1, 10, 20, 100);
its least-cost distance is ``cw_dist``. Rows come as dicts (field name → value, numbers or text as
a CSV table gives them). Checks, each an :class:`InputError` naming what does not match:

* the fields ``core1``, ``core2``, ``link_type`` and ``cw_dist`` exist (``link_id`` optional);
* at least one link is active;
* every core id of an active link is a core of ``CORES`` (else the table comes from another run);
* ``cw_dist`` of an active link is known (>= 0) and, once the cost distances are recomputed on this
  resistance, equals the least-cost distance found (:func:`check_least_cost_distance`, relative
  tolerance :data:`LCD_TOLERANCE`): a table from another resistance, grid or set of cores, or one
  made with Linkage Mapper's approximate bounding circles, is refused.
"""
import math
from dataclasses import dataclass

from ..runtime.errors import InputError

#: Fields a link table must have (``ecosecurity:corridors`` ``OUTPUT_LINKS``).
REQUIRED_FIELDS = ("core1", "core2", "link_type", "cw_dist")
#: Relative difference allowed between the table's ``cw_dist`` and the recomputed least-cost distance.
LCD_TOLERANCE = 1e-4

_BI = " / "


@dataclass(frozen=True)
class ActiveLink:
    """An active link: its ``row`` in the table, ``link_id``, core ids and least-cost distance."""
    row: int
    link_id: int
    core1: int
    core2: int
    cw_dist: float


def _number(value, field, row, name):
    """``value`` as a float (numbers or numeric text); InputError otherwise."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(
            f"'{name}': row {row + 1} has '{value}' in the field '{field}', not a number. Give the link table "
            f"written by ecosecurity:corridors (OUTPUT_LINKS).{_BI}'{name}' 第 {row + 1} 行字段 '{field}' 的值不是数字，"
            "请使用 ecosecurity:corridors 输出的连接表。") from None
    if math.isnan(number):
        raise InputError(f"'{name}': row {row + 1} has no value in the field '{field}'."
                         f"{_BI}'{name}' 第 {row + 1} 行字段 '{field}' 为空。")
    return number


def _whole(value, field, row, name):
    number = _number(value, field, row, name)
    if number != int(number):
        raise InputError(f"'{name}': row {row + 1} has {value} in '{field}', not a whole number."
                         f"{_BI}'{name}' 第 {row + 1} 行字段 '{field}' 必须为整数。")
    return int(number)


def active_links(rows, core_ids, name="LINKS", cores_name="CORES"):
    """The active links (``link_type >= 1``) of ``rows`` (list of dicts), in table order.

    ``core_ids``: the core ids present on the grid. Raises :class:`InputError` for a missing field,
    no active link, or a core id of an active link absent from the cores.
    """
    rows = list(rows)
    fields = set(rows[0]) if rows else set()
    missing = [field for field in REQUIRED_FIELDS if field not in fields]
    if rows and missing:
        raise InputError(
            f"'{name}' has no field {', '.join(repr(f) for f in missing)}. Give the link table written by "
            f"ecosecurity:corridors (OUTPUT_LINKS).{_BI}'{name}' 缺少字段 {', '.join(missing)}，"
            "请使用 ecosecurity:corridors 输出的连接表。")
    links = []
    for k, row in enumerate(rows):
        if _number(row["link_type"], "link_type", k, name) < 1:
            continue
        link_id = _whole(row["link_id"], "link_id", k, name) if row.get("link_id") not in (None, "") else k + 1
        core1 = _whole(row["core1"], "core1", k, name)
        core2 = _whole(row["core2"], "core2", k, name)
        cw_dist = _number(row["cw_dist"], "cw_dist", k, name)
        if cw_dist < 0:
            raise InputError(
                f"'{name}': link {link_id} ({core1}-{core2}) is active but has no least-cost distance "
                f"(cw_dist = {cw_dist:g}). Run ecosecurity:corridors again and use its link table."
                f"{_BI}'{name}' 中连接 {link_id} 为有效连接但没有最小成本距离，请重新运行 ecosecurity:corridors。")
        links.append(ActiveLink(k, link_id, core1, core2, cw_dist))
    if not links:
        raise InputError(
            f"'{name}' has no active link (link_type >= 1){'' if rows else ': the table is empty'}. Pinch points "
            "are mapped along the corridors that ecosecurity:corridors kept; give its link table (OUTPUT_LINKS)."
            f"{_BI}'{name}' 中没有有效连接（link_type >= 1），请使用 ecosecurity:corridors 输出的连接表。")
    known = {int(i) for i in core_ids}
    absent = sorted({c for link in links for c in (link.core1, link.core2)} - known)
    if absent:
        shown = ", ".join(str(c) for c in absent[:10]) + (" ..." if len(absent) > 10 else "")
        raise InputError(
            f"The link table '{name}' does not match the cores '{cores_name}': core id(s) {shown} of its active "
            f"links are not in '{cores_name}' (on the resistance grid). Use the cores and the link table of the "
            f"same ecosecurity:corridors run.{_BI}连接表 '{name}' 与核心区 '{cores_name}' 不匹配：核心区编号 {shown} "
            "不在核心区图层中，请使用同一次 ecosecurity:corridors 运行的核心区和连接表。")
    return links


def check_least_cost_distance(link, recomputed, floor, name="LINKS", resistance_name="RESISTANCE"):
    """Raise :class:`InputError` when the least-cost distance ``recomputed`` on this resistance
    (inf = not reached) differs from the table's ``cw_dist`` by more than :data:`LCD_TOLERANCE`
    relative (``floor``: the smallest distance the relative test is applied to, e.g. one cell step)."""
    scale = max(abs(link.cw_dist), floor)
    if math.isfinite(recomputed) and abs(recomputed - link.cw_dist) <= LCD_TOLERANCE * scale:
        return
    if math.isfinite(recomputed):
        found = found_zh = f"{recomputed:.10g}"
    else:  # the search stopped beyond cw_dist (1 + tolerance) without reaching the other core
        bound = f"{link.cw_dist * (1 + LCD_TOLERANCE):.10g}"
        found, found_zh = f"more than {bound}", f"大于 {bound}"
    raise InputError(
        f"The link table '{name}' does not match the resistance '{resistance_name}': link {link.link_id} "
        f"({link.core1}-{link.core2}) has cw_dist {link.cw_dist:.10g}, but the least-cost distance between these "
        f"cores on this resistance and grid is {found}. The table comes from another run (another resistance, cell "
        "size or cores, or bounding circles); run ecosecurity:corridors on these layers (bounding circle buffer 0) "
        f"and use its link table.{_BI}连接表 '{name}' 与阻力面 '{resistance_name}' 不匹配：连接 {link.link_id} 的 "
        f"cw_dist 为 {link.cw_dist:.10g}，而在该阻力面上重新计算的最小成本距离为 {found_zh}。请用这些图层重新运行 "
        "ecosecurity:corridors（外接圆缓冲距离为 0）并使用其连接表。")
