"""ecosecurity:connectivity through Processing: Conefor files, patch polygons, outputs, clear errors."""
import csv

import numpy as np
import pytest
from refpaths import REFERENCE

TINY8 = REFERENCE / "connectivity" / "tiny8"
MAKURHINI_DIR = REFERENCE / "connectivity" / "makurhini_habitat_nodes"
COLUMNS = ["dA", "dIIC", "dIICintra", "dIICflux", "dIICconnector", "dPC", "dPCintra", "dPCflux", "dPCconnector"]


def read_rows(path):
    return list(csv.DictReader(line for line in path.read_text().splitlines() if not line.startswith("#")))


def table(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def polygon_layer(rows, crs="EPSG:32650", fields="id:integer&field=area:double"):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}&field={fields}", "patches", "memory")
    features = []
    for attributes, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(attributes))
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def rectangles_layer(crs="EPSG:32650"):
    rows = read_rows(TINY8 / "patches_rectangles.csv")
    return polygon_layer([((int(r["id"]), float(r["area_ha"])), r["wkt"]) for r in rows], crs)


def assert_nodes_match(nodes, mode):
    expected = read_rows(TINY8 / f"node_importances_{mode}.csv")
    assert [int(n["node_id"]) for n in nodes] == [int(r["node"]) for r in expected]
    for column in COLUMNS:
        np.testing.assert_allclose([n[column] for n in nodes], [float(r[column]) for r in expected],
                                   rtol=1e-6, atol=1e-8, err_msg=column)


@pytest.mark.parametrize("mode", ["all", "notall"])
def test_tiny8_from_conefor_files(run_alg, tmp_path, mode):
    result = run_alg("connectivity", {
        "NODE_FILE": str(TINY8 / "nodes.txt"), "CONNECTION_FILE": str(TINY8 / f"distances_{mode}.txt"),
        "CONNECTION_TYPE": 0, "CONNECTIONS_ALL": mode == "all", "DISTANCE_THRESHOLD": 5000, "PROBABILITY": 0.5,
        "LANDSCAPE_AREA": 20000, "OUTPUT": str(tmp_path / "nodes.gpkg"),
        "OUTPUT_OVERALL": str(tmp_path / "overall.gpkg")})
    assert_nodes_match(table(result["OUTPUT"]), mode)
    overall = {row["index"]: row["value"] for row in table(result["OUTPUT_OVERALL"])}
    for row in read_rows(TINY8 / f"overall_{mode}.csv"):
        assert overall[row["index"]] == pytest.approx(float(row["value"]), rel=1e-6), row["index"]


def test_tiny8_from_rectangles_with_edge_to_edge_distances(run_alg, tmp_path):
    result = run_alg("connectivity", {
        "INPUT": rectangles_layer(), "ID_FIELD": "id", "DISTANCE": 0, "OUTPUT": str(tmp_path / "nodes.gpkg"),
        "OUTPUT_OVERALL": str(tmp_path / "overall.gpkg"), "OUTPUT_LINKS": str(tmp_path / "links.gpkg")})
    nodes = table(result["OUTPUT"])
    assert_nodes_match(nodes, "all")
    assert [n["is_source"] for n in nodes] == [1, 1, 1, 1, 1, 1, 1, 1]
    assert [n["level"] for n in nodes] == [1, 2, 1, 3, 3, 3, 3, 3]
    links = table(result["OUTPUT_LINKS"])
    pstar = {(int(r["i"]), int(r["j"])): float(r["pstar_ij"]) for r in read_rows(TINY8 / "pstar_all.csv")}
    assert len(links) == 28
    for link in links:
        assert link["p_star"] == pytest.approx(pstar[(link["node1"], link["node2"])], rel=1e-9)
    assert result["SOURCE_COUNT"] == 8
    assert result["SOURCE_AREA_KM2"] == pytest.approx(16.45)


def test_node_layer_is_styled_by_importance_level(run_alg, tmp_path):
    from qgis.core import QgsVectorLayer
    result = run_alg("connectivity", {"INPUT": rectangles_layer(), "OUTPUT": str(tmp_path / "nodes.gpkg"),
                                      "OUTPUT_OVERALL": str(tmp_path / "overall.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "nodes", "ogr")
    message, ok = layer.loadNamedStyle(str(tmp_path / "nodes.qml"))
    assert ok, message
    assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "level"


def test_area_in_hectares_is_the_default_attribute(run_alg, tmp_path):
    result = run_alg("connectivity", {"INPUT": rectangles_layer(), "OUTPUT": str(tmp_path / "n.gpkg"),
                                      "OUTPUT_OVERALL": str(tmp_path / "o.gpkg")})
    nodes = table(result["OUTPUT"])
    assert [n["attribute"] for n in nodes] == pytest.approx([600, 100, 500, 20, 100, 200, 25, 100])


def test_makurhini_404_patches_from_polygons_with_centroid_distances(run_alg, tmp_path):
    rows = read_rows(MAKURHINI_DIR / "habitat_nodes_centroids.csv")
    squares = []
    for r in rows:
        x, y = float(r["cx"]), float(r["cy"])
        wkt = f"POLYGON(({x - 5} {y - 5},{x + 5} {y - 5},{x + 5} {y + 5},{x - 5} {y + 5},{x - 5} {y - 5}))"
        squares.append(((int(r["id"]), float(r["area_m2"])), wkt))
    result = run_alg("connectivity", {
        "INPUT": polygon_layer(squares, "EPSG:6372"), "ID_FIELD": "id", "ATTRIBUTE_FIELD": "area", "DISTANCE": 1,
        "DISTANCE_THRESHOLD": 5000, "OUTPUT": str(tmp_path / "n.gpkg"), "OUTPUT_OVERALL": str(tmp_path / "o.gpkg")})
    nodes = table(result["OUTPUT"])
    expected = read_rows(MAKURHINI_DIR / "computed_PC_centroid_d5000_p0.5.csv")
    np.testing.assert_allclose([n["dPC"] for n in nodes], [float(r["dPC"]) for r in expected], rtol=1e-6)
    assert result["SOURCE_COUNT"] == 2


def test_makurhini_convention_is_selectable(run_alg, tmp_path):
    result = run_alg("connectivity", {
        "NODE_FILE": str(TINY8 / "nodes.txt"), "CONNECTION_FILE": str(TINY8 / "distances_all.txt"),
        "CONVENTION": 1, "OUTPUT": str(tmp_path / "n.gpkg"), "OUTPUT_OVERALL": str(tmp_path / "o.gpkg")})
    expected = read_rows(TINY8 / "node_importances_all_makurhini_convention_landschaft.csv")
    nodes = table(result["OUTPUT"])
    np.testing.assert_allclose([n["dPC"] for n in nodes], [float(r["dPC"]) for r in expected], atol=1e-8)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize("files, extra, message", [
    (("1 10\n1 20\n", "1 1 5\n"), {}, "duplicate node id"),
    (("1 10\n2 20\n", "1 3 100\n"), {"CONNECTIONS_ALL": False}, "not in the node list"),
    (("1 10\n2 20\n", "1 2 1.5\n"), {"CONNECTION_TYPE": 1}, "between 0 and 1"),
    (("1 10\n2 20\n", "1 2 100\n"), {"PROBABILITY": 1.5}, "probability"),
    (("1 10\n2 20\n", "1 2 100\n"), {"DISTANCE_THRESHOLD": 0}, "threshold"),
])
def test_bad_conefor_input_is_a_clear_error(run_alg, tmp_path, files, extra, message):
    from qgis.core import QgsProcessingException
    parameters = {"NODE_FILE": write(tmp_path, "n.txt", files[0]),
                  "CONNECTION_FILE": write(tmp_path, "c.txt", files[1]),
                  "OUTPUT": str(tmp_path / "n.gpkg"), "OUTPUT_OVERALL": str(tmp_path / "o.gpkg"), **extra}
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("connectivity", parameters)
    assert not (tmp_path / "n.gpkg").exists()


def test_non_polygon_layer_is_refused(run_alg, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
    layer = QgsVectorLayer("Point?crs=EPSG:32650", "points", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(0, 0)))
    layer.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="(?i)polygon|INPUT"):
        run_alg("connectivity", {"INPUT": layer, "OUTPUT": str(tmp_path / "n.gpkg"),
                                 "OUTPUT_OVERALL": str(tmp_path / "o.gpkg")})


def test_geographic_patch_layer_is_refused_when_distances_need_metres(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    layer = polygon_layer([((1, 1.0), "POLYGON((100 30,100.01 30,100.01 30.01,100 30.01,100 30))"),
                           ((2, 1.0), "POLYGON((100.1 30,100.11 30,100.11 30.01,100.1 30.01,100.1 30))")], "EPSG:4326")
    with pytest.raises(QgsProcessingException, match="not metres"):
        run_alg("connectivity", {"INPUT": layer, "OUTPUT": str(tmp_path / "n.gpkg"),
                                 "OUTPUT_OVERALL": str(tmp_path / "o.gpkg")})


def test_duplicate_patch_ids_in_a_layer_are_refused(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    layer = polygon_layer([((1, 1.0), "POLYGON((0 0,10 0,10 10,0 10,0 0))"),
                           ((1, 1.0), "POLYGON((20 0,30 0,30 10,20 10,20 0))")])
    with pytest.raises(QgsProcessingException, match="duplicate node id"):
        run_alg("connectivity", {"INPUT": layer, "ID_FIELD": "id", "OUTPUT": str(tmp_path / "n.gpkg"),
                                 "OUTPUT_OVERALL": str(tmp_path / "o.gpkg")})


def test_neither_layer_nor_files_is_an_error(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="either a habitat-patch layer"):
        run_alg("connectivity", {"OUTPUT": str(tmp_path / "n.gpkg"), "OUTPUT_OVERALL": str(tmp_path / "o.gpkg")})


def test_least_cost_distances_over_a_resistance_raster(run_alg, tmp_path):
    from ecosecurity.core.io.raster import Grid, write_raster
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    grid = Grid((500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0), srs.ExportToWkt(), 1, 10)
    resistance = write_raster(tmp_path / "r.tif", np.ones((1, 10), dtype=np.float32), grid)
    layer = polygon_layer([((1, 1.0), "POLYGON((500000 2999900,500200 2999900,500200 3000000,500000 3000000,"
                                      "500000 2999900))"),
                           ((2, 1.0), "POLYGON((500700 2999900,501000 2999900,501000 3000000,500700 3000000,"
                                      "500700 2999900))")])
    result = run_alg("connectivity", {
        "INPUT": layer, "ID_FIELD": "id", "ATTRIBUTE_FIELD": "area", "DISTANCE": 2, "RESISTANCE": resistance,
        "DISTANCE_THRESHOLD": 500, "OUTPUT": str(tmp_path / "n.gpkg"), "OUTPUT_OVERALL": str(tmp_path / "o.gpkg"),
        "OUTPUT_LINKS": str(tmp_path / "l.gpkg")})
    links = table(result["OUTPUT_LINKS"])
    # cells 1 -> 7: 6 steps of 100 m at resistance 1
    assert len(links) == 1 and links[0]["distance"] == pytest.approx(600.0)
    assert links[0]["p"] == pytest.approx(0.5 ** (600 / 500))


def test_least_cost_without_a_resistance_raster_is_an_error(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="RESISTANCE"):
        run_alg("connectivity", {"INPUT": rectangles_layer(), "DISTANCE": 2, "OUTPUT": str(tmp_path / "n.gpkg"),
                                 "OUTPUT_OVERALL": str(tmp_path / "o.gpkg")})
