"""Circuitscape ``.ini`` configurations: reading with Circuitscape.jl's defaults (``src/config.jl``).

Sections are ignored (every ``key = value`` line counts); booleans are ``True``/``true``/``1``;
placeholders such as ``(Browse for a current source file)``, ``None`` and ``not entered`` mean
"not set". Relative paths are relative to the folder of the ``.ini`` file.
"""
import os
from dataclasses import dataclass, field

from ...io.textfile import read_text
from ...runtime.errors import InputError

#: Default of every option that changes results or outputs (Circuitscape.jl ``init_config``).
DEFAULTS = {
    "data_type": "raster",
    "scenario": "pairwise",
    "habitat_file": None,
    "habitat_map_is_resistances": True,
    "connect_four_neighbors_only": False,
    "connect_using_avg_resistances": False,
    "use_polygons": False,
    "polygon_file": None,
    "point_file": None,
    "use_included_pairs": False,
    "included_pairs_file": None,
    "use_mask": False,
    "mask_file": None,
    "use_variable_source_strengths": False,
    "variable_source_file": None,
    "source_file": None,
    "ground_file": None,
    "ground_file_is_resistances": True,
    "use_unit_currents": False,
    "use_direct_grounds": False,
    "remove_src_or_gnd": "keepall",
    "output_file": None,
    "write_cur_maps": False,
    "write_cum_cur_map_only": False,
    "write_max_cur_maps": False,
    "write_volt_maps": False,
    "set_null_currents_to_nodata": False,
    "set_null_voltages_to_nodata": False,
    "set_focal_node_currents_to_zero": False,
    "log_transform_maps": False,
    "write_as_tif": False,
    "compress_grids": False,
    "solver": "cg+amg",
}

PATH_KEYS = ("habitat_file", "polygon_file", "point_file", "included_pairs_file", "mask_file",
             "variable_source_file", "source_file", "ground_file", "output_file")
SCENARIOS = ("pairwise", "one-to-all", "all-to-one", "advanced")
POLICIES = ("keepall", "rmvsrc", "rmvgnd", "rmvall")
_UNSET = ("", "none", "not entered", "false")


@dataclass
class CircuitscapeConfig:
    """Options of one Circuitscape run; ``options`` holds every key of :data:`DEFAULTS`."""
    options: dict = field(default_factory=lambda: dict(DEFAULTS))
    folder: str = "."
    path: str = ""

    def __getattr__(self, name):
        options = self.__dict__.get("options", {})
        if name in options:
            return options[name]
        raise AttributeError(name)

    @property
    def output_stem(self):
        """``output_file`` without its extension: every output is ``<stem>_...``."""
        base = self.options["output_file"]
        root, ext = os.path.splitext(base)
        return root if ext else base


def _is_placeholder(value):
    return value.strip().lower() in _UNSET or value.strip().startswith("(")


def parse_bool(value, key="option"):
    """Circuitscape truth values: ``True``/``true``/``1`` (and ``False``/``false``/``0``)."""
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no", "", "none", "not entered"):
        return False
    raise InputError(f"Option '{key}': '{value}' is not True or False. / 选项 '{key}' 应为 True 或 False。")


def parse_ini_text(text, folder="."):
    """A :class:`CircuitscapeConfig` from the text of an ``.ini`` file."""
    config = CircuitscapeConfig(folder=os.path.abspath(folder))
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("[", "#", ";")) or "=" not in line:
            continue
        key, value = (part.strip() for part in line.split("=", 1))
        key = key.lower()
        if key not in DEFAULTS:
            continue
        default = DEFAULTS[key]
        if isinstance(default, bool):
            config.options[key] = parse_bool(value, key)
        elif key in PATH_KEYS:
            config.options[key] = None if _is_placeholder(value) else value
        else:
            config.options[key] = default if _is_placeholder(value) else value.lower()
    _normalise(config)
    return config


def _normalise(config):
    opts = config.options
    opts["data_type"] = opts["data_type"] or "raster"
    if opts["data_type"] not in ("raster", "network"):
        raise InputError(f"data_type = {opts['data_type']}: use raster or network. "
                         "/ data_type 只能为 raster 或 network。")
    if opts["scenario"] not in SCENARIOS:
        raise InputError(f"scenario = {opts['scenario']}: use one of {', '.join(SCENARIOS)}. "
                         "/ scenario 取值无效。")
    if opts["remove_src_or_gnd"] not in POLICIES:
        opts["remove_src_or_gnd"] = "keepall"
    for key in PATH_KEYS:
        value = opts[key]
        if value is not None and not os.path.isabs(value):
            opts[key] = os.path.normpath(os.path.join(config.folder, value))
    if not opts["habitat_file"]:
        raise InputError("The .ini file sets no habitat_file. / .ini 文件未指定 habitat_file。")
    if not opts["output_file"]:
        raise InputError("The .ini file sets no output_file. / .ini 文件未指定 output_file。")


def read_ini(path):
    """Read a Circuitscape ``.ini`` file; paths in it are resolved against its folder."""
    config = parse_ini_text(read_text(path, "Circuitscape .ini file"), os.path.dirname(os.path.abspath(path)))
    config.path = os.path.abspath(path)
    return config


def input_files(config):
    """The existing files a configuration reads, the ``.ini`` itself included."""
    paths = [config.options.get(key) for key in PATH_KEYS if key != "output_file"]
    paths.append(getattr(config, "path", None))
    return [path for path in paths if isinstance(path, str) and os.path.isfile(path)]


#: How the names of Circuitscape's outputs begin after ``<stem>_`` (maps, tables, network files).
OUTPUT_PREFIXES = ("cum_curmap", "max_curmap", "voltmap", "curmap", "resistances", "voltages", "node_currents",
                   "branch_currents")


def check_outputs_spare_inputs(config, stem):
    """Refuse a run whose outputs (``<stem>.out``, ``<stem>_<output>…``) would overwrite one of its inputs,
    e.g. the cumulative current map of an earlier run used as the habitat of this one."""
    folder, base = os.path.split(os.path.abspath(stem))
    for path in input_files(config):
        name = os.path.basename(path)
        same_folder = os.path.normcase(os.path.realpath(os.path.dirname(path))) == \
            os.path.normcase(os.path.realpath(folder))
        ours = name == base + ".out" or any(name.startswith(f"{base}_{prefix}") for prefix in OUTPUT_PREFIXES)
        if same_folder and ours:
            raise InputError(
                f"An output of this run, named '{base}_…' in '{folder}', would overwrite the input "
                f"'{path}'. Change output_file in the .ini or choose another output folder."
                f" / 本次输出以“{base}_…”命名，会覆盖输入文件“{path}”，请修改 .ini 中的 output_file 或另选输出文件夹。")

