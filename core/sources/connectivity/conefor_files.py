"""Reading Conefor 2.6 node and connection files (Saura & Torné 2012, Conefor user manual).

* Node file: one node per line, ``ID<TAB>attribute`` (any whitespace separates); an optional
  third column 1/0 marks existing/candidate nodes for ``-add`` — only existing nodes (1) are
  accepted here.
* Connection file: ``ID1<TAB>ID2<TAB>value``, one line per unordered pair; the value is a
  distance (``-t dist``) or a probability (``-t prob``). ``all``: every pair is listed;
  ``notall``: unlisted pairs have no direct link.

Blank lines and lines starting with ``#`` are skipped; anything else that does not parse is an
error naming the file and line.
"""
import os

from ...runtime.errors import InputError
from .network import habitat_network


def _rows(path, what, columns):
    if not path or not os.path.isfile(str(path)):
        raise InputError(f"The Conefor {what} file '{path}' does not exist. Check the path. "
                    f"/ Conefor {what} 文件 '{path}' 不存在。")
    name = os.path.basename(str(path))
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except UnicodeDecodeError:
        with open(path, encoding="latin-1") as handle:
            lines = handle.read().splitlines()
    rows = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        words = text.replace(",", " ").replace(";", " ").split()
        if len(words) not in columns:
            raise InputError(f"{name}, line {number}: expected {' or '.join(str(c) for c in columns)} columns "
                        f"({_layout(what)}), found {len(words)}: '{text}'. "
                        f"/ {name} 第 {number} 行：列数不对。")
        rows.append((number, words))
    if not rows:
        raise InputError(f"{name}: the {what} file is empty. / {name}：文件为空。")
    return name, rows


def _layout(what):
    return "ID attribute" if what == "node" else "ID1 ID2 value"


def _integer(word, name, number, what):
    try:
        value = float(word)
    except ValueError:
        value = float("nan")
    if not value == value or value != int(value):
        raise InputError(f"{name}, line {number}: the {what} '{word}' is not an integer node id. "
                    f"/ {name} 第 {number} 行：'{word}' 不是整数节点编号。")
    return int(value)


def _number(word, name, number, what):
    try:
        return float(word)
    except ValueError:
        raise InputError(f"{name}, line {number}: the {what} '{word}' is not a number. "
                    f"/ {name} 第 {number} 行：'{word}' 不是数字。")


def read_node_file(path):
    """``(ids, attributes)`` lists from a Conefor node file."""
    name, rows = _rows(path, "node", (2, 3))
    ids, attributes = [], []
    for number, words in rows:
        ids.append(_integer(words[0], name, number, "node id"))
        attributes.append(_number(words[1], name, number, "attribute"))
        if len(words) == 3 and _number(words[2], name, number, "existing/candidate flag") != 1:
            raise InputError(f"{name}, line {number}: node {words[0]} is a candidate node (third column "
                        f"{words[2]}); restoration scenarios (Conefor -add) are not supported. Remove the "
                        f"third column or the candidate nodes. / {name} 第 {number} 行：不支持候选节点（-add）。")
    return ids, attributes


def read_connection_file(path):
    """``(ids1, ids2, values)`` lists from a Conefor connection file."""
    name, rows = _rows(path, "connection", (3,))
    ids1, ids2, values = [], [], []
    for number, words in rows:
        ids1.append(_integer(words[0], name, number, "first node id"))
        ids2.append(_integer(words[1], name, number, "second node id"))
        values.append(_number(words[2], name, number, "value"))
    return ids1, ids2, values


def read_conefor_network(node_path, connection_path, kind, all_pairs):
    """A :class:`~.network.HabitatNetwork` from a Conefor node file and connection file.

    ``kind``: ``"distance"`` or ``"probability"``; ``all_pairs``: Conefor ``all`` (True) or
    ``notall`` (False).
    """
    ids, attributes = read_node_file(node_path)
    ids1, ids2, values = read_connection_file(connection_path)
    source = f"{os.path.basename(str(node_path))} / {os.path.basename(str(connection_path))}"
    return habitat_network(ids, attributes, ids1, ids2, values, kind, all_pairs, source)
