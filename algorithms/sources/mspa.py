"""``ecosecurity:mspa`` — Morphological Spatial Pattern Analysis, GuidosToolbox bytes (thin wrapper)."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...core.io.raster import read_grid
from ...core.runtime.errors import EcoSecurityError
from ...core.sources.mspa import estimate_mspa_raster_memory, mspa_raster
from ...core.sources.mspa.palette import style_name
from ...core.tools.classify import parse_numbers
from ..base import EcoAlgorithm


class Mspa(EcoAlgorithm):
    """Core, islet, perforation, edge, loop, bridge, branch of habitat (Soille & Vogt 2009)."""

    NAME = "mspa"
    GROUP_ID = "sources"

    INPUT, FOREGROUND_VALUES, MISSING_VALUES = "INPUT", "FOREGROUND_VALUES", "MISSING_VALUES"
    CONNECTIVITY, EDGE_WIDTH, TRANSITION, INTEXT = "CONNECTIVITY", "EDGE_WIDTH", "TRANSITION", "INTEXT"
    OUTPUT, OUTPUT_STATS = "OUTPUT", "OUTPUT_STATS"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr("MSPA (morphological spatial pattern analysis, GuidosToolbox)")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            "<p>Morphological Spatial Pattern Analysis of a habitat map: every habitat pixel gets one of seven "
            "classes. The usual first step to pick ecological sources: large <b>Core</b> areas become candidate "
            "sources, <b>Bridges</b> show structural corridors between them.</p>"
            "<h3>Classes</h3><ul>"
            "<li><b>Core</b> (17): habitat farther than the edge width from any non-habitat pixel.</li>"
            "<li><b>Islet</b> (9): habitat patches too small or thin to contain core.</li>"
            "<li><b>Perforation</b> (5): the edge-width zone between core and a hole inside it.</li>"
            "<li><b>Edge</b> (3): the edge-width zone between core and the outer background.</li>"
            "<li><b>Loop</b> (65): a corridor leaving a core and coming back to the same core.</li>"
            "<li><b>Bridge</b> (33): a corridor joining two or more different cores.</li>"
            "<li><b>Branch</b> (1): habitat attached at one end only (dead ends).</li>"
            "<li>Loops and bridges crossing an edge or perforation keep both flags (67/69, 35/37).</li>"
            "<li>With <i>Internal/external</i>: +100 for pixels inside holes of a core (e.g. 117), background "
            "inside a core hole is Core-Opening (100), other enclosed background Border-Opening (220).</li>"
            "<li>Background 0, Missing 129.</li></ul>"
            "<h3>Parameters</h3><ul>"
            "<li><b>Input raster</b>: any integer land-use or habitat raster (band 1); no need to recode it "
            "to bytes first.</li>"
            "<li><b>Habitat (foreground) values</b>: the pixel values that are habitat, comma separated, e.g. "
            "<code>1,2,3,8,9</code> (forest, shrub, grassland, water, wetland). Default <code>2</code>, "
            "GuidosToolbox's convention (0 missing, 1 background, 2 foreground).</li>"
            "<li><b>Missing values</b>: values treated as no data (default <code>0</code>); the band's NoData "
            "is always missing. Every other valid value is background.</li>"
            "<li><b>Foreground connectivity</b>: 8 (default) or 4 neighbours.</li>"
            "<li><b>Edge width</b>: width of edges and perforations in pixels (the width in metres is edge width "
            "times the cell size).</li>"
            "<li><b>Transition</b>: draw loops and bridges crossing an edge as loops/bridges (on) or as edge "
            "(off). Only the colours change, never the values.</li>"
            "<li><b>Internal/external</b> (IntExt): mark internal features (+100) and openings.</li></ul>"
            "<h3>Outputs</h3><p>A Byte raster with the official MSPA values, georeferenced like the input, with "
            "the GuidosToolbox colours and bilingual class names; optionally a summary table (CSV, or HTML when "
            "the file name ends in .html) with, per class, pixels, area, % of the foreground and of the data "
            "area and the number of objects, plus the foreground area and the porosity, counted exactly as "
            "GuidosToolbox Workbench counts them (transition pixels with the zone they cross).</p>"
            "<h3>Reference and exactness</h3><p>Reproduces JRC's official MSPA program version 2.3 (mspa_lin64, "
            "used by GuidosToolbox and GuidosToolbox Workbench) <b>byte for byte</b>: all 48 official outputs "
            "of the test set (GWB example, Corsica, synthetic cases; connectivity 8 and 4, edge width 1 to 10, "
            "Transition and IntExt on and off) are identical, and so are the published GWB statistics. Like the "
            "official program: habitat touching the map border is not edge (the map is assumed to continue), "
            "except at the four map corners; missing pixels next to habitat are analysed as habitat (so habitat "
            "next to missing data tends to be core); with edge width 1, GWB's post-step sets the rare value 2 "
            "to 0. The whole map is analysed at once (no approximate tiling); the memory needed (about 20 bytes "
            "per pixel) is checked first.</p>"
            "<h3>Citation</h3><p>Soille P., Vogt P. (2009) Morphological segmentation of binary patterns. "
            "Pattern Recognition Letters 30: 456-459. Vogt P., Riitters K. (2017) GuidosToolbox: universal "
            "digital image object analysis. European Journal of Remote Sensing 50: 352-361. Soille P., Vogt P. "
            "(2022) Morphological spatial pattern analysis: open source release. ISPRS Archives "
            "XLVIII-4/W1-2022: 427-433.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Input raster (land use or habitat)")))
        self.addParameter(QgsProcessingParameterString(
            self.FOREGROUND_VALUES, self.tr("Habitat (foreground) values, comma separated"), "2"))
        self.addParameter(QgsProcessingParameterString(
            self.MISSING_VALUES, self.tr("Missing (no data) values, comma separated"), "0", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.CONNECTIVITY, self.tr("Foreground connectivity"),
            options=[self.tr("8-connected"), self.tr("4-connected")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.EDGE_WIDTH, self.tr("Edge width (pixels)"), QgsProcessingParameterNumber.Integer, 1, minValue=1))
        self.addParameter(QgsProcessingParameterBoolean(
            self.TRANSITION, self.tr("Transition: draw loops and bridges across edges as loops and bridges"), True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INTEXT, self.tr("Internal/external: mark internal features (+100) and openings"), True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("MSPA classes")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_STATS, self.tr("MSPA statistics"), self.tr("CSV files (*.csv);;HTML files (*.html)"),
            optional=True, createByDefault=False))

    def process(self, parameters, context, feedback):
        source, layer_name = self.raster_source(parameters, self.INPUT, context)
        try:
            foreground = parse_numbers(self.parameterAsString(parameters, self.FOREGROUND_VALUES, context),
                                       "FOREGROUND_VALUES")
            missing = parse_numbers(self.parameterAsString(parameters, self.MISSING_VALUES, context),
                                    "MISSING_VALUES")
        except EcoSecurityError as error:
            raise QgsProcessingException(str(error)) from None
        edge_width = self.parameterAsInt(parameters, self.EDGE_WIDTH, context)
        grid = read_grid(source)
        self.check_memory(estimate_mspa_raster_memory(source, edge_width),
                          self.tr("MSPA on '{0}' ({1} x {2} cells)").format(layer_name, grid.cols, grid.rows))
        transition = self.parameterAsBool(parameters, self.TRANSITION, context)
        intext = self.parameterAsBool(parameters, self.INTEXT, context)
        connectivity = (8, 4)[self.parameterAsEnum(parameters, self.CONNECTIVITY, context)]
        output = self.output_path(parameters, self.OUTPUT, context)
        stats = self.parameterAsFileOutput(parameters, self.OUTPUT_STATS, context) or None
        summary = mspa_raster(source, output, foreground_values=foreground, missing_values=missing,
                              connectivity=connectivity, edge_width=edge_width, transition=transition,
                              intext=intext, summary_path=stats, name=layer_name,
                              progress=self.progress(feedback))
        self.style_output(output, style_name(transition), context)
        results = {self.OUTPUT: output}
        if summary is not None:
            results[self.OUTPUT_STATS] = stats
            core = summary.row("core")
            feedback.pushInfo(self.tr("Foreground {0} pixels; core {1} pixels ({2:.2f} % of the foreground).").format(
                summary.fg_pixels, core.pixels, core.fg_percent))
        return results
