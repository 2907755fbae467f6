"""Issue 19: key-area grading streams row strips; tiny strips give the one-strip (whole-array) result
bit for bit: breaks, level raster, level counts, areas with their statistics and polygons, unit table."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.keyareas.extraction import KeyAreaOptions, extract_key_areas
from osgeo import osr

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32650)
GRID = Grid((400000.0, 10.0, 0.0, 3000000.0, 0.0, -10.0), SRS.ExportToWkt(), 41, 29)


def run(tmp_path, name, paths, options, block_cells):
    levels = str(tmp_path / f"{name}.tif")
    result = extract_key_areas(paths["value"], options, resistance_path=paths.get("resistance"),
                               land_use_path=paths["land_use"], levels_path=levels, block_cells=block_cells)
    return result, read_raster(levels).array


@pytest.mark.parametrize("seed", range(9))
def test_tiny_strips_equal_one_strip(tmp_path, seed):
    rng = np.random.default_rng(seed)
    value = rng.gamma(2.0, 3.0, GRID.shape).astype(np.float32)
    value[rng.random(GRID.shape) < 0.1] = -9999.0
    resistance = rng.uniform(1, 100, GRID.shape).astype(np.float32)
    resistance[rng.random(GRID.shape) < 0.05] = -1.0
    paths = {"value": write_raster(tmp_path / "value.tif", value, GRID, nodata=-9999.0),
             "resistance": write_raster(tmp_path / "resistance.tif", resistance, GRID, nodata=-1.0),
             "land_use": write_raster(tmp_path / "lu.tif", rng.integers(1, 6, GRID.shape).astype(np.uint8), GRID,
                                      nodata=0)}
    options = KeyAreaOptions(levels=3 + seed % 3, keep_levels=1 + seed % 2, combine=seed % 3,
                             min_area_ha=0.05 * (seed % 2), sample_size=(0, 300, 10000)[seed % 3], seed=seed)
    if options.combine == 0:
        del paths["resistance"]
    whole, whole_levels = run(tmp_path, "whole", paths, options, None)
    strips, strip_levels = run(tmp_path, "strips", paths, options, 2 * GRID.cols + 3)
    assert whole.count > 0
    assert strips.breaks.tobytes() == whole.breaks.tobytes()
    assert strip_levels.tobytes() == whole_levels.tobytes()
    assert strips.level_rows == whole.level_rows
    assert strips.areas == whole.areas
    assert strips.table == whole.table
