"""The Circuitscape.jl verification suite: every reference case run through its own ``.ini``.

Each case folder of ``shared/reference/circuitscape`` (the ``perf_*`` grids excepted: they are for
``bench/circuit.py``) is run with :func:`run_ini` and every expected file the run must produce is
compared: resistances within 1e-6 relative (1e-8 absolute), maps by Circuitscape's own criterion
(sum of squared differences < 1e-6 with identical NoData cells), network tables sorted.
"""
import os
import re

import numpy as np
import pytest
from ecosecurity.core.corridors.circuit import aggregation
from ecosecurity.core.corridors.circuit.compute import run_ini
from refpaths import REFERENCE

CASES_DIR = REFERENCE / "circuitscape"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir() and not p.name.startswith("perf_")) \
    if CASES_DIR.is_dir() else []

#: sgVerify13's folder also holds Circuitscape 4 files that contradict its own resistances.out:
#: a 3-column table and maps of the pairs its include matrix leaves out (they carry the pairs
#: Circuitscape 4 computed under the opposite reading of the matrix). Circuitscape.jl writes maps
#: only for included pairs; its cumulative map in the same folder sums exactly those.
EXCLUDED_PAIR_FILES = re.compile(r"sgVerify13_(resistances_3columns\.out|(cur|volt)map_(1_4|1_9|2_4|2_8|2_9|4_8|4_9)\.asc)$")


def legacy_files(case):
    """Files the MANIFEST lists as legacy Circuitscape 4 baselines for ``case`` (never produced)."""
    text = (CASES_DIR / "MANIFEST.md").read_text(encoding="utf-8")
    section = text.split(f"### {case} ")[1].split("###")[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("- Extra files in expected/ NOT produced"):
            listed = line.split("):", 1)[1]
            for item in listed.split(","):
                item = item.strip().split(" ")[0]
                names.add(item)
    return names


def is_legacy(name, legacy):
    for pattern in legacy:
        regex = re.escape(pattern).replace(re.escape("<ids>"), r"[0-9_]+")
        if re.fullmatch(regex, name):
            return True
    return bool(EXCLUDED_PAIR_FILES.match(name))


def read_grid_values(path):
    return np.loadtxt(path, skiprows=6, ndmin=2)


def sorted_table(path):
    table = np.loadtxt(path, ndmin=2)
    keys = table[:, :-1].T[::-1]
    return table[np.lexsort(keys)]


def run_case(case, tmp_path, method="auto"):
    folder = CASES_DIR / case
    ini = next(p for p in folder.glob("*.ini") if not p.name.endswith(".orig.ini"))
    summary = run_ini(str(ini), str(tmp_path), method)
    return folder, {os.path.basename(f): f for f in summary.files}


@pytest.mark.parametrize("case", CASES)
def test_reference_case_reproduces_every_expected_file(case, tmp_path):
    compare_expected_files(case, *run_case(case, tmp_path))


@pytest.mark.parametrize("case", CASES)
def test_reference_case_with_the_multigrid_solver(case, tmp_path, monkeypatch):
    """The same files from AMG-preconditioned CG, coarsening forced down to 20 unknowns so that
    these small grids go through several levels of V-cycles."""
    monkeypatch.setattr(aggregation, "COARSE_SIZE", 20)
    compare_expected_files(case, *run_case(case, tmp_path, "multigrid"))


def compare_expected_files(case, folder, produced):
    legacy = legacy_files(case)
    expected = sorted(p for p in (folder / "expected").iterdir() if not is_legacy(p.name, legacy))
    assert expected, f"{case}: nothing to compare"
    for path in expected:
        assert path.name in produced, f"{case}: {path.name} was not written"
        ours = produced[path.name]
        if path.suffix == ".asc":
            a, b = read_grid_values(ours), read_grid_values(path)
            assert np.array_equal(a == -9999, b == -9999), f"{path.name}: NoData cells differ"
            assert np.sum((a - b) ** 2) < 1e-6, f"{path.name}: sum of squared differences too large"
        elif path.suffix == ".txt":
            a, b = sorted_table(ours), sorted_table(path)
            assert a.shape == b.shape, f"{path.name}: {a.shape} rows vs {b.shape}"
            assert np.array_equal(a[:, :-1], b[:, :-1]), f"{path.name}: node ids differ"
            assert np.sum((a - b) ** 2) < 1e-6, f"{path.name}: sum of squared differences too large"
        else:
            a, b = np.loadtxt(ours, ndmin=2), np.loadtxt(path, ndmin=2)
            assert a.shape == b.shape, f"{path.name}: shape {a.shape} vs {b.shape}"
            np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-8, err_msg=path.name)


def test_legacy_three_column_table_of_sgverify13_contradicts_its_matrix():
    """Why sgVerify13's 3-column table is not compared: it disagrees with the case's own matrix."""
    folder = CASES_DIR / "pairwise_13_includematrix_mask" / "expected"
    matrix = np.loadtxt(folder / "sgVerify13_resistances.out")
    columns = np.loadtxt(folder / "sgVerify13_resistances_3columns.out")
    ids = list(matrix[0, 1:].astype(int))
    disagree = [(a, b) for a, b, r in columns
                if matrix[1 + ids.index(int(a)), 1 + ids.index(int(b))] != pytest.approx(r)]
    assert len(disagree) >= 7
