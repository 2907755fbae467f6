"""Build ``dist/ecosecurity.zip`` (``make package``) for *Plugins ▸ Install from ZIP* and plugins.qgis.org.

The zip holds one folder, ``ecosecurity/``, with what the plugin runs on (:data:`CONTENTS`), taken
from the working tree as it is; caches, hidden files, the translation sources (``i18n/zh/*.json``,
``.ts``) and everything else (tests, bench, scripts, demo output) stay out. The archive is written
beside the target, checked by :func:`problems`, and only then moved into place: a package that
breaks a rule is never left behind.

:func:`problems` applies the rules of the QGIS plugin repository:

* QGIS-Django ``qgis-app/plugins/validator.py`` (commit 80cf619, 2024-11-14), the upload validator
  of plugins.qgis.org: size at most 25,000,000 bytes; a readable zip (CRC); no ``..`` or absolute
  member names; no ``.pyc``; no ``__MACOSX``, ``.git`` or ``__pycache__`` folder; ``__init__.py`` and
  ``metadata.txt`` (section ``[general]``) in the top folder, whose name is PEP 8
  (``^[a-z_][a-z0-9_]*$``); metadata ``name, description, version, qgisMinimumVersion, author,
  email, about, tracker, repository``; ``tracker``/``repository``/``homepage`` are URLs with scheme
  and host, not the template's placeholders; no ``/`` in ``author``; ``LICENSE`` in the top folder.
  (Whether the URLs answer is checked online at upload; not here.)
* https://plugins.qgis.org/docs/publish: "Don't include binaries"; at most 25 MB.
* Stricter than the validator (which only warns): exactly one top-level folder, no hidden files or
  folders (the cookbook's "Releasing your plugin": no useless files such as ``.gitignore``), boolean
  flags written as True/False, numeric versions, the icon named in metadata present, and the files
  the plugin loads at start-up (:data:`REQUIRED_FILES`).
"""
import argparse
import configparser
import fnmatch
import os
import re
import sys
import time
import zipfile
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "ecosecurity"
TARGET = os.path.join(ROOT, "dist", f"{PACKAGE}.zip")
CONTENTS = ("metadata.txt", "__init__.py", "plugin.py", "provider.py", "LICENSE", "README.md",
            "algorithms", "core", "icons", "i18n", "styles", "templates", "models")
OPTIONAL_CONTENTS = ("models",)
ONLY_SUFFIXES = {"i18n": (".qm",)}  # the plugin loads the compiled translation only
EXCLUDED = ("__pycache__", "*.pyc", "*.pyo", ".*", "*~", "*.part.*")
REQUIRED_FILES = ("__init__.py", "metadata.txt", "LICENSE", "plugin.py", "provider.py",
                  "i18n/ecosecurity_zh_CN.qm")

MAX_BYTES = 25_000_000
REQUIRED_METADATA = ("name", "description", "version", "qgisMinimumVersion", "author", "email",
                     "about", "tracker", "repository")
URL_METADATA = {"tracker": "http://bugs", "repository": "http://repo", "homepage": "http://homepage"}
BOOLEAN_METADATA = ("experimental", "deprecated", "server")
FORBIDDEN_FOLDERS = ("__MACOSX", ".git", "__pycache__")
BINARY_SUFFIXES = (".so", ".dll", ".exe", ".pyd", ".dylib")
BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe",
                b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")  # ELF, PE, Mach-O (32/64, both orders, fat)
VERSION = re.compile(r"^\d+(\.\d+){1,3}$")


class PackageError(Exception):
    """The package breaks the repository's rules; ``args[0]`` lists every broken rule."""


def collect(source):
    """``[(name in the zip, path on disk)]`` of the plugin's files under ``source``, sorted."""
    missing = [name for name in CONTENTS
               if name not in OPTIONAL_CONTENTS and not os.path.exists(os.path.join(source, name))]
    if missing:
        raise PackageError(f"{source} lacks {', '.join(missing)}: not a plugin source tree")
    entries = []
    for name in CONTENTS:
        path = os.path.join(source, name)
        if os.path.isfile(path):
            entries.append((f"{PACKAGE}/{name}", path))
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not _excluded(d))
            for file in files:
                relative = os.path.relpath(os.path.join(folder, file), source).replace(os.sep, "/")
                if not _excluded(file) and relative.endswith(ONLY_SUFFIXES.get(name, ("",))):
                    entries.append((f"{PACKAGE}/{relative}", os.path.join(folder, file)))
    return sorted(entries)


def _excluded(name):
    return any(fnmatch.fnmatch(name, pattern) for pattern in EXCLUDED)


def write_zip(entries, target):
    """Write ``entries`` with their folders, all stamped with the newest file's time (repeatable)."""
    newest = max(os.path.getmtime(path) for _, path in entries)
    stamp = time.localtime(max(newest, 315532800))[:6]  # zip dates start in 1980
    folders = sorted({name[:i + 1] for name, _ in entries for i, c in enumerate(name) if c == "/"})
    with zipfile.ZipFile(target, "w") as archive:
        for folder in folders:
            info = zipfile.ZipInfo(folder, stamp)
            info.external_attr = (0o40755 << 16) | 0x10
            archive.writestr(info, b"")
        for name, path in entries:
            info = zipfile.ZipInfo(name, stamp)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as handle:
                archive.writestr(info, handle.read(), compresslevel=9)


def problems(path, package=PACKAGE, max_bytes=MAX_BYTES):
    """Every rule of the plugin repository that the zip at ``path`` breaks (empty list: valid)."""
    size = os.path.getsize(path)
    if size > max_bytes:
        return [f"the zip has {size:,} bytes; the plugin repository accepts at most {max_bytes:,}"]
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        return [f"not a readable zip file ({error})"]
    with archive:
        found = _member_problems(archive.namelist())
        bad = archive.testzip()
        if bad:  # the members' contents cannot be trusted: stop here
            return found + [f"member {bad} is corrupt (CRC error)"]
        found += _binary_problems(archive)
        found += _layout_problems(archive, package)
    return found


def _member_problems(names):
    found = []
    for name in names:
        parts = name.rstrip("/").split("/")
        if ".." in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
            found.append(f"{name}: member names may hold no '..' or absolute path")
        if ".pyc" in name:
            found.append(f"{name}: compiled Python (.pyc) is not allowed")
        forbidden = [part for part in parts if part in FORBIDDEN_FOLDERS]
        if forbidden:
            found.append(f"{name}: a '{forbidden[0]}' folder is not allowed")
        elif any(part.startswith(".") for part in parts):
            found.append(f"{name}: hidden files and folders are not allowed")
    tops = sorted({name.split("/")[0] for name in names})
    if len(tops) != 1 or not any("/" in name for name in names):
        found.append(f"the zip must hold exactly one top-level folder; it holds {tops or 'nothing'}")
    return found


def _binary_problems(archive):
    found = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as member:
            head = member.read(4)
        if info.filename.lower().endswith(BINARY_SUFFIXES) or head.startswith(BINARY_MAGIC):
            found.append(f"{info.filename}: binaries (executables, shared libraries) are not allowed")
    return found


def _layout_problems(archive, package):
    names = set(archive.namelist())
    top = min(names).split("/")[0] if names else ""
    found = []
    if not re.match(r"^[a-z_][a-z0-9_]*$", top):
        found.append(f"the top-level folder '{top}' is not a PEP 8 package name ([a-z_][a-z0-9_]*)")
    if top != package:
        found.append(f"the top-level folder is '{top}'; it must be '{package}'")
    found += [f"{package}/{file} is missing" for file in REQUIRED_FILES if f"{package}/{file}" not in names]
    if f"{package}/metadata.txt" in names:
        found += _metadata_problems(archive.read(f"{package}/metadata.txt"), names, package)
    return found


def _metadata_problems(content, names, package=PACKAGE):
    """Rules for ``metadata.txt`` (bytes): readable, ``[general]``, required fields, URLs, flags."""
    parser = configparser.ConfigParser()
    parser.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    try:
        parser.read_string(content.decode("utf-8"))
        metadata = dict(parser.items("general"))
    except (UnicodeDecodeError, configparser.Error) as error:
        return [f"metadata.txt cannot be read as the repository reads it: {error}"]
    found = [f"metadata.txt: required field '{key}' is missing or empty"
             for key in REQUIRED_METADATA if not metadata.get(key, "").strip()]
    for key, placeholder in URL_METADATA.items():
        url = metadata.get(key, "").strip()
        parsed = urlparse(url)
        if url and (url == placeholder or not (parsed.scheme in ("http", "https") and parsed.netloc)):
            found.append(f"metadata.txt: {key}={url!r} is not a web address (http(s)://host/...)")
    if "/" in metadata.get("author", ""):
        found.append("metadata.txt: author may not contain '/'")
    for key in BOOLEAN_METADATA:
        if key in metadata and metadata[key].strip().lower() not in ("true", "false", "1", "0"):
            found.append(f"metadata.txt: {key}={metadata[key]!r} must be True or False")
    for key in ("version", "qgisMinimumVersion", "qgisMaximumVersion"):
        if key in metadata and metadata[key].strip() and not VERSION.match(metadata[key].strip()):
            found.append(f"metadata.txt: {key}={metadata[key]!r} must be numbers and dots, e.g. 3.22")
    icon = metadata.get("icon", "").strip().removeprefix("./")
    if icon and f"{package}/{icon}" not in names:
        found.append(f"metadata.txt: icon={icon} is not in the zip")
    return found


def build(source=ROOT, target=TARGET):
    """Write the checked package to ``target`` (replacing it) and return its member count.

    Raises :class:`PackageError` listing every broken rule; ``target`` is then left untouched.
    """
    entries = collect(source)
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    partial = f"{target}.part.{os.getpid()}"
    try:
        write_zip(entries, partial)
        found = problems(partial)
        if found:
            raise PackageError("the plugin package breaks the QGIS plugin repository's rules:\n  - "
                               + "\n  - ".join(found))
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return len(entries)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", default=ROOT, help="plugin source tree (default: this repository)")
    parser.add_argument("--out", default=TARGET)
    parser.add_argument("--check", metavar="ZIP", help="only check an existing zip")
    args = parser.parse_args(argv)
    try:
        if args.check:
            found = problems(args.check)
            if found:
                raise PackageError(f"{args.check} breaks the QGIS plugin repository's rules:\n  - "
                                   + "\n  - ".join(found))
            print(f"{args.check}: valid plugin package")
            return 0
        count = build(args.source, args.out)
    except PackageError as error:
        print(f"package: {error}", file=sys.stderr)
        return 1
    size = os.path.getsize(args.out)
    print(f"{args.out}: {count} files, {size / 1e6:.2f} MB, passes the plugin repository's rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
