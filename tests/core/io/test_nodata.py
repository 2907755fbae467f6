"""The NoData rule of core/io/nodata.py, the same for every reader: read_raster, AlignedSource (aligned or
warped) and so every algorithm (classifyraster, mspa, circuitscape, resistance factors…)."""
import warnings

import numpy as np
import pytest
from ecosecurity.core.io.blockio import AlignedSource
from ecosecurity.core.io.raster import Grid, epsg_wkt, read_raster, write_raster
from ecosecurity.core.runtime.errors import EcoSecurityWarning

GRID = Grid((500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0), epsg_wkt(32650), 4, 5)
FINE = Grid((500000.0, 50.0, 0.0, 3000000.0, 0.0, -50.0), epsg_wkt(32650), 8, 10)


def recorded(call):
    """``(result, [warning messages of EcoSecurityWarning])`` of ``call()``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [str(w.message) for w in caught if issubclass(w.category, EcoSecurityWarning)]


def untagged(tmp_path, value, dtype=np.float32, cells=3, name="dem.tif"):
    data = np.arange(1, 21).reshape(4, 5).astype(dtype)
    data.flat[:cells] = value
    return write_raster(tmp_path / name, data, GRID)  # no NoData tag


@pytest.mark.parametrize("value, dtype", [
    (-9999, np.float32), (-9999, np.int16), (-99999, np.int32), (-99999, np.float64),
    (float(np.finfo(np.float32).min), np.float32), (float(np.finfo(np.float64).min), np.float64),
])
def test_untagged_sentinel_minimum_is_nodata_with_a_warning(tmp_path, value, dtype):
    path = untagged(tmp_path, value, dtype)
    raster, messages = recorded(lambda: read_raster(path))
    assert (~raster.valid).sum() == 3 and not raster.valid.flat[:3].any()
    assert len(messages) == 1
    text = messages[0]
    assert "dem.tif" in text and "3 cell(s)" in text and "gdal_edit.py -a_nodata" in text and "Translate" in text
    assert (f"{value:g}" if abs(value) < 1e15 else repr(value)) in text


def test_untagged_byte_255_stays_data_with_a_warning(tmp_path):
    data = np.ones((4, 5), np.uint8)
    data[0, :2] = 255
    path = write_raster(tmp_path / "landuse.tif", data, GRID)
    raster, messages = recorded(lambda: read_raster(path))
    assert raster.valid.all()
    assert len(messages) == 1 and "255" in messages[0] and "2 cell(s)" in messages[0]
    assert "landuse.tif" in messages[0] and "gdal_edit.py -a_nodata 255" in messages[0]


def test_untagged_uint16_65535_stays_data_with_a_warning(tmp_path):
    data = np.ones((4, 5), np.uint16)
    data[3, 4] = 65535
    raster, messages = recorded(lambda: read_raster(write_raster(tmp_path / "u16.tif", data, GRID)))
    assert raster.valid.all() and len(messages) == 1 and "65535" in messages[0]


def test_tagged_band_and_non_minimum_sentinel_are_left_alone(tmp_path):
    data = np.arange(20, dtype=np.float32).reshape(4, 5)
    data[0, 0] = -9999
    tagged = write_raster(tmp_path / "tagged.tif", data, GRID, nodata=-1)
    raster, messages = recorded(lambda: read_raster(tagged))
    assert raster.valid.all() and messages == []
    data[1, 1] = -20000                     # -9999 is not the minimum: data, not a marker
    raster, messages = recorded(lambda: read_raster(write_raster(tmp_path / "deep.tif", data, GRID)))
    assert raster.valid.all() and messages == []


def test_aligned_source_applies_the_same_nodata_rule(tmp_path):
    path = untagged(tmp_path, -9999)
    source, messages = recorded(lambda: AlignedSource(path, GRID, name="slope"))
    array, valid = source.read(0, GRID.rows)
    assert (~valid).sum() == 3 and len(messages) == 1 and "'slope'" in messages[0]
    assert source.value_range(array[valid]) == (4.0, 20.0)      # the sentinel is not the minimum
    assert source.has_data()


def test_warped_source_does_not_resample_the_implied_nodata(tmp_path):
    path = untagged(tmp_path, -9999)
    source, messages = recorded(lambda: AlignedSource(path, FINE, resampling="bilinear", name="slope"))
    array, valid = source.read(0, FINE.rows)
    assert len(messages) == 1 and array[valid].min() > 0       # no value blended with -9999


def test_classify_raster_does_not_make_a_class_of_untagged_minus_9999(tmp_path):
    from ecosecurity.core.tools.classify_raster import classify_raster
    path = untagged(tmp_path, -9999)
    (breaks, rows), messages = recorded(
        lambda: classify_raster(path, tmp_path / "classes.tif", method=1, classes=2))   # equal interval
    assert breaks[0] == 4.0 and len(messages) == 1
    assert not read_raster(tmp_path / "classes.tif").valid.flat[:3].any()


def test_mspa_reads_untagged_minus_9999_as_missing(tmp_path):
    from ecosecurity.core.sources.mspa import mspa_raster
    data = np.full((12, 12), 1, np.int16)
    data[3:9, 3:9] = 2
    data[0, :4] = -9999
    path = write_raster(tmp_path / "lu.tif", data, Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0),
                                                        epsg_wkt(32650), 12, 12))
    _, messages = recorded(lambda: mspa_raster(path, tmp_path / "m.tif", foreground_values=[2], missing_values=[]))
    out = read_raster(tmp_path / "m.tif").array
    assert (out[0, :4] == 129).all() and (out[0, 4:] != 129).all() and len(messages) == 1


def test_circuitscape_habitat_treats_untagged_minus_9999_as_nodata(tmp_path):
    from ecosecurity.core.corridors.circuit.compute import habitat_conductances
    from ecosecurity.core.corridors.circuit.inputs import read_grid_layer
    data = np.full((4, 5), -9999.0, np.float32)
    data[:2] = 2.0                                   # 50 % of the cells: refused before the rule
    layer, messages = recorded(lambda: read_grid_layer(write_raster(tmp_path / "r.tif", data, GRID), "resistance"))
    g, _ = habitat_conductances(layer)
    assert (g[2:] == 0).all() and (g[:2] == 0.5).all() and len(messages) == 1
