"""Whole-or-nothing outputs: checked before the work, staged during it, moved into place at the end.

A run's outputs are written into hidden staging folders, one beside each target folder
(``.ecosecurity-stage-<pid>-<random>``, same file system, so the final move is a rename); every
file a step derives from an output's name (style side-cars, statistics, Circuitscape's
``<stem>_…`` files) lands there under its final name. :meth:`OutputStage.commit` moves them all
into place once every output succeeded; :meth:`OutputStage.rollback` deletes them after a failure
or a cancel. Staging folders of runs that were killed (their process is gone) are deleted the next
time an output is staged in that folder, with the hidden ``.part`` files of writers that died.

:func:`check_outputs` refuses, before any work, an output that would overwrite an input (also
through side-car files: a raster's ``.qml`` style, a shapefile's ``.dbf``), two outputs on one
file, a folder that cannot be created or written, and a disk without room for the estimate.
"""
import os
import re
import shutil
import sys
import time
import uuid

from ..runtime.errors import InputError
from ..runtime.memory import what_fits

STAGE_PREFIX = ".ecosecurity-stage-"
_STAGE_NAME = re.compile(r"^\.ecosecurity-stage-(\d+)-[0-9a-f]+$")
_PART_NAME = re.compile(r"^\..+\.part(\.[^.]+)?$")
_PART_PID = re.compile(r"^\..+\.pid(\d+)\.[^.]+\.part(\.[^.]+)?$")
#: Hidden ``.part`` files without an owner id older than this are leftovers (seconds).
PART_FILE_AGE = 24 * 3600
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx")


def process_alive(pid):
    """True when process ``pid`` still runs (never signals it)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes
        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(folder):
    """Delete staging folders and ``.part`` files in ``folder`` left by runs that were killed."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    removed = []
    for name in names:
        path = os.path.join(folder, name)
        stage = _STAGE_NAME.match(name)
        owner = _PART_PID.match(name)
        if stage and not process_alive(int(stage.group(1))):
            shutil.rmtree(path, ignore_errors=True)
        elif owner and not process_alive(int(owner.group(1))):
            _remove(path)
        elif _PART_NAME.match(name) and not owner and _older_than(path, PART_FILE_AGE):
            _remove(path)
        else:
            continue
        removed.append(path)
    return removed


def _older_than(path, seconds):
    try:
        return time.time() - os.path.getmtime(path) > seconds
    except OSError:
        return False


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


def normalised(path):
    """A comparable form of a file path (absolute, links resolved, case-folded where the OS is)."""
    return os.path.normcase(os.path.realpath(os.path.abspath(str(path))))


def file_family(path, is_output=False):
    """The files that belong to ``path``: itself, GDAL's ``.aux.xml``, a shapefile's parts and,
    for an output, the ``.qml`` style side-car written beside it."""
    root, ext = os.path.splitext(path)
    family = {path, path + ".aux.xml"}
    if ext.lower() == ".shp":
        family |= {root + part for part in _SHAPEFILE_PARTS}
    if is_output:
        family.add(root + ".qml")
    return {normalised(member) for member in family}


def _existing_ancestor(folder):
    folder = os.path.abspath(folder)
    while not os.path.isdir(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


def check_outputs(outputs, inputs, required_bytes=0):
    """Refuse outputs that would destroy an input or cannot be written, before any work.

    ``outputs``: (parameter, path, is_folder) of each file or folder output; ``inputs``:
    (parameter, path) of each input file; ``required_bytes``: estimated size of all outputs.
    Raises :class:`InputError` naming the parameter and the path.
    """
    taken = {}
    for name, path in inputs:
        for member in file_family(path):
            taken.setdefault(member, (name, path))
    claimed = {}
    for name, path, is_folder in outputs:
        for member in ({normalised(path)} if is_folder else file_family(path, is_output=True)):
            if member in taken:
                source, source_path = taken[member]
                raise InputError(
                    f"Output {name} '{path}' would overwrite the input {source} ('{source_path}'). "
                    "Choose another output file name."
                    f" / 输出 {name}“{path}”会覆盖输入 {source}（“{source_path}”），请另选输出文件名。")
        primary = normalised(path)
        if primary in claimed:
            raise InputError(
                f"Outputs {claimed[primary]} and {name} are the same file '{path}'. Give each output its own name."
                f" / 输出 {claimed[primary]} 与 {name} 是同一个文件“{path}”，请分别命名。")
        claimed[primary] = name
        _check_writable(name, path, is_folder)
    folders = {_existing_ancestor(path if is_folder else os.path.dirname(os.path.abspath(path)))
               for _, path, is_folder in outputs}
    for folder in folders:
        usage = shutil.disk_usage(folder)
        free = usage.free
        if usage.total and required_bytes > free:  # (pseudo file systems report no size)
            fits, fits_zh = what_fits(required_bytes, free)
            raise InputError(
                f"Not enough disk space in '{folder}': the outputs need about {required_bytes / 1e9:.2f} GB, "
                f"{free / 1e9:.2f} GB are free. Free some space or write the outputs to another disk. {fits}"
                f" / “{folder}”磁盘空间不足：输出约需 {required_bytes / 1e9:.2f} GB，"
                f"可用 {free / 1e9:.2f} GB。请清理空间或输出到其他磁盘。{fits_zh}")


def _check_writable(name, path, is_folder):
    if not is_folder and os.path.isdir(path):
        raise InputError(f"Output {name} '{path}' is a folder; give a file name."
                         f" / 输出 {name}“{path}”是文件夹，请给出文件名。")
    if os.path.exists(path) and not is_folder and not os.access(path, os.W_OK):
        raise InputError(f"Output {name} '{path}' exists and is read-only; choose another name or make it writable."
                         f" / 输出 {name}“{path}”已存在且只读，请另选文件名或取消只读。")
    folder = path if is_folder else os.path.dirname(os.path.abspath(path))
    existing = os.path.abspath(folder)
    while not os.path.exists(existing) and os.path.dirname(existing) != existing:
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        raise InputError(f"Output {name}: '{existing}' is a file, so the folder '{folder}' cannot be created."
                         f" / 输出 {name}：“{existing}”是文件，无法创建文件夹“{folder}”。")
    ancestor = _existing_ancestor(folder)
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise InputError(
            f"Output {name}: the folder '{ancestor}' cannot be written (permission denied), so '{path}' "
            "cannot be created. Choose a folder you can write to."
            f" / 输出 {name}：文件夹“{ancestor}”没有写入权限，无法创建“{path}”，请选择可写的文件夹。")


class OutputStage:
    """The staging folders of one run; see the module docstring."""

    def __init__(self):
        self._stages = {}  # target folder -> staging folder

    def _stage(self, target_folder, name):
        target_folder = os.path.abspath(target_folder)
        stage = self._stages.get(target_folder)
        if stage is None:
            try:
                os.makedirs(target_folder, exist_ok=True)
                clean_leftovers(target_folder)
                stage = os.path.join(target_folder, f"{STAGE_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}")
                os.mkdir(stage)
            except OSError as error:
                raise InputError(
                    f"Output {name}: cannot write in the folder '{target_folder}' ({error.strerror}). "
                    "Choose a folder you can write to."
                    f" / 输出 {name}：无法写入文件夹“{target_folder}”，请选择可写的文件夹。") from None
            self._stages[target_folder] = stage
        return stage

    def file(self, path, name="OUTPUT"):
        """The staged path for an output file at ``path``."""
        path = os.path.abspath(path)
        return os.path.join(self._stage(os.path.dirname(path), name), os.path.basename(path))

    def folder(self, path, name="OUTPUT"):
        """The staged path for an output folder at ``path`` (created, empty)."""
        path = os.path.abspath(path.rstrip("/\\"))
        staged = os.path.join(self._stage(os.path.dirname(path), name), os.path.basename(path))
        os.makedirs(staged, exist_ok=True)
        return staged

    def final(self, text):
        """``text`` with every staged path replaced by its final path."""
        for target, stage in self._stages.items():
            text = text.replace(stage, target)
        return text

    def staged_files(self):
        """(staged path, final path) of every file written so far."""
        pairs = []
        for target, stage in self._stages.items():
            for root, _, files in os.walk(stage):
                for name in files:
                    staged = os.path.join(root, name)
                    pairs.append((staged, os.path.join(target, os.path.relpath(staged, stage))))
        return pairs

    def commit(self):
        """Move every staged file to its final place, then delete the staging folders."""
        pairs = self.staged_files()
        for staged, final in pairs:
            if os.path.isdir(final):
                raise InputError(f"Cannot write '{final}': a folder of that name exists. / “{final}”是已存在的文件夹。")
        for staged, final in pairs:
            os.makedirs(os.path.dirname(final), exist_ok=True)
            os.replace(staged, final)
        self._remove_stages()
        return [final for _, final in pairs]

    def rollback(self):
        """Delete the staging folders and everything in them."""
        self._remove_stages()
        self._stages.clear()

    def _remove_stages(self):
        for stage in self._stages.values():
            shutil.rmtree(stage, ignore_errors=True)
