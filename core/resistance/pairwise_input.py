"""Reading pairwise comparison matrices typed by a user or saved as CSV.

Accepted forms (each value a number or a fraction such as ``1/3``):

* the full square matrix, rows separated by ``;`` (or new lines), values by ``,``:
  ``1,3,5;1/3,1,3;1/5,1/3,1``;
* the upper triangle with its diagonal: ``1,3,5;1,3;1``;
* the strict upper triangle (above the diagonal only): ``3,5;3``;
* a square matrix with empty cells: each missing judgment is filled with the reciprocal of
  its mirror; a pair given twice must be reciprocal within 5 % (``0.33`` for ``1/3`` is fine).

Several experts' matrices are separated by ``|`` in text, or by a blank line in a CSV file.
A CSV file may carry the criteria names in its first row and/or first column.
"""
import csv
import io
from fractions import Fraction

import numpy as np

from ..io.textfile import read_text
from ..runtime.errors import InputError
from .ahp import format_judgment

#: Largest accepted deviation of ``a_ij * a_ji`` from 1 when both are given.
RECIPROCAL_TOLERANCE = 0.05


def parse_judgment(text, where=""):
    """A positive number from ``'3'``, ``'0.5'`` or ``'1/3'``; ``None`` for an empty cell."""
    text = str(text).strip()
    if text == "":
        return None
    try:
        value = float(Fraction(text)) if "/" in text else float(text)
    except (ValueError, ZeroDivisionError):
        raise InputError(f"Pairwise comparison{where}: '{text}' is not a number or a fraction like 1/3. "
                         f"/ 判断矩阵{where}：'{text}' 不是数字或分数。") from None
    if value == float("inf"):
        raise InputError(f"Pairwise comparison{where}: {text} is not a finite number; judgments are on Saaty's "
                         "1/9 … 9 scale. / 判断矩阵元素必须为有限的正数（1/9～9 标度）。")
    if not value > 0:
        raise InputError(f"Pairwise comparison{where}: {text} is not positive; judgments are on Saaty's "
                         "1/9 … 9 scale. / 判断矩阵元素必须为正数（1/9～9 标度）。")
    return value


def split_experts(text):
    """The matrix texts of each expert (separated by ``|``) in a typed matrix."""
    parts = [part.strip() for part in str(text or "").split("|")]
    return [part for part in parts if part]


def parse_matrix_text(text):
    """Rows of judgments (``None`` for empty cells) from ``'1,3,5;1/3,1,3;...'``."""
    rows = []
    for line in str(text).replace("\n", ";").split(";"):
        if not line.strip():
            continue
        cells = [cell for cell in line.replace("\t", ",").split(",")]
        if len(cells) == 1 and " " in line.strip():
            cells = line.split()
        rows.append([parse_judgment(cell, f" (row {len(rows) + 1})") for cell in cells])
    if not rows:
        raise InputError("The pairwise comparison matrix is empty. Type it as 1,3,5;1/3,1,3;1/5,1/3,1. "
                         "/ 判断矩阵为空。")
    return rows


def _is_number(cell):
    try:
        parse_judgment(cell)
        return True
    except InputError:
        return False


def read_matrix_csv(path):
    """``(names or None, [rows, ...])`` from a CSV file of one or several experts' matrices.

    Blank lines separate experts; lines starting with ``#`` are comments. A first row whose
    cells (after an optional empty corner) are not numbers is read as the criteria names; so is a
    first column of text.
    """
    text = read_text(path, "matrix file")
    sample = "\n".join(line for line in text.splitlines() if line.strip())[:4096]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    blocks, current = [], []
    for record in csv.reader(io.StringIO(text), delimiter=delimiter):
        cells = [cell.strip() for cell in record]
        if cells and cells[0].startswith("#"):
            continue
        if not any(cells):
            if current:
                blocks.append(current)
                current = []
            continue
        current.append(cells)
    if current:
        blocks.append(current)
    if not blocks:
        raise InputError(f"'{path}' holds no matrix. / 文件中没有判断矩阵。")
    names = None
    matrices = []
    for block in blocks:
        block_names, rows = _strip_labels(block)
        if block_names:
            if names is not None and block_names != names:
                raise InputError(f"'{path}': the experts' matrices name different criteria "
                                 f"({', '.join(names)} vs {', '.join(block_names)}). / 各专家矩阵的指标名不一致。")
            names = block_names
        matrices.append([[parse_judgment(cell, f" (row {i + 1})") for cell in row] for i, row in enumerate(rows)])
    return names, matrices


def _strip_labels(block):
    """Split a CSV block into criteria names (header row and/or first column) and numeric rows."""
    header = None
    if any(cell and not _is_number(cell) for cell in block[0]):
        header = [cell for cell in block[0] if cell]
        block = block[1:]
    row_names = None
    if block and all(row and row[0] and not _is_number(row[0]) for row in block):
        row_names = [row[0] for row in block]
        block = [row[1:] for row in block]
    rows = [list(row) for row in block]
    while rows and all(row and row[-1] == "" for row in rows):
        rows = [row[:-1] for row in rows]
    if header and row_names:
        if header[-len(row_names):] != row_names:
            raise InputError("The matrix file's header names and row names differ: "
                             f"{', '.join(header)} vs {', '.join(row_names)}. / 表头与行名不一致。")
        return row_names, rows
    return header or row_names, rows


def assemble_matrix(rows, names=None, label="the matrix"):
    """The full reciprocal n×n matrix from full, triangular or partly empty ``rows``.

    ``names`` fixes n when given (needed when a triangle could be read both with and without its
    diagonal). Raises :class:`InputError` for a shape that is neither, a diagonal other than 1, a
    judgment missing on both sides of the diagonal, or a pair that is not reciprocal.
    """
    lengths = [len(row) for row in rows]
    n = _matrix_order(lengths, rows, names, label)
    grid = [[None] * n for _ in range(n)]
    for i, row in enumerate(rows):  # rows are right-aligned: square, triangle or strict triangle
        start = n - len(row)
        for k, value in enumerate(row):
            grid[i][start + k] = value
    return _complete(grid, names, label)


def _matrix_order(lengths, rows, names, label):
    count = len(lengths)
    square = all(length == count for length in lengths)
    triangle = lengths == list(range(lengths[0], 0, -1))
    if names is not None:
        n = len(names)
        if square and count == n:
            return n
        if triangle and lengths[0] == n and count == n:
            return n
        if triangle and lengths[0] == n - 1 and count == n - 1:
            return n
        raise InputError(
            f"{label} has rows of {', '.join(map(str, lengths))} values but there are {n} criteria "
            f"({', '.join(names)}): give the full {n}×{n} matrix or its upper triangle. "
            f"/ 判断矩阵的行列数与指标数（{n}）不符。")
    if square:
        return count
    if triangle:
        with_diagonal = all(row[0] is not None and abs(row[0] - 1.0) < 1e-12 for row in rows)
        if with_diagonal:
            raise InputError(
                f"{label} is a triangle that can be read with or without its diagonal "
                f"({count} or {count + 1} criteria); give the criteria names so the number of criteria is known. "
                "/ 上三角矩阵是否含对角线无法判断，请给出指标名称。")
        return count + 1
    raise InputError(
        f"{label} has rows of {', '.join(map(str, lengths))} values: it is neither square nor an upper "
        "triangle (rows of n, n-1, …, 1 or n-1, …, 1 values). / 判断矩阵既不是方阵也不是上三角。")


def _name(names, i):
    return f"'{names[i]}'" if names else f"criterion {i + 1}"


def _complete(grid, names, label):
    n = len(grid)
    matrix = np.ones((n, n), dtype=np.float64)
    for i in range(n):
        if grid[i][i] is not None and abs(grid[i][i] - 1.0) > 1e-9:
            raise InputError(f"{label}: the diagonal entry of {_name(names, i)} is {grid[i][i]:g}; "
                             "a criterion compared with itself is always 1. / 判断矩阵对角线必须为 1。")
    for i in range(n):
        for j in range(i + 1, n):
            upper, lower = grid[i][j], grid[j][i]
            if upper is None and lower is None:
                raise InputError(f"{label}: the comparison of {_name(names, i)} with {_name(names, j)} is missing "
                                 "on both sides of the diagonal. / 判断矩阵缺少该两两比较。")
            if upper is not None and lower is not None:
                if abs(upper * lower - 1.0) > RECIPROCAL_TOLERANCE:
                    raise InputError(
                        f"{label}: {_name(names, i)} vs {_name(names, j)} is {format_judgment(upper)} but "
                        f"{_name(names, j)} vs {_name(names, i)} is {format_judgment(lower)}; they must be reciprocal "
                        f"(expected {format_judgment(1.0 / upper)}). Fix one of them or give only the upper triangle. "
                        "/ 判断矩阵不满足互反性 a_ji = 1/a_ij。")
                value = upper if upper >= 1.0 else 1.0 / lower
            else:
                value = upper if upper is not None else 1.0 / lower
            matrix[i, j], matrix[j, i] = value, 1.0 / value
    return matrix

