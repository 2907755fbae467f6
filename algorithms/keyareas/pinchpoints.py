"""``ecosecurity:pinchpoints`` — pinch points inside the least-cost corridors, Linkage Mapper's
Pinchpoint Mapper (thin wrapper over ``core/keyareas/pinchpoints.py``)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)
from qgis.PyQt.QtCore import QVariant

from ...core.keyareas.pinchpoints import LINK_VALUE_FIELDS, Names, estimate_memory, run_pinchpoints
from ..base import EcoAlgorithm
from ..parallel_inputs import add_parallel_parameters, parallel_settings
from ..corridors.core_inputs import add_core_parameters, add_links_parameter, core_source, link_table
from ..features import extended_fields


class PinchPoints(EcoAlgorithm):
    """Cores + resistance + link table → current inside each corridor (pinch points)."""

    NAME = "pinchpoints"
    GROUP_ID = "keyareas"

    CORES, CORE_ID_FIELD, RESISTANCE, LINKS = "CORES", "CORE_ID_FIELD", "RESISTANCE", "LINKS"
    CWD_CUTOFF, MODE, SQUARE_RESISTANCES = "CWD_CUTOFF", "MODE", "SQUARE_RESISTANCES"
    OUTPUT, OUTPUT_LINKS = "OUTPUT", "OUTPUT_LINKS"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Pinch points (Linkage Mapper Pinchpoint Mapper)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Maps the pinch points of the ecological corridors: the places inside a corridor where the current "
            "of circuit theory concentrates because there are few alternatives, so losing them would cut the link. "
            "This is the Pinchpoint Mapper of Linkage Mapper (McRae &amp; Kavanagh 2011), which runs Circuitscape "
            "inside the least-cost corridors, without ArcGIS. Run <i>Least-cost corridors</i> first: it gives the "
            "link table.</p>"
            "<h3>Method</h3><ol>"
            "<li>For each core with a kept link, one cost-distance surface (ESRI rule), reused by all its links; the "
            "least-cost distance of every link is recomputed and must equal the table's cw_dist.</li>"
            "<li><b>Adjacent pairs</b>: for each kept link A-B, the corridor is the cells where CWD<sub>A</sub> + "
            "CWD<sub>B</sub> - LCD<sub>AB</sub> &le; the cutoff; the resistance is clipped to it (and to its "
            "bounding box, so each link costs what its corridor costs); the cells of A and B inside it are the "
            "focal regions; Circuitscape pairwise (8 neighbours, average resistances, focal node currents set to "
            "zero) gives the current; the maps of all links are combined by their maximum.</li>"
            "<li><b>All pairs</b> / <b>all to one</b>: one circuit over the union of all corridors and all cores, "
            "every core a focal region; the cumulative current.</li>"
            "<li>Core cells are set to NoData (their current is not a pinch point).</li></ol>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Core areas</b> and <b>core id field</b>: as given to <i>Least-cost corridors</i> (polygons with an "
            "integer id field, or a raster of core ids).</li>"
            "<li><b>Resistance surface</b>: the one the corridors were computed on; values &gt; 0.</li>"
            "<li><b>Link table</b>: the link table (or the least-cost path layer) of <i>Least-cost corridors</i>; "
            "links with link_type &ge; 1 are used. A table from another run (other cores, resistance or cell size) "
            "is refused with the link and the values that differ.</li>"
            "<li><b>Corridor width (CWD cutoff)</b>: in cost units, like the truncation width of the corridors "
            "(Linkage Mapper's demo uses 5 000; wider corridors show more alternative routes and take longer).</li>"
            "<li><b>Mode</b>: adjacent pairs (each link on its own corridor), all pairs or all to one (the whole "
            "corridor network at once).</li>"
            "<li><b>Square resistances</b>: use resistance&sup2; in the circuit (sharper pinch points); the "
            "corridors still use the resistance as given.</li>"
            "<li><b>Worker processes</b> (PARALLEL, advanced): the cost-distance searches of the cores (in every "
            "mode) and, in adjacent-pair mode, the circuits of the links run on this many processes of this "
            "computer (0 = one per core, 1 = in the QGIS process); each worker gets only its search or corridor "
            "window. Fewer workers are used when their tasks would not fit in memory. The result is the same "
            "whatever the number.</li>"
            "<li><b>Dask scheduler</b> (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster "
            "(tcp://host:8786) to send the searches and the link circuits to instead; needs the Python package dask[distributed] "
            "and the plugin installed on the workers. Dask workers compute with one BLAS thread, so on large "
            "windows the currents may differ from a local run in the last digits (about 1e-13 relative).</li></ul>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Pinch-point current</b> (Float32, NoData on cores and outside the corridors): high values are "
            "pinch points.</li>"
            "<li><b>Link table with effective resistances</b>: the input table plus eff_resist (effective "
            "resistance &times; cell size) and cwd_to_eff_resist (cw_dist / eff_resist; high = a narrow "
            "corridor). Computed in adjacent-pair mode without squaring; -1 otherwise and for dropped links.</li></ul>"
            "<h3>Reference</h3><p>Linkage Mapper 3 Pinchpoint Mapper driving Circuitscape 4. Reproduced: the corridor "
            "clip, focal regions and Circuitscape options Linkage Mapper sets; each circuit is solved by the plugin's "
            "engine, which reproduces Circuitscape's verification cases. Cost distances are exact in double precision "
            "(ArcGIS stores single precision, so cells right at the cutoff may differ).</p>"
            "<p>McRae, B.H. &amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature "
            "Conservancy, Seattle. McRae, B.H., Dickson, B.G., Keitt, T.H. &amp; Shah, V.B. (2008) Using circuit "
            "theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_core_parameters(self)
        add_links_parameter(self)
        self.addParameter(QgsProcessingParameterNumber(
            self.CWD_CUTOFF, self.tr("Corridor width (CWD cutoff, cost units)"), QgsProcessingParameterNumber.Double,
            5000.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Mode"),
            options=[self.tr("Adjacent pairs (each link on its own corridor)"), self.tr("All pairs"),
                     self.tr("All to one")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SQUARE_RESISTANCES, self.tr("Square resistances in the circuit"), False))
        add_parallel_parameters(self)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Pinch-point current")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINKS, self.tr("Link table with effective resistances"), QgsProcessing.TypeVector))

    def process(self, parameters, context, feedback):
        resistance, resistance_name = self.raster_source(parameters, self.RESISTANCE, context)
        cores = core_source(self, parameters, context, feedback)
        self.check_memory(estimate_memory(resistance), self.tr("Pinch points on '{0}'").format(resistance_name))
        links, rows = link_table(self, parameters, context)
        output = self.output_path(parameters, self.OUTPUT, context)
        workers, scheduler = parallel_settings(self, parameters, context)
        result = run_pinchpoints(
            resistance, cores, rows, self.parameterAsDouble(parameters, self.CWD_CUTOFF, context), output,
            self.parameterAsEnum(parameters, self.MODE, context),
            self.parameterAsBool(parameters, self.SQUARE_RESISTANCES, context), self.progress(feedback),
            Names(resistance_name, cores.name, links.sourceName()), workers=workers, scheduler=scheduler)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("{0} links, {1} circuit solves; largest window {2} cells").format(
            len(result.links), result.solves, max(result.window_cells, default=0)))
        self.style_output(output, "current.qml", context)
        return {self.OUTPUT: output, self.OUTPUT_LINKS: self._write_links(parameters, context, links, result)}

    def _write_links(self, parameters, context, links, result):
        fields = extended_fields(links.fields(), [(name, QVariant.Double) for name in LINK_VALUE_FIELDS])
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_LINKS, context, fields, links.wkbType(),
                                             links.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot create the output {0}.").format(self.OUTPUT_LINKS))
        for feature, values in zip(links.getFeatures(), result.link_values()):
            out = QgsFeature(fields)
            if feature.hasGeometry():
                out.setGeometry(feature.geometry())
            row = {name: feature[name] for name in links.fields().names()}
            row.update(values)
            out.setAttributes([row.get(name) for name in fields.names()])
            sink.addFeature(out, QgsFeatureSink.FastInsert)
        return dest_id
