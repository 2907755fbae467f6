"""The factor table of a graded weighted overlay, typed in a dialog or saved as CSV.

One row per factor, correction or override (columns in :data:`COLUMNS`; Chinese headers in
:data:`HEADER_ALIASES` are accepted too; see ``templates/README.md``):

* ``role`` — ``factor`` (default), ``correction`` (multiplies the result: ``classes`` maps raster
  values to coefficients, other values and NoData ×1; grading ``value`` uses the raster values
  as coefficients) or ``override`` (``classes`` maps raster values to a fixed output value or
  ``nodata``, e.g. ``8:nodata`` for impassable water);
* ``function`` — for the suitability evaluation only: ``production``, ``living`` or ``ecological``;
* ``factor`` — the name (matched, case-insensitively, against a weights table's ``criterion``);
* ``raster`` — a file path (relative paths are relative to the CSV) or a project layer name;
* ``band`` — 1 by default;
* ``grading`` — one of :data:`GRADINGS`:
  ``categorical`` (``classes`` = ``value:score`` pairs; a raster value without a pair is an
  error), ``ascending`` / ``descending`` (``classes`` = inner thresholds ``t1;…;tk-1``; class i
  holds ``t(i-1) < v ≤ t(i)``; scores default to 1…k or k…1 and must rise, resp. fall),
  a ``classifyraster`` method — ``natural_breaks``, ``quantile``, ``equal_interval``,
  ``geometric_interval``, ``std_dev`` — (``classes`` = number of classes; breaks from the
  factor's values), or ``value`` (the raster value itself is the score);
* ``scores`` — one score per class, for the lowest-value class first (``1;2;3;4;5`` or
  ``100;70;50;30;10``);
* ``weight`` — the factor's weight; empty to take it from a weights table;
* ``resampling`` — how the raster is brought onto the reference grid when it is not aligned
  (one of :data:`~.blockio.RESAMPLING`; default ``nearest`` for categorical grading, else ``bilinear``).

Lists inside a cell are separated by ``;`` (``,`` and spaces work too).
"""
import csv
import io
import math
import os
import re
from dataclasses import dataclass, field

from ..io.blockio import RESAMPLING
from ..io.textfile import read_text
from ..runtime.errors import InputError
from ..tools.classify import MAX_CLASSES, MIN_CLASSES

COLUMNS = ("role", "function", "factor", "raster", "band", "grading", "classes", "scores", "weight", "resampling")
ROLES = ("factor", "correction", "override")
FUNCTIONS = ("production", "living", "ecological")
CLASSIFY_METHODS = ("natural_breaks", "quantile", "equal_interval", "geometric_interval", "std_dev")
GRADINGS = ("categorical", "ascending", "descending") + CLASSIFY_METHODS + ("value",)
HEADER_ALIASES = {"角色": "role", "功能": "function", "因子": "factor", "栅格": "raster", "波段": "band",
                  "分级方式": "grading", "分级": "grading", "分级参数": "classes", "类别": "classes",
                  "分值": "scores", "赋值": "scores", "权重": "weight", "重采样": "resampling"}
FUNCTION_ALIASES = {"production": "production", "生产": "production", "living": "living", "生活": "living",
                    "ecological": "ecological", "ecology": "ecological", "生态": "ecological"}
NODATA_WORDS = ("nodata", "impassable", "barrier", "null", "无数据", "不可通行")


@dataclass
class Grading:
    """How a factor's raster values become scores (see the module docstring)."""
    method: str
    mapping: dict = field(default_factory=dict)
    thresholds: tuple = ()
    classes: int = 0
    scores: tuple = ()

    def describe(self):
        """Short text for the factor report."""
        if self.method == "categorical":
            return "; ".join(f"{_num(k)}:{_num(v)}" for k, v in sorted(self.mapping.items()))
        if self.method in ("ascending", "descending"):
            breaks = "; ".join(_num(t) for t in self.thresholds)
            return f"breaks {breaks} → scores {'; '.join(_num(s) for s in self.scores)}"
        if self.method in CLASSIFY_METHODS:
            return f"{self.method} {self.classes} classes → scores {'; '.join(_num(s) for s in self.scores)}"
        return "raster value"


@dataclass
class TableRow:
    """One parsed row of the factor table."""
    role: str
    name: str
    raster: str
    band: int
    grading: Grading
    weight: object
    resampling: str
    function: str = ""
    line: int = 0

    @property
    def key(self):
        """``(function, factor name)``: unique among the factor rows."""
        return self.function, self.name


def _num(value):
    return "nodata" if value is None else f"{value:g}"


def _items(text):
    return [item for item in re.split(r"[;,\s]+", str(text or "").strip()) if item]


def _number(text, where):
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise InputError(f"{where}: '{text}' is not a number. / {where}：'{text}' 不是数字。") from None
    if not math.isfinite(value):
        raise InputError(f"{where}: '{text}' is not a finite number. / {where}：'{text}' 不是有限的数字。")
    return value


def _whole(text, where, minimum=1):
    """A whole number ≥ ``minimum`` (a band, a number of classes)."""
    value = _number(text, where)
    if not value.is_integer() or value < minimum:
        raise InputError(f"{where}: '{text}' is not a whole number ≥ {minimum}. / {where}：'{text}' 不是 ≥ {minimum} "
                         "的整数。")
    return int(value)


def parse_weights_table(records, where="The weights table"):
    """``{criterion: weight}`` from ``(criterion, weight)`` records, the data rows of a weights table
    (row 1 = the first row under the header). Rows with an empty criterion or weight are skipped; a
    weight that is not a finite number ≥ 0 raises :class:`InputError` naming the row, the criterion,
    the column ``weight`` and the value."""
    table = {}
    for number, (criterion, weight) in enumerate(records, 1):
        if criterion is None or weight is None or str(criterion).strip() == "" or str(weight).strip() == "":
            continue
        if isinstance(weight, (int, float)) and not isinstance(weight, bool):
            value = float(weight)
        else:
            try:
                value = float(str(weight).strip())
            except ValueError:
                value = None
        if value is None or not math.isfinite(value) or value < 0:
            raise InputError(
                f"{where}, row {number} ('{criterion}'), column 'weight': '{weight}' is not a number ≥ 0. "
                "Correct the weight (e.g. 0.25) or leave it empty. "
                f"/ {where} 第 {number} 行（“{criterion}”）weight 列：'{weight}' 不是非负数字，请改正或留空。")
        table[str(criterion)] = value
    return table


def _pairs(text, where, allow_nodata=False):
    """``{value: number-or-None}`` from ``'1:5; 2:3; 8:nodata'``."""
    pairs = {}
    for entry in re.split(r"[;,]+", str(text or "")):
        entry = entry.strip()
        if not entry:
            continue
        parts = re.split(r"\s*[:=]\s*", entry)
        if len(parts) != 2:
            raise InputError(f"{where}: '{entry}' is not a 'value:score' pair, e.g. 1:5; 2:3. "
                             f"/ {where}：'{entry}' 应为“值:分值”。")
        key = _number(parts[0], where)
        if allow_nodata and parts[1].strip().lower() in NODATA_WORDS:
            value = None
        else:
            value = _number(parts[1], where)
        if key in pairs:
            raise InputError(f"{where}: value {key:g} is listed twice. / {where}：值 {key:g} 重复。")
        pairs[key] = value
    if not pairs:
        raise InputError(f"{where}: give the 'value:score' pairs in the classes column, e.g. 1:1; 2:3; 8:5. "
                         f"/ {where}：请在分级参数列填写“值:分值”。")
    return pairs


def parse_grading(method, classes, scores, where):
    """A validated :class:`Grading` from the ``grading``, ``classes`` and ``scores`` cells."""
    method = (method or "").strip().lower().replace(" ", "_").replace("-", "_")
    if method not in GRADINGS:
        raise InputError(f"{where}: unknown grading '{method}'; use one of {', '.join(GRADINGS)}. "
                         f"/ {where}：未知的分级方式。")
    score_list = tuple(_number(s, f"{where} scores") for s in _items(scores))
    if method == "categorical":
        if score_list:
            raise InputError(f"{where}: categorical grading takes its scores from the 'value:score' pairs; "
                             "leave the scores column empty. / 分类赋值请在分级参数列写“值:分值”，分值列留空。")
        return Grading(method, mapping=_pairs(classes, where))
    if method == "value":
        if _items(classes) or score_list:
            raise InputError(f"{where}: grading 'value' uses the raster values as scores; leave classes and scores "
                             "empty. / 'value' 方式直接使用栅格值，分级参数与分值应留空。")
        return Grading(method)
    if method in ("ascending", "descending"):
        thresholds = tuple(_number(t, f"{where} classes") for t in _items(classes))
        if not thresholds:
            raise InputError(f"{where}: give the class breaks in the classes column, e.g. 8;15;25;35. "
                             f"/ {where}：请填写分级断点。")
        if any(b <= a for a, b in zip(thresholds, thresholds[1:])):
            raise InputError(f"{where}: the breaks {'; '.join(_num(t) for t in thresholds)} must be strictly "
                             "ascending. / 分级断点必须严格递增。")
        k = len(thresholds) + 1
        default = tuple(float(s) for s in range(1, k + 1))
        chosen = score_list or (default if method == "ascending" else default[::-1])
        _check_count(chosen, k, where)
        steps = [b - a for a, b in zip(chosen, chosen[1:])]
        rising = method == "ascending"
        if any(step < 0 for step in steps) if rising else any(step > 0 for step in steps):
            raise InputError(f"{where}: grading '{method}' but the scores {'; '.join(_num(s) for s in chosen)} do not "
                             f"{'rise' if method == 'ascending' else 'fall'} with the value; fix the scores or the "
                             "grading. / 分值方向与分级方式不一致。")
        return Grading(method, thresholds=thresholds, scores=chosen)
    items = _items(classes)
    count = _whole(items[0], f"{where} classes") if items else 5
    if not MIN_CLASSES <= count <= MAX_CLASSES or len(items) > 1:
        raise InputError(f"{where}: '{classes}' — give the number of classes ({MIN_CLASSES}-{MAX_CLASSES}) for "
                         f"'{method}'. / 请填写分级数。")
    chosen = score_list or tuple(float(s) for s in range(1, count + 1))
    _check_count(chosen, count, where)
    return Grading(method, classes=count, scores=chosen)


def _check_count(scores, classes, where):
    if len(scores) != classes:
        raise InputError(f"{where}: {len(scores)} score(s) for {classes} classes; give one score per class. "
                         f"/ {where}：分值个数（{len(scores)}）与分级数（{classes}）不一致。")


def parse_rows(records, base_dir="", require_function=False):
    """:class:`TableRow` objects from dicts keyed by :data:`COLUMNS` (CSV rows or dialog rows)."""
    rows = []
    for line, record in enumerate(records, start=1):
        record = {key: ("" if value is None else str(value).strip()) for key, value in record.items()}
        if not any(record.values()):
            continue
        name = record.get("factor", "") or f"row {line}"
        where = f"Factor table, row {line} ('{name}')"
        role = (record.get("role") or "factor").lower()
        if role not in ROLES:
            raise InputError(f"{where}: unknown role '{role}'; use factor, correction or override. "
                             f"/ {where}：角色只能是 factor、correction 或 override。")
        raster = record.get("raster", "")
        if not raster:
            raise InputError(f"{where}: the raster column is empty; give a file path or a layer name. "
                             f"/ {where}：栅格列为空。")
        if base_dir and not os.path.isabs(raster) and os.path.exists(os.path.join(base_dir, raster)):
            raster = os.path.join(base_dir, raster)
        band = _whole(record.get("band") or "1", f"{where} band")
        weight = None
        if record.get("weight"):
            weight = _number(record["weight"], f"{where} weight")
            if weight < 0:
                raise InputError(f"{where}: the weight {weight:g} is negative. / 权重不能为负。")
        if role == "factor":
            grading = parse_grading(record.get("grading", ""), record.get("classes", ""), record.get("scores", ""),
                                    where)
        elif role == "correction":
            method = (record.get("grading") or "categorical").lower()
            if method == "value":
                grading = Grading("value")
            else:
                grading = Grading("categorical", mapping=_pairs(record.get("classes", ""), where))
                if any(v is None or v <= 0 for v in grading.mapping.values()):
                    raise InputError(f"{where}: correction coefficients must be positive (e.g. 1.2). "
                                     "/ 修正系数必须为正数。")
        else:
            grading = Grading("categorical", mapping=_pairs(record.get("classes", ""), where, allow_nodata=True))
            if any(v is not None and v <= 0 for v in grading.mapping.values()):
                raise InputError(f"{where}: an override value must be positive or 'nodata' (zero and negative "
                                 "resistance are not allowed). / 覆盖值必须为正数或 nodata。")
        resampling = (record.get("resampling") or "").lower() or (
            "nearest" if grading.method in ("categorical",) else "bilinear")
        if resampling not in RESAMPLING:
            raise InputError(f"{where}: unknown resampling '{resampling}'; use one of {', '.join(RESAMPLING)}. "
                             "/ 未知的重采样方法。")
        function = ""
        if require_function and role == "factor":
            function = FUNCTION_ALIASES.get(record.get("function", "").lower(), "")
            if not function:
                raise InputError(f"{where}: the function column must be production, living or ecological "
                                 f"(生产/生活/生态); got '{record.get('function', '')}'. / 功能列填写错误。")
        row = TableRow(role, name, raster, band, grading, weight, resampling, function, line)
        if role == "factor" and any(other.role == "factor" and other.key == row.key for other in rows):
            raise InputError(f"{where}: factor '{name}' appears twice{' in ' + function if function else ''}; "
                             "give each factor a distinct name. / 因子名称重复。")
        rows.append(row)
    if not any(row.role == "factor" for row in rows):
        raise InputError("The factor table has no factor row. / 因子表中没有因子。")
    return rows


def read_factor_csv(path, require_function=False):
    """:class:`TableRow` objects from a factor-table CSV (``#`` lines are comments)."""
    text = read_text(path, "factor table")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if not reader.fieldnames:
        raise InputError(f"'{path}' has no header row. / 因子表缺少表头。")
    columns = [HEADER_ALIASES.get(name.strip(), name.strip().lower()) for name in reader.fieldnames]
    unknown = [name for name in columns if name not in COLUMNS]
    if unknown:
        raise InputError(f"'{path}': unknown column(s) {', '.join(unknown)}; the columns are {', '.join(COLUMNS)}. "
                         "/ 因子表含未知列。")
    records = [dict(zip(columns, [record[name] for name in reader.fieldnames])) for record in reader]
    return parse_rows(records, os.path.dirname(os.path.abspath(str(path))), require_function)


def rows_from_matrix(values, headers=COLUMNS, require_function=False):
    """:class:`TableRow` objects from a flat list of cells (a Processing matrix parameter)."""
    width = len(headers)
    if len(values) % width:
        raise InputError(f"The factor table has {len(values)} cells, not a multiple of its {width} columns.")
    records = [dict(zip(headers, values[i:i + width])) for i in range(0, len(values), width)]
    return parse_rows(records, "", require_function)


def normalise_weights(rows, lookup=None, strict=False):
    """``({name: weight}, notes)`` for the factor rows; weights sum to 1.

    A factor without a weight takes ``lookup['function:name']`` or ``lookup[name]``
    (case-insensitive). Weights are keyed by :attr:`TableRow.key`. Weights not summing to
    1 (±1e-6) are divided by their sum with a note, or raise :class:`InputError` when ``strict``.
    """
    lookup = {str(k).strip().lower(): v for k, v in parse_weights_table((lookup or {}).items()).items()}
    weights, notes = {}, []
    for row in rows:
        if row.role != "factor":
            continue
        weight = row.weight
        if weight is None:
            qualified = f"{row.function}:{row.name}".strip().lower()
            weight = lookup.get(qualified, lookup.get(row.name.strip().lower()))
            if weight is None:
                raise InputError(f"Factor '{row.name}' has no weight in the table and none in the weights table "
                                 f"(criteria: {', '.join(sorted(lookup)) or 'none given'}). Type a weight or give "
                                 "an AHP / entropy weights table whose criterion names match. "
                                 f"/ 因子“{row.name}”没有权重。")
        weights[row.key] = weight
    total = sum(weights.values())
    if total <= 0:
        raise InputError("All factor weights are zero. / 所有因子的权重均为 0。")
    if abs(total - 1.0) > 1e-6:
        if strict:
            raise InputError(f"The factor weights sum to {total:.6g}, not 1. Fix them, or untick 'Weights must sum "
                             f"to 1' to have them normalised. / 因子权重之和为 {total:.6g}，不等于 1。")
        notes.append(f"The factor weights summed to {total:.6g}; they were divided by their sum. "
                     f"/ 因子权重之和为 {total:.6g}，已归一化。")
        weights = {name: value / total for name, value in weights.items()}
    return weights, notes
