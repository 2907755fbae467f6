"""MSPA of a raster file: read the band, map habitat values, run, write classes and summary."""
import os
import warnings

import numpy as np

from ...io.crs import area_unit
from ...io.raster import read_grid, read_raster, write_raster
from ...runtime.errors import EcoSecurityWarning
from ...runtime.progress import ensure
from .inputs import mspa_codes
from .memory import estimate_mspa_memory
from .palette import category_names, colour_table
from .report import write_summary
from .segmentation import mspa_classes
from .statistics import mspa_statistics


def estimate_mspa_raster_memory(path, edge_width=1):
    """Bytes needed by :func:`mspa_raster` on the raster ``path`` (see :mod:`.memory`)."""
    grid = read_grid(path)
    return estimate_mspa_memory(grid.rows, grid.cols, edge_width)


def mspa_raster(input_path, output_path, band=1, foreground_values=(2,), missing_values=(0,),
                connectivity=8, edge_width=1, transition=True, intext=True, summary_path=None,
                name=None, progress=None):
    """Run MSPA on ``band`` of ``input_path`` and write the Byte class raster ``output_path``.

    Habitat = pixels whose value is in ``foreground_values``; missing = values in
    ``missing_values`` and the band's NoData; everything else is background. The output is
    georeferenced like the input and carries the MSPA colour table (``transition`` only
    changes the colours). With ``summary_path`` (``.csv`` or ``.html``) the GWB summary is
    written too. ``name`` names the layer in error messages (default: the file name).
    Returns the :class:`.statistics.MspaSummary` (``None`` without ``summary_path``).
    """
    progress = ensure(progress)
    progress.update(0.0, "Reading the raster / 读取栅格")
    name = name or os.path.basename(str(input_path))
    raster = read_raster(input_path, band, name)
    grid = raster.grid
    codes = mspa_codes(raster.array, raster.valid, foreground_values, missing_values, name)
    del raster
    classes = mspa_classes(codes, connectivity, edge_width, intext,
                           progress.sub(0.05, 0.85 if summary_path else 0.95))
    del codes
    summary = None
    if summary_path:
        unit, measurable = area_unit(grid.crs_wkt)
        if not measurable:
            warnings.warn(
                f"'{name}' is in a geographic coordinate system (degrees): MSPA itself works on pixels, but the "
                "statistics cannot give areas in m², so their area column is in pixels (area_unit = pixels). "
                "For areas in m², reproject the raster first (Raster ▸ Projections ▸ Warp, e.g. to a UTM zone or "
                f"CGCS2000 / Gauss-Kruger). / “{name}”为地理坐标系（度）：MSPA 按像元计算，但统计表无法给出平方米面积，"
                "面积列以像元数表示；如需平方米面积，请先投影。", EcoSecurityWarning, stacklevel=2)
        summary = mspa_statistics(classes, connectivity, intext,
                                  grid.cell_width * grid.cell_height if measurable else 1.0,
                                  progress.sub(0.85, 0.97), unit)
    progress.update(0.97, "Writing the output / 写出结果")       # nothing is written before this point
    write_raster(output_path, classes, grid, dtype=np.uint8, color_table=colour_table(transition),
                 category_names=category_names(transition))
    if summary_path:
        write_summary(summary_path, summary,
                      f"MSPA {connectivity}_{edge_width}_{int(bool(transition))}_{int(bool(intext))}")
    progress.update(1.0)
    return summary
