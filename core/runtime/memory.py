"""Memory planning: estimate before a big run and refuse clearly instead of dying.

Cores document how many O(cells) arrays of which dtype they allocate and expose an
``estimate_*_memory`` function; wrappers call :func:`check_memory` with that figure.
"""
from .errors import MemoryLimitError

#: Fraction of the currently available memory a single run may plan to use.
USABLE_FRACTION = 0.8


def available_memory():
    """Bytes of memory available now (``MemAvailable`` on Linux, psutil-free fallbacks elsewhere)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        import os
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def format_bytes(n):
    """``1.5 GB`` style text for a byte count."""
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1024 or unit == "TB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1024.0
    return f"{n:.1f} TB"


def check_memory(required, what, hint="Clip the input to a smaller extent or use a coarser cell size."):
    """Raise :class:`MemoryLimitError` when ``required`` bytes exceed the usable memory.

    ``what`` names the run (e.g. ``"MSPA on 'landuse' (10000 x 10000 cells)"``).
    """
    available = available_memory()
    if available is None:
        return
    usable = USABLE_FRACTION * available
    if required > usable:
        raise MemoryLimitError(
            f"{what} needs about {format_bytes(required)} of memory, but only "
            f"{format_bytes(available)} is available. {hint} "
            f"/ 内存不足：{what} 约需 {format_bytes(required)}，当前可用 {format_bytes(available)}。"
            "请裁剪输入范围或使用更粗的分辨率。")
