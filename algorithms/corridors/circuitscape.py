"""``ecosecurity:circuitscape`` — circuit-theory connectivity, Circuitscape-compatible (thin wrapper
over ``core/circuit``)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.corridors.circuit.analysis import LayerSource, analyse, estimate_analysis_memory
from ...core.corridors.circuit.compute import RasterOptions
from ...core.corridors.circuit.outputs import LayerFiles
from ..base import EcoAlgorithm
from ..parallel_inputs import add_parallel_parameters, parallel_settings

SCENARIOS = ("pairwise", "one-to-all", "all-to-one", "advanced")
POLICIES = ("keepall", "rmvsrc", "rmvgnd", "rmvall")
SOLVERS = ("auto", "direct", "multigrid")


class Circuitscape(EcoAlgorithm):
    """Resistance + focal nodes → cumulative current, resistance table (Circuitscape 4 / Circuitscape.jl)."""

    NAME = "circuitscape"
    GROUP_ID = "corridors"

    RESISTANCE, IS_CONDUCTANCE, FOCAL, FOCAL_ID_FIELD = "RESISTANCE", "IS_CONDUCTANCE", "FOCAL", "FOCAL_ID_FIELD"
    MODE, SOURCES, GROUNDS = "MODE", "SOURCES", "GROUNDS"
    GROUNDS_ARE_RESISTANCES, DIRECT_GROUNDS, CONFLICT = "GROUNDS_ARE_RESISTANCES", "DIRECT_GROUNDS", "CONFLICT"
    SHORT_CIRCUIT, SHORT_CIRCUIT_ID_FIELD, INCLUDE_PAIRS = "SHORT_CIRCUIT", "SHORT_CIRCUIT_ID_FIELD", "INCLUDE_PAIRS"
    FOUR_NEIGHBOURS, AVG_RESISTANCES, LOG_TRANSFORM = "FOUR_NEIGHBOURS", "AVG_RESISTANCES", "LOG_TRANSFORM"
    ZERO_FOCAL_CURRENTS, SOLVER = "ZERO_FOCAL_CURRENTS", "SOLVER"
    OUTPUT_CURRENT, OUTPUT_MAX_CURRENT, OUTPUT_VOLTAGE = "OUTPUT_CURRENT", "OUTPUT_MAX_CURRENT", "OUTPUT_VOLTAGE"
    OUTPUT_RESISTANCES, OUTPUT_FOLDER, SOLVES = "OUTPUT_RESISTANCES", "OUTPUT_FOLDER", "SOLVES"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Circuit theory corridors (Circuitscape)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Treats the landscape as an electrical circuit (McRae 2006; McRae et al. 2008): every cell is a node "
            "joined to its neighbours by conductors of conductance 1/resistance. Current injected at focal nodes "
            "(ecological sources) flows like dispersing animals on random walks; the <b>cumulative current</b> "
            "shows corridors and pinch points, the <b>effective resistance</b> measures isolation between sources. "
            "This is the engine of Circuitscape, Linkage Mapper's Pinchpoint Mapper and most ecological security "
            "pattern studies, in QGIS without Julia or Python 2.</p>"
            "<h3>Modes</h3><ul>"
            "<li><b>Pairwise</b>: effective resistance between every pair of focal nodes; the current map is the sum "
            "of the currents of all pairs (1 A each).</li>"
            "<li><b>One-to-all</b>: for each focal node, 1 A injected there and every other focal node grounded.</li>"
            "<li><b>All-to-one</b>: for each focal node, that node grounded and 1 A injected at every other.</li>"
            "<li><b>Advanced</b>: your own current sources (A) and grounds rasters, one solve.</li></ul>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Resistance</b>: values &gt; 0 per cell; NoData = impassable. Zero resistance is refused (use a "
            "short-circuit region instead); negative values are not habitat. Tick <b>conductance</b> when the "
            "raster holds conductances. The cell size is not used (resistances are per cell, as Circuitscape).</li>"
            "<li><b>Focal nodes</b>: a raster of ids (0/NoData = none), a point layer or a polygon layer with an "
            "integer <b>id field</b>. An id covering several cells is a focal region (short-circuited as one node; "
            "pairwise then solves one circuit per pair, as Circuitscape does).</li>"
            "<li><b>Short-circuit regions</b> (optional): polygons or a raster of ids; each region conducts "
            "perfectly (lakes, protected areas). Polygons without an id field: each connected patch is one "
            "region.</li>"
            "<li><b>Include pairs</b> (optional): a Circuitscape pairs file — a matrix (lines <code>min m</code>, "
            "<code>max M</code>, then a matrix with ids in its first row and column; pairs with m &le; value "
            "&le; M are kept) or a list (<code>mode include</code> or <code>mode exclude</code>, then "
            "<code>id id</code> lines). Left-out pairs get -1.</li>"
            "<li><b>Connect four neighbours only</b> and <b>average resistances</b>: Circuitscape's connection "
            "scheme; the default (8 neighbours, average conductance) is Circuitscape's, Linkage Mapper uses "
            "average resistances.</li>"
            "<li><b>Log-transform current maps</b>: log10 of each pair's map before summing (Circuitscape's "
            "option; the cumulative map is then a sum of logarithms).</li>"
            "<li><b>Advanced mode</b>: <b>sources</b> raster (A), <b>grounds</b> raster (resistances to ground, or "
            "conductances; 0 resistance = direct ground), <b>direct grounds</b> (every ground connected "
            "directly) and the <b>conflict policy</b> for cells with both.</li>"
            "<li><b>Solver</b>: <i>automatic</i> picks whichever of the two is expected to be faster and fits in "
            "memory: a direct sparse factorisation (reused for every pair; best for small grids and many focal "
            "nodes) or conjugate gradients preconditioned by algebraic multigrid (smoothed aggregation, about 10 "
            "iterations per focal node, two focal nodes solved at once on two cores; needs the optional package "
            "pyamg, without which a much slower diagonal preconditioner is used).</li>"
            "<li><b>Worker processes</b> (PARALLEL, advanced): the independent solves run on this many processes "
            "of this computer (0 = one per core, 1 = in the QGIS process). Pairwise mode with focal points: the "
            "p-1 solves, one batch of focal nodes per worker; every worker builds its own graph and factorisation "
            "or multigrid hierarchy, so each needs about the memory of a serial run; worth it with many focal "
            "nodes (a serial multigrid run already solves two focal nodes at once). One-to-all and all-to-one: "
            "one solve per focal node. Fewer workers are used when they would not fit in memory; focal regions "
            "and advanced mode run in the QGIS process. The result is the same whatever the number.</li>"
            "<li><b>Dask scheduler</b> (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster "
            "(tcp://host:8786) to send the solves to instead (pairwise: one batch per worker thread); needs the "
            "Python package dask[distributed] and the plugin installed on the workers. Dask workers compute with "
            "one BLAS thread, so on large grids the results may differ from a local run in the last digits.</li></ul>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Cumulative current</b> (pairwise, one-to-all, all-to-one) or the current map (advanced), "
            "styled with a colour ramp; optional <b>maximum current</b> over pairs.</li>"
            "<li><b>Voltage</b>: the voltage map (advanced) or one band per focal id (one-to-all, all-to-one).</li>"
            "<li><b>Resistance table</b>: id_a, id_b, resistance for every pair (-1 = not connected or left out, "
            "0 = same node); one-to-all: the resistance between each node and all others; all-to-one: 0 (-1 when "
            "nothing was solved).</li>"
            "<li><b>Folder for per-pair maps</b> (optional): curmap_&lt;a&gt;_&lt;b&gt;.tif and "
            "voltmap_&lt;a&gt;_&lt;b&gt;.tif (per id in one-to-all) — many files for many pairs.</li></ul>"
            "<h3>Method and reference</h3><p>Reproduces Circuitscape.jl 5.x (and Circuitscape 4): same graph, "
            "polygons, focal regions, include pairs, grounds and conflict rules; verified on the 20 cases of "
            "Circuitscape.jl's test suite (resistances within 1e-6 relative, maps within Circuitscape's tolerance). "
            "Pairwise solves p-1 systems per component on one factorisation or multigrid hierarchy and obtains "
            "every pair by superposition, instead of one solve per pair; the cumulative current of all pairs is "
            "summed without forming them.</p>"
            "<p>McRae, B.H. (2006) Isolation by resistance. Evolution 60: 1551-1561. McRae, B.H., Dickson, B.G., "
            "Keitt, T.H. &amp; Shah, V.B. (2008) Using circuit theory to model connectivity in ecology, evolution, "
            "and conservation. Ecology 89: 2712-2724. Anantharaman, R., Hall, K., Shah, V.B. &amp; Edelman, A. "
            "(2020) Circuitscape in Julia. JuliaCon Proceedings 1(1): 58.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr("Resistance surface")))
        self.addParameter(QgsProcessingParameterBoolean(
            self.IS_CONDUCTANCE, self.tr("The raster holds conductances (not resistances)"), False))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.FOCAL, self.tr("Focal nodes (raster of ids, points or polygons)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FOCAL_ID_FIELD, self.tr("Focal node id field (vector focal nodes)"),
            parentLayerParameterName=self.FOCAL, type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Mode"),
            options=[self.tr("Pairwise"), self.tr("One-to-all"), self.tr("All-to-one"), self.tr("Advanced")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOURCES, self.tr("Current sources, A (advanced mode)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.GROUNDS, self.tr("Grounds (advanced mode)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.GROUNDS_ARE_RESISTANCES, self.tr("Ground values are resistances (else conductances)"), True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DIRECT_GROUNDS, self.tr("Connect every ground directly (zero resistance)"), False))
        self.addParameter(QgsProcessingParameterEnum(
            self.CONFLICT, self.tr("Cells with both a source and a ground"),
            options=[self.tr("Keep both"), self.tr("Remove the source"), self.tr("Remove the ground"),
                     self.tr("Remove both (as Circuitscape: removes the source)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.SHORT_CIRCUIT, self.tr("Short-circuit regions (polygons or raster of ids)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SHORT_CIRCUIT_ID_FIELD, self.tr("Short-circuit region id field (optional)"),
            parentLayerParameterName=self.SHORT_CIRCUIT, type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.INCLUDE_PAIRS, self.tr("Include/exclude pairs file (Circuitscape matrix or list)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FOUR_NEIGHBOURS, self.tr("Connect four neighbours only"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.AVG_RESISTANCES, self.tr("Use average resistances (else average conductances)"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.LOG_TRANSFORM, self.tr("Log-transform current maps"), False))
        zero = QgsProcessingParameterBoolean(
            self.ZERO_FOCAL_CURRENTS, self.tr("Set the current of each pair's focal nodes to zero (Circuitscape 4)"),
            False)
        solver = QgsProcessingParameterEnum(
            self.SOLVER, self.tr("Solver"),
            options=[self.tr("Automatic"), self.tr("Direct (sparse factorisation)"),
                     self.tr("Multigrid (AMG-preconditioned conjugate gradients)")], defaultValue=0)
        for parameter in (zero, solver):
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        add_parallel_parameters(self)
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CURRENT, self.tr("Cumulative current")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_MAX_CURRENT, self.tr("Maximum current over pairs"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_VOLTAGE, self.tr("Voltage"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_RESISTANCES, self.tr("Effective resistances"), QgsProcessing.TypeVector, optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Folder for per-pair maps"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.SOLVES, self.tr("Number of linear solves")))

    def process(self, parameters, context, feedback):
        resistance, resistance_name = self.raster_source(parameters, self.RESISTANCE, context)
        scenario = SCENARIOS[self.parameterAsEnum(parameters, self.MODE, context)]
        four = self.parameterAsBool(parameters, self.FOUR_NEIGHBOURS, context)
        self.check_memory(estimate_analysis_memory(resistance, four),
                          self.tr("Circuit analysis on '{0}'").format(resistance_name))
        focal = self._layer_source(parameters, self.FOCAL, self.FOCAL_ID_FIELD, context, feedback, True)
        short_circuit = self._layer_source(parameters, self.SHORT_CIRCUIT, self.SHORT_CIRCUIT_ID_FIELD, context,
                                           feedback, False)
        sources = self._raster(parameters, self.SOURCES, context)
        grounds = self._raster(parameters, self.GROUNDS, context)
        current = self.parameterAsOutputLayer(parameters, self.OUTPUT_CURRENT, context) or None
        maximum = self.parameterAsOutputLayer(parameters, self.OUTPUT_MAX_CURRENT, context) or None
        voltage = self.parameterAsOutputLayer(parameters, self.OUTPUT_VOLTAGE, context) or None
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context) or None
        per_id = scenario in ("one-to-all", "all-to-one")
        options = RasterOptions(
            scenario=scenario, four_neighbours=four,
            avg_resistances=self.parameterAsBool(parameters, self.AVG_RESISTANCES, context),
            policy=POLICIES[self.parameterAsEnum(parameters, self.CONFLICT, context)],
            log_transform=self.parameterAsBool(parameters, self.LOG_TRANSFORM, context),
            focal_currents_to_zero=self.parameterAsBool(parameters, self.ZERO_FOCAL_CURRENTS, context),
            pair_currents=folder is not None, pair_voltages=folder is not None or (per_id and voltage is not None),
            cumulative=current is not None, maximum=maximum is not None and scenario != "advanced",
            voltages=voltage is not None)
        writer = LayerFiles(None, current, maximum, voltage, folder)
        workers, scheduler = parallel_settings(self, parameters, context)
        summary = analyse(
            LayerSource(resistance, resistance_name), options, writer,
            is_conductance=self.parameterAsBool(parameters, self.IS_CONDUCTANCE, context),
            focal=focal, short_circuit=short_circuit,
            include_pairs=self.parameterAsFile(parameters, self.INCLUDE_PAIRS, context) or None,
            sources=sources, grounds=grounds,
            grounds_are_resistances=self.parameterAsBool(parameters, self.GROUNDS_ARE_RESISTANCES, context),
            direct_grounds=self.parameterAsBool(parameters, self.DIRECT_GROUNDS, context),
            method=SOLVERS[self.parameterAsEnum(parameters, self.SOLVER, context)],
            progress=self.progress(feedback), workers=workers, scheduler=scheduler)
        for warning in summary.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("{0} linear solves ({1} solver).").format(summary.solves, summary.method))
        results = {self.SOLVES: summary.solves}
        for name, path in ((self.OUTPUT_CURRENT, current), (self.OUTPUT_MAX_CURRENT, maximum)):
            if path and path in writer.files:
                results[name] = path
                self.style_output(path, writer.styles.get(path, "current.qml"), context)
        if voltage and voltage in writer.files:
            results[self.OUTPUT_VOLTAGE] = voltage
        if folder:
            results[self.OUTPUT_FOLDER] = folder
        table_id = self._write_table(parameters, context, writer.table, scenario)
        if table_id is not None:
            results[self.OUTPUT_RESISTANCES] = table_id
        return results

    def _raster(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        path, layer_name = self.raster_source(parameters, name, context)
        return LayerSource(path, layer_name)

    def _layer_source(self, parameters, name, field_name, context, feedback, field_required):
        layer = self.parameterAsLayer(parameters, name, context)
        if layer is None:
            return None
        if isinstance(layer, QgsRasterLayer):
            if layer.providerType() != "gdal":
                raise QgsProcessingException(self.tr(
                    "{0}: '{1}' is not a file-based raster; save it as GeoTIFF first.").format(name, layer.name()))
            return LayerSource(layer.source(), layer.name())
        field = self.parameterAsString(parameters, field_name, context) or None
        if field is None and field_required:
            raise QgsProcessingException(self.tr(
                "{0}: choose the id field ({1}) of the vector layer '{2}'.").format(name, field_name, layer.name()))
        path, layer_name = self.parameterAsCompatibleSourceLayerPathAndLayerName(
            parameters, name, context, ["gpkg", "shp"], "gpkg", feedback)
        return LayerSource(path, layer.name(), layer_name or None, field, True)

    def _write_table(self, parameters, context, rows, scenario):
        if scenario == "advanced":
            return None
        fields = QgsFields()
        names = ("id_a", "id_b", "resistance") if scenario == "pairwise" else ("id", "resistance")
        for field_name in names:
            fields.append(QgsField(field_name, QVariant.Double if field_name == "resistance" else QVariant.LongLong))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_RESISTANCES, context, fields,
                                             QgsWkbTypes.NoGeometry)
        if sink is None:
            return None
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(list(row))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
