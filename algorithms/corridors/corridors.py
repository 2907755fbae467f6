"""``ecosecurity:corridors`` — least-cost corridors and the core network, Linkage Mapper's Linkage
Pathways (thin wrapper over ``core/linkage``)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.corridors.linkage.pathways import PathwayOptions
from ...core.corridors.linkage.run import LCP_FIELDS, LINK_FIELDS, corridors, estimate_memory
from ..base import EcoAlgorithm
from ..parallel_inputs import add_parallel_parameters, parallel_settings
from .core_inputs import add_core_parameters, core_source

#: QVariant type of each field of the path layer and the link table.
FIELD_TYPES = {"link_id": QVariant.Int, "core1": QVariant.LongLong, "core2": QVariant.LongLong,
               "cluster1": QVariant.LongLong, "cluster2": QVariant.LongLong, "link_type": QVariant.Int,
               "link_info": QVariant.String, "euc_dist": QVariant.Double, "cw_dist": QVariant.Double,
               "euc_adj": QVariant.Int, "cwd_adj": QVariant.Int, "lcp_length": QVariant.Double,
               "cwd_to_euc": QVariant.Double, "cwd_to_path": QVariant.Double}


class Corridors(EcoAlgorithm):
    """Cores + resistance → adjacency, link table, least-cost paths, normalised corridors."""

    NAME = "corridors"
    GROUP_ID = "corridors"

    CORES, CORE_ID_FIELD, RESISTANCE, ADJACENCY = "CORES", "CORE_ID_FIELD", "RESISTANCE", "ADJACENCY"
    DROP_THROUGH_CORES, MAX_NEAREST, NEAREST_BY = "DROP_THROUGH_CORES", "MAX_NEAREST", "NEAREST_BY"
    CONNECT_CONSTELLATIONS, MAX_COST_DISTANCE = "CONNECT_CONSTELLATIONS", "MAX_COST_DISTANCE"
    MAX_EUCLIDEAN_DISTANCE, TRUNCATE_WIDTH = "MAX_EUCLIDEAN_DISTANCE", "TRUNCATE_WIDTH"
    CALC_NON_NORMALIZED, BOUNDING_CIRCLE_BUFFER = "CALC_NON_NORMALIZED", "BOUNDING_CIRCLE_BUFFER"
    OUTPUT_CORRIDORS, OUTPUT_TRUNCATED, OUTPUT_LCP = "OUTPUT_CORRIDORS", "OUTPUT_TRUNCATED", "OUTPUT_LCP"
    OUTPUT_LINKS, OUTPUT_CWD, OUTPUT_ALLOCATION = "OUTPUT_LINKS", "OUTPUT_CWD", "OUTPUT_ALLOCATION"
    OUTPUT_NON_NORMALIZED = "OUTPUT_NON_NORMALIZED"
    CORRIDOR_COUNT, CORRIDOR_LENGTH_KM = "CORRIDOR_COUNT", "CORRIDOR_LENGTH_KM"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Least-cost corridors (Linkage Mapper)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Builds the ecological network between sources (core areas) on a resistance surface and maps the "
            "least-cost corridors: the Linkage Pathways tool of Linkage Mapper (McRae &amp; Kavanagh 2011) without "
            "ArcGIS. The output corridors, least-cost paths and link table are those most ecological security "
            "pattern studies report (e.g. \"33 corridors, 163.92 km\").</p>"
            "<h3>Method</h3><ol>"
            "<li><b>Cost distance</b> (ESRI Cost Distance rule): a move between neighbouring cells costs cell size "
            "&times; the mean of their resistances, &times;&radic;2 on diagonals; 0 inside a core; NoData cells "
            "are barriers. Computed on the 8-neighbour grid by fast sweeping on grids of a million cells and "
            "more (to a relative 1e-12), by Dijkstra (exact) on smaller grids, mazes and cost-limited searches, "
            "and by sweeping alone when Dijkstra's graph would not fit in memory (about 10<sup>8</sup> cells).</li>"
            "<li><b>Adjacency</b>: two cores are adjacent when their cost allocation zones (and/or Euclidean "
            "allocation zones) touch; <i>All pairs</i> links every pair.</li>"
            "<li><b>Links</b>: for each candidate pair, the Euclidean edge-to-edge distance, the least-cost "
            "distance (CWD) and the least-cost path. Links are dropped when the path crosses a third core (-15), "
            "or is longer than the maximum Euclidean (-11) or cost distance (-12), or no path exists (-12).</li>"
            "<li><b>Pruning</b>: each core keeps its <i>n</i> nearest neighbours (type 10); with <i>Connect "
            "constellations</i> the separate groups are then joined by their shortest remaining links (type 20); "
            "the rest become -1. 0 nearest neighbours = keep all (type 1).</li>"
            "<li><b>Normalised corridors</b>: for each kept link A-B, CWD<sub>A</sub> + CWD<sub>B</sub> - "
            "LCD<sub>AB</sub> (0 on the least-cost path: the extra cost of passing through a cell); the minimum "
            "over links, rounded to integers as Linkage Mapper does.</li></ol>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Core areas</b>: polygons with an integer <b>core id field</b> (rasterised on the resistance grid "
            "by cell centre; reprojected if needed; overlapping polygons with different ids are refused), or a "
            "raster of core ids aligned with the resistance (0 and NoData = not a core).</li>"
            "<li><b>Resistance</b>: values &gt; 0 (&ge; 1 recommended), NoData = impassable; a projected CRS in "
            "metres.</li>"
            "<li><b>Truncate corridors at</b>: the corridor width in cost units (Linkage Mapper's CWD threshold, "
            "e.g. 200 000 in its demo); 0 = no truncated raster. When the full corridor raster is not requested "
            "(skip it), the searches stop at this width and large grids run much faster, with identical truncated "
            "corridors.</li>"
            "<li><b>Bounding circle buffer</b> (advanced): Linkage Mapper's speed-up, each search restricted to "
            "circles around the linked cores grown by this distance; an approximation (0 = off, exact).</li>"
            "<li><b>Worker processes</b> (PARALLEL, advanced): the cost-distance searches of the cores (step 3) run "
            "in batches on this many processes of this computer (0 = one per core, 1 = in the QGIS process); each "
            "worker gets the resistance grid and builds its own search graph. Fewer workers are used when their "
            "searches would not fit in memory. The result is the same as with 1.</li>"
            "<li><b>Dask scheduler</b> (DASK_SCHEDULER, advanced, optional): the address of a Dask cluster "
            "(tcp://host:8786) to send the batches of searches to instead; needs the Python package "
            "dask[distributed] and the plugin installed on the workers. The result is the same as a local "
            "run.</li></ul>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Corridors</b> (Int32) and <b>truncated corridors</b>: normalised least-cost corridor values.</li>"
            "<li><b>Least-cost paths</b>: one line per kept link with link_id, core1, core2, link_type, euc_dist, "
            "cw_dist, lcp_length, cwd_to_euc, cwd_to_path.</li>"
            "<li><b>Link table</b>: every candidate link, including the dropped ones with their type code and "
            "reason (link_info).</li>"
            "<li><b>Cost distance to the nearest core</b> and <b>nearest core</b> (cost allocation); optional "
            "<b>non-normalised corridors</b> CWD<sub>A</sub> + CWD<sub>B</sub>.</li>"
            "<li>The number of corridors and their total length (km) are reported in the log.</li></ul>"
            "<h3>Reference</h3><p>Linkage Mapper 3 (Linkage Pathways, steps 1-5). Reproduced: the cost distance "
            "rule (exactly), link types and pruning rules, normalised corridors and their rounding. Differences: "
            "Euclidean distances are measured between core cells rather than simplified polygons (within about one "
            "cell); path lengths follow the cell centres; among equally cheap paths another one may be drawn.</p>"
            "<p>McRae, B.H. &amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature "
            "Conservancy, Seattle.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_core_parameters(self)
        self.addParameter(QgsProcessingParameterEnum(
            self.ADJACENCY, self.tr("Adjacency"),
            options=[self.tr("Cost-weighted"), self.tr("Euclidean"), self.tr("Cost-weighted and Euclidean"),
                     self.tr("All pairs")], defaultValue=2))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DROP_THROUGH_CORES, self.tr("Drop corridors that pass through other cores"), True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_NEAREST, self.tr("Keep each core's nearest neighbours (0 = unlimited)"),
            QgsProcessingParameterNumber.Integer, 4, minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CONNECT_CONSTELLATIONS, self.tr("Connect constellations (join separate groups of cores)"), True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_COST_DISTANCE, self.tr("Maximum cost-weighted corridor distance (0 = no limit)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterDistance(
            self.MAX_EUCLIDEAN_DISTANCE, self.tr("Maximum Euclidean corridor distance (0 = no limit)"), 0.0,
            self.RESISTANCE, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TRUNCATE_WIDTH, self.tr("Truncate corridors at cost-weighted width (0 = no truncation)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CALC_NON_NORMALIZED, self.tr("Also compute non-normalised corridors"), False))
        nearest_by = QgsProcessingParameterEnum(
            self.NEAREST_BY, self.tr("Measure nearest neighbours by"),
            options=[self.tr("Cost-weighted distance"), self.tr("Euclidean distance")], defaultValue=0)
        buffer = QgsProcessingParameterDistance(
            self.BOUNDING_CIRCLE_BUFFER, self.tr("Bounding circle buffer (0 = off, exact)"), 0.0,
            self.RESISTANCE, minValue=0.0)
        for parameter in (nearest_by, buffer):
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        add_parallel_parameters(self)
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CORRIDORS, self.tr("Normalised least-cost corridors"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_TRUNCATED, self.tr("Truncated corridors"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LCP, self.tr("Least-cost paths"), QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINKS, self.tr("Link table"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CWD, self.tr("Cost distance to the nearest core"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_ALLOCATION, self.tr("Nearest core (cost allocation)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_NON_NORMALIZED, self.tr("Non-normalised corridors"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.CORRIDOR_COUNT, self.tr("Number of corridors")))
        self.addOutput(QgsProcessingOutputNumber(self.CORRIDOR_LENGTH_KM, self.tr("Total corridor length (km)")))

    def process(self, parameters, context, feedback):
        resistance, resistance_name = self.raster_source(parameters, self.RESISTANCE, context)
        cores = core_source(self, parameters, context, feedback)
        self.check_memory(estimate_memory(resistance),
                          self.tr("Least-cost corridors on '{0}'").format(resistance_name))
        outputs = {key: self.parameterAsOutputLayer(parameters, name, context) or None for key, name in (
            ("corridors", self.OUTPUT_CORRIDORS), ("truncated", self.OUTPUT_TRUNCATED), ("cwd", self.OUTPUT_CWD),
            ("allocation", self.OUTPUT_ALLOCATION), ("non_normalised", self.OUTPUT_NON_NORMALIZED))}
        truncate_width = self.parameterAsDouble(parameters, self.TRUNCATE_WIDTH, context) or None
        options = PathwayOptions(
            adjacency=self.parameterAsEnum(parameters, self.ADJACENCY, context),
            drop_through_cores=self.parameterAsBool(parameters, self.DROP_THROUGH_CORES, context),
            max_nearest=self.parameterAsInt(parameters, self.MAX_NEAREST, context),
            nearest_by_cost=self.parameterAsEnum(parameters, self.NEAREST_BY, context) == 0,
            connect_constellations=self.parameterAsBool(parameters, self.CONNECT_CONSTELLATIONS, context),
            max_cost_distance=self.parameterAsDouble(parameters, self.MAX_COST_DISTANCE, context) or None,
            max_euclidean_distance=self.parameterAsDouble(parameters, self.MAX_EUCLIDEAN_DISTANCE, context) or None,
            truncate_width=truncate_width,
            full_mosaic=outputs["corridors"] is not None or truncate_width is None,
            non_normalised=self.parameterAsBool(parameters, self.CALC_NON_NORMALIZED, context),
            bounding_buffer=self.parameterAsDouble(parameters, self.BOUNDING_CIRCLE_BUFFER, context) or None)
        workers, scheduler = parallel_settings(self, parameters, context)
        result, link_rows, lcp_rows = corridors(resistance, cores, outputs, options, self.progress(feedback),
                                                resistance_name, workers, scheduler)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        length_km = result.corridor_length_km
        feedback.pushInfo(self.tr("{0} corridors, {1:.2f} km ({2} candidate links)").format(
            result.corridor_count, length_km, len(link_rows)))
        crs = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context).crs()
        results = {self.CORRIDOR_COUNT: result.corridor_count, self.CORRIDOR_LENGTH_KM: length_km}
        results[self.OUTPUT_LCP] = self._write_features(parameters, self.OUTPUT_LCP, context, LCP_FIELDS, lcp_rows,
                                                        QgsWkbTypes.LineString, crs)
        results[self.OUTPUT_LINKS] = self._write_features(parameters, self.OUTPUT_LINKS, context, LINK_FIELDS,
                                                          [(row, None) for row in link_rows],
                                                          QgsWkbTypes.NoGeometry, crs)
        self.style_output(results[self.OUTPUT_LCP], "lcp.qml", context)
        written = {self.OUTPUT_CORRIDORS: outputs["corridors"],
                   self.OUTPUT_TRUNCATED: outputs["truncated"] if truncate_width else None,
                   self.OUTPUT_CWD: outputs["cwd"], self.OUTPUT_ALLOCATION: outputs["allocation"],
                   self.OUTPUT_NON_NORMALIZED: outputs["non_normalised"] if options.non_normalised else None}
        for name, path in written.items():
            if path:
                results[name] = path
        for name in (self.OUTPUT_CORRIDORS, self.OUTPUT_TRUNCATED):
            if written[name]:
                self.style_output(written[name], "corridors.qml", context)
        return results

    def _write_features(self, parameters, name, context, field_names, rows, geometry_type, crs):
        fields = QgsFields()
        for field_name in field_names:
            fields.append(QgsField(field_name, FIELD_TYPES[field_name]))
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot create the output {0}.").format(name))
        for values, xy in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([values[field_name] for field_name in field_names])
            if xy is not None:
                feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in xy]))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
