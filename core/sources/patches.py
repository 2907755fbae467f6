"""Habitat patches from a class raster: labelling, area and perimeter, minimum area, protected areas.

The seed workflow (ecological sources = MSPA Core patches above an area threshold, plus the
ecological red line / nature reserves) as a pure function of arrays:

1. Habitat cells = valid cells whose value is in ``classes`` (default 17 and 117, MSPA Core
   and Core inside a perforation, spec ``mspa.md``).
2. Habitat patches = connected groups of habitat cells (8- or 4-connectivity,
   ``scipy.ndimage.label``).
3. A habitat patch is kept when its area ≥ ``min_area`` (hectares) **or** it overlaps a
   protected cell.
4. Protected cells (a mask rasterised on the same grid, e.g. red-line or reserve polygons) are
   sources whatever their class or area: the final patches are the connected groups of
   (kept habitat ∪ protected valid cells), so a reserve touching a core patch joins it.

Each final patch gets an id 1..n (in raster scan order of its first cell), its area (ha), its
perimeter (map units: length of the outline of its cells, holes included — the perimeter of the
polygonised patch) and why it is a source: :data:`BY_AREA`, :data:`BY_PROTECTION` or
:data:`BY_BOTH`. Areas assume projected map units in metres (the wrapper checks the CRS).
"""
import os
import warnings
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, ogr
from scipy import ndimage

from ..io.crs import check_projected
from ..io.raster import read_grid, read_raster
from ..io.rasterize import rasterize_features
from ..runtime.errors import EcoSecurityWarning, InputError
from ..runtime.progress import ensure

#: Default MSPA classes forming patches: Core (17) and Core inside a perforation (117).
MSPA_CORE_CLASSES = (17, 117)
#: Why a patch is a source: large enough, inside a protected area, or both.
BY_AREA, BY_PROTECTION, BY_BOTH = "area", "protected", "area+protected"
SQUARE_METRES_PER_HECTARE = 10000.0


@dataclass
class Patches:
    """``labels`` (int32 grid, 0 = not a patch, 1..n = patch id) and per patch (index id − 1):
    ``area_ha``, ``perimeter``, ``cells`` and ``source`` (why it is a source)."""
    labels: np.ndarray
    area_ha: np.ndarray
    perimeter: np.ndarray
    cells: np.ndarray
    source: list

    @property
    def count(self):
        return int(self.area_ha.size)

    @property
    def total_area_km2(self):
        return float(self.area_ha.sum()) / 100.0


def estimate_patches_memory(rows, cols):
    """Peak bytes of :func:`habitat_patches` on a ``rows`` x ``cols`` grid: two int32 label
    grids, a few bool masks and scipy's labelling work space (about 16 bytes per cell)."""
    return int(rows) * int(cols) * 16


def _structure(connectivity):
    if connectivity not in (4, 8):
        raise InputError(f"Connectivity must be 4 or 8, got {connectivity}. / 连通性必须为 4 或 8。")
    return np.ones((3, 3), dtype=bool) if connectivity == 8 else ndimage.generate_binary_structure(2, 1)


def _values_listed(array, valid, limit=20):
    """The distinct valid values of ``array`` for a message (the first ``limit`` and how many more)."""
    values = np.unique(array[valid])
    shown = ", ".join(f"{v:g}" for v in values[:limit].astype(np.float64))
    return shown + (f" … ({values.size} values)" if values.size > limit else "")


def habitat_patches(array, valid, classes=MSPA_CORE_CLASSES, cell_width=1.0, cell_height=None,
                    connectivity=8, min_area=0.0, protected=None, progress=None, name="class raster"):
    """:class:`Patches` of ``array`` (2-D class raster) — see the module docstring.

    ``valid``: bool mask (False = NoData); ``classes``: values forming habitat;
    ``cell_width``/``cell_height``: cell size in metres; ``min_area``: hectares (0 keeps all);
    ``protected``: optional bool mask on the same grid; ``name``: the raster in messages.
    Never returns an empty result silently: a raster with only NoData, none of ``classes`` (and no
    protected cell) or no patch reaching ``min_area`` is an :class:`InputError`.
    """
    progress = ensure(progress)
    array = np.asarray(array)
    valid = np.asarray(valid, dtype=bool)
    cell_height = cell_width if cell_height is None else cell_height
    if not (cell_width > 0 and cell_height > 0):
        raise InputError(f"The cell size must be positive, got {cell_width} x {cell_height}. / 像元大小必须为正数。")
    if min_area is None or min_area < 0 or not np.isfinite(min_area):
        raise InputError(f"The minimum patch area must be >= 0 hectares, got {min_area}. / 最小斑块面积必须 >= 0 公顷。")
    classes = np.asarray(list(classes), dtype=np.float64)
    if classes.size == 0:
        raise InputError("Give at least one class value that forms habitat patches, e.g. 17,117 for MSPA Core. "
                         "/ 请至少给出一个构成生境斑块的类别值，例如 MSPA 核心区 17,117。")
    structure = _structure(connectivity)
    cell_ha = cell_width * cell_height / SQUARE_METRES_PER_HECTARE
    if not valid.any():
        raise InputError(f"'{name}' contains only NoData cells, so there are no habitat patches. Check the raster "
                         f"(and its NoData value) and run again. / “{name}”全部为 NoData，没有生境斑块。")
    habitat = valid & np.isin(array, classes)
    protected_cells = None
    if protected is not None:
        protected_cells = np.asarray(protected, dtype=bool)
        if protected_cells.shape != array.shape:
            raise InputError(f"The protected-area mask {protected_cells.shape} does not match the raster "
                             f"{array.shape}. / 保护地掩膜与栅格大小不一致。")
        protected_cells = protected_cells & valid
    asked = ", ".join(f"{c:g}" for c in classes)
    if not habitat.any() and (protected_cells is None or not protected_cells.any()):
        raise InputError(
            f"None of the habitat classes asked ({asked}) occurs in '{name}', whose values are "
            f"{_values_listed(array, valid)}"
            f"{'' if protected_cells is None else ', and the protected areas cover none of its valid cells'}; "
            "there would be no patch. Choose classes among these values "
            f"(e.g. 17,117 for the Core of an MSPA result). / “{name}”中没有所选的生境类别（{asked}），"
            f"栅格中的值为 {_values_listed(array, valid)}，请从中选择类别。")
    progress.update(0.1, "Labelling habitat patches / 标记生境斑块")
    labels, n = ndimage.label(habitat, structure=structure)
    labels = labels.astype(np.int32, copy=False)
    progress.check()
    counts = np.bincount(labels.ravel(), minlength=n + 1)
    large = counts * cell_ha >= min_area
    large[0] = False
    if protected_cells is not None:
        touched = np.zeros(n + 1, dtype=bool)
        touched[labels[protected_cells]] = True
        touched[0] = False
        keep = large | touched
    else:
        keep = large
    kept = keep[labels]
    large_cells = large[labels]
    del labels
    if protected_cells is not None:
        kept |= protected_cells
    if not kept.any():
        largest = float(counts[1:].max()) * cell_ha if n else 0.0
        raise InputError(
            f"No habitat patch of '{name}' (classes {asked}) reaches the minimum area of {min_area:g} ha: the "
            f"largest has {largest:.4g} ha, so there would be no patch. Lower the minimum patch area or add "
            f"protected areas. / “{name}”中没有达到最小面积 {min_area:g} 公顷的斑块（最大 {largest:.4g} 公顷），"
            "请降低最小斑块面积。")
    progress.update(0.5, "Labelling source patches / 标记源地斑块")
    final, count = ndimage.label(kept, structure=structure)
    final = final.astype(np.int32, copy=False)
    progress.check()
    cells = np.bincount(final.ravel(), minlength=count + 1)[1:]
    by_area = np.bincount(final[large_cells], minlength=count + 1)[1:] > 0
    if protected_cells is not None:
        by_protection = np.bincount(final[protected_cells], minlength=count + 1)[1:] > 0
    else:
        by_protection = np.zeros(count, dtype=bool)
    source = [BY_BOTH if a and p else (BY_AREA if a else BY_PROTECTION) for a, p in zip(by_area, by_protection)]
    progress.update(0.8, "Patch perimeters / 计算斑块周长")
    perimeter = patch_perimeters(final, count, cell_width, cell_height)
    progress.update(1.0)
    return Patches(final, cells * cell_ha, perimeter, cells, source)


def patch_perimeters(labels, count, cell_width, cell_height):
    """Outline length of each label 1..count: cell edges between the label and anything else
    (another label, background or the raster border); horizontal edges are ``cell_width`` long,
    vertical ones ``cell_height``."""
    padded = np.pad(labels, 1)
    perimeter = np.zeros(count + 1)
    vertical = padded[:, 1:] != padded[:, :-1]
    for side in (padded[:, 1:][vertical], padded[:, :-1][vertical]):
        perimeter += cell_height * np.bincount(side, minlength=count + 1)
    horizontal = padded[1:, :] != padded[:-1, :]
    for side in (padded[1:, :][horizontal], padded[:-1, :][horizontal]):
        perimeter += cell_width * np.bincount(side, minlength=count + 1)
    return perimeter[1:]


def patch_polygons(labels, geotransform, progress=None):
    """``{patch id: WKB}`` outlines of the labelled patches (GDAL Polygonize with 4-connected
    parts, grouped per id into a MultiPolygon when a patch has diagonal-only joins), so that
    edge-to-edge distances between the polygons equal those between the cell squares."""
    progress = ensure(progress)
    rows, cols = labels.shape
    raster = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Int32)
    raster.SetGeoTransform(tuple(geotransform))
    band = raster.GetRasterBand(1)
    band.WriteArray(labels)
    band.SetNoDataValue(0)
    vector = ogr.GetDriverByName("Memory").CreateDataSource("patches")
    layer = vector.CreateLayer("patches", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    progress.update(0.1, "Polygonising patches / 斑块矢量化")
    if gdal.Polygonize(band, band.GetMaskBand(), layer, 0, [], callback=None) != 0:
        raise InputError(f"GDAL could not polygonise the patches: {gdal.GetLastErrorMsg()}")
    parts = {}
    for feature in layer:
        parts.setdefault(feature.GetField(0), []).append(feature.GetGeometryRef().Clone())
    progress.check()
    outlines = {}
    for patch_id, polygons in parts.items():
        if len(polygons) == 1:
            geometry = polygons[0]
        else:
            geometry = ogr.Geometry(ogr.wkbMultiPolygon)
            for polygon in polygons:
                geometry.AddGeometry(polygon)
        outlines[int(patch_id)] = bytes(geometry.ExportToWkb())
    progress.update(1.0)
    return outlines


def patches_from_raster(path, classes=MSPA_CORE_CLASSES, connectivity=8, min_area=0.0, protected=None,
                        progress=None, name=None):
    """``(Patches, grid)`` of band 1 of the raster ``path``; ``protected`` is an optional
    ``(vector path, layer name)`` of polygons burnt by the cell-centre rule (GDAL Rasterize,
    reprojected to the raster's CRS). A geographic CRS is refused (areas in hectares); protected
    areas that cover no valid cell of the raster get a warning."""
    progress = ensure(progress)
    name = name or os.path.basename(str(path))
    check_projected(read_grid(path).crs_wkt, name, "patch areas (hectares) and perimeters", metres=True)
    raster = read_raster(path, name=name)
    grid = raster.grid
    mask = None
    if protected is not None:
        mask = rasterize_features(protected[0], grid, layer=protected[1] or None, all_touched=False) > 0
        if not (mask & raster.valid).any():
            what = protected[1] or os.path.basename(str(protected[0]))
            warnings.warn(
                f"The protected areas '{what}' cover no valid cell of '{name}' (they lie outside its extent, on "
                "NoData cells, or are smaller than a cell), so they add no source. Check that the layers overlap "
                f"and share the CRS. / 保护地“{what}”与“{name}”的有效像元没有重叠（位于范围之外、NoData 上或小于一个"
                "像元），未加入任何生态源地。", EcoSecurityWarning, stacklevel=2)
    patches = habitat_patches(raster.array, raster.valid, classes, grid.cell_width, grid.cell_height,
                              connectivity, min_area, mask, progress, name)
    return patches, grid
