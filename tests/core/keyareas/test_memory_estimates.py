"""Memory estimates of pinch points and barriers: at least one cost-distance search, sweeps only
on grids whose Dijkstra graph would not fit (10^8 cells: 13 + 116 B per cell, not 13 + 222)."""
from ecosecurity.core.corridors import costdist
from ecosecurity.core.keyareas import barriers, pinchpoints


def test_pinch_points_need_the_sweep_of_the_whole_grid_at_least():
    cells = 10 ** 8
    assert pinchpoints.estimate_pinchpoints_memory(10 ** 4, 10 ** 4) == cells * (
        pinchpoints.KEPT_BYTES_PER_CELL + costdist.SWEEP_BYTES_PER_CELL)
    assert pinchpoints.estimate_pinchpoints_memory(100, 100) == 10 ** 4 * (
        pinchpoints.KEPT_BYTES_PER_CELL + costdist.DIJKSTRA_BYTES_PER_CELL)


def test_barriers_need_the_whole_grid_search_and_a_window_search_at_least():
    cells = 10 ** 8
    search = costdist.SWEEP_BYTES_PER_CELL * 1.25 + 16  # a window of a quarter of 10^8 sweeps too
    assert barriers.estimate_barriers_memory(10 ** 4, 10 ** 4) == cells * (
        barriers.KEPT_BYTES_PER_CELL + int(search))
    small = costdist.DIJKSTRA_BYTES_PER_CELL * 1.25 + 16
    assert barriers.estimate_barriers_memory(100, 100) == 10 ** 4 * (barriers.KEPT_BYTES_PER_CELL + int(small))
