"""Carbon storage and habitat quality on one land-use map, with their summary table
(``ecosecurity:ecosystemservices``).

Order of the work, so that bad input stops before any output is written:

1. the land use is opened (projected CRS in metres) and its classes counted (:mod:`.service_landuse`);
2. the tables are read (:mod:`.service_tables`) and every land-use class is looked up in them;
3. each threat gets its intensities — the ``cur_path`` raster of the threats table, a raster given by
   the caller whose layer name or file name is the threat's name, ``<threat>.tif`` in a folder, or
   the land-use classes of the ``lucodes`` column — every raster must be on the land-use grid (the
   error names the threat and the file) and hold values 0–1; the access raster likewise;
4. carbon (:mod:`.carbon`) and habitat quality (:mod:`.habitat_quality`) are computed strip by
   strip and the summary table is built from the class counts and the per-class sums.

Either service is skipped when its table is not given; at least one must be.
"""
import os
import warnings
from dataclasses import dataclass, field

import numpy as np

from ..io.blockio import AlignedSource
from ..io.raster import check_aligned, read_grid
from ..runtime.errors import EcoSecurityWarning, InputError
from ..runtime.progress import ensure
from .carbon import CarbonResult, carbon_per_class, carbon_storage, cell_area_ha, estimate_carbon_memory
from .habitat_quality import ThreatLayer, check_unit_range, estimate_quality_memory, habitat_quality
from .service_landuse import open_land_use, scan_classes
from .service_tables import check_classes, read_carbon_table, read_sensitivity_table, read_threats_table

#: Columns of the summary table, in order.
SUMMARY_FIELDS = ("lucode", "name", "cells", "area_ha", "c_density", "carbon_mg", "carbon_pct", "habitat",
                  "mean_quality", "mean_degradation")
TOTAL = "Total / 合计"
_RASTER_EXTENSIONS = (".tif", ".tiff", ".img", ".asc", ".vrt")


@dataclass
class ServiceOutputs:
    """Output raster paths (None = not written)."""
    carbon: str = None
    quality: str = None
    degradation: str = None


@dataclass
class ServicesResult:
    summary: list
    total_carbon: float = None
    mean_quality: float = None
    carbon: object = None
    quality: object = None
    notes: list = field(default_factory=list)


def estimate_services_memory(land_use, threats_table=None, land_use_name=None):
    """Peak bytes of :func:`ecosystem_services` on the grid of ``land_use`` (threats table read for
    the kernel radii). A geographic CRS is refused first (its degrees would make the radii absurd)."""
    grid = open_land_use(land_use, land_use_name)[1]
    required = estimate_carbon_memory(grid)
    if threats_table:
        required = max(required, estimate_quality_memory(grid, read_threats_table(threats_table)))
    return required + 64 * 2 ** 20


def _layer_key(item):
    if isinstance(item, (tuple, list)):
        name, path = item
    else:
        name, path = None, item
    stem = os.path.splitext(os.path.basename(str(path)))[0]
    return {key.lower() for key in (name, stem) if key}, str(path)


def resolve_threats(threats, grid, land_use_name, threat_rasters=(), threat_folder=None):
    """[:class:`ThreatLayer`] in table order (see the module docstring, step 3)."""
    given = [_layer_key(item) for item in threat_rasters or ()]
    used, layers = set(), []
    for threat in threats:
        key = threat.name.lower()
        path = threat.raster
        if threat.lucodes:
            if path:
                raise InputError(f"Threat '{threat.name}' has both a raster (cur_path) and land-use classes (lucodes); "
                                 f"keep one. / 威胁因子“{threat.name}”同时给出了栅格和地类，请只保留一种。")
            layers.append(ThreatLayer(threat, None, threat.lucodes))
            continue
        if not path:
            path = next((p for keys, p in given if key in keys), None)
            if path:
                used.add(path)
        if not path and threat_folder:
            path = next((os.path.join(threat_folder, threat.name + ext) for ext in _RASTER_EXTENSIONS
                         if os.path.isfile(os.path.join(threat_folder, threat.name + ext))), None)
        if not path:
            names = ", ".join(sorted(k for keys, _p in given for k in keys)) or "none"
            raise InputError(
                f"Threat '{threat.name}' has no raster: give it in the threats table's cur_path column, as a raster "
                f"named '{threat.name}' among the threat rasters (given: {names}), as '{threat.name}.tif' in the "
                f"threat "
                "folder, or as land-use classes in a lucodes column. / "
                f"威胁因子“{threat.name}”缺少栅格：请在 cur_path 列给出路径，或提供同名栅格，或在 lucodes 列给出地类代码。")
        label = f"threat '{threat.name}' ({os.path.basename(path)})"
        check_aligned(grid, read_grid(path), land_use_name, label)
        layers.append(ThreatLayer(threat, AlignedSource(path, grid, name=label, reproject=False)))
    unused = [p for _keys, p in given if p not in used]
    if unused:
        warnings.warn(f"Threat raster(s) not named in the threats table, not used: "
                      f"{', '.join(os.path.basename(p) for p in unused)}. / 以下威胁栅格未在威胁因子表中出现，未使用："
                      f"{', '.join(os.path.basename(p) for p in unused)}", EcoSecurityWarning, stacklevel=2)
    return layers


def _open_access(path, grid, land_use_name):
    label = f"access raster ({os.path.basename(str(path))})"
    check_aligned(grid, read_grid(path), land_use_name, label)
    return AlignedSource(path, grid, name=label, reproject=False), label


def ecosystem_services(land_use, outputs, carbon_table=None, threats_table=None, sensitivity_table=None,
                       threat_rasters=(), threat_folder=None, access=None, half_saturation=0.5,
                       normalise_kernel=True, class_names=None, land_use_name=None, progress=None):
    """Carbon storage and/or habitat quality of ``land_use``; returns :class:`ServicesResult`.

    ``outputs``: :class:`ServiceOutputs`; ``threat_rasters``: paths or (layer name, path) pairs;
    ``class_names``: {code: name} used before the tables' ``name`` columns."""
    progress = ensure(progress)
    if not carbon_table and not threats_table:
        raise InputError("Give a carbon table (carbon storage) or a threats table and a sensitivity table (habitat "
                         "quality), or both. / 请至少提供碳密度表，或威胁因子表与敏感度表。")
    if threats_table and not sensitivity_table:
        raise InputError("Habitat quality needs a sensitivity table besides the threats table. / 生境质量计算需要"
                         "敏感度表。")
    if sensitivity_table and not threats_table:
        raise InputError("Habitat quality needs a threats table besides the sensitivity table. / 生境质量计算需要"
                         "威胁因子表。")
    if not half_saturation > 0:
        raise InputError(f"The half-saturation constant must be > 0 (given {half_saturation}). / 半饱和常数必须大于 0。")
    source, grid = open_land_use(land_use, land_use_name)
    name = source.name
    carbon = read_carbon_table(carbon_table) if carbon_table else None
    threats = read_threats_table(threats_table) if threats_table else None
    sensitivity = read_sensitivity_table(sensitivity_table, threats) if threats else None
    counts = scan_classes(source, progress.sub(0.0, 0.1))
    if carbon is not None:
        check_classes(counts, carbon.codes, carbon_table, "carbon table", name)
    layers = access_source = None
    if threats is not None:
        check_classes(counts, sensitivity.codes, sensitivity_table, "sensitivity table", name)
        layers = resolve_threats(threats, grid, name, threat_rasters, threat_folder)
        check = progress.sub(0.1, 0.15)
        for index, layer in enumerate(layers):
            if layer.source is not None:
                check_unit_range(layer.source, f"The {layer.source.name}", check)
            check.update((index + 1) / len(layers), "Checking the threat rasters / 检查威胁栅格")
        if access:
            access_source, label = _open_access(access, grid, name)
            check_unit_range(access_source, f"The {label}", check)
    result = ServicesResult([])
    if carbon is not None:
        end = 0.3 if threats is not None else 1.0
        result.carbon = carbon_storage(source, carbon, counts, outputs.carbon, progress.sub(0.15, end)) \
            if outputs.carbon else _carbon_totals(carbon, counts, grid)
        result.total_carbon = result.carbon.total
    if threats is not None:
        result.quality = habitat_quality(source, layers, sensitivity, half_saturation, access_source, outputs.quality,
                                         outputs.degradation, normalise_kernel, progress.sub(0.3, 1.0))
        result.mean_quality = float(result.quality.quality_sum.sum() / max(result.quality.cells.sum(), 1))
    names = {}
    for table in (sensitivity, carbon):
        if table is not None:
            names.update(table.names)
    names.update(class_names or {})
    result.summary = summary_rows(counts, cell_area_ha(grid), names, result.carbon, result.quality, sensitivity)
    return result


def _carbon_totals(carbon, counts, grid):
    per_class = carbon_per_class(carbon, counts, cell_area_ha(grid))
    densities = [d * cell_area_ha(grid) for d, _mg in per_class.values()]
    return CarbonResult(min(densities), max(densities), sum(mg for _d, mg in per_class.values()), per_class)


def summary_rows(counts, area_ha, names, carbon=None, quality=None, sensitivity=None):
    """One row per land-use class (:data:`SUMMARY_FIELDS`) and a total row; fields of a skipped service are None."""
    rows = []
    total_cells = sum(counts.values())
    total_carbon = carbon.total if carbon is not None else None
    for code, cells in counts.items():
        row = dict.fromkeys(SUMMARY_FIELDS)
        row.update(lucode=int(code), name=names.get(code, ""), cells=int(cells), area_ha=cells * area_ha)
        if carbon is not None:
            density, mg = carbon.per_class[code]
            row.update(c_density=density, carbon_mg=mg,
                       carbon_pct=100.0 * mg / total_carbon if total_carbon else 0.0)
        if quality is not None:
            i = int(np.searchsorted(sensitivity.codes, code))
            row.update(habitat=float(sensitivity.habitat[i]),
                       mean_quality=float(quality.quality_sum[i] / quality.cells[i]),
                       mean_degradation=float(quality.degradation_sum[i] / quality.cells[i]))
        rows.append(row)
    total = dict.fromkeys(SUMMARY_FIELDS)
    total.update(name=TOTAL, cells=int(total_cells), area_ha=total_cells * area_ha)
    if carbon is not None:
        total.update(c_density=total_carbon / (total_cells * area_ha), carbon_mg=total_carbon, carbon_pct=100.0)
    if quality is not None:
        total.update(mean_quality=float(quality.quality_sum.sum() / total_cells),
                     mean_degradation=float(quality.degradation_sum.sum() / total_cells))
    rows.append(total)
    return rows
