"""ecosecurity:scenariotargets through Processing: zones and areas runs, the Xi'an error, bad input."""
import csv

import numpy as np
import pytest
from priority_case import integer_raster
from qgis.core import QgsProcessingException

XIAN = {"AREAS": "1:2539.84; 2:904.53; 3:6523.46", "BASE_AREA": 10087.35, "LOWER": "0.22,0.20,0.38",
            "UPPER": "0.25,0.25,0.44"}


def rows(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def zones_raster(folder):
    """100 m cells (0.01 km²): 10 production, 10 living, 20 ecological, 10 of no space, 10 NoData."""
    values = np.repeat(np.array([1, 2, 3, 3, 0, -9999], np.int32), 10).reshape(6, 10)
    return integer_raster(folder / "spaces.tif", values)


def test_zones_run_measures_the_spaces_and_writes_the_table(run_alg, tmp_path):
    # A = 0.1, 0.1, 0.2 km², region 0.5 km²; f = 0.2 → 0.1 km²: 0.1 X1 + 0.1 X2 + 0.2 X3 = 0.1 with X1, X2
    # in {0.1, 0.15, …, 0.3} and X3 = 0.5 − (X1 + X2)/2 ∈ [0.2, 0.3] iff X1 + X2 ≥ 0.4: 15 groups
    result = run_alg("scenariotargets", {
        "ZONES": zones_raster(tmp_path), "BASE_FRACTION": 0.2, "LOWER": "0.1,0.1,0.2", "UPPER": "0.3,0.3,0.3",
        "STEP": 0.05,
        "OUTPUT": str(tmp_path / "groups.csv"), "OUTPUT_HTML": str(tmp_path / "groups.html")})
    table = rows(result["OUTPUT"])
    assert result["GROUPS"] == len(table) == 15
    assert float(table[0]["target_km2"]) == pytest.approx(0.1)
    assert all(float(r["share_of_base"]) == pytest.approx(0.2) for r in table)
    families = [r["family"] for r in table]
    assert families == sorted(families, key=["production-first", "living-first", "ecology-first"].index)
    assert (tmp_path / "groups.html").exists() and (tmp_path / "groups_groups.png").exists()


def test_areas_run_keeps_one_family(run_alg, tmp_path):
    result = run_alg("scenariotargets", dict(XIAN, BASE_FRACTION=0.35, PRIORITY=1, OUTPUT=str(tmp_path / "g.csv")))
    table = rows(result["OUTPUT"])
    assert result["GROUPS"] == len(table) > 0 and {r["family"] for r in table} == {"living-first"}
    for row in table:
        assert sum(float(row[f"area_{c}_km2"]) for c in (1, 2, 3)) == pytest.approx(0.35 * 10087.35)


def test_published_xian_bounds_give_one_error_with_the_arithmetic_and_no_output(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"3833.19 km².*3731.41 km² \(36.99 %.*45.56 %"):
        run_alg("scenariotargets", dict(XIAN, OUTPUT=str(tmp_path / "g.csv"), OUTPUT_HTML=str(tmp_path / "g.html")))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("change, message", [
    ({"AREAS": None}, "neither ZONES nor AREAS"),
    ({"ZONES": "zones"}, "both ZONES and AREAS"),
    ({"LOWER": "0.26,0.20,0.38"}, "LOWER 0.26 is above UPPER 0.25"),
    ({"UPPER": "0.25,0.44"}, "UPPER has 2 value"),
    ({"LOWER": "22,20,38"}, "did you mean 0.22 .*Divide percentages by 100"),
    ({"STEP": 0}, "STEP 0 must be in"),
    ({"STEP": -0.01}, "STEP .*-0.01"),
])
def test_bad_input_gives_one_error_and_no_output(run_alg, tmp_path, change, message):
    parameters = dict(XIAN, BASE_FRACTION=0.35, OUTPUT=str(tmp_path / "out" / "g.csv"),
                      OUTPUT_HTML=str(tmp_path / "out" / "g.html"))
    (tmp_path / "out").mkdir()
    if change.get("ZONES"):
        change = {"ZONES": zones_raster(tmp_path)}
    parameters.update(change)
    parameters = {k: v for k, v in parameters.items() if v is not None}
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("scenariotargets", parameters)
    assert list((tmp_path / "out").iterdir()) == []
