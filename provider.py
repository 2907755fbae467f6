"""The Processing provider ``ecosecurity``: lists every algorithm of the plugin."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .algorithms.corridors.circuitscape import Circuitscape
from .algorithms.corridors.circuitscape_ini import CircuitscapeIni
from .algorithms.corridors.corridors import Corridors
from .algorithms.keyareas.barriers import Barriers
from .algorithms.keyareas.centrality import Centrality
from .algorithms.keyareas.keyareas import KeyAreas
from .algorithms.keyareas.pinchpoints import PinchPoints
from .algorithms.landuse.ecosystem_services import EcosystemServices
from .algorithms.landuse.es_clusters import EsClusters
from .algorithms.landuse.land_demand import LandDemand
from .algorithms.landuse.land_simulation import LandSimulation
from .algorithms.priority.pareto_select import ParetoSelect
from .algorithms.priority.priority_rank import PriorityRank
from .algorithms.priority.scenario_targets import ScenarioTargets
from .algorithms.resistance.ahp_weights import AhpWeights
from .algorithms.resistance.distance import EuclideanDistance
from .algorithms.resistance.entropy_weights import EntropyWeights
from .algorithms.resistance.resistance_surface import ResistanceSurface
from .algorithms.resistance.suitability import Suitability
from .algorithms.sources.connectivity import Connectivity
from .algorithms.sources.habitat_patches import HabitatPatches
from .algorithms.sources.mspa import Mspa
from .algorithms.tools.classify_raster import ClassifyRaster
from .algorithms.workflow_models import load_models

ALGORITHMS = [  # in workflow order
    ClassifyRaster,
    Mspa,
    HabitatPatches,
    Connectivity,
    EuclideanDistance,
    AhpWeights,
    EntropyWeights,
    ResistanceSurface,
    Suitability,
    Corridors,
    Circuitscape,
    CircuitscapeIni,
    PinchPoints,
    Barriers,
    Centrality,
    KeyAreas,
    EcosystemServices,
    EsClusters,
    LandDemand,
    LandSimulation,
    PriorityRank,
    ScenarioTargets,
    ParetoSelect,
]


class EcoSecurityProvider(QgsProcessingProvider):
    """Provider id ``ecosecurity``, name "EcoSecurity (生态安全格局)"."""

    def id(self):
        return "ecosecurity"

    def name(self):
        return QCoreApplication.translate("EcoSecurity", "EcoSecurity (生态安全格局)")

    def longName(self):  # noqa: N802 (QGIS API name)
        return self.name()

    def icon(self):
        return QIcon(os.path.join(os.path.dirname(__file__), "icons", "ecosecurity.svg"))

    def loadAlgorithms(self):  # noqa: N802 (QGIS API name)
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
        for model in load_models():  # models/*.model3, group "Workflows"
            self.addAlgorithm(model)
