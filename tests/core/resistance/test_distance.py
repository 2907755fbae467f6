"""Exact Euclidean distance (core/resistance/distance.py)."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid
from ecosecurity.core.resistance.distance import estimate_distance_memory, euclidean_distance, padded_grid, source_cells
from ecosecurity.core.runtime.errors import InputError


def brute_force(sources, cell_height, cell_width):
    rows, cols = np.nonzero(sources)
    r, c = np.indices(sources.shape)
    d = np.sqrt(((r[..., None] - rows) * cell_height) ** 2 + ((c[..., None] - cols) * cell_width) ** 2)
    return d.min(axis=-1)


def test_distance_equals_the_brute_force_minimum_over_all_sources():
    rng = np.random.default_rng(7)
    sources = rng.random((23, 31)) < 0.02
    sources[3, 4] = True
    assert np.allclose(euclidean_distance(sources, 30.0, 30.0), brute_force(sources, 30.0, 30.0), atol=1e-3)


def test_rectangular_cells_use_their_height_and_width():
    sources = np.zeros((5, 5), dtype=bool)
    sources[0, 0] = True
    distance = euclidean_distance(sources, 10.0, 20.0)
    assert distance[4, 0] == pytest.approx(40.0)
    assert distance[0, 4] == pytest.approx(80.0)
    assert distance[3, 2] == pytest.approx(np.hypot(30.0, 40.0))


def test_distance_is_exact_not_buffer_rings():
    sources = np.zeros((1, 8), dtype=bool)
    sources[0, 0] = True
    assert euclidean_distance(sources, 30.0, 30.0)[0].tolist() == [30.0 * k for k in range(8)]


def test_source_cells_have_distance_zero_and_output_is_float32():
    sources = np.eye(4, dtype=bool)
    distance = euclidean_distance(sources, 1.0, 1.0)
    assert distance.dtype == np.float32 and np.all(distance[sources] == 0)


def test_cap_limits_the_distance():
    sources = np.zeros((1, 10), dtype=bool)
    sources[0, 0] = True
    assert euclidean_distance(sources, 30.0, 30.0, max_distance=100.0).max() == 100.0


def test_margin_lets_sources_outside_the_grid_count_and_is_cropped():
    padded = np.zeros((3 + 4, 5 + 4), dtype=bool)
    padded[0, 4] = True           # two rows above the inner grid
    distance = euclidean_distance(padded, 10.0, 10.0, margin=2)
    assert distance.shape == (3, 5)
    assert distance[0, 2] == pytest.approx(20.0)


def test_no_source_is_an_error():
    with pytest.raises(InputError, match="no source"):
        euclidean_distance(np.zeros((3, 3), dtype=bool), 1.0, 1.0)


def test_non_positive_cap_is_an_error():
    with pytest.raises(InputError, match="maximum distance"):
        euclidean_distance(np.ones((2, 2), dtype=bool), 1.0, 1.0, max_distance=0)


def test_source_cells_are_non_zero_valid_cells_or_the_listed_values():
    array = np.array([[0, 1, 2], [8, 8, 0]])
    valid = np.array([[True, True, False], [True, True, True]])
    assert source_cells(array, valid).tolist() == [[False, True, False], [True, True, False]]
    assert source_cells(array, valid, [8]).tolist() == [[False, False, False], [True, True, False]]


def test_padded_grid_keeps_cells_and_moves_the_origin():
    grid = Grid((1000.0, 30.0, 0.0, 5000.0, 0.0, -30.0), "", 10, 20)
    padded = padded_grid(grid, 3)
    assert (padded.rows, padded.cols) == (16, 26)
    assert padded.geotransform[0] == 910.0 and padded.geotransform[3] == 5090.0


def test_memory_estimate_counts_the_padded_cells():
    grid = Grid((0.0, 30.0, 0.0, 0.0, 0.0, -30.0), "", 100, 200)
    assert estimate_distance_memory(grid, max_distance=100.0, edge_margin=150.0) == 25 * 110 * 210


def test_distance_to_line_features_in_another_crs_is_reprojected(tmp_path):
    from ecosecurity.core.io.raster import read_raster
    from ecosecurity.core.resistance.distance import distance_raster
    from osgeo import ogr, osr
    projected = osr.SpatialReference()
    projected.ImportFromEPSG(4545)
    grid = Grid((560000.0, 30.0, 0.0, 3810000.0, 0.0, -30.0), projected.ExportToWkt(), 6, 8)
    geographic = osr.SpatialReference()
    geographic.ImportFromEPSG(4490)
    geographic.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    projected.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_geo = osr.CoordinateTransformation(projected, geographic)
    # a north-south line through the centres of column 2 (x = 560075), in lon/lat
    line = ogr.Geometry(ogr.wkbLineString)
    for y in (3810100.0, 3809700.0):
        lon, lat, _ = to_geo.TransformPoint(560075.0, y)
        line.AddPoint_2D(lon, lat)
    path = str(tmp_path / "road.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = dataset.CreateLayer("road", geographic, ogr.wkbLineString)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(line)
    layer.CreateFeature(feature)
    layer = dataset = None
    distance_raster(grid, str(tmp_path / "d.tif"), vector=(path, "road"), all_touched=False)
    out = read_raster(tmp_path / "d.tif").array
    assert out[3].tolist() == pytest.approx([60, 30, 0, 30, 60, 90, 120, 150])


def test_distance_from_raster_cells_with_listed_values(tmp_path):
    from ecosecurity.core.io.raster import read_raster, write_raster
    from ecosecurity.core.resistance.distance import distance_raster
    grid = Grid((0.0, 10.0, 0.0, 50.0, 0.0, -10.0), "", 5, 5)
    landuse = np.ones((5, 5), np.uint8)
    landuse[0, 0] = 8
    write_raster(tmp_path / "lu.tif", landuse, grid)
    distance_raster(grid, str(tmp_path / "d.tif"), raster=str(tmp_path / "lu.tif"), source_values=[8],
                    max_distance=25.0)
    out = read_raster(tmp_path / "d.tif").array
    assert out[0, :4].tolist() == [0, 10, 20, 25]
    with pytest.raises(InputError, match="either"):
        distance_raster(grid, str(tmp_path / "e.tif"))


def test_distance_on_a_geographic_grid_is_refused_not_given_in_degrees(tmp_path):
    from ecosecurity.core.io.raster import epsg_wkt, write_raster
    from ecosecurity.core.resistance.distance import distance_raster
    grid = Grid((110.0, 0.001, 0.0, 30.0, 0.0, -0.001), epsg_wkt(4326), 5, 5)
    sources = np.zeros(grid.shape, np.uint8)
    sources[2, 2] = 1
    raster = write_raster(tmp_path / "src.tif", sources, grid)
    with pytest.raises(InputError, match="(?s)'reference grid'.*geographic.*UTM"):
        distance_raster(grid, str(tmp_path / "d.tif"), raster=raster)
    assert not (tmp_path / "d.tif").exists()
