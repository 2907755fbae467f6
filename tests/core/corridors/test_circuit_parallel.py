"""Circuit solves as parallel tasks (core/corridors/circuit/pairwise_tasks.py and focal_tasks.py, issue
19): every file of a reference case equals the serial run's, byte for byte, on 2 processes and on the
2-worker Dask LocalCluster; cancel stops the tasks; the method 'auto' settles on stays the serial one."""
import filecmp
import os
import threading

import numpy as np
import pytest
import scipy.sparse as sp
from ecosecurity.core.corridors.circuit import pairwise_tasks
from ecosecurity.core.corridors.circuit.compute import run_ini
from ecosecurity.core.corridors.circuit.inputs import FocalCells
from ecosecurity.core.corridors.circuit.pairwise import pairwise
from ecosecurity.core.corridors.circuit.solvers import make_solver
from ecosecurity.core.runtime.errors import CancelledError
from ecosecurity.core.runtime.progress import Progress
from refpaths import REFERENCE

CASES_DIR = REFERENCE / "circuitscape"


def run_case(case, folder, method, **where):
    ini = next(p for p in (CASES_DIR / case).glob("*.ini") if not p.name.endswith(".orig.ini"))
    summary = run_ini(str(ini), str(folder), method, **where)
    return summary, sorted(os.path.basename(f) for f in summary.files)


def assert_same_files(serial, other, names):
    different = [name for name in names if not filecmp.cmp(serial / name, other / name, shallow=False)]
    assert not different


@pytest.mark.parametrize("case, method", [
    ("pairwise_04_4nb_res_points_nopolys", "direct"),      # per-pair maps and voltages, 5 points
    ("pairwise_09_8nb_avgcond_polys", "multigrid"),        # short-circuit polygons, 8 neighbours
    ("pairwise_14_8nb_nullnodata_maxmap", "auto"),         # maximum map, NoData currents
    ("onetoall_01_4nb_res_polys", "direct"),               # one task per focal id, per-id maps
    ("onetoall_12_includematrix_mask_varsrc", "multigrid"),  # include partners, source strengths
    ("alltoone_09_8nb_avgcond_polys", "auto"),
])
def test_two_processes_and_dask_write_the_serial_files(case, method, tmp_path, dask_scheduler):
    serial, names = run_case(case, tmp_path / "serial", method)
    assert serial.solves >= 2 and len(names) >= 2
    for name, where in (("two", {"workers": 2}), ("dask", {"scheduler": dask_scheduler})):
        other, other_names = run_case(case, tmp_path / name, method, **where)
        assert other_names == names and other.method == serial.method, name
        assert np.array_equal(other.resistances, serial.resistances), name
        assert_same_files(tmp_path / "serial", tmp_path / name, names)


def test_focal_regions_stay_in_this_process_with_the_same_files(tmp_path):
    case = "pairwise_05_focalregions_txt_polys"
    _serial, names = run_case(case, tmp_path / "serial", "direct")
    run_case(case, tmp_path / "two", "direct", workers=2)
    assert_same_files(tmp_path / "serial", tmp_path / "two", names)


def slow_sources_task(*args):
    import time
    time.sleep(30)


def test_cancel_stops_the_solves(monkeypatch):
    g = np.ones((30, 30))
    rows, cols = np.array([0, 29, 0, 29]), np.array([0, 29, 29, 0])
    focal = FocalCells(np.array([1, 2, 3, 4]), rows, cols)
    monkeypatch.setattr(pairwise_tasks, "sources_task", slow_sources_task)
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    with pytest.raises(CancelledError):
        pairwise(g, focal, cumulative=True, progress=Progress(None, cancel.is_set), workers=2)


def test_auto_keeps_the_method_chosen_for_all_right_hand_sides():
    laplacian = sp.diags([np.full(99, -1.0), np.full(100, 2.0), np.full(99, -1.0)], [-1, 0, 1])
    assert make_solver(laplacian, "auto", 1).method == "direct"  # small: direct for one column
    assert make_solver(laplacian, "auto", 1, choice="multigrid").method == "multigrid"
