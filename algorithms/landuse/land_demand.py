"""``ecosecurity:landdemand`` — land demand per class for a target year: Markov chain or grey
multi-objective programming (thin wrapper over ``core/landuse/demand.py``)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.io.raster import read_grid
from ...core.keyareas.tables import parse_class_names
from ...core.landuse.demand import OUTPUT_FIELDS, gmop_land_demand, markov_land_demand
from ...core.landuse.demand_maps import estimate_demand_memory
from ...core.landuse.gmop import SCENARIOS
from ...core.landuse.lp_solvers import SOLVERS
from ..base import EcoAlgorithm

FIELD_TYPES = {"class": QVariant.Int, "name": QVariant.String, "cells_later": QVariant.LongLong,
               "cells": QVariant.LongLong, "from_class": QVariant.Int, "from_name": QVariant.String,
               "cells_from": QVariant.LongLong}


class LandDemand(EcoAlgorithm):
    """Demand per land-use class: Markov chain of two maps, or GMOP (economic / ecological / coordinated)."""

    NAME = "landdemand"
    GROUP_ID = "landuse"

    METHOD, EARLIER, LATER = "METHOD", "EARLIER", "LATER"
    EARLIER_YEAR, LATER_YEAR, TARGET_YEAR = "EARLIER_YEAR", "LATER_YEAR", "TARGET_YEAR"
    COEFFICIENTS, BOUNDS, SCENARIO = "COEFFICIENTS", "BOUNDS", "SCENARIO"
    ECONOMIC_WEIGHT, WHITENING = "ECONOMIC_WEIGHT", "WHITENING"
    RED_LINE, RED_LINE_AREA, TOTAL_AREA = "RED_LINE", "RED_LINE_AREA", "TOTAL_AREA"
    SOLVER, CLASS_NAMES = "SOLVER", "CLASS_NAMES"
    OUTPUT, OUTPUT_MATRIX = "OUTPUT", "OUTPUT_MATRIX"
    TOTAL_KM2, CELLS, PERIODS = "TOTAL_KM2", "CELLS", "PERIODS"
    ECONOMIC_BENEFIT, ECOLOGICAL_BENEFIT = "ECONOMIC_BENEFIT", "ECOLOGICAL_BENEFIT"
    ECONOMIC_SATISFACTION, ECOLOGICAL_SATISFACTION = "ECONOMIC_SATISFACTION", "ECOLOGICAL_SATISFACTION"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Land demand (Markov chain, GMOP)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Area of each land-use class in a target year, the demand that drives a land-use simulation "
            "(ecosecurity:landsimulation, FLUS, PLUS).</p>"
            "<h3>Methods</h3><ul>"
            "<li><b>0 Markov chain</b>: the transition matrix P<sub>ij</sub> = n<sub>ij</sub>/&Sigma;<sub>j</sub>"
            "n<sub>ij</sub> from the cross-tabulation of the earlier and the later map (cells valid in both; a class "
            "absent from the earlier map keeps itself), applied to the later map's cells n = (target &minus; later)/"
            "(later &minus; earlier) times: s&middot;P<sup>n</sup>. When n is not a whole number the demand is "
            "interpolated linearly between the two neighbouring whole periods (a fractional matrix power is "
            "generally not a transition matrix); the log says so.</li>"
            "<li><b>1 Grey multi-objective programming (GMOP)</b>: areas x<sub>k</sub> (km&sup2;) maximising the "
            "economic output f<sub>1</sub> = &Sigma;a<sub>k</sub>x<sub>k</sub> and the ecosystem-service value "
            "f<sub>2</sub> = &Sigma;e<sub>k</sub>x<sub>k</sub>, with grey coefficients [lower, upper] whitened as "
            "lower + &alpha;(upper &minus; lower); subject to &Sigma;x<sub>k</sub> = total area, per-class bounds "
            "and the red line (ecological land &ge; the protected area). Scenarios: <i>economic priority</i> "
            "(max f<sub>1</sub>, then f<sub>2</sub> among its optima), <i>ecological priority</i> (the reverse), "
            "<i>coordinated</i>: max w&middot;(f<sub>1</sub> &minus; f<sub>1</sub><sup>&minus;</sup>)/"
            "(f<sub>1</sub><sup>*</sup> &minus; f<sub>1</sub><sup>&minus;</sup>) + (1 &minus; w)&middot;"
            "(f<sub>2</sub> &minus; f<sub>2</sub><sup>&minus;</sup>)/(f<sub>2</sub><sup>*</sup> &minus; "
            "f<sub>2</sub><sup>&minus;</sup>), each objective normalised between its best value (*) and its value "
            "at the other priority solution (&minus;), the payoff table.</li></ul>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Earlier / later land-use map</b> and their <b>years</b>, <b>target year</b>: integer class "
            "codes on one grid (the layer that differs is named). The later map is the region and the start of "
            "the simulation for both methods.</li>"
            "<li><b>Coefficient table</b> (CSV, GMOP): columns <code>class, name, econ_lower, econ_upper, eco_lower, "
            "eco_upper, min_area, max_area, min_pct, max_pct, ecological</code>; bounds in km&sup2; or in % of the "
            "class's later area (the tighter applies; empty = none); <code>ecological</code> = 1 for the classes "
            "counted against the red line. Every class of the map needs a row and every row a class of the map. "
            "Template: templates/gujiao_gmop.csv (illustrative values). With the Markov method the table is "
            "optional and gives the benefits of the projected areas.</li>"
            "<li><b>Bounds table</b> (CSV, optional): <code>class, min_area, max_area, min_pct, max_pct</code>, "
            "replacing the coefficient table's bounds of the classes it lists.</li>"
            "<li><b>Scenario</b>, <b>economic weight</b> w (coordinated), <b>whitening coefficient</b> &alpha; "
            "(0 lower, 0.5 middle, 1 upper grey value).</li>"
            "<li><b>Red line</b>: polygons (ecological red line, reserves). The ecological classes must keep at "
            "least the red line's area, and every class keeps at least its area inside the red line (those cells "
            "never change in the simulation). <b>Red-line area</b> (km&sup2;) replaces the polygons' area.</li>"
            "<li><b>Total area</b> (km&sup2;, optional): e.g. the official area; default the later map's area.</li>"
            "<li><b>Solver</b>: 0 HiGHS (scipy, built in), 1 CBC (bundled with PuLP &lt; 4). Both give the same "
            "optimum.</li>"
            "<li><b>Class names</b>: e.g. <code>1:Forest,2:Shrub</code>.</li></ul>"
            "<p>Constraints that cannot all hold stop the run with one message giving the arithmetic (e.g. the "
            "lower bounds add up to more than the total area by X km&sup2;), the achievable range and the bounds "
            "to move.</p>"
            "<h3>Outputs</h3><ul>"
            "<li><b>Land demand</b> table: <code>class, name, cells_later, area_later_km2, cells, area_km2, "
            "area_ha, change_km2, change_pct, lower_km2, upper_km2</code>. <code>cells</code> is the demand in "
            "whole cells summing to the later map's cells (largest remainder); give the table to "
            "ecosecurity:landsimulation as DEMAND.</li>"
            "<li><b>Transition matrix</b> (Markov): <code>from_class, from_name, cells_from, "
            "to_&lt;code&gt;</code>.</li>"
            "<li>Numbers: total area, cells, periods, economic and ecological benefit and their satisfaction "
            "degrees (0 = the other priority solution, 1 = best).</li></ul>"
            "<h3>Accuracy</h3><p>The Markov demand equals the matrix power computed by hand; the GMOP optimum "
            "equals an exhaustive search over a fine grid of allocations (3 classes), and HiGHS and CBC agree.</p>"
            "<p>Muller, M.R. &amp; Middleton, J. (1994) Landscape Ecology 9:151-157. Liu, X. et al. (2017) Landscape "
            "and Urban Planning 168:94-116 (FLUS).</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Method"),
            options=[self.tr("Markov chain (two land-use maps)"), self.tr("Grey multi-objective programming (GMOP)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.EARLIER, self.tr("Earlier land-use map (Markov)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LATER, self.tr("Later (current) land-use map")))
        self.addParameter(QgsProcessingParameterNumber(
            self.EARLIER_YEAR, self.tr("Year of the earlier map"), QgsProcessingParameterNumber.Integer, 2010))
        self.addParameter(QgsProcessingParameterNumber(
            self.LATER_YEAR, self.tr("Year of the later map"), QgsProcessingParameterNumber.Integer, 2020))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_YEAR, self.tr("Target year"), QgsProcessingParameterNumber.Integer, 2030))
        self.addParameter(QgsProcessingParameterFile(
            self.COEFFICIENTS, self.tr("Coefficient table (CSV; GMOP)"), extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.BOUNDS, self.tr("Bounds table (CSV, optional)"), extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.SCENARIO, self.tr("Scenario (GMOP)"),
            options=[self.tr("Economic priority"), self.tr("Ecological priority"), self.tr("Coordinated")],
            defaultValue=2))
        self.addParameter(QgsProcessingParameterNumber(
            self.ECONOMIC_WEIGHT, self.tr("Economic weight w (coordinated scenario)"),
            QgsProcessingParameterNumber.Double, 0.5, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.WHITENING, self.tr("Whitening coefficient α of the grey coefficients (0 lower, 1 upper)"),
            QgsProcessingParameterNumber.Double, 0.5, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RED_LINE, self.tr("Ecological red line (polygons)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.RED_LINE_AREA, self.tr("Red-line area (km², replaces the polygons' area)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOTAL_AREA, self.tr("Total area (km², default the later map's area)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.SOLVER, self.tr("LP solver"), options=[self.tr("HiGHS (scipy)"), self.tr("CBC (PuLP)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.CLASS_NAMES, self.tr("Land-use class names (e.g. 1:Forest,2:Grassland)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Land demand"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_MATRIX, self.tr("Transition matrix (Markov)"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False))
        for name, description in ((self.TOTAL_KM2, self.tr("Total area (km²)")),
                                  (self.CELLS, self.tr("Cells of the region")),
                                  (self.PERIODS, self.tr("Markov periods")),
                                  (self.ECONOMIC_BENEFIT, self.tr("Economic benefit f1")),
                                  (self.ECOLOGICAL_BENEFIT, self.tr("Ecological benefit f2")),
                                  (self.ECONOMIC_SATISFACTION, self.tr("Economic satisfaction degree")),
                                  (self.ECOLOGICAL_SATISFACTION, self.tr("Ecological satisfaction degree"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def process(self, parameters, context, feedback):
        markov = self.parameterAsEnum(parameters, self.METHOD, context) == 0
        later_path, later_name = self.raster_source(parameters, self.LATER, context)
        earlier_path = earlier_name = None
        if markov and parameters.get(self.EARLIER) is not None:
            earlier_path, earlier_name = self.raster_source(parameters, self.EARLIER, context)
        red_line = None
        if not markov and self.parameterAsSource(parameters, self.RED_LINE, context) is not None:
            path, layer = self.parameterAsCompatibleSourceLayerPathAndLayerName(
                parameters, self.RED_LINE, context, ["gpkg", "shp"], "gpkg", feedback)
            red_line = f"{path}|layername={layer}" if layer else path
        grid = read_grid(later_path)
        self.check_memory(estimate_demand_memory(grid, 2 if markov else 1, red_line is not None),
                          self.tr("Land demand on '{0}' ({1} x {2} cells)").format(later_name, grid.cols, grid.rows))
        class_names = parse_class_names(self.parameterAsString(parameters, self.CLASS_NAMES, context))
        coefficients = self.parameterAsFile(parameters, self.COEFFICIENTS, context) or None
        whitening = self.parameterAsDouble(parameters, self.WHITENING, context)
        if markov:
            result = markov_land_demand(
                later_path, earlier_path, self.parameterAsInt(parameters, self.EARLIER_YEAR, context),
                self.parameterAsInt(parameters, self.LATER_YEAR, context),
                self.parameterAsInt(parameters, self.TARGET_YEAR, context), later_name, earlier_name or "EARLIER",
                class_names, coefficients, whitening, self.progress(feedback))
        else:
            result = gmop_land_demand(
                later_path, coefficients, SCENARIOS[self.parameterAsEnum(parameters, self.SCENARIO, context)],
                self.parameterAsDouble(parameters, self.ECONOMIC_WEIGHT, context), whitening,
                self.parameterAsFile(parameters, self.BOUNDS, context) or None, red_line,
                self._optional_number(parameters, self.RED_LINE_AREA, context),
                self._optional_number(parameters, self.TOTAL_AREA, context),
                SOLVERS[self.parameterAsEnum(parameters, self.SOLVER, context)], later_name, self.RED_LINE,
                class_names, self.progress(feedback))
        for note in result.notes:
            feedback.pushInfo(note)
        for row in result.rows:
            feedback.pushInfo(self.tr("Class {0} ({1}): {2:.4f} → {3:.4f} km², {4} cells").format(
                row["class"], row["name"], row["area_later_km2"], row["area_km2"], row["cells"]))
        results = {self.OUTPUT: self._write(parameters, self.OUTPUT, context, OUTPUT_FIELDS, result.rows),
                   self.TOTAL_KM2: result.total_km2, self.CELLS: result.cells, self.PERIODS: result.periods,
                   self.ECONOMIC_BENEFIT: result.economic, self.ECOLOGICAL_BENEFIT: result.ecological,
                   self.ECONOMIC_SATISFACTION: result.satisfaction[0],
                   self.ECOLOGICAL_SATISFACTION: result.satisfaction[1]}
        if markov:
            matrix = self._write(parameters, self.OUTPUT_MATRIX, context, result.matrix_fields, result.matrix_rows)
            if matrix is not None:
                results[self.OUTPUT_MATRIX] = matrix
        elif parameters.get(self.OUTPUT_MATRIX):
            feedback.pushWarning(self.tr("The transition matrix (OUTPUT_MATRIX) belongs to the Markov method; "
                                         "it is not written for GMOP."))
        return results

    def _optional_number(self, parameters, name, context):
        return self.parameterAsDouble(parameters, name, context) if parameters.get(name) not in (None, "") else None

    def _write(self, parameters, name, context, columns, rows):
        fields = QgsFields()
        for column in columns:
            fields.append(QgsField(column, FIELD_TYPES.get(column, QVariant.Double)))
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            return None
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([row.get(column) for column in columns])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
