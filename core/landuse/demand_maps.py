"""Class areas of the land-use maps behind a land demand, read strip by strip: cells per class of the
later map, the cross-tabulation earlier × later (Markov chain) and the cells per class inside the
ecological red line (GMOP).

* Cells that are NoData in the later map are outside the region; the cross-tabulation counts the
  cells valid in both maps (cells valid in one map only are reported, not used).
* Class codes must be whole numbers (a float map with 1.5 is refused, naming the layer).
* The maps must be on one grid (:func:`~..io.raster.check_aligned`, naming the layer that differs);
  nothing is resampled, because a resampled class map would change the areas being projected.

Memory: one strip (:data:`~..io.blockio.BLOCK_CELLS` cells) of each map as read plus about 40 bytes
a strip cell of work arrays, and one byte a cell for a rasterised red line (:func:`estimate_demand_memory`).
"""
from dataclasses import dataclass, field

import numpy as np

from ..io.blockio import BLOCK_CELLS, AlignedSource, row_blocks
from ..io.class_codes import check_whole_codes
from ..io.crs import check_projected
from ..io.raster import check_aligned, read_grid
from ..io.rasterize import rasterize_features
from ..runtime.errors import InputError
from ..runtime.progress import ensure


def estimate_demand_memory(grid, maps=2, red_line=False):
    """Bytes needed to count the maps of ``grid`` (strips of :data:`BLOCK_CELLS` cells)."""
    strip = min(BLOCK_CELLS, max(grid.cols, 1) * max(min(grid.rows, BLOCK_CELLS // max(grid.cols, 1)), 1))
    return int(strip * (8 * maps + 40) + (grid.rows * grid.cols if red_line else 0) + (1 << 20))


@dataclass
class MapCounts:
    """Cells per class code of the later map, the earlier × later counts and the red-line counts."""
    grid: object
    later: dict                                     # {code: cells} over the valid cells of the later map
    crosstab: dict = field(default_factory=dict)    # {(earlier code, later code): cells}
    earlier: dict = field(default_factory=dict)     # {code: cells} over cells valid in both maps
    red_line: dict = field(default_factory=dict)    # {code: cells} of the later map inside the red line
    only_one_map: int = 0                            # cells valid in exactly one of the two maps

    @property
    def cell_km2(self):
        return self.grid.cell_width * self.grid.cell_height / 1e6

    @property
    def cells(self):
        return sum(self.later.values())


def _whole_codes(array, name):
    check_whole_codes(array, name)
    return array.astype(np.int64)


def _add_counts(target, codes, counts):
    for code, count in zip(codes.tolist(), counts.tolist()):
        if count:
            target[code] = target.get(code, 0) + int(count)


def count_maps(later_path, later_name, earlier_path=None, earlier_name=None, red_line_path=None,
               red_line_name=None, progress=None):
    """:class:`MapCounts` of the later map (and of the earlier map and the red line when given)."""
    progress = ensure(progress)
    grid = read_grid(later_path)
    check_projected(grid.crs_wkt, later_name, "land-use areas in km²")
    later = AlignedSource(later_path, grid, name=later_name, reproject=False)
    earlier = None
    if earlier_path:
        check_aligned(grid, read_grid(earlier_path), later_name, earlier_name)
        earlier = AlignedSource(earlier_path, grid, name=earlier_name, reproject=False)
    red = None
    if red_line_path:
        path, _, layer = str(red_line_path).partition("|layername=")
        red = rasterize_features(path, grid, layer=layer or None, all_touched=False, name=red_line_name)
    result = MapCounts(grid, {})
    blocks = row_blocks(grid)
    for index, (row0, nrows) in enumerate(blocks):
        progress.update(index / len(blocks), "Counting land-use cells / 统计地类像元")
        values, valid = later.read(row0, nrows)
        codes = _whole_codes(values[valid], later_name)
        _add_counts(result.later, *np.unique(codes, return_counts=True))
        if red is not None:
            inside = red[row0:row0 + nrows][valid] != 0
            _add_counts(result.red_line, *np.unique(codes[inside], return_counts=True))
        if earlier is not None:
            old, old_valid = earlier.read(row0, nrows)
            both = valid & old_valid
            result.only_one_map += int(np.count_nonzero(valid != old_valid))
            new_codes = _whole_codes(values[both], later_name)
            old_codes = _whole_codes(old[both], earlier_name)
            old_set, old_index = np.unique(old_codes, return_inverse=True)
            new_set, new_index = np.unique(new_codes, return_inverse=True)
            pairs = np.bincount(old_index * len(new_set) + new_index, minlength=len(old_set) * len(new_set))
            for flat in np.flatnonzero(pairs):
                key = (int(old_set[flat // len(new_set)]), int(new_set[flat % len(new_set)]))
                result.crosstab[key] = result.crosstab.get(key, 0) + int(pairs[flat])
            _add_counts(result.earlier, *np.unique(old_codes, return_counts=True))
    progress.update(1.0)
    if not result.later:
        raise InputError(f"'{later_name}' has no valid cell (all NoData). / “{later_name}”全为无数据。")
    if earlier is not None and not result.crosstab:
        raise InputError(f"'{earlier_name}' and '{later_name}' have no valid cell in common. "
                         f"/ “{earlier_name}”与“{later_name}”没有共同的有效像元。")
    return result
