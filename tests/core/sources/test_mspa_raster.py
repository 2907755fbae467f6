"""MSPA from file to file: georeferencing, colour table, summary, refusals, memory plan."""
import csv
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.runtime import memory as memory_module
from ecosecurity.core.runtime.errors import InputError, MemoryLimitError
from ecosecurity.core.runtime.memory import check_memory
from ecosecurity.core.sources.mspa import estimate_mspa_memory, estimate_mspa_raster_memory, mspa_raster
from ecosecurity.core.sources.mspa.palette import colour_table, mspa_legend
from osgeo import gdal
from refpaths import REFERENCE, REPO

T03 = REFERENCE / "mspa" / "synthetic" / "t03_bridge"
CRS = 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]'


@pytest.fixture
def landuse(tmp_path):
    """t03_bridge as a land-use raster: habitat = 5 and 6, background = 3, NoData = 255."""
    codes = read_raster(str(T03) + ".tif").array
    values = np.where(codes == 2, 5, 3).astype(np.uint8)
    values[:12, :] = np.where(values[:12, :] == 5, 6, values[:12, :])
    values[0, 0] = 255
    grid = Grid((500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0), CRS, *values.shape)
    return write_raster(tmp_path / "landuse.tif", values, grid, nodata=255), codes


def test_output_equals_the_official_bytes_and_keeps_the_georeferencing(tmp_path, landuse):
    path, codes = landuse
    out = tmp_path / "mspa.tif"
    mspa_raster(path, out, foreground_values=[5, 6], missing_values=[])
    expected = read_raster(str(T03) + "_8_1_1_1.tif").array
    result = read_raster(out)
    assert result.array.dtype == np.uint8
    assert (result.array != expected).sum() == 1 and result.array[0, 0] == 129  # NoData -> missing
    assert result.grid.geotransform == (500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0)
    assert "WGS" in result.grid.crs_wkt


@pytest.mark.parametrize("transition", [True, False])
def test_output_carries_the_mspa_colour_table_and_class_names(tmp_path, landuse, transition):
    out = str(tmp_path / "mspa.tif")
    mspa_raster(landuse[0], out, foreground_values=[5, 6], transition=transition)
    dataset = gdal.Open(out)
    band = dataset.GetRasterBand(1)
    table = band.GetColorTable()
    for value, rgb in colour_table(transition).items():
        assert table.GetColorEntry(value)[:3] == rgb
    assert band.GetCategoryNames()[17] == "Core 核心区"


def test_transition_changes_colours_not_bytes(tmp_path, landuse):
    a, b = str(tmp_path / "a.tif"), str(tmp_path / "b.tif")
    mspa_raster(landuse[0], a, foreground_values=[5, 6], transition=True)
    mspa_raster(landuse[0], b, foreground_values=[5, 6], transition=False)
    assert np.array_equal(read_raster(a).array, read_raster(b).array)
    assert colour_table(True)[35] == (255, 0, 0) and colour_table(False)[35] == (0, 0, 0)
    assert colour_table(True)[69] == (255, 255, 0) and colour_table(False)[69] == (0, 0, 255)


def test_legend_is_bilingual_and_internal_classes_share_their_base_colour():
    legend = {value: (label, colour) for value, label, colour in mspa_legend()}
    assert legend[117][1] == legend[17][1] == (0, 200, 0)
    assert legend[100][0] == "Core-Opening 核心孔隙" and legend[129][1] == (255, 255, 255)


def test_summary_is_written_when_asked(tmp_path, landuse):
    summary = mspa_raster(landuse[0], tmp_path / "m.tif", foreground_values=[5, 6],
                          summary_path=tmp_path / "m.csv")
    assert os.path.exists(tmp_path / "m.csv")
    assert summary.row("bridge").pixels > 0
    # the fixture's CRS is geographic (WGS 84): areas are counted in pixels, labelled so
    assert summary.area_unit == "pixels" and summary.row("core").area == summary.row("core").pixels


@pytest.mark.parametrize("kwargs, message", [
    (dict(foreground_values=[7]), "no habitat"),
    (dict(foreground_values=[3, 5, 6]), "no background"),
    (dict(foreground_values=[5], edge_width=0), "EDGE_WIDTH"),
])
def test_bad_input_writes_no_output(tmp_path, landuse, kwargs, message):
    out = tmp_path / "never.tif"
    with pytest.raises(InputError, match=message):
        mspa_raster(landuse[0], out, **kwargs)
    assert os.listdir(tmp_path) == ["landuse.tif"]


def test_float_land_use_with_fractions_is_refused(tmp_path):
    values = np.array([[1.0, 2.0], [2.5, 1.0]], dtype=np.float32)
    path = write_raster(tmp_path / "f.tif", values, Grid((0, 1, 0, 2, 0, -1), "", 2, 2))
    with pytest.raises(InputError, match="non-integer"):
        mspa_raster(path, tmp_path / "o.tif", foreground_values=[2])
    assert not os.path.exists(tmp_path / "o.tif")


def test_memory_estimate_grows_with_the_map_and_the_edge_width():
    small, large = estimate_mspa_memory(1000, 1000), estimate_mspa_memory(10000, 10000)
    assert 1.6e9 < large < 2.0e9                # measured peak 1.60e9 bytes (1.49 GiB, bench/README.md)
    assert large > 10 * small
    assert estimate_mspa_memory(1000, 1000, 10) > small
    # with the connector (EdgeWidth >= 2): measured 2.03e9 bytes at EdgeWidth 10, 1.90e9 at 5
    for width in (5, 10):
        assert 2.03e9 < estimate_mspa_memory(10000, 10000, width) < 2.4e9


def test_a_run_that_does_not_fit_is_refused_with_size_and_advice(monkeypatch, landuse):
    monkeypatch.setattr(memory_module, "available_memory", lambda: 10 * 1024 * 1024)
    required = estimate_mspa_raster_memory(landuse[0]) + 40 * 1024 * 1024
    with pytest.raises(MemoryLimitError, match=r"MSPA.*needs about .*MB.*Clip"):
        check_memory(required, "MSPA on 'landuse' (24 x 40 cells)")


@pytest.mark.parametrize("transition", [True, False])
def test_bundled_qml_style_matches_the_palette(transition):
    from ecosecurity.core.io.qml import paletted_qml
    from ecosecurity.core.sources.mspa.palette import style_name
    styles = os.path.join(REPO, "styles")
    with open(os.path.join(styles, style_name(transition)), encoding="utf-8") as handle:
        assert handle.read() == paletted_qml(mspa_legend(transition))


def test_statistics_areas_are_pixels_with_a_warning_when_the_crs_is_geographic(tmp_path, landuse):
    from ecosecurity.core.runtime.errors import EcoSecurityWarning
    with pytest.warns(EcoSecurityWarning, match="geographic.*in pixels"):
        summary = mspa_raster(landuse[0], tmp_path / "m.tif", foreground_values=[5, 6],
                              summary_path=tmp_path / "m.csv")
    with open(tmp_path / "m.csv", encoding="utf-8-sig") as handle:
        rows = {row["key"]: row for row in csv.DictReader(handle)}
    assert rows["core"]["area_unit"] == "pixels" and float(rows["core"]["area"]) == summary.row("core").pixels
    mspa_raster(landuse[0], tmp_path / "m.tif", foreground_values=[5, 6], summary_path=tmp_path / "m.html")
    assert "Area 面积 (pixels)" in open(tmp_path / "m.html", encoding="utf-8").read()


def test_statistics_areas_are_labelled_m2_in_a_projected_crs(tmp_path, landuse):
    from ecosecurity.core.io.raster import epsg_wkt
    values = read_raster(landuse[0]).array
    grid = Grid((500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0), epsg_wkt(32650), *values.shape)
    path = write_raster(tmp_path / "utm.tif", values, grid, nodata=255)
    summary = mspa_raster(path, tmp_path / "m.tif", foreground_values=[5, 6], summary_path=tmp_path / "m.csv")
    with open(tmp_path / "m.csv", encoding="utf-8-sig") as handle:
        rows = {row["key"]: row for row in csv.DictReader(handle)}
    assert rows["core"]["area_unit"] == "m²" and summary.row("core").area == summary.row("core").pixels * 900.0
