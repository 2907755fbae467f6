"""Current-flow centrality of the core network: Linkage Mapper's Centrality Mapper
(``s7_centrality.py``; spec ``linkage_mapper.md`` §4; Carroll, McRae & Brookes 2012,
*Conservation Biology* 26:78).

Network: one node per core, one edge per **active** link (``link_type`` ≥ 1) of the link table
``ecosecurity:corridors`` writes, with **edge resistance = least-cost distance** (``cw_dist``).
Every core is a focal node and 1 A is passed between every pair of cores of one connected part
(Circuitscape network pairwise, :mod:`.network_currents`, reproducing Circuitscape's cumulative
currents to ≤ 1e-6 on ``network_pairwise_01``):

* link ``CF_Central`` = Σ over pairs of the current through the link (cumulative branch current);
* core ``CF_Central`` = Σ over pairs of the current through the core (cumulative node current;
  1 A for each pair the core itself belongs to).

**Relation to networkx** (Brandes & Fleischer 2005 / Newman 2005 current-flow betweenness,
``networkx.current_flow_betweenness_centrality(G, normalized=False, weight=1/cw_dist)``, which
leaves out the pairs a node is an end of): for a core in a connected part of ``n_c`` cores,

    core CF_Central = nx_current_flow_betweenness(core) + (n_c − 1),

and for a link, ``CF_Central = 2 × networkx.edge_current_flow_betweenness_centrality(G,
normalized=False)`` (networkx halves its unnormalised edge sums). Both are checked on random
graphs (tests/core/keyareas/test_centrality.py). Cores without an active link get 0.

**Levels**: the links' ``CF_Central`` graded by natural breaks (Fisher–Jenks, the same
:func:`..tools.classify.compute_breaks` as ``classifyraster``) into ``levels`` classes, level 1
= the highest values (default 3: extremely important / important / general, as the Liuzhi
study's 9 / 13 / 11 corridors). With fewer distinct values than levels there are fewer levels
(the top ones, with a warning).
"""
import warnings
from dataclasses import dataclass

import numpy as np

from ..runtime.errors import EcoSecurityWarning, InputError
from ..runtime.progress import ensure
from ..tools.classify import MAX_CLASSES, NATURAL_BREAKS, class_index, compute_breaks
from .network_currents import cumulative_network_currents

#: Fields every link record must have (names of ``ecosecurity:corridors``' link table and paths).
LINK_REQUIRED = ("link_id", "core1", "core2", "link_type", "cw_dist")
#: Optional field giving the length of each link in map units (the per-level lengths).
LENGTH_FIELD = "lcp_length"
#: Names of the three default levels (English, Chinese), level 1 first.
THREE_LEVELS = (("Extremely important", "极重要"), ("Important", "重要"), ("General", "一般"))


def estimate_memory(core_count):
    """Peak bytes for ``core_count`` cores: the effective-resistance matrix, the single-source voltages
    and the sparse factor, each at most 8 bytes × cores²."""
    return 3 * 8 * max(int(core_count), 2) ** 2 + 50 * 2 ** 20


def level_names(levels):
    """``[(English, Chinese)]`` of ``levels`` levels, level 1 (most important) first."""
    if levels == 3:
        return list(THREE_LEVELS)
    if levels == 2:
        return [THREE_LEVELS[1], THREE_LEVELS[2]]
    if levels == 1:
        return [THREE_LEVELS[0]]
    return [(f"Level {k} of {levels}" + (" (most important)" if k == 1 else ""), f"第{k}级（共{levels}级）")
            for k in range(1, levels + 1)]


@dataclass
class LevelRow:
    """One row of the per-level summary; ``length`` in map units (None without ``lcp_length``)."""
    level: int
    name_en: str
    name_zh: str
    lower: float
    upper: float
    count: int
    length: float

    @property
    def length_km(self):
        return None if self.length is None else self.length / 1000.0


@dataclass
class CentralityResult:
    """``core_values``: {core id: CF_Central}; ``link_values`` / ``link_levels``: {link id: value},
    active links only; ``breaks``: ascending class edges; ``summary``: :class:`LevelRow` per level."""
    core_values: dict
    link_values: dict
    link_levels: dict
    level_names: list
    breaks: np.ndarray
    summary: list
    parts: int
    pairs: int

    def core_value(self, core_id):
        """CF_Central of the core ``core_id`` (any number type)."""
        return self.core_values[int(float(core_id))]

    def link_row(self, link_id):
        """``(CF_Central, level, English name, Chinese name)`` of an active link, None otherwise."""
        if link_id is None:
            return None
        key = int(float(link_id))
        if key not in self.link_values:
            return None
        level = self.link_levels[key]
        return (self.link_values[key], level) + tuple(self.level_names[level - 1])


def _number(value, field, link, links_name):
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"Link table '{links_name}': link {link} has no number in field '{field}' ({value!r}). "
                         f"/ 连接表“{links_name}”中连接 {link} 的字段“{field}”不是数值。") from None
    return number


def active_links(links, links_name="link table"):
    """``(link ids, core1, core2, cw_dist, lengths or None)`` of the active links of ``links``
    (a sequence of mappings with :data:`LINK_REQUIRED` fields and optionally ``lcp_length``)."""
    links = list(links)
    if links:
        missing = [name for name in LINK_REQUIRED if name not in links[0]]
        if missing:
            raise InputError(
                f"'{links_name}' is not a link table of 'Least-cost corridors': it lacks the field(s) "
                f"{', '.join(missing)}. Use the link table (OUTPUT_LINKS) or the least-cost paths (OUTPUT_LCP) of "
                f"ecosecurity:corridors. / “{links_name}”不是最小成本廊道的连接表（缺少字段 {', '.join(missing)}），"
                "请使用 ecosecurity:corridors 输出的连接表或最小成本路径。")
    rows = []
    for record in links:
        link = record["link_id"]
        if _number(record["link_type"], "link_type", link, links_name) < 1:
            continue
        cost = _number(record["cw_dist"], "cw_dist", link, links_name)
        if not np.isfinite(cost) or cost <= 0:
            raise InputError(
                f"Link table '{links_name}': active link {link} has least-cost distance cw_dist = {cost:g}; it must be "
                "positive (the edge resistance of the network). Re-run ecosecurity:corridors or drop the link. "
                f"/ 连接表“{links_name}”中有效连接 {link} 的最小成本距离 cw_dist = {cost:g}，必须为正数。")
        length = record.get(LENGTH_FIELD)
        length = None if length is None else _number(length, LENGTH_FIELD, link, links_name)
        rows.append((int(_number(link, "link_id", link, links_name)),
                     int(_number(record["core1"], "core1", link, links_name)),
                     int(_number(record["core2"], "core2", link, links_name)), cost, length))
    if not rows:
        raise InputError(
            f"Link table '{links_name}' has no active link (link_type ≥ 1), so there is no network to measure. "
            "Check that it is the link table of a corridors run that kept corridors. "
            f"/ 连接表“{links_name}”中没有有效连接（link_type ≥ 1），无法计算中心度。")
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    if np.unique(ids).size != ids.size:
        raise InputError(f"Link table '{links_name}' repeats link ids among its active links; each link_id must be "
                         f"unique. / 连接表“{links_name}”中有重复的 link_id。")
    lengths = [row[4] for row in rows]
    return (ids, np.array([row[1] for row in rows], dtype=np.int64), np.array([row[2] for row in rows], dtype=np.int64),
            np.array([row[3] for row in rows]), None if any(x is None for x in lengths) else np.array(lengths))


def core_id_array(core_ids, cores_name="core areas"):
    """Sorted distinct integer core ids; :class:`InputError` for empty or non-integer ids."""
    values = []
    for value in core_ids:
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if not np.isfinite(number) or number != int(number):
            raise InputError(f"Core areas '{cores_name}': the core id {value!r} is not an integer; choose the integer "
                             f"id field used by ecosecurity:corridors (CORE_ID_FIELD). / 核心区“{cores_name}”的编号"
                             f" {value!r} 不是整数，请选择廊道分析所用的编号字段。")
        values.append(int(number))
    if not values:
        raise InputError(f"Core areas '{cores_name}' has no features. / 核心区图层“{cores_name}”为空。")
    return np.unique(np.array(values, dtype=np.int64))


def current_flow_centrality(core_ids, links, levels=3, progress=None, cores_name="core areas",
                            links_name="link table"):
    """Centrality of every core and active link (module docstring); ``core_ids``: the id of each core
    feature (repeats allowed); ``links``: link records (mappings)."""
    progress = ensure(progress)
    progress.update(0.0, "Reading the core network / 读取核心区网络")
    if not 1 <= int(levels) <= MAX_CLASSES:
        raise InputError(f"LEVELS must be between 1 and {MAX_CLASSES}; got {levels}. / 分级数须在 1 到 {MAX_CLASSES} 之间。")
    cores = core_id_array(core_ids, cores_name)
    link_ids, core1, core2, cost, lengths = active_links(links, links_name)
    unknown = sorted(set(np.concatenate([core1, core2]).tolist()) - set(cores.tolist()))
    if unknown:
        shown = ", ".join(str(c) for c in unknown[:10]) + (" …" if len(unknown) > 10 else "")
        raise InputError(
            f"The link table '{links_name}' does not belong to the core areas '{cores_name}': its active links use "
            f"core id(s) {shown} that are not in the core layer. Use the core layer and id field of the same "
            f"ecosecurity:corridors run. / 连接表“{links_name}”与核心区“{cores_name}”不匹配：核心区编号 {shown} "
            "不存在，请使用同一次廊道分析的核心区图层和编号字段。")
    if np.any(core1 == core2):
        raise InputError(f"Link table '{links_name}': a link joins a core to itself. / 连接表中存在首尾为同一核心区的连接。")
    i, j = np.searchsorted(cores, core1), np.searchsorted(cores, core2)
    currents = cumulative_network_currents(cores.size, i, j, cost, progress=progress.sub(0.05, 0.9))
    progress.update(0.9, "Grading the links / 廊道分级")
    breaks, link_level, names = grade_levels(currents.branch, int(levels))
    summary = []
    for level, (name_en, name_zh) in enumerate(names, start=1):
        take = link_level == level
        cls = len(names) - level   # index of the class edges, ascending
        summary.append(LevelRow(level, name_en, name_zh, float(breaks[cls]), float(breaks[cls + 1]),
                                int(np.count_nonzero(take)), None if lengths is None else float(lengths[take].sum())))
    linked = np.unique(np.concatenate([i, j]))
    parts = int(np.unique(currents.components[linked]).size)
    progress.update(1.0)
    return CentralityResult(
        {int(c): float(v) for c, v in zip(cores, currents.node)},
        {int(k): float(v) for k, v in zip(link_ids, currents.branch)},
        {int(k): int(v) for k, v in zip(link_ids, link_level)},
        names, breaks, summary, parts, currents.pairs)


def grade_levels(values, levels):
    """``(breaks, level per value, names)``: natural breaks of ``values`` into ``levels`` classes,
    level 1 = highest class."""
    values = np.asarray(values, dtype=np.float64)
    if levels == 1 or np.unique(values).size == 1:
        breaks = np.array([values.min(), values.max()])
    else:
        breaks = compute_breaks(values, NATURAL_BREAKS, levels)
    found = len(breaks) - 1
    if found < levels:
        warnings.warn(f"Only {found} distinct centrality value(s) among the links, so {found} level(s) instead of "
                      f"{levels}. / 廊道中心度仅有 {found} 个不同取值，分为 {found} 级。", EcoSecurityWarning, stacklevel=2)
    level = found + 1 - class_index(values, breaks).astype(np.int64)
    return breaks, level, level_names(levels)[:found]
