"""``ecosecurity:landsimulation`` — FLUS-style land-use simulation: occurrence probabilities from the
driving factors (neural network), neighbourhood, self-adaptive inertia, allowed conversions,
restricted areas and roulette competition until every demand is met; validation against an observed
map (thin wrapper over ``core/landuse/land_simulation.py``)."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...core.io.qml import write_qml
from ...core.landuse.land_simulation import (
    SimulationOptions,
    estimate_simulation_memory,
    fallback_qml,
    has_colour_table,
    qml_sidecar,
    simulate_land_use,
)
from ..base import EcoAlgorithm


class LandSimulation(EcoAlgorithm):
    """Start map + drivers + demand → simulated map, probabilities, iteration table, validation."""

    NAME = "landsimulation"
    GROUP_ID = "landuse"

    LAND_USE, DRIVERS, DEMAND, CONVERSION, RESTRICTED = "LAND_USE", "DRIVERS", "DEMAND", "CONVERSION", "RESTRICTED"
    NEIGHBOURHOOD, NEIGHBOURHOOD_WEIGHTS, ALLOCATION = "NEIGHBOURHOOD", "NEIGHBOURHOOD_WEIGHTS", "ALLOCATION"
    SEED, MAX_ITERATIONS, SAMPLE_SIZE, HIDDEN_NEURONS = "SEED", "MAX_ITERATIONS", "SAMPLE_SIZE", "HIDDEN_NEURONS"
    OBSERVED, OUTPUT, OUTPUT_PROBABILITY = "OBSERVED", "OUTPUT", "OUTPUT_PROBABILITY"
    OUTPUT_ITERATIONS, OUTPUT_VALIDATION = "OUTPUT_ITERATIONS", "OUTPUT_VALIDATION"
    ITERATIONS, CHANGED_CELLS, MAX_GAP, DEMAND_MET = "ITERATIONS", "CHANGED_CELLS", "MAX_GAP", "DEMAND_MET"
    OA, KAPPA, FOM = "OA", "KAPPA", "FOM"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Land-use simulation (FLUS)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Simulates the land use of a target year from a start map, driving factors and the number of cells "
            "each class should have (the demand), as GeoSOS-FLUS does (Liu et al. 2017), reproducibly: the same "
            "seed gives the same map.</p>"
            "<h3>Method</h3><ol>"
            "<li><b>Occurrence probability</b> sp(p,k) of every class from the drivers: a neural network "
            "(scikit-learn MLPClassifier, one hidden layer of logistic neurons) trained on a seeded stratified "
            "sample of the start map (the same number of cells per class), drivers as z-scores. Without "
            "scikit-learn a multinomial logistic regression is used, with a warning.</li>"
            "<li><b>Neighbourhood</b> &Omega;(p,k) = w<sub>k</sub> &times; (cells of class k in the N &times; N "
            "window around p, p excluded) / (N&times;N - 1).</li>"
            "<li><b>Self-adaptive inertia</b> (FLUS rule): from the demand gaps D<sub>k</sub> = demand - cells of "
            "the two previous iterations, Inertia<sub>k</sub> is multiplied by D<sup>t-2</sup>/D<sup>t-1</sup> when "
            "a surplus grows and by D<sup>t-1</sup>/D<sup>t-2</sup> when a shortage grows, else kept (start 1).</li>"
            "<li><b>Combined probability</b> TP = sp &times; &Omega; &times; Inertia<sub>k</sub> &times; allowed"
            "(class in the start map &rarr; k): a forbidden conversion never appears between the start and the "
            "simulated map, not even through a third class.</li>"
            "<li><b>Roulette competition</b>: each cell that may change draws a class with probability "
            "proportional to TP; the cell converts only while that class is short of its demand (at most the gap "
            "per iteration, drawn at random). Restricted cells never change. Iterations stop when every demand is "
            "met exactly, at the iteration limit, or after 25 iterations without change (a warning lists the "
            "gaps left).</li></ol>"
            "<p><b>Allocation</b>: <i>Net change</i> (default) converts cells only out of classes that have more "
            "cells than their demand, so every gap shrinks and no class overshoots (the inertia then stays 1); "
            "after 5 iterations without change (a dead end of the conversion matrix) it continues with gross "
            "change, with a warning. <i>Gross change (GeoSOS-FLUS)</i> lets any class lose cells, which the inertia "
            "corrects afterwards.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Land use</b>: the start map, integer classes with consecutive codes (e.g. 1-9).</li>"
            "<li><b>Driving factors</b>: rasters on exactly the land-use grid (same CRS, extent and cell size; "
            "the error names the layer that differs). Cells where a driver is NoData keep their class.</li>"
            "<li><b>Demand</b>: cells per class separated by commas in ascending class-code order "
            "(<code>41000,9800,...</code>), or the path of the table of <i>Land demand</i> (columns class and "
            "cells, or area_km2 converted with the cell area). The total must equal the land cells of the map "
            "(within 0.5%, then rescaled).</li>"
            "<li><b>Conversion matrix</b> (1 = allowed, 0 = forbidden): rows = class in the start map, columns = "
            "future class, ascending codes (PLUS writes it the other way round); inline rows separated by ';' "
            "(<code>1,1,0;0,1,0;1,1,1</code>) or a CSV file "
            "(optionally with a header row and a first column of codes). Empty = every conversion allowed.</li>"
            "<li><b>Restricted areas</b>: raster, non-zero = frozen (e.g. the ecological red line).</li>"
            "<li><b>Neighbourhood</b>: odd window size (3 = Moore 3 &times; 3); <b>neighbourhood weights</b> "
            "w<sub>k</sub> in [0,1] per class, comma-separated (default all 1).</li>"
            "<li><b>Observed map</b> (optional): the real map of the target year, same classes.</li></ul>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Simulated land use</b>, styled like the input (its .qml style or colour table).</li>"
            "<li><b>Probabilities</b> (optional): one band per class (band k = k-th class code), 0-1.</li>"
            "<li><b>Iteration table</b> (CSV): per iteration the cells changed, the cells still to allocate, and "
            "per class the cells, the gap and the inertia.</li>"
            "<li><b>Validation table</b> (CSV, with an observed map): OA, Kappa, figure of merit (FoM), producer's "
            "and user's accuracy, misses, hits, wrong hits, false alarms and the confusion matrix (rows "
            "'cells'), each also for a random allocation of the same demand for comparison.</li>"
            "<li>Numbers ITERATIONS, CHANGED_CELLS, MAX_GAP, DEMAND_MET (1 = every demand met), OA, KAPPA, FOM.</li>"
            "</ul>"
            "<p>FoM = B/(A+B+C+D) with A misses, B hits, C wrong hits, D false alarms (Pontius et al. 2008); "
            "Kappa after Cohen (1960). GeoSOS-FLUS is a closed program: this is a faithful model of its published "
            "rules, not a pixel-identical copy; its acceleration factor is not reproduced.</p>"
            "<p>References: Liu X. et al. 2017, Landscape and Urban Planning 168:94-116 (FLUS); Pontius R.G. et al. "
            "2008, Annals of Regional Science 42:11-37.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.LAND_USE, self.tr("Land use (start map)")))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.DRIVERS, self.tr("Driving factors (rasters on the land-use grid)"), QgsProcessing.TypeRaster))
        self.addParameter(QgsProcessingParameterString(
            self.DEMAND, self.tr("Demand: cells per class (comma-separated, ascending codes) or land-demand table")))
        self.addParameter(QgsProcessingParameterString(
            self.CONVERSION, self.tr("Conversion matrix (rows = from, columns = to; rows separated by ';' or a CSV "
                                     "file; empty = all allowed)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.RESTRICTED, self.tr("Restricted areas (non-zero = never change)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.NEIGHBOURHOOD, self.tr("Neighbourhood window size (odd)"), QgsProcessingParameterNumber.Integer, 3,
            minValue=3, maxValue=15))
        self.addParameter(QgsProcessingParameterString(
            self.NEIGHBOURHOOD_WEIGHTS,
            self.tr("Neighbourhood weights per class (0-1, comma-separated; empty = all 1)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer, 0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_ITERATIONS, self.tr("Maximum number of iterations"), QgsProcessingParameterNumber.Integer, 500,
            minValue=1, maxValue=100000))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.OBSERVED, self.tr("Observed land use of the target year (for validation)"), optional=True))
        advanced = [
            QgsProcessingParameterEnum(
                self.ALLOCATION, self.tr("Allocation"),
                options=[self.tr("Net change (only classes in surplus lose cells)"),
                         self.tr("Gross change (GeoSOS-FLUS: any class may lose cells)")], defaultValue=0),
            QgsProcessingParameterNumber(
                self.SAMPLE_SIZE, self.tr("Training sample size (cells)"), QgsProcessingParameterNumber.Integer,
                10000, minValue=100, maxValue=1000000),
            QgsProcessingParameterNumber(
                self.HIDDEN_NEURONS, self.tr("Hidden neurons of the network"), QgsProcessingParameterNumber.Integer,
                12, minValue=1, maxValue=256)]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Simulated land use")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PROBABILITY, self.tr("Occurrence probabilities (one band per class)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_ITERATIONS, self.tr("Iteration table (demand gaps)"), self.tr("CSV files (*.csv)"),
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_VALIDATION, self.tr("Validation table (OA, Kappa, FoM, confusion matrix)"),
            self.tr("CSV files (*.csv)"), optional=True, createByDefault=False))
        for name, label in ((self.ITERATIONS, self.tr("Iterations")),
                            (self.CHANGED_CELLS, self.tr("Cells changed")),
                            (self.MAX_GAP, self.tr("Largest demand gap left (cells)")),
                            (self.DEMAND_MET, self.tr("Every demand met (1 = yes)")),
                            (self.OA, self.tr("Overall accuracy")), (self.KAPPA, self.tr("Kappa")),
                            (self.FOM, self.tr("Figure of merit"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def process(self, parameters, context, feedback):
        land_use, land_name = self.raster_source(parameters, self.LAND_USE, context)
        names = {land_use: land_name}
        drivers = []
        for layer in self.parameterAsLayerList(parameters, self.DRIVERS, context):
            if layer.providerType() != "gdal":
                raise QgsProcessingException(self.tr("Layer '{0}' (DRIVERS) is not a file-based raster; save it as "
                                                     "GeoTIFF first.").format(layer.name()))
            drivers.append(layer.source())
            names[layer.source()] = layer.name()
        optional = {}
        for key in (self.RESTRICTED, self.OBSERVED):
            if parameters.get(key):
                optional[key], names_value = self.raster_source(parameters, key, context)
                names[optional[key]] = names_value
        self.check_memory(estimate_simulation_memory(land_use, drivers),
                          self.tr("Land-use simulation of '{0}'").format(land_name))
        options = SimulationOptions(
            demand=self.parameterAsString(parameters, self.DEMAND, context),
            conversion=self.parameterAsString(parameters, self.CONVERSION, context),
            weights=self.parameterAsString(parameters, self.NEIGHBOURHOOD_WEIGHTS, context),
            window=self.parameterAsInt(parameters, self.NEIGHBOURHOOD, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            max_iterations=self.parameterAsInt(parameters, self.MAX_ITERATIONS, context),
            sample_size=self.parameterAsInt(parameters, self.SAMPLE_SIZE, context),
            hidden=self.parameterAsInt(parameters, self.HIDDEN_NEURONS, context),
            churn=self.parameterAsEnum(parameters, self.ALLOCATION, context) == 1)
        output = self.output_path(parameters, self.OUTPUT, context)
        probability = self.parameterAsOutputLayer(parameters, self.OUTPUT_PROBABILITY, context) or None
        iterations = self.parameterAsFileOutput(parameters, self.OUTPUT_ITERATIONS, context) or None
        validation = self.parameterAsFileOutput(parameters, self.OUTPUT_VALIDATION, context) or None
        result = simulate_land_use(land_use, drivers, options, optional.get(self.RESTRICTED),
                                   optional.get(self.OBSERVED), output, probability, iterations, validation,
                                   self.progress(feedback), names)
        feedback.pushInfo(self.tr("{0} iterations, {1} cells changed, largest gap left {2} cells").format(
            result.iteration_count, result.changed_cells, result.max_gap))
        results = {self.OUTPUT: output, self.ITERATIONS: result.iteration_count,
                   self.CHANGED_CELLS: result.changed_cells, self.MAX_GAP: result.max_gap,
                   self.DEMAND_MET: 1 if result.met else 0}
        style = qml_sidecar(land_use)
        if style is None and not has_colour_table(land_use):
            style = write_qml(os.path.splitext(output)[0] + ".qml", fallback_qml(result.codes))
        if style is not None:
            self.style_output(output, style, context)
        if result.validation is not None:
            v, r = result.validation, result.random_validation
            results.update({self.OA: v.oa, self.KAPPA: v.kappa, self.FOM: v.fom})
            feedback.pushInfo(self.tr("OA {0:.4f}, Kappa {1:.4f}, FoM {2:.4f} (random allocation of the same demand: "
                                      "OA {3:.4f}, Kappa {4:.4f}, FoM {5:.4f})").format(
                v.oa, v.kappa, v.fom, r.oa, r.kappa, r.fom))
        for key, name in ((self.OUTPUT_PROBABILITY, "probability"), (self.OUTPUT_ITERATIONS, "iterations"),
                          (self.OUTPUT_VALIDATION, "validation")):
            if name in result.outputs:
                results[key] = result.outputs[name]
        return results
