"""``ecosecurity:scenariotargets`` — every scenario protection target group of the seed paper's rule
Σ A_k X_k = f · A_base inside per-space bounds (thin wrapper over ``core/priority/scenario_targets.py``)."""
from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...core.priority.scenario_targets import scenario_targets
from ...core.priority.target_report import chart_path
from ..base import EcoAlgorithm

#: PRIORITY enum index → the space code a family puts first (None = all groups).
FAMILY_CODES = (1, 2, 3, None)


class ScenarioTargets(EcoAlgorithm):
    """Space areas and per-space bounds → table of all target groups (X_k per space), HTML page."""

    NAME = "scenariotargets"
    GROUP_ID = "priority"

    ZONES, AREAS, BASE_FRACTION, BASE_AREA = "ZONES", "AREAS", "BASE_FRACTION", "BASE_AREA"
    LOWER, UPPER, STEP, PRIORITY = "LOWER", "UPPER", "STEP", "PRIORITY"
    OUTPUT, OUTPUT_HTML, GROUPS = "OUTPUT", "OUTPUT_HTML", "GROUPS"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("Scenario protection targets")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Enumerates the scenario target groups of the Xi'an study (seed paper): protect a fraction "
            "X<sub>k</sub> of each space k so that A<sub>1</sub>X<sub>1</sub> + A<sub>2</sub>X<sub>2</sub> + "
            "A<sub>3</sub>X<sub>3</sub> = f &times; A<sub>base</sub>, with LOWER<sub>k</sub> &le; X<sub>k</sub> "
            "&le; UPPER<sub>k</sub>. Every space but the last (highest code) runs over the grid LOWER<sub>k</sub>, "
            "LOWER<sub>k</sub> + STEP, &hellip; &le; UPPER<sub>k</sub> (the upper bound included when it lies on the "
            "grid); the last space's share is solved, X<sub>last</sub> = (f &times; A<sub>base</sub> &minus; "
            "&Sigma;<sub>k&lt;last</sub> A<sub>k</sub>X<sub>k</sub>) / A<sub>last</sub>, and the group is kept when "
            "it lies inside its bounds (within 10<sup>&minus;9</sup>); it need not lie on the grid. Feasibility is "
            "checked first: when &Sigma; A<sub>k</sub>UPPER<sub>k</sub> &lt; f &times; A<sub>base</sub> or "
            "&Sigma; A<sub>k</sub>LOWER<sub>k</sub> &gt; f &times; A<sub>base</sub> the run stops with the "
            "arithmetic, the achievable range (km&sup2; and % of the base), the fraction f that would be feasible "
            "and, for each space, the bound that would have to move.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Zones</b>: raster of space codes, 1 production, 2 living, 3 ecological (as "
            "<i>ecosecurity:suitability</i> writes them; other codes &ge; 1 are spaces too, named &ldquo;space "
            "c&rdquo;; 0 is no space). A<sub>k</sub> = cells &times; cell area in km&sup2;; a projected CRS in metres "
            "is required. <b>or Areas</b>: text such as <code>1:2539.84; 2:904.53; 3:6523.46</code> (km&sup2;). "
            "Give exactly one of the two.</li>"
            "<li><b>Base fraction</b> f (default 0.38) of the <b>base area</b> (km&sup2;; 0 or empty = the whole "
            "region: every cell of Zones with data, or the sum of Areas).</li>"
            "<li><b>Lower</b> and <b>Upper</b>: one fraction (0&ndash;1) per space in code order, e.g. "
            "<code>0.22,0.20,0.38</code>; percentages must be divided by 100.</li>"
            "<li><b>Step</b> of the grid (default 0.01).</li>"
            "<li><b>Priority</b>: which groups to keep. A group is <i>k-first</i> when space k is protected "
            "furthest into its allowed range: u<sub>k</sub> = (X<sub>k</sub> &minus; LOWER<sub>k</sub>) / "
            "(UPPER<sub>k</sub> &minus; LOWER<sub>k</sub>) (0 for a space with LOWER = UPPER) is the largest; ties "
            "go to the earlier space in the order production, living, ecological. The production-, living- and "
            "ecology-first families therefore partition all groups (default: all groups).</li></ul>"
            "<h3>Outputs</h3><ul><li><b>Target groups</b> (CSV, read by <i>ecosecurity:paretoselect</i>): group, "
            "family, then per space code c x_c (fraction) and area_c_km2, then total_km2, target_km2, share_of_base "
            "(ordered by family). <b>Groups</b>: their number.</li>"
            "<li><b>HTML page</b> (optional): the problem, the groups per family with their ranges, and X of the "
            "first space against X of the second coloured by family (PNG, needs matplotlib; the page is written "
            "without it).</li></ul>"
            "<h3>The published Xi'an bounds are infeasible</h3><p>A<sub>1</sub> = 2539.84 (production), "
            "A<sub>2</sub> = 904.53 (living), A<sub>3</sub> = 6523.46 km&sup2; (ecological), A<sub>base</sub> = "
            "10087.35 km&sup2;, f = 0.38, bounds 22&ndash;25 %, 20&ndash;25 %, 38&ndash;44 %: the target is "
            "0.38 &times; 10087.35 = 3833.19 km&sup2;, but at the upper bounds only 634.96 + 226.13 + 2870.32 = "
            "3731.41 km&sup2; (36.99 % of the base) can be protected; X<sub>3</sub> would have to lie in 45.56&ndash;"
            "47.42 %. The paper's 164 groups cannot be reproduced from these numbers (the bounds or the base in its "
            "table differ); this tool says so instead of returning an empty table.</p>"
            "<p>Reference: the seed paper's scenario rule (spec prioritization.md &sect;2).</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.ZONES, self.tr("Spaces raster (1 production, 2 living, 3 ecological; or give Areas)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.AREAS, self.tr("Areas of the spaces, km² (e.g. 1:2539.84; 2:904.53; 3:6523.46; or give Zones)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_FRACTION, self.tr("Base fraction f to protect"), QgsProcessingParameterNumber.Double, 0.38,
            minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_AREA, self.tr("Base area, km² (0 or empty = the whole region)"),
            QgsProcessingParameterNumber.Double, None, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.LOWER, self.tr("Lower bounds (fractions per space in code order, e.g. 0.22,0.20,0.38)")))
        self.addParameter(QgsProcessingParameterString(
            self.UPPER, self.tr("Upper bounds (fractions per space in code order, e.g. 0.25,0.25,0.44)")))
        self.addParameter(QgsProcessingParameterNumber(
            self.STEP, self.tr("Grid step"), QgsProcessingParameterNumber.Double, 0.01, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.PRIORITY, self.tr("Priority (which groups to keep)"),
            [self.tr("Production-first"), self.tr("Living-first"), self.tr("Ecology-first"), self.tr("All groups")],
            defaultValue=3))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Target groups (CSV)"), self.tr("CSV files (*.csv)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Target groups page (HTML)"), self.tr("HTML files (*.html)"),
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.GROUPS, self.tr("Number of target groups")))

    def _html_path(self, parameters, context):
        return self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context) \
            if parameters.get(self.OUTPUT_HTML) else ""

    def extra_output_files(self, parameters, context):
        html_path = self._html_path(parameters, context)
        return [(f"{self.OUTPUT_HTML} (chart)", chart_path(html_path))] if html_path else []

    def process(self, parameters, context, feedback):
        zones = self.raster_source(parameters, self.ZONES, context)[0] if parameters.get(self.ZONES) else None
        base_area = self.parameterAsDouble(parameters, self.BASE_AREA, context) \
            if parameters.get(self.BASE_AREA) not in (None, "") else None
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        html_path = self._html_path(parameters, context)
        groups = scenario_targets(
            output, self.parameterAsString(parameters, self.LOWER, context),
            self.parameterAsString(parameters, self.UPPER, context), zones=zones,
            areas=self.parameterAsString(parameters, self.AREAS, context) or None,
            fraction=self.parameterAsDouble(parameters, self.BASE_FRACTION, context), base_area=base_area,
            step=self.parameterAsDouble(parameters, self.STEP, context),
            family=FAMILY_CODES[self.parameterAsEnum(parameters, self.PRIORITY, context)],
            html_path=html_path or None, progress=self.progress(feedback))
        problem = groups.problem
        feedback.pushInfo(self.tr("{0} target groups from {1} grid points; target {2:.2f} km² of the base {3:.2f} "
                                  "km²").format(len(groups.fractions), groups.grid_points, problem.target,
                                                problem.base))
        results = {self.OUTPUT: output, self.GROUPS: len(groups.fractions)}
        if html_path:
            results[self.OUTPUT_HTML] = html_path
        return results
