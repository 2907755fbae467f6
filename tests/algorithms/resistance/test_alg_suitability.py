"""ecosecurity:suitability through Processing: spaces, tables, styles, planning-zone polygons."""
import os

import pytest
from ecosecurity.core.io.raster import read_raster, write_raster
from ecosecurity.core.io.vector import write_vector
from osgeo import ogr
from suitability_case import CRS_WKT, EXPECTED, GRID, LANDUSE, E, L, P


@pytest.fixture
def case(tmp_path):
    """The shared case with the zones as polygons: production over cell (0, 1), ecological over (0, 3)."""
    for name, array in (("p", P), ("l", L), ("e", E)):
        write_raster(tmp_path / f"{name}.tif", array, GRID)
    write_raster(tmp_path / "landuse.tif", LANDUSE, GRID, nodata=0)
    path = write_vector(
        tmp_path / "plan.gpkg",
        [(f"POLYGON (({x0} 3810000, {x0 + 30} 3810000, {x0 + 30} 3809970, {x0} 3809970, {x0} 3810000))",
          {"space": space}) for space, x0 in (("production", 560030), ("生态", 560090))],
        CRS_WKT, ogr.wkbPolygon, [("space", ogr.OFTString)])
    factors = []
    for function, name in (("production", "p"), ("living", "l"), ("ecological", "e")):
        factors += ["factor", function, name, str(tmp_path / f"{name}.tif"), "1", "value", "", "", "1", ""]
    return tmp_path, factors, path


def parameters(folder, factors, **extra):
    values = {"LANDUSE": str(folder / "landuse.tif"), "FACTORS": factors, "LEVELS": 3, "KEEP_LEVELS": 1,
              "OUTPUT_PRODUCTION": str(folder / "production.tif"), "OUTPUT_LIVING": str(folder / "living.tif"),
              "OUTPUT_ECOLOGICAL": str(folder / "ecological.tif"), "OUTPUT_SPACES": str(folder / "spaces.tif"),
              "AREA_TABLE": str(folder / "areas.csv"), "LEVEL_TABLE": str(folder / "levels.csv")}
    values.update(extra)
    return values


def rows(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(path, "t", "ogr")
    names = [field.name() for field in layer.fields()]
    return [dict(zip(names, feature.attributes())) for feature in layer.getFeatures()]


def test_spaces_with_planning_zone_polygons_named_by_a_field(run_alg, case):
    folder, factors, plan = case
    result = run_alg("suitability", parameters(folder, factors, PLANNING_ZONES=plan, ZONE_FIELD="space"))
    assert read_raster(result["OUTPUT_SPACES"]).array.tolist() == EXPECTED.tolist()
    areas = {int(r["space"]): r for r in rows(result["AREA_TABLE"])}
    assert [int(areas[s]["cells"]) for s in (1, 2, 3)] == [4, 3, 4]
    assert int(areas[1]["by_planning_zone"]) == 1
    assert os.path.exists(folder / "spaces.qml") and os.path.exists(folder / "production.qml")
    levels = rows(result["LEVEL_TABLE"])
    assert len(levels) == 9 and sum(str(r["kept"]).lower() in ("true", "1") for r in levels) == 3


def test_without_zones_overlaps_follow_levels_and_priority(run_alg, case):
    folder, factors, _plan = case
    result = run_alg("suitability", parameters(folder, factors, PRIORITY=2))   # production first
    spaces = read_raster(result["OUTPUT_SPACES"]).array
    assert spaces[0, 1] == 1 and spaces[0, 2] == 1


def test_land_use_class_without_a_space_is_a_clear_error(run_alg, case):
    from qgis.core import QgsProcessingException
    folder, factors, _plan = case
    with pytest.raises(QgsProcessingException, match=r"value\(s\) 5 have no space"):
        run_alg("suitability", parameters(folder, factors, LANDUSE_SPACES="1:3; 4:1; 6:2"))
    assert not (folder / "spaces.tif").exists()


def test_factor_table_without_function_is_a_clear_error(run_alg, case):
    from qgis.core import QgsProcessingException
    folder, factors, _plan = case
    factors[1] = ""
    with pytest.raises(QgsProcessingException, match="function column"):
        run_alg("suitability", parameters(folder, factors))


def test_space_map_gets_the_bilingual_paletted_style(run_alg, case):
    from qgis.core import QgsRasterLayer
    folder, factors, _plan = case
    result = run_alg("suitability", parameters(folder, factors))
    layer = QgsRasterLayer(result["OUTPUT_SPACES"], "spaces")
    layer.loadDefaultStyle()
    assert layer.renderer().type() == "paletted"
    assert [c.label for c in layer.renderer().classes()] == [
        "Production space 生产空间", "Living space 生活空间", "Ecological space 生态空间"]
