"""The 3 x 4 suitability case shared by the core and the Processing tests of ``suitability``.

The suitability of each function is its single factor's value (grading 'value', weight 1); with
3 levels and keep = 1, the candidate cells are the 100s. A production zone covers cell (0, 1) and an
ecological zone cell (0, 3):
(0,0) P only -> 1; (0,1) P+E in a production zone -> 1; (0,2) P+E tie -> ecological first -> 3;
(0,3) P+L in an ecological zone (not a candidate) -> production before living -> 1;
(1,0) none, land use 5 -> 2; (1,1) E -> 3; (1,2) L -> 2; (1,3) none, cropland -> 1;
(2,0) NoData; (2,1) none, forest -> 3; (2,2) none, urban -> 2; (2,3) E -> 3.
"""
import numpy as np
from ecosecurity.core.io.raster import Grid, epsg_wkt

CRS_WKT = epsg_wkt(4545)
GRID = Grid((560000.0, 30.0, 0.0, 3810000.0, 0.0, -30.0), CRS_WKT, 3, 4)
P = np.array([[100, 100, 100, 100], [10, 50, 10, 10], [50, 10, 10, 10]], np.float32)
L = np.array([[10, 10, 10, 100], [50, 10, 100, 10], [10, 10, 10, 50]], np.float32)
E = np.array([[10, 100, 100, 10], [10, 100, 50, 10], [10, 50, 10, 100]], np.float32)
LANDUSE = np.array([[4, 4, 1, 4], [5, 1, 6, 4], [0, 1, 5, 1]], np.uint8)      # 0 = NoData
EXPECTED = np.array([[1, 1, 3, 1], [2, 3, 2, 1], [0, 3, 2, 3]])
