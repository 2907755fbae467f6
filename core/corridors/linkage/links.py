"""The link table of Linkage Mapper and its bookkeeping: link types, length limits, nearest-
neighbour pruning and constellation joining (Linkage Mapper v3 ``s2_buildNetwork.py``,
``s4_refineNetwork.py``, ``lm_util.drop_links``; spec ``linkage_mapper.md`` §2.3-2.5).

A :class:`LinkTable` holds one numpy column per field, one row per candidate link (pair of
cores, ``core1 < core2``). Rules reproduced exactly; user-retained/removed links (types 100 and
-100) are not offered, since links come from adjacency, never from a user file.
"""
import numpy as np

CONNECTS_CORES = 1
NEAREST_NEIGHBOURS = 10
CONSTELLATIONS = 20
NOT_NEAREST = -1
TOO_LONG_EUCLIDEAN = -11
TOO_LONG_CWD = -12
TOO_SHORT_EUCLIDEAN = -13
TOO_SHORT_CWD = -14
INTERMEDIATE_CORE = -15

#: Linkage Mapper's ``get_link_type_desc`` labels.
LINK_TYPE_NAMES = {
    CONNECTS_CORES: "Connects_cores",
    NEAREST_NEIGHBOURS: "Connects_nearest_neighbors",
    CONSTELLATIONS: "Connects_constellations",
    NOT_NEAREST: "Not_nearest_neighbors",
    TOO_LONG_EUCLIDEAN: "Too_long_Euclidean_distance",
    TOO_LONG_CWD: "Too_long_CWD",
    TOO_SHORT_EUCLIDEAN: "Too_short_Euclidean_distance",
    TOO_SHORT_CWD: "Too_short_CWD",
    INTERMEDIATE_CORE: "Intermediate_core",
}

#: Unknown least-cost distance (unreachable or beyond the search limit), as in Linkage Mapper.
UNKNOWN = -1.0


class LinkTable:
    """Columns: ``link_id`` (1..L), ``core1`` < ``core2`` (core ids), ``link_type``,
    ``euc_dist`` (map units), ``lc_dist`` (cost units, -1 = unknown), ``euc_adj``/``cwd_adj``
    (adjacency flags), ``lcp_length`` (map units, -1 = no path), ``cluster1``/``cluster2``
    (component of each core in the final network of active links: its smallest core id)."""

    def __init__(self, core1, core2, euc_adj, cwd_adj):
        core1 = np.asarray(core1, dtype=np.int64)
        core2 = np.asarray(core2, dtype=np.int64)
        order = np.lexsort((core2, core1))
        self.core1 = core1[order]
        self.core2 = core2[order]
        n = self.core1.size
        self.link_id = np.arange(1, n + 1, dtype=np.int64)
        self.link_type = np.full(n, CONNECTS_CORES, dtype=np.int64)
        self.euc_adj = np.asarray(euc_adj, dtype=bool)[order]
        self.cwd_adj = np.asarray(cwd_adj, dtype=bool)[order]
        self.euc_dist = np.full(n, UNKNOWN)
        self.lc_dist = np.full(n, UNKNOWN)
        self.lcp_length = np.full(n, UNKNOWN)
        self.cluster1 = np.full(n, -1, dtype=np.int64)
        self.cluster2 = np.full(n, -1, dtype=np.int64)

    def __len__(self):
        return self.core1.size

    @property
    def active(self):
        """Bool mask of active links (link type > 0)."""
        return self.link_type > 0

    @property
    def cwd_to_euc(self):
        """lcDist / eucDist (-1 where unknown)."""
        return _ratio(self.lc_dist, self.euc_dist)

    @property
    def cwd_to_path(self):
        """lcDist / lcpLength (-1 where unknown)."""
        return _ratio(self.lc_dist, self.lcp_length)

    def type_names(self):
        """Linkage Mapper's description of each link's type."""
        return [LINK_TYPE_NAMES[int(t)] for t in self.link_type]


def _ratio(numerator, denominator):
    ok = (numerator >= 0) & (denominator > 0)
    out = np.full(numerator.shape, UNKNOWN)
    out[ok] = numerator[ok] / denominator[ok]
    return out


def drop_intermediate_core_links(table, crosses_core):
    """Active links whose least-cost path crosses a third core get type -15 (Intermediate_core)."""
    table.link_type[table.active & np.asarray(crosses_core, dtype=bool)] = INTERMEDIATE_CORE


def drop_links_by_length(table, max_euc=None, max_cost=None, min_euc=None, min_cost=None, check_unknown=True):
    """Linkage Mapper's ``drop_links``, in its order, on active links: eucDist > max_euc → -11,
    lcDist > max_cost → -12, eucDist < min_euc → -13, lcDist < min_cost → -14; then, unless
    ``check_unknown`` is False (before step 3 has computed lcDist), an unknown lcDist (-1:
    unreachable) → -12. ``None`` disables a limit."""
    known = table.lc_dist >= 0
    everywhere = np.ones(len(table), dtype=bool)
    rules = ((max_euc, table.euc_dist, np.greater, everywhere, TOO_LONG_EUCLIDEAN),
             (max_cost, table.lc_dist, np.greater, known, TOO_LONG_CWD),
             (min_euc, table.euc_dist, np.less, everywhere, TOO_SHORT_EUCLIDEAN),
             (min_cost, table.lc_dist, np.less, known, TOO_SHORT_CWD))
    for limit, values, compare, applies, code in rules:
        if limit is not None:
            table.link_type[table.active & applies & compare(values, limit)] = code
    if check_unknown:
        table.link_type[table.active & ~known] = TOO_LONG_CWD


def nn_distance(table, by_cost=True):
    """The nearest-neighbour unit of each link: lcDist (cost-weighted) or eucDist."""
    return table.lc_dist if by_cost else table.euc_dist


def keep_nearest_neighbours(table, max_nn, by_cost=True):
    """Each core keeps its ``max_nn`` nearest active links (type 1 → 10, Connects_nearest_neighbors).

    Nearest by cost-weighted lcDist or by Euclidean eucDist; a link is kept when it is among the
    nearest of either core. Ties keep the lower link id first (a stable sort, as Linkage Mapper
    sorts the link table).
    """
    distance = nn_distance(table, by_cost)
    candidates = np.flatnonzero(table.link_type == CONNECTS_CORES)
    keep = np.zeros(len(table), dtype=bool)
    for core in np.union1d(table.core1[candidates], table.core2[candidates]):
        mine = candidates[(table.core1[candidates] == core) | (table.core2[candidates] == core)]
        nearest = mine[np.argsort(distance[mine], kind="stable")[:max_nn]]
        keep[nearest] = True
    table.link_type[keep] = NEAREST_NEIGHBOURS


class _Components:
    """Union-find over core ids."""

    def __init__(self, cores):
        self.parent = {int(c): int(c) for c in cores}

    def find(self, core):
        root = core
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[core] != root:
            self.parent[core], core = root, self.parent[core]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def _all_cores(table):
    return np.union1d(table.core1, table.core2)


def connect_constellations(table, by_cost=True):
    """Join the components ("constellations") of the nearest-neighbour network by their shortest
    remaining links, Kruskal-style: scan the links by increasing NN distance; a link still of type 1
    with distance > 0 whose cores are in different components becomes type 20
    (Connects_constellations) and the two components merge."""
    components = _Components(_all_cores(table))
    for i in np.flatnonzero(table.link_type == NEAREST_NEIGHBOURS):
        components.union(int(table.core1[i]), int(table.core2[i]))
    distance = nn_distance(table, by_cost)
    candidates = np.flatnonzero((table.link_type == CONNECTS_CORES) & (distance > 0))
    for i in candidates[np.argsort(distance[candidates], kind="stable")]:
        if components.union(int(table.core1[i]), int(table.core2[i])):
            table.link_type[i] = CONSTELLATIONS


def drop_not_nearest(table):
    """Links still of type 1 after pruning become -1 (Not_nearest_neighbors)."""
    table.link_type[table.link_type == CONNECTS_CORES] = NOT_NEAREST


def prune_network(table, max_nn, by_cost=True, constellations=True):
    """Linkage Mapper step 4: nearest neighbours, optional constellations, then drop the rest.

    ``max_nn`` 0 or ``None`` means unlimited: step 4 is skipped and active links stay type 1.
    """
    if not max_nn:
        return
    keep_nearest_neighbours(table, int(max_nn), by_cost)
    if constellations:
        connect_constellations(table, by_cost)
    drop_not_nearest(table)


def label_clusters(table):
    """Fill cluster1/cluster2: the component (smallest core id) of each core in the network of
    active links."""
    components = _Components(_all_cores(table))
    for i in np.flatnonzero(table.active):
        components.union(int(table.core1[i]), int(table.core2[i]))
    table.cluster1 = np.array([components.find(int(c)) for c in table.core1], dtype=np.int64)
    table.cluster2 = np.array([components.find(int(c)) for c in table.core2], dtype=np.int64)
