"""Reading and writing: rasters (whole and in blocks, atomically), alignment checks, vector
layers, the one rasteriser, small text files, QML styles."""
