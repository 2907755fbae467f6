"""The land-use cost table of a protection scheme (spec ``prioritization.md`` §3): what protecting a
hectare costs, per land-use class and optionally per space.

Columns (case-insensitive, ``#`` comments, UTF-8 or GBK): ``class`` (land-use code), ``green`` (1 = green
land that only needs **maintaining**, 0 = land that must be **greened**, i.e. converted), ``cost`` (cost
per hectare, ≥ 0, in the user's currency unit, e.g. 10⁴ yuan/ha), and optionally ``space`` (the space
code 1 production / 2 living / 3 ecological, or its name; empty or ``*`` = every space) and ``name``.
A row for a (space, class) pair overrides the row of the class for every space. Every class present in
the analysed area must be costed in every space where it occurs.
"""
from dataclasses import dataclass, field

import numpy as np

from ..io.csv_table import read_code, read_number, read_records, require_column
from ..resistance.suitability import space_code
from ..runtime.errors import InputError

ANY_SPACE = 0
YES = {"1", "yes", "y", "true", "是", "绿地"}
NO = {"0", "no", "n", "false", "否"}


@dataclass
class CostTable:
    """``entries[(space, class)] = (green, cost per ha)``; space 0 = every space."""
    entries: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    path: str = ""

    def lookup(self, space, code):
        """(green, cost per ha) of ``code`` in ``space``, or None."""
        return self.entries.get((space, code), self.entries.get((ANY_SPACE, code)))


def _space(text, where):
    text = (text or "").strip()
    if text in ("", "*"):
        return ANY_SPACE
    if text.lstrip("-").isdigit():
        return int(text)
    return space_code(text, where)


def read_cost_table(path):
    """:class:`CostTable` from the CSV at ``path``."""
    what = "cost table"
    header, records = read_records(path, what)
    for name in ("class", "green", "cost"):
        require_column(header, (name,), path, what)
    table = CostTable(path=str(path))
    for record in records:
        where = f"Cost table line {record['_line']}"
        code = read_code(record, "class", path, what)
        space = _space(record.get("space"), where)
        flag = record.get("green", "").strip().lower()
        if flag not in YES | NO:
            raise InputError(f"{where}: green = '{flag}'; write 1 (green land, maintaining cost) or 0 (land to be "
                             f"greened, greening cost). / 成本表第 {record['_line']} 行：green 列应为 1（绿地，维护成本）"
                             "或 0（需绿化，绿化成本）。")
        cost = read_number(record, "cost", path, what, minimum=0.0)
        if (space, code) in table.entries:
            raise InputError(f"{where}: class {code} in space {space or '*'} is listed twice; keep one row. "
                             f"/ 成本表第 {record['_line']} 行：地类 {code} 重复。")
        table.entries[(space, code)] = (flag in YES, cost)
        if record.get("name"):
            table.names[code] = record["name"]
    return table


def cell_costs(table, land_use, spaces, cell_ha, land_use_name):
    """Per-cell (cost, green) for the analysed cells: ``land_use`` and ``spaces`` are 1-D int arrays of
    those cells. A (space, class) pair without a row is one :class:`InputError` listing every missing pair."""
    cost = np.zeros(len(land_use), float)
    green = np.zeros(len(land_use), bool)
    pairs = np.unique(np.stack([spaces, land_use]), axis=1).T if len(land_use) else np.zeros((0, 2), int)
    missing = []
    for space, code in pairs:
        entry = table.lookup(int(space), int(code))
        if entry is None:
            missing.append((int(space), int(code)))
            continue
        where = (spaces == space) & (land_use == code)
        green[where] = entry[0]
        cost[where] = entry[1] * cell_ha
    if missing:
        listed = ", ".join(f"class {code} in space {space}" for space, code in missing)
        listed_zh = "、".join(f"空间 {space} 的地类 {code}" for space, code in missing)
        raise InputError(
            f"The cost table '{table.path}' has no cost for {listed} of '{land_use_name}'. Add a row per land-use "
            "class (columns class, green, cost and optionally space). / 成本表缺少以下地类的成本："
            f"{listed_zh}；请为每个地类补充一行。")
    return cost, green
