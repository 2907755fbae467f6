"""Reading a table of scenario target groups, as ``ecosecurity:scenariotargets`` writes it: one row per
group with ``group``, ``family`` (optional) and one column ``x_<code>`` per space with the fraction of
that space to protect (0–1). A hand-made table with the same columns works too."""
from dataclasses import dataclass

from ..io.csv_table import read_number, read_records
from ..runtime.errors import InputError


@dataclass
class TargetGroup:
    """``fractions`` = {space code: X_k}."""
    name: str
    family: str
    fractions: dict


def read_target_groups(path):
    """[:class:`TargetGroup`] from the CSV at ``path``."""
    what = "target table"
    header, records = read_records(path, what)
    columns = {}
    for name in header:
        if name.startswith("x_"):
            try:
                columns[name] = int(name[2:])
            except ValueError:
                raise InputError(f"The target table '{path}': column '{name}' should be x_<space code>, e.g. x_1. "
                                 f"/ 目标表列名“{name}”应为 x_<空间代码>，如 x_1。") from None
    if not columns:
        raise InputError(f"The target table '{path}' has no column x_<space code> (its columns: {', '.join(header)}); "
                         "use the table written by ecosecurity:scenariotargets. / 目标表缺少 x_<空间代码> 列，"
                         "请使用情景目标组工具（scenariotargets）输出的表。")
    groups = []
    for number, record in enumerate(records, start=1):
        fractions = {code: read_number(record, name, path, what, 0.0, 1.0) for name, code in columns.items()}
        groups.append(TargetGroup(record.get("group") or str(number), record.get("family", ""), fractions))
    return groups
