"""Rules of core/io/vector.py: GeoPackage layers written with their fields, atomically."""
import os

import pytest
from ecosecurity.core.io.raster import epsg_wkt
from ecosecurity.core.io.vector import write_vector
from ecosecurity.core.runtime.errors import InputError
from osgeo import ogr


def test_features_are_written_with_fields_and_crs(tmp_path):
    path = write_vector(tmp_path / "roads.gpkg", [("LINESTRING (0 0, 10 0)", {"name": "县道"})], epsg_wkt(4545),
                        ogr.wkbLineString, [("name", ogr.OFTString)])
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    assert layer.GetName() == "roads"
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4545"
    feature = layer.GetNextFeature()
    assert feature.GetField("name") == "县道" and feature.GetGeometryRef().Length() == 10


def test_invalid_geometry_is_refused_and_no_file_written(tmp_path):
    with pytest.raises(InputError, match="not valid WKT"):
        write_vector(tmp_path / "bad.gpkg", [("NOT A GEOMETRY", {})], epsg_wkt(4545), ogr.wkbPolygon)
    assert os.listdir(tmp_path) == []


def test_a_write_that_fails_midway_leaves_no_file(tmp_path, monkeypatch):
    from ecosecurity.core.io import vector
    real = vector._write_gpkg

    def write_then_fail(tmp, *args):
        real(tmp, *args)
        raise OSError("disk full")
    monkeypatch.setattr(vector, "_write_gpkg", write_then_fail)
    with pytest.raises(OSError):
        write_vector(tmp_path / "roads.gpkg", [("LINESTRING (0 0, 1 1)", {})], epsg_wkt(4545), ogr.wkbLineString)
    assert os.listdir(tmp_path) == []
