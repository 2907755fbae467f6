"""ecosecurity:centrality through Processing, on the outputs of ecosecurity:corridors."""
import networkx as nx
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, write_raster
from ecosecurity.core.io.vector import write_vector
from osgeo import ogr, osr

CELL = 100.0
X0, Y0 = 500000.0, 4000000.0
SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32650)
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), SRS.ExportToWkt(), 40, 40)


def box(col0, row0, col1, row1):
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - row1 * CELL, Y0 - row0 * CELL
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


CORES = [(1, box(2, 2, 6, 6)), (2, box(30, 3, 35, 7)), (3, box(4, 30, 8, 35)), (4, box(31, 31, 36, 36)),
         (5, box(17, 17, 22, 22))]


def features(path):
    dataset = ogr.Open(path.split("|")[0])
    layer = dataset.GetLayer(0)
    return [({layer.GetLayerDefn().GetFieldDefn(i).GetName(): f.GetField(i) for i in range(f.GetFieldCount())},
             f.GetGeometryRef().Clone() if f.GetGeometryRef() else None) for f in layer]


@pytest.fixture(scope="module")
def network(tmp_path_factory, ecosecurity_provider):
    import processing
    folder = tmp_path_factory.mktemp("centrality")
    rng = np.random.default_rng(4)
    resistance = write_raster(folder / "resistance.tif", rng.uniform(1, 20, GRID.shape).astype(np.float32), GRID,
                              -9999.0)
    cores = write_vector(folder / "cores.gpkg", [(g, {"gid": k}) for k, g in CORES], SRS.ExportToWkt(),
                         ogr.wkbPolygon, [("gid", ogr.OFTInteger)], layer_name="cores")
    result = processing.run("ecosecurity:corridors", {
        "CORES": cores, "CORE_ID_FIELD": "gid", "RESISTANCE": resistance, "ADJACENCY": 3, "MAX_NEAREST": 0,
        "DROP_THROUGH_CORES": False, "OUTPUT_LCP": str(folder / "lcp.gpkg"), "OUTPUT_LINKS": str(folder / "links.gpkg"),
        "OUTPUT_CORRIDORS": None, "OUTPUT_TRUNCATED": None, "OUTPUT_CWD": None, "OUTPUT_ALLOCATION": None})
    return folder, cores, result["OUTPUT_LINKS"], result["OUTPUT_LCP"]


def outputs(folder, **extra):
    params = {"OUTPUT_CORES": str(folder / "cores_cf.gpkg"), "OUTPUT_LINKS": str(folder / "links_cf.gpkg"),
              "OUTPUT_SUMMARY": str(folder / "summary.csv")}
    params.update(extra)
    return params


def networkx_values(links):
    graph = nx.Graph()
    for row, _ in links:
        if row["link_type"] >= 1:
            graph.add_edge(row["core1"], row["core2"], conductance=1.0 / row["cw_dist"], link=row["link_id"])
    nodes = nx.current_flow_betweenness_centrality(graph, normalized=False, weight="conductance")
    edges = nx.edge_current_flow_betweenness_centrality(graph, normalized=False, weight="conductance")
    return graph, nodes, {graph[a][b]["link"]: value for (a, b), value in edges.items()}


def test_link_table_gives_networkx_centrality_on_cores_and_links(run_alg, network, tmp_path):
    folder, cores, links, _ = network
    result = run_alg("centrality", dict(outputs(tmp_path), CORES=cores, CORE_ID_FIELD="gid", LINKS=links))
    table = features(links)
    graph, nodes, edges = networkx_values(table)
    assert len(graph) == 5 and nx.is_connected(graph)
    out_cores = features(result["OUTPUT_CORES"])
    assert len(out_cores) == 5 and all(geometry is not None for _, geometry in out_cores)
    for row, _ in out_cores:
        assert row["CF_Central"] == pytest.approx(nodes[row["gid"]] + 4, rel=1e-9)
    out_links = features(result["OUTPUT_LINKS"])
    assert len(out_links) == len(table) and all(geometry is None for _, geometry in out_links)
    for row, _ in out_links:
        if row["link_type"] >= 1:
            assert row["CF_Central"] == pytest.approx(2 * edges[row["link_id"]], rel=1e-9)
            assert row["level_en"] in ("Extremely important", "Important", "General")
            assert {1: "极重要", 2: "重要", 3: "一般"}[row["level"]] == row["level_zh"]
        else:
            assert row["CF_Central"] is None and row["level"] is None
    summary = features(result["OUTPUT_SUMMARY"])
    active = [row for row, _ in out_links if row["link_type"] >= 1]
    assert sum(int(row["count"]) for row, _ in summary) == len(active)
    for row, _ in summary:
        members = [link for link in active if link["level"] == int(row["level"])]
        assert float(row["length"]) == pytest.approx(sum(link["lcp_length"] for link in members))
    top = [link["CF_Central"] for link in active if link["level"] == 1]
    assert min(top) == max(link["CF_Central"] for link in active) or min(top) > max(
        link["CF_Central"] for link in active if link["level"] == 2)


def test_least_cost_path_lines_give_lines_with_a_style(run_alg, network, tmp_path):
    folder, cores, _, lcp = network
    result = run_alg("centrality", dict(outputs(tmp_path, OUTPUT_SUMMARY=None), CORES=cores, CORE_ID_FIELD="gid",
                                        LINKS=lcp, LEVELS=2))
    lines = features(result["OUTPUT_LINKS"])
    assert lines and all(geometry is not None and geometry.Length() > 0 for _, geometry in lines)
    assert {row["level"] for row, _ in lines} <= {1, 2}
    legend = (tmp_path / "links_cf.qml").read_text(encoding="utf-8")
    assert 'category value="2"' in legend and 'category value="3"' not in legend  # the legend lists 2 levels


def test_links_of_another_run_are_one_clear_error_and_no_output(run_alg, network, tmp_path):
    from qgis.core import QgsProcessingException
    folder, _, links, _ = network
    other = write_vector(tmp_path / "other.gpkg", [(g, {"gid": k + 100}) for k, g in CORES], SRS.ExportToWkt(),
                         ogr.wkbPolygon, [("gid", ogr.OFTInteger)], layer_name="cores")
    with pytest.raises(QgsProcessingException, match="does not belong"):
        run_alg("centrality", dict(outputs(tmp_path), CORES=other, CORE_ID_FIELD="gid", LINKS=links))
    assert not (tmp_path / "cores_cf.gpkg").exists() and not (tmp_path / "links_cf.gpkg").exists()


def test_a_table_without_active_links_is_refused(run_alg, network, tmp_path):
    from qgis.core import QgsProcessingException
    _, cores, _, _ = network
    table = tmp_path / "dead.csv"
    table.write_text("link_id,core1,core2,link_type,cw_dist\n1,1,2,-1,5.0\n2,2,3,-15,7.5\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no active link"):
        run_alg("centrality", dict(outputs(tmp_path), CORES=cores, CORE_ID_FIELD="gid", LINKS=str(table)))
    assert not (tmp_path / "cores_cf.gpkg").exists()
