"""PNG charts of ecosystem-service bundles: a radar ("flower") chart per cluster and the service
correlation (trade-off / synergy) matrix, drawn with matplotlib's object API on the Agg canvas
(imported lazily; no pyplot, so QGIS's own backend is never switched).

Service names may be Chinese: a CJK font is used when one is installed (Noto Sans CJK, Source Han
Sans, WenQuanYi, SimHei, Microsoft YaHei, PingFang), else the default font and English titles.
"""
import warnings

import numpy as np

from ..runtime.deps import require

CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei",
             "Microsoft YaHei", "PingFang SC", "Heiti SC", "Arial Unicode MS"]
#: Qualitative colours (ColorBrewer Set1 + Dark2), cycled for more clusters.
PALETTE = ((228, 26, 28), (55, 126, 184), (77, 175, 74), (152, 78, 163), (255, 127, 0), (166, 86, 40),
           (247, 129, 191), (27, 158, 119), (217, 95, 2), (117, 112, 179), (102, 166, 30), (230, 171, 2))


def cluster_colour(index):
    """RGB of cluster ``index`` (0-based)."""
    return PALETTE[index % len(PALETTE)]


def _matplotlib():
    matplotlib = require("matplotlib", "the radar charts and the correlation matrix")
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    installed = {font.name for font in font_manager.fontManager.ttflist}
    cjk = [name for name in CJK_FONTS if name in installed]
    return matplotlib, Figure, FigureCanvasAgg, {"font.sans-serif": cjk + ["DejaVu Sans"],
                                                 "font.family": "sans-serif", "axes.unicode_minus": False}, bool(cjk)


def _title(text, cjk):
    """A bilingual "English / 中文" title, or its English part when no CJK font is installed."""
    return text if cjk else text.split(" / ")[0]


def radar_png(path, names, values, title, colour, limits, reference=None):
    """A radar chart of one cluster's mean standardised values (``limits`` = (low, high) of the radial
    axis, shared by all clusters); ``reference``: the mean over all samples, drawn dashed."""
    matplotlib, Figure, FigureCanvasAgg, rc, cjk = _matplotlib()
    angles = np.linspace(0.0, 2.0 * np.pi, len(names), endpoint=False)
    closed = np.concatenate([angles, angles[:1]])
    rgb = tuple(c / 255.0 for c in colour)
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure = Figure(figsize=(4.2, 4.2), dpi=110)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(111, projection="polar")
        axes.set_theta_offset(np.pi / 2.0)
        axes.set_theta_direction(-1)
        if reference is not None:
            axes.plot(closed, np.concatenate([reference, reference[:1]]), color="0.4", linestyle="--", linewidth=1)
        data = np.concatenate([values, values[:1]])
        axes.plot(closed, data, color=rgb, linewidth=2)
        axes.fill(closed, data, color=rgb, alpha=0.3)
        axes.set_xticks(angles)
        axes.set_xticklabels(names, fontsize=8)
        axes.set_ylim(*limits)
        axes.tick_params(axis="y", labelsize=7)
        axes.set_title(_title(title, cjk), fontsize=10, pad=14)
        figure.tight_layout()
        figure.savefig(path)
    return path


def correlation_png(path, names, matrix, title):
    """A red–blue heat map of the correlation matrix (−1 … 1) with the coefficients written in."""
    matplotlib, Figure, FigureCanvasAgg, rc, cjk = _matplotlib()
    size = 2.0 + 0.7 * len(names)
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure = Figure(figsize=(size + 1.0, size), dpi=110)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(111)
        image = axes.imshow(matrix, cmap="RdBu_r", vmin=-1.0, vmax=1.0)
        axes.set_xticks(range(len(names)))
        axes.set_yticks(range(len(names)))
        axes.set_xticklabels(names, rotation=45, ha="right", fontsize=8)
        axes.set_yticklabels(names, fontsize=8)
        for i in range(len(names)):
            for j in range(len(names)):
                axes.text(j, i, f"{matrix[i, j]:.2f}", ha="center", va="center", fontsize=8,
                          color="white" if abs(matrix[i, j]) > 0.6 else "black")
        figure.colorbar(image, ax=axes, fraction=0.046, pad=0.04)
        axes.set_title(_title(title, cjk), fontsize=10)
        figure.tight_layout()
        figure.savefig(path)
    return path
