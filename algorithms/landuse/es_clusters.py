"""``ecosecurity:esclusters`` — ecosystem-service bundles by SOFM or k-means, per cell or per unit
(thin wrapper over ``core/landuse/es_clusters.py``, ``es_model.py`` and ``es_report.py``)."""
import os

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.qml import write_qml
from ...core.io.raster import read_grid
from ...core.landuse.clusters import CRITERIA, STANDARDISATIONS
from ...core.landuse.es_clusters import (
    EsClusterOptions,
    UnitsInput,
    es_clusters,
    estimate_esclusters_memory,
    profile_fields,
)
from ...core.landuse.es_model import LEVELS, MAX_CLUSTERS, METHODS
from ...core.landuse.es_report import chart_paths, write_report
from ...core.resistance.entropy import parse_directions
from ...core.runtime.memory import format_bytes
from ..base import EcoAlgorithm

PROFILE_TYPES = {"cluster": QVariant.Int, "cells": QVariant.LongLong, "units": QVariant.Int}


class EsClusters(EcoAlgorithm):
    """Ecosystem-service rasters → standardised → SOFM / k-means bundles → raster, units, profiles, charts."""

    NAME = "esclusters"
    GROUP_ID = "landuse"

    INPUTS, STANDARDISE, UNITS, METHOD, CLUSTERS = "INPUTS", "STANDARDISE", "UNITS", "METHOD", "CLUSTERS"
    DIRECTIONS = "DIRECTIONS"
    CRITERION, MIN_CLUSTERS, MAX_CLUSTERS = "CRITERION", "MIN_CLUSTERS", "MAX_CLUSTERS"
    SOM_LEVELS, MAP_ROWS, MAP_COLUMNS = "SOM_LEVELS", "MAP_ROWS", "MAP_COLUMNS"
    ITERATIONS, LEARNING_RATE, SIGMA, SAMPLE_SIZE, SEED = "ITERATIONS", "LEARNING_RATE", "SIGMA", "SAMPLE_SIZE", "SEED"
    OUTPUT, OUTPUT_UNITS, OUTPUT_PROFILES, OUTPUT_HTML = "OUTPUT", "OUTPUT_UNITS", "OUTPUT_PROFILES", "OUTPUT_HTML"
    N_CLUSTERS = "N_CLUSTERS"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Ecosystem-service bundles (SOFM, k-means)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Finds ecosystem-service bundles (clusters of places that supply a similar mix of services) and "
            "zones the territory by them, as in studies that map several services, cluster them with a "
            "self-organising feature map (SOFM) and draw a radar chart per bundle.</p>"
            "<h3>Method</h3><ol>"
            "<li><b>Samples</b>: every cell valid in all the service rasters or, with <i>Units</i>, every polygon "
            "(township, village, grid square), whose value is the mean of the valid cells whose centre lies inside "
            "it.</li>"
            "<li><b>Standardisation</b> of each service over the samples: min-max (x - min)/(max - min) or z-score "
            "(x - mean)/sd. A service with the same value everywhere is refused. <i>Directions</i>: a layer where less "
            "is better (soil erosion, nutrient export) is given <code>-</code> and reversed, (max - x)/(max - min) or "
            "-(x - mean)/sd, so that high values always mean more service; e.g. <code>+,+,+,-</code>.</li>"
            "<li><b>Clustering</b>: <i>SOFM two-level</i> (default; Vesanto &amp; Alhoniemi 2000): a map of about "
            "5&radic;N neurons (at most 20 &times; 20) is trained, then its codebook vectors are grouped with "
            "k-means weighted by their hits; a cell belongs to the cluster of its best-matching neuron. <i>SOFM "
            "one-level</i>: a 1 &times; k map, each neuron a bundle, trained from 5 seeded k-means++ starts (radius "
            "1 unless sigma is given), the lowest quantisation error kept. <i>k-means</i>: k-means++ with 10 seeded "
            "starts "
            "(scikit-learn when installed). Large rasters: the model is trained on a seeded sample of cells "
            "(<i>Sample size</i>), then every cell is assigned, block by block.</li>"
            "<li><b>Number of clusters</b>: give it, or 0 to try every k from <i>Minimum</i> to <i>Maximum</i> and "
            "keep the best by the <i>criterion</i>: silhouette (default, maximum), Davies-Bouldin (minimum) or "
            "Calinski-Harabasz (maximum). All three are reported for every k.</li></ol>"
            "<h3>SOFM training</h3><p>Linear initialisation on the first two principal components; at each of "
            "<i>Iterations</i> steps a seeded batch of 256 samples moves every neuron towards the Gaussian "
            "neighbourhood-weighted mean of the batch by the learning rate; learning rate and radius (sigma, 0 = "
            "half the longer map side) decay exponentially to 1% and to 0.3 cells. The quantisation and "
            "topographic errors are reported. Same seed, same data: the same clusters.</p>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Cluster raster</b>: 1 ... k (1 = the largest bundle), 0 = NoData, with a colour legend. With "
            "units, each unit is painted with its cluster.</li>"
            "<li><b>Units with their cluster</b> (with <i>Units</i>): the polygons with their attributes, the field "
            "<code>cluster</code> and the standardised mean of each service (<code>std_&lt;service&gt;</code>).</li>"
            "<li><b>Profiles</b>: per cluster the cells (and units), the area (km&sup2;) and share, the mean "
            "standardised value (<code>std_</code>) and the mean raw value (<code>mean_</code>) of each service.</li>"
            "<li><b>HTML report</b>: the choice of k, the profiles, a radar chart per cluster and the correlation "
            "matrix of the services (Pearson r over the samples; negative = trade-off, positive = synergy) as PNG "
            "images written beside the page (matplotlib; without it, tables only).</li></ul>"
            "<p>References: Raudsepp-Hearne, Peterson &amp; Bennett 2010 (PNAS 107:5242-5247); Kohonen 2001 "
            "(Self-Organizing Maps); Vesanto &amp; Alhoniemi 2000 (IEEE TNN 11:586-600). No reference program run is "
            "reproduced; the method recovers planted bundles exactly on synthetic data.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUTS, self.tr("Ecosystem-service rasters (same grid)"), QgsProcessing.TypeRaster))
        self.addParameter(QgsProcessingParameterEnum(
            self.STANDARDISE, self.tr("Standardisation"),
            options=[self.tr("Min-max (0-1)"), self.tr("Z-score")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.DIRECTIONS, self.tr("Directions, one per service (+ more is better, - less is better; default all +)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, self.tr("Units (townships, grid squares; optional, else cells)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Method"), options=[self.tr("Self-organising feature map (SOFM)"),
                                                     self.tr("K-means")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.CLUSTERS, self.tr("Number of clusters (0 = automatic)"), QgsProcessingParameterNumber.Integer, 0,
            minValue=0, maxValue=MAX_CLUSTERS))
        self.addParameter(QgsProcessingParameterEnum(
            self.CRITERION, self.tr("Criterion of the automatic choice"),
            options=[self.tr("Silhouette (maximum)"), self.tr("Davies-Bouldin (minimum)"),
                     self.tr("Calinski-Harabasz (maximum)")], defaultValue=0))
        advanced = [
            QgsProcessingParameterNumber(self.MIN_CLUSTERS, self.tr("Automatic choice: minimum number of clusters"),
                                         QgsProcessingParameterNumber.Integer, 2, minValue=2, maxValue=MAX_CLUSTERS),
            QgsProcessingParameterNumber(self.MAX_CLUSTERS, self.tr("Automatic choice: maximum number of clusters"),
                                         QgsProcessingParameterNumber.Integer, 8, minValue=2, maxValue=MAX_CLUSTERS),
            QgsProcessingParameterEnum(self.SOM_LEVELS, self.tr("SOFM levels"), options=[
                self.tr("Two-level: map, then k-means of the neurons"),
                self.tr("One-level: each neuron is a cluster")], defaultValue=0),
            QgsProcessingParameterNumber(self.MAP_ROWS, self.tr("SOFM map rows (0 = automatic)"),
                                         QgsProcessingParameterNumber.Integer, 0, minValue=0, maxValue=100),
            QgsProcessingParameterNumber(self.MAP_COLUMNS, self.tr("SOFM map columns (0 = automatic)"),
                                         QgsProcessingParameterNumber.Integer, 0, minValue=0, maxValue=100),
            QgsProcessingParameterNumber(self.ITERATIONS, self.tr("SOFM iterations (batches of 256 samples)"),
                                         QgsProcessingParameterNumber.Integer, 1000, minValue=1, maxValue=1000000),
            QgsProcessingParameterNumber(self.LEARNING_RATE, self.tr("SOFM initial learning rate"),
                                         QgsProcessingParameterNumber.Double, 0.5, minValue=0.001, maxValue=1.0),
            QgsProcessingParameterNumber(self.SIGMA, self.tr("SOFM initial neighbourhood radius sigma (0 = automatic)"),
                                         QgsProcessingParameterNumber.Double, 0.0, minValue=0.0),
            QgsProcessingParameterNumber(self.SAMPLE_SIZE, self.tr("Training sample size in cells (0 = all cells)"),
                                         QgsProcessingParameterNumber.Integer, 100000, minValue=0),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer, 0, minValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Cluster raster")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_UNITS, self.tr("Units with their cluster"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PROFILES, self.tr("Cluster profiles (table)"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Report with radar charts and correlation matrix (HTML)"),
            self.tr("HTML files (*.html)"), optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.N_CLUSTERS, self.tr("Number of clusters")))

    def extra_output_files(self, parameters, context):
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context) \
            if parameters.get(self.OUTPUT_HTML) else ""
        if not html_path:
            return []
        most = self.parameterAsInt(parameters, self.CLUSTERS, context) or \
            max(self.parameterAsInt(parameters, self.MAX_CLUSTERS, context),
                self.parameterAsInt(parameters, self.MAP_ROWS, context)
                * self.parameterAsInt(parameters, self.MAP_COLUMNS, context))
        radars, correlation = chart_paths(html_path, min(most, MAX_CLUSTERS * 4))
        return [(f"{self.OUTPUT_HTML} (chart)", path) for path in radars + [correlation]]

    def process(self, parameters, context, feedback):
        layers = self.parameterAsLayerList(parameters, self.INPUTS, context)
        paths, names = [], []
        for layer in layers:
            if layer.providerType() != "gdal":
                raise QgsProcessingException(self.tr(
                    "Layer '{0}' is not a file-based raster; save it as GeoTIFF first.").format(layer.name()))
            paths.append(layer.source())
            names.append(layer.name())
        options = EsClusterOptions(
            standardise=STANDARDISATIONS[self.parameterAsEnum(parameters, self.STANDARDISE, context)],
            method=METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
            clusters=self.parameterAsInt(parameters, self.CLUSTERS, context),
            criterion=CRITERIA[self.parameterAsEnum(parameters, self.CRITERION, context)],
            min_clusters=self.parameterAsInt(parameters, self.MIN_CLUSTERS, context),
            max_clusters=self.parameterAsInt(parameters, self.MAX_CLUSTERS, context),
            levels=LEVELS[self.parameterAsEnum(parameters, self.SOM_LEVELS, context)],
            map_rows=self.parameterAsInt(parameters, self.MAP_ROWS, context),
            map_cols=self.parameterAsInt(parameters, self.MAP_COLUMNS, context),
            iterations=self.parameterAsInt(parameters, self.ITERATIONS, context),
            learning_rate=self.parameterAsDouble(parameters, self.LEARNING_RATE, context),
            sigma=self.parameterAsDouble(parameters, self.SIGMA, context),
            sample_size=self.parameterAsInt(parameters, self.SAMPLE_SIZE, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            directions=parse_directions(self.parameterAsString(parameters, self.DIRECTIONS, context), len(paths)))
        units, unit_features, source = None, None, None
        if parameters.get(self.UNITS):
            source = self.parameterAsSource(parameters, self.UNITS, context)
            if source is None:
                raise QgsProcessingException(
                    self.tr("Parameter {0}: the layer could not be loaded.").format(self.UNITS))
            unit_features = list(source.getFeatures())
            geometries = [bytes(f.geometry().asWkb()) if f.hasGeometry() else None for f in unit_features]
            units = UnitsInput(geometries, source.sourceCrs().toWkt(), source.sourceName())
        if paths:
            grid = read_grid(paths[0])
            required = estimate_esclusters_memory(grid, len(paths), options.sample_size, units is not None)
            self.check_memory(required, self.tr("Ecosystem-service bundles of {0} rasters ({1} x {2} cells)").format(
                len(paths), grid.cols, grid.rows))
            feedback.pushInfo(self.tr("Estimated memory: {0}").format(format_bytes(required)))
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        result = es_clusters(paths, names, output, options, units, self.progress(feedback))
        self._log(result, feedback)
        qml = write_qml(os.path.splitext(output)[0] + ".qml", result.qml)
        results = {self.OUTPUT: output, self.N_CLUSTERS: result.k}
        self.style_output(output, qml, context)
        results[self.OUTPUT_PROFILES] = self._write_profiles(parameters, context, result)
        if units is not None and parameters.get(self.OUTPUT_UNITS):
            written = self._write_units(parameters, context, result, source, unit_features)
            if written is not None:
                results[self.OUTPUT_UNITS] = written
        elif parameters.get(self.OUTPUT_UNITS):
            feedback.pushInfo(self.tr("No units were given (UNITS), so OUTPUT_UNITS is not written."))
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context) \
            if parameters.get(self.OUTPUT_HTML) else ""
        if html_path:
            write_report(html_path, result, options, self.tr("Ecosystem-service bundles"))
            results[self.OUTPUT_HTML] = html_path
        return results

    def _log(self, result, feedback):
        model = result.model
        for note in result.notes:
            feedback.pushInfo(note)
        for k in sorted(model.scores):
            s = model.scores[k]
            feedback.pushInfo(self.tr("k = {0}: silhouette {1:.4f}, Davies-Bouldin {2:.4f}, Calinski-Harabasz {3:.1f}")
                              .format(k, s["silhouette"], s["davies_bouldin"], s["calinski_harabasz"]))
        if model.chosen_by:
            feedback.pushInfo(self.tr("Number of clusters chosen by {0}: {1}").format(model.chosen_by, model.chosen_k))
        if model.map_size:
            feedback.pushInfo(self.tr("SOFM {0} x {1}: quantisation error {2:.4f}, topographic error {3:.4f}").format(
                model.map_size[0], model.map_size[1], model.quantisation_error, model.topographic_error))

    def _write_profiles(self, parameters, context, result):
        names = profile_fields(result.fields)
        fields = QgsFields()
        for name in names:
            fields.append(QgsField(name, PROFILE_TYPES.get(name, QVariant.Double)))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_PROFILES, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot create the output {0}.").format(self.OUTPUT_PROFILES))
        for row in result.profiles:
            feature = QgsFeature(fields)
            feature.setAttributes([row[name] for name in names])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_units(self, parameters, context, result, source, unit_features):
        fields = QgsFields(source.fields())
        taken = {fields.at(i).name().lower() for i in range(fields.count())}
        cluster_name = "cluster" if "cluster" not in taken else "es_cluster"
        value_names = [f"std_{name}" for name in result.fields]
        fields.append(QgsField(cluster_name, QVariant.Int))
        for name in value_names:
            fields.append(QgsField(name if name.lower() not in taken else f"es_{name}", QVariant.Double))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_UNITS, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            return None
        for index, original in enumerate(unit_features):
            feature = QgsFeature(fields)
            feature.setGeometry(original.geometry())
            cluster = int(result.unit_clusters[index])
            values = [None if value != value else float(value) for value in result.unit_values[index]]
            feature.setAttributes(list(original.attributes()) + [cluster or None] + values)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
