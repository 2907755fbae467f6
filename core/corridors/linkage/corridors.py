"""Step 5 of Linkage Mapper: normalised least-cost corridors (``s5_calcLccs.py``; spec
``linkage_mapper.md`` §2.6).

NLCC_AB(x) = CWD_A(x) + CWD_B(x) - LCD_AB: the extra cost of the best A-B route forced through x
(0 on the least-cost path). The corridor mosaic is the minimum over the active links;
``<prefix>_corridors`` = Int(mosaic + 0.5) (ArcGIS ``Int`` truncates toward zero); the truncated
raster keeps the cells with corridor value <= the width threshold. Linkage Mapper adds 10,000
before mosaicking and removes it afterwards only to keep ArcGIS mosaics non-negative; that has no
effect on the values here. Reproduced exactly with the CWDs in float64 (ArcGIS stores float32).

Per-core CWD rasters are streamed to disk (one float64 ``.npy`` per core, memory-mapped when
read back), so memory holds at most two search windows plus the mosaics.
"""
import os
import tempfile

import numpy as np


class CwdStore:
    """Per-core CWD windows in a temporary folder (removed by :meth:`close`)."""

    def __init__(self, folder=None):
        self._tmp = tempfile.TemporaryDirectory(prefix="ecosecurity_cwd_", dir=folder)
        self.windows = {}

    def save(self, label, window, distance):
        np.save(os.path.join(self._tmp.name, f"{label}.npy"), distance, allow_pickle=False)
        self.windows[label] = window

    def load(self, label):
        """(window, read-only memory-mapped CWD) of core ``label``."""
        return self.windows[label], np.load(os.path.join(self._tmp.name, f"{label}.npy"), mmap_mode="r")

    def close(self):
        self._tmp.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def corridor_mosaic(links, store, shape, non_normalised=False, cutoff=None, progress=None):
    """Minimum over ``links`` = [(label_a, label_b, lcd), ...] of NLCC (and of CWD_A + CWD_B).

    Returns ``(nlcc, raw)``: float64 grids, inf where no link reaches (``raw`` is ``None`` unless
    ``non_normalised``). With ``cutoff``, NLCC values above it are left out (inf).
    """
    nlcc = np.full(shape, np.inf)
    raw = np.full(shape, np.inf) if non_normalised else None
    for i, (label_a, label_b, lcd) in enumerate(links):
        if progress is not None:
            progress.update(i / max(len(links), 1), "Normalised least-cost corridors / 归一化最小成本廊道")
        window_a, cwd_a = store.load(label_a)
        window_b, cwd_b = store.load(label_b)
        common = window_a.intersect(window_b)
        if common.size == 0:
            continue
        total = cwd_a[window_a.inner(common)] + cwd_b[window_b.inner(common)]
        corridor = total - lcd
        if cutoff is not None:
            corridor[corridor > cutoff] = np.inf
        rows, cols = common.slices
        np.fmin(nlcc[rows, cols], corridor, out=nlcc[rows, cols])
        if raw is not None:
            np.fmin(raw[rows, cols], total, out=raw[rows, cols])
    return nlcc, raw


def corridor_values(mosaic):
    """Linkage Mapper's integer corridors Int(mosaic + 0.5) (truncation toward zero).

    Returns ``(values, reached)``: int64 values (0 where unreached) and the bool mask of cells
    with a finite mosaic value."""
    reached = np.isfinite(mosaic)
    values = np.zeros(mosaic.shape, dtype=np.int64)
    values[reached] = np.trunc(mosaic[reached] + 0.5).astype(np.int64)
    return values, reached


def truncate(values, reached, width):
    """Cells of the integer corridors with value <= ``width`` (the truncated corridors)."""
    return reached & (values <= width)
