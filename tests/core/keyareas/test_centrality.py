"""Centrality Mapper: current-flow centrality of the core network (spec linkage_mapper.md §4)."""
import networkx as nx
import numpy as np
import pytest
from ecosecurity.core.keyareas.centrality import current_flow_centrality, level_names
from ecosecurity.core.runtime.errors import EcoSecurityWarning, InputError
from ecosecurity.core.tools.classify import natural_breaks


def link(link_id, a, b, cost, link_type=1, length=None):
    return {"link_id": link_id, "core1": a, "core2": b, "link_type": link_type, "cw_dist": cost,
            "lcp_length": 10.0 * cost if length is None else length}


def random_network(seed, n=12, p=0.35):
    rng = np.random.default_rng(seed)
    graph = nx.gnp_random_graph(n, p, seed=seed)
    links = [link(k + 1, 10 * (a + 1), 10 * (b + 1), float(rng.uniform(100, 5000)))
             for k, (a, b) in enumerate(graph.edges)]
    return links


def networkx_graph(links):
    graph = nx.Graph()
    for row in links:
        if row["link_type"] >= 1:
            graph.add_edge(row["core1"], row["core2"], conductance=1.0 / row["cw_dist"], link=row["link_id"])
    return graph


@pytest.mark.parametrize("seed", range(6))
def test_core_centrality_is_networkx_current_flow_betweenness_plus_pairs_ending_at_the_core(seed):
    links = random_network(seed)
    cores = list(range(10, 10 * 13 + 1, 10))
    result = current_flow_centrality(cores, links)
    graph = networkx_graph(links)
    checked = 0
    for part in nx.connected_components(graph):
        if len(part) < 2:
            continue
        expected = nx.current_flow_betweenness_centrality(graph.subgraph(part), normalized=False, weight="conductance")
        for core, value in expected.items():
            assert result.core_values[core] == pytest.approx(value + len(part) - 1, rel=1e-9, abs=1e-9)
            checked += 1
    assert checked == len(graph)
    for core in set(cores) - set(graph):   # no active link: no current
        assert result.core_values[core] == 0.0


@pytest.mark.parametrize("seed", range(6))
def test_link_centrality_is_twice_networkx_edge_current_flow_betweenness(seed):
    links = random_network(seed)
    result = current_flow_centrality(list(range(10, 131, 10)), links)
    graph = networkx_graph(links)
    for part in nx.connected_components(graph):
        if len(part) < 2:
            continue
        edges = nx.edge_current_flow_betweenness_centrality(graph.subgraph(part), normalized=False,
                                                            weight="conductance")
        for (a, b), value in edges.items():
            assert result.link_values[graph[a][b]["link"]] == pytest.approx(2.0 * value, rel=1e-9, abs=1e-9)


def test_a_bridge_carries_every_pair_it_separates():
    # two triangles joined by the bridge 3-4: 3 x 3 = 9 pairs cross it, 1 A each
    links = [link(1, 1, 2, 10), link(2, 2, 3, 10), link(3, 1, 3, 10), link(4, 3, 4, 50),
             link(5, 4, 5, 10), link(6, 5, 6, 10), link(7, 4, 6, 10)]
    result = current_flow_centrality([1, 2, 3, 4, 5, 6], links)
    assert result.link_values[4] == pytest.approx(9.0)
    assert result.core_values[3] == pytest.approx(result.core_values[4])
    assert result.link_levels[4] == 1 and result.summary[0].count == 1
    assert result.summary[0].name_en == "Extremely important" and result.summary[0].name_zh == "极重要"


def test_inactive_links_are_not_in_the_network():
    links = [link(1, 1, 2, 10), link(2, 2, 3, 10), link(3, 1, 3, 1, link_type=-15)]
    with pytest.warns(EcoSecurityWarning):   # both links carry 2 A: one level
        result = current_flow_centrality([1, 2, 3], links)
    assert set(result.link_values) == {1, 2}
    assert result.link_values[1] == pytest.approx(2.0)    # chain 1-2-3
    assert result.core_values[2] == pytest.approx(3.0)


def test_levels_are_natural_breaks_of_the_link_values_with_level_1_highest():
    links = random_network(3, n=20, p=0.3)
    result = current_flow_centrality(list(range(10, 201, 10)), links, levels=3)
    values = np.array(list(result.link_values.values()))
    np.testing.assert_array_equal(result.breaks, natural_breaks(values, 3))
    levels = np.array([result.link_levels[k] for k in result.link_values])
    top = values[levels == 1]
    assert top.min() > values[levels == 2].max() > 0 and values[levels == 2].min() > values[levels == 3].max()
    assert [row.count for row in result.summary] == [int(np.sum(levels == k)) for k in (1, 2, 3)]
    lengths = {row["link_id"]: row["lcp_length"] for row in links}
    assert result.summary[0].length == pytest.approx(sum(lengths[k] for k in result.link_values
                                                         if result.link_levels[k] == 1))
    assert result.summary[0].lower == pytest.approx(result.breaks[2])
    assert result.summary[2].upper == pytest.approx(result.breaks[1])


def test_fewer_distinct_values_than_levels_gives_the_top_levels_with_a_warning():
    with pytest.warns(EcoSecurityWarning, match="distinct"):
        result = current_flow_centrality([1, 2], [link(1, 1, 2, 100)], levels=3)
    assert result.link_levels == {1: 1} and [row.level for row in result.summary] == [1]
    assert result.link_values[1] == pytest.approx(1.0) and result.core_values == {1: 1.0, 2: 1.0}


def test_level_names():
    assert level_names(3) == [("Extremely important", "极重要"), ("Important", "重要"), ("General", "一般")]
    assert level_names(5)[0][0].startswith("Level 1 of 5")


@pytest.mark.parametrize("cores, links, message", [
    ([1, 2], [link(1, 1, 3, 10)], "does not belong"),
    ([1, 2], [link(1, 1, 2, 10, link_type=-1)], "no active link"),
    ([1, 2], [link(1, 1, 2, -1)], "must be"),
    ([1, 2], [{"link_id": 1, "core1": 1, "core2": 2}], "lacks the field"),
    (["a", 2], [link(1, 1, 2, 10)], "not an integer"),
])
def test_bad_input_is_one_clear_error(cores, links, message):
    with pytest.raises(InputError, match=message):
        current_flow_centrality(cores, links)
