"""``ecosecurity:paretoselect`` — cost and benefit of every scenario target group, the Pareto front, and the
chosen (or exactly optimised) protection scheme as patches (thin wrapper over
``core/priority/pareto_select.py``)."""
from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.priority.front_report import front_png_path
from ...core.priority.pareto_select import SelectOptions, estimate_select_memory, pareto_select
from ..base import EcoAlgorithm
from ..features import fields_of, polygon_feature


class ParetoSelect(EcoAlgorithm):
    """Rank map per space + target groups + land use + cost table → scheme table, front, chosen patches."""

    NAME = "paretoselect"
    GROUP_ID = "priority"

    RANK, ZONES, TARGETS, LAND_USE, COST_TABLE, REDLINE = "RANK", "ZONES", "TARGETS", "LAND_USE", "COST_TABLE", "REDLINE"
    BUFFER, SCHEME, OPTIMISE, BUDGET, UNIT_SIZE = "BUFFER", "SCHEME", "OPTIMISE", "BUDGET", "UNIT_SIZE"
    BOUNDARY_PENALTY, SOLVER, GAP, TIME_LIMIT, SEED = "BOUNDARY_PENALTY", "SOLVER", "GAP", "TIME_LIMIT", "SEED"
    OUTPUT_TABLE, OUTPUT_HTML, OUTPUT, OUTPUT_POLYGONS = "OUTPUT_TABLE", "OUTPUT_HTML", "OUTPUT", "OUTPUT_POLYGONS"
    GROUPS, PARETO, BEST_GROUP, BEST_COST, BEST_BENEFIT, PATCHES = (
        "GROUPS", "PARETO", "BEST_GROUP", "BEST_COST", "BEST_BENEFIT", "PATCHES")

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Pareto selection of protection schemes")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Evaluates every scenario target group (from <i>Scenario protection targets</i>) as a protection "
            "scheme, finds the cost&ndash;benefit Pareto front and writes the chosen scheme as patches for the "
            "corridor and connectivity steps (the Xi'an study's chain; spec prioritization.md &sect;3&ndash;5).</p>"
            "<ul><li><b>Protected cells</b> of a group (X<sub>k</sub> per space k): inside space k the cells with "
            "rank &ge; 1 &minus; X<sub>k</sub> (the top X<sub>k</sub> of the space's rank map), plus the red line in "
            "every scheme.</li>"
            "<li><b>Cost</b> = &Sigma; over the protected cells of the unit cost of its land-use class (and space) "
            "&times; cell area: the greening cost of land that must be converted, the maintaining cost of green "
            "land.</li>"
            "<li><b>Benefit</b> = the area within the <b>buffer</b> (default 800 m) of the protected cells, a union "
            "of buffers (not a sum), by an exact Euclidean distance transform, counted inside the spaces.</li>"
            "<li><b>Pareto front</b> (minimum cost, maximum benefit), the <b>knee</b> (farthest above the chord of "
            "the normalised front), the <b>supported</b> points (convex hull, the only ones a weighted-sum LP can "
            "find), the marginal slope and the hypervolume. The chosen scheme is the best benefit/cost ratio or the "
            "knee (<b>Chosen scheme</b>).</li></ul>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Rank map</b>: the rank output of <i>Conservation priority ranking</i> run with <b>Zones</b> = the "
            "spaces (ranks 0..1 per space).</li>"
            "<li><b>Spaces</b>: the space raster (1 production, 2 living, 3 ecological) on the same grid.</li>"
            "<li><b>Target groups</b>: the CSV of <i>Scenario protection targets</i> (columns group, family, "
            "x_1, x_2, x_3).</li>"
            "<li><b>Land use</b> and <b>Cost table</b> (CSV: class, green (1 maintain / 0 green), cost per hectare, "
            "optional space); every class present must be costed.</li>"
            "<li><b>Red line</b> (optional raster, cells &ne; 0): protected in every scheme and locked in.</li>"
            "<li><b>Exact optimisation</b> (optional): planning units of <b>Planning unit size</b> &times; size "
            "cells; <i>minimum cost</i> meeting the chosen group's area per space and at least its summed priority "
            "(rank) per space, or <i>maximum benefit within the budget</i> (benefit = priority-weighted area); red "
            "line units locked in; optional <b>boundary penalty</b> (cost per km of outer boundary) for compact "
            "schemes. Solvers: HiGHS (scipy.optimize.milp, in-process), CBC (PuLP 3, pip install \"pulp&gt;=3.3,&lt;4\"), "
            "or a greedy heuristic; when the chosen solver cannot run the next one is used with a warning. "
            "<b>Gap</b> (relative, default 0.01), <b>time limit</b> (s) and <b>seed</b>. The optimised scheme is "
            "added to the table (source = optimised) and becomes the chosen scheme.</li></ul>"
            "<h3>Outputs</h3><ul><li><b>Scheme table</b> (CSV): per group x_k, protected km², greening and "
            "maintaining cost, cost, benefit km², ratio, is_pareto, is_supported, is_knee, is_best, marginal_slope, "
            "source.</li><li><b>Front page</b> (HTML with the PNG of the front beside it).</li>"
            "<li><b>Chosen scheme</b>: raster of patch ids (8-connected; 0 = not protected) and polygons with "
            "patch_id and area_ha, ready for <i>Linkage Pathways corridors</i> (core id field patch_id) and "
            "<i>Connectivity</i>.</li></ul>"
            "<p>The published Xi'an target bounds are infeasible (see <i>Scenario protection targets</i>); the "
            "benefit/cost argmax over the enumerated groups is exact, while the linear-fractional LP of the paper "
            "only approximates the buffer union, so it is not used.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.RANK, self.tr("Rank map (per space, 0-1)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.ZONES, self.tr("Spaces (1 production, 2 living, "
                                                                                "3 ecological)")))
        self.addParameter(QgsProcessingParameterFile(
            self.TARGETS, self.tr("Target groups (CSV of scenario targets)"), extension="csv"))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LAND_USE, self.tr("Land use")))
        self.addParameter(QgsProcessingParameterFile(
            self.COST_TABLE, self.tr("Cost table (CSV: class, green, cost per ha, space)"), extension="csv"))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.REDLINE, self.tr("Red line (cells != 0 always protected, optional)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BUFFER, self.tr("Benefit buffer (m)"), QgsProcessingParameterNumber.Double, 800.0, minValue=0.001))
        self.addParameter(QgsProcessingParameterEnum(
            self.SCHEME, self.tr("Chosen scheme"), [self.tr("Best benefit/cost ratio"), self.tr("Knee of the front")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.OPTIMISE, self.tr("Exact optimisation"),
            [self.tr("None"), self.tr("Minimum cost for the chosen group's targets"),
             self.tr("Maximum benefit within the budget")], defaultValue=0))
        advanced = [
            QgsProcessingParameterNumber(self.BUDGET, self.tr("Budget (cost-table unit, maximum benefit)"),
                                         QgsProcessingParameterNumber.Double, None, optional=True, minValue=0.0),
            QgsProcessingParameterNumber(self.UNIT_SIZE, self.tr("Planning unit size (cells per side)"),
                                         QgsProcessingParameterNumber.Integer, 10, minValue=1),
            QgsProcessingParameterNumber(self.BOUNDARY_PENALTY, self.tr("Boundary penalty (cost per km of boundary)"),
                                         QgsProcessingParameterNumber.Double, 0.0, minValue=0.0),
            QgsProcessingParameterEnum(self.SOLVER, self.tr("Solver"),
                                       [self.tr("HiGHS (scipy)"), self.tr("CBC (PuLP)"), self.tr("Greedy heuristic")],
                                       defaultValue=0),
            QgsProcessingParameterNumber(self.GAP, self.tr("Relative optimality gap"),
                                         QgsProcessingParameterNumber.Double, 0.01, minValue=0.0, maxValue=1.0),
            QgsProcessingParameterNumber(self.TIME_LIMIT, self.tr("Solver time limit (s)"),
                                         QgsProcessingParameterNumber.Double, 60.0, minValue=1.0),
            QgsProcessingParameterNumber(self.SEED, self.tr("Solver seed"), QgsProcessingParameterNumber.Integer, 0,
                                         minValue=0),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_TABLE, self.tr("Scheme table"), self.tr("CSV files (*.csv)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Pareto front page (HTML)"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Chosen scheme (patch ids)")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_POLYGONS, self.tr("Chosen scheme (polygons)"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.GROUPS, self.tr("Schemes evaluated")))
        self.addOutput(QgsProcessingOutputNumber(self.PARETO, self.tr("Schemes on the Pareto front")))
        self.addOutput(QgsProcessingOutputString(self.BEST_GROUP, self.tr("Chosen group")))
        self.addOutput(QgsProcessingOutputNumber(self.BEST_COST, self.tr("Cost of the chosen scheme")))
        self.addOutput(QgsProcessingOutputNumber(self.BEST_BENEFIT, self.tr("Benefit of the chosen scheme (km²)")))
        self.addOutput(QgsProcessingOutputNumber(self.PATCHES, self.tr("Patches of the chosen scheme")))

    def extra_output_files(self, parameters, context):
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context) \
            if parameters.get(self.OUTPUT_HTML) else ""
        return [(f"{self.OUTPUT_HTML} (chart)", front_png_path(html_path))] if html_path else []

    def process(self, parameters, context, feedback):
        rank, rank_name = self.raster_source(parameters, self.RANK, context)
        zones, zones_name = self.raster_source(parameters, self.ZONES, context)
        land_use, land_use_name = self.raster_source(parameters, self.LAND_USE, context)
        redline = redline_name = None
        if parameters.get(self.REDLINE):
            redline, redline_name = self.raster_source(parameters, self.REDLINE, context)
        self.check_memory(estimate_select_memory(rank), self.tr("Pareto selection on '{0}'").format(rank_name))
        budget = self.parameterAsDouble(parameters, self.BUDGET, context) \
            if parameters.get(self.BUDGET) not in (None, "") else None
        options = SelectOptions(
            buffer=self.parameterAsDouble(parameters, self.BUFFER, context),
            scheme=self.parameterAsEnum(parameters, self.SCHEME, context),
            optimise=self.parameterAsEnum(parameters, self.OPTIMISE, context), budget=budget,
            unit_cells=self.parameterAsInt(parameters, self.UNIT_SIZE, context),
            boundary_penalty=self.parameterAsDouble(parameters, self.BOUNDARY_PENALTY, context),
            solver=self.parameterAsEnum(parameters, self.SOLVER, context),
            gap=self.parameterAsDouble(parameters, self.GAP, context),
            time_limit=self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
            seed=self.parameterAsInt(parameters, self.SEED, context))
        table = self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context) \
            if parameters.get(self.OUTPUT_HTML) else ""
        raster = self.output_path(parameters, self.OUTPUT, context)
        want_polygons = bool(parameters.get(self.OUTPUT_POLYGONS))
        names = {"rank": rank_name, "zones": zones_name, "land_use": land_use_name, "redline": redline_name}
        result = pareto_select(
            rank, zones, self.parameterAsFile(parameters, self.TARGETS, context), land_use,
            self.parameterAsFile(parameters, self.COST_TABLE, context),
            {"table": table, "html": html_path or None, "raster": raster, "polygons": want_polygons}, options,
            redline, names, self.progress(feedback))
        best = result.rows[result.chosen]
        feedback.pushInfo(self.tr("{0} schemes, {1} on the Pareto front; chosen: group {2}, cost {3:.6g}, benefit "
                                  "{4:.4f} km², {5} patches").format(
            len(result.rows), int(result.front.is_pareto.sum()), best["group"], best["cost"], best["benefit_km2"],
            result.patches))
        results = {self.OUTPUT_TABLE: table, self.OUTPUT: raster, self.GROUPS: len(result.rows),
                   self.PARETO: int(result.front.is_pareto.sum()), self.BEST_GROUP: str(best["group"]),
                   self.BEST_COST: best["cost"], self.BEST_BENEFIT: best["benefit_km2"], self.PATCHES: result.patches}
        self.style_output(raster, "protected_scheme.qml", context)
        if html_path:
            results[self.OUTPUT_HTML] = html_path
        if want_polygons:
            results[self.OUTPUT_POLYGONS] = self._write_polygons(parameters, context, result)
        return results

    def _write_polygons(self, parameters, context, result):
        fields = fields_of(("patch_id", "area_ha"), {"patch_id": QVariant.Int})
        crs = self.parameterAsRasterLayer(parameters, self.RANK, context).crs()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_POLYGONS, context, fields,
                                             QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot create the output {0}.").format(self.OUTPUT_POLYGONS))
        for record, wkb in result.outlines:
            sink.addFeature(polygon_feature(fields, wkb, record), QgsFeatureSink.FastInsert)
        return dest_id
