"""Build the three workflow models of ``models/`` through the PyQGIS API (``make models``).

Each model is a ``QgsProcessingModelAlgorithm`` whose child algorithms, inputs and outputs have fixed
names, so that ``qgis_process run ecosecurity:<model> -- INPUT=... childid:OUTPUT=...`` stays stable:
the inputs are model parameters (upper case), the outputs are ``<child id>:<NAME>``. The parameters
are those of the demo (``scripts/demo.py``). Run it after changing an algorithm's parameters;
``tests/algorithms/workflows/test_models.py`` fails when the saved files differ from its output.

    .venv/bin/python scripts/build_models.py [--out models]
"""
import argparse
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_HASH_SEED"] = "0"  # the same attribute order in the XML on every run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

import headless_qgis
from model_help import HELP

GROUP, GROUP_ID = "Workflows", "workflows"
#: Habitat classes of the demo land use for MSPA: forest, shrub, grassland, water, wetland.
HABITAT = "1,2,3,8,9"
LAND_USE_NAMES = "1:林地,2:灌木林,3:草地,4:耕地,5:城镇,6:农村居民点,7:裸地,8:水域,9:湿地"
RESISTANCE_CRITERIA = ("land use, elevation, slope, vegetation cover, distance to roads, distance to rivers, "
                       "distance to mining areas")
RESISTANCE_AHP = "3,2,2,2,3,2; 1/2,1/2,1/2,1,1; 1,1,2,1; 1,2,1; 2,1; 1/2"
CONVERSION = ("1,1,1,0,0,0,0,0,1;1,1,1,0,0,0,0,0,1;1,1,1,0,1,1,0,0,1;1,1,1,1,1,1,0,1,1;0,0,0,0,1,0,0,0,0;"
              "0,0,0,0,1,1,0,0,0;1,1,1,1,1,0,1,0,1;0,0,0,0,0,0,0,1,1;0,0,0,0,0,0,0,1,1")


class Builder:
    """Adds inputs, children and outputs to one model, laying them out in columns for the Modeler."""

    def __init__(self, name):
        from qgis.core import QgsProcessingModelAlgorithm
        self.model = QgsProcessingModelAlgorithm(name, GROUP, GROUP_ID)
        self.help = HELP[name]
        self.inputs = 0
        self.children = 0

    def input(self, definition):
        from qgis.core import QgsProcessingModelParameter
        from qgis.PyQt.QtCore import QPointF
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120, 60 + 70 * self.inputs))
        self.inputs += 1
        self.model.addModelParameter(definition, component)

    def child(self, child_id, algorithm_id, sources, outputs=None):
        """``sources``: parameter → ``P(name)`` / ``C(child, output)`` / a static value / a list of those;
        ``outputs``: child output → (model output name, mandatory)."""
        from qgis.core import QgsProcessingModelChildAlgorithm, QgsProcessingModelOutput
        from qgis.PyQt.QtCore import QPointF
        child = QgsProcessingModelChildAlgorithm(algorithm_id)
        child.setChildId(child_id)
        child.setDescription(self.help["children"][child_id])
        position = QPointF(480 + 320 * (self.children % 2), 60 + 90 * self.children)
        child.setPosition(position)
        self.children += 1
        for name, value in sources.items():
            child.addParameterSources(name, [source(item) for item in (value if isinstance(value, list) else [value])])
        for definition in child.algorithm().parameterDefinitions():  # the rest at their defaults, as the Modeler
            if definition.name() not in sources and not definition.isDestination() \
                    and definition.defaultValue() is not None:
                child.addParameterSources(definition.name(), [source(definition.defaultValue())])
        model_outputs = {}
        for index, (child_output, (name, mandatory)) in enumerate((outputs or {}).items()):
            output = QgsProcessingModelOutput(name, self.help["outputs"][f"{child_id}:{name}"])
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            output.setMandatory(mandatory)
            output.setPosition(position + QPointF(220, 30 + 30 * index))
            model_outputs[name] = output
        child.setModelOutputs(model_outputs)
        self.model.addChildAlgorithm(child)

    def finish(self):
        self.model.updateDestinationParameters()
        self.model.setParameterOrder(list(self.help["labels"]))  # the dialog lists the inputs in workflow order
        content = {"ALG_DESC": self.help["description"], "SHORT_DESCRIPTION": self.help["short"],
                   "DISPLAY_NAME": self.help["display"], "ALG_CREATOR": "EcoSecurity",
                   "ALG_HELP_CREATOR": "EcoSecurity"}
        content.update(self.help["inputs"])
        content.update(self.help["outputs"])
        self.model.setHelpContent(content)
        return self.model


class P(str):
    """A model input as a child's parameter source."""


class C(tuple):
    """A child's output ``(child id, output name)`` as another child's parameter source."""


def source(value):
    from qgis.core import QgsProcessingModelChildParameterSource as Source
    if isinstance(value, P):
        return Source.fromModelParameter(str(value))
    if isinstance(value, C):
        return Source.fromChildOutput(*value)
    return Source.fromStaticValue(value)


def text(name, default=None, optional=False):
    from qgis.core import QgsProcessingParameterString
    return QgsProcessingParameterString(name, "", default, False, optional)


def number(name, default, integer=False, minimum=None, maximum=None):
    from qgis.core import QgsProcessingParameterNumber
    kind = QgsProcessingParameterNumber.Integer if integer else QgsProcessingParameterNumber.Double
    parameter = QgsProcessingParameterNumber(name, "", kind, default)
    if minimum is not None:
        parameter.setMinimum(minimum)
    if maximum is not None:
        parameter.setMaximum(maximum)
    return parameter


def raster(name, optional=False):
    from qgis.core import QgsProcessingParameterRasterLayer
    return QgsProcessingParameterRasterLayer(name, "", None, optional)


def rasters(name, optional=False):
    from qgis.core import QgsProcessing, QgsProcessingParameterMultipleLayers
    return QgsProcessingParameterMultipleLayers(name, "", QgsProcessing.TypeRaster, None, optional)


def polygons(name, optional=False):
    from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource
    return QgsProcessingParameterFeatureSource(name, "", [QgsProcessing.TypeVectorPolygon], None, optional)


def csv_file(name, optional=False):
    from qgis.core import QgsProcessingParameterFile
    return QgsProcessingParameterFile(name, "", QgsProcessingParameterFile.File, "csv", None, optional)


def add_inputs(builder, definitions):
    for definition in definitions:
        definition.setDescription(builder.help["labels"][definition.name()])
        builder.input(definition)


def liuzhi():
    """Land use → MSPA → patches (+ red line) → dPC → sources → resistance (AHP) → corridors, current,
    centrality, pinch points, barriers → key areas with their tables."""
    from qgis.core import QgsProcessingParameterField
    b = Builder("liuzhiworkflow")
    add_inputs(b, [
        raster("LANDUSE"), text("HABITAT_VALUES", HABITAT), number("MIN_AREA", 50.0, minimum=0),
        polygons("REDLINE", optional=True), number("DISTANCE_THRESHOLD", 5000.0, minimum=0),
        number("PROBABILITY", 0.5, minimum=0, maximum=1), number("MAX_LINK_DISTANCE", 25000.0, minimum=0),
        number("MIN_DPC", 1.0, minimum=0),
        csv_file("FACTOR_TABLE"), text("CRITERIA", RESISTANCE_CRITERIA), text("MATRIX", RESISTANCE_AHP),
        number("TRUNCATE_WIDTH", 20000.0, minimum=0), number("CWD_CUTOFF", 20000.0, minimum=0),
        number("MIN_RADIUS", 90.0, minimum=0), number("MAX_RADIUS", 270.0, minimum=0),
        number("RADIUS_STEP", 90.0, minimum=0), text("CLASS_NAMES", LAND_USE_NAMES, optional=True),
        polygons("UNITS", optional=True),
        QgsProcessingParameterField("UNIT_NAME_FIELD", "", None, "UNITS", optional=True)])
    b.child("mspa", "ecosecurity:mspa", {
        "INPUT": P("LANDUSE"), "FOREGROUND_VALUES": P("HABITAT_VALUES"), "MISSING_VALUES": "", "CONNECTIVITY": 0,
        "EDGE_WIDTH": 1, "TRANSITION": True, "INTEXT": True}, {"OUTPUT": ("MSPA", True)})
    b.child("patches", "ecosecurity:habitatpatches", {
        "INPUT": C(("mspa", "OUTPUT")), "CLASSES": "17,117", "CONNECTIVITY": 0, "MIN_AREA": P("MIN_AREA"),
        "PROTECTED": P("REDLINE")}, {"OUTPUT": ("PATCHES", True)})
    b.child("connectivity", "ecosecurity:connectivity", {
        "INPUT": C(("patches", "OUTPUT")), "ID_FIELD": "patch_id", "ATTRIBUTE_FIELD": "area_ha", "DISTANCE": 0,
        "DISTANCE_THRESHOLD": P("DISTANCE_THRESHOLD"), "PROBABILITY": P("PROBABILITY"),
        "MAX_LINK_DISTANCE": P("MAX_LINK_DISTANCE"), "MIN_DPC": P("MIN_DPC"), "LEVELS": 3}, {"OUTPUT": ("PATCH_IMPORTANCE", True), "OUTPUT_OVERALL": ("OVERALL", True)})
    b.child("sources", "native:extractbyattribute", {
        "INPUT": C(("connectivity", "OUTPUT")), "FIELD": "is_source", "OPERATOR": 0, "VALUE": "1"},
        {"OUTPUT": ("SOURCES", True)})
    b.child("ahp", "ecosecurity:ahpweights", {"CRITERIA": P("CRITERIA"), "MATRIX": P("MATRIX"), "RI_TABLE": 0},
            {"OUTPUT": ("WEIGHTS", True)})
    b.child("resistance", "ecosecurity:resistancesurface", {
        "REFERENCE": P("LANDUSE"), "FACTOR_TABLE": P("FACTOR_TABLE"), "WEIGHTS_TABLE": C(("ahp", "OUTPUT")),
        "OUTPUT_RANGE": 3}, {"OUTPUT": ("RESISTANCE", True), "REPORT": ("FACTORS", False)})
    b.child("corridors", "ecosecurity:corridors", {
        "CORES": C(("sources", "OUTPUT")), "CORE_ID_FIELD": "node_id", "RESISTANCE": C(("resistance", "OUTPUT")),
        "ADJACENCY": 2, "DROP_THROUGH_CORES": True, "MAX_NEAREST": 4, "CONNECT_CONSTELLATIONS": True,
        "TRUNCATE_WIDTH": P("TRUNCATE_WIDTH")},
        {"OUTPUT_TRUNCATED": ("CORRIDORS", False), "OUTPUT_LCP": ("PATHS", True), "OUTPUT_LINKS": ("LINKS", True),
         "OUTPUT_CWD": ("COST_DISTANCE", False)})
    b.child("focal", "native:pointonsurface", {"INPUT": C(("sources", "OUTPUT")), "ALL_PARTS": False})
    b.child("circuit", "ecosecurity:circuitscape", {
        "RESISTANCE": C(("resistance", "OUTPUT")), "FOCAL": C(("focal", "OUTPUT")), "FOCAL_ID_FIELD": "node_id",
        "MODE": 0}, {"OUTPUT_CURRENT": ("CURRENT", True), "OUTPUT_RESISTANCES": ("RESISTANCES", False)})
    b.child("centrality", "ecosecurity:centrality", {
        "CORES": C(("sources", "OUTPUT")), "CORE_ID_FIELD": "node_id", "LINKS": C(("corridors", "OUTPUT_LCP")),
        "LEVELS": 3}, {"OUTPUT_CORES": ("CORES", True), "OUTPUT_LINKS": ("CORRIDORS", True),
                       "OUTPUT_SUMMARY": ("LEVELS", False)})
    b.child("pinchpoints", "ecosecurity:pinchpoints", {
        "CORES": C(("sources", "OUTPUT")), "CORE_ID_FIELD": "node_id", "RESISTANCE": C(("resistance", "OUTPUT")),
        "LINKS": C(("corridors", "OUTPUT_LINKS")), "CWD_CUTOFF": P("CWD_CUTOFF"), "MODE": 0,
        "SQUARE_RESISTANCES": False}, {"OUTPUT": ("PINCHPOINTS", True), "OUTPUT_LINKS": ("LINKS", True)})
    b.child("barriers", "ecosecurity:barriers", {
        "CORES": C(("sources", "OUTPUT")), "CORE_ID_FIELD": "node_id", "RESISTANCE": C(("resistance", "OUTPUT")),
        "LINKS": C(("corridors", "OUTPUT_LINKS")), "MIN_RADIUS": P("MIN_RADIUS"), "MAX_RADIUS": P("MAX_RADIUS"),
        "RADIUS_STEP": P("RADIUS_STEP"), "COMBINE": 0, "PERCENT": False},
        {"OUTPUT_CENTERS": ("CENTERS", True), "OUTPUT_CIRCLES": ("BARRIERS", True)})
    for child_id, score in (("pinch_areas", C(("pinchpoints", "OUTPUT"))),
                            ("barrier_areas", C(("barriers", "OUTPUT_CIRCLES")))):
        b.child(child_id, "ecosecurity:keyareas", {
            "INPUT": score, "RESISTANCE": C(("resistance", "OUTPUT")), "COMBINE": 1, "LEVELS": 4, "KEEP_LEVELS": 1,
            "MIN_AREA": 1, "CORRIDORS": C(("corridors", "OUTPUT_LCP")), "LAND_USE": P("LANDUSE"),
            "CLASS_NAMES": P("CLASS_NAMES"), "UNITS": P("UNITS"), "UNIT_NAME_FIELD": P("UNIT_NAME_FIELD")},
            {"OUTPUT": ("AREAS", True), "OUTPUT_TABLE": ("TABLE", False), "OUTPUT_HTML": ("HTML", False),
             "OUTPUT_LEVELS": ("LEVELS", False)})
    return b.finish()


def xian():
    """Suitability → spaces → priority per space → scenario targets → Pareto selection → corridors and pinch
    points between the patches of the chosen scheme."""
    b = Builder("xianworkflow")
    add_inputs(b, [
        raster("LANDUSE"), csv_file("FACTOR_TABLE"), rasters("FEATURES", optional=True),
        raster("REDLINE", optional=True), number("BASE_FRACTION", 0.38, minimum=0, maximum=1),
        text("LOWER", "0.20,0.10,0.40"), text("UPPER", "0.30,0.20,0.56"), number("STEP", 0.02, minimum=0),
        csv_file("COST_TABLE"), number("BUFFER", 100.0, minimum=0), number("MIN_PATCH_HA", 100.0, minimum=0),
        raster("RESISTANCE"),
        number("TRUNCATE_WIDTH", 20000.0, minimum=0), number("CWD_CUTOFF", 20000.0, minimum=0)])
    b.child("suitability", "ecosecurity:suitability", {"LANDUSE": P("LANDUSE"), "FACTOR_TABLE": P("FACTOR_TABLE")},
            {"OUTPUT_PRODUCTION": ("PRODUCTION", True), "OUTPUT_LIVING": ("LIVING", True),
             "OUTPUT_ECOLOGICAL": ("ECOLOGICAL", True), "OUTPUT_SPACES": ("SPACES", True),
             "AREA_TABLE": ("AREAS", True)})
    b.child("priority", "ecosecurity:priorityrank", {
        "FEATURES": [C(("suitability", "OUTPUT_PRODUCTION")), C(("suitability", "OUTPUT_LIVING")),
                     C(("suitability", "OUTPUT_ECOLOGICAL")), P("FEATURES")],
        "RULE": 1, "ZONES": C(("suitability", "OUTPUT_SPACES")), "REMOVAL_STEP": 0.01, "TOP_FRACTION": 0.3,
        "HIERARCHY": P("REDLINE")},
        {"OUTPUT": ("RANK", True), "OUTPUT_CURVES": ("CURVES", False), "OUTPUT_HTML": ("HTML", False),
         "OUTPUT_TOP": ("TOP", False)})
    b.child("targets", "ecosecurity:scenariotargets", {
        "ZONES": C(("suitability", "OUTPUT_SPACES")), "BASE_FRACTION": P("BASE_FRACTION"), "LOWER": P("LOWER"),
        "UPPER": P("UPPER"), "STEP": P("STEP"), "PRIORITY": 3}, {"OUTPUT": ("GROUPS", True)})
    b.child("pareto", "ecosecurity:paretoselect", {
        "RANK": C(("priority", "OUTPUT")), "ZONES": C(("suitability", "OUTPUT_SPACES")),
        "TARGETS": C(("targets", "OUTPUT")), "LAND_USE": P("LANDUSE"), "COST_TABLE": P("COST_TABLE"),
        "REDLINE": P("REDLINE"), "BUFFER": P("BUFFER"), "SCHEME": 0},
        {"OUTPUT_TABLE": ("SCHEMES", True), "OUTPUT_HTML": ("HTML", False), "OUTPUT": ("BEST", True),
         "OUTPUT_POLYGONS": ("PATCHES", True)})
    b.child("large_patches", "native:extractbyattribute", {
        "INPUT": C(("pareto", "OUTPUT_POLYGONS")), "FIELD": "area_ha", "OPERATOR": 3, "VALUE": P("MIN_PATCH_HA")})
    b.child("corridors", "ecosecurity:corridors", {
        "CORES": C(("large_patches", "OUTPUT")), "CORE_ID_FIELD": "patch_id", "RESISTANCE": P("RESISTANCE"),
        "ADJACENCY": 2, "DROP_THROUGH_CORES": True, "MAX_NEAREST": 4, "CONNECT_CONSTELLATIONS": True,
        "TRUNCATE_WIDTH": P("TRUNCATE_WIDTH")},
        {"OUTPUT_TRUNCATED": ("CORRIDORS", False), "OUTPUT_LCP": ("PATHS", True), "OUTPUT_LINKS": ("LINKS", True)})
    b.child("pinchpoints", "ecosecurity:pinchpoints", {
        "CORES": C(("large_patches", "OUTPUT")), "CORE_ID_FIELD": "patch_id", "RESISTANCE": P("RESISTANCE"),
        "LINKS": C(("corridors", "OUTPUT_LINKS")), "CWD_CUTOFF": P("CWD_CUTOFF"), "MODE": 0},
        {"OUTPUT": ("PINCHPOINTS", True), "OUTPUT_LINKS": ("LINKS", True)})
    return b.finish()


def gujiao():
    """Ecosystem services → service bundles (functional zones) → land demand (GMOP) → scenario simulation."""
    from qgis.core import QgsProcessingParameterEnum
    b = Builder("gujiaoworkflow")
    add_inputs(b, [
        raster("LANDUSE"), csv_file("CARBON_TABLE"), csv_file("THREATS"), csv_file("SENSITIVITY"),
        rasters("THREAT_RASTERS", optional=True), number("HALF_SATURATION", 0.05, minimum=0),
        text("CLASS_NAMES", LAND_USE_NAMES, optional=True), rasters("SERVICES", optional=True),
        text("DIRECTIONS", "+,+,+,-", optional=True), number("MIN_CLUSTERS", 3, integer=True, minimum=2),
        number("MAX_CLUSTERS", 6, integer=True, minimum=2), csv_file("COEFFICIENTS"),
        QgsProcessingParameterEnum("SCENARIO", "", ["Economic priority / 经济优先", "Ecological priority / 生态优先",
                                                 "Coordinated / 协调发展"],
                                   False, 2),
        number("ECONOMIC_WEIGHT", 0.5, minimum=0, maximum=1), polygons("REDLINE", optional=True),
        number("TARGET_YEAR", 2035, integer=True), rasters("DRIVERS"), text("CONVERSION", CONVERSION, optional=True),
        raster("RESTRICTED", optional=True), number("MAX_ITERATIONS", 300, integer=True, minimum=1),
        number("SEED", 1, integer=True, minimum=0)])
    b.child("services", "ecosecurity:ecosystemservices", {
        "LAND_USE": P("LANDUSE"), "CARBON_TABLE": P("CARBON_TABLE"), "THREATS": P("THREATS"),
        "SENSITIVITY": P("SENSITIVITY"), "THREAT_RASTERS": P("THREAT_RASTERS"),
        "HALF_SATURATION": P("HALF_SATURATION"), "CLASS_NAMES": P("CLASS_NAMES")},
        {"OUTPUT_CARBON": ("CARBON", True), "OUTPUT_QUALITY": ("QUALITY", True),
         "OUTPUT_DEGRADATION": ("DEGRADATION", False), "OUTPUT_SUMMARY": ("SUMMARY", True)})
    b.child("clusters", "ecosecurity:esclusters", {
        "INPUTS": [C(("services", "OUTPUT_CARBON")), C(("services", "OUTPUT_QUALITY")), P("SERVICES")],
        "DIRECTIONS": P("DIRECTIONS"), "STANDARDISE": 0, "METHOD": 0, "SOM_LEVELS": 0, "CLUSTERS": 0,
        "MIN_CLUSTERS": P("MIN_CLUSTERS"), "MAX_CLUSTERS": P("MAX_CLUSTERS"), "CRITERION": 0, "SEED": P("SEED")},
        {"OUTPUT": ("ZONES", True), "OUTPUT_PROFILES": ("PROFILES", True), "OUTPUT_HTML": ("HTML", False)})
    b.child("demand", "ecosecurity:landdemand", {
        "METHOD": 1, "LATER": P("LANDUSE"), "COEFFICIENTS": P("COEFFICIENTS"), "SCENARIO": P("SCENARIO"),
        "ECONOMIC_WEIGHT": P("ECONOMIC_WEIGHT"), "WHITENING": 0.5, "RED_LINE": P("REDLINE"),
        "TARGET_YEAR": P("TARGET_YEAR"), "SOLVER": 0, "CLASS_NAMES": P("CLASS_NAMES")},
        {"OUTPUT": ("DEMAND", True)})
    b.child("simulation", "ecosecurity:landsimulation", {
        "LAND_USE": P("LANDUSE"), "DRIVERS": P("DRIVERS"), "DEMAND": C(("demand", "OUTPUT")),
        "CONVERSION": P("CONVERSION"), "RESTRICTED": P("RESTRICTED"), "NEIGHBOURHOOD": 3, "SEED": P("SEED"),
        "MAX_ITERATIONS": P("MAX_ITERATIONS")},
        {"OUTPUT": ("LANDUSE", True), "OUTPUT_ITERATIONS": ("ITERATIONS", False)})
    return b.finish()


#: File name → builder, in the order of the toolbox.
MODELS = {"liuzhi_workflow.model3": liuzhi, "xian_workflow.model3": xian, "gujiao_workflow.model3": gujiao}


def build(out):
    """Write every model into ``out``; returns the paths written."""
    os.makedirs(out, exist_ok=True)
    paths = []
    for file_name, make in MODELS.items():
        path = os.path.join(out, file_name)
        if not make().toFile(path):
            raise RuntimeError(f"cannot write {path}")
        paths.append(path)
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "models"))
    args = parser.parse_args()
    app = start_qgis()
    for path in build(args.out):
        print(path)
    app.exitQgis()


def start_qgis():
    """A headless QGIS with the native algorithms and EcoSecurity from this tree: the children's outputs
    must resolve for the model's destination parameters to be built."""
    from qgis.core import QgsApplication
    app = headless_qgis.start_qgis()
    from ecosecurity.provider import ALGORITHMS
    from qgis.core import QgsProcessingProvider

    class Algorithms(QgsProcessingProvider):
        """The Python algorithms only: the models are what is being built."""

        def id(self):
            return "ecosecurity"

        def loadAlgorithms(self):
            for algorithm in ALGORITHMS:
                self.addAlgorithm(algorithm())

    start_qgis.provider = Algorithms()
    QgsApplication.processingRegistry().addProvider(start_qgis.provider)
    return app


if __name__ == "__main__":
    main()
