"""Linkage Pathways from files to files (the core behind ``ecosecurity:corridors``).

Reads the resistance raster and the cores (a polygon layer with an integer id field, rasterised
by cell centre, or a raster of core ids), runs :func:`.pathways.linkage_pathways` and writes
the rasters atomically. The link table and the least-cost paths are returned as plain records
(fields + map coordinates) for the caller to write as features.

Rasters written: corridors and truncated corridors (Int32, NoData -2147483648), CWD to the
nearest core and the non-normalised mosaic (Float32, NoData -9999), allocation (Int32,
NoData 0).
"""
from dataclasses import dataclass

import numpy as np

from ...io.crs import check_projected
from ...io.raster import read_grid, read_raster, same_crs, write_raster
from ...runtime.errors import InputError
from ...runtime.progress import ensure
from .cores import core_ids_from_raster, rasterize_cores
from .corridors import corridor_values, truncate
from .pathways import estimate_pathways_memory, linkage_pathways

INT_NODATA = -2147483648
FLOAT_NODATA = -9999.0

#: Fields of the least-cost path layer (public contract of ``OUTPUT_LCP``).
LCP_FIELDS = ("link_id", "core1", "core2", "link_type", "euc_dist", "cw_dist", "lcp_length",
              "cwd_to_euc", "cwd_to_path")
#: Fields of the link table (``OUTPUT_LINKS``), Linkage Mapper's ``linkTable_s5`` plus the type name.
LINK_FIELDS = ("link_id", "core1", "core2", "cluster1", "cluster2", "link_type", "link_info", "euc_dist",
               "cw_dist", "euc_adj", "cwd_adj", "lcp_length", "cwd_to_euc", "cwd_to_path")


@dataclass
class CoreSource:
    """Where the cores come from: a raster of ids (``id_field`` None) or a vector layer."""
    path: str
    layer_name: str = ""
    id_field: str = None
    name: str = "core areas"


def estimate_memory(resistance_path):
    """Peak bytes of a run on the grid of ``resistance_path``."""
    grid = read_grid(resistance_path)
    return estimate_pathways_memory(grid.rows, grid.cols)


def _vector_on_grid(source, grid):
    """The vector layer, reprojected in memory when its CRS differs from the grid's."""
    from osgeo import gdal, ogr
    dataset = ogr.Open(str(source.path))
    if dataset is None:
        raise InputError(f"Cannot open the core areas '{source.path}' as a vector layer.")
    layer = dataset.GetLayerByName(source.layer_name) if source.layer_name else dataset.GetLayer(0)
    if layer is None:
        raise InputError(f"The layer '{source.layer_name}' is not in '{source.path}'.")
    srs = layer.GetSpatialRef()
    if srs is None or not grid.crs_wkt or same_crs(srs.ExportToWkt(), grid.crs_wkt):
        return source.path, layer.GetName()
    moved = gdal.VectorTranslate("/vsimem/ecosecurity_cores.gpkg", str(source.path), format="GPKG",
                                 layerName="cores", dstSRS=grid.crs_wkt,
                                 layers=[layer.GetName()])
    if moved is None:
        raise InputError(f"Cannot reproject the core areas to the resistance raster's CRS: {gdal.GetLastErrorMsg()}")
    moved = None
    return "/vsimem/ecosecurity_cores.gpkg", "cores"


def read_cores(source, grid):
    """int64 grid of core ids on ``grid``."""
    if source.id_field is None:
        cores = read_raster(source.path)
        if cores.grid.shape != grid.shape or not np.allclose(cores.grid.geotransform, grid.geotransform):
            raise InputError(
                f"The core raster '{source.name}' is not on the resistance grid (same extent and cell size "
                "needed). Align it first (Raster ▸ Align Rasters). / 核心区栅格与阻力栅格未对齐，请先对齐。")
        return core_ids_from_raster(cores.array, cores.valid)
    path, layer_name = _vector_on_grid(source, grid)
    try:
        return rasterize_cores(path, layer_name, source.id_field, grid)
    finally:
        if path.startswith("/vsimem/"):
            from osgeo import gdal
            gdal.Unlink(path)


def corridors(resistance_path, cores, outputs, options, progress=None, resistance_name="resistance", workers=1,
              scheduler=None):
    """Run Linkage Pathways; write the rasters named in ``outputs`` (keys ``corridors``,
    ``truncated``, ``cwd``, ``allocation``, ``non_normalised``; missing or None = not written).
    ``workers``, ``scheduler``: where the per-core searches run (:func:`.pathways.linkage_pathways`).

    Returns ``(result, link_rows, lcp_rows)``: the :class:`~.pathways.PathwayResult`, one dict
    per link (:data:`LINK_FIELDS`) and one ``(dict of LCP_FIELDS, [(x, y), ...])`` per active link.
    """
    progress = ensure(progress)
    progress.update(0.0, "Reading the inputs / 读取输入数据")
    check_projected(read_grid(resistance_path).crs_wkt, resistance_name, "cost distances and corridor lengths")
    resistance = read_raster(resistance_path, name=resistance_name)
    grid = resistance.grid
    cell_size = grid.cell_size
    core_ids = read_cores(cores, grid)
    result = linkage_pathways(core_ids, resistance.array.astype(np.float64, copy=False), resistance.valid,
                              cell_size, options, progress.sub(0.02, 0.95), workers=workers, scheduler=scheduler)
    del core_ids
    progress.update(0.95, "Writing the outputs / 写出结果")
    _write_rasters(result, grid, outputs, options)
    link_rows = link_records(result)
    lcp_rows = [({name: row[name] for name in LCP_FIELDS}, [grid.cell_center(r, c) for r, c in result.paths[i]])
                for i, row in enumerate(link_rows) if result.table.active[i]]
    progress.update(1.0)
    return result, link_rows, lcp_rows


def _write_rasters(result, grid, outputs, options):
    values, reached = corridor_values(result.nlcc)
    if outputs.get("corridors"):
        write_raster(outputs["corridors"], np.where(reached, values, INT_NODATA), grid, INT_NODATA, np.int32)
    if outputs.get("truncated") and options.truncate_width is not None:
        kept = truncate(values, reached, options.truncate_width)
        write_raster(outputs["truncated"], np.where(kept, values, INT_NODATA), grid, INT_NODATA, np.int32)
    if outputs.get("cwd"):
        cwd = np.where(np.isfinite(result.cwd), result.cwd, FLOAT_NODATA)
        write_raster(outputs["cwd"], cwd, grid, FLOAT_NODATA, np.float32)
    if outputs.get("allocation"):
        write_raster(outputs["allocation"], result.allocation, grid, 0, np.int32)
    if outputs.get("non_normalised") and result.raw is not None:
        raw = np.where(np.isfinite(result.raw), result.raw, FLOAT_NODATA)
        write_raster(outputs["non_normalised"], raw, grid, FLOAT_NODATA, np.float32)


def link_records(result):
    """One dict per link of the table (:data:`LINK_FIELDS`)."""
    t = result.table
    names = t.type_names()
    to_euc, to_path = t.cwd_to_euc, t.cwd_to_path
    return [dict(link_id=int(t.link_id[i]), core1=int(t.core1[i]), core2=int(t.core2[i]),
                 cluster1=int(t.cluster1[i]), cluster2=int(t.cluster2[i]), link_type=int(t.link_type[i]),
                 link_info=names[i], euc_dist=float(t.euc_dist[i]), cw_dist=float(t.lc_dist[i]),
                 euc_adj=int(t.euc_adj[i]), cwd_adj=int(t.cwd_adj[i]), lcp_length=float(t.lcp_length[i]),
                 cwd_to_euc=float(to_euc[i]), cwd_to_path=float(to_path[i]))
            for i in range(len(t))]

