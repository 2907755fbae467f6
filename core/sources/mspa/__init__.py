"""Morphological Spatial Pattern Analysis, byte-identical to JRC's MSPA v2.3 (GuidosToolbox/GWB).

* :func:`mspa_classes` — the MSPA byte image of a 0/1/2 map (the algorithm, steps 1-14);
* :func:`mspa_codes` — a land-use raster to the 0/1/2 map (habitat values, missing values);
* :func:`mspa_statistics` — the GWB summary (pixels, %, objects, porosity);
* :func:`mspa_raster` — the same from file to file, with colour table and summary;
* :func:`estimate_mspa_memory` / :func:`estimate_mspa_raster_memory` — memory plan.
"""
from .inputs import mspa_codes
from .memory import estimate_mspa_memory
from .raster_io import estimate_mspa_raster_memory, mspa_raster
from .segmentation import mspa_classes
from .statistics import mspa_statistics

__all__ = ["mspa_classes", "mspa_codes", "mspa_statistics", "mspa_raster",
           "estimate_mspa_memory", "estimate_mspa_raster_memory"]
