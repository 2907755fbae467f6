"""``ecosecurity:connectivity`` — IIC, PC, EC and node importance (dIIC, dPC) of habitat patches,
Conefor Sensinode's indices inside QGIS (thin wrapper over ``core/connectivity``)."""
import math

from qgis.core import (
    QgsCoordinateTransform,
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
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.crs import check_projected
from ...core.io.raster import read_grid
from ...core.sources.connectivity.conefor_files import read_conefor_network
from ...core.sources.connectivity.indices import CONVENTIONS, NODE_COLUMNS, connectivity_indices, source_levels
from ...core.sources.connectivity.network import LINK_KINDS
from ...core.sources.connectivity.patch_network import (
    EDGE_TO_EDGE,
    LEAST_COST,
    estimate_network_memory,
    link_lines,
    patch_network,
    source_area_km2,
)
from ...core.sources.connectivity.removal import estimate_pair_sums_memory
from ..base import EcoAlgorithm


class Connectivity(EcoAlgorithm):
    """Patches (polygons or Conefor files) → overall IIC/PC/EC and per-patch dIIC/dPC, sources and levels."""

    NAME = "connectivity"
    GROUP_ID = "sources"

    INPUT, ID_FIELD, ATTRIBUTE_FIELD = "INPUT", "ID_FIELD", "ATTRIBUTE_FIELD"
    NODE_FILE, CONNECTION_FILE, CONNECTION_TYPE, CONNECTIONS_ALL = (
        "NODE_FILE", "CONNECTION_FILE", "CONNECTION_TYPE", "CONNECTIONS_ALL")
    DISTANCE, RESISTANCE, MAX_LINK_DISTANCE = "DISTANCE", "RESISTANCE", "MAX_LINK_DISTANCE"
    DISTANCE_THRESHOLD, PROBABILITY, LANDSCAPE_AREA = "DISTANCE_THRESHOLD", "PROBABILITY", "LANDSCAPE_AREA"
    CONVENTION, MIN_DPC, LEVELS = "CONVENTION", "MIN_DPC", "LEVELS"
    OUTPUT, OUTPUT_OVERALL, OUTPUT_LINKS = "OUTPUT", "OUTPUT_OVERALL", "OUTPUT_LINKS"
    SOURCE_COUNT, SOURCE_AREA_KM2, EC_PC = "SOURCE_COUNT", "SOURCE_AREA_KM2", "EC_PC"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Connectivity importance (dPC, dIIC, EC; Conefor)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Computes the landscape connectivity indices of Conefor Sensinode (IIC, PC, EC) and the importance of "
            "every habitat patch (dIIC, dPC with their intra, flux and connector fractions), then marks the patches "
            "whose dPC exceeds a threshold as ecological sources and grades them into importance levels by natural "
            "breaks: \"patches with dPC &gt; 1 at 5000 m and probability 0.5\" in one step, without preparing "
            "Conefor text files.</p>"
            "<h3>Nodes and links</h3><ul>"
            "<li><b>Patch polygons</b> (e.g. the output of <i>Habitat patches</i>): the attribute is "
            "the chosen field, or the area in hectares. Node ids come from <i>Node id field</i> (default: a "
            "<code>patch_id</code> field if there is one, else the feature id). Distances: edge-to-edge Euclidean "
            "(default; stepping-stone patches matter), centroid Euclidean (Makurhini's centre: centroid of the "
            "largest part, or a point on the surface when it falls outside), or least-cost over a resistance raster "
            "(Linkage Mapper's cost rule; distances and the threshold are then in cost units). Every pair is linked "
            "(Conefor <i>all</i>) unless <i>Maximum link distance</i> is set.</li>"
            "<li><b>Conefor files</b>: a node file (<code>ID attribute</code> per line) and a connection file "
            "(<code>ID1 ID2 value</code>), with distances or probabilities; <i>Every pair is listed</i> = Conefor "
            "<i>all</i>, unticked = <i>notall</i> (unlisted pairs have no direct link). Give either a layer or the "
            "two files.</li></ul>"
            "<h3>Indices (Conefor definitions)</h3><ul>"
            "<li>p<sub>ij</sub> = exp(-k d<sub>ij</sub>) with k = -ln(P)/D (P = <i>Dispersal probability</i> at D = "
            "<i>Distance threshold</i>); p*<sub>ij</sub> = the best product of p along any path.</li>"
            "<li>PCnum = &Sigma;&Sigma; a<sub>i</sub> a<sub>j</sub> p*<sub>ij</sub>; EC(PC) = &radic;PCnum (equivalent "
            "connected area, in attribute units); PC = PCnum / LA&sup2; only when <i>Landscape area</i> LA is "
            "given.</li>"
            "<li>IIC: links where d &le; D (probability files: p &ge; P); IICnum = &Sigma;&Sigma; a<sub>i</sub> "
            "a<sub>j</sub> / (1 + nl<sub>ij</sub>), nl = links on the shortest path; NL links, NC components.</li>"
            "<li>dI = 100 (I - I<sub>remove k</sub>) / I with the patch and its links removed; intra = own area, "
            "flux = dispersal from and to the patch, connector = its stepping-stone role (Saura &amp; Rubio 2010). "
            "Overall intra/direct/step fractions as Makurhini reports them.</li>"
            "<li><i>Convention</i> Makurhini: links with p &lt; 0.01 dropped, IIC links need d &lt; D, unconnected IIC "
            "pairs count with nl = 16443701.</li></ul>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Node importance</b>: <code>node_id, attribute, dA, dIIC, dIICintra, dIICflux, dIICconnector, dPC, "
            "dPCintra, dPCflux, dPCconnector</code> (all in %), <code>is_source</code> (dPC &gt; <i>Minimum dPC</i>) "
            "and <code>level</code> (natural breaks of the sources' dPC; 1 = most important, 0 = not a source); "
            "polygons for a layer, a table for files.</li>"
            "<li><b>Overall indices</b>: rows <code>index, value</code> (PCnum, EC_PC, PC, fractions, IICnum, EC_IIC, "
            "IIC, NL, NC).</li>"
            "<li><b>Links</b> (optional): every direct link with <code>distance</code>, <code>p</code>, "
            "<code>p_star</code> and <code>iic_link</code>, as lines between patch centres.</li></ul>"
            "<h3>Exactness and speed</h3><p>Reproduces reference tables computed with Conefor's definitions to "
            "1e-9 and Makurhini's published example to its printed digits (centroid distances). Node removal is "
            "exact but recomputes only the paths that pass through the removed patch, so hundreds of patches take "
            "seconds, not minutes. Large, densely linked networks (thousands of patches in one connected group) can "
            "take much longer: set <i>Maximum link distance</i> to keep only the links that matter.</p>"
            "<p>References: Pascual-Hortal &amp; Saura 2006, Landscape Ecology 21:959-967 (IIC); Saura &amp; "
            "Pascual-Hortal 2007, Landscape and Urban Planning 83:91-103 (PC); Saura &amp; Torn&eacute; 2009, "
            "Environmental Modelling &amp; Software 24:135-139 (Conefor); Saura &amp; Rubio 2010, Ecography "
            "33:523-537 (fractions); Saura et al. 2011, Ecological Indicators 11:407-416 (EC).</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Habitat patches (polygons)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ID_FIELD, self.tr("Node id field (default: patch_id, else the feature id)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ATTRIBUTE_FIELD, self.tr("Node attribute field (default: area in hectares)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.NODE_FILE, self.tr("Conefor node file"), optional=True, fileFilter="Text (*.txt *.csv *.dat)"))
        self.addParameter(QgsProcessingParameterFile(
            self.CONNECTION_FILE, self.tr("Conefor connection file"), optional=True,
            fileFilter="Text (*.txt *.csv *.dat)"))
        self.addParameter(QgsProcessingParameterEnum(
            self.CONNECTION_TYPE, self.tr("Connection file values"),
            options=[self.tr("Distances"), self.tr("Probabilities")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CONNECTIONS_ALL, self.tr("Every pair is listed (Conefor 'all'; untick for 'notall')"), True))
        self.addParameter(QgsProcessingParameterEnum(
            self.DISTANCE, self.tr("Distance between patches"),
            options=[self.tr("Edge-to-edge Euclidean"), self.tr("Centroid Euclidean"),
                     self.tr("Least-cost over a resistance raster")], defaultValue=EDGE_TO_EDGE))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.RESISTANCE, self.tr("Resistance raster (least-cost distance only)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE_THRESHOLD, self.tr("Distance threshold D (map or cost units)"),
            QgsProcessingParameterNumber.Double, 5000.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.PROBABILITY, self.tr("Dispersal probability at the threshold"), QgsProcessingParameterNumber.Double,
            0.5))
        self.addParameter(QgsProcessingParameterNumber(
            self.LANDSCAPE_AREA, self.tr("Landscape area LA in attribute units (optional; 0 = report PCnum and EC "
                                         "only)"), QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_DPC, self.tr("Minimum dPC of an ecological source (%)"), QgsProcessingParameterNumber.Double,
            1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVELS, self.tr("Importance levels (natural breaks of dPC)"), QgsProcessingParameterNumber.Integer,
            3, minValue=1, maxValue=32))
        convention = QgsProcessingParameterEnum(
            self.CONVENTION, self.tr("Convention"),
            options=[self.tr("Conefor (links d <= D, no probability cut)"),
                     self.tr("Makurhini (p < 0.01 dropped, links d < D)")], defaultValue=0)
        max_link = QgsProcessingParameterNumber(
            self.MAX_LINK_DISTANCE, self.tr("Maximum link distance (0 = every pair linked)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0)
        for parameter in (convention, max_link):
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Node importance"), QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_OVERALL, self.tr("Overall indices"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINKS, self.tr("Links"), QgsProcessing.TypeVectorAnyGeometry, optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.SOURCE_COUNT, self.tr("Number of ecological sources")))
        self.addOutput(QgsProcessingOutputNumber(self.SOURCE_AREA_KM2, self.tr("Area of the sources (km²)")))
        self.addOutput(QgsProcessingOutputNumber(self.EC_PC, self.tr("Equivalent connectivity EC(PC)")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        node_file = self.parameterAsFile(parameters, self.NODE_FILE, context)
        connection_file = self.parameterAsFile(parameters, self.CONNECTION_FILE, context)
        if (source is None) == (not node_file):
            raise QgsProcessingException(self.tr(
                "Give either a habitat-patch layer (INPUT) or a Conefor node file and connection file "
                "(NODE_FILE, CONNECTION_FILE), not both and not neither."))
        progress = self.progress(feedback)
        features = geometries = None
        if source is None:
            if not connection_file:
                raise QgsProcessingException(self.tr(
                    "A Conefor node file needs its connection file (CONNECTION_FILE)."))
            network = read_conefor_network(
                node_file, connection_file, LINK_KINDS[self.parameterAsEnum(parameters, self.CONNECTION_TYPE, context)],
                self.parameterAsBool(parameters, self.CONNECTIONS_ALL, context))
            self.check_memory(estimate_pair_sums_memory(network.n_nodes, network.n_links),
                              self.tr("Connectivity of {0} nodes and {1} connections").format(
                                  network.n_nodes, network.n_links))
            crs = None
        else:
            network, geometries, features, crs = self._patch_network(parameters, context, source, progress)
        with_links = self.OUTPUT_LINKS in parameters and parameters[self.OUTPUT_LINKS] is not None
        landscape_area = self.parameterAsDouble(parameters, self.LANDSCAPE_AREA, context) or None
        result = connectivity_indices(
            network, self.parameterAsDouble(parameters, self.DISTANCE_THRESHOLD, context),
            self.parameterAsDouble(parameters, self.PROBABILITY, context), landscape_area,
            CONVENTIONS[self.parameterAsEnum(parameters, self.CONVENTION, context)], with_links,
            progress.sub(0.4, 1.0))
        is_source, level = source_levels(result.nodes["dPC"], self.parameterAsDouble(parameters, self.MIN_DPC, context),
                                         self.parameterAsInt(parameters, self.LEVELS, context))
        results = {self.OUTPUT: self._write_nodes(parameters, context, result, is_source, level, features, crs),
                   self.OUTPUT_OVERALL: self._write_overall(parameters, context, result),
                   self.SOURCE_COUNT: int(is_source.sum()), self.EC_PC: result.overall_value("EC_PC")}
        if features is not None:
            self.style_output(results[self.OUTPUT], "sources_level.qml", context)
        if with_links:
            results[self.OUTPUT_LINKS] = self._write_links(parameters, context, network, result, geometries, crs)
        message = self.tr("{0} ecological sources (dPC > {1:g}) of {2} patches; EC(PC) = {3:.6g}").format(
            results[self.SOURCE_COUNT], self.parameterAsDouble(parameters, self.MIN_DPC, context), network.n_nodes,
            results[self.EC_PC])
        if geometries is not None:
            results[self.SOURCE_AREA_KM2] = source_area_km2(geometries, is_source)
            message += self.tr(", sources cover {0:.2f} km²").format(results[self.SOURCE_AREA_KM2])
        feedback.pushInfo(message)
        return results

    # --------------------------------------------------------------------------------- inputs
    def _patch_network(self, parameters, context, source, progress):
        layer_name = source.sourceName()
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PolygonGeometry:
            raise QgsProcessingException(self.tr(
                "'{0}' is not a polygon layer; habitat patches must be polygons.").format(layer_name))
        crs = source.sourceCrs()
        distance = self.parameterAsEnum(parameters, self.DISTANCE, context)
        attribute_field = self.parameterAsString(parameters, self.ATTRIBUTE_FIELD, context)
        metric = distance != LEAST_COST or not attribute_field
        if metric:
            check_projected(crs.toWkt(), layer_name, "edge, centroid and least-cost distances and patch areas",
                            metres=True)
        resistance_path, transform, grid_shape = None, None, None
        if distance == LEAST_COST:
            resistance_path, resistance_name = self.raster_source(parameters, self.RESISTANCE, context)
            raster_crs = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context).crs()
            grid = read_grid(resistance_path)
            check_projected(grid.crs_wkt, resistance_name, "least-cost distances")
            if raster_crs != crs:
                transform = QgsCoordinateTransform(crs, raster_crs, context.transformContext())
            grid_shape = (grid.rows, grid.cols)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        if not id_field and source.fields().indexOf("patch_id") >= 0:
            id_field = "patch_id"
        features, ids, attributes, wkbs = [], [], [], []
        for feature in source.getFeatures():
            features.append(feature)
            ids.append(feature[id_field] if id_field else feature.id())
            if attribute_field:
                attributes.append(feature[attribute_field])
            geometry = QgsGeometry(feature.geometry())
            if transform is not None and not geometry.isEmpty():
                geometry.transform(transform)
            wkbs.append(bytes(geometry.asWkb()))
        max_link = self.parameterAsDouble(parameters, self.MAX_LINK_DISTANCE, context) or None
        self.check_memory(estimate_network_memory(len(wkbs), max_link, grid_shape),
                          self.tr("Connectivity of {0} patches of '{1}'").format(len(wkbs), layer_name))
        if any(value is None for value in ids):
            raise QgsProcessingException(self.tr(
                "'{0}': the node id field '{1}' is empty for some patches; fill it or choose another field.").format(
                    layer_name, id_field))
        if attribute_field and any(value is None for value in attributes):
            raise QgsProcessingException(self.tr(
                "'{0}': the attribute field '{1}' is empty for some patches; fill it or leave the field unset to use "
                "the area.").format(layer_name, attribute_field))
        network, geometries = patch_network(wkbs, ids, attributes if attribute_field else None, distance, max_link,
                                            resistance_path, layer_name, progress.sub(0.0, 0.4))
        return network, geometries, features, crs

    # -------------------------------------------------------------------------------- outputs
    def _sink(self, parameters, name, context, fields, geometry_type, crs):
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, geometry_type, crs) if crs else \
            self.parameterAsSink(parameters, name, context, fields, geometry_type)
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot create the output {0}.").format(name))
        return sink, dest_id

    def _write_nodes(self, parameters, context, result, is_source, level, features, crs):
        fields = QgsFields()
        fields.append(QgsField("node_id", QVariant.LongLong))
        fields.append(QgsField("attribute", QVariant.Double))
        for column in NODE_COLUMNS:
            fields.append(QgsField(column, QVariant.Double))
        fields.append(QgsField("level", QVariant.Int))
        fields.append(QgsField("is_source", QVariant.Int))
        geometry_type = QgsWkbTypes.MultiPolygon if features is not None else QgsWkbTypes.NoGeometry
        sink, dest_id = self._sink(parameters, self.OUTPUT, context, fields, geometry_type, crs)
        for k in range(result.node_ids.size):
            feature = QgsFeature(fields)
            if features is not None:
                geometry = QgsGeometry(features[k].geometry())
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            feature.setAttributes([int(result.node_ids[k]), float(result.attribute[k])]
                                  + [float(result.nodes[column][k]) for column in NODE_COLUMNS]
                                  + [int(level[k]), int(is_source[k])])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_overall(self, parameters, context, result):
        fields = QgsFields()
        fields.append(QgsField("index", QVariant.String))
        fields.append(QgsField("value", QVariant.Double))
        sink, dest_id = self._sink(parameters, self.OUTPUT_OVERALL, context, fields, QgsWkbTypes.NoGeometry, None)
        for name, value in result.overall:
            feature = QgsFeature(fields)
            feature.setAttributes([name, float(value)])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_links(self, parameters, context, network, result, geometries, crs):
        fields = QgsFields()
        for name, kind in (("node1", QVariant.LongLong), ("node2", QVariant.LongLong), ("distance", QVariant.Double),
                           ("p", QVariant.Double), ("p_star", QVariant.Double), ("iic_link", QVariant.Int)):
            fields.append(QgsField(name, kind))
        links = result.links
        lines = link_lines(geometries, links["i"], links["j"]) if geometries is not None else None
        geometry_type = QgsWkbTypes.LineString if lines is not None else QgsWkbTypes.NoGeometry
        sink, dest_id = self._sink(parameters, self.OUTPUT_LINKS, context, fields, geometry_type, crs)
        ids = network.node_ids
        for k in range(links["i"].size):
            feature = QgsFeature(fields)
            distance = float(links["distance"][k])
            feature.setAttributes([int(ids[links["i"][k]]), int(ids[links["j"][k]]),
                                   None if math.isnan(distance) else distance, float(links["p"][k]),
                                   float(links["p_star"][k]), int(links["iic_link"][k])])
            if lines is not None:
                feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*point) for point in lines[k]]))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
