"""Adjacency and distances between cores (linkage_mapper.md §2.2-2.3)."""
import math

import numpy as np
import pytest
from ecosecurity.core.corridors.costdist import cost_allocation, cost_distance
from ecosecurity.core.corridors.linkage.adjacency import (
    adjacent_pairs,
    boundary_path_costs,
    edge_distances,
    euclidean_allocation,
)
from ecosecurity.core.corridors.linkage.cores import Cores


def test_zones_touching_horizontally_vertically_or_diagonally_are_adjacent():
    zones = np.array([[1, 1, 2],
                      [3, 0, 0],
                      [0, 0, 4]])
    pairs = {tuple(p) for p in adjacent_pairs(zones)}
    # 1-2 side, 1-3 side, 3-4 nothing, 2-? none with 4 (0 between)
    assert pairs == {(1, 2), (1, 3)}
    diagonal = np.array([[5, 0], [0, 7]])
    assert {tuple(p) for p in adjacent_pairs(diagonal)} == {(5, 7)}
    anti = np.array([[0, 5], [7, 0]])
    assert {tuple(p) for p in adjacent_pairs(anti)} == {(5, 7)}


def three_in_a_row():
    labels = np.zeros((15, 45), np.int32)
    labels[5:10, 2:7] = 1
    labels[5:10, 20:25] = 2
    labels[5:10, 38:43] = 3
    return labels


def test_a_core_between_two_others_separates_their_euclidean_zones():
    pairs = {tuple(p) for p in adjacent_pairs(euclidean_allocation(three_in_a_row()))}
    assert pairs == {(1, 2), (2, 3)}


def test_euclidean_allocation_gives_the_nearest_core_cell():
    labels = np.zeros((5, 9), np.int32)
    labels[2, 0] = 1
    labels[2, 8] = 2
    alloc = euclidean_allocation(labels)
    assert np.all(alloc[:, :4] == 1) and np.all(alloc[:, 5:] == 2)


def brute_edge_distance(labels, a, b):
    pa = np.argwhere(labels == a)
    pb = np.argwhere(labels == b)
    d = np.maximum(np.abs(pa[:, None, :] - pb[None, :, :]) - 1, 0)
    return np.hypot(d[..., 0], d[..., 1]).min()


@pytest.mark.parametrize("seed", range(5))
def test_euclidean_distance_is_the_minimum_gap_between_core_cells(seed):
    rng = np.random.default_rng(seed)
    labels = np.zeros((40, 40), np.int32)
    for k in range(1, 5):
        r, c = rng.integers(0, 34, 2)
        blob = rng.random((6, 6)) < 0.6
        labels[r:r + 6, c:c + 6][blob & (labels[r:r + 6, c:c + 6] == 0)] = k
    cores = Cores(labels, np.ones(labels.shape, bool))
    pairs = np.array([(a, b) for a in range(1, len(cores) + 1) for b in range(a + 1, len(cores) + 1)])
    got = edge_distances(cores.labels, cores.boxes, pairs, 30.0)
    for (a, b), d in zip(pairs, got):
        gap = brute_edge_distance(cores.labels, a, b)
        assert d == pytest.approx(30.0 * gap if gap > 0 else 30.0)


def test_touching_cores_are_one_cell_apart():
    labels = np.array([[1, 2]], np.int32)
    cores = Cores(labels, np.ones(labels.shape, bool))
    assert edge_distances(cores.labels, cores.boxes, np.array([[1, 2]]), 25.0)[0] == 25.0


def test_boundary_path_costs_bound_the_least_cost_distance():
    rng = np.random.default_rng(4)
    labels = three_in_a_row()
    resistance = rng.uniform(1, 30, labels.shape)
    cwd = cost_distance(resistance, labels > 0, 10.0)
    _, zones = cost_allocation(resistance, labels, 10.0)
    bounds = boundary_path_costs(cwd, zones, resistance, 10.0)
    for (a, b), bound in bounds.items():
        lcd = cost_distance(resistance, labels == a, 10.0)[labels == b].min()
        assert bound >= lcd - 1e-9
    # on a uniform grid the cheapest boundary crossing is the least-cost path itself
    uniform = np.ones(labels.shape)
    cwd = cost_distance(uniform, labels > 0, 1.0)
    _, zones = cost_allocation(uniform, labels, 1.0)
    bounds = boundary_path_costs(cwd, zones, uniform, 1.0)
    assert bounds[(1, 2)] == pytest.approx(14.0) and math.isclose(bounds[(2, 3)], 14.0)  # 14 steps
