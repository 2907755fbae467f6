"""Maps and tables in Circuitscape's formats (Circuitscape.jl ``src/out.jl``).

* A node value becomes the value of every cell of that node (all cells of a short-circuit
  region show the region's voltage and current); cells on no node are 0.
* Pairwise current maps are post-processed before they are summed: log10 with
  ``log_transform_maps`` (values ≤ 0 → −9999), −9999 on cells with no conductance with
  ``set_null_currents_to_nodata``. The cumulative map is the sum of the post-processed maps and
  the maximum map their element-wise maximum (from −9999); both are then clamped at −9999
  (upstream behaviour: with log transform the cumulative map is a sum of logarithms).
* Rasters: ESRI ASCII grids (``%.10g``) or GeoTIFF; tables space separated, ``%.10g``.
"""
import os

import numpy as np

from ...io.raster import remove_quietly, replace_atomically, temporary_sibling, write_raster

NODATA = -9999.0


def cell_values(node_of_cell, node_values):
    """Grid of node values (0 on cells that are no node)."""
    out = np.zeros(node_of_cell.shape, dtype=np.float64)
    take = node_of_cell >= 0
    out[take] = node_values[node_of_cell[take]]
    return out


def postprocess_current(current_map, g, log_transform=False, null_to_nodata=False):
    """Circuitscape's per-pair current map post-processing (log10, −9999 on null cells)."""
    out = current_map
    if log_transform:
        positive = out > 0
        logged = np.full(out.shape, NODATA)
        logged[positive] = np.log10(out[positive])
        out = logged
    if null_to_nodata:
        out = np.where(g > 0, out, NODATA)
    return out


def postprocess_voltage(voltage_map, g, null_to_nodata=False):
    """−9999 on cells with no conductance when ``set_null_voltages_to_nodata``."""
    return np.where(g > 0, voltage_map, NODATA) if null_to_nodata else voltage_map


class MapAccumulator:
    """Cumulative (sum) and maximum of a series of current maps, clamped at −9999 at the end."""

    def __init__(self, shape, cumulative=True, maximum=False):
        self.total = np.zeros(shape) if cumulative else None
        self.peak = np.full(shape, NODATA) if maximum else None

    def add(self, current_map):
        if self.total is not None:
            self.total += current_map
        if self.peak is not None:
            np.maximum(self.peak, current_map, out=self.peak)

    @staticmethod
    def _clamp(array):
        if array is not None:
            array[array < NODATA] = NODATA
        return array

    def cumulative(self):
        return self._clamp(self.total)

    def maximum(self):
        return self._clamp(self.peak)


def write_grid(path, array, grid):
    """Write a map (ASCII grid for ``.asc``, GeoTIFF otherwise) with NoData −9999."""
    dtype = np.float64 if str(path).lower().endswith(".asc") else np.float32
    return write_raster(path, array, grid, nodata=NODATA, dtype=dtype)


def write_text_lines(path, lines):
    """Write text lines atomically (temporary file, then rename)."""
    tmp = temporary_sibling(path)
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write("".join(line + "\n" for line in lines))
        replace_atomically(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return path


def number(value):
    """Circuitscape's number format: integers bare, others with 10 significant digits."""
    value = float(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def write_resistance_matrix(path, ids, resistances):
    """``<out>_resistances.out``: first row ``0 id1 id2 …``, then ``id R_i1 R_i2 …``."""
    lines = [" ".join(["0"] + [number(i) for i in ids])]
    lines += [" ".join([number(i)] + [number(r) for r in row]) for i, row in zip(ids, resistances)]
    return write_text_lines(path, lines)


def write_resistance_columns(path, ids, resistances):
    """``<out>_resistances_3columns.out``: ``id_i id_j R_ij`` for i < j."""
    m = len(ids)
    lines = [f"{number(ids[a])} {number(ids[b])} {number(resistances[a, b])}"
             for a in range(m) for b in range(a + 1, m)]
    return write_text_lines(path, lines)


def write_columns(path, *columns, separator=" "):
    """A table of equal-length columns (ids, values) with Circuitscape's number format."""
    lines = [separator.join(number(c[k]) for c in columns) for k in range(len(columns[0]))]
    return write_text_lines(path, lines)


def output_name(stem, suffix, extension):
    """``<stem>_<suffix><extension>`` (the folder of ``stem`` is created)."""
    folder = os.path.dirname(stem)
    if folder:
        os.makedirs(folder, exist_ok=True)
    return f"{stem}_{suffix}{extension}"


class CircuitscapeFiles:
    """Writes maps and tables under Circuitscape's names ``<stem>_…`` (``.asc`` or ``.tif``)."""

    def __init__(self, stem, grid, extension=".asc"):
        self.stem, self.grid, self.extension = stem, grid, extension
        self.files = []

    def _grid(self, suffix, array):
        self.files.append(write_grid(output_name(self.stem, suffix, self.extension), array, self.grid))

    def begin_ids(self, ids):
        """One-to-all/all-to-one: the focal ids about to be solved (nothing to prepare here)."""

    def pair_current(self, a, b, array):
        self._grid(f"curmap_{a}_{b}", array)

    def pair_voltage(self, a, b, array):
        self._grid(f"voltmap_{a}_{b}", array)

    def id_current(self, focal_id, array):
        self._grid(f"curmap_{focal_id}", array)

    def id_voltage(self, focal_id, array):
        self._grid(f"voltmap_{focal_id}", array)

    def cumulative(self, array):
        self._grid("cum_curmap", array)

    def maximum(self, array):
        self._grid("max_curmap", array)

    def voltage(self, array):
        self._grid("voltmap", array)

    def current(self, array):
        self._grid("curmap", array)

    def pairwise_table(self, ids, resistances):
        self.files.append(write_resistance_matrix(output_name(self.stem, "resistances", ".out"), ids, resistances))
        self.files.append(write_resistance_columns(output_name(self.stem, "resistances_3columns", ".out"),
                                                   ids, resistances))

    def node_table(self, ids, values):
        self.files.append(write_columns(output_name(self.stem, "resistances", ".out"), ids, values))

    @staticmethod
    def write_config(config, stem):
        """The effective configuration in ini syntax at ``<stem>.out`` (Circuitscape.jl does this)."""
        lines = ["[Options used by the EcoSecurity circuit engine]"]
        lines += [f"{key} = {value}" for key, value in config.options.items()]
        return write_text_lines(stem + ".out", lines)


#: Colour stops of current maps (plasma-like, dark blue → yellow), as in ``styles/current.qml``.
CURRENT_RAMP = ((0.0, "#0d0887"), (0.25, "#7e03a8"), (0.5, "#cc4778"), (0.75, "#f89540"), (1.0, "#f0f921"))


def current_qml(array):
    """QML of a current map: the colour ramp stretched between the 2nd and 98th percentiles of its
    positive cells (a cumulative-count cut, as QGIS does), ends labelled in English and Chinese."""
    values = array[(array > 0) & np.isfinite(array)]
    low, high = (np.percentile(values, [2.0, 98.0]) if values.size else (0.0, 1.0))
    high = high if high > low else low + 1.0
    items = []
    for fraction, colour in CURRENT_RAMP:
        value = low + fraction * (high - low)
        label = ("Low current 低电流" if fraction == 0.0 else
                 "High current, pinch points 高电流（夹点）" if fraction == 1.0 else f"{value:.4g}")
        items.append(f'          <item value="{value:.10g}" label="{label}" color="{colour}" alpha="255"/>')
    body = "\n".join(items)
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            '<qgis version="3.22" styleCategories="Symbology">\n  <pipe>\n'
            f'    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" '
            f'classificationMin="{low:.10g}" classificationMax="{high:.10g}" nodataColor="">\n'
            "      <minMaxOrigin>\n        <limits>CumulativeCut</limits>\n        <extent>WholeRaster</extent>\n"
            "        <statAccuracy>Exact</statAccuracy>\n        <cumulativeCutLower>0.02</cumulativeCutLower>\n"
            "        <cumulativeCutUpper>0.98</cumulativeCutUpper>\n        <stdDevFactor>2</stdDevFactor>\n"
            "      </minMaxOrigin>\n      <rastershader>\n"
            f'        <colorrampshader colorRampType="INTERPOLATED" classificationMode="1" clip="0" '
            f'minimumValue="{low:.10g}" maximumValue="{high:.10g}" labelPrecision="4">\n'
            f"{body}\n        </colorrampshader>\n      </rastershader>\n"
            "    </rasterrenderer>\n  </pipe>\n</qgis>\n")


class LayerFiles:
    """The Processing algorithm's outputs: chosen paths for the cumulative, maximum, voltage and
    advanced current maps (None = not wanted), optional per-pair/per-id maps in ``folder``
    (``curmap_<a>_<b>.tif`` …). One-to-all voltages go to one multi-band raster, a band per id.
    The tables are kept in ``table`` for the caller: rows (id_a, id_b, R) or (id, value); current maps
    get a side-car style (``styles[path]`` = the ``.qml`` written beside it, see :func:`current_qml`)."""

    def __init__(self, grid, current=None, maximum=None, voltage=None, folder=None):
        self.grid, self.paths, self.folder = grid, {"current": current, "maximum": maximum, "voltage": voltage}, folder
        self.files = []
        self.table = []
        self.styles = {}
        self._bands = {}
        self._ids = []

    def _folder_map(self, name, array):
        if self.folder:
            os.makedirs(self.folder, exist_ok=True)
            self.files.append(write_grid(os.path.join(self.folder, f"{name}.tif"), array, self.grid))

    def _path_map(self, key, array, styled=False):
        path = self.paths[key]
        if path:
            self.files.append(write_grid(path, array, self.grid))
            if styled:
                self.styles[path] = write_text_lines(os.path.splitext(path)[0] + ".qml", [current_qml(array)])

    def begin_ids(self, ids):
        self._ids = [int(i) for i in ids]

    def pair_current(self, a, b, array):
        self._folder_map(f"curmap_{a}_{b}", array)

    def pair_voltage(self, a, b, array):
        self._folder_map(f"voltmap_{a}_{b}", array)

    def id_current(self, focal_id, array):
        self._folder_map(f"curmap_{focal_id}", array)

    def id_voltage(self, focal_id, array):
        if self.paths["voltage"]:
            self._bands[focal_id] = array.astype(np.float32)
        self._folder_map(f"voltmap_{focal_id}", array)

    def cumulative(self, array):
        self._path_map("current", array, styled=True)

    def maximum(self, array):
        self._path_map("maximum", array, styled=True)

    def voltage(self, array):
        self._path_map("voltage", array)

    def current(self, array):
        self._path_map("current", array, styled=True)

    def pairwise_table(self, ids, resistances):
        m = len(ids)
        self.table = [(int(ids[a]), int(ids[b]), float(resistances[a, b])) for a in range(m) for b in range(a + 1, m)]

    def node_table(self, ids, values):
        self.table = [(int(i), float(v)) for i, v in zip(ids, values)]
        if self._bands and self.paths["voltage"]:
            self.files.append(write_bands(self.paths["voltage"], [self._bands.get(i) for i in self._ids],
                                          [f"focal node {i}" for i in self._ids], self.grid))


def write_bands(path, arrays, names, grid):
    """A multi-band float32 GeoTIFF (NoData −9999), one band per array (None → a band of zeros)."""
    from osgeo import gdal

    from ...io.raster import GTIFF_OPTIONS
    tmp = temporary_sibling(path)
    try:
        dataset = gdal.GetDriverByName("GTiff").Create(tmp, grid.cols, grid.rows, len(arrays), gdal.GDT_Float32,
                                                       GTIFF_OPTIONS)
        if dataset is None:
            raise OSError(f"Cannot create '{path}': {gdal.GetLastErrorMsg()}")
        dataset.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            dataset.SetProjection(grid.crs_wkt)
        for k, (array, name) in enumerate(zip(arrays, names), start=1):
            band = dataset.GetRasterBand(k)
            band.SetNoDataValue(NODATA)
            band.SetDescription(name)
            band.WriteArray(np.zeros(grid.shape, np.float32) if array is None else array)
        dataset.FlushCache()
        dataset = None
        replace_atomically(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return path
