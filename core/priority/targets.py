"""Scenario protection targets (seed paper; spec ``prioritization.md`` §2): protect a fraction X_k of
each space k so that Σ_k A_k·X_k = f·A_base with LOWER_k ≤ X_k ≤ UPPER_k.

* Feasibility first: Σ A_k·LOWER_k ≤ f·A_base ≤ Σ A_k·UPPER_k, else one error with the arithmetic, the
  achievable range and the bound that would have to move.
* Grid: every space but the last (highest code) runs over LOWER_k + i·STEP ≤ UPPER_k (i whole, the
  upper bound included when on the grid within 1e-9); the last one's share is solved,
  X_last = (f·A_base − Σ_{k<last} A_k·X_k) / A_last, and kept when inside its bounds within 1e-9 — it
  need not be on the grid.
* Families: u_k = (X_k − LOWER_k)/(UPPER_k − LOWER_k) (0 for a fixed space); a group is "k-first" when
  u_k is the largest, ties going to the lower code (production 1, living 2, ecological 3), so the
  families partition the groups.
"""
from dataclasses import dataclass

import numpy as np

from ..runtime.errors import InputError
from ..runtime.memory import check_memory
from ..runtime.progress import ensure

TOLERANCE = 1e-9
#: Grid points of the enumerated spaces allowed in one run (a larger STEP or narrower bounds fit).
MAX_GRID_POINTS = 2_000_000
_CHUNK = 1 << 18
SPACE_NAMES = {1: ("production space", "生产空间"), 2: ("living space", "生活空间"), 3: ("ecological space", "生态空间")}
FAMILY_NAMES = {1: "production-first", 2: "living-first", 3: "ecology-first"}


def space_name(code, chinese=False):
    """``production space`` … for codes 1–3, ``space <c>`` otherwise."""
    names = SPACE_NAMES.get(code, (f"space {code}", f"空间 {code}"))
    return names[1] if chinese else names[0]


def family_name(code):
    """``production-first`` … for codes 1–3, ``space <c>-first`` otherwise."""
    return FAMILY_NAMES.get(code, f"space {code}-first")


@dataclass
class TargetProblem:
    """Areas A_k (km², by space code), the base area A_base (km²), the fraction f, the bounds
    (fractions 0–1, by code) and the grid step."""
    areas: dict
    base: float
    fraction: float
    lower: dict
    upper: dict
    step: float

    @property
    def codes(self):
        return sorted(self.areas)

    @property
    def target(self):
        return self.fraction * self.base


@dataclass
class TargetGroups:
    """``fractions``: groups × spaces (code order); ``families``: the code each group puts first;
    ``grid_points``: the points enumerated."""
    problem: TargetProblem
    fractions: np.ndarray
    families: np.ndarray
    grid_points: int


def grid_values(lower, upper, step):
    """LOWER + i·STEP for whole i while ≤ UPPER (+1e-9), built from integers so that no drift adds or
    drops the upper bound (0.22 … 0.25 by 0.01 → 4 values)."""
    count = int(np.floor((upper - lower + TOLERANCE) / step)) + 1
    return np.minimum(np.round(lower + step * np.arange(count), 12), upper)


def _pct(value):
    return f"{100 * value:.2f} %"


def _bound_moves(problem, short):
    """For each space, the one bound that reaches the target with the others at their nearest bounds."""
    side, other = (problem.upper, "upper") if short else (problem.lower, "lower")
    moves_en, moves_zh = [], []
    for code in problem.codes:
        rest = sum(problem.areas[c] * side[c] for c in problem.codes if c != code)
        needed = (problem.target - rest) / problem.areas[code]
        en, zh = space_name(code), space_name(code, True)
        if 0.0 <= needed <= 1.0:
            sign = "≥" if short else "≤"
            moves_en.append(f"the {other} bound of the {en} to {sign} {_pct(needed)} ({needed:.6f})")
            moves_zh.append(f"{zh}{'上' if short else '下'}限{'提高到' if short else '降低到'} {sign} {_pct(needed)}")
        else:
            moves_en.append(f"the {en} alone cannot (it would need {_pct(needed)})")
            moves_zh.append(f"仅调整{zh}不可行（需 {_pct(needed)}）")
    return moves_en, moves_zh


def check_problem(problem):
    """Raise :class:`InputError` for a fraction outside (0, 1], a base ≤ 0, a STEP outside (0, 1] or a
    LOWER above its UPPER."""
    if not 0 < problem.fraction <= 1:
        raise InputError(f"BASE_FRACTION {problem.fraction:g} must be in (0, 1], e.g. 0.38 for 38 % of the base. "
                         f"/ 基数比例 {problem.fraction:g} 须在 (0, 1] 之间，如 0.38。")
    if not problem.base > 0:
        raise InputError(f"The base area {problem.base:g} km² must be > 0 (BASE_AREA, or 0 for the whole region). "
                         f"/ 基数面积 {problem.base:g} km² 须大于 0。")
    if not 0 < problem.step <= 1:
        raise InputError(f"STEP {problem.step:g} must be in (0, 1], e.g. 0.01 for steps of 1 %. "
                         f"/ 步长 {problem.step:g} 须在 (0, 1] 之间，如 0.01。")
    for code in problem.codes:
        if problem.lower[code] > problem.upper[code]:
            raise InputError(
                f"LOWER {problem.lower[code]:g} is above UPPER {problem.upper[code]:g} for the {space_name(code)} "
                f"(code {code}); swap them or correct the lists. / {space_name(code, True)}（代码 {code}）的下限 "
                f"{problem.lower[code]:g} 大于上限 {problem.upper[code]:g}，请更正。")


def check_feasible(problem):
    """Raise :class:`InputError` with the arithmetic when no X inside the bounds reaches f·A_base."""
    codes, areas, target = problem.codes, problem.areas, problem.target
    low = sum(areas[c] * problem.lower[c] for c in codes)
    high = sum(areas[c] * problem.upper[c] for c in codes)
    if low - TOLERANCE <= target <= high + TOLERANCE:
        return
    short = high < target
    side = problem.upper if short else problem.lower
    terms = [areas[c] * side[c] for c in codes]
    reach = high if short else low
    product = " + ".join(f"{areas[c]:.2f} × {_pct(side[c])}" for c in codes)
    sums = " + ".join(f"{t:.2f}" for t in terms)
    moves_en, moves_zh = _bound_moves(problem, short)
    last, others = codes[-1], codes[:-1]
    need_low = (target - sum(areas[c] * problem.upper[c] for c in others)) / areas[last]
    need_high = (target - sum(areas[c] * problem.lower[c] for c in others)) / areas[last]
    covered = sum(areas.values())
    note = "" if abs(covered - problem.base) <= 1e-6 * problem.base else (
        f" (The spaces cover {covered:.2f} km² of the base {problem.base:.2f} km².)")
    limit = "upper" if short else "lower"
    raise InputError(
        f"The bounds LOWER/UPPER admit no target group: the target is BASE_FRACTION × base = {problem.fraction:g} × "
        f"{problem.base:.2f} = {target:.2f} km², but with every space at its {limit} bound "
        f"{'at most' if short else 'at least'} {product} = {sums} = {reach:.2f} km² ({_pct(reach / problem.base)} of "
        f"the base) is protected, {abs(target - reach):.2f} km² {'short of' if short else 'above'} the target. "
        f"Achievable: [{low:.2f}, {high:.2f}] km² = [{_pct(low / problem.base)}, {_pct(high / problem.base)}] of the "
        f"base, i.e. a BASE_FRACTION between {low / problem.base:.4f} and {high / problem.base:.4f}.{note} To reach "
        f"the target, move one bound (the other spaces at their {limit} bounds): {'; '.join(moves_en)}. With the other "
        f"spaces inside their bounds, the {space_name(last)} would need X in [{_pct(need_low)}, {_pct(need_high)}] "
        f"(its bounds: {_pct(problem.lower[last])} – {_pct(problem.upper[last])})."
        f" / 上下限无解：目标面积 = 基数比例 × 基数面积 = {problem.fraction:g} × {problem.base:.2f} = {target:.2f} km²，"
        f"各空间取{'上' if short else '下'}限时{'最多' if short else '至少'}保护 {sums} = {reach:.2f} km²"
        f"（基数的 {_pct(reach / problem.base)}），{'不足' if short else '超出'} {abs(target - reach):.2f} km²。"
        f"可达范围 [{low:.2f}, {high:.2f}] km²（基数的 {_pct(low / problem.base)}–{_pct(high / problem.base)}），"
        f"即基数比例须在 {low / problem.base:.4f}–{high / problem.base:.4f} 之间；或（其余空间取{'上' if short else '下'}限）"
        f"{'；'.join(moves_zh)}；其余空间在上下限内时，{space_name(last, True)}需 X ∈ [{_pct(need_low)}, "
        f"{_pct(need_high)}]。")


def group_families(problem, fractions):
    """The code of the space each group protects furthest into its range (ties → lower code)."""
    codes = problem.codes
    lower = np.array([problem.lower[c] for c in codes])
    span = np.array([problem.upper[c] - problem.lower[c] for c in codes])
    reach = np.divide(fractions - lower, span, out=np.zeros_like(fractions), where=span > 0)
    return np.asarray(codes)[np.argmax(np.round(reach, 9), axis=1)]


def _no_group_error(problem, axes, closest):
    last = problem.codes[-1]
    point = ", ".join(f"X_{c} = {_pct(x)}" for c, x in zip(problem.codes[:-1], closest[1]))
    raise InputError(
        f"The target {problem.target:.2f} km² is within the achievable range, but no point of the grid (STEP "
        f"{problem.step:g}: {' × '.join(str(len(a)) for a in axes)} points) puts the {space_name(last)} inside its "
        f"bounds {_pct(problem.lower[last])} – {_pct(problem.upper[last])}; the closest, {point}, needs "
        f"X_{last} = {_pct(closest[2])}. Use a smaller STEP or widen the bounds of the {space_name(last)}. "
        f"/ 目标面积在可达范围内，但步长 {problem.step:g} 的网格上没有一个点使{space_name(last, True)}落在其上下限内"
        f"（最接近的点需 X_{last} = {_pct(closest[2])}），请减小步长或放宽该空间的上下限。")


def enumerate_groups(problem, progress=None):
    """All target groups of ``problem`` (feasibility checked first), as :class:`TargetGroups`."""
    progress = ensure(progress)
    check_problem(problem)
    check_feasible(problem)
    codes = problem.codes
    free, last = codes[:-1], codes[-1]
    axes = [grid_values(problem.lower[c], problem.upper[c], problem.step) for c in free]
    shape = tuple(len(a) for a in axes)
    count = int(np.prod(shape, dtype=np.int64))
    if count > MAX_GRID_POINTS:
        raise InputError(
            f"STEP {problem.step:g} gives {count:,} grid points ({' × '.join(map(str, shape))}) for the spaces "
            f"{', '.join(map(str, free))}, more than {MAX_GRID_POINTS:,}; use a larger STEP or narrower bounds. "
            f"/ 步长 {problem.step:g} 产生 {count:,} 个网格点，超过上限 {MAX_GRID_POINTS:,}，请增大步长或缩小上下限。")
    # the groups, then their table (X and km² per space, totals): at most 4·(spaces + 1) floats a point
    check_memory(count * 4 * (len(codes) + 1) * 8, f"Enumerating {count:,} scenario target grid points")
    area_free = np.array([problem.areas[c] for c in free])
    low, high = problem.lower[last], problem.upper[last]
    kept, closest = [], (np.inf, None, None)
    for start in range(0, count, _CHUNK):
        index = np.arange(start, min(start + _CHUNK, count))
        picks = np.unravel_index(index, shape) if axes else ()
        x_free = np.column_stack([a[p] for a, p in zip(axes, picks)]) if axes else np.zeros((1, 0))
        x_last = (problem.target - x_free @ area_free) / problem.areas[last]
        outside = np.maximum(np.maximum(low - x_last, x_last - high), 0.0)
        inside = outside <= TOLERANCE
        if not inside.any():
            nearest = int(np.argmin(outside))
            if outside[nearest] < closest[0]:
                closest = (outside[nearest], x_free[nearest], x_last[nearest])
        kept.append(np.column_stack([x_free[inside], np.clip(x_last[inside], low, high)]))
        progress.update(min(start + _CHUNK, count) / count, "Enumerating the target groups / 枚举目标组")
    fractions = np.concatenate(kept)
    if not len(fractions):
        _no_group_error(problem, axes, closest)
    return TargetGroups(problem, fractions, group_families(problem, fractions), count)


def by_family(groups, family=None):
    """The groups ordered by family (code order, enumeration order inside), only ``family`` (a space
    code) when given; an error when that family has no group."""
    order = np.argsort(groups.families, kind="stable")
    if family is not None:
        order = order[groups.families[order] == family]
        if not len(order):
            codes, counts = np.unique(groups.families, return_counts=True)
            found = ", ".join(f"{family_name(int(c))}: {n}" for c, n in zip(codes, counts))
            raise InputError(
                f"No {family_name(family)} group: the {len(groups.fractions)} groups are {found}. Choose another "
                f"PRIORITY (3 = all groups) or change the bounds. / 没有{space_name(family, True)}优先的目标组"
                f"（各组别数量：{found}），请选择其他优先方式（3 = 全部）或调整上下限。")
    return TargetGroups(groups.problem, groups.fractions[order], groups.families[order], groups.grid_points)
