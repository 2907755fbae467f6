"""Planning units of the exact optimisation (spec ``prioritization.md`` §5.1): square blocks of
``unit_cells`` × ``unit_cells`` cells, their summed amounts and their shared boundaries.

The boundary data follow Marxan's bound.dat (Ball et al. 2009) with edge factor 1: ``length`` of
each 4-adjacent unit pair is the sum of the cell edges they share, ``exposed`` of a unit the sum of
all its cell edges whose other side is not the unit itself (another unit or outside). The boundary
of a selection x is then Σ_i exposed_i x_i − 2 Σ_(h,l) length_hl x_h x_l.
"""
import numpy as np

from ..runtime.errors import InputError


def planning_units(shape, unit_cells, valid=None):
    """(unit_of_cell int32 array of ``shape``, −1 outside; n_units).

    Blocks are numbered in row-major block order; only blocks holding a valid cell are units, and
    only their valid cells belong to them (``valid`` None: every cell is valid)."""
    if int(unit_cells) != unit_cells or unit_cells < 1:
        raise InputError(f"The planning-unit size must be a whole number of cells ≥ 1, got {unit_cells}. "
                         f"/ 规划单元大小须为不小于 1 的整数个像元，当前为 {unit_cells}。")
    unit_cells = int(unit_cells)
    rows, cols = shape
    valid = np.ones(shape, bool) if valid is None else np.asarray(valid, bool)
    block_cols = -(-cols // unit_cells)
    block = (np.arange(rows)[:, None] // unit_cells) * block_cols + np.arange(cols)[None, :] // unit_cells
    used = np.zeros(-(-rows // unit_cells) * block_cols, bool)
    used[block[valid]] = True
    number = np.cumsum(used, dtype=np.int64) - 1
    unit_of_cell = np.where(valid, number[block], -1).astype(np.int32)
    return unit_of_cell, int(used.sum())


def unit_sums(unit_of_cell, values, n_units):
    """(n_units,) sum of ``values`` over the cells of each unit (cells outside units ignored)."""
    inside = unit_of_cell >= 0
    return np.bincount(unit_of_cell[inside], weights=np.asarray(values, np.float64)[inside], minlength=n_units)


def unit_adjacency(unit_of_cell, n_units, cell_size):
    """(h, l, length, exposed): the 4-adjacent unit pairs h < l (sorted) with the length of boundary
    they share, and each unit's total boundary length (``exposed``, (n_units,)), in map units.

    ``cell_size`` is the cell width, or (width, height) for rectangular cells; counted cell edge
    by cell edge, so irregular valid masks are right."""
    width, height = (cell_size, cell_size) if np.isscalar(cell_size) else cell_size
    padded = np.pad(np.asarray(unit_of_cell, np.int64), 1, constant_values=-1)
    pairs, lengths = [], []
    exposed = np.zeros(n_units)
    # Horizontal neighbours share a vertical edge (cell height), vertical neighbours a horizontal one.
    for a, b, edge in ((padded[:, :-1], padded[:, 1:], height), (padded[:-1, :], padded[1:, :], width)):
        differ = a != b
        for side in (a[differ], b[differ]):
            exposed += edge * np.bincount(side[side >= 0], minlength=n_units)
        both = differ & (a >= 0) & (b >= 0)
        first, second = a[both], b[both]
        pairs.append(np.minimum(first, second) * n_units + np.maximum(first, second))
        lengths.append(np.full(first.size, float(edge)))
    keys, where = np.unique(np.concatenate(pairs), return_inverse=True)
    length = np.bincount(where, weights=np.concatenate(lengths), minlength=keys.size)
    return keys // n_units, keys % n_units, length, exposed
