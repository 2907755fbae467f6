"""Small feature rasters and the Zonation 5 reference paths for the priority-ranking tests."""
import glob

import numpy as np
from refpaths import REFERENCE
from services_case import grid, raster

ZONATION = REFERENCE / "zonation"
MAMMALS = ZONATION / "eu_mammals_9sp"
TREES = ZONATION / "eu_trees_67sp"
TOY = ZONATION / "toy_training_slide" / "two_species_four_cells.csv"


def mammal_features():
    return sorted(glob.glob(str(MAMMALS / "inputs" / "sp*.tif")))


def tree_features():
    return sorted(glob.glob(str(TREES / "inputs" / "*.tif")))


def random_features(folder, count=3, shape=(12, 15), seed=1):
    """``count`` non-negative float32 rasters (NoData -9999 on a corner cell) on one grid."""
    rng = np.random.default_rng(seed)
    paths = []
    for j in range(count):
        values = (rng.gamma(0.6, 1.0, shape) * (rng.random(shape) > 0.3)).astype(np.float32)
        values[0, 0] = -9999.0
        paths.append(raster(folder / f"f{j}.tif", values))
    return paths


def integer_raster(path, values, nodata=-9999):
    return raster(path, np.asarray(values, np.int32), grid(*np.shape(values)), nodata)
