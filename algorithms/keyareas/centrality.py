"""``ecosecurity:centrality`` — current-flow centrality of the core network, Linkage Mapper's
Centrality Mapper (thin wrapper over ``core/keyareas/centrality.py``)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.keyareas.centrality import LENGTH_FIELD, LINK_REQUIRED, current_flow_centrality, estimate_memory
from ...core.tools.classify import MAX_CLASSES
from ..base import EcoAlgorithm
from ..features import extended_fields, plain

CF_FIELD = "CF_Central"
LEVEL_FIELDS = (("level", QVariant.Int), ("level_en", QVariant.String), ("level_zh", QVariant.String))
SUMMARY_FIELDS = (("level", QVariant.Int), ("level_en", QVariant.String), ("level_zh", QVariant.String),
                  ("cf_lower", QVariant.Double), ("cf_upper", QVariant.Double), ("count", QVariant.Int),
                  ("length", QVariant.Double), ("length_km", QVariant.Double))


class Centrality(EcoAlgorithm):
    """Core network + least-cost distances → CF_Central of cores and links, graded links."""

    NAME = "centrality"
    GROUP_ID = "keyareas"

    CORES, CORE_ID_FIELD, LINKS, LEVELS = "CORES", "CORE_ID_FIELD", "LINKS", "LEVELS"
    OUTPUT_CORES, OUTPUT_LINKS, OUTPUT_SUMMARY = "OUTPUT_CORES", "OUTPUT_LINKS", "OUTPUT_SUMMARY"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Corridor centrality (Centrality Mapper)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Ranks the corridors and core areas by how much of the network's connectivity flows through them: "
            "the Centrality Mapper of Linkage Mapper (current-flow centrality; Carroll, McRae &amp; Brookes 2012) "
            "without ArcGIS, then grades the corridors by natural breaks into levels such as extremely important, "
            "important and general corridors.</p>"
            "<h3>Method</h3><ol>"
            "<li><b>Network</b>: one node per core area and one edge per active link (link_type &ge; 1) of the link "
            "table of <i>Least-cost corridors</i>, with the least-cost distance (cw_dist) as the edge "
            "resistance.</li>"
            "<li><b>Currents</b>: 1 A is passed between every pair of connected cores in turn (Circuitscape network "
            "pairwise mode). <b>CF_Central</b> of a link is the sum over all pairs of the current through it; of a "
            "core, the sum of the current through the core (1 A for each pair it belongs to). This is current-flow "
            "betweenness, unnormalised: a core's value equals networkx's current_flow_betweenness_centrality "
            "(normalized=False) plus the number of other cores it is connected to; a link's value is twice "
            "networkx's edge_current_flow_betweenness_centrality (normalized=False). Cores without an active "
            "link get 0.</li>"
            "<li><b>Levels</b>: the links' CF_Central graded by natural breaks (Jenks, as <i>Classify raster</i>) "
            "into <i>Number of levels</i> classes; level 1 holds the highest values (with 3 levels: extremely "
            "important, important, general).</li></ol>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Core areas</b> and <b>core id field</b>: the cores and id field given to <i>Least-cost "
            "corridors</i>.</li>"
            "<li><b>Link table or least-cost paths</b>: the link table (OUTPUT_LINKS) or the least-cost path lines "
            "(OUTPUT_LCP) of the same corridors run; they need the fields link_id, core1, core2, link_type and "
            "cw_dist (lcp_length for the lengths). With the path lines the output links are lines that can be "
            "mapped; with the table, a table.</li></ul>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Cores with centrality</b>: the core layer with the field CF_Central.</li>"
            "<li><b>Links with centrality</b>: every input link with CF_Central, level, level_en and level_zh "
            "(empty for inactive links).</li>"
            "<li><b>Summary per level</b> (optional): per level the CF_Central range, the number of corridors and "
            "their total length (sum of lcp_length, map units and km); also shown in the log.</li></ul>"
            "<h3>Reference</h3><p>Linkage Mapper 3 Centrality Mapper. The cumulative currents reproduce "
            "Circuitscape's network pairwise reference case (sgNetworkVerify1) to 1e-6.</p>"
            "<p>Carroll, C., McRae, B.H. &amp; Brookes, A. (2012) Use of linkage mapping and centrality analysis "
            "across habitat gradients to conserve connectivity of gray wolf populations in western North America. "
            "Conservation Biology 26: 78-87.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CORES, self.tr("Core areas"), [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.CORE_ID_FIELD, self.tr("Core id field"), parentLayerParameterName=self.CORES,
            type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LINKS, self.tr("Link table or least-cost paths (from Least-cost corridors)"),
            [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVELS, self.tr("Number of levels"), QgsProcessingParameterNumber.Integer, 3, minValue=1,
            maxValue=MAX_CLASSES))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CORES, self.tr("Cores with centrality"), QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINKS, self.tr("Links with centrality"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Summary per level"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False))

    def process(self, parameters, context, feedback):
        cores = self._source(parameters, self.CORES, context)
        links = self._source(parameters, self.LINKS, context)
        id_field = self.parameterAsString(parameters, self.CORE_ID_FIELD, context)
        if cores.fields().indexFromName(id_field) < 0:
            raise QgsProcessingException(self.tr("Core areas: the layer has no field '{0}' (CORE_ID_FIELD).").format(
                id_field))
        self.check_memory(estimate_memory(cores.featureCount()),
                          self.tr("Centrality of {0} cores").format(cores.featureCount()))
        core_ids = [plain(feature[id_field]) for feature in cores.getFeatures()]
        names = [name for name in LINK_REQUIRED + (LENGTH_FIELD,) if links.fields().indexFromName(name) >= 0]
        records = [{name: plain(feature[name]) for name in names} for feature in links.getFeatures()]
        result = current_flow_centrality(
            core_ids, records, self.parameterAsInt(parameters, self.LEVELS, context), self.progress(feedback),
            cores.sourceName(), links.sourceName())
        for row in result.summary:
            length = "" if row.length is None else self.tr(", {0:.2f} km").format(row.length_km)
            feedback.pushInfo(self.tr("Level {0} ({1} / {2}): {3} corridors{4}, CF_Central {5:.4g} to {6:.4g}").format(
                row.level, row.name_en, row.name_zh, row.count, length, row.lower, row.upper))
        results = {
            self.OUTPUT_CORES: self._write_cores(parameters, context, cores, id_field, result),
            self.OUTPUT_LINKS: self._write_links(parameters, context, links, result),
        }
        self.style_output(results[self.OUTPUT_LINKS], "centrality_links.qml", context,
                          categories=range(1, self.parameterAsInt(parameters, self.LEVELS, context) + 1))
        summary = self._write_summary(parameters, context, result)
        if summary is not None:
            results[self.OUTPUT_SUMMARY] = summary
        return results

    def _source(self, parameters, name, context):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.tr("Parameter {0}: the layer could not be loaded.").format(name))
        return source

    def _sink(self, parameters, name, context, fields, geometry_type, crs):
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot create the output {0}.").format(name))
        return sink, dest_id

    def _write_cores(self, parameters, context, cores, id_field, result):
        fields = extended_fields(cores.fields(), [(CF_FIELD, QVariant.Double)])
        sink, dest_id = self._sink(parameters, self.OUTPUT_CORES, context, fields, cores.wkbType(),
                                   cores.sourceCrs())
        for feature in cores.getFeatures():
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            values = {name: feature[name] for name in cores.fields().names()}
            values[CF_FIELD] = result.core_value(plain(feature[id_field]))
            out.setAttributes([values.get(name) for name in fields.names()])
            sink.addFeature(out, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_links(self, parameters, context, links, result):
        fields = extended_fields(links.fields(), [(CF_FIELD, QVariant.Double)] + list(LEVEL_FIELDS))
        sink, dest_id = self._sink(parameters, self.OUTPUT_LINKS, context, fields, links.wkbType(),
                                   links.sourceCrs())
        for feature in links.getFeatures():
            out = QgsFeature(fields)
            if feature.hasGeometry():
                out.setGeometry(feature.geometry())
            values = {name: feature[name] for name in links.fields().names()}
            values.update({CF_FIELD: None, "level": None, "level_en": None, "level_zh": None})
            row = result.link_row(plain(feature["link_id"]))
            if row is not None:
                values.update(zip((CF_FIELD, "level", "level_en", "level_zh"), row))
            out.setAttributes([values.get(name) for name in fields.names()])
            sink.addFeature(out, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_summary(self, parameters, context, result):
        fields = QgsFields()
        for name, kind in SUMMARY_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_SUMMARY, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            return None
        for row in result.summary:
            feature = QgsFeature(fields)
            feature.setAttributes([row.level, row.name_en, row.name_zh, row.lower, row.upper, row.count, row.length,
                                   row.length_km])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
