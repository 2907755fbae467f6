"""IIC, PC, EC and node importance against shared/reference/connectivity (spec connectivity.md)."""
import csv
import math

import numpy as np
import pytest
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.sources.connectivity.conefor_files import read_conefor_network
from ecosecurity.core.sources.connectivity.distances import centroid_distances, edge_distances, polygons_from_wkb
from ecosecurity.core.sources.connectivity.indices import MAKURHINI, NODE_COLUMNS, connectivity_indices, source_levels
from ecosecurity.core.sources.connectivity.network import PROBABILITY, habitat_network
from refpaths import REFERENCE
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

TINY8 = REFERENCE / "connectivity" / "tiny8"
MAKURHINI_DIR = REFERENCE / "connectivity" / "makurhini_habitat_nodes"
PERCENT_TOLERANCE = 1e-8  # absolute, % values (the files print 10 significant digits)
NUMERATOR_TOLERANCE = 1e-9  # relative


def read_rows(path):
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def tiny8_network(mode):
    return read_conefor_network(TINY8 / "nodes.txt", TINY8 / f"distances_{mode}.txt", "distance", mode == "all")


def tiny8_from_rectangles():
    """Nodes from the rectangles' WKT, edge-to-edge distances measured here (Conefor 'all')."""
    rows = read_rows(TINY8 / "patches_rectangles.csv")
    from osgeo import ogr
    geometries = polygons_from_wkb([ogr.CreateGeometryFromWkt(r["wkt"]).ExportToWkb() for r in rows])
    i, j, d = edge_distances(geometries)
    ids = np.array([int(r["id"]) for r in rows])
    return habitat_network(ids, [float(r["area_ha"]) for r in rows], ids[i], ids[j], d, all_pairs=True)


def assert_matches_tiny8(result, mode):
    expected = read_rows(TINY8 / f"node_importances_{mode}.csv")
    assert [int(r["node"]) for r in expected] == result.node_ids.tolist()
    for column in NODE_COLUMNS:
        want = np.array([float(r[column]) for r in expected])
        np.testing.assert_allclose(result.nodes[column], want, rtol=0, atol=PERCENT_TOLERANCE, err_msg=column)
    overall = {r["index"]: float(r["value"]) for r in read_rows(TINY8 / f"overall_{mode}.csv")}
    for name, value in result.overall:
        assert value == pytest.approx(overall[name], rel=NUMERATOR_TOLERANCE, abs=1e-12), name
    assert {name for name, _ in result.overall} == set(overall)


@pytest.mark.parametrize("mode", ["all", "notall"])
def test_tiny8_conefor_files_reproduce_every_value(mode):
    result = connectivity_indices(tiny8_network(mode), 5000, 0.5, landscape_area=20000)
    assert_matches_tiny8(result, mode)


def test_tiny8_rectangles_with_our_edge_to_edge_distances_reproduce_every_value():
    result = connectivity_indices(tiny8_from_rectangles(), 5000, 0.5, landscape_area=20000)
    assert_matches_tiny8(result, "all")


@pytest.mark.parametrize("mode", ["all", "notall"])
def test_maximum_product_probabilities_of_links_match_pstar_tables(mode):
    network = tiny8_network(mode)
    result = connectivity_indices(network, 5000, 0.5, with_links=True)
    table = {(int(r["i"]), int(r["j"])): r for r in read_rows(TINY8 / f"pstar_{mode}.csv")}
    ids = network.node_ids
    for i, j, p, p_star in zip(result.links["i"], result.links["j"], result.links["p"], result.links["p_star"]):
        row = table[(ids[i], ids[j])]
        assert p == pytest.approx(float(row["p_ij_direct"]), rel=1e-9)
        assert p_star == pytest.approx(float(row["pstar_ij"]), rel=1e-9)


def test_stepping_stone_node_is_mainly_a_connector_with_edge_to_edge_distances():
    result = connectivity_indices(tiny8_network("all"), 5000, 0.5)
    assert result.nodes["dPCconnector"][1] == pytest.approx(16.24805717, abs=1e-7)
    assert result.nodes["dPCconnector"][1] > result.nodes["dPCflux"][1]


def test_connector_fraction_is_zero_with_centroid_distances_over_all_pairs():
    rng = np.random.default_rng(3)
    x, y = rng.random(60) * 20000, rng.random(60) * 20000
    i, j, d = centroid_distances(x, y)
    ids = np.arange(1, 61)
    network = habitat_network(ids, rng.random(60) * 100, ids[i], ids[j], d, all_pairs=True)
    result = connectivity_indices(network, 5000, 0.5)
    assert np.max(np.abs(result.nodes["dPCconnector"])) < 1e-10


def test_without_landscape_area_only_numerators_and_ec_are_reported():
    names = {name for name, _ in connectivity_indices(tiny8_network("all"), 5000, 0.5).overall}
    assert {"PCnum", "EC_PC", "IICnum", "EC_IIC"} <= names
    assert not names & {"PC", "IIC", "LA"}


def test_equivalent_connectivity_is_the_square_root_of_the_numerator():
    result = connectivity_indices(tiny8_network("all"), 5000, 0.5)
    assert result.overall_value("EC_PC") == pytest.approx(math.sqrt(result.overall_value("PCnum")), rel=1e-15)
    assert result.overall_value("EC_IIC") == pytest.approx(math.sqrt(result.overall_value("IICnum")), rel=1e-15)


def test_probability_connections_give_the_same_indices_as_distances():
    network = tiny8_network("all")
    rate = math.log(2) / 5000
    ids = network.node_ids
    by_probability = habitat_network(ids, network.attribute, ids[network.link_i], ids[network.link_j],
                                     np.exp(-rate * network.link_value), PROBABILITY, all_pairs=True)
    expected = connectivity_indices(network, 5000, 0.5)
    result = connectivity_indices(by_probability, 5000, 0.5)
    for column in NODE_COLUMNS:
        np.testing.assert_allclose(result.nodes[column], expected.nodes[column], atol=1e-9, err_msg=column)


def test_makurhini_convention_pc_columns_match_landschaft():
    result = connectivity_indices(tiny8_network("all"), 5000, 0.5, convention=MAKURHINI)
    expected = read_rows(TINY8 / "node_importances_all_makurhini_convention_landschaft.csv")
    for column in ("dPC", "dPCintra", "dPCflux", "dPCconnector"):
        want = np.array([float(r[column]) for r in expected])
        np.testing.assert_allclose(result.nodes[column], want, atol=PERCENT_TOLERANCE, err_msg=column)
    overall = {r[""]: float(r["value"]) for r in read_rows(TINY8 / "overall_all_makurhini_convention_landschaft.csv")}
    assert result.overall_value("PCnum") == pytest.approx(overall["PCnum"], rel=1e-9)
    assert result.overall_value("IICnum") == pytest.approx(overall["IICnum"], rel=1e-9)
    assert result.overall_value("PCdirect_pct") == pytest.approx(overall["PCdirect(%)"], abs=1e-8)


def test_makurhini_convention_iic_differs_from_landschaft_only_by_its_dropped_unconnected_term():
    """Unconnected pairs count with nl = 16443701 before and after a removal here; landschaft
    leaves them out after a removal, so its dIIC_k is larger by exactly that term."""
    network = tiny8_network("all")
    result = connectivity_indices(network, 5000, 0.5, convention=MAKURHINI)
    expected = read_rows(TINY8 / "node_importances_all_makurhini_convention_landschaft.csv")
    linked = network.link_value < 5000
    a, n = network.attribute, network.n_nodes
    term = np.zeros(n)
    for k in range(n):
        keep = np.flatnonzero(np.arange(n) != k)
        use = linked & (network.link_i != k) & (network.link_j != k)
        graph = csr_matrix((np.ones(use.sum()), (network.link_i[use], network.link_j[use])), shape=(n, n))
        _, labels = connected_components(graph[keep][:, keep], directed=False)
        part = np.bincount(labels, weights=a[keep])
        term[k] = (a[keep].sum() ** 2 - np.sum(part ** 2)) / 16443702.0
    shift = 100.0 * term / result.overall_value("IICnum")
    for column in ("dIIC", "dIICconnector"):
        want = np.array([float(r[column]) for r in expected])
        np.testing.assert_allclose(result.nodes[column] + shift, want, atol=PERCENT_TOLERANCE, err_msg=column)
    for column in ("dIICintra", "dIICflux"):
        want = np.array([float(r[column]) for r in expected])
        np.testing.assert_allclose(result.nodes[column], want, atol=PERCENT_TOLERANCE, err_msg=column)


def test_makurhini_convention_links_need_a_distance_strictly_below_the_threshold():
    ids = np.array([1, 2, 3])
    network = habitat_network(ids, [1.0, 1.0, 1.0], [1, 2], [2, 3], [5000.0, 4999.0])
    assert connectivity_indices(network, 5000, 0.5).overall_value("NL") == 2
    assert connectivity_indices(network, 5000, 0.5, convention=MAKURHINI).overall_value("NL") == 1


def makurhini_network():
    rows = read_rows(MAKURHINI_DIR / "habitat_nodes_centroids.csv")
    ids = np.array([int(r["id"]) for r in rows])
    x = np.array([float(r["cx"]) for r in rows])
    y = np.array([float(r["cy"]) for r in rows])
    i, j, d = centroid_distances(x, y)
    return habitat_network(ids, [float(r["area_m2"]) for r in rows], ids[i], ids[j], d, all_pairs=True)


@pytest.fixture(scope="module")
def makurhini_results():
    network = makurhini_network()
    return {distance: connectivity_indices(network, distance, 0.5) for distance in (5000, 10000)}


@pytest.mark.parametrize("distance", [5000, 10000])
def test_makurhini_404_patches_full_tables(makurhini_results, distance):
    path = MAKURHINI_DIR / f"computed_PC_centroid_d{distance}_p0.5.csv"
    header = path.read_text().splitlines()[0]
    pc_num = float(header.split("PCnum=")[1].split()[0])
    result = makurhini_results[distance]
    assert result.overall_value("PCnum") == pytest.approx(pc_num, rel=1e-9)
    expected = read_rows(path)
    for column in ("dPC", "dPCintra", "dPCflux"):
        want = np.array([float(r[column]) for r in expected])
        np.testing.assert_allclose(result.nodes[column], want, rtol=1e-6, err_msg=column)
    connector = np.array([float(r["dPCconnector"]) for r in expected])
    np.testing.assert_allclose(result.nodes["dPCconnector"], connector, atol=1e-12)


def test_makurhini_404_patches_published_rows(makurhini_results):
    result = makurhini_results[10000]
    for row in read_rows(MAKURHINI_DIR / "makurhini_vignette_published_d10000.csv"):
        k = int(row["core_id"]) - 1
        for column in ("dPC", "dPCflux"):
            assert result.nodes[column][k] == pytest.approx(float(row[column]), rel=2e-4), (row["core_id"], column)
        # printed with 7 decimals; agrees to the printed digits (MANIFEST: <= 2e-6 relative)
        assert result.nodes["dPCintra"][k] == pytest.approx(float(row["dPCintra"]), rel=2e-6, abs=5e-8)


@pytest.mark.parametrize("distance, sources", [(5000, 2), (10000, 11)])
def test_makurhini_404_patches_number_of_patches_above_one_percent(makurhini_results, distance, sources):
    is_source, _ = source_levels(makurhini_results[distance].nodes["dPC"], min_dpc=1.0, levels=3)
    assert int(is_source.sum()) == sources


def test_source_levels_grade_sources_by_natural_breaks_with_level_1_most_important():
    dpc = np.array([0.5, 2.0, 2.1, 10.0, 11.0, 40.0, 41.0])
    is_source, level = source_levels(dpc, min_dpc=1.0, levels=3)
    assert is_source.tolist() == [False, True, True, True, True, True, True]
    assert level.tolist() == [0, 3, 3, 2, 2, 1, 1]


def test_source_levels_with_fewer_sources_than_levels_give_each_its_own_level():
    is_source, level = source_levels(np.array([5.0, 3.0, 0.2]), min_dpc=1.0, levels=3)
    assert level.tolist() == [1, 2, 0]


def test_probabilities_underflowing_to_zero_leave_the_intra_patch_terms():
    ids = np.array([1, 2])
    network = habitat_network(ids, [3.0, 4.0], [1], [2], [1e9])
    result = connectivity_indices(network, 5000, 0.5)
    assert result.overall_value("PCnum") == pytest.approx(25.0)
    np.testing.assert_allclose(result.nodes["dPC"], [36.0, 64.0])


@pytest.mark.parametrize("distance, probability", [(0, 0.5), (-5, 0.5), (5000, 0.0), (5000, 1.0), (5000, 1.5)])
def test_bad_threshold_or_probability_is_a_clear_error(distance, probability):
    with pytest.raises(InputError, match="threshold|probability"):
        connectivity_indices(tiny8_network("all"), distance, probability)


def test_landscape_area_must_be_positive():
    with pytest.raises(InputError, match="landscape area"):
        connectivity_indices(tiny8_network("all"), 5000, 0.5, landscape_area=0.0)


def test_links_dropped_by_the_makurhini_cut_have_no_path_to_isolated_patches():
    result = connectivity_indices(tiny8_network("all"), 5000, 0.5, convention=MAKURHINI, with_links=True)
    to_node_6 = (result.links["i"] == 5) | (result.links["j"] == 5)
    assert np.all(result.links["p_star"][to_node_6] == 0.0)
    assert np.all(result.links["p_star"][~to_node_6] > 0.0)


def test_cancel_stops_the_computation():
    from ecosecurity.core.runtime.errors import CancelledError
    from ecosecurity.core.runtime.progress import Progress
    with pytest.raises(CancelledError):
        connectivity_indices(makurhini_network(), 10000, 0.5, progress=Progress(is_cancelled=lambda: True))
