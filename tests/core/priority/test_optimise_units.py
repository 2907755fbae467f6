"""Planning units, their sums and their shared boundaries against hand-computed small grids."""
import numpy as np
import pytest

from core.priority.optimise import UnitProblem, boundary_length
from core.priority.planning_units import planning_units, unit_adjacency, unit_sums
from core.runtime.errors import InputError

#: 3 × 3 cells in 2 × 2 blocks; the lower-left block has no valid cell, so it is no unit.
IRREGULAR = np.array([[1, 1, 1],
                      [1, 0, 1],
                      [0, 0, 1]], bool)


def test_blocks_with_a_valid_cell_become_units_numbered_row_major():
    unit_of_cell, n = planning_units(IRREGULAR.shape, 2, IRREGULAR)
    assert n == 3
    assert unit_of_cell.dtype == np.int32
    assert unit_of_cell.tolist() == [[0, 0, 1], [0, -1, 1], [-1, -1, 2]]


def test_partial_blocks_at_the_edges_are_units():
    unit_of_cell, n = planning_units((5, 5), 2)
    assert n == 9
    assert unit_of_cell[4].tolist() == [6, 6, 7, 7, 8]


def test_unit_size_must_be_a_whole_number_of_cells():
    with pytest.raises(InputError, match="whole number"):
        planning_units((4, 4), 0)
    with pytest.raises(InputError, match="1.5"):
        planning_units((4, 4), 1.5)


def test_unit_sums_add_the_valid_cells_only():
    unit_of_cell, n = planning_units(IRREGULAR.shape, 2, IRREGULAR)
    values = np.arange(9, dtype=float).reshape(3, 3)
    values[1, 1] = np.nan   # outside every unit: ignored
    assert unit_sums(unit_of_cell, values, n).tolist() == [0 + 1 + 3, 2 + 5, 8]


def test_adjacency_of_an_irregular_mask_with_rectangular_cells():
    # Cells 2 wide, 3 high: a vertical edge (between horizontal neighbours) is 3 long, a horizontal one 2.
    unit_of_cell, n = planning_units(IRREGULAR.shape, 2, IRREGULAR)
    h, l, length, exposed = unit_adjacency(unit_of_cell, n, (2.0, 3.0))
    assert list(zip(h.tolist(), l.tolist(), length.tolist())) == [(0, 1, 3.0), (1, 2, 2.0)]
    # unit 0: (0,0) top 2 + left 3; (0,1) top 2 + right 3 + bottom 2; (1,0) left 3 + right 3 + bottom 2
    # unit 1: (0,2) top 2 + right 3 + left 3; (1,2) right 3 + left 3 + bottom 2; unit 2: one cell 2+2+3+3
    assert exposed.tolist() == [20.0, 16.0, 10.0]


def test_adjacency_of_a_full_grid_sums_shared_cell_edges():
    unit_of_cell, n = planning_units((4, 4), 2)
    h, l, length, exposed = unit_adjacency(unit_of_cell, n, 5.0)
    assert list(zip(h.tolist(), l.tolist())) == [(0, 1), (0, 2), (1, 3), (2, 3)]
    assert length.tolist() == [10.0] * 4
    assert exposed.tolist() == [40.0] * 4


def test_boundary_of_a_selection_is_its_outer_perimeter():
    unit_of_cell, n = planning_units(IRREGULAR.shape, 2, IRREGULAR)
    h, l, length, exposed = unit_adjacency(unit_of_cell, n, (2.0, 3.0))
    problem = UnitProblem(cost=np.ones(n), amounts=np.zeros((n, 0)), edges=(h, l, length), exposed=exposed)
    # Units 0 and 1: five cells; outline = 3 tops (6) + left of (0,0),(1,0) (6) + right of (0,2),(1,2) (6)
    # + bottoms of (0,1),(1,0),(1,2) (6) + both sides of the hole (1,1) (6) = 30.
    assert boundary_length(problem, np.array([True, True, False])) == pytest.approx(30.0)
    assert boundary_length(problem, np.array([True, True, True])) == pytest.approx(30.0 + 10.0 - 2 * 2.0)
