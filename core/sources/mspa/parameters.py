"""Distance thresholds and pad width of MSPA for one EdgeWidth.

The official program (JRC MSPA v2.3, ``mspa_lin64``; Soille & Vogt 2009, 2022) derives every
threshold in single precision from ``s = f32((w + 0.98) / sqrt(2))`` and ``e = f32(sqrt(2))``:

* ``t  = f32(s * e)``               (~ w + 0.98) edge width threshold: core iff EDT > t;
* ``t1 = f32(f32(1) * e)``          (= f32(sqrt 2)) the IntExt hole pre-pass (8-neighbourhood);
* ``tc = f32(f32(s - 1) * e)``      (~ w - 0.434) radius of the connector dilation;
* ``pad = floor(1.5 s + 0.5) + 1``  pixels of border padding.

A Euclidean distance ``d`` (between pixel centres, ``d**2`` an integer) is compared as
``f32(sqrt(d**2))`` against these thresholds, so each one is turned here into the largest
squared distance that passes (``d2_*``); the cores then work with exact integers only.
This reproduces the reference bit for bit (see ``shared/specs/mspa.md`` §3.3).
"""
import math
from dataclasses import dataclass

import numpy as np

from ...runtime.errors import InputError


def _largest_d2_within(threshold):
    """Largest integer ``d2`` with ``f32(sqrt(d2)) <= threshold`` (threshold a float32)."""
    d2 = int(math.floor(float(threshold) ** 2)) + 2
    while np.sqrt(np.float32(d2)) > threshold:
        d2 -= 1
    return d2


@dataclass(frozen=True)
class MspaParameters:
    """Thresholds of one MSPA run (``edge_width`` w, ``connectivity`` 8 or 4)."""

    edge_width: int
    connectivity: int
    t: np.float32
    t1: np.float32
    tc: np.float32
    pad: int
    d2_ring: int      # ring / not core: d**2 <= d2_ring; core: d**2 > d2_ring
    d2_hole: int      # IntExt pre-pass: d**2 <= d2_hole (= 2, the 8-neighbourhood)

    @property
    def background_connectivity(self):
        """The complementary connectivity (FG8 <-> BG4, FG4 <-> BG8)."""
        return 12 - self.connectivity


def mspa_parameters(edge_width, connectivity=8):
    """Validated :class:`MspaParameters` for EdgeWidth ``edge_width`` (pixels, >= 1)."""
    if isinstance(edge_width, bool) or int(edge_width) != edge_width or edge_width < 1:
        raise InputError(
            f"EDGE_WIDTH must be a whole number of pixels >= 1, got {edge_width!r}. "
            f"/ 边缘宽度（EDGE_WIDTH）必须是不小于 1 的整数像元数，当前为 {edge_width!r}。")
    if connectivity not in (4, 8):
        raise InputError(
            f"Foreground connectivity must be 8 or 4, got {connectivity!r}. "
            f"/ 前景连通性必须为 8 或 4，当前为 {connectivity!r}。")
    w = int(edge_width)
    s = np.float32((w + 0.98) / math.sqrt(2.0))
    e = np.float32(math.sqrt(2.0))
    t = np.float32(s * e)
    t1 = np.float32(np.float32(1.0) * e)
    tc = np.float32(np.float32(s - np.float32(1.0)) * e)
    pad = int(math.floor(1.5 * float(s) + 0.5)) + 1
    return MspaParameters(edge_width=w, connectivity=int(connectivity), t=t, t1=t1, tc=tc,
                          pad=pad, d2_ring=_largest_d2_within(t), d2_hole=_largest_d2_within(t1))
