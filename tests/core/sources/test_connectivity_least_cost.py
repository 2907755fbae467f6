"""Least-cost distances between patches (core/sources/connectivity/least_cost.py)."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid
from ecosecurity.core.io.rasterize import rasterize_geometries
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.sources.connectivity.least_cost import least_cost_distances
from osgeo import ogr

GEOTRANSFORM = (0.0, 10.0, 0.0, 100.0, 0.0, -10.0)  # 10 m cells, 10 x 10 grid


def box(xmin, ymin, xmax, ymax):
    wkt = f"POLYGON(({xmin} {ymin},{xmax} {ymin},{xmax} {ymax},{xmin} {ymax},{xmin} {ymin}))"
    return ogr.CreateGeometryFromWkt(wkt).ExportToWkb()


def test_patches_are_burnt_by_cell_centre_and_tiny_ones_by_touch():
    labels = rasterize_geometries([box(0, 80, 20, 100), box(51, 51, 54, 54)], Grid(GEOTRANSFORM, "", 10, 10),
                                  keep_small=True)
    assert np.count_nonzero(labels == 1) == 4
    assert np.count_nonzero(labels == 2) == 1


def test_uniform_resistance_costs_cell_steps_from_centre_to_centre():
    labels = np.zeros((1, 8), dtype=np.int32)
    labels[0, :2], labels[0, 5:7] = 1, 2
    resistance = np.full((1, 8), 2.0)
    i, j, d = least_cost_distances(labels, 2, resistance, np.ones((1, 8), bool), 10.0)
    # 4 steps of 10 m at resistance 2 from the last cell of patch 1 to the first of patch 2
    assert (i.tolist(), j.tolist()) == ([0], [1]) and d[0] == pytest.approx(80.0)


def test_unreachable_pairs_get_no_link():
    labels = np.zeros((1, 5), dtype=np.int32)
    labels[0, 0], labels[0, 4] = 1, 2
    valid = np.ones((1, 5), bool)
    valid[0, 2] = False
    i, _, _ = least_cost_distances(labels, 2, np.ones((1, 5)), valid, 10.0)
    assert i.size == 0


def test_patch_outside_the_resistance_is_an_error():
    labels = np.zeros((2, 2), dtype=np.int32)
    labels[0, 0] = 1
    with pytest.raises(InputError, match="Patch 2"):
        least_cost_distances(labels, 2, np.ones((2, 2)), np.ones((2, 2), bool), 10.0)
