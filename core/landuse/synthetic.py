"""A deterministic landscape changed by a known process, for the tests and the benchmark of the
land-use simulation (not real data).

``make_change_landscape(size, seed)`` draws, from one seed:

* drivers: ``elevation`` (smooth noise plus a north–south gradient), ``slope`` (its gradient
  magnitude) and ``dist_roads`` (Euclidean distance in cells to a few straight roads);
* the **start map** (codes 1 … K; 1 forest, 2 grassland, 3 cropland, 4 urban, 5 water, then
  classes 6 … K for K > 5): each cell takes the class of highest score, a fixed function of the
  drivers plus smooth noise (urban near roads, forest high, cropland low, water in the lowest land);
* a **restricted** disc (the "red line"), unchanged between the maps;
* the **later map**, from the start map by two known processes in ``rounds`` steps: urban growth
  into the cells next to existing urban land, ranked by closeness to a road (plus a little noise),
  mostly taking cropland (cropland loss); and restoration, forest spreading into cropland next to
  forest, ranked by elevation. Together ``change`` of the cells change (70 % urban, 30 % forest).
"""
import math
import os

import numpy as np
from scipy import ndimage

FOREST, GRASS, CROP, URBAN, WATER = 0, 1, 2, 3, 4


def smooth_noise(shape, scale, rng):
    """Noise with features of about ``scale`` cells: a coarse normal grid interpolated (order 1)."""
    coarse = rng.standard_normal((math.ceil(shape[0] / scale) + 2, math.ceil(shape[1] / scale) + 2))
    factors = (shape[0] / (coarse.shape[0] - 1.0) * 1.0001, shape[1] / (coarse.shape[1] - 1.0) * 1.0001)
    fine = ndimage.zoom(coarse, factors, order=1)
    return fine[:shape[0], :shape[1]].astype(np.float32)


def _roads(size, rng):
    roads = np.zeros((size, size), bool)
    for _ in range(3):
        roads[int(rng.integers(size // 8, size - size // 8)), :] = True
        roads[:, int(rng.integers(size // 8, size - size // 8))] = True
    return roads


def _grow(classes, into, ranking, eligible, total, rounds):
    """Convert ``total`` cells to class ``into`` over ``rounds`` rings of the class's edge, best
    ``ranking`` first among ``eligible`` cells next to the class."""
    per_round = [total // rounds + (1 if r < total % rounds else 0) for r in range(rounds)]
    for amount in per_round:
        near = ndimage.binary_dilation(classes == into, structure=np.ones((3, 3), bool))
        candidates = np.flatnonzero((near & eligible & (classes != into)).ravel())
        if candidates.size > amount:
            candidates = candidates[np.argpartition(-ranking.ravel()[candidates], amount - 1)[:amount]]
        classes.ravel()[candidates] = into


def make_change_landscape(size=200, seed=1, n_classes=5, change=0.05, rounds=10):
    """dict with ``start``, ``later`` (uint8 codes 1 … K), ``drivers`` {name: float32},
    ``restricted`` (bool) for a ``size`` × ``size`` landscape."""
    rng = np.random.default_rng(seed)
    shape = (size, size)
    rows = np.linspace(0.0, 1.0, size, dtype=np.float32)[:, None]
    elevation = (smooth_noise(shape, max(size / 6, 4), rng) + 2.0 * rows).astype(np.float32)
    gy, gx = np.gradient(elevation)
    slope = np.hypot(gx, gy).astype(np.float32) * size
    roads = _roads(size, rng)
    dist_roads = ndimage.distance_transform_edt(~roads).astype(np.float32)
    scores = np.empty((n_classes,) + shape, np.float32)
    scores[FOREST] = 1.6 * elevation - 1.2
    scores[GRASS] = 0.6 * elevation - 0.2 + 0.6 * smooth_noise(shape, max(size / 12, 3), rng)
    scores[CROP] = 0.2 - 0.4 * elevation
    scores[URBAN] = 1.8 * np.exp(-dist_roads / max(size / 40, 2)) - 0.7 - 0.6 * elevation
    scores[WATER] = -2.0 * elevation - 0.9
    for k in range(5, n_classes):
        a, b = rng.normal(0, 1, 2)
        scores[k] = a * elevation + b * slope / max(slope.max(), 1e-6) - 0.6
    for k in range(n_classes):
        scores[k] += 0.5 * smooth_noise(shape, max(size / 25, 2), rng)
    start = np.argmax(scores, axis=0).astype(np.uint8)
    del scores
    yy, xx = np.ogrid[:size, :size]
    restricted = (yy - 0.35 * size) ** 2 + (xx - 0.6 * size) ** 2 < (0.15 * size) ** 2
    later = start.copy()
    total = int(change * size * size)
    noise = smooth_noise(shape, 3, rng)
    urban_rank = np.exp(-dist_roads / max(size / 30, 2)) + 0.05 * noise + 0.3 * (start == CROP)
    _grow(later, URBAN, urban_rank, ~restricted & (start != WATER), int(0.7 * total), rounds)
    forest_rank = elevation + 0.05 * noise
    _grow(later, FOREST, forest_rank, ~restricted & (later == CROP), total - int(0.7 * total), rounds)
    return {"start": start + 1, "later": later + 1, "restricted": restricted,
            "drivers": {"elevation": elevation, "slope": slope, "dist_roads": dist_roads}}


#: Land-use colours of the synthetic maps (forest, grassland, cropland, urban, water, others).
COLOURS = [(34, 139, 34), (170, 210, 110), (250, 220, 120), (220, 40, 40), (60, 120, 220), (150, 110, 60),
           (200, 200, 200), (120, 200, 200), (180, 130, 200)]


def write_change_landscape(folder, size=200, seed=1, n_classes=5, change=0.05, cell=30.0, epsg=32649):
    """Write the landscape as GeoTIFFs in ``folder`` (start.tif, later.tif with a colour table and
    NoData 0, restricted.tif, one float32 raster per driver); returns {name: path} and ``drivers``."""
    from ..io.raster import Grid, epsg_wkt, write_raster
    os.makedirs(folder, exist_ok=True)
    land = make_change_landscape(size, seed, n_classes, change)
    grid = Grid((500000.0, cell, 0.0, 4000000.0, 0.0, -cell), epsg_wkt(epsg), size, size)
    colours = {k + 1: COLOURS[k % len(COLOURS)] for k in range(n_classes)}
    paths = {}
    for key in ("start", "later"):
        paths[key] = write_raster(os.path.join(folder, f"{key}.tif"), land[key], grid, nodata=0, color_table=colours)
    paths["restricted"] = write_raster(os.path.join(folder, "restricted.tif"), land["restricted"].astype(np.uint8),
                                       grid)
    paths["drivers"] = [write_raster(os.path.join(folder, f"{name}.tif"), values, grid, nodata=-9999.0)
                        for name, values in land["drivers"].items()]
    return paths
