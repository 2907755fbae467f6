"""The maze probe (core/corridors/sweep_probe.py) predicts the reach of the first sweep phase."""
import numpy as np
import pytest
from scipy import ndimage
from ecosecurity.core.corridors import costdist
from ecosecurity.core.corridors import sweep as sweep_module
from ecosecurity.core.corridors.costdist import CostGraph
from ecosecurity.core.corridors.sweep import SweepGrid, sweep
from ecosecurity.core.corridors.sweep_probe import defeats_sweeps, first_phase_counts
from ecosecurity.core.runtime.progress import Progress

from .test_sweep import serpentine


def swept_first_phase(resistance, sources, valid, monkeypatch):
    """Cells with a finite value after the sweep's first phase."""
    seen = []
    monkeypatch.setattr(sweep_module, "_maze_like", lambda grid, distance: seen.append(np.isfinite(distance)) or True)
    grid = SweepGrid(np.asarray(resistance, np.float64), valid, Progress())
    distance = np.where(sources, 0.0, np.inf)
    if sweep(grid, distance, np.inf, Progress()) is not None:  # converged within one phase
        return np.isfinite(distance)
    return seen[0]


@pytest.mark.parametrize("seed", range(40))
def test_probe_reaches_what_the_first_sweep_phase_reaches(seed, monkeypatch):
    rng = np.random.default_rng(seed)
    rows, cols = rng.integers(1, 50, size=2)
    valid = rng.random((rows, cols)) > rng.uniform(0.2, 0.6)
    sources = (rng.random((rows, cols)) < 0.01) & valid
    sources[rng.integers(rows), rng.integers(cols)] = valid.any()
    sources &= valid
    valid |= sources
    reached = swept_first_phase(rng.uniform(1, 10, (rows, cols)), sources, valid, monkeypatch)
    labels, _ = ndimage.label(valid, structure=np.ones((3, 3), bool))
    connected = np.isin(labels, labels[sources]) & valid
    assert first_phase_counts(valid, sources) == (np.count_nonzero(reached), np.count_nonzero(connected))


def test_probe_flags_a_serpentine_and_not_a_wall_with_one_gap():
    _, valid = serpentine((40, 41))
    sources = np.zeros(valid.shape, bool)
    sources[20, 1] = True
    assert defeats_sweeps(valid, sources)
    valid = np.ones((40, 40), bool)
    valid[:39, 20] = False  # one detour through the bottom row: one phase
    assert not defeats_sweeps(valid, sources[:, :40])


def test_a_maze_goes_to_dijkstra_without_building_sweep_grids(monkeypatch):
    monkeypatch.setattr(costdist, "SWEEP_MIN_CELLS", 2 ** 10)
    resistance, valid = serpentine((60, 61))
    sources = np.zeros(valid.shape, bool)
    sources[30, 1] = True
    monkeypatch.setattr(costdist, "SweepGrid", lambda *a: pytest.fail("built sweep grids for a maze"))
    graph = CostGraph(resistance, 1.0, valid)
    assert np.isfinite(graph.run(sources).distance[valid]).all()
    assert not graph._sweepable
