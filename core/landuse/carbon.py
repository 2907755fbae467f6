"""Carbon storage after the InVEST Carbon Storage and Sequestration model (storage part).

For a cell x of land-use class j (InVEST user guide, *Carbon Storage and Sequestration*; Sharp et
al. 2020, *InVEST User's Guide*, Natural Capital Project):

    C_x = (C_above,j + C_below,j + C_soil,j + C_dead,j) · A_x

with the four pool densities in Mg C/ha from the carbon table (:func:`.service_tables.read_carbon_table`)
and A_x the cell area in hectares (cell width × height / 10 000 m²). The output raster holds Mg C
per cell; NoData land use stays NoData. A class present in the land use but absent from the table is
one error naming every such class (checked before any output is written). The totals per class are
cells × A × density, exactly what summing the raster gives (up to Float32 rounding of the cells).

This is InVEST's storage formula itself (no reference run is bundled): the tests compare it with
hand-computed values.
"""
from dataclasses import dataclass

import numpy as np

from ..io.blockio import BlockWriter, row_blocks
from ..runtime.progress import ensure
from .service_landuse import read_classes
from .service_tables import lookup

CARBON_NODATA = -9999.0


@dataclass
class CarbonResult:
    """Range of the carbon raster (Mg per cell) and ``per_class`` = {code: (density Mg/ha, Mg)}."""
    minimum: float
    maximum: float
    total: float
    per_class: dict


def cell_area_ha(grid):
    """Area of one cell in hectares."""
    return grid.cell_width * grid.cell_height / 10_000.0


def carbon_per_class(table, counts, area_ha):
    """{code: (total density Mg/ha, carbon Mg)} for the classes of ``counts`` (all in ``table``)."""
    codes = np.array(sorted(counts), np.int64)
    density = lookup(table.codes, table.totals, codes)
    return {int(code): (float(d), float(d) * area_ha * counts[int(code)]) for code, d in zip(codes, density)}


def estimate_carbon_memory(grid):
    """Bytes of one strip: codes (int64), mask, the raw band, density and output (float64/32)."""
    cells = min(grid.rows * grid.cols, max(row_blocks(grid)[0][1], 1) * grid.cols)
    return 40 * cells


def carbon_storage(source, table, counts, out_path, progress=None):
    """Write the carbon raster (Float32, Mg C per cell) of land use ``source`` to ``out_path``.

    ``counts``: the class counts of :func:`.service_landuse.scan_classes` (classes already checked
    against the table)."""
    progress = ensure(progress)
    grid = source.grid
    area = cell_area_ha(grid)
    per_class = carbon_per_class(table, counts, area)
    per_cell = {code: density * area for code, (density, _mg) in per_class.items()}
    blocks = row_blocks(grid)
    with BlockWriter(out_path, grid, np.float32, CARBON_NODATA) as writer:
        for index, (row0, nrows) in enumerate(blocks):
            codes, valid = read_classes(source, row0, nrows)
            out = np.full(codes.shape, CARBON_NODATA, np.float64)
            out[valid] = lookup(table.codes, table.totals, codes[valid]) * area
            writer.write(row0, out)
            progress.update((index + 1) / len(blocks), "Carbon storage / 碳储量")
    values = list(per_cell.values())
    return CarbonResult(min(values), max(values), sum(mg for _d, mg in per_class.values()), per_class)
