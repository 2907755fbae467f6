"""Memory planning: estimate before a big run and refuse clearly instead of dying.

Cores document how many O(cells) arrays of which dtype they allocate and expose an
``estimate_*_memory`` function; wrappers call :func:`check_memory` with that figure.
"""
import math

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


def what_fits(required, usable):
    """Bilingual sentence saying what would fit in ``usable`` bytes when the run needs ``required``:
    the share of the cells, as a cell size so many times coarser or an extent so many times smaller
    (memory and disk of raster runs grow with the number of cells)."""
    share = max(usable, 0) / float(required)
    coarser = math.ceil(math.sqrt(1.0 / share) * 10) / 10 if share > 0 else math.inf
    return (f"About {100 * share:.3g} % of the cells would fit: a cell size at least {coarser:g} times coarser "
            f"(resample the inputs), or an extent of at most {100 * share:.3g} % of this one (clip the inputs).",
            f"约可容纳 {100 * share:.3g}% 的像元：请将分辨率放粗至少 {coarser:g} 倍，或将范围裁剪到原来的 "
            f"{100 * share:.3g}% 以内。")


def check_memory(required, what, hint="Clip the input to a smaller extent or use a coarser cell size."):
    """Raise :class:`MemoryLimitError` when ``required`` bytes exceed the usable memory.

    ``what`` names the run (e.g. ``"MSPA on 'landuse' (10000 x 10000 cells)"``). The message gives
    the estimate, the memory available and what would fit (:func:`what_fits`).
    """
    available = available_memory()
    if available is None:
        return
    usable = USABLE_FRACTION * available
    if required > usable:
        fits, fits_zh = what_fits(required, usable)
        raise MemoryLimitError(
            f"{what} needs about {format_bytes(required)} of memory, but only "
            f"{format_bytes(available)} is available. {hint} {fits} "
            f"/ 内存不足：{what} 约需 {format_bytes(required)}，当前可用 {format_bytes(available)}。"
            f"请裁剪输入范围或使用更粗的分辨率。{fits_zh}")
