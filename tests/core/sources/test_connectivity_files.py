"""Conefor node/connection files and network validation (bad input gives clear errors)."""
import numpy as np
import pytest
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.sources.connectivity.conefor_files import (
    read_conefor_network,
    read_connection_file,
    read_node_file,
)
from ecosecurity.core.sources.connectivity.network import PROBABILITY, habitat_network
from refpaths import REFERENCE

TINY8 = REFERENCE / "connectivity" / "tiny8"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_node_file_gives_ids_and_attributes():
    ids, attributes = read_node_file(TINY8 / "nodes.txt")
    assert ids == [1, 2, 3, 4, 5, 6, 7, 8]
    assert attributes == [600, 100, 500, 20, 100, 200, 25, 100]


def test_connection_file_gives_pairs_and_values():
    ids1, ids2, values = read_connection_file(TINY8 / "distances_notall.txt")
    assert len(ids1) == 14 and (ids1[0], ids2[0], values[0]) == (1, 2, 1000.0)


def test_blank_lines_comments_and_spaces_are_accepted(tmp_path):
    nodes = write(tmp_path, "n.txt", "# patches\n1 10\n\n2   20.5\n3\t5\t1\n")
    assert read_node_file(nodes) == ([1, 2, 3], [10.0, 20.5, 5.0])


def test_notall_network_keeps_only_listed_links():
    network = read_conefor_network(TINY8 / "nodes.txt", TINY8 / "distances_notall.txt", "distance", False)
    assert network.n_links == 14


def test_all_mode_with_missing_pairs_is_an_error():
    with pytest.raises(InputError, match="14 are missing"):
        read_conefor_network(TINY8 / "nodes.txt", TINY8 / "distances_notall.txt", "distance", True)


def test_malformed_line_names_file_and_line(tmp_path):
    nodes = write(tmp_path, "n.txt", "1 10\n2 x\n")
    with pytest.raises(InputError, match=r"n.txt, line 2"):
        read_node_file(nodes)


def test_wrong_column_count_is_an_error(tmp_path):
    with pytest.raises(InputError, match="line 1: expected 3 columns"):
        read_connection_file(write(tmp_path, "c.txt", "1 2\n"))


def test_candidate_nodes_are_refused(tmp_path):
    with pytest.raises(InputError, match="candidate node"):
        read_node_file(write(tmp_path, "n.txt", "1 10 1\n2 20 0\n"))


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_node_file(tmp_path / "nope.txt")


def test_non_integer_node_id_is_an_error(tmp_path):
    with pytest.raises(InputError, match="not an integer node id"):
        read_node_file(write(tmp_path, "n.txt", "1.5 10\n"))


def test_duplicate_node_ids_are_an_error():
    with pytest.raises(InputError, match="duplicate node id"):
        habitat_network([1, 2, 2], [1, 1, 1])


def test_connection_naming_an_unknown_node_is_an_error():
    with pytest.raises(InputError, match="node 9, which is not in the node list"):
        habitat_network([1, 2], [1, 1], [1], [9], [100.0])


def test_pair_listed_twice_is_an_error():
    with pytest.raises(InputError, match="more than once"):
        habitat_network([1, 2], [1, 1], [1, 2], [2, 1], [100.0, 100.0])


def test_link_to_itself_is_an_error():
    with pytest.raises(InputError, match="to itself"):
        habitat_network([1, 2], [1, 1], [1], [1], [100.0])


@pytest.mark.parametrize("value", [-1.0, 1.5, np.nan])
def test_probability_outside_zero_one_is_an_error(value):
    with pytest.raises(InputError, match="between 0 and 1"):
        habitat_network([1, 2], [1, 1], [1], [2], [value], PROBABILITY)


def test_negative_distance_is_an_error():
    with pytest.raises(InputError, match=">= 0"):
        habitat_network([1, 2], [1, 1], [1], [2], [-3.0])


def test_negative_or_all_zero_attributes_are_errors():
    with pytest.raises(InputError, match="attribute of node 2"):
        habitat_network([1, 2], [1, -1])
    with pytest.raises(InputError, match="every node attribute is 0"):
        habitat_network([1, 2], [0, 0])
