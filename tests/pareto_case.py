"""A small landscape for the Pareto-selection tests: three spaces, a per-space rank map, land use, a
red line, a cost table and a target table (100 m cells = 1 ha)."""
import numpy as np
from services_case import grid, raster, table

SHAPE = (30, 40)
COST_TABLE = """class,green,cost,space
1,1,2,
2,1,1,
3,0,10,
4,0,25,
4,0,40,2
"""


def spaces_array():
    zones = np.ones(SHAPE, np.int32)            # production on the left
    zones[:, 14:24] = 2                          # living in the middle
    zones[:, 24:] = 3                            # ecological on the right
    zones[0, 0] = -9999                          # one cell outside the region
    return zones


def rank_array(zones, seed=0):
    """Per-space ranks j / N in a random order, −inf outside (as priorityrank writes them)."""
    rng = np.random.default_rng(seed)
    rank = np.full(SHAPE, -np.inf, np.float32)
    for code in (1, 2, 3):
        cells = np.flatnonzero(zones.ravel() == code)
        order = rng.permutation(len(cells))
        rank.ravel()[cells[order]] = np.arange(len(cells)) / len(cells)
    return rank


def land_use_array(seed=0):
    return np.random.default_rng(seed + 1).integers(1, 5, SHAPE).astype(np.int32)


def write_case(folder, targets="group,family,x_1,x_2,x_3\n1,production-first,0.3,0.1,0.2\n"
                              "2,living-first,0.1,0.3,0.2\n3,ecology-first,0.1,0.1,0.5\n4,ecology-first,0.05,0.05,0.1\n",
               redline=True):
    zones = spaces_array()
    paths = {
        "zones": raster(folder / "spaces.tif", zones, nodata=-9999),
        "rank": raster(folder / "rank.tif", rank_array(zones), nodata=float("-inf")),
        "land_use": raster(folder / "landuse.tif", land_use_array(), nodata=0),
        "costs": table(folder / "costs.csv", COST_TABLE),
        "targets": table(folder / "targets.csv", targets),
    }
    if redline:
        red = np.zeros(SHAPE, np.uint8)
        red[10:14, 30:36] = 1
        paths["redline"] = raster(folder / "redline.tif", red, nodata=255)
    return paths


def grid_of_case():
    return grid(*SHAPE)
