"""From a land-use map to MSPA's 0/1/2 codes, and GuidosToolbox's refusals (spec §1.1)."""
import numpy as np
import pytest
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.sources.mspa import mspa_classes, mspa_codes

LANDUSE = np.array([[1, 2, 3, 4],
                    [5, 8, 9, 0],
                    [4, 4, 1, 7]], dtype=np.int32)


def test_habitat_values_become_2_other_valid_values_1_missing_values_0():
    codes = mspa_codes(LANDUSE, foreground_values=[1, 2, 3, 8, 9], missing_values=[0])
    assert codes.dtype == np.uint8
    assert codes.tolist() == [[2, 2, 2, 1], [1, 2, 2, 0], [1, 1, 2, 1]]


def test_nodata_is_always_missing():
    valid = np.ones(LANDUSE.shape, dtype=bool)
    valid[0, 0] = valid[2, 3] = False
    codes = mspa_codes(LANDUSE, valid, foreground_values=[1], missing_values=[])
    assert codes[0, 0] == 0 and codes[2, 3] == 0 and codes[2, 2] == 2


def test_float_raster_holding_whole_numbers_is_accepted():
    codes = mspa_codes(LANDUSE.astype(np.float32), foreground_values=[4.0])
    assert (codes == 2).sum() == 3


def test_float_raster_with_non_integer_values_is_refused():
    values = LANDUSE.astype(np.float64)
    values[1, 1] = 2.5
    with pytest.raises(InputError, match="non-integer"):
        mspa_codes(values, foreground_values=[2])


def test_non_integer_value_on_nodata_is_ignored():
    values = LANDUSE.astype(np.float64)
    values[1, 1] = np.nan
    valid = ~np.isnan(values)
    assert mspa_codes(values, valid, foreground_values=[2])[1, 1] == 0


def test_no_habitat_pixel_is_refused_naming_the_values():
    with pytest.raises(InputError, match=r"no habitat.*\[6\]"):
        mspa_codes(LANDUSE, foreground_values=[6])


def test_no_background_pixel_is_refused():
    with pytest.raises(InputError, match="no background"):
        mspa_codes(LANDUSE, foreground_values=range(1, 10))


def test_a_value_both_habitat_and_missing_is_refused():
    with pytest.raises(InputError, match="both"):
        mspa_codes(LANDUSE, foreground_values=[1, 2], missing_values=[2])


@pytest.mark.parametrize("values", [[], [1.5]])
def test_empty_or_fractional_foreground_values_are_refused(values):
    with pytest.raises(InputError, match="FOREGROUND_VALUES"):
        mspa_codes(LANDUSE, foreground_values=values)


@pytest.mark.parametrize("codes, message", [
    (np.array([[1, 1], [0, 1]], np.uint8), "no foreground"),
    (np.array([[2, 2], [0, 2]], np.uint8), "no background"),
    (np.array([[1, 3], [2, 1]], np.uint8), "0 .missing., 1 .background. or 2"),
    (np.array([[1.0, 2.0]]), "0 .missing., 1 .background. or 2"),
])
def test_mspa_refuses_maps_gwb_refuses(codes, message):
    with pytest.raises(InputError, match=message):
        mspa_classes(codes)


@pytest.mark.parametrize("value, message", [(2, "no foreground"), (1, "no background")])
def test_the_class_check_looks_through_every_row_block_of_a_large_map(value, message):
    codes = np.full((3000, 400), 3 - value, dtype=np.uint8)   # 1.2 M pixels: more than one block
    codes[0] = 0
    with pytest.raises(InputError, match=message):
        mspa_classes(codes)
    codes[-1, -5:] = value                                     # only in the last block
    assert mspa_classes(codes).shape == codes.shape
