"""Grey multi-objective programming (GMOP) of land demand (spec ``prioritization.md`` §7.3).

Decision variables x_k = area (km²) of land-use class k in the target year. Two objectives,

    f₁ = Σ_k a_k x_k   (economic output, e.g. 10⁴ yuan per km²),
    f₂ = Σ_k e_k x_k   (ecosystem-service value, e.g. equivalent-factor values per km²),

with **grey coefficients** ⊗a_k ∈ [a_k⁻, a_k⁺], ⊗e_k ∈ [e_k⁻, e_k⁺] (a range, typically from GM(1,1)
forecasts) whitened with one coefficient α ∈ [0, 1]: a_k = a_k⁻ + α(a_k⁺ − a_k⁻) (α = 0 the lower,
0.5 the middle, 1 the upper scenario value). Constraints:

* total: Σ_k x_k = T (the region: the later map's area, or ``TOTAL_AREA``);
* per-class bounds l_k ≤ x_k ≤ u_k: absolute (``min_area``/``max_area``, km²) and/or relative to the
  class's area in the later map (``min_pct``/``max_pct``, %), the tighter one applying; with a red-line
  layer also x_k ≥ the class's area inside the red line (red-line cells never change in the simulation);
* red line: Σ_{k ecological} x_k ≥ R (the protected area: ``RED_LINE_AREA`` or the red-line polygons'
  area in the region).

Scenarios (the usual three of GMOP studies):

* **economic priority**: max f₁; among its optima max f₂ (lexicographic: f₁ kept at its optimum, within the
  solver's round-off, so the answer is unique in f₂);
* **ecological priority**: max f₂; among its optima max f₁;
* **coordinated**: max w·(f₁ − f₁⁻)/(f₁* − f₁⁻) + (1 − w)·(f₂ − f₂⁻)/(f₂* − f₂⁻), each objective
  normalised to [0, 1] over the **payoff table** of the two priority solutions (f* its best value, f⁻ its
  value at the other objective's optimum — the ideal and nadir points; Miettinen 1999, *Nonlinear
  Multiobjective Optimization*, §2.4), with w = ``ECONOMIC_WEIGHT`` (default 0.5). An objective whose
  range is zero (no conflict) is left out. A weighted sum of linear objectives returns a vertex of the
  feasible polytope (a supported Pareto point), so small weight changes can leave the answer unchanged
  and then jump; the satisfaction degrees (f − f⁻)/(f* − f⁻) are reported for every scenario.

The constraints are a box, one equality and one covering row, so feasibility is decided exactly before
solving (:func:`check_feasible`): l_k ≤ u_k, Σl ≤ T ≤ Σu, and the largest ecological area
min(Σ_E u, T − Σ_N l) ≥ R. The error states the arithmetic, the achievable range and the bounds to move.
"""
import csv
import io
import math
from dataclasses import dataclass, field

import numpy as np

from ..io.textfile import read_text
from ..runtime.errors import InputError
from .lp_solvers import InfeasibleError, solve_lp

#: ``SCENARIO`` enum order of ``ecosecurity:landdemand``.
SCENARIOS = ("economic", "ecological", "coordinated")
COLUMNS = ("class", "name", "econ_lower", "econ_upper", "eco_lower", "eco_upper", "min_area", "max_area",
           "min_pct", "max_pct", "ecological")
BOUND_COLUMNS = ("min_area", "max_area", "min_pct", "max_pct")
ALIASES = {"code": "class", "value": "class", "econ": "econ_lower+upper", "eco": "eco_lower+upper",
           "economic_lower": "econ_lower", "economic_upper": "econ_upper",
           "ecological_lower": "eco_lower", "ecological_upper": "eco_upper"}
#: Relative slack on the first objective while the second is maximised: none, or, only when the solver
#: finds the second stage infeasible because its printed first optimum is a hair too high (CBC's solution
#: file has about 10 significant digits), the next one.
LEXICOGRAPHIC_TOLERANCES = (0.0, 1e-9, 1e-7, 1e-5)
YES = {"1", "yes", "y", "true", "是", "x"}
NO = {"", "0", "no", "n", "false", "否"}


@dataclass
class ClassRow:
    code: int
    name: str = ""
    econ: tuple = (math.nan, math.nan)
    eco: tuple = (math.nan, math.nan)
    bounds: dict = field(default_factory=dict)    # min_area, max_area, min_pct, max_pct (absent = none)
    ecological: bool = False


def _records(path, what):
    text = read_text(path, what)
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if not reader.fieldnames:
        raise InputError(f"The {what} '{path}' has no header row. / 表格缺少表头。")
    columns = [ALIASES.get(name.strip().lower(), name.strip().lower()) for name in reader.fieldnames]
    return columns, [dict(zip(columns, (record.get(name) for name in reader.fieldnames))) for record in reader]


def _number(text, where):
    text = (text or "").strip()
    if text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{where}: '{text}' is not a number. / {where}：“{text}”不是数值。") from None
    if not math.isfinite(value):
        raise InputError(f"{where}: '{text}' is not a finite number. / {where}：“{text}”不是有限数值。")
    return value


def _code(text, where):
    value = _number(text, where)
    if value is None or value != int(value):
        raise InputError(f"{where}: the class code '{text}' is not a whole number. / {where}：地类代码须为整数。")
    return int(value)


def _bounds(record, where):
    bounds = {}
    for column in BOUND_COLUMNS:
        value = _number(record.get(column), f"{where}, {column}")
        if value is not None:
            if value < 0:
                raise InputError(f"{where}: {column} = {value:g} is negative. / {where}：{column} 不能为负。")
            bounds[column] = value
    return bounds


def read_coefficients(path):
    """:class:`ClassRow` per class of a GMOP coefficient table (columns :data:`COLUMNS`, ``#`` comments;
    ``econ``/``eco`` alone mean a white coefficient)."""
    columns, records = _records(path, "coefficient table (COEFFICIENTS)")
    if "class" not in columns:
        raise InputError(f"The coefficient table '{path}' needs a column 'class' (the land-use code); its columns are "
                         f"{', '.join(columns)}. / 系数表缺少“class”（地类代码）列。")
    known = set(COLUMNS) | {"econ_lower+upper", "eco_lower+upper"}
    unknown = [name for name in columns if name not in known]
    if unknown:
        raise InputError(f"The coefficient table '{path}' has unknown column(s) {', '.join(unknown)}; the columns are "
                         f"{', '.join(COLUMNS)}. / 系数表含未知列：{', '.join(unknown)}。")
    rows, seen = [], set()
    for number, record in enumerate(records, start=2):
        where = f"Coefficient table row {number}"
        code = _code(record.get("class"), where)
        if code in seen:
            raise InputError(f"{where}: class {code} is listed twice. / {where}：地类 {code} 重复。")
        seen.add(code)
        row = ClassRow(code, (record.get("name") or "").strip(), bounds=_bounds(record, where))
        for key in ("econ", "eco"):
            both = _number(record.get(f"{key}_lower+upper"), f"{where}, {key}")
            lower = _number(record.get(f"{key}_lower"), f"{where}, {key}_lower")
            upper = _number(record.get(f"{key}_upper"), f"{where}, {key}_upper")
            lower = both if lower is None else lower
            upper = lower if upper is None else upper
            lower = upper if lower is None else lower
            if lower is None:
                raise InputError(f"{where} (class {code}): no {key} coefficient; fill in {key}_lower and "
                                 f"{key}_upper. / {where}（地类 {code}）缺少{'经济' if key == 'econ' else '生态'}效益系数。")
            if lower > upper:
                raise InputError(f"{where} (class {code}): {key}_lower {lower:g} is above {key}_upper {upper:g}. "
                                 f"/ {where}（地类 {code}）：系数下限大于上限。")
            setattr(row, key, (lower, upper))
        flag = (record.get("ecological") or "").strip().lower()
        if flag not in YES | NO:
            raise InputError(f"{where} (class {code}): ecological = '{flag}'; write 1 (ecological land) or 0. "
                             f"/ {where}：ecological 列应为 1（生态用地）或 0。")
        row.ecological = flag in YES
        rows.append(row)
    if not rows:
        raise InputError(f"The coefficient table '{path}' has no class row. / 系数表没有地类行。")
    return sorted(rows, key=lambda row: row.code)


def read_bounds(path):
    """``{code: {min_area, max_area, min_pct, max_pct}}`` from a bounds table (replaces the coefficient
    table's bounds of the classes it lists)."""
    columns, records = _records(path, "bounds table (BOUNDS)")
    if "class" not in columns or not set(columns) & set(BOUND_COLUMNS):
        raise InputError(f"The bounds table '{path}' needs the column 'class' and at least one of "
                         f"{', '.join(BOUND_COLUMNS)}; its columns are {', '.join(columns)}. "
                         "/ 约束表需要“class”列及 min_area、max_area、min_pct、max_pct 之一。")
    result = {}
    for number, record in enumerate(records, start=2):
        where = f"Bounds table row {number}"
        result[_code(record.get("class"), where)] = _bounds(record, where)
    return result


def whiten(interval, alpha):
    """a⁻ + α(a⁺ − a⁻)."""
    lower, upper = interval
    return lower + alpha * (upper - lower)


@dataclass
class GmopProblem:
    codes: list
    labels: list                  # "3 (草地)" per class, for messages
    econ: np.ndarray              # whitened a_k
    eco: np.ndarray               # whitened e_k
    lower: np.ndarray             # l_k (km²)
    upper: np.ndarray             # u_k (km²)
    lower_why: list               # the rule that set each bound, for messages
    upper_why: list
    ecological: np.ndarray        # bool per class
    total: float                  # T (km²)
    red_line: float = 0.0         # R (km²)


def build_problem(rows, labels, later_km2, total, red_line_area=0.0, frozen_km2=None, alpha=0.5):
    """:class:`GmopProblem` from the table rows (ordered by code), the later areas and the red line."""
    frozen_km2 = frozen_km2 or {}
    lower, upper, lower_why, upper_why = [], [], [], []
    for row, label in zip(rows, labels):
        now = later_km2.get(row.code, 0.0)
        low = [(0.0, "0")]
        high = [(total, f"the total area {total:.4g}")]
        b = row.bounds
        if "min_area" in b:
            low.append((b["min_area"], f"min_area {b['min_area']:g}"))
        if "min_pct" in b:
            low.append((b["min_pct"] / 100 * now, f"min_pct {b['min_pct']:g} % of {now:.4g}"))
        if frozen_km2.get(row.code, 0.0) > 0:
            low.append((frozen_km2[row.code], f"{frozen_km2[row.code]:.4g} inside the red line"))
        if "max_area" in b:
            high.append((b["max_area"], f"max_area {b['max_area']:g}"))
        if "max_pct" in b:
            high.append((b["max_pct"] / 100 * now, f"max_pct {b['max_pct']:g} % of {now:.4g}"))
        value, why = max(low, key=lambda item: item[0])
        lower.append(value)
        lower_why.append(why)
        value, why = min(high, key=lambda item: item[0])
        upper.append(value)
        upper_why.append(why)
    return GmopProblem([row.code for row in rows], list(labels),
                       np.array([whiten(row.econ, alpha) for row in rows]),
                       np.array([whiten(row.eco, alpha) for row in rows]),
                       np.array(lower), np.array(upper), lower_why, upper_why,
                       np.array([row.ecological for row in rows]), float(total), float(red_line_area or 0.0))


def _km2(value):
    return f"{value:.4f}".rstrip("0").rstrip(".") + " km²"


def check_feasible(problem):
    """Raise one :class:`InputError` listing every violated constraint with its arithmetic, the
    achievable range and the bounds that would have to move; return nothing when feasible."""
    p = problem
    tol = 1e-9 * max(1.0, p.total)
    problems = []
    for k in np.flatnonzero(p.lower > p.upper + tol):
        problems.append(f"class {p.labels[k]}: the lower bound {_km2(p.lower[k])} ({p.lower_why[k]}) is above the "
                        f"upper bound {_km2(p.upper[k])} ({p.upper_why[k]}) by {_km2(p.lower[k] - p.upper[k])}; "
                        "raise the upper or lower the lower bound")
    low_sum, high_sum = p.lower.sum(), p.upper.sum()
    terms = " + ".join(f"{p.lower[k]:.4g}" for k in range(len(p.codes)))
    if low_sum > p.total + tol:
        order = np.argsort(-p.lower)[:3]
        problems.append(
            f"the lower bounds add up to {terms} = {_km2(low_sum)}, more than the total area {_km2(p.total)} by "
            f"{_km2(low_sum - p.total)}: lower them by at least that much in total (largest: "
            + ", ".join(f"class {p.labels[k]} {_km2(p.lower[k])} ({p.lower_why[k]})" for k in order) + ")")
    if high_sum < p.total - tol:
        terms = " + ".join(f"{p.upper[k]:.4g}" for k in range(len(p.codes)))
        order = np.argsort(p.upper)[:3]
        problems.append(
            f"the upper bounds add up to {terms} = {_km2(high_sum)}, less than the total area {_km2(p.total)} by "
            f"{_km2(p.total - high_sum)}: raise them by at least that much in total (smallest: "
            + ", ".join(f"class {p.labels[k]} {_km2(p.upper[k])} ({p.upper_why[k]})" for k in order) + ")")
    eco_low, eco_high = ecological_range(p)
    if p.red_line > 0:
        if not p.ecological.any():
            problems.append(f"a red line of {_km2(p.red_line)} is given but no class is marked ecological "
                            "(column 'ecological' = 1 in the coefficient table)")
        elif eco_high < p.red_line - tol:
            eco_upper = p.upper[p.ecological].sum()
            others_lower = p.lower[~p.ecological].sum()
            problems.append(
                f"the ecological land ({', '.join(p.labels[k] for k in np.flatnonzero(p.ecological))}) can reach at "
                f"most min(Σ upper bounds of the ecological classes {_km2(eco_upper)}, total {_km2(p.total)} − Σ "
                f"lower bounds of the other classes {_km2(others_lower)}) = {_km2(eco_high)}, less than the red "
                f"line {_km2(p.red_line)} by {_km2(p.red_line - eco_high)}: raise the upper bounds of the "
                "ecological classes, lower the lower bounds of the other classes, or check the red-line area")
    if problems:
        raise InputError(
            "The land-demand constraints cannot all hold: " + "; ".join(problems) + ". Achievable: total area "
            f"between {_km2(low_sum)} and {_km2(high_sum)} (Σ lower … Σ upper bounds); ecological land between "
            f"{_km2(eco_low)} and {_km2(eco_high)}. "
            "/ 土地需求约束无法同时满足（见上文的计算）：可达总面积 "
            f"{low_sum:.4g}–{high_sum:.4g} km²，可达生态用地 {eco_low:.4g}–{eco_high:.4g} km²；"
            "请调整上文列出的上下限或生态红线面积。")


def ecological_range(problem):
    """(smallest, largest) ecological area compatible with the bounds and the total (ignoring the red line)."""
    p = problem
    eco, other = p.ecological, ~p.ecological
    low = max(p.lower[eco].sum(), p.total - p.upper[other].sum())
    high = min(p.upper[eco].sum(), p.total - p.lower[other].sum())
    return float(low), float(high)


@dataclass
class GmopSolution:
    x: np.ndarray                 # km² per class
    economic: float               # f₁
    ecological: float             # f₂
    payoff: dict                  # f1_best, f1_worst, f2_best, f2_worst
    satisfaction: tuple           # ((f₁ − f₁⁻)/(f₁* − f₁⁻), (f₂ − f₂⁻)/(f₂* − f₂⁻)); 1 for a zero range
    scenario: str
    weight: float
    notes: list = field(default_factory=list)


def _constraints(p):
    a_ub = b_ub = None
    if p.red_line > 0:
        a_ub, b_ub = [-p.ecological.astype(float)], [-p.red_line]
    return a_ub, b_ub


def _lexicographic(p, first, second, solver):
    """max ``first``·x, then max ``second``·x keeping ``first``·x at its optimum."""
    a_ub, b_ub = _constraints(p)
    ones = [np.ones(len(p.codes))]
    best = solve_lp(first, p.lower, p.upper, a_ub, b_ub, ones, [p.total], True, solver).value
    rows = ([] if a_ub is None else list(a_ub)) + [-np.asarray(first)]
    for tolerance in LEXICOGRAPHIC_TOLERANCES:
        rhs = ([] if b_ub is None else list(b_ub)) + [-(best - tolerance * max(1.0, abs(best)))]
        try:
            return solve_lp(second, p.lower, p.upper, rows, rhs, ones, [p.total], True, solver).x
        except InfeasibleError:   # the first optimum as printed by the solver is a hair too high
            continue
    raise InfeasibleError("The second stage of the lexicographic optimisation failed. / 字典序优化第二阶段失败。")


def _degree(value, worst, span, tiny):
    """(f − f⁻)/(f* − f⁻) in [0, 1], rounded to 1e-9 (solver round-off); 1 when the range is zero."""
    return 1.0 if span <= tiny else round(min(max((value - worst) / span, 0.0), 1.0), 9)


def solve_gmop(problem, scenario="coordinated", economic_weight=0.5, solver="highs"):
    """:class:`GmopSolution` of a checked problem for one of :data:`SCENARIOS`."""
    if scenario not in SCENARIOS:
        raise InputError(f"Unknown scenario '{scenario}'; use one of {', '.join(SCENARIOS)}. / 未知情景。")
    if not 0.0 <= economic_weight <= 1.0:
        raise InputError(f"ECONOMIC_WEIGHT = {economic_weight:g} must lie in [0, 1]. / 经济权重须在 0–1 之间。")
    check_feasible(problem)
    p = problem
    x_econ = _lexicographic(p, p.econ, p.eco, solver)
    x_eco = _lexicographic(p, p.eco, p.econ, solver)
    payoff = {"f1_best": float(p.econ @ x_econ), "f2_worst": float(p.eco @ x_econ),
              "f1_worst": float(p.econ @ x_eco), "f2_best": float(p.eco @ x_eco)}
    range1 = payoff["f1_best"] - payoff["f1_worst"]
    range2 = payoff["f2_best"] - payoff["f2_worst"]
    tiny1 = 1e-9 * max(1.0, abs(payoff["f1_best"]))
    tiny2 = 1e-9 * max(1.0, abs(payoff["f2_best"]))
    notes = []
    if scenario == "economic":
        x = x_econ
    elif scenario == "ecological":
        x = x_eco
    else:
        c = np.zeros(len(p.codes))
        if range1 > tiny1:
            c += economic_weight * p.econ / range1
        if range2 > tiny2:
            c += (1.0 - economic_weight) * p.eco / range2
        if not c.any():
            notes.append("The two objectives do not conflict under these constraints: the economic and ecological "
                         "priority solutions coincide. / 两个目标在此约束下不冲突，经济优先与生态优先的解相同。")
            x = x_econ
        else:
            a_ub, b_ub = _constraints(p)
            x = solve_lp(c, p.lower, p.upper, a_ub, b_ub, [np.ones(len(p.codes))], [p.total], True, solver).x
    x = np.clip(x, p.lower, p.upper)      # solver round-off (≈1e-9) never leaves the bounds
    f1, f2 = float(p.econ @ x), float(p.eco @ x)
    satisfaction = (_degree(f1, payoff["f1_worst"], range1, tiny1), _degree(f2, payoff["f2_worst"], range2, tiny2))
    return GmopSolution(x, f1, f2, payoff, satisfaction, scenario, economic_weight, notes)
