"""Habitat patches from a class raster (core/sources/patches.py)."""
import numpy as np
import pytest
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.sources.patches import (
    BY_AREA,
    BY_BOTH,
    BY_PROTECTION,
    habitat_patches,
    patch_perimeters,
    patch_polygons,
)
from osgeo import ogr

CORE = 17


def grid(text):
    """Rows of characters: '#' = MSPA Core (17), 'o' = Core in a perforation (117), '.' = other (1)."""
    values = {"#": 17, "o": 117, ".": 1, "x": 0}
    return np.array([[values[ch] for ch in row] for row in text.split()], dtype=np.uint8)


def test_core_classes_form_patches_with_8_connectivity_by_default():
    array = grid("##.. ..#. ...o")
    patches = habitat_patches(array, np.ones(array.shape, bool))
    assert patches.count == 1
    assert patches.cells.tolist() == [4]


def test_4_connectivity_splits_diagonal_neighbours():
    array = grid("##.. ..#. ...o")
    patches = habitat_patches(array, np.ones(array.shape, bool), connectivity=4)
    assert patches.cells.tolist() == [2, 1, 1]


def test_area_in_hectares_follows_the_cell_size():
    array = grid("### ###")
    patches = habitat_patches(array, np.ones(array.shape, bool), cell_width=100.0)
    assert patches.area_ha.tolist() == [6.0]


def test_patches_below_the_minimum_area_are_dropped():
    array = grid("##... ..... ....#")
    patches = habitat_patches(array, np.ones(array.shape, bool), cell_width=100.0, min_area=1.5)
    assert patches.count == 1 and patches.area_ha.tolist() == [2.0]
    assert patches.source == [BY_AREA]


def test_nodata_cells_never_form_patches():
    array = grid("### ###")
    valid = np.ones(array.shape, bool)
    valid[:, 2] = False
    patches = habitat_patches(array, valid)
    assert patches.cells.tolist() == [4]


def test_protected_cells_are_sources_whatever_their_class_or_area():
    array = grid("##.... ...... .....#")
    protected = np.zeros(array.shape, bool)
    protected[0:2, 2:4] = True     # a reserve touching the large patch
    protected[2, 0] = True         # a reserve alone on non-habitat
    protected[2, 5] = True         # a reserve over a small core patch
    patches = habitat_patches(array, np.ones(array.shape, bool), cell_width=100.0, min_area=1.5,
                              protected=protected)
    assert patches.count == 3
    assert patches.source == [BY_BOTH, BY_PROTECTION, BY_PROTECTION]
    assert patches.cells.tolist() == [2 + 4, 1, 1]


def test_ids_follow_raster_scan_order():
    array = grid("..# #.. ...")
    patches = habitat_patches(array, np.ones(array.shape, bool), connectivity=4)
    assert patches.labels.tolist() == [[0, 0, 1], [2, 0, 0], [0, 0, 0]]


def test_perimeter_is_the_outline_length_holes_included():
    labels = np.ones((3, 3), dtype=np.int32)
    labels[1, 1] = 0
    assert patch_perimeters(labels, 1, 10.0, 10.0).tolist() == [120.0 + 40.0]
    assert patch_perimeters(np.ones((2, 3), np.int32), 1, 10.0, 20.0).tolist() == [2 * 3 * 10.0 + 2 * 2 * 20.0]


def test_polygons_have_the_patch_area_and_their_edge_distance_is_the_cell_square_distance():
    labels = np.zeros((6, 8), dtype=np.int32)
    labels[0:2, 0:2] = 1
    labels[4:6, 5:8] = 2
    labels[2, 2] = 1  # diagonal-only join: a multipolygon
    outlines = patch_polygons(labels, (1000.0, 10.0, 0.0, 2000.0, 0.0, -10.0))
    first = ogr.CreateGeometryFromWkb(outlines[1])
    second = ogr.CreateGeometryFromWkb(outlines[2])
    assert first.GetArea() == pytest.approx(500.0) and second.GetArea() == pytest.approx(600.0)
    # rows 2 -> 4 and cols 2 -> 5: gaps of 1 and 2 cells between the cell squares
    assert first.Distance(second) == pytest.approx(10.0 * np.hypot(1, 2))


@pytest.mark.parametrize("kwargs, message", [
    ({"connectivity": 6}, "Connectivity"),
    ({"min_area": -1}, "minimum patch area"),
    ({"classes": []}, "at least one class"),
    ({"cell_width": 0}, "cell size"),
    ({"protected": np.zeros((1, 1), bool)}, "does not match"),
])
def test_bad_parameters_are_clear_errors(kwargs, message):
    array = grid("## ##")
    with pytest.raises(InputError, match=message):
        habitat_patches(array, np.ones(array.shape, bool), **kwargs)


# ---------------------------------------------------------------- no silent empty result, no degrees (issue 13)
def _write(tmp_path, array, crs=32650, nodata=None, name="mspa.tif"):
    from ecosecurity.core.io.raster import Grid, epsg_wkt, write_raster
    cell = 100.0 if crs != 4326 else 0.001
    x0, y0 = (500000.0, 3000000.0) if crs != 4326 else (110.0, 30.0)
    grid = Grid((x0, cell, 0.0, y0, 0.0, -cell), epsg_wkt(crs), *array.shape)
    return write_raster(tmp_path / name, array, grid, nodata=nodata)


def _reserve(tmp_path, x0, y0):
    from ecosecurity.core.io.raster import epsg_wkt
    from ecosecurity.core.io.vector import write_vector
    wkt = f"POLYGON (({x0} {y0}, {x0 + 300} {y0}, {x0 + 300} {y0 - 300}, {x0} {y0 - 300}, {x0} {y0}))"
    return write_vector(tmp_path / "reserve.gpkg", [(wkt, {})], epsg_wkt(32650), ogr.wkbPolygon, []), "reserve"


def test_all_nodata_raster_is_an_error_not_zero_patches(tmp_path):
    from ecosecurity.core.sources.patches import patches_from_raster
    path = _write(tmp_path, np.full((4, 4), 129, np.uint8), nodata=129)
    with pytest.raises(InputError, match="only NoData"):
        patches_from_raster(path, min_area=0.0)


def test_absent_classes_are_an_error_naming_the_classes_asked_and_the_values_present():
    array = grid("..## ..#x")
    with pytest.raises(InputError, match=r"\(5, 6\).*values are 0, 1, 17"):
        habitat_patches(array, np.ones(array.shape, bool), classes=(5, 6))


def test_no_patch_reaching_the_minimum_area_is_an_error_naming_the_largest():
    array = grid("##.. ....")
    with pytest.raises(InputError, match="minimum area of 50 ha.*largest has 2 ha"):
        habitat_patches(array, np.ones(array.shape, bool), cell_width=100.0, min_area=50.0)


def test_protected_areas_outside_the_extent_warn(tmp_path):
    from ecosecurity.core.runtime.errors import EcoSecurityWarning
    from ecosecurity.core.sources.patches import patches_from_raster
    path = _write(tmp_path, grid("##.. ##.."))
    with pytest.warns(EcoSecurityWarning, match="'reserve' cover no valid cell"):
        patches, _ = patches_from_raster(path, protected=_reserve(tmp_path, 900000.0, 3000000.0))
    assert patches.count == 1


def test_protected_areas_outside_the_extent_are_an_error_when_they_are_the_only_source(tmp_path):
    from ecosecurity.core.sources.patches import patches_from_raster
    path = _write(tmp_path, grid(".... ...."))
    with pytest.warns(UserWarning), pytest.raises(InputError, match="protected areas cover none"):
        patches_from_raster(path, protected=_reserve(tmp_path, 900000.0, 3000000.0))


def test_geographic_class_raster_is_refused_for_areas(tmp_path):
    from ecosecurity.core.sources.patches import patches_from_raster
    path = _write(tmp_path, grid("##.. ##.."), crs=4326)
    with pytest.raises(InputError, match="geographic.*not metres"):
        patches_from_raster(path)
