"""Issue 13 (nothing silent) in the resistance room: weights and factor tables with values that are not
numbers give an error naming the row, column and value (never a ValueError traceback); the streamed
overlays and entropy estimate their memory from the grid size alone."""
import pytest
from ecosecurity.core.io.raster import Grid
from ecosecurity.core.resistance import entropy, factor_table, overlay, pairwise_input, suitability
from ecosecurity.core.runtime.errors import InputError

ROW = dict(role="factor", factor="slope", raster="slope.tif", band="1", grading="ascending", classes="8;15",
           scores="", weight="0.5", resampling="")


def test_a_weights_table_with_a_weight_that_is_not_a_number_names_row_criterion_and_value():
    with pytest.raises(InputError, match=r"Weights table W \('w.csv'\), row 2 \('slope'\), column 'weight': "
                                         r"'abc' is not a number"):
        factor_table.parse_weights_table([("land use", "0.5"), ("slope", "abc")], "Weights table W ('w.csv')")
    with pytest.raises(InputError, match="row 1 .*'-0.2'"):
        factor_table.parse_weights_table([("land use", "-0.2")])
    assert factor_table.parse_weights_table([("a", "0.25"), ("b", None), (None, "3"), ("c", 0.75)]) == \
        {"a": 0.25, "c": 0.75}


def test_a_weights_lookup_with_text_is_an_input_error_not_a_value_error():
    rows = factor_table.parse_rows([dict(ROW, weight="")])
    with pytest.raises(InputError, match="'slope'.*'weight'.*'high'"):
        factor_table.normalise_weights(rows, {"slope": "high"})


@pytest.mark.parametrize("column, value, expected", [
    ("band", "inf", "band: 'inf' is not a finite number"),
    ("band", "nan", "band: 'nan' is not a finite number"),
    ("band", "1.5", "band: '1.5' is not a whole number"),
    ("weight", "nan", "weight: 'nan' is not a finite number"),
    ("classes", "8;inf", "classes: 'inf' is not a finite number"),
    ("scores", "1;nan;3", "'nan' is not a finite number"),
])
def test_factor_table_cells_that_are_not_finite_numbers_are_named(column, value, expected):
    with pytest.raises(InputError, match=expected.replace("(", r"\(")):
        factor_table.parse_rows([dict(ROW, **{column: value})])


@pytest.mark.parametrize("classes", ["nan", "inf", "4.5"])
def test_a_number_of_classes_that_is_not_whole_is_named(classes):
    with pytest.raises(InputError, match=f"classes: '{classes}' is not"):
        factor_table.parse_rows([dict(ROW, grading="natural_breaks", classes=classes)])


def test_categorical_and_space_mappings_refuse_values_that_are_not_finite():
    with pytest.raises(InputError, match="'nan' is not a finite number"):
        factor_table.parse_rows([dict(ROW, grading="categorical", classes="1:nan; 2:3")])
    with pytest.raises(InputError, match="'nan' is not a land-use value"):
        suitability.parse_space_mapping("nan:1; 4:2")
    with pytest.raises(InputError, match="inf is not a finite number"):
        pairwise_input.parse_judgment("inf")


def test_streamed_memory_estimates_grow_with_the_layers_and_the_zones_but_not_with_the_rows():
    small = Grid((0, 30, 0, 0, 0, -30), "", 20_000, 20_000)
    huge = Grid((0, 30, 0, 0, 0, -30), "", 200_000, 200_000)
    assert overlay.estimate_overlay_memory(huge, 10) > overlay.estimate_overlay_memory(huge, 1)
    assert overlay.estimate_overlay_memory(huge, 3) == overlay.estimate_overlay_memory(small, 3)
    assert entropy.estimate_entropy_memory(huge, 2) == entropy.estimate_entropy_memory(small, 2)
    zones = suitability.estimate_suitability_memory(huge, 6, zones=True)
    assert zones - suitability.estimate_suitability_memory(huge, 6) == 3 * 200_000 * 200_000
    wide = Grid((0, 30, 0, 0, 0, -30), "", 1, 2_000_000_000)   # one row is one strip
    assert entropy.estimate_entropy_memory(wide, 2) > 2_000_000_000 * 98
