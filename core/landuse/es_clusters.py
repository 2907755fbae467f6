"""Ecosystem-service bundles (``ecosecurity:esclusters``): standardise the service rasters per cell
or per spatial unit, cluster them (SOFM or k-means, :mod:`.es_model`), and write the cluster raster,
the per-cluster profiles and the correlation matrix.

Spec §6 (Raudsepp-Hearne et al. 2010; Vesanto & Alhoniemi 2000). Cells: a cell is a sample when it
is valid in every service; the model is trained on a seeded sample of at most ``sample_size``
cells, then every cell is assigned to the cluster of its nearest prototype strip by strip (memory
bounded by :func:`estimate_esclusters_memory`, independent of the raster size except for the
unit-id grid). Units: each polygon's value is the mean of the valid cells whose centre lies inside
it (a polygon smaller than a cell takes the cells it touches); the units are standardised and
clustered, and the raster shows each unit's cluster over the whole polygon.

A "less is better" layer (soil erosion, sediment export) can be given direction −1: it is
reversed when standardised, so that high standardised values always mean more service, and its
correlations change sign accordingly. The profile of a cluster is the mean standardised value of
each service over its cells (or units), with its area; the correlation matrix is Pearson's r
between the services over all the samples (cells or units) — positive = synergy, negative =
trade-off. No reference run exists for this step;
the tests check planted clusters (adjusted Rand index) and seeded reproducibility.
"""
import re
from dataclasses import dataclass, field

import numpy as np

from ..io.blockio import BlockWriter
from ..io.crs import area_unit
from ..io.qml import paletted_qml
from ..io.rasterize import rasterize_geometries
from ..runtime.errors import InputError
from ..runtime.progress import ensure
from .charts import cluster_colour
from .clusters import STANDARDISATIONS, correlation_from_sums, standardisation_parameters, standardise
from .es_inputs import open_services, read_strip, sample_cells, sample_size_note, scan, strip_bytes, strips, unit_sums
from .es_model import ModelOptions, fit_model
from .sofm import BATCH, MAX_SIDE

NODATA = 0


@dataclass
class EsClusterOptions(ModelOptions):
    standardise: str = "minmax"
    sample_size: int = 100_000
    directions: list = None        # +1 / −1 per service (default all +1): −1 reverses a "less is better" layer


@dataclass
class UnitsInput:
    """Polygons of the spatial units: WKB geometries in the order of the user's layer, their CRS (WKT)."""
    geometries: list
    crs_wkt: str
    name: str = "units"


@dataclass
class EsClusterResult:
    names: list
    fields: list                     # field-safe names of the services
    k: int
    model: object
    correlation: np.ndarray
    profiles: list                   # one dict a cluster (see PROFILE_FIELDS)
    overall: np.ndarray              # mean standardised value of each service over all samples
    samples: int
    trained_on: int
    area_unit: str
    unit_clusters: np.ndarray = None   # per input unit, 1 … k; 0 = no valid cell
    unit_values: np.ndarray = None     # per input unit, standardised means (NaN without data)
    notes: list = field(default_factory=list)
    qml: str = ""


def field_name(name):
    """A field-safe version of a layer name (letters, digits, underscore; at most 40 characters)."""
    text = re.sub(r"\W+", "_", name.strip(), flags=re.UNICODE).strip("_") or "service"
    return text[:40]


def profile_fields(fields):
    """Column order of the profile table."""
    return (["cluster", "cells", "units", "area", "area_pct"] + [f"std_{f}" for f in fields]
            + [f"mean_{f}" for f in fields])


def estimate_esclusters_memory(grid, services, sample_size=100_000, units=False):
    """Bytes: one strip of every service (:func:`.es_inputs.strip_bytes`), the sample (m × d float64,
    three copies), the SOFM (a batch × M score matrix, M ≤ 400 neurons), the
    nearest-prototype chunks (4 Mi pairs × 3 float64), the silhouette blocks and, with units, the int32 unit-id grid."""
    m = min(max(sample_size, 0) or grid.rows * grid.cols, grid.rows * grid.cols)
    neurons = MAX_SIDE * MAX_SIDE
    total = strip_bytes(grid, services) + 3 * 8 * m * services + 3 * 8 * BATCH * neurons
    total += 3 * 8 * (1 << 22) + 2 * 8 * 500 * 4000
    if units:
        total += 4 * grid.rows * grid.cols
    return int(total)


def es_clusters(paths, names, output, options, units=None, progress=None):
    """Cluster the services ``paths`` (named ``names``) into the uint8 raster ``output`` (0 = NoData).

    Returns an :class:`EsClusterResult`; raises :class:`InputError` on bad input before writing.
    """
    progress = ensure(progress)
    if options.directions is not None and len(options.directions) != len(paths):
        raise InputError(f"{len(options.directions)} direction(s) given for {len(paths)} services; give one per "
                         "service, e.g. +,+,- . / 方向个数与服务个数不一致。")
    if options.standardise not in STANDARDISATIONS:
        raise InputError(f"Unknown STANDARDISE '{options.standardise}'. / 未知的标准化方法。")
    grid, sources = open_services(paths, names)
    fields = [field_name(name) for name in names]
    if len(set(f.lower() for f in fields)) < len(fields):
        fields = [f"{f}_{i + 1}" for i, f in enumerate(fields)]
    unit_label, measurable = area_unit(grid.crs_wkt)
    cell_area = abs(grid.geotransform[1] * grid.geotransform[5])
    to_area = (cell_area / 1e6 if unit_label == "m²" else cell_area) if measurable else 1.0
    area_label = "km²" if unit_label == "m²" else unit_label
    if units is None:
        result = _cells(grid, sources, names, fields, output, options, progress)
    else:
        result = _units(grid, sources, names, fields, output, options, units, progress)
    total = sum(p["cells"] for p in result.profiles) or 1
    for row in result.profiles:
        row["area"] = row["cells"] * to_area
        row["area_pct"] = 100.0 * row["cells"] / total
    result.area_unit = area_label
    result.qml = paletted_qml([(i + 1, f"Cluster {i + 1} / 簇 {i + 1}", cluster_colour(i)) for i in range(result.k)])
    return result


def _cells(grid, sources, names, fields, output, options, progress):
    stats = scan(sources, grid, progress.sub(0.0, 0.1))
    offset, scale = standardisation_parameters(stats.minimum, stats.maximum, stats.mean, stats.sd,
                                               options.standardise, names, options.directions)
    if options.clusters > stats.n:
        raise InputError(
            f"CLUSTERS = {options.clusters} is larger than the number of cells valid in every input ({stats.n}). "
            f"/ 聚类数 {options.clusters} 大于有效像元数（{stats.n}）。")
    raw = sample_cells(sources, grid, stats.n, options.sample_size, options.seed, progress.sub(0.1, 0.2))
    model = fit_model(standardise(raw, offset, scale), options, progress.sub(0.2, 0.7))
    del raw
    k, d = model.k, len(sources)
    count = np.zeros(k, dtype=np.int64)
    sum_z, sum_raw = np.zeros((k, d)), np.zeros((k, d))
    blocks = strips(grid, d)
    assign = progress.sub(0.7, 1.0)
    with BlockWriter(output, grid, np.uint8, nodata=NODATA) as writer:
        for index, (row0, nrows) in enumerate(blocks):
            values, valid = read_strip(sources, row0, nrows)
            strip = np.zeros((nrows, grid.cols), dtype=np.uint8)
            if len(values):
                z = standardise(values, offset, scale)
                labels = model.assign(z)
                strip[valid] = labels + 1
                count += np.bincount(labels, minlength=k)
                for j in range(d):
                    sum_z[:, j] += np.bincount(labels, weights=z[:, j], minlength=k)
                    sum_raw[:, j] += np.bincount(labels, weights=values[:, j], minlength=k)
            writer.write(row0, strip)
            assign.update((index + 1) / len(blocks), "Assigning every cell to its cluster")
    profiles = _profiles(count, None, sum_z, sum_raw, fields)
    overall = (stats.mean - offset) / scale
    notes = [sample_size_note(stats.n, options.sample_size)]
    return EsClusterResult(names, fields, k, model, _oriented(stats.correlation, scale), profiles, overall, stats.n,
                           min(stats.n, options.sample_size) if options.sample_size > 0 else stats.n, "", notes=notes)


def _units(grid, sources, names, fields, output, options, units, progress):
    from osgeo import ogr, osr
    n_units = len(units.geometries)
    if n_units == 0:
        raise InputError(f"The units layer '{units.name}' has no features. / 单元图层没有要素。")
    srs = None
    if units.crs_wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(units.crs_wkt)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    progress.update(0.0, "Rasterising the units")
    empty = bytes(ogr.Geometry(ogr.wkbPolygon).ExportToWkb())
    geometries = [empty if geometry is None else geometry for geometry in units.geometries]
    ids = rasterize_geometries(geometries, grid, list(range(1, n_units + 1)), all_touched=False,
                               dtype=np.int32, keep_small=True, name=units.name, crs=srs)
    sums, counts, cells = unit_sums(sources, grid, ids, n_units, progress.sub(0.05, 0.2))
    has_data = counts > 0
    if not has_data.any():
        raise InputError(
            f"No unit of '{units.name}' covers a cell valid in every service: check that the units overlap the "
            "rasters (and their CRS). / 单元图层与服务栅格没有重叠的有效像元，请检查范围和坐标系。")
    means = sums[has_data] / counts[has_data, None]
    n = len(means)
    mean = means.mean(axis=0)
    sd = means.std(axis=0)
    offset, scale = standardisation_parameters(means.min(axis=0), means.max(axis=0), mean, sd,
                                               options.standardise, names, options.directions)
    z = standardise(means, offset, scale)
    if options.clusters > n:
        raise InputError(
            f"CLUSTERS = {options.clusters} is larger than the number of units with data ({n} of {n_units} in "
            f"'{units.name}'). / 聚类数 {options.clusters} 大于有数据的单元数（{n}）。")
    model = fit_model(z, options, progress.sub(0.2, 0.8))
    labels = model.assign(z)
    k, d = model.k, len(sources)
    unit_clusters = np.zeros(n_units, dtype=np.int64)
    unit_clusters[has_data] = labels + 1
    unit_values = np.full((n_units, d), np.nan)
    unit_values[has_data] = z
    lookup = np.concatenate([[NODATA], unit_clusters]).astype(np.uint8)
    blocks = strips(grid, d)
    paint = progress.sub(0.8, 1.0)
    with BlockWriter(output, grid, np.uint8, nodata=NODATA) as writer:
        for index, (row0, nrows) in enumerate(blocks):
            writer.write(row0, lookup[ids[row0:row0 + nrows]])
            paint.update((index + 1) / len(blocks), "Writing the cluster raster")
    unit_count = np.bincount(labels, minlength=k)
    cell_count = np.bincount(labels, weights=cells[has_data], minlength=k).astype(np.int64)
    sum_z = np.array([z[labels == c].sum(axis=0) for c in range(k)])
    sum_raw = np.array([means[labels == c].sum(axis=0) for c in range(k)])
    profiles = _profiles(cell_count, unit_count, sum_z, sum_raw, fields, per=unit_count)
    centred = means - mean
    correlation = _oriented(correlation_from_sums(n, centred.sum(axis=0), centred.T @ centred), scale)
    notes = [f"{n} of {n_units} units have cells valid in every service and are clustered. / "
             f"{n_units} 个单元中有 {n} 个有有效数据并参与聚类。"]
    if n < n_units:
        notes.append(f"{n_units - n} unit(s) of '{units.name}' hold no cell valid in every service; their cluster "
                     "is empty (NULL) and they are NoData in the raster. / 部分单元无有效像元，聚类为空。")
    return EsClusterResult(names, fields, k, model, correlation, profiles, z.mean(axis=0), n, n, "",
                           unit_clusters=unit_clusters, unit_values=unit_values, notes=notes)


def _oriented(correlation, scale):
    """The correlation of the services as standardised: r_ij · sign_i · sign_j (reversed layers flip)."""
    signs = np.sign(scale)
    return correlation * np.outer(signs, signs)


def _profiles(cells, units, sum_z, sum_raw, fields, per=None):
    per = cells if per is None else per
    rows = []
    for c in range(len(cells)):
        row = {"cluster": c + 1, "cells": int(cells[c]), "units": None if units is None else int(units[c]),
               "area": 0.0, "area_pct": 0.0}
        for j, name in enumerate(fields):
            row[f"std_{name}"] = float(sum_z[c, j] / per[c]) if per[c] else None
        for j, name in enumerate(fields):
            row[f"mean_{name}"] = float(sum_raw[c, j] / per[c]) if per[c] else None
        rows.append(row)
    return rows
