"""Small rasters and tables for the ecosystem-service tests (projected CRS, 100 m cells = 1 ha)."""
import numpy as np
from ecosecurity.core.io.raster import Grid, epsg_wkt, write_raster

WKT = epsg_wkt(32650)
CELL = 100.0


def grid(rows, cols, cell=CELL, wkt=WKT, x0=500000.0, y0=3000000.0):
    return Grid((x0, cell, 0.0, y0, 0.0, -cell), wkt, rows, cols)


def raster(path, array, on_grid=None, nodata=-9999.0):
    array = np.asarray(array)
    on_grid = on_grid or grid(*array.shape)
    return write_raster(str(path), array, on_grid, nodata)


def table(path, text):
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return str(path)
