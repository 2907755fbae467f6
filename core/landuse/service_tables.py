"""The three tables of the ecosystem-service models, with InVEST's column names.

* **Carbon table** (InVEST Carbon "biophysical table"): ``lucode``, ``name`` (optional),
  ``c_above``, ``c_below``, ``c_soil``, ``c_dead`` — carbon density of the four pools in Mg C/ha
  (t/ha) per land-use class.
* **Threats table** (InVEST Habitat Quality): ``threat``, ``max_dist`` (km), ``weight`` (relative
  impact, ≥ 0), ``decay`` (``linear`` or ``exponential``), ``cur_path`` (optional: the threat
  raster, relative to the table). EcoSecurity extension: ``lucodes`` (optional), land-use classes
  whose cells are the threat (intensity 1), e.g. ``5`` for urban land or ``5;6``.
* **Sensitivity table** (InVEST Habitat Quality): ``lulc``, ``name`` (optional), ``habitat``
  (suitability H_j, 0–1) and one column per threat named like the threat (InVEST ≥ 3.10; the older
  ``L_<threat>`` spelling is accepted too) with the sensitivity S_jr (0–1).

Column names are case-insensitive; ``lucode`` and ``lulc`` are interchangeable; lines starting with
``#`` are comments; files may be UTF-8 or GBK (Excel in China). Every problem is one
:class:`InputError` naming the table, the row and the value.
"""
import os
from dataclasses import dataclass, field

import numpy as np

from ..io.csv_table import (
    check_unique_codes,
    read_code,
    read_number,
    read_records,
    require_column,
)
from ..runtime.errors import InputError

POOLS = ("c_above", "c_below", "c_soil", "c_dead")
DECAYS = ("linear", "exponential")
_CODE_ALIASES = ("lucode", "lulc")


@dataclass
class CarbonTable:
    """Carbon densities: ``codes`` (sorted int64), ``pools`` (n × 4, Mg/ha, in :data:`POOLS` order)."""
    codes: np.ndarray
    pools: np.ndarray
    names: dict = field(default_factory=dict)
    path: str = ""

    @property
    def totals(self):
        """Total density per class (Mg/ha), the sum of the four pools."""
        return self.pools.sum(axis=1)


@dataclass
class Threat:
    """One row of the threats table."""
    name: str
    max_dist_km: float
    weight: float
    decay: str
    raster: str = ""
    lucodes: tuple = ()


@dataclass
class SensitivityTable:
    """Habitat suitability ``habitat`` (n) and ``sensitivity`` (n × threats) for the sorted ``codes``."""
    codes: np.ndarray
    habitat: np.ndarray
    sensitivity: np.ndarray
    names: dict = field(default_factory=dict)
    path: str = ""


def read_carbon_table(path):
    """:class:`CarbonTable` from a CSV with ``lucode, name?, c_above, c_below, c_soil, c_dead`` (Mg/ha, ≥ 0)."""
    what = "carbon table"
    header, records = read_records(path, what)
    code_column = require_column(header, _CODE_ALIASES, path, what)
    missing = [pool for pool in POOLS if pool not in header]
    if missing:
        raise InputError(f"The carbon table '{path}' lacks the column(s) {', '.join(missing)}; it needs lucode, "
                         f"c_above, c_below, c_soil, c_dead (Mg C/ha) and optionally name (its columns: "
                         f"{', '.join(header)}). / 碳密度表缺少列：{', '.join(missing)}。")
    codes = [read_code(record, code_column, path, what) for record in records]
    check_unique_codes(codes, path, what)
    pools = np.array([[read_number(record, pool, path, what, minimum=0.0) for pool in POOLS] for record in records])
    names = {code: record.get("name", "") for code, record in zip(codes, records) if record.get("name", "")}
    order = np.argsort(codes)
    return CarbonTable(np.asarray(codes, np.int64)[order], pools[order], names, str(path))


def _lucodes(text, record, path, what):
    codes = []
    for item in text.replace(",", ";").replace(" ", ";").split(";"):
        if item.strip():
            fake = {"lucodes": item.strip(), "_line": record["_line"]}
            codes.append(read_code(fake, "lucodes", path, what))
    return tuple(sorted(set(codes)))


def read_threats_table(path):
    """[:class:`Threat`] from a CSV with ``threat, max_dist, weight, decay, cur_path?, lucodes?``.

    ``max_dist`` > 0 km, ``weight`` ≥ 0 with a positive sum, ``decay`` linear/exponential;
    ``cur_path`` is resolved relative to the table's folder."""
    what = "threats table"
    header, records = read_records(path, what)
    for name in ("threat", "max_dist", "weight", "decay"):
        require_column(header, (name,), path, what)
    folder = os.path.dirname(os.path.abspath(str(path)))
    threats = []
    for record in records:
        name = record["threat"]
        if not name:
            raise InputError(f"Threats table '{path}', line {record['_line']}: the threat has no name. "
                             f"/ 威胁因子表第 {record['_line']} 行缺少威胁名称。")
        max_dist = read_number(record, "max_dist", path, what, above=0.0)
        weight = read_number(record, "weight", path, what, minimum=0.0)
        decay = record["decay"].lower()
        if decay not in DECAYS:
            raise InputError(f"Threats table '{path}', line {record['_line']}: decay '{record['decay']}' of threat "
                             f"'{name}' is neither 'linear' nor 'exponential'. / 威胁因子“{name}”的衰减类型应为 "
                             "linear（线性）或 exponential（指数）。")
        raster = record.get("cur_path", "")
        if raster and not os.path.isabs(raster):
            raster = os.path.normpath(os.path.join(folder, raster))
        threats.append(Threat(name, max_dist, weight, decay, raster,
                              _lucodes(record.get("lucodes", ""), record, path, what)))
    names = [threat.name.lower() for threat in threats]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise InputError(f"The threats table '{path}' lists the threat(s) {', '.join(duplicates)} more than once. "
                         f"/ 威胁因子表中威胁名称重复：{', '.join(duplicates)}。")
    if sum(threat.weight for threat in threats) <= 0:
        raise InputError(f"The weights of the threats table '{path}' are all 0; give at least one threat a positive "
                         "weight. / 威胁因子权重全为 0。")
    return threats


def read_sensitivity_table(path, threats):
    """:class:`SensitivityTable` from a CSV with ``lulc, name?, habitat`` and one column per threat
    (``<threat>`` or ``L_<threat>``), all values 0–1."""
    what = "sensitivity table"
    header, records = read_records(path, what)
    code_column = require_column(header, _CODE_ALIASES, path, what)
    require_column(header, ("habitat",), path, what)
    columns, missing = [], []
    for threat in threats:
        key = threat.name.lower()
        found = next((name for name in (key, f"l_{key}") if name in header), None)
        (columns if found else missing).append(found or threat.name)
    if missing:
        raise InputError(f"The sensitivity table '{path}' has no column for the threat(s) {', '.join(missing)} "
                         f"(name a column like the threat, e.g. '{missing[0]}'; its columns: {', '.join(header)}). "
                         f"/ 敏感度表缺少威胁因子列：{', '.join(missing)}。")
    codes = [read_code(record, code_column, path, what) for record in records]
    check_unique_codes(codes, path, what)
    habitat = np.array([read_number(record, "habitat", path, what, 0.0, 1.0) for record in records])
    sensitivity = np.array([[read_number(record, column, path, what, 0.0, 1.0) for column in columns]
                            for record in records]).reshape(len(records), len(columns))
    names = {code: record.get("name", "") for code, record in zip(codes, records) if record.get("name", "")}
    order = np.argsort(codes)
    return SensitivityTable(np.asarray(codes, np.int64)[order], habitat[order], sensitivity[order], names, str(path))


def check_classes(present, codes, table_path, what, land_use_name):
    """One :class:`InputError` naming every land-use class in ``present`` missing from ``codes``."""
    missing = sorted(set(int(c) for c in present) - set(int(c) for c in codes))
    if missing:
        listed = ", ".join(str(c) for c in missing)
        raise InputError(
            f"Land-use class(es) {listed} of '{land_use_name}' are missing from the {what} '{table_path}' (it lists "
            f"{', '.join(str(int(c)) for c in codes)}). Add a row for each class present in the land use. "
            f"/ 土地利用“{land_use_name}”中的地类 {listed} 在{_ZH.get(what, what)}中缺失，请为每个地类补充一行。")


_ZH = {"carbon table": "碳密度表", "sensitivity table": "敏感度表"}


def lookup(codes, values, classes):
    """``values`` (aligned with sorted ``codes``) at each of ``classes`` (all present in ``codes``)."""
    return values[np.searchsorted(codes, classes)]
