"""ecosecurity:circuitscape and ecosecurity:circuitscapeini through Processing."""
import os

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from refpaths import REFERENCE


def _crs_wkt(epsg):
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


GRID = Grid((500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0), _crs_wkt(32648), 6, 8)


@pytest.fixture
def resistance(tmp_path):
    values = np.ones((6, 8), dtype=np.float32)
    values[2, 3:5] = 10.0
    values[5, 0] = -9999
    return write_raster(tmp_path / "resistance.tif", values, GRID, nodata=-9999)


@pytest.fixture
def focal_raster(tmp_path):
    ids = np.zeros((6, 8), dtype=np.int32)
    ids[0, 0], ids[5, 7], ids[0, 7] = 1, 2, 3
    return write_raster(tmp_path / "focal.tif", ids, GRID, nodata=0)


@pytest.fixture
def focal_points(tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant
    layer = QgsVectorLayer("Point?crs=EPSG:32648", "sources", "memory")
    layer.dataProvider().addAttributes([QgsField("site", QVariant.Int)])
    layer.updateFields()
    for site, (row, col) in ((1, (0, 0)), (2, (5, 7)), (3, (0, 7))):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([site])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(500000 + 100 * col + 50, 3000000 - 100 * row - 50)))
        layer.dataProvider().addFeature(feature)
    path = str(tmp_path / "sources.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, layer.transformContext(), options)
    return path


def table_rows(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(path, "t", "ogr")
    rows = [f.attributes()[1:] if f.fields().names()[0] == "fid" else f.attributes() for f in layer.getFeatures()]
    return sorted(tuple(float(v) for v in row) for row in rows)


def test_pairwise_writes_the_styled_cumulative_current_and_the_resistance_table(run_alg, resistance, focal_raster,
                                                                                 tmp_path):
    result = run_alg("circuitscape", {"RESISTANCE": resistance, "FOCAL": focal_raster,
                                      "OUTPUT_CURRENT": str(tmp_path / "current.tif"),
                                      "OUTPUT_RESISTANCES": str(tmp_path / "r.csv")})
    current = read_raster(result["OUTPUT_CURRENT"])
    assert 2.0 <= current.array[0, 0] < 2.1   # focal node 1: 1 A in each of its two pairs + some of pair 2-3
    assert os.path.exists(str(tmp_path / "current.qml"))
    rows = table_rows(result["OUTPUT_RESISTANCES"])
    assert [(int(a), int(b)) for a, b, _ in rows] == [(1, 2), (1, 3), (2, 3)]
    assert all(r > 0 for _, _, r in rows)
    assert result["SOLVES"] == 2   # p - 1 solves for 3 focal nodes


def test_point_layer_with_id_field_gives_the_same_resistances_as_the_raster(run_alg, resistance, focal_raster,
                                                                          focal_points, tmp_path):
    from_raster = run_alg("circuitscape", {"RESISTANCE": resistance, "FOCAL": focal_raster,
                                           "OUTPUT_CURRENT": str(tmp_path / "a.tif"),
                                           "OUTPUT_RESISTANCES": str(tmp_path / "a.csv")})
    from_points = run_alg("circuitscape", {"RESISTANCE": resistance, "FOCAL": focal_points, "FOCAL_ID_FIELD": "site",
                                           "OUTPUT_CURRENT": str(tmp_path / "b.tif"),
                                           "OUTPUT_RESISTANCES": str(tmp_path / "b.csv")})
    a = table_rows(from_raster["OUTPUT_RESISTANCES"])
    b = table_rows(from_points["OUTPUT_RESISTANCES"])
    assert np.allclose(np.array(a, dtype=float), np.array(b, dtype=float))


def test_one_to_all_writes_one_voltage_band_per_focal_node(run_alg, resistance, focal_raster, tmp_path):
    from osgeo import gdal
    result = run_alg("circuitscape", {"RESISTANCE": resistance, "FOCAL": focal_raster, "MODE": 1,
                                      "OUTPUT_CURRENT": str(tmp_path / "c.tif"),
                                      "OUTPUT_VOLTAGE": str(tmp_path / "v.tif")})
    dataset = gdal.Open(result["OUTPUT_VOLTAGE"])
    assert dataset.RasterCount == 3
    assert dataset.GetRasterBand(2).GetDescription() == "focal node 2"


def test_per_pair_maps_go_to_the_output_folder(run_alg, resistance, focal_raster, tmp_path):
    folder = tmp_path / "pairs"
    run_alg("circuitscape", {"RESISTANCE": resistance, "FOCAL": focal_raster, "OUTPUT_FOLDER": str(folder),
                             "OUTPUT_CURRENT": str(tmp_path / "c.tif")})
    assert sorted(os.listdir(folder)) == sorted(f"{k}map_{a}_{b}.tif" for k in ("cur", "volt")
                                                for a, b in ((1, 2), (1, 3), (2, 3)))


def test_zero_resistance_is_a_clear_error_and_writes_nothing(run_alg, focal_raster, tmp_path):
    from qgis.core import QgsProcessingException
    values = np.ones((6, 8), dtype=np.float32)
    values[3, 3] = 0.0
    path = write_raster(tmp_path / "zero.tif", values, GRID, nodata=-9999)
    out = tmp_path / "current.tif"
    with pytest.raises(QgsProcessingException, match="short-circuit region"):
        run_alg("circuitscape", {"RESISTANCE": path, "FOCAL": focal_raster, "OUTPUT_CURRENT": str(out)})
    assert not out.exists()


def test_cancel_returns_no_result_and_no_file(run_alg, resistance, focal_raster, tmp_path):
    from qgis.core import QgsProcessingFeedback
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "current.tif"
    result = run_alg("circuitscape", {"RESISTANCE": resistance, "FOCAL": focal_raster, "OUTPUT_CURRENT": str(out)},
                     feedback)
    assert not out.exists()
    assert "OUTPUT_CURRENT" not in (result or {})


def test_circuitscapeini_writes_circuitscapes_files_into_the_chosen_folder(run_alg, tmp_path):
    ini = REFERENCE / "circuitscape" / "pairwise_04_4nb_res_points_nopolys" / "sgVerify4.ini"
    result = run_alg("circuitscapeini", {"INI": str(ini), "OUTPUT_FOLDER": str(tmp_path)})
    expected = np.loadtxt(ini.parent / "expected" / "sgVerify4_resistances.out")
    ours = np.loadtxt(tmp_path / "sgVerify4_resistances.out")
    np.testing.assert_allclose(ours, expected, rtol=1e-6, atol=1e-8)
    assert (tmp_path / "sgVerify4_cum_curmap.asc").exists()
    assert result["SOLVES"] == 5


def test_focal_points_outside_the_resistance_raster_are_refused_naming_them(run_alg, resistance, tmp_path):
    from qgis.core import (
        QgsFeature,
        QgsField,
        QgsGeometry,
        QgsPointXY,
        QgsProcessingException,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QVariant
    layer = QgsVectorLayer("Point?crs=EPSG:32648", "sites", "memory")
    layer.dataProvider().addAttributes([QgsField("site", QVariant.Int)])
    layer.updateFields()
    for site, (x, y) in ((1, (500050, 2999950)), (2, (500250, 2999750)), (7, (900000, 2999950))):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([site])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        layer.dataProvider().addFeature(feature)
    path = str(tmp_path / "sites.gpkg")
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, layer.transformContext(),
                                              QgsVectorFileWriter.SaveVectorOptions())
    with pytest.raises(QgsProcessingException, match=r"id\(s\) 7 fall outside"):
        run_alg("circuitscape", {"RESISTANCE": resistance, "FOCAL": path, "FOCAL_ID_FIELD": "site",
                                 "OUTPUT_CURRENT": str(tmp_path / "c.tif")})


def _ini_beside_its_inputs(tmp_path, output_file):
    import shutil
    case = REFERENCE / "circuitscape" / "pairwise_04_4nb_res_points_nopolys"
    ini = case / "sgVerify4.ini"
    from ecosecurity.core.corridors.circuit.ini import read_ini
    config = read_ini(str(ini))
    habitat = tmp_path / "run_cum_curmap.asc"   # an earlier run's current map used as habitat
    points = tmp_path / "run_points.asc"
    shutil.copyfile(config.options["habitat_file"], habitat)
    shutil.copyfile(config.options["point_file"], points)
    text = ini.read_text()
    lines = []
    for line in text.splitlines():
        key = line.split("=")[0].strip()
        value = {"habitat_file": habitat, "point_file": points, "output_file": tmp_path / output_file}.get(key)
        lines.append(f"{key} = {value}" if value is not None else line)
    copy = tmp_path / "run.ini"
    copy.write_text("\n".join(lines) + "\n")
    return copy


def test_circuitscapeini_outputs_that_would_overwrite_an_input_are_refused(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    ini = _ini_beside_its_inputs(tmp_path, "run.out")   # this run would write run_cum_curmap.asc again
    before = sorted(os.listdir(tmp_path))
    habitat = (tmp_path / "run_cum_curmap.asc").read_bytes()
    with pytest.raises(QgsProcessingException, match="would overwrite the input .*run_cum_curmap.asc"):
        run_alg("circuitscapeini", {"INI": str(ini)})
    assert sorted(os.listdir(tmp_path)) == before and (tmp_path / "run_cum_curmap.asc").read_bytes() == habitat


def test_circuitscapeini_writes_beside_output_file_whole_or_nothing(run_alg, tmp_path):
    ini = _ini_beside_its_inputs(tmp_path, "results/model.out")
    result = run_alg("circuitscapeini", {"INI": str(ini)})
    files = result["FILES"].split(";")
    assert all(os.path.dirname(f) == str(tmp_path / "results") and os.path.exists(f) for f in files)
    assert (tmp_path / "results" / "model_resistances.out").exists()
    assert [name for name in os.listdir(tmp_path) if name.startswith(".")] == []


# ------------------------------------------------ PARALLEL / DASK_SCHEDULER: the serial output, byte for byte
def run_where(run_alg, resistance, focal_raster, folder, mode, **where):
    folder.mkdir()
    run_alg("circuitscape", dict(RESISTANCE=resistance, FOCAL=focal_raster, MODE=mode,
                                 OUTPUT_CURRENT=str(folder / "c.tif"), OUTPUT_MAX_CURRENT=str(folder / "m.tif"),
                                 OUTPUT_RESISTANCES=str(folder / "r.csv"), OUTPUT_FOLDER=str(folder / "pairs"), **where))
    rasters = [read_raster(str(path)).array for path in [folder / "c.tif", folder / "m.tif"]
               + sorted((folder / "pairs").glob("*.tif"))]
    return rasters, (folder / "r.csv").read_bytes()


@pytest.mark.parametrize("mode", [0, 1, 2])  # pairwise, one-to-all, all-to-one
def test_parallel_runs_equal_the_serial_run(run_alg, resistance, focal_raster, tmp_path, dask_scheduler, mode):
    rasters, table = run_where(run_alg, resistance, focal_raster, tmp_path / "serial", mode, PARALLEL=1)
    assert len(rasters) == 2 + 2 * 3 and table.count(b"\n") == 4   # 3 pairs or ids: current and voltage maps
    for name, where in (("two", {"PARALLEL": 2}), ("dask", {"DASK_SCHEDULER": dask_scheduler})):
        other_rasters, other_table = run_where(run_alg, resistance, focal_raster, tmp_path / name, mode, **where)
        assert other_table == table and len(other_rasters) == len(rasters), name
        assert all(np.array_equal(a, b, equal_nan=True) for a, b in zip(rasters, other_rasters)), name


def test_circuitscapeini_on_two_processes_writes_the_serial_files(run_alg, tmp_path):
    ini = REFERENCE / "circuitscape" / "pairwise_04_4nb_res_points_nopolys" / "sgVerify4.ini"
    serial = run_alg("circuitscapeini", {"INI": str(ini), "OUTPUT_FOLDER": str(tmp_path / "serial"), "PARALLEL": 1})
    two = run_alg("circuitscapeini", {"INI": str(ini), "OUTPUT_FOLDER": str(tmp_path / "two"), "PARALLEL": 2})
    names = sorted(os.path.basename(f) for f in serial["FILES"].split(";"))
    assert names == sorted(os.path.basename(f) for f in two["FILES"].split(";")) and len(names) > 10
    assert all((tmp_path / "serial" / n).read_bytes() == (tmp_path / "two" / n).read_bytes() for n in names)
