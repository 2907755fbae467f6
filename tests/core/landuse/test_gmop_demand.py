"""GMOP land demand: the LP optimum equals an exhaustive search on a 3-class grid, HiGHS = CBC,
infeasible constraints give the arithmetic and the achievable range, table/map mismatches are refused."""
import itertools
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, epsg_wkt, write_raster
from ecosecurity.core.landuse.demand import gmop_land_demand
from ecosecurity.core.landuse.gmop import (
    ClassRow,
    build_problem,
    check_feasible,
    ecological_range,
    read_coefficients,
    solve_gmop,
)
from ecosecurity.core.landuse.lp_solvers import cbc_runs
from ecosecurity.core.runtime.errors import InputError

TEMPLATE = Path(__file__).resolve().parents[3] / "templates" / "gujiao_gmop.csv"
STEP = 0.05
CBC_SKIP = pytest.mark.skipif(not cbc_runs(), reason="PuLP with its bundled CBC binary is not runnable here")


def problem_3(seed, alpha=0.5):
    """A random feasible 3-class problem whose bounds, total and red line lie on the STEP grid."""
    rng = np.random.default_rng(seed)
    while True:
        rows = [ClassRow(k + 1, econ=tuple(sorted(rng.integers(0, 100, 2).astype(float))),
                         eco=tuple(sorted(rng.integers(0, 100, 2).astype(float))),
                         bounds={"min_area": STEP * rng.integers(0, 60), "max_area": STEP * rng.integers(80, 200)},
                         ecological=k != 1) for k in range(3)]
        red = STEP * rng.integers(0, 150)
        p = build_problem(rows, ["1", "2", "3"], {}, 10.0, red, alpha=alpha)
        try:
            check_feasible(p)
            return p
        except InputError:
            continue


def brute_force(p, scenario, weight=0.5):
    """Best allocation over the STEP grid: x1, x2 enumerated, x3 = T − x1 − x2 (same rules as gmop.py)."""
    n = int(round(p.total / STEP))
    i, j = np.meshgrid(np.arange(n + 1), np.arange(n + 1), indexing="ij")
    x = np.stack([i * STEP, j * STEP, (n - i - j) * STEP], axis=-1).reshape(-1, 3)
    tol = 1e-9
    ok = (x >= p.lower - tol).all(axis=1) & (x <= p.upper + tol).all(axis=1)
    ok &= x[:, p.ecological].sum(axis=1) >= p.red_line - tol
    x = x[ok]
    f1, f2 = x @ p.econ, x @ p.eco

    def lexicographic(first, second):
        keep = first >= first.max() - 1e-9
        k = np.flatnonzero(keep)[np.argmax(second[keep])]
        return k
    k_econ, k_eco = lexicographic(f1, f2), lexicographic(f2, f1)
    if scenario == "economic":
        return x, x[k_econ] @ p.econ, x[k_econ] @ p.eco, f1, f2
    if scenario == "ecological":
        return x, x[k_eco] @ p.econ, x[k_eco] @ p.eco, f1, f2
    r1, r2 = f1[k_econ] - f1[k_eco], f2[k_eco] - f2[k_econ]
    score = np.zeros(len(x))
    if r1 > 1e-9:
        score += weight * (f1 - f1[k_eco]) / r1
    if r2 > 1e-9:
        score += (1 - weight) * (f2 - f2[k_econ]) / r2
    return x, score.max(), None, score, None


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("scenario", ["economic", "ecological", "coordinated"])
def test_gmop_lp_equals_brute_force_on_three_classes(seed, scenario):
    p = problem_3(seed, alpha=0.3)
    solution = solve_gmop(p, scenario, 0.4 if scenario == "coordinated" else 0.5)
    x = solution.x
    assert x.sum() == pytest.approx(p.total, abs=1e-9)
    assert (x >= p.lower - 1e-9).all() and (x <= p.upper + 1e-9).all()
    assert x[p.ecological].sum() >= p.red_line - 1e-7
    grid_x, best1, best2, f1, f2 = brute_force(p, scenario, 0.4)
    if scenario == "coordinated":
        r1 = solution.payoff["f1_best"] - solution.payoff["f1_worst"]
        r2 = solution.payoff["f2_best"] - solution.payoff["f2_worst"]
        score = (0.4 * (solution.economic - solution.payoff["f1_worst"]) / r1 if r1 > 1e-9 else 0) + \
                (0.6 * (solution.ecological - solution.payoff["f2_worst"]) / r2 if r2 > 1e-9 else 0)
        assert score == pytest.approx(best1, abs=1e-7)
    else:
        assert solution.economic == pytest.approx(best1, rel=1e-9, abs=1e-6)
        assert solution.ecological == pytest.approx(best2, rel=1e-9, abs=1e-6)


def test_whitening_moves_between_lower_and_upper_coefficients():
    rows = [ClassRow(1, econ=(10.0, 30.0), eco=(1.0, 3.0)), ClassRow(2, econ=(0.0, 0.0), eco=(5.0, 5.0))]
    for alpha, econ in ((0.0, 10.0), (0.5, 20.0), (1.0, 30.0)):
        p = build_problem(rows, ["1", "2"], {}, 4.0, alpha=alpha)
        assert p.econ[0] == econ
        assert solve_gmop(p, "economic").economic == pytest.approx(4 * econ)


@CBC_SKIP
@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("scenario", ["economic", "ecological", "coordinated"])
def test_highs_and_cbc_give_the_same_optimum(seed, scenario):
    rng = np.random.default_rng(100 + seed)
    rows = [ClassRow(k + 1, econ=(float(rng.integers(0, 500)),) * 2, eco=(float(rng.integers(0, 500)),) * 2,
                     bounds={"min_pct": 80.0, "max_pct": 130.0}, ecological=bool(k % 2)) for k in range(7)]
    later = {k + 1: float(rng.integers(10, 100)) for k in range(7)}
    total = sum(later.values())
    labels = [str(k + 1) for k in range(7)]
    reachable = ecological_range(build_problem(rows, labels, later, total))[1]
    p = build_problem(rows, labels, later, total, 0.9 * reachable)     # a red line that binds often
    highs, cbc = solve_gmop(p, scenario, solver="highs"), solve_gmop(p, scenario, solver="cbc")
    assert cbc.economic == pytest.approx(highs.economic, rel=1e-7)
    assert cbc.ecological == pytest.approx(highs.ecological, rel=1e-7)
    assert cbc.x == pytest.approx(highs.x, abs=1e-5 * total)


def rows_with(bounds, ecological=(False, False, False)):
    return [ClassRow(k + 1, econ=(1.0 + k, 1.0 + k), eco=(3.0 - k, 3.0 - k), bounds=b, ecological=e)
            for k, (b, e) in enumerate(zip(bounds, ecological))]


def test_lower_bounds_above_the_total_give_the_arithmetic_and_the_range():
    p = build_problem(rows_with([{"min_area": 5}, {"min_area": 4}, {"min_area": 3}]), ["1 (a)", "2 (b)", "3 (c)"],
                      {}, 10.0)
    with pytest.raises(InputError) as error:
        solve_gmop(p, "economic")
    message = str(error.value)
    assert "the lower bounds add up to 5 + 4 + 3 = 12 km², more than the total area 10 km² by 2 km²" in message
    assert "largest: class 1 (a) 5 km² (min_area 5)" in message
    assert "Achievable: total area between 12 km² and 30 km²" in message
    assert "土地需求约束无法同时满足" in message


def test_upper_bounds_below_the_total_give_the_shortfall():
    p = build_problem(rows_with([{"max_area": 2}, {"max_area": 3}, {"max_pct": 50}]), ["1", "2", "3"],
                      {3: 6.0}, 10.0)
    with pytest.raises(InputError, match=r"the upper bounds add up to 2 \+ 3 \+ 3 = 8 km², less than the total area "
                                         r"10 km² by 2 km².*class 3 3 km² \(max_pct 50 % of 6\)"):
        check_feasible(p)


def test_red_line_out_of_reach_names_the_bounds_to_move():
    p = build_problem(rows_with([{"max_area": 3}, {"min_area": 5}, {}], (True, False, True)), ["1", "2", "3"],
                      {}, 10.0, red_line_area=6.0)
    with pytest.raises(InputError) as error:
        check_feasible(p)
    message = str(error.value)
    assert "can reach at most min(Σ upper bounds of the ecological classes 13 km², total 10 km² − Σ lower bounds " \
           "of the other classes 5 km²) = 5 km², less than the red line 6 km² by 1 km²" in message
    assert "ecological land between 0 km² and 5 km²" in message


def test_crossed_class_bounds_are_named():
    p = build_problem(rows_with([{"min_area": 4, "max_area": 3}, {}, {}]), ["1 (forest)", "2", "3"], {}, 10.0)
    with pytest.raises(InputError, match=r"class 1 \(forest\): the lower bound 4 km² \(min_area 4\) is above the "
                                         r"upper bound 3 km² \(max_area 3\) by 1 km²"):
        check_feasible(p)


# ------------------------------------------------------------------ through the maps and tables
CELL = 100.0
GRID = Grid((500000.0, CELL, 0.0, 3800000.0, 0.0, -CELL), epsg_wkt(4545), 10, 10)


def write_table(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def small_map(tmp_path):
    land = np.ones(GRID.shape, np.uint8)
    land[:, 4:] = 2
    land[:, 8:] = 3
    return write_raster(tmp_path / "lu.tif", land, GRID, 0)


TABLE = ("class,name,econ_lower,econ_upper,eco_lower,eco_upper,min_area,max_area,min_pct,max_pct,ecological\n"
         "1,forest,1,1,10,10,,,90,,1\n2,crop,5,5,2,2,,0.35,,,0\n3,urban,20,20,0,0,,,,150,0\n")


def test_demand_table_on_a_map_sums_to_its_cells(tmp_path):
    table = write_table(tmp_path / "coef.csv", TABLE)
    result = gmop_land_demand(small_map(tmp_path), table, "economic", later_name="lu")
    by_class = {row["class"]: row for row in result.rows}
    # 1 km² region: urban up to 150 % (0.3 km²), forest down to 90 % of 0.4 (0.36), crop the rest (0.34 < 0.35 cap)
    assert [by_class[k]["area_km2"] for k in (1, 2, 3)] == pytest.approx([0.36, 0.34, 0.3], abs=1e-12)
    assert [by_class[k]["cells"] for k in (1, 2, 3)] == [36, 34, 30]
    assert by_class[3]["change_km2"] == pytest.approx(0.1) and by_class[3]["change_pct"] == pytest.approx(50.0)
    assert by_class[1]["area_ha"] == pytest.approx(36.0) and by_class[1]["lower_km2"] == pytest.approx(0.36)


def test_table_codes_missing_from_the_map_are_refused(tmp_path):
    table = write_table(tmp_path / "coef.csv", TABLE + "7,bare,0,0,1,1,,,,,0\n")
    with pytest.raises(InputError, match="lists class code\\(s\\) 7 that do not occur in 'lu' "
                                         "\\(its codes are 1, 2, 3\\)"):
        gmop_land_demand(small_map(tmp_path), table, later_name="lu")


def test_map_codes_missing_from_the_table_are_refused(tmp_path):
    table = write_table(tmp_path / "coef.csv", "\n".join(TABLE.splitlines()[:3]) + "\n")
    with pytest.raises(InputError, match="'lu' holds class code\\(s\\) 3 that the coefficient table"):
        gmop_land_demand(small_map(tmp_path), table, later_name="lu")


def test_template_reads_with_nine_classes_and_grey_ranges():
    rows = read_coefficients(TEMPLATE)
    assert [row.code for row in rows] == list(range(1, 10))
    assert all(row.econ[0] <= row.econ[1] and row.eco[0] <= row.eco[1] for row in rows)
    assert [row.code for row in rows if row.ecological] == [1, 2, 3, 8, 9]


def test_bad_table_cells_are_named(tmp_path):
    table = write_table(tmp_path / "coef.csv", TABLE.replace("1,forest,1,1", "1,forest,x,1"))
    with pytest.raises(InputError, match="Coefficient table row 2, econ_lower: 'x' is not a number"):
        read_coefficients(table)


def test_total_area_changes_areas_not_cells(tmp_path):
    table = write_table(tmp_path / "coef.csv", TABLE)
    result = gmop_land_demand(small_map(tmp_path), table, "ecological", total_area=2.0, later_name="lu")
    assert sum(row["area_km2"] for row in result.rows) == pytest.approx(2.0)
    assert sum(row["cells"] for row in result.rows) == 100
    assert any("TOTAL_AREA" in note for note in result.notes)


def test_every_scenario_is_on_the_pareto_front():
    """No grid allocation beats a scenario's answer in both objectives (weighted sums give supported points)."""
    p = problem_3(11)
    x, *_ = brute_force(p, "economic")
    for scenario, weight in itertools.product(["economic", "ecological", "coordinated"], [0.2, 0.8]):
        s = solve_gmop(p, scenario, weight)
        dominated = (x @ p.econ > s.economic + 1e-6) & (x @ p.eco > s.ecological + 1e-6)
        assert not dominated.any()
