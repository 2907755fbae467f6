"""MSPA summary statistics counted the way GuidosToolbox Workbench counts them.

Reference: GWB ``tools/GWB_MSPA.pro`` (``simplestats``), conventions of ``shared/specs/mspa.md``
§7; reproduces the published GWB figures for ``example.tif`` (8_1_1_1) and pyguidos' Corsica
counts exactly.

* data area = pixels that are not Missing (129); Background = bytes {0, 100, 220};
  FG area = data area - Background (all class bytes, 1xx included); iFG area = FG area +
  Opening (Core-Opening 100 + Border-Opening 220).
* Transition pixels count with the zone they cross: Edge = {3, 103, 35, 135, 67, 167},
  Perforation = {5, 105, 37, 137, 69, 169}; Loop = {65, 165}; Bridge = {33, 133}.
* FG % = 100 count / FG area; data % = 100 count / data area; Missing % = 100 count / all pixels.
* Objects: connected components, foreground connectivity for foreground classes, the
  complementary one for Background and the openings, 8-connected for Missing.
* Porosity = 100 - 100 (Core + Edge + Perforation) / (Core + Edge + Perforation + Core-Opening).
"""
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from .morphology import pixel_components, structure

#: (key, English name, Chinese name, bytes, kind) in GWB's order; kind: fg, bg, opening, missing.
CLASSES = (
    ("core", "Core", "核心区", (17, 117), "fg"),
    ("islet", "Islet", "孤岛", (9, 109), "fg"),
    ("perforation", "Perforation", "穿孔", (5, 105, 37, 137, 69, 169), "fg"),
    ("edge", "Edge", "边缘区", (3, 103, 35, 135, 67, 167), "fg"),
    ("loop", "Loop", "环道", (65, 165), "fg"),
    ("bridge", "Bridge", "桥接区", (33, 133), "fg"),
    ("branch", "Branch", "支线", (1, 101), "fg"),
    ("background", "Background", "背景", (0, 100, 220), "bg"),
    ("missing", "Missing", "缺失", (129,), "missing"),
    ("opening", "Opening", "孔隙", (100, 220), "opening"),
    ("core_opening", "Core-Opening", "核心孔隙", (100,), "opening"),
    ("border_opening", "Border-Opening", "边界孔隙", (220,), "opening"),
)


@dataclass(frozen=True)
class ClassRow:
    """One line of the summary; percentages are ``None`` where GWB prints none."""
    key: str
    name: str
    name_zh: str
    pixels: int
    area: float
    fg_percent: object
    data_percent: object
    objects: int


@dataclass(frozen=True)
class MspaSummary:
    """The GWB summary of one MSPA byte image."""
    rows: tuple
    total_pixels: int
    data_pixels: int
    fg_pixels: int
    ifg_pixels: object          # None without IntExt
    porosity: object            # None without IntExt
    cell_area: float
    area_unit: str = "map units²"   # "m²" in a metric CRS, "pixels" in a geographic one

    def row(self, key):
        """The :class:`ClassRow` of ``key``."""
        return next(r for r in self.rows if r.key == key)


def _objects(mask, connectivity):
    """Number of ``connectivity``-connected components of ``mask``."""
    rows, cols = mask.shape
    pixels = np.flatnonzero(mask)
    if pixels.size == 0:
        return 0
    if pixels.size * 64 > mask.size:                     # dense: label the bounding box
        r = np.flatnonzero(mask.any(axis=1))
        c = np.flatnonzero(mask.any(axis=0))
        box = mask[r[0]:r[-1] + 1, c[0]:c[-1] + 1]
        return int(ndimage.label(box, structure(connectivity))[1])
    # sparse: positions on the grid with a one-pixel empty border (no wrap-around between rows)
    padded = (pixels // cols + 1) * (cols + 2) + pixels % cols + 1
    return int(pixel_components(padded, (rows + 2, cols + 2), connectivity).max()) + 1


def mspa_statistics(classes, connectivity=8, intext=True, cell_area=1.0, progress=None, area_unit="map units²"):
    """:class:`MspaSummary` of the MSPA byte image ``classes``.

    ``connectivity``: the foreground connectivity of the run; ``intext``: whether the run
    used IntExt (openings, iFG area and porosity exist only then); ``cell_area``: area of one
    pixel in ``area_unit`` (1 with ``'pixels'``).
    """
    counts = np.bincount(classes.reshape(-1), minlength=256).astype(np.int64)
    total = int(classes.size)
    data = total - int(counts[129])
    background = int(counts[[0, 100, 220]].sum())
    fg = data - background
    rows = []
    for number, (key, name, name_zh, values, kind) in enumerate(CLASSES):
        if progress is not None:
            progress.update(number / len(CLASSES))
        if kind == "opening" and not intext:
            continue
        pixels = int(counts[list(values)].sum())
        if kind == "fg":
            conn = connectivity
            fg_percent = 100.0 * pixels / fg if fg else 0.0
            data_percent = 100.0 * pixels / data if data else 0.0
        elif kind == "missing":
            conn, fg_percent, data_percent = 8, None, 100.0 * pixels / total
        else:
            conn, fg_percent = 12 - connectivity, None
            data_percent = 100.0 * pixels / data if data else 0.0
        if key == "opening":
            objects = None              # = Core-Opening + Border-Opening objects, below
        else:
            member = np.zeros(256, dtype=bool)
            member[list(values)] = True
            objects = _objects(member[classes], conn) if pixels else 0
        rows.append(ClassRow(key, name, name_zh, pixels, pixels * cell_area, fg_percent,
                             data_percent, objects))
    ifg = porosity = None
    if intext:
        by_key = {row.key: row for row in rows}
        opening = by_key["opening"]
        rows[rows.index(opening)] = ClassRow(
            opening.key, opening.name, opening.name_zh, opening.pixels, opening.area, None,
            opening.data_percent, by_key["core_opening"].objects + by_key["border_opening"].objects)
        ifg = fg + opening.pixels
        solid = sum(by_key[k].pixels for k in ("core", "edge", "perforation"))
        enclosed = solid + by_key["core_opening"].pixels
        porosity = 100.0 - 100.0 * solid / enclosed if enclosed else 0.0
    return MspaSummary(tuple(rows), total, data, fg, ifg, porosity, float(cell_area), area_unit)
