"""Linkage Pathways from files: core polygons or rasters, CRS checks, written outputs."""
import math

import numpy as np
import pytest
from ecosecurity.core.corridors.linkage.cores import Cores, core_ids_from_raster, rasterize_cores
from ecosecurity.core.corridors.linkage.pathways import BOTH, PathwayOptions
from ecosecurity.core.corridors.linkage.run import (
    FLOAT_NODATA,
    INT_NODATA,
    LCP_FIELDS,
    LINK_FIELDS,
    CoreSource,
    corridors,
    read_cores,
)
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.io.vector import write_vector
from ecosecurity.core.runtime.errors import InputError
from osgeo import ogr, osr

CELL = 100.0
X0, Y0 = 500000.0, 4000000.0


def crs(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


UTM = crs(32650)
GRID = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), UTM, 15, 45)


def box(col0, row0, col1, row1):
    """Polygon covering cells [row0, row1) x [col0, col1) of GRID."""
    x0, x1 = X0 + col0 * CELL, X0 + col1 * CELL
    y0, y1 = Y0 - row1 * CELL, Y0 - row0 * CELL
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def write_polygons(path, polygons, wkt=UTM, field_type=ogr.OFTInteger):
    return write_vector(path, [(geometry, {"core_id": core_id}) for core_id, geometry in polygons], wkt,
                        ogr.wkbPolygon, [("core_id", field_type)], layer_name="cores")


THREE = [(11, box(2, 5, 7, 10)), (22, box(20, 5, 25, 10)), (33, box(38, 5, 43, 10))]


@pytest.fixture
def resistance_path(tmp_path):
    return write_raster(tmp_path / "resistance.tif", np.ones(GRID.shape, np.float32), GRID, -9999.0)


def test_polygons_are_rasterised_by_cell_centre(tmp_path):
    # a polygon covering the right 60 % of cell (0, 0) (with its centre) and all of cell (0, 1)
    x0, x1, y0 = X0 + 0.4 * CELL, X0 + 2 * CELL, Y0 - CELL
    poly = ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {Y0},{x0} {Y0},{x0} {y0}))")
    path = write_polygons(tmp_path / "c.gpkg", [(7, poly)])
    ids = rasterize_cores(path, "cores", "core_id", GRID)
    assert ids[0, 0] == 7 and ids[0, 1] == 7
    small = ogr.CreateGeometryFromWkt(
        f"POLYGON(({X0 + 3.6 * CELL} {Y0 - CELL},{X0 + 4 * CELL} {Y0 - CELL},{X0 + 4 * CELL} {Y0},"
        f"{X0 + 3.6 * CELL} {Y0},{X0 + 3.6 * CELL} {Y0 - CELL}))")
    path = write_polygons(tmp_path / "d.gpkg", [(8, small)])
    assert rasterize_cores(path, "cores", "core_id", GRID)[0, 3] == 0  # centre not covered


def test_overlapping_polygons_with_different_ids_are_refused(tmp_path):
    path = write_polygons(tmp_path / "c.gpkg", [(1, box(0, 0, 5, 5)), (2, box(3, 3, 8, 8))])
    with pytest.raises(InputError, match="overlap"):
        rasterize_cores(path, "cores", "core_id", GRID)


def test_overlapping_polygons_with_the_same_id_are_one_core(tmp_path):
    path = write_polygons(tmp_path / "c.gpkg", [(4, box(0, 0, 5, 5)), (4, box(3, 3, 8, 8))])
    ids = rasterize_cores(path, "cores", "core_id", GRID)
    assert set(np.unique(ids)) == {0, 4} and ids[4, 4] == 4


def test_non_integer_id_field_is_refused(tmp_path):
    path = write_polygons(tmp_path / "c.gpkg", [(1.5, box(0, 0, 2, 2))], field_type=ogr.OFTReal)
    with pytest.raises(InputError, match="integer field"):
        rasterize_cores(path, "cores", "core_id", GRID)


def test_missing_id_field_is_refused(tmp_path):
    path = write_polygons(tmp_path / "c.gpkg", THREE)
    with pytest.raises(InputError, match="no field 'gid'"):
        rasterize_cores(path, "cores", "gid", GRID)


def test_polygons_in_another_crs_are_reprojected(tmp_path):
    geographic = osr.SpatialReference(crs(4326))
    geographic.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = longitude, as stored in files
    to_geo = osr.CoordinateTransformation(osr.SpatialReference(UTM), geographic)
    moved = []
    for core_id, geometry in THREE:
        g = geometry.Clone()
        g.Segmentize(CELL / 4)
        g.Transform(to_geo)
        moved.append((core_id, g))
    path = write_polygons(tmp_path / "geo.gpkg", moved, wkt=crs(4326))
    ids = read_cores(CoreSource(path, "cores", "core_id"), GRID)
    expected = read_cores(CoreSource(write_polygons(tmp_path / "utm.gpkg", THREE), "cores", "core_id"), GRID)
    assert np.count_nonzero(ids != expected) <= 4  # only edge cells may move


def test_core_raster_float_ids_must_be_whole_numbers():
    with pytest.raises(InputError, match="integer"):
        core_ids_from_raster(np.array([[1.5, 0.0]]), np.ones((1, 2), bool))
    assert core_ids_from_raster(np.array([[2.0, 0.0, 3.0]]), np.array([[True, True, False]])).tolist() == [[2, 0, 0]]


def test_cores_outside_the_resistance_raster_are_refused(tmp_path, resistance_path):
    far = [(1, box(200, 5, 205, 10)), (2, box(220, 5, 225, 10))]
    path = write_polygons(tmp_path / "far.gpkg", far)
    with pytest.raises(InputError, match="No core"):
        corridors(resistance_path, CoreSource(path, "cores", "core_id"), {}, PathwayOptions())


def test_geographic_resistance_is_refused(tmp_path):
    grid = Grid((110.0, 0.01, 0.0, 30.0, 0.0, -0.01), crs(4326), 15, 45)
    path = write_raster(tmp_path / "geo.tif", np.ones(grid.shape, np.float32), grid, -9999.0)
    cores = write_polygons(tmp_path / "c.gpkg", THREE)
    with pytest.raises(InputError, match="geographic"):
        corridors(path, CoreSource(cores, "cores", "core_id"), {}, PathwayOptions())


def test_unaligned_core_raster_is_refused(tmp_path, resistance_path):
    other = Grid((X0 + 50, CELL, 0.0, Y0, 0.0, -CELL), UTM, 15, 45)
    path = write_raster(tmp_path / "ids.tif", np.zeros(other.shape, np.int32), other, 0)
    with pytest.raises(InputError, match="not on the resistance grid"):
        corridors(resistance_path, CoreSource(path), {}, PathwayOptions())


def test_outputs_are_written_with_their_nodata(tmp_path, resistance_path):
    cores = write_polygons(tmp_path / "c.gpkg", THREE)
    outputs = {key: str(tmp_path / f"{key}.tif") for key in
               ("corridors", "truncated", "cwd", "allocation", "non_normalised")}
    options = PathwayOptions(adjacency=BOTH, max_nearest=0, truncate_width=500, non_normalised=True)
    result, links, lcps = corridors(resistance_path, CoreSource(cores, "cores", "core_id"), outputs, options)
    corridor = read_raster(outputs["corridors"])
    assert corridor.array.dtype == np.int32 and corridor.nodata == INT_NODATA
    assert corridor.array[7, 10] == 0 and corridor.valid.all()
    truncated = read_raster(outputs["truncated"])
    assert np.all(truncated.array[truncated.valid] <= 500) and not truncated.valid.all()
    np.testing.assert_array_equal(truncated.valid, corridor.valid & (corridor.array <= 500))
    cwd = read_raster(outputs["cwd"])
    assert cwd.nodata == FLOAT_NODATA and cwd.array[7, 4] == 0 and cwd.array[7, 7] == pytest.approx(CELL)
    allocation = read_raster(outputs["allocation"])
    assert allocation.array[7, 0] == 11 and allocation.array[7, 44] == 33
    assert read_raster(outputs["non_normalised"]).array[7, 10] == pytest.approx(14 * CELL)
    assert [tuple(row) for row in links] == [LINK_FIELDS] * 2
    assert len(lcps) == 2 and tuple(lcps[0][0]) == LCP_FIELDS
    fields, xy = lcps[0]
    assert fields["core1"] == 11 and fields["core2"] == 22 and fields["lcp_length"] == pytest.approx(14 * CELL)
    # from the east edge of core 11 (column 6) to the west edge of core 22 (column 20), cell centres
    assert xy[0][0] == pytest.approx(X0 + 6.5 * CELL) and xy[-1][0] == pytest.approx(X0 + 20.5 * CELL)
    assert math.isclose(np.hypot(*np.diff(np.array(xy), axis=0).T).sum(), 14 * CELL)


def test_core_raster_input(tmp_path, resistance_path):
    ids = np.zeros(GRID.shape, np.int32)
    ids[5:10, 2:7], ids[5:10, 20:25] = 5, 6
    path = write_raster(tmp_path / "ids.tif", ids, GRID, 0)
    result, links, lcps = corridors(resistance_path, CoreSource(path), {}, PathwayOptions(max_nearest=0))
    assert [(row["core1"], row["core2"], row["cw_dist"]) for row in links] == [(5, 6, 14 * CELL)]


def test_cores_class_orders_ids_and_boxes():
    ids = np.zeros((6, 6), np.int64)
    ids[0, 0], ids[5, 4:6] = 40, 7
    cores = Cores(ids, np.ones((6, 6), bool))
    assert list(cores.ids) == [7, 40] and len(cores) == 2
    assert cores.boxes[0].slices == (slice(5, 6), slice(4, 6))
    np.testing.assert_array_equal(cores.labels, np.where(ids == 7, 1, np.where(ids == 40, 2, 0)))
