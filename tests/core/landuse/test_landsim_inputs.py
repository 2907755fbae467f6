"""Demand, conversion matrix, weights and class codes of the land-use simulation: parsed, or one
clear error."""
import warnings

import numpy as np
import pytest
from ecosecurity.core.landuse.simulation_inputs import check_class_codes, check_demand_reachable, parse_conversion, \
    parse_demand, parse_weights
from ecosecurity.core.runtime.errors import EcoSecurityWarning, InputError

CODES = [1, 2, 3]


def test_demand_from_a_comma_list_in_class_order():
    assert parse_demand("50, 30,20", CODES, 100, 900.0).tolist() == [50, 30, 20]


def test_demand_list_of_the_wrong_length_is_refused():
    with pytest.raises(InputError, match="2 value.*3 classes"):
        parse_demand("50,50", CODES, 100, 900.0)


def test_demand_from_the_land_demand_table_reads_the_cells_column(tmp_path):
    table = tmp_path / "demand.csv"
    table.write_text("class,name,cells,area_km2\n3,crop,20,0.018\n1,forest,50,0.045\n2,urban,30,0.027\n", "utf-8")
    assert parse_demand(str(table), CODES, 100, 900.0).tolist() == [50, 30, 20]


def test_demand_table_without_cells_converts_area_with_the_cell_size(tmp_path):
    table = tmp_path / "demand.csv"
    table.write_text("class,area_km2\n1,0.045\n2,0.027\n3,0.018\n", "utf-8")
    assert parse_demand(str(table), CODES, 100, 900.0).tolist() == [50, 30, 20]


def test_demand_table_missing_a_class_is_refused(tmp_path):
    table = tmp_path / "demand.csv"
    table.write_text("class,cells\n1,70\n2,30\n", "utf-8")
    with pytest.raises(InputError, match="missing 3"):
        parse_demand(str(table), CODES, 100, 900.0)


def test_a_slightly_rounded_demand_total_is_rescaled_with_a_warning():
    with pytest.warns(EcoSecurityWarning, match="rescaled"):
        demand = parse_demand("5010,3000,1990", CODES, 10010, 900.0)
    assert demand.sum() == 10010


def test_a_demand_total_far_from_the_map_is_refused():
    with pytest.raises(InputError, match="totals 90 cells.*100 land cells"):
        parse_demand("40,30,20", CODES, 100, 900.0)


def test_conversion_matrix_inline_rows_from_current_to_future_class():
    matrix = parse_conversion("1,1,0; 0 1 0; 1,1,1", CODES)
    assert matrix.tolist() == [[True, True, False], [False, True, False], [True, True, True]]


def test_conversion_matrix_from_a_csv_with_header_and_code_column(tmp_path):
    path = tmp_path / "conversion.csv"
    path.write_text("from,1,2,3\n1,1,0,0\n2,1,0,1\n3,0,0,1\n", "utf-8")
    matrix = parse_conversion(str(path), CODES)
    assert matrix.tolist() == [[True, False, False], [True, True, True], [False, False, True]]  # diagonal kept


def test_conversion_matrix_of_the_wrong_size_is_refused():
    with pytest.raises(InputError, match="2 row.*3 classes"):
        parse_conversion("1,1;1,1", CODES)


def test_conversion_matrix_with_other_values_is_refused():
    with pytest.raises(InputError, match="0 .*1"):
        parse_conversion("1,2,0;0,1,0;1,1,1", CODES)


def test_weights_default_to_one_and_must_lie_in_zero_one():
    assert parse_weights("", CODES).tolist() == [1.0, 1.0, 1.0]
    assert parse_weights("0.5,1,0", CODES).tolist() == [0.5, 1.0, 0.0]
    with pytest.raises(InputError, match="3 values"):
        parse_weights("0.5,2,0", CODES)


def test_non_consecutive_class_codes_are_refused_naming_the_missing_ones():
    with pytest.raises(InputError, match="missing 3, 5"):
        check_class_codes([1, 2, 4, 6], "landuse")
    assert check_class_codes([2, 3, 4], "landuse") == [2, 3, 4]


def test_demand_exceeding_the_convertible_area_is_refused():
    counts = np.array([50, 30, 20])
    movable = np.array([10, 30, 20])                  # 40 cells of class 1 restricted
    allowed = np.ones((3, 3), bool)
    allowed[2, 1] = False                             # 3 → 2 forbidden: only class 1's 10 free cells can feed 2
    with pytest.raises(InputError, match="class 2 .*exceeds the convertible area.*only 10"):
        check_demand_reachable(counts, movable, np.array([45, 45, 10]), allowed, CODES)
    with pytest.raises(InputError, match="class 1 .*lose 20 cells.*only 10"):
        check_demand_reachable(counts, movable, np.array([30, 50, 20]), np.ones((3, 3), bool), CODES)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_demand_reachable(counts, movable, np.array([45, 35, 20]), np.ones((3, 3), bool), CODES)


def test_a_class_absent_from_the_start_map_cannot_be_grown():
    with pytest.raises(InputError, match="Class 3 has no cell"):
        check_demand_reachable(np.array([60, 40, 0]), np.array([60, 40, 0]), np.array([50, 40, 10]),
                               np.ones((3, 3), bool), CODES)


def test_demand_from_a_geopackage_table_layer(tmp_path):
    from osgeo import ogr
    path = str(tmp_path / "demand.gpkg")
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = source.CreateLayer("land_demand", geom_type=ogr.wkbNone)
    layer.CreateField(ogr.FieldDefn("class", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("cells", ogr.OFTInteger64))
    for code, cells in ((1, 50), (2, 30), (3, 20)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("class", code)
        feature.SetField("cells", cells)
        layer.CreateFeature(feature)
    source = None
    assert parse_demand(f"{path}|layername=land_demand", CODES, 100, 900.0).tolist() == [50, 30, 20]
