"""The workflow models of ``models/``: they load, validate and keep their fixed child ids, equal what
``scripts/build_models.py`` generates, are listed by the provider in group "Workflows", and run end to end
on a small demo landscape through ``scripts/qgis-process`` with sensible outputs."""
import csv
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
from osgeo import gdal, ogr

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(REPO, "scripts"))
import make_demo_data

SIZE = 200
MODELS = {"liuzhiworkflow": "liuzhi_workflow.model3", "xianworkflow": "xian_workflow.model3",
          "gujiaoworkflow": "gujiao_workflow.model3"}
CHILDREN = {
    "liuzhiworkflow": {"mspa", "patches", "connectivity", "sources", "ahp", "resistance", "corridors", "focal",
                       "circuit", "centrality", "pinchpoints", "barriers", "pinch_areas", "barrier_areas"},
    "xianworkflow": {"suitability", "priority", "targets", "pareto", "large_patches", "corridors", "pinchpoints"},
    "gujiaoworkflow": {"services", "clusters", "demand", "simulation"},
}
#: Every non-optional output of each model (qgis_process 3.22 wants each one named).
OUTPUTS = {
    "liuzhiworkflow": ["mspa:MSPA", "patches:PATCHES", "connectivity:PATCH_IMPORTANCE", "connectivity:OVERALL",
                       "sources:SOURCES", "ahp:WEIGHTS", "resistance:RESISTANCE", "corridors:PATHS",
                       "corridors:LINKS", "circuit:CURRENT", "centrality:CORES", "centrality:CORRIDORS",
                       "pinchpoints:PINCHPOINTS", "pinchpoints:LINKS", "barriers:CENTERS", "barriers:BARRIERS",
                       "pinch_areas:AREAS", "barrier_areas:AREAS"],
    "xianworkflow": ["suitability:PRODUCTION", "suitability:LIVING", "suitability:ECOLOGICAL", "suitability:SPACES",
                     "suitability:AREAS", "priority:RANK", "targets:GROUPS", "pareto:SCHEMES", "pareto:BEST",
                     "pareto:PATCHES", "corridors:PATHS", "corridors:LINKS", "pinchpoints:PINCHPOINTS",
                     "pinchpoints:LINKS"],
    "gujiaoworkflow": ["services:CARBON", "services:QUALITY", "services:SUMMARY", "clusters:ZONES",
                       "clusters:PROFILES", "demand:DEMAND", "simulation:LANDUSE"],
}
RASTER_OUTPUTS = {"MSPA", "RESISTANCE", "CURRENT", "PINCHPOINTS", "CENTERS", "BARRIERS", "PRODUCTION", "LIVING",
                  "ECOLOGICAL", "SPACES", "RANK", "BEST", "CARBON", "QUALITY", "ZONES", "LANDUSE"}
CSV_OUTPUTS = {"GROUPS", "SCHEMES", "DEMAND"}


def output_path(folder, name):
    """``child:NAME`` → a file in ``folder`` with the extension of its kind."""
    stem = name.replace(":", "_").lower()
    kind = name.split(":")[1]
    extension = "tif" if kind in RASTER_OUTPUTS else "csv" if kind in CSV_OUTPUTS else "gpkg"
    return os.path.join(folder, f"{stem}.{extension}")


# --------------------------------------------------------------------------- demo data
def rasterize(vector, like, path):
    """0/1 Byte raster of ``vector`` on the grid of ``like``."""
    reference = gdal.Open(like)
    target = gdal.GetDriverByName("GTiff").Create(path, reference.RasterXSize, reference.RasterYSize, 1, gdal.GDT_Byte)
    target.SetGeoTransform(reference.GetGeoTransform())
    target.SetProjection(reference.GetProjection())
    source = ogr.Open(vector)
    gdal.RasterizeLayer(target, [1], source.GetLayer(0), burn_values=[1])
    target = None
    return path


def proximity(mask, path):
    """Euclidean distance (m) to the cells of a 0/1 raster."""
    source = gdal.Open(mask)
    target = gdal.GetDriverByName("GTiff").Create(path, source.RasterXSize, source.RasterYSize, 1, gdal.GDT_Float32)
    target.SetGeoTransform(source.GetGeoTransform())
    target.SetProjection(source.GetProjection())
    gdal.ComputeProximity(source.GetRasterBand(1), target.GetRasterBand(1), ["VALUES=1", "DISTUNITS=GEO"])
    target = None
    return path


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """The demo landscape at 200 × 200 cells with the derived factors the models take as inputs."""
    folder = str(tmp_path_factory.mktemp("model_data"))
    make_demo_data.generate(folder, SIZE)
    land = os.path.join(folder, "landuse.tif")
    gdal.DEMProcessing(os.path.join(folder, "slope.tif"), os.path.join(folder, "dem.tif"), "slope")
    for name in ("roads", "rivers", "mining", "redline"):
        rasterize(os.path.join(folder, f"{name}.gpkg"), land, os.path.join(folder, f"{name}.tif"))
    for name in ("roads", "rivers", "mining"):
        proximity(os.path.join(folder, f"{name}.tif"), os.path.join(folder, f"dist_{name}.tif"))
    shutil.copyfile(os.path.join(REPO, "templates", "liuzhi_resistance.csv"),
                    os.path.join(folder, "liuzhi_resistance.csv"))
    with open(os.path.join(REPO, "templates", "xian_suitability.csv"), encoding="utf-8") as handle:
        rows = [line for line in handle if not any(missing in line for missing in
                                                   ("soil_organic_matter", "dist_towns", "population"))]
    with open(os.path.join(folder, "xian_suitability.csv"), "w", encoding="utf-8") as handle:
        handle.writelines(rows)
    return folder


def run_model(name, inputs, out):
    """``scripts/qgis-process run ecosecurity:<name>`` with every mandatory output in ``out``."""
    os.makedirs(out, exist_ok=True)
    outputs = {key: output_path(out, key) for key in OUTPUTS[name]}
    arguments = [f"{key}={value}" for key, values in {**inputs, **outputs}.items()
                 for value in (values if isinstance(values, list) else [values])]
    done = subprocess.run([os.path.join(REPO, "scripts", "qgis-process"), "run", f"ecosecurity:{name}", "--",
                           *arguments], check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for key, path in outputs.items():
        assert os.path.exists(path), (key, done.stdout[-2000:])
    return outputs


def feature_count(path):
    source = ogr.Open(path)  # kept alive while its layer is used
    return source.GetLayer(0).GetFeatureCount()


def attribute_rows(path):
    source = ogr.Open(path)
    layer = source.GetLayer(0)
    return [feature.items() for feature in layer]


def valid_values(path):
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    array = band.ReadAsArray().astype(float)
    nodata = band.GetNoDataValue()
    return array[array != nodata] if nodata is not None else array.ravel()


def csv_rows(path):
    with open(path, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@pytest.fixture(scope="module")
def liuzhi(data, tmp_path_factory):
    out = str(tmp_path_factory.mktemp("liuzhi"))
    return run_model("liuzhiworkflow", {
        "LANDUSE": os.path.join(data, "landuse.tif"), "REDLINE": os.path.join(data, "redline.gpkg"),
        "FACTOR_TABLE": os.path.join(data, "liuzhi_resistance.csv")}, out)


# --------------------------------------------------------------------------- the models as files
def load(file_name):
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(os.path.join(REPO, "models", file_name))
    return model


@pytest.mark.parametrize("name", MODELS)
def test_model_loads_with_its_fixed_child_ids_and_validates(name, ecosecurity_provider):
    """What the Modeler of QGIS 3.22 does on opening: fromFile, then validate() (every child's algorithm
    resolves and every mandatory parameter has a source)."""
    model = load(MODELS[name])
    assert model.name() == name
    assert set(model.childAlgorithms()) == CHILDREN[name]
    assert all(child.algorithm() is not None for child in model.childAlgorithms().values())
    assert model.validate() == (True, [])


@pytest.mark.parametrize("name", MODELS)
def test_model_declares_exactly_the_mandatory_outputs_the_tests_name(name, ecosecurity_provider):
    model = load(MODELS[name])
    mandatory = {d.name() for d in model.destinationParameterDefinitions() if not d.flags() & d.FlagOptional}
    assert mandatory == set(OUTPUTS[name])


@pytest.mark.parametrize("name", MODELS)
def test_model_help_covers_every_input_and_output_in_both_languages(name, ecosecurity_provider):
    model = ecosecurity_provider.algorithm(name)
    help_content = model.helpContent()
    texts = [model.displayName(), model.shortDescription(), help_content["ALG_DESC"]]
    for definition in model.parameterDefinitions():
        texts += [definition.description(), help_content.get(definition.name(), "")]
        texts += definition.options() if hasattr(definition, "options") else []
    texts += [child.description() for child in model.childAlgorithms().values()]
    for text in texts:   # English words and Chinese characters
        assert re.search("[A-Za-z]{3,}", text) and re.search("[\u4e00-\u9fff]{2,}", text), (name, text)


def test_saved_models_equal_what_the_build_script_generates(tmp_path):
    done = subprocess.run([sys.executable, os.path.join(REPO, "scripts", "build_models.py"), "--out", str(tmp_path)],
                          check=False, capture_output=True, text=True, timeout=300, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr[-2000:]
    for file_name in MODELS.values():
        with open(tmp_path / file_name, encoding="utf-8") as built, \
                open(os.path.join(REPO, "models", file_name), encoding="utf-8") as saved:
            assert built.read() == saved.read(), f"models/{file_name} is stale: run `make models`"


def test_provider_lists_the_models_in_group_workflows(ecosecurity_provider):
    for name in MODELS:
        model = ecosecurity_provider.algorithm(name)
        assert model is not None, name
        assert model.id() == f"ecosecurity:{name}" and model.provider().id() == "ecosecurity"
        assert model.groupId() == "workflows" and model.group() == "Workflows"
        assert " / " in model.displayName() and model.displayName() != name
        created = model.create()
        assert created.displayName() == model.displayName() and created.groupId() == "workflows"


# --------------------------------------------------------------------------- the models run
def test_liuzhi_workflow_finds_sources_corridors_pinch_points_and_key_areas(liuzhi):
    assert feature_count(liuzhi["sources:SOURCES"]) > 0
    assert feature_count(liuzhi["sources:SOURCES"]) <= feature_count(liuzhi["patches:PATCHES"])
    assert feature_count(liuzhi["corridors:PATHS"]) > 0
    resistance = valid_values(liuzhi["resistance:RESISTANCE"])
    assert resistance.size and np.isfinite(resistance).all() and resistance.min() >= 1   # 1-100, × corrections ≥ 1
    current = valid_values(liuzhi["circuit:CURRENT"])
    assert current.size and np.isfinite(current).all() and current.max() > 0
    pinch = valid_values(liuzhi["pinchpoints:PINCHPOINTS"])
    assert pinch.size and np.isfinite(pinch).all() and pinch.max() > 0
    assert valid_values(liuzhi["barriers:BARRIERS"]).size > 0
    assert feature_count(liuzhi["centrality:CORRIDORS"]) == feature_count(liuzhi["corridors:PATHS"])
    assert feature_count(liuzhi["pinch_areas:AREAS"]) > 0 and feature_count(liuzhi["barrier_areas:AREAS"]) > 0


def test_xian_workflow_chooses_a_scheme_and_connects_its_patches(data, liuzhi, tmp_path):
    out = run_model("xianworkflow", {
        "LANDUSE": os.path.join(data, "landuse.tif"), "FACTOR_TABLE": os.path.join(data, "xian_suitability.csv"),
        "FEATURES": os.path.join(data, "fvc.tif"), "REDLINE": os.path.join(data, "redline.tif"),
        "COST_TABLE": os.path.join(REPO, "templates", "xian_costs.csv"),
        "MIN_PATCH_HA": 5, "RESISTANCE": liuzhi["resistance:RESISTANCE"]}, str(tmp_path))
    spaces = valid_values(out["suitability:SPACES"])
    assert set(np.unique(spaces)) <= {1, 2, 3} and len(np.unique(spaces)) == 3
    rank = valid_values(out["priority:RANK"])
    assert rank.min() >= 0 and rank.max() <= 1
    schemes = csv_rows(out["pareto:SCHEMES"])
    assert sum(row["is_best"] == "1" for row in schemes) == 1
    assert feature_count(out["pareto:PATCHES"]) > 0
    assert feature_count(out["corridors:PATHS"]) > 0
    large = {row["patch_id"] for row in attribute_rows(out["pareto:PATCHES"]) if row["area_ha"] >= 5}
    linked = {row[end] for row in attribute_rows(out["corridors:PATHS"]) for end in ("core1", "core2")}
    assert 2 <= len(linked) and linked <= large   # only the patches of MIN_PATCH_HA or more are connected
    pinch = valid_values(out["pinchpoints:PINCHPOINTS"])
    assert pinch.size and np.isfinite(pinch).all() and pinch.max() > 0


def test_gujiao_workflow_simulates_land_use_towards_the_demand(data, tmp_path):
    out = run_model("gujiaoworkflow", {
        "LANDUSE": os.path.join(data, "landuse.tif"),
        "CARBON_TABLE": os.path.join(REPO, "templates", "gujiao_carbon.csv"),
        "THREATS": os.path.join(REPO, "templates", "gujiao_threats.csv"),
        "SENSITIVITY": os.path.join(REPO, "templates", "gujiao_sensitivity.csv"),
        "THREAT_RASTERS": [os.path.join(data, "roads.tif"), os.path.join(data, "mining.tif")],
        "SERVICES": [os.path.join(data, "fvc.tif"), os.path.join(data, "soil_erosion.tif")],
        "COEFFICIENTS": os.path.join(REPO, "templates", "gujiao_gmop.csv"),
        "REDLINE": os.path.join(data, "redline.gpkg"),
        "DRIVERS": [os.path.join(data, f"{name}.tif") for name in ("dem", "slope", "fvc", "dist_roads", "dist_rivers")],
        "RESTRICTED": os.path.join(data, "redline.tif")}, str(tmp_path))
    assert valid_values(out["services:CARBON"]).sum() > 0
    zones = np.unique(valid_values(out["clusters:ZONES"]))
    assert 3 <= len(zones) <= 6
    simulated = gdal.Open(out["simulation:LANDUSE"]).ReadAsArray().astype(int)
    before = gdal.Open(os.path.join(data, "landuse.tif")).ReadAsArray().astype(int)
    gap_before = gap_after = 0
    for row in csv_rows(out["demand:DEMAND"]):   # every class moves towards its demand, most of the gap is closed
        code, demand = int(row["class"]), int(float(row["cells"]))
        now, then = np.count_nonzero(simulated == code), np.count_nonzero(before == code)
        assert abs(now - demand) <= abs(then - demand), row
        gap_before, gap_after = gap_before + abs(then - demand), gap_after + abs(now - demand)
    assert gap_after < 0.2 * gap_before
    red = gdal.Open(os.path.join(data, "redline.tif")).ReadAsArray() == 1
    assert red.any() and np.array_equal(simulated[red], before[red])   # the restricted cells are frozen
