"""Edge-to-edge and centroid distances between patches (core/sources/connectivity/distances.py)."""
import csv

import numpy as np
import pytest
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.sources.connectivity.distances import centroid_distances, edge_distances, polygons_from_wkb
from osgeo import ogr
from refpaths import REFERENCE

TINY8 = REFERENCE / "connectivity" / "tiny8"


def rectangles():
    with open(TINY8 / "patches_rectangles.csv") as handle:
        rows = list(csv.DictReader(handle))
    return polygons_from_wkb([ogr.CreateGeometryFromWkt(r["wkt"]).ExportToWkb() for r in rows])


def square(x, y, side):
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x} {y},{x + side} {y},{x + side} {y + side},{x} {y + side},{x} {y}))")


def test_edge_to_edge_distances_of_tiny8_rectangles_match_the_conefor_file():
    i, j, d = edge_distances(rectangles())
    expected = {}
    for line in (TINY8 / "distances_all.txt").read_text().splitlines():
        a, b, value = line.split()
        expected[(int(a), int(b))] = float(value)
    assert len(d) == 28
    for a, b, value in zip(i + 1, j + 1, d):
        assert value == pytest.approx(expected[(a, b)], abs=1e-6)


def test_touching_and_overlapping_patches_are_at_distance_zero():
    geometries = [square(0, 0, 10), square(10, 0, 10), square(15, 5, 10)]
    _, _, d = edge_distances(geometries)
    assert d.tolist() == [0.0, 5.0, 0.0]


def test_maximum_distance_keeps_exactly_the_near_pairs():
    geometries = rectangles()
    i_all, j_all, d_all = edge_distances(geometries)
    i, j, d = edge_distances(geometries, max_distance=5000)
    near = d_all <= 5000
    assert list(zip(i, j)) == list(zip(i_all[near], j_all[near]))
    np.testing.assert_array_equal(d, d_all[near])


def test_centroid_distances_over_all_pairs_and_within_a_radius():
    x, y = np.array([0.0, 3.0, 10.0]), np.array([0.0, 4.0, 0.0])
    i, j, d = centroid_distances(x, y)
    assert list(zip(i, j, d)) == [(0, 1, 5.0), (0, 2, 10.0), (1, 2, pytest.approx(np.hypot(7, 4)))]
    i, j, d = centroid_distances(x, y, max_distance=6.0)
    assert list(zip(i, j, d)) == [(0, 1, 5.0)]


def test_non_polygon_features_are_refused():
    point = ogr.CreateGeometryFromWkt("POINT (1 2)")
    with pytest.raises(InputError, match="not a polygon"):
        polygons_from_wkb([square(0, 0, 1).ExportToWkb(), point.ExportToWkb()], "patches")


def test_features_without_geometry_are_refused():
    with pytest.raises(InputError, match="feature 1 has no geometry"):
        polygons_from_wkb([b""], "patches")
