"""Colours and bilingual names of the MSPA classes (GuidosToolbox / GWB legend).

Colours from ``shared/specs/mspa.md`` §1.4 (the official program's colour table). With
Transition = 1, bridge/loop pixels crossing an edge or perforation are drawn as bridge (red) /
loop (yellow); with Transition = 0 they are drawn as the zone they cross (edge black,
perforation blue). The bytes are the same either way. Internal classes (+100) share the colour
of their base class.
"""
CORE, ISLET, PERFORATION, EDGE = (0, 200, 0), (160, 60, 0), (0, 0, 255), (0, 0, 0)
LOOP, BRIDGE, BRANCH = (255, 255, 0), (255, 0, 0), (255, 140, 0)
BACKGROUND, CORE_OPENING, BORDER_OPENING, MISSING = (220, 220, 220), (136, 136, 136), (194, 194, 194), (255, 255, 255)

# byte: (English, Chinese, colour with Transition = 1, colour with Transition = 0)
_BASE = {
    17: ("Core", "核心区", CORE, CORE),
    9: ("Islet", "孤岛", ISLET, ISLET),
    5: ("Perforation", "穿孔", PERFORATION, PERFORATION),
    3: ("Edge", "边缘区", EDGE, EDGE),
    65: ("Loop", "环道", LOOP, LOOP),
    67: ("Loop in Edge", "边缘区中的环道", LOOP, EDGE),
    69: ("Loop in Perforation", "穿孔中的环道", LOOP, PERFORATION),
    33: ("Bridge", "桥接区", BRIDGE, BRIDGE),
    35: ("Bridge in Edge", "边缘区中的桥接区", BRIDGE, EDGE),
    37: ("Bridge in Perforation", "穿孔中的桥接区", BRIDGE, PERFORATION),
    1: ("Branch", "支线", BRANCH, BRANCH),
}
_OTHER = {
    0: ("Background", "背景", BACKGROUND),
    100: ("Core-Opening", "核心孔隙", CORE_OPENING),
    220: ("Border-Opening", "边界孔隙", BORDER_OPENING),
    129: ("Missing", "缺失", MISSING),
    2: ("Edge flag on background (rare)", "背景上的边缘标记（罕见）", BACKGROUND),
}


def mspa_legend(transition=True):
    """[(byte, "English 中文" label, (r, g, b))] for every byte MSPA can write, in legend order."""
    entries = []
    for value, (name, name_zh, colour_on, colour_off) in _BASE.items():
        colour = colour_on if transition else colour_off
        entries.append((value, f"{name} {name_zh}", colour))
        entries.append((value + 100, f"{name} (internal) {name_zh}（内部）", colour))
    for value, (name, name_zh, colour) in _OTHER.items():
        entries.append((value, f"{name} {name_zh}", colour))
    return entries


def colour_table(transition=True):
    """{byte: (r, g, b)} for the GeoTIFF colour table."""
    return {value: colour for value, _, colour in mspa_legend(transition)}


def category_names(transition=True):
    """{byte: label} for the GeoTIFF category names."""
    return {value: label for value, label, _ in mspa_legend(transition)}


def style_name(transition=True):
    """File name of the bundled QML style in ``styles/``."""
    return "mspa.qml" if transition else "mspa_transition_off.qml"
