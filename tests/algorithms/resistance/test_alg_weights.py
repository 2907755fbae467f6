"""ecosecurity:ahpweights and ecosecurity:entropyweights through Processing."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, write_raster

DRINKS = ("1,9,5,2,1,1,1/2; 1/9,1,1/3,1/9,1/9,1/9,1/9; 1/5,3,1,1/3,1/4,1/3,1/9; 1/2,9,3,1,1/2,1,1/3;"
          "1,9,4,2,1,2,1/2; 1,9,3,1,1/2,1,1/3; 2,9,9,3,2,3,1")


def table_rows(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(path, "t", "ogr")
    names = [field.name() for field in layer.fields()]
    return [dict(zip(names, feature.attributes())) for feature in layer.getFeatures()]


def test_ahp_writes_criterion_weight_table_and_consistency_numbers(run_alg, tmp_path):
    result = run_alg("ahpweights", {"CRITERIA": "coffee, wine, tea, beer, sodas, milk, water", "MATRIX": DRINKS,
                                    "OUTPUT": str(tmp_path / "w.csv")})
    rows = table_rows(result["OUTPUT"])
    assert [r["criterion"] for r in rows][:2] == ["coffee", "wine"]
    assert float(rows[6]["weight"]) == pytest.approx(0.327, abs=5e-4)
    assert result["CR"] == pytest.approx(0.022, abs=5e-4) and result["RI"] == 1.32
    assert result["LAMBDA_MAX"] > 7 and result["CI"] > 0


def test_ahp_inconsistent_matrix_is_an_error_unless_allowed(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    parameters = {"CRITERIA": "A,B,C", "MATRIX": "3,1/3;3", "OUTPUT": str(tmp_path / "w.csv")}
    with pytest.raises(QgsProcessingException, match="'A' vs 'C'"):
        run_alg("ahpweights", parameters)
    assert run_alg("ahpweights", {**parameters, "ALLOW_INCONSISTENT": True})["CR"] > 0.1


def test_ahp_group_of_three_experts_from_a_csv_file(run_alg, tmp_path):
    path = tmp_path / "experts.csv"
    path.write_text("A,B,C\n3,5\n2\n\nA,B,C\n5,7\n3\n\nA,B,C\n1,3\n1/2\n", encoding="utf-8")
    result = run_alg("ahpweights", {"MATRIX_FILE": str(path), "OUTPUT": str(tmp_path / "w.csv")})
    weights = [float(r["weight"]) for r in table_rows(result["OUTPUT"])]
    group = np.array([[1, 15 ** (1 / 3), 105 ** (1 / 3)], [15 ** (-1 / 3), 1, 3 ** (1 / 3)],
                      [105 ** (-1 / 3), 3 ** (-1 / 3), 1]])
    values, vectors = np.linalg.eig(group)
    expected = np.abs(vectors[:, np.argmax(values.real)].real)
    assert weights == pytest.approx(list(expected / expected.sum()))


def test_ahp_reciprocal_mismatch_is_a_clear_error(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="reciprocal"):
        run_alg("ahpweights", {"MATRIX": "1,3;1/2,1", "OUTPUT": str(tmp_path / "w.csv")})


def test_entropy_of_a_table_reproduces_xu_2004(run_alg, tmp_path):
    path = tmp_path / "xu.csv"
    path.write_text("a1,a2,a3,a4\n30,30,38,29\n19,54,86,29\n19,15,85,28.9\n68,70,60,29\n", encoding="utf-8")
    result = run_alg("entropyweights", {"TABLE": str(path), "NORMALISATION": 1, "OUTPUT": str(tmp_path / "e.csv")})
    rows = table_rows(result["OUTPUT"])
    assert [round(float(r["weight"]), 4) for r in rows] == [0.4630, 0.3992, 0.1378, 0.0000]
    assert rows[0]["normalisation"] == "sum" and float(rows[0]["entropy"]) < 1


def test_entropy_of_rasters_combined_with_ahp_weights(run_alg, tmp_path):
    grid = Grid((0.0, 30.0, 0.0, 300.0, 0.0, -30.0), "", 10, 10)
    rng = np.random.default_rng(2)
    for name in ("slope", "ndvi"):
        write_raster(tmp_path / f"{name}.tif", rng.random((10, 10)).astype(np.float32), grid)
    ahp = tmp_path / "ahp.csv"
    ahp.write_text("criterion,weight\nslope,0.7\nndvi,0.3\n", encoding="utf-8")
    result = run_alg("entropyweights", {
        "FACTORS": [str(tmp_path / "slope.tif"), str(tmp_path / "ndvi.tif")], "DIRECTIONS": "-,+",
        "AHP_WEIGHTS": str(ahp), "COMBINATION": 2, "ALPHA": 0.5, "OUTPUT": str(tmp_path / "e.csv")})
    rows = table_rows(result["OUTPUT"])
    for row in rows:
        ahp, entropy = float(row["ahp_weight"]), float(row["entropy_weight"])
        assert float(row["weight"]) == pytest.approx(0.5 * ahp + 0.5 * entropy)
    assert sum(float(r["weight"]) for r in rows) == pytest.approx(1.0)


def test_entropy_combination_with_a_missing_criterion_names_it(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    path = tmp_path / "t.csv"
    path.write_text("x,y\n1,2\n2,5\n3,1\n", encoding="utf-8")
    ahp = tmp_path / "ahp.csv"
    ahp.write_text("criterion,weight\nx,1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no weight for y"):
        run_alg("entropyweights", {"TABLE": str(path), "AHP_WEIGHTS": str(ahp), "COMBINATION": 1,
                                   "OUTPUT": str(tmp_path / "e.csv")})
