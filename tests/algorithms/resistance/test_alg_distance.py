"""ecosecurity:distance through Processing."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.io.vector import write_vector
from osgeo import ogr, osr

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(4545)
GRID = Grid((560000.0, 30.0, 0.0, 3810000.0, 0.0, -30.0), SRS.ExportToWkt(), 6, 8)


@pytest.fixture
def reference(tmp_path):
    return write_raster(tmp_path / "landuse.tif", np.ones((6, 8), np.uint8), GRID)


def write_line(path, wkt):
    return write_vector(path, [(wkt, {})], SRS.ExportToWkt(), ogr.wkbLineString, layer_name="roads")


def test_distance_to_a_road_in_metres(run_alg, reference, tmp_path):
    road = write_line(tmp_path / "roads.gpkg", "LINESTRING (560075 3810100, 560075 3809700)")
    result = run_alg("distance", {"INPUT_VECTOR": road, "REFERENCE": reference, "ALL_TOUCHED": False,
                                  "OUTPUT": str(tmp_path / "d.tif")})
    out = read_raster(result["OUTPUT"])
    assert out.array.dtype == np.float32
    assert out.array[2].tolist() == pytest.approx([60, 30, 0, 30, 60, 90, 120, 150])


def test_road_outside_the_grid_counts_within_the_edge_margin(run_alg, reference, tmp_path):
    road = write_line(tmp_path / "roads.gpkg", "LINESTRING (559925 3810100, 559925 3809700)")  # 2.5 cells west
    result = run_alg("distance", {"INPUT_VECTOR": road, "REFERENCE": reference, "ALL_TOUCHED": False,
                                  "EDGE_MARGIN": 100, "MAX_DISTANCE": 200, "OUTPUT": str(tmp_path / "d.tif")})
    assert read_raster(result["OUTPUT"]).array[0, :4].tolist() == pytest.approx([90, 120, 150, 180])


def test_distance_from_raster_source_values(run_alg, reference, tmp_path):
    landuse = np.ones((6, 8), np.uint8)
    landuse[:, 7] = 8
    water = write_raster(tmp_path / "lu.tif", landuse, GRID)
    result = run_alg("distance", {"INPUT_RASTER": water, "SOURCE_VALUES": "8", "REFERENCE": reference,
                                  "OUTPUT": str(tmp_path / "d.tif")})
    assert read_raster(result["OUTPUT"]).array[0, ::-1].tolist() == [30.0 * k for k in range(8)]


def test_no_source_is_a_clear_error(run_alg, reference, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="source"):
        run_alg("distance", {"REFERENCE": reference, "OUTPUT": str(tmp_path / "d.tif")})
    assert not (tmp_path / "d.tif").exists()


def test_geographic_reference_grid_is_refused_not_measured_in_degrees(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    geographic = osr.SpatialReference()
    geographic.ImportFromEPSG(4326)
    grid = Grid((110.0, 0.001, 0.0, 30.0, 0.0, -0.001), geographic.ExportToWkt(), 6, 8)
    landuse = np.ones((6, 8), np.uint8)
    landuse[:, 7] = 8
    path = write_raster(tmp_path / "wgs84.tif", landuse, grid)
    with pytest.raises(QgsProcessingException, match="(?s)'wgs84'.*geographic.*projected CRS"):
        run_alg("distance", {"INPUT_RASTER": path, "SOURCE_VALUES": "8", "REFERENCE": path,
                             "OUTPUT": str(tmp_path / "d.tif")})
    assert not (tmp_path / "d.tif").exists()
