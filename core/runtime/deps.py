"""Lazy import of optional packages with an install hint for the user's platform.

The plugin must load, and list every algorithm, without scikit-learn, pulp, networkx or
pyamg; an algorithm that needs one imports it through :func:`require` when it runs.
"""
import importlib
import importlib.util
import re
import sys

#: pip distribution name for each importable module name.
PIP_NAMES = {"sklearn": "scikit-learn", "pulp": "pulp>=3.3,<4", "networkx": "networkx", "pyamg": "pyamg",
             "distributed": "dask[distributed]"}


def install_hint(module_name):
    """The install command for ``module_name`` on this platform (English, then Chinese)."""
    package = PIP_NAMES.get(module_name, module_name)
    if sys.platform.startswith("win"):
        command = f'OSGeo4W Shell: python -m pip install "{package}"'
    elif sys.platform == "darwin":
        command = f'/Applications/QGIS.app/Contents/MacOS/bin/pip3 install "{package}"'
    else:
        command = f'python3 -m pip install --user "{package}"  (Debian/Ubuntu: sudo apt install python3-{re.split("[<>=!~]", package)[0]})'
    return command


def require(module_name, purpose=""):
    """Import and return ``module_name``; raise :class:`MissingDependencyError` with the install command."""
    from .errors import MissingDependencyError
    try:
        return importlib.import_module(module_name)
    except ImportError:
        package = PIP_NAMES.get(module_name, module_name)
        why = f" for {purpose}" if purpose else ""
        raise MissingDependencyError(
            f"The optional Python package '{package}' is needed{why} but is not installed. "
            f"Install it with: {install_hint(module_name)} — then restart QGIS. "
            f"/ 缺少可选依赖包 '{package}'，请用上面的命令安装后重启 QGIS。") from None


def available(module_name):
    """True when ``module_name`` can be imported (without importing it twice)."""
    return importlib.util.find_spec(module_name) is not None
