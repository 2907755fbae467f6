"""MSPA classes of a 0/1/2 map: the whole procedure (steps 1-14 of ``shared/specs/mspa.md``).

Reference: *Morphological Spatial Pattern Analysis*, Version 2.3 (February 2022), JRC's official
program ``mspa_lin64`` used by GuidosToolbox and GuidosToolbox Workbench; Soille & Vogt (2009),
*Morphological segmentation of binary patterns*, Pattern Recognition Letters 30:456-459;
Soille & Vogt (2022), *MSPA: open source release*, ISPRS Archives XLVIII-4/W1-2022.
Reproduced **byte for byte**: all 48 official outputs in ``shared/reference/mspa`` (FG 8 and
4, EdgeWidth 1, 2, 3, 5, 10, Transition 0/1, IntExt 0/1, missing data, map borders), with
GWB's post-step "EdgeWidth 1: value 2 -> 0".

Output bytes: OR of 1 foreground, 2 edge, 4 perforation, 8 islet, 16 core, 32 bridge, 64 loop;
+100 inside core holes (IntExt), 100 Core-Opening, 220 Border-Opening, 129 missing.
"""
import numpy as np

from ...runtime.errors import InputError
from ...runtime.progress import ensure
from .connector import ConstrainedDistance, connector_mask
from .flooding import bridges
from .intext import apply_intext, foreground_holes
from .morphology import clear_frame, dilate_disk, erode_disk
from .parameters import mspa_parameters
from .thinning import anchored_thinning
from .zones import analysed_foreground, core_components, edge_zone, islets, pad_border

EDGE, PERFORATION, ISLET, CORE, BRIDGE, LOOP = 2, 4, 8, 16, 32, 64     # flags; 1 = foreground
MISSING = 129
_ROW_BLOCK = 1 << 20      # pixels per row block of _flag and _holds


def _flag(out, mask, value):
    """``out |= value`` where ``mask`` (in place), as ``out |= mask * value`` in row blocks
    (a masked ufunc is 5x slower)."""
    block = max(1, _ROW_BLOCK // out.shape[1])
    scratch = np.empty((min(block, out.shape[0]), out.shape[1]), dtype=np.uint8)
    for top in range(0, out.shape[0], block):
        rows = slice(top, top + block)
        part = scratch[:out[rows].shape[0]]
        np.multiply(mask[rows], np.uint8(value), out=part)
        out[rows] |= part


def _unpack(bits, shape):
    """Bool array of ``shape`` from ``np.packbits`` output."""
    return np.unpackbits(bits, count=int(np.prod(shape))).reshape(shape).view(bool)


def _holds(codes, value):
    """Whether the 2-D ``codes`` hold ``value``: row blocks, up to the first that does."""
    block = max(1, _ROW_BLOCK // codes.shape[1])
    return any((codes[top:top + block] == value).any() for top in range(0, codes.shape[0], block))


def _check_codes(codes):
    """:class:`InputError` unless ``codes`` is a 2-D 0/1/2 map with foreground and background."""
    if codes.ndim != 2 or codes.size == 0:
        raise InputError(f"MSPA needs a non-empty 2-D map, got shape {codes.shape}. / MSPA 需要非空的二维栅格。")
    if codes.dtype.kind not in "ui" or codes.min() < 0 or codes.max() > 2:
        raise InputError("MSPA codes must be integers 0 (missing), 1 (background) or 2 (foreground); "
                         "map the land use with mspa_codes(). / MSPA 代码只能是 0（缺失）、1（背景）、2（前景）。")
    if not _holds(codes, 2):
        raise InputError("The map has no foreground (value 2): nothing to analyse. / 没有前景（值 2）像元。")
    if not _holds(codes, 1):
        raise InputError("The map has no background (value 1): MSPA needs both foreground and "
                         "background. / 没有背景（值 1）像元，MSPA 需要同时有前景和背景。")


def mspa_classes(codes, connectivity=8, edge_width=1, intext=True, progress=None):
    """MSPA byte image of ``codes`` (uint8: 0 missing, 1 background, 2 foreground).

    ``connectivity``: foreground connectivity 8 or 4; ``edge_width``: EdgeWidth in pixels
    (>= 1); ``intext``: IntExt (internal features +100, openings 100/220). Transition is
    not a parameter here: it only changes the colour table, never a byte.
    Memory: see :func:`estimate_mspa_memory`.
    """
    progress = ensure(progress)
    params = mspa_parameters(edge_width, connectivity)
    codes = np.asarray(codes)
    _check_codes(codes)
    g, pad, d2 = params.connectivity, params.pad, params.d2_ring
    rows, cols = codes.shape

    all_holes = None
    if intext:
        all_holes = np.packbits(foreground_holes(codes, pad, params.d2_hole, g))
    progress.update(0.05, "core / 核心区")
    analysed = pad_border(analysed_foreground(codes, d2), pad)
    core = erode_disk(analysed, d2)
    opening = dilate_disk(core, d2)                # O = C | ring(C, t), inside the foreground
    islet = islets(analysed, opening, g)
    progress.update(0.10, "edges / 边缘区")
    core_labels, count = core_components(core, g)  # the flood's labels, too (EdgeWidth 1)
    edge, core_holes = edge_zone(core, d2, g, core_labels, count)
    if params.edge_width > 1:
        core_labels = None                         # room for the connector; relabelled later
    core_holes = np.packbits(core_holes) if intext else None
    perforation = opening & ~core                  # the core's ring ...
    perforation &= ~edge                           # ... inside its holes
    out = analysed.astype(np.uint8)
    _flag(out, islet, ISLET)
    _flag(out, perforation, PERFORATION)
    _flag(out, edge, EDGE)
    residue = analysed
    del analysed
    for zone in (core, islet, perforation, edge):
        residue &= ~zone
    del islet, perforation, edge

    progress.update(0.20, "skeleton / 骨架")
    skeleton = opening | residue
    clear_frame(skeleton, 2)
    clear_frame(core, 2)
    if params.edge_width == 1:                     # room for the thinning next to the core labels
        del residue
        opening = np.packbits(opening)
    anchored_thinning(skeleton, core, g, progress.sub(0.20, 0.45))
    skeleton &= ~core
    _flag(out, core, CORE)

    progress.update(0.45, "connectors / 连接体")
    if params.edge_width == 1:
        connector = skeleton                       # tc < 1: the connector is the skeleton
        opening = _unpack(opening, core.shape)
    else:
        mask = connector_mask(opening, core, residue)
        del residue
        shape = core.shape
        core, opening = np.packbits(core), np.packbits(opening)          # room
        distance = ConstrainedDistance(skeleton, mask, params.tc)
        del mask
        skeleton = np.packbits(skeleton)
        distance.run(progress.sub(0.45, 0.75))
        # K = M & rec(sk, M, g) & (sk | {1e-4 <= D <= tc}); the pixels D reaches are
        # 4-connected to sk inside M, so the reconstruction adds nothing
        connector = _unpack(skeleton, shape)
        connector |= distance.within(np.float32(1e-4), params.tc)
        del distance
        core, opening = _unpack(core, shape), _unpack(opening, shape)
    del skeleton

    progress.update(0.75, "bridges and loops / 桥接区与环道")
    bridge = bridges(core, opening, connector, g, progress.sub(0.75, 0.9), core_labels)
    del opening, core_labels
    _flag(out, bridge, BRIDGE)
    connector &= ~bridge
    _flag(out, connector, LOOP)
    del bridge, connector

    progress.update(0.92, "internal features / 内部要素")
    if intext:
        # The holes of the core (step 7) are those of the cleared core too: the cleared frame
        # pixels lie on rows/columns where the core runs straight to the array border.
        apply_intext(out, _unpack(core_holes, out.shape), _unpack(all_holes, out.shape), g)
    del core
    result = out[pad:pad + rows, pad:pad + cols].copy()
    del out
    result[codes == 0] = MISSING
    if params.edge_width == 1:
        result[result == EDGE] = 0                 # GWB's post-step ("fix large size MSPA bug")
    progress.update(1.0)
    return result
