"""ecosecurity:landsimulation through Processing on the synthetic changed landscape."""
import csv

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.landuse.synthetic import write_change_landscape
from osgeo import gdal
from qgis.core import QgsProcessingException

SIZE = 80


@pytest.fixture(scope="module")
def landscape(tmp_path_factory):
    folder = tmp_path_factory.mktemp("landsim_alg")
    paths = write_change_landscape(str(folder), SIZE, seed=4)
    (folder / "start.qml").write_text("<!DOCTYPE qgis><qgis><pipe/></qgis>\n", "utf-8")   # the input's style
    later = read_raster(paths["later"]).array
    paths["demand"] = ",".join(map(str, np.bincount(later.ravel(), minlength=6)[1:]))
    paths["folder"] = folder
    return paths


def read_csv(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def params(landscape, out, **extra):
    values = {"LAND_USE": landscape["start"], "DRIVERS": landscape["drivers"], "DEMAND": landscape["demand"],
              "RESTRICTED": landscape["restricted"], "NEIGHBOURHOOD": 3, "SEED": 2, "MAX_ITERATIONS": 300,
              "SAMPLE_SIZE": 2000, "OUTPUT": str(out / "simulated.tif")}
    values.update(extra)
    return values


def test_simulation_meets_the_demand_and_writes_every_output(run_alg, landscape, tmp_path):
    results = run_alg("landsimulation", params(
        landscape, tmp_path, OBSERVED=landscape["later"], OUTPUT_PROBABILITY=str(tmp_path / "probability.tif"),
        OUTPUT_ITERATIONS=str(tmp_path / "iterations.csv"), OUTPUT_VALIDATION=str(tmp_path / "validation.csv")))
    simulated = read_raster(results["OUTPUT"]).array
    demand = np.array(landscape["demand"].split(","), int)
    assert np.bincount(simulated.ravel(), minlength=6)[1:].tolist() == demand.tolist()
    assert results["DEMAND_MET"] == 1 and results["MAX_GAP"] == 0 and results["ITERATIONS"] >= 1
    assert 0 < results["FOM"] < 1 and results["KAPPA"] > 0.5 and results["OA"] > 0.8
    assert (tmp_path / "simulated.qml").read_text("utf-8") == (landscape["folder"] / "start.qml").read_text("utf-8")
    dataset = gdal.Open(results["OUTPUT"])
    assert dataset.GetRasterBand(1).GetColorTable() is not None          # the input's colour table too
    probability = gdal.Open(results["OUTPUT_PROBABILITY"])
    assert probability.RasterCount == 5 and probability.GetRasterBand(4).GetDescription() == "class 4"
    sums = sum(probability.GetRasterBand(b).ReadAsArray() for b in range(1, 6))
    assert np.allclose(sums, 1.0, atol=1e-3)
    rows = read_csv(results["OUTPUT_VALIDATION"])
    measures = {row["measure"]: row for row in rows if row["measure"] != "cells"}
    assert float(measures["Kappa"]["value"]) == pytest.approx(results["KAPPA"], abs=1e-6)
    assert float(measures["FoM"]["value"]) > float(measures["FoM"]["random_allocation"])
    assert sum(int(row["value"]) for row in rows if row["measure"] == "cells") == SIZE * SIZE
    iterations = read_csv(results["OUTPUT_ITERATIONS"])
    assert len(iterations) == results["ITERATIONS"] + 1 and iterations[-1]["to_allocate"] == "0"


def test_demand_from_the_land_demand_table(run_alg, landscape, tmp_path):
    table = tmp_path / "demand.csv"
    codes = range(1, 6)
    cells = landscape["demand"].split(",")
    table.write_text("class,name,cells,area_km2\n" + "".join(
        f"{code},c{code},{count},{int(count) * 0.0009:.4f}\n" for code, count in zip(codes, cells)), "utf-8")
    results = run_alg("landsimulation", params(landscape, tmp_path, DEMAND=str(table)))
    assert results["DEMAND_MET"] == 1


def test_a_misaligned_driver_is_refused_by_name_and_nothing_is_written(run_alg, landscape, tmp_path):
    raster = read_raster(landscape["drivers"][2])
    grid = Grid(raster.grid.geotransform, raster.grid.crs_wkt, SIZE - 1, SIZE)
    path = write_raster(str(tmp_path / "roads_cropped.tif"), raster.array[:-1], grid, -9999.0)
    with pytest.raises(QgsProcessingException, match="roads_cropped.*sizes differ"):
        run_alg("landsimulation", params(landscape, tmp_path, DRIVERS=landscape["drivers"][:2] + [path]))
    assert not (tmp_path / "simulated.tif").exists()


def test_a_conversion_matrix_of_the_wrong_size_is_refused(run_alg, landscape, tmp_path):
    with pytest.raises(QgsProcessingException, match="conversion matrix has 2 row"):
        run_alg("landsimulation", params(landscape, tmp_path, CONVERSION="1,0;0,1"))
    assert not (tmp_path / "simulated.tif").exists()
