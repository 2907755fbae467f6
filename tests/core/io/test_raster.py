"""Rules of core/io/raster.py: NoData masks, atomic writes, alignment errors naming both layers."""
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, check_aligned, read_raster, write_raster
from ecosecurity.core.runtime.errors import GridMismatchError, InputError

UTM = 'PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],PARAMETER["false_easting",36500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","4545"]]'


def grid(rows=3, cols=4, x0=36500000.0, cell=30.0, crs=UTM):
    return Grid((x0, cell, 0.0, 3800000.0, 0.0, -cell), crs, rows, cols)


def test_written_raster_reads_back_with_its_nodata_mask(tmp_path):
    data = np.arange(12, dtype=np.float32).reshape(3, 4)
    data[1, 2] = -9999
    path = write_raster(tmp_path / "a.tif", data, grid(), nodata=-9999)
    raster = read_raster(path)
    assert raster.array.tolist() == data.tolist()
    assert (~raster.valid).sum() == 1 and not raster.valid[1, 2]
    assert raster.grid.geotransform == grid().geotransform


def test_nan_is_nodata_in_float_rasters(tmp_path):
    data = np.array([[1.0, np.nan]], dtype=np.float32)
    raster = read_raster(write_raster(tmp_path / "n.tif", data, grid(1, 2)))
    assert raster.valid.tolist() == [[True, False]]


def test_a_write_that_fails_midway_leaves_no_file(tmp_path, monkeypatch):
    from ecosecurity.core.io import raster as raster_module
    real = raster_module._write_gtiff

    def write_then_fail(tmp, *args):
        real(tmp, *args)
        raise OSError("disk full")
    monkeypatch.setattr(raster_module, "_write_gtiff", write_then_fail)
    with pytest.raises(OSError):
        write_raster(tmp_path / "out.tif", np.zeros((3, 4), np.float32), grid())
    assert os.listdir(tmp_path) == []


def test_ascii_grid_is_written_with_its_header(tmp_path):
    path = write_raster(tmp_path / "a.asc", np.array([[1.5, -9999.0]]), grid(1, 2), nodata=-9999)
    lines = open(path, encoding="ascii").read().splitlines()
    assert lines[0].split() == ["ncols", "2"] and lines[5].split() == ["NODATA_value", "-9999"]
    assert lines[6] == "1.5 -9999"


def test_missing_file_and_missing_band_are_clear_errors(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_raster(tmp_path / "nope.tif")
    path = write_raster(tmp_path / "b.tif", np.zeros((3, 4), np.uint8), grid())
    with pytest.raises(InputError, match="band 2 does not exist"):
        read_raster(path, band=2)


@pytest.mark.parametrize("other, what", [
    (grid(cell=60.0), "cell sizes differ"),
    (grid(rows=5), "sizes differ"),
    (grid(x0=36500030.0), "origins differ"),
    (grid(crs='GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]'), "coordinate reference systems differ"),
])
def test_misaligned_grids_name_both_layers_and_the_difference(other, what):
    with pytest.raises(GridMismatchError, match=what) as error:
        check_aligned(grid(), other, "landuse", "dem")
    assert "'landuse'" in str(error.value) and "'dem'" in str(error.value)
