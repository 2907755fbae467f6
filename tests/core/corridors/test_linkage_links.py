"""Link-type bookkeeping of Linkage Mapper (linkage_mapper.md §2.4-2.5) on hand-built networks."""
import numpy as np
from ecosecurity.core.corridors.linkage.links import (
    CONNECTS_CORES,
    CONSTELLATIONS,
    INTERMEDIATE_CORE,
    NEAREST_NEIGHBOURS,
    NOT_NEAREST,
    TOO_LONG_CWD,
    TOO_LONG_EUCLIDEAN,
    TOO_SHORT_CWD,
    TOO_SHORT_EUCLIDEAN,
    LinkTable,
    drop_intermediate_core_links,
    drop_links_by_length,
    label_clusters,
    prune_network,
)


def table_of(links):
    """links: [(core1, core2, euc_dist, lc_dist), ...]"""
    links = np.array(links, dtype=float)
    table = LinkTable(links[:, 0].astype(int), links[:, 1].astype(int), np.ones(len(links), bool),
                      np.ones(len(links), bool))
    order = np.lexsort((links[:, 1], links[:, 0]))
    table.euc_dist = links[order, 2]
    table.lc_dist = links[order, 3]
    return table


def types(table):
    return {(int(a), int(b)): int(t) for a, b, t in zip(table.core1, table.core2, table.link_type)}


def test_links_are_numbered_from_one_in_core_order_with_type_connects_cores():
    table = LinkTable([3, 1, 1], [4, 3, 2], [True] * 3, [False] * 3)
    assert list(table.link_id) == [1, 2, 3]
    assert list(zip(table.core1, table.core2)) == [(1, 2), (1, 3), (3, 4)]
    assert np.all(table.link_type == CONNECTS_CORES)


def test_length_limits_give_their_codes_in_linkage_mapper_order():
    table = table_of([(1, 2, 500, 100), (1, 3, 50, 900), (1, 4, 5, 100), (1, 5, 50, 10), (1, 6, 50, 100),
                      (1, 7, 500, 900)])
    drop_links_by_length(table, max_euc=100, max_cost=500, min_euc=10, min_cost=20)
    assert types(table) == {(1, 2): TOO_LONG_EUCLIDEAN, (1, 3): TOO_LONG_CWD, (1, 4): TOO_SHORT_EUCLIDEAN,
                            (1, 5): TOO_SHORT_CWD, (1, 6): CONNECTS_CORES, (1, 7): TOO_LONG_EUCLIDEAN}


def test_unknown_least_cost_distance_is_too_long_cwd():
    table = table_of([(1, 2, 10, -1), (1, 3, 10, 5)])
    drop_links_by_length(table, min_cost=1)
    assert types(table) == {(1, 2): TOO_LONG_CWD, (1, 3): CONNECTS_CORES}


def test_unknown_rule_waits_for_step_3():
    table = table_of([(1, 2, 10, -1)])
    drop_links_by_length(table, max_euc=100, check_unknown=False)
    assert types(table) == {(1, 2): CONNECTS_CORES}


def test_inactive_links_keep_their_first_drop_reason():
    table = table_of([(1, 2, 10, 900)])
    drop_intermediate_core_links(table, [True])
    drop_links_by_length(table, max_cost=100)
    assert types(table) == {(1, 2): INTERMEDIATE_CORE}


def test_nearest_neighbour_pruning_keeps_each_cores_n_nearest():
    # star of core 1 with 2, 3, 4; plus 3-4
    table = table_of([(1, 2, 0, 10), (1, 3, 0, 30), (1, 4, 0, 40), (3, 4, 0, 20)])
    prune_network(table, max_nn=1, constellations=False)
    # 1 -> 2 (10); 2 -> 1; 3 -> 4 (20); 4 -> 3 (20)
    assert types(table) == {(1, 2): NEAREST_NEIGHBOURS, (1, 3): NOT_NEAREST, (1, 4): NOT_NEAREST,
                            (3, 4): NEAREST_NEIGHBOURS}


def test_nearest_neighbours_by_euclidean_distance():
    table = table_of([(1, 2, 100, 10), (1, 3, 5, 30)])
    prune_network(table, max_nn=1, by_cost=False, constellations=False)
    assert types(table)[(1, 3)] == NEAREST_NEIGHBOURS and types(table)[(1, 2)] == NEAREST_NEIGHBOURS
    table = table_of([(1, 2, 100, 10), (1, 3, 5, 30), (2, 3, 1000, 1000)])
    prune_network(table, max_nn=1, by_cost=False, constellations=False)
    # core 1: nearest is 3 (5); core 2: nearest is 1 (100); core 3: nearest is 1 (5)
    assert types(table) == {(1, 2): NEAREST_NEIGHBOURS, (1, 3): NEAREST_NEIGHBOURS, (2, 3): NOT_NEAREST}


def test_two_clusters_are_joined_by_their_shortest_link():
    # cluster {1, 2} and cluster {3, 4}; cross links 1-3 (50), 2-4 (40), 2-3 (60)
    table = table_of([(1, 2, 0, 5), (3, 4, 0, 6), (1, 3, 0, 50), (2, 4, 0, 40), (2, 3, 0, 60)])
    prune_network(table, max_nn=1, constellations=True)
    assert types(table) == {(1, 2): NEAREST_NEIGHBOURS, (3, 4): NEAREST_NEIGHBOURS, (1, 3): NOT_NEAREST,
                            (2, 4): CONSTELLATIONS, (2, 3): NOT_NEAREST}


def test_constellations_merge_kruskal_style():
    # three clusters {1,2} {3,4} {5,6}: 2-3 (10) joins the first two, then 4-5 (20); 1-5 (30) is redundant
    table = table_of([(1, 2, 0, 1), (3, 4, 0, 1), (5, 6, 0, 1), (2, 3, 0, 10), (4, 5, 0, 20), (1, 5, 0, 30)])
    prune_network(table, max_nn=1)
    assert types(table) == {(1, 2): NEAREST_NEIGHBOURS, (3, 4): NEAREST_NEIGHBOURS, (5, 6): NEAREST_NEIGHBOURS,
                            (2, 3): CONSTELLATIONS, (4, 5): CONSTELLATIONS, (1, 5): NOT_NEAREST}


def test_dropped_links_never_join_constellations():
    table = table_of([(1, 2, 0, 1), (3, 4, 0, 1), (2, 3, 0, 10)])
    drop_intermediate_core_links(table, [False, True, False])
    prune_network(table, max_nn=1)
    assert types(table)[(2, 3)] == INTERMEDIATE_CORE


def test_without_constellations_clusters_stay_apart():
    table = table_of([(1, 2, 0, 5), (3, 4, 0, 6), (2, 4, 0, 40)])
    prune_network(table, max_nn=1, constellations=False)
    assert types(table)[(2, 4)] == NOT_NEAREST


def test_unlimited_nearest_neighbours_skips_pruning():
    table = table_of([(1, 2, 0, 5), (1, 3, 0, 50)])
    prune_network(table, max_nn=0)
    assert np.all(table.link_type == CONNECTS_CORES)


def test_clusters_are_the_components_of_the_active_network():
    table = table_of([(1, 2, 0, 5), (3, 4, 0, 6), (2, 4, 0, 40)])
    prune_network(table, max_nn=1, constellations=False)
    label_clusters(table)
    assert list(table.cluster1) == [1, 1, 3] and list(table.cluster2) == [1, 3, 3]


def test_ratios_are_minus_one_when_unknown():
    table = table_of([(1, 2, 10, 30), (1, 3, 10, -1)])
    table.lcp_length = np.array([15.0, -1.0])
    assert list(table.cwd_to_euc) == [3.0, -1.0]
    assert list(table.cwd_to_path) == [2.0, -1.0]
