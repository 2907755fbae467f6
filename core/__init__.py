"""Pure-Python cores of EcoSecurity (numpy/scipy/GDAL, never qgis)."""
