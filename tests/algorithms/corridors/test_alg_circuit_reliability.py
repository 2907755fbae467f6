"""Issue 13 (nothing silent, fail before the work): circuitscapeini estimates its memory before reading the
habitat; a successful circuit run reports its notices as warnings, never prefixed "ERROR:"."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, write_raster
from osgeo import gdal, osr
from refpaths import REFERENCE

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32648)
GRID = Grid((500000.0, 100.0, 0.0, 3000000.0, 0.0, -100.0), SRS.ExportToWkt(), 6, 8)


def recorder():
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings, self.errors = [], []

        def pushWarning(self, message):  # noqa: N802 (QGIS API name)
            self.warnings.append(message)
            super().pushWarning(message)

        def reportError(self, message, fatalError=False):  # noqa: N802 (QGIS API name)
            self.errors.append(message)
            super().reportError(message, fatalError)
    return Recorder()


def _ini_on(tmp_path, habitat):
    case = REFERENCE / "circuitscape" / "pairwise_04_4nb_res_points_nopolys"
    ini = case / "sgVerify4.ini"
    from ecosecurity.core.corridors.circuit.ini import read_ini
    config = read_ini(str(ini))
    lines = []
    for line in ini.read_text().splitlines():
        key = line.split("=")[0].strip()
        value = {"habitat_file": habitat, "point_file": config.options["point_file"],
                 "output_file": tmp_path / "out" / "run.out"}.get(key)
        lines.append(f"{key} = {value}" if value is not None else line)
    copy = tmp_path / "run.ini"
    copy.write_text("\n".join(lines) + "\n")
    return copy


def test_circuitscapeini_on_a_200000_square_habitat_is_refused_with_the_estimate_not_out_of_memory(run_alg,
                                                                                                   tmp_path):
    from qgis.core import QgsProcessingException
    habitat = tmp_path / "huge.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(habitat), 200_000, 200_000, 1, gdal.GDT_Float32,
                                                   ["TILED=YES", "SPARSE_OK=TRUE", "BIGTIFF=YES"])
    dataset.SetGeoTransform((0.0, 1.0, 0.0, 200000.0, 0.0, -1.0))
    dataset = None
    with pytest.raises(QgsProcessingException) as error:
        run_alg("circuitscapeini", {"INI": str(_ini_on(tmp_path, habitat))})
    text = str(error.value)
    assert "Circuitscape .ini run on 'huge.tif' (200000 x 200000 cells) needs about" in text
    assert "is available" in text and "times coarser" in text and "Out of memory" not in text


def test_successful_circuit_runs_report_notices_as_warnings_not_errors(run_alg, tmp_path):
    values = np.ones((6, 8), dtype=np.float32)
    values[3, 3] = -5.0    # a negative cell: treated as NoData, with a notice
    resistance = write_raster(tmp_path / "resistance.tif", values, GRID, nodata=-9999)
    ids = np.zeros((6, 8), dtype=np.int32)
    ids[0, 0], ids[5, 7] = 1, 2
    focal = write_raster(tmp_path / "focal.tif", ids, GRID, nodata=0)
    feedback = recorder()
    run_alg("circuitscape", {"RESISTANCE": resistance, "FOCAL": focal, "OUTPUT_CURRENT": str(tmp_path / "c.tif")},
            feedback)
    assert feedback.errors == [] and any("negative cell" in w for w in feedback.warnings)

    feedback = recorder()
    ini = _ini_on(tmp_path, resistance)
    text = ini.read_text()   # the focal points of the reference case do not lie on this grid: use the raster
    ini.write_text(text.replace(f"point_file = {_point_file()}", f"point_file = {focal}"))
    run_alg("circuitscapeini", {"INI": str(ini)}, feedback)
    assert feedback.errors == [] and any("negative cell" in w for w in feedback.warnings)


def _point_file():
    from ecosecurity.core.corridors.circuit.ini import read_ini
    return read_ini(str(REFERENCE / "circuitscape" / "pairwise_04_4nb_res_points_nopolys" / "sgVerify4.ini")
                    ).options["point_file"]
