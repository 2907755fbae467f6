"""The Processing provider ``ecosecurity``: lists every algorithm of the plugin."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .algorithms.ahp_weights import AhpWeights
from .algorithms.circuitscape import Circuitscape
from .algorithms.circuitscape_ini import CircuitscapeIni
from .algorithms.classify_raster import ClassifyRaster
from .algorithms.connectivity import Connectivity
from .algorithms.corridors import Corridors
from .algorithms.distance import EuclideanDistance
from .algorithms.entropy_weights import EntropyWeights
from .algorithms.habitat_patches import HabitatPatches
from .algorithms.mspa import Mspa
from .algorithms.resistance_surface import ResistanceSurface
from .algorithms.suitability import Suitability

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
