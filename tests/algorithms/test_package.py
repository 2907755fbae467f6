"""``make package``: the zip passes the plugin repository's rules, installs into a fresh profile and runs."""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("package_script", REPO / "scripts" / "package.py")
package = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(package)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    target = tmp_path_factory.mktemp("dist") / "ecosecurity.zip"
    package.build(str(REPO), str(target))
    return target


def test_the_built_zip_passes_every_repository_rule(built):
    assert package.problems(str(built)) == []


def test_the_zip_holds_the_plugin_folder_with_every_runtime_file_and_nothing_else(built):
    names = zipfile.ZipFile(built).namelist()
    assert {name.split("/")[0] for name in names} == {"ecosecurity"}
    files = {name[len("ecosecurity/"):] for name in names if not name.endswith("/")}
    for required in ("metadata.txt", "__init__.py", "plugin.py", "provider.py", "LICENSE", "README.md",
                     "icons/ecosecurity.svg", "i18n/ecosecurity_zh_CN.qm", "styles/mspa.qml",
                     "templates/liuzhi_resistance.csv", "algorithms/tools/classify_raster.py"):
        assert required in files
    tree = {path.relative_to(REPO).as_posix() for folder in ("algorithms", "core", "styles", "templates")
            for path in (REPO / folder).rglob("*") if path.is_file() and "__pycache__" not in path.parts
            and not path.name.startswith(".") and not path.name.endswith(".pyc")}
    assert tree <= files, f"missing from the zip: {sorted(tree - files)[:5]}"
    top_folders = {name.split("/")[0] for name in files if "/" in name}
    assert top_folders <= {"algorithms", "core", "icons", "i18n", "styles", "templates", "models"}
    assert not [name for name in files if "__pycache__" in name or name.endswith((".pyc", ".ts", ".json"))]


def test_qgis_install_from_zip_names_the_plugin_ecosecurity(built):
    # pyplugin_installer.installFromZipFile: the plugin is the folder of the shortest metadata.txt path
    metadata = sorted(name for name in zipfile.ZipFile(built).namelist() if name.endswith("metadata.txt"))
    assert os.path.split(metadata[0])[0] == "ecosecurity"


def _variant(good, target, drop=(), add=None, metadata=None, rename=None):
    """Copy of the good zip with members dropped/added, metadata.txt edited, the top folder renamed."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            name = info.filename
            if name in drop:
                continue
            content = source.read(info)
            if name == "ecosecurity/metadata.txt" and metadata:
                content = metadata(content.decode("utf-8")).encode("utf-8")
            out.writestr(name.replace("ecosecurity/", rename, 1) if rename else name, content)
        for name, content in (add or {}).items():
            out.writestr(name, content)
    return str(target)


def _set(key, value):
    def edit(text):
        lines = [line for line in text.splitlines() if not line.startswith(f"{key}=")]
        return "\n".join(lines + ([f"{key}={value}"] if value is not None else [])) + "\n"
    return edit


@pytest.mark.parametrize("change, message", [
    ({"add": {"ecosecurity/core/__pycache__/io.cpython-311.pyc": b"\0"}}, "(.pyc) is not allowed"),
    ({"add": {"ecosecurity/algorithms/__pycache__/": b""}}, "'__pycache__' folder is not allowed"),
    ({"add": {"ecosecurity/.git/config": b"[core]"}}, "'.git' folder is not allowed"),
    ({"add": {"ecosecurity/.gitignore": b"*.pyc"}}, "hidden files and folders are not allowed"),
    ({"add": {"ecosecurity/core/_fast.so": b"text"}}, "binaries"),
    ({"add": {"ecosecurity/core/data.bin": b"\x7fELF\x02\x01"}}, "binaries"),
    ({"add": {"ecosecurity/tools/run.exe": b"MZ\x90\x00"}}, "binaries"),
    ({"add": {"other/readme.txt": b"x"}}, "exactly one top-level folder"),
    ({"add": {"ecosecurity/../evil.py": b"x"}}, "no '..' or absolute path"),
    ({"rename": "EcoSecurity/"}, "not a PEP 8 package name"),
    ({"rename": "eco_security/"}, "it must be 'ecosecurity'"),
    ({"drop": ("ecosecurity/LICENSE",)}, "ecosecurity/LICENSE is missing"),
    ({"drop": ("ecosecurity/__init__.py",)}, "ecosecurity/__init__.py is missing"),
    ({"drop": ("ecosecurity/i18n/ecosecurity_zh_CN.qm",)}, "ecosecurity_zh_CN.qm is missing"),
    ({"metadata": _set("email", None)}, "required field 'email' is missing"),
    ({"metadata": _set("about", "")}, "required field 'about' is missing"),
    ({"metadata": _set("tracker", "http://bugs")}, "tracker='http://bugs' is not a web address"),
    ({"metadata": _set("homepage", "github.com/x")}, "homepage='github.com/x' is not a web address"),
    ({"metadata": _set("author", "A/B")}, "author may not contain '/'"),
    ({"metadata": _set("experimental", "yes")}, "experimental='yes' must be True or False"),
    ({"metadata": _set("version", "0.2 beta")}, "version='0.2 beta' must be numbers and dots"),
    ({"metadata": _set("icon", "icons/gone.svg")}, "icon=icons/gone.svg is not in the zip"),
    ({"metadata": _set("about", "100% ecological")}, "cannot be read as the repository reads it"),
    ({"metadata": lambda text: text.replace("[general]", "[plugin]")}, "No section: 'general'"),
])
def test_each_broken_rule_is_reported(built, tmp_path, change, message):
    bad = _variant(built, tmp_path / "bad.zip", **change)
    found = package.problems(bad)
    assert any(message in problem for problem in found), found


def test_a_zip_over_the_size_limit_is_rejected(built):
    assert "accepts at most 1,000" in package.problems(str(built), max_bytes=1000)[0]


def test_a_corrupt_member_is_rejected(tmp_path):
    path = tmp_path / "crc.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        out.writestr("ecosecurity/data.txt", b"A" * 100)
    path.write_bytes(path.read_bytes().replace(b"A" * 100, b"A" * 99 + b"B", 1))
    assert any("corrupt" in problem for problem in package.problems(str(path)))


def _source_copy(root):
    root.mkdir()
    for name in package.CONTENTS:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.exists():
            shutil.copy2(path, root / name)
    return root


@pytest.mark.parametrize("breakage, message", [
    (lambda root: (root / "metadata.txt").write_text(
        (REPO / "metadata.txt").read_text(encoding="utf-8").replace("\nemail=", "\nmail="), encoding="utf-8"),
     "required field 'email'"),
    (lambda root: (root / "core" / "helper.so").write_bytes(b"\x7fELF"), "binaries"),
])
def test_a_build_that_breaks_a_rule_exits_1_with_the_rule_and_leaves_the_old_zip(tmp_path, breakage, message):
    source = _source_copy(tmp_path / "src")
    breakage(source)
    out = tmp_path / "dist" / "ecosecurity.zip"
    out.parent.mkdir()
    out.write_bytes(b"previous build")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "package.py"), "--source", str(source),
                           "--out", str(out)], check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr
    assert out.read_bytes() == b"previous build"
    assert sorted(p.name for p in out.parent.iterdir()) == ["ecosecurity.zip"]


def test_hidden_files_and_caches_of_the_source_stay_out_of_the_zip(tmp_path):
    source = _source_copy(tmp_path / "src")
    (source / "core" / ".scratch.py").write_text("x = 1\n")
    (source / "core" / "__pycache__").mkdir(exist_ok=True)
    (source / "core" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (source / "i18n" / "zh" / "extra.json").write_text("{}")
    out = tmp_path / "ecosecurity.zip"
    package.build(str(source), str(out))
    names = zipfile.ZipFile(out).namelist()
    assert not [n for n in names if ".scratch" in n or "__pycache__" in n or n.endswith(".json")]


def _qgis_process(env, *args):
    return subprocess.run(["/usr/bin/qgis_process.bin", *args], check=False, capture_output=True, text=True,
                          env=env, timeout=300)


def test_the_zip_installed_in_a_fresh_profile_runs_classifyraster(built, tmp_path):
    config = tmp_path / "config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(built) as archive:
        archive.extractall(plugins)  # what Plugins ▸ Install from ZIP does (pyplugin_installer.unzip)
    (tmp_path / "xdg").mkdir(mode=0o700)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "QGIS_CUSTOM_CONFIG_PATH": str(config), "QT_QPA_PLATFORM": "offscreen",
           "XDG_RUNTIME_DIR": str(tmp_path / "xdg")}  # no PYTHONPATH: the working tree is out of reach
    listed = _qgis_process(env, "plugins")
    assert listed.returncode == 0 and "ecosecurity" in listed.stdout, listed.stderr
    enabled = _qgis_process(env, "plugins", "enable", "ecosecurity")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    dem = write_raster(tmp_path / "dem.tif", np.arange(48, dtype=np.float32).reshape(6, 8),
                       Grid((500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0), "", 6, 8), nodata=-9999)
    out = tmp_path / "classes.tif"
    done = _qgis_process(env, "run", "ecosecurity:classifyraster", "--json", "--",
                         f"INPUT={dem}", "METHOD=2", "CLASSES=3", f"OUTPUT={out}")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert json.loads(done.stdout)["results"]["OUTPUT"] == str(out)
    assert sorted(np.unique(read_raster(out).array).tolist()) == [1, 2, 3]
    # the algorithm was imported from the installed copy, which Python compiled on first import
    assert list((plugins / "ecosecurity" / "algorithms" / "tools" / "__pycache__").glob("classify_raster.*"))
