"""User CSV tables (carbon, threats, sensitivity, land-use costs): records with their line numbers and
checked numbers, so that every problem is one :class:`InputError` naming the table, the line, the column
and the value. Lines starting with ``#`` are comments; column names are lower-cased; UTF-8 or GBK."""
import csv
import io
import math
import os

from ..runtime.errors import InputError
from .textfile import read_text


def read_records(path, what):
    """(lower-case column names, [dict rows with their line number under ``_line``])."""
    text = read_text(path, what)
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise InputError(f"The {what} '{path}' is empty. / {what}为空：{path}")
    reader = csv.reader(io.StringIO("\n".join(line for _number, line in lines)))
    rows = list(reader)
    header = [name.strip().lower() for name in rows[0]]
    records = []
    for (number, _line), values in zip(lines[1:], rows[1:]):
        if not any(value.strip() for value in values):
            continue
        record = {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(header)}
        record["_line"] = number
        records.append(record)
    if not records:
        raise InputError(f"The {what} '{path}' has a header but no rows. / {what}没有数据行：{path}")
    return header, records


def require_column(header, names, path, what):
    for name in names:
        if name in header:
            return name
    raise InputError(f"The {what} '{path}' has no column '{names[0]}' (its columns: {', '.join(header)}). "
                     f"/ {what}缺少“{names[0]}”列。")


def read_number(record, column, path, what, minimum=None, maximum=None, above=None):
    text = record.get(column, "")
    where = f"{what} '{os.path.basename(str(path))}', line {record['_line']}, column '{column}'"
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{where}: '{text}' is not a number. / {what}第 {record['_line']} 行“{column}”列"
                         f"“{text}”不是数字。") from None
    if not math.isfinite(value):
        raise InputError(f"{where}: {text} is not a finite number. / {what}第 {record['_line']} 行“{column}”列"
                         "不是有限数值。")
    if minimum is not None and value < minimum or maximum is not None and value > maximum \
            or above is not None and value <= above:
        allowed = (f"> {above:g}" if above is not None else
                   f"{minimum:g} to {maximum:g}" if maximum is not None else f"≥ {minimum:g}")
        raise InputError(f"{where}: {text} is not allowed; the value must be {allowed}. / {what}第 {record['_line']} "
                         f"行“{column}”列的值 {text} 超出范围（应为 {allowed}）。")
    return value


def read_code(record, column, path, what):
    value = read_number(record, column, path, what)
    if not float(value).is_integer():
        raise InputError(f"{what} '{os.path.basename(str(path))}', line {record['_line']}: the land-use code "
                         f"{record[column]} is not a whole number. / {what}第 {record['_line']} 行地类代码不是整数。")
    return int(value)


def check_unique_codes(codes, path, what):
    seen = set()
    for code in codes:
        if code in seen:
            raise InputError(f"The {what} '{path}' lists land-use class {code} twice; keep one row per class. "
                             f"/ {what}中地类 {code} 重复出现。")
        seen.add(code)
