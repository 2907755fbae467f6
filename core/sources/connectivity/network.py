"""Habitat networks: nodes with an attribute, and direct links carrying a distance or a probability.

A :class:`HabitatNetwork` is what every connectivity index is computed from, whatever the nodes
came from (a polygon layer, raster patches or Conefor text files). It is validated once, here,
with messages that name the offending node, pair or line, so the index code can trust it.

Link sets follow Conefor 2.6 (Saura & Torné 2012, user manual): *all* — every unordered pair has
a direct link (a missing pair is an error); *notall* — only the listed pairs have one.
"""
from dataclasses import dataclass

import numpy as np

from ...runtime.errors import InputError

#: Kinds of link value: a distance in map units (Conefor ``-t dist``) or a probability (``-t prob``).
DISTANCE, PROBABILITY = "distance", "probability"
LINK_KINDS = (DISTANCE, PROBABILITY)


@dataclass(frozen=True)
class HabitatNetwork:
    """Validated nodes and links.

    ``node_ids`` (int64, unique), ``attribute`` (float64, >= 0, not all 0), ``link_i`` /
    ``link_j`` (int64 node indices, ``link_i < link_j``, each unordered pair at most once),
    ``link_value`` (float64 distance >= 0 or probability in [0, 1]), ``kind`` (:data:`LINK_KINDS`).
    """
    node_ids: np.ndarray
    attribute: np.ndarray
    link_i: np.ndarray
    link_j: np.ndarray
    link_value: np.ndarray
    kind: str

    @property
    def n_nodes(self):
        return int(self.node_ids.size)

    @property
    def n_links(self):
        return int(self.link_i.size)


def _node_label(node_id):
    return f"node {node_id}"


def _checked_ids(node_ids, source):
    ids = np.asarray(node_ids)
    if ids.ndim != 1 or ids.size == 0:
        raise InputError(f"{source}: there are no nodes (habitat patches). / {source}：没有节点（生境斑块）。")
    if not np.issubdtype(ids.dtype, np.integer):
        try:
            as_float = ids.astype(np.float64)
        except (TypeError, ValueError):
            raise InputError(f"{source}: node ids must be integers. / {source}：节点编号必须为整数。") from None
        if not np.all(np.isfinite(as_float)) or np.any(as_float != np.round(as_float)):
            raise InputError(f"{source}: node ids must be integers. / {source}：节点编号必须为整数。")
        ids = as_float
    ids = ids.astype(np.int64)
    unique, counts = np.unique(ids, return_counts=True)
    if np.any(counts > 1):
        repeated = ", ".join(str(v) for v in unique[counts > 1][:5])
        raise InputError(f"{source}: duplicate node id(s) {repeated}; every node needs its own id. "
                         f"/ {source}：节点编号重复（{repeated}），每个节点的编号必须唯一。")
    return ids


def _checked_attributes(attributes, ids, source):
    values = np.asarray(attributes, dtype=np.float64)
    if values.shape != ids.shape:
        raise InputError(f"{source}: {values.size} attribute values for {ids.size} nodes.")
    bad = ~np.isfinite(values) | (values < 0)
    if np.any(bad):
        first = int(np.flatnonzero(bad)[0])
        raise InputError(f"{source}: the attribute of {_node_label(ids[first])} is {values[first]:g}; node "
                         "attributes (area or habitat quality x area) must be numbers >= 0. "
                         f"/ {source}：节点 {ids[first]} 的属性值无效，属性（面积或质量加权面积）必须 >= 0。")
    if not np.any(values > 0):
        raise InputError(f"{source}: every node attribute is 0, so every index is 0/0. Use the patch area "
                         f"or another positive attribute. / {source}：所有节点属性均为 0，请使用斑块面积等正值属性。")
    return values


def habitat_network(node_ids, attributes, link_ids1=(), link_ids2=(), link_values=(), kind=DISTANCE,
                    all_pairs=False, source="Habitat network"):
    """A validated :class:`HabitatNetwork` from node ids and links given by node ids.

    ``kind``: :data:`DISTANCE` (>= 0 map units, 0 = touching) or :data:`PROBABILITY` (in [0, 1];
    0 = no direct link). ``all_pairs``: True for Conefor's *all* (every pair must be listed),
    False for *notall*. ``source`` names the input in messages (layer or file name).
    """
    if kind not in LINK_KINDS:
        raise InputError(f"Unknown connection type {kind!r}; use one of {', '.join(LINK_KINDS)}.")
    ids = _checked_ids(node_ids, source)
    attribute = _checked_attributes(attributes, ids, source)
    id1 = np.asarray(link_ids1, dtype=np.int64).ravel()
    id2 = np.asarray(link_ids2, dtype=np.int64).ravel()
    values = np.asarray(link_values, dtype=np.float64).ravel()
    if not id1.size == id2.size == values.size:
        raise InputError(f"{source}: links need two node ids and one value each.")
    order = np.argsort(ids)
    sorted_ids = ids[order]

    def index_of(link_ids):
        pos = np.searchsorted(sorted_ids, link_ids)
        pos = np.minimum(pos, sorted_ids.size - 1)
        unknown = sorted_ids[pos] != link_ids
        if np.any(unknown):
            first = int(np.flatnonzero(unknown)[0])
            raise InputError(f"{source}: connection {first + 1} ({id1[first]} - {id2[first]}) names node "
                             f"{link_ids[first]}, which is not in the node list. Add the node or remove the "
                             f"connection. / {source}：第 {first + 1} 条连接引用了不存在的节点 {link_ids[first]}。")
        return order[pos]

    i, j = index_of(id1), index_of(id2)
    self_link = i == j
    if np.any(self_link):
        first = int(np.flatnonzero(self_link)[0])
        raise InputError(f"{source}: connection {first + 1} links {_node_label(id1[first])} to itself; remove it. "
                         f"/ {source}：第 {first + 1} 条连接的两端是同一节点 {id1[first]}。")
    _check_link_values(values, id1, id2, kind, source)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    key = lo * ids.size + hi
    unique_key, first_at, counts = np.unique(key, return_index=True, return_counts=True)
    if np.any(counts > 1):
        twice = unique_key[counts > 1][0]
        a, b = ids[twice // ids.size], ids[twice % ids.size]
        raise InputError(f"{source}: the pair {a} - {b} is listed more than once; give each unordered pair "
                         f"one line. / {source}：节点对 {a} - {b} 出现了多次，每对节点只能列一次。")
    if all_pairs:
        expected = ids.size * (ids.size - 1) // 2
        if unique_key.size != expected:
            raise InputError(
                f"{source}: 'all' connections need every pair of the {ids.size} nodes ({expected} pairs) but "
                f"{expected - unique_key.size} are missing. Untick 'every pair is listed' (Conefor notall) "
                "if unlisted pairs have no direct link. / "
                f"{source}：“all” 模式要求列出全部 {expected} 个节点对，缺少 {expected - unique_key.size} 个；"
                "若未列出的节点对之间没有直接连接，请改用 notall 模式。")
    keep = np.sort(first_at)
    return HabitatNetwork(ids, attribute, lo[keep], hi[keep], values[keep], kind)


def _check_link_values(values, id1, id2, kind, source):
    if kind == DISTANCE:
        bad = ~np.isfinite(values) | (values < 0)
        rule, rule_zh = "distances must be >= 0", "距离必须 >= 0"
    else:
        bad = ~np.isfinite(values) | (values < 0) | (values > 1)
        rule, rule_zh = "probabilities must lie between 0 and 1", "概率必须在 0 与 1 之间"
    if np.any(bad):
        first = int(np.flatnonzero(bad)[0])
        raise InputError(f"{source}: connection {first + 1} ({id1[first]} - {id2[first]}) has the value "
                         f"{values[first]:g}; {rule}. / {source}：第 {first + 1} 条连接的值 {values[first]:g} "
                         f"无效，{rule_zh}。")
