"""``make docs``: the user guide's figures, rendered headless by QGIS from a ``make demo`` output folder.

Each figure is a QGIS print layout (map, legend, scale bar, title) of demo layers drawn with the ``.qml``
styles the algorithms wrote, exported with ``QgsLayoutExporter`` and saved as an 8-bit PNG in
``docs/images/``. A last image is the Processing dialog of one algorithm, grabbed offscreen.
Legends keep the English half of the bilingual class names: the machine that renders may have no
Chinese font (the guides name the classes in both languages).
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, HERE)

#: Largest PNG the guide accepts (bytes); the figures are committed so that the guide reads on GitHub.
MAX_BYTES = 150_000
#: Symbols of layers that carry no style of their own (inputs) or whose style is too busy at this scale.
PLAIN = {
    "redline": {"color": "0,0,0,0", "outline_color": "0,100,0,255", "outline_width": "0.6", "outline_style": "dash"},
    "sources": {"color": "170,215,160,160", "outline_color": "0,90,0,255", "outline_width": "0.4"},
    "townships": {"color": "0,0,0,0", "outline_color": "120,120,120,255", "outline_width": "0.2"},
    "pinch_areas": {"color": "230,30,30,230", "outline_color": "120,0,0,255", "outline_width": "0.3"},
    "barrier_areas": {"color": "140,40,200,230", "outline_color": "60,0,90,255", "outline_width": "0.3"},
}
#: (PNG name, title, layers from top to bottom as (path in the demo folder, legend name or None for a faded
#: background without legend entry)). Every map shows the extent of the demo land use.
FIGURES = [
    ("liuzhi_sources", "Ecological sources: MSPA cores >= 50 ha and the red line, dPC > 1",
     [("sources.gpkg", "Sources"), ("data/redline.gpkg", "Red line"), ("data/landuse.tif", "Land use")]),
    ("liuzhi_resistance", "Resistance surface (AHP-weighted factors x corrections)",
     [("sources.gpkg", "Sources"), ("resistance.tif", "Resistance")]),
    ("liuzhi_corridors", "Least-cost corridors (truncated) and least-cost paths",
     [("least_cost_paths.gpkg", "Least-cost paths"), ("sources.gpkg", "Sources"),
      ("corridors_truncated.tif", "Corridor (normalised cost)")]),
    ("liuzhi_current", "Cumulative current density (pairwise circuit theory)",
     [("sources.gpkg", "Sources"), ("current.tif", "Current density")]),
    ("liuzhi_pattern", "Ecological security pattern: corridors by centrality, pinch points, barriers",
     [("pinch_areas.gpkg", "Pinch-point areas"), ("barrier_areas.gpkg", "Barrier areas"),
      ("corridor_centrality.gpkg", "Corridors by centrality"), ("sources.gpkg", "Sources"),
      ("townships.gpkg", "Townships (6 km grid)"), ("data/landuse.tif", None)]),
    ("xian_spaces", "Production, living and ecological spaces", [("spaces.tif", "Spaces")]),
    ("xian_priority", "Conservation priority ranked within each space",
     [("priority_rank.tif", "Priority rank")]),
    ("xian_scheme", "Chosen protection scheme (Pareto front, best benefit / cost)",
     [("data/redline.gpkg", "Red line"), ("best_scheme.tif", "Chosen scheme")]),
    ("gujiao_quality", "Habitat quality (InVEST formula)", [("habitat_quality.tif", "Habitat quality")]),
    ("gujiao_clusters", "Ecosystem-service bundles (two-level SOFM)", [("es_clusters.tif", "Service bundles")]),
    ("gujiao_scenario", "Simulated land use 2035 (FLUS-style, red line frozen)",
     [("data/redline.gpkg", "Red line"), ("landuse_scenario.tif", "Land use 2035")]),
]
EXTENT = "data/landuse.tif"
DIALOG = ("dialog_mspa", "ecosecurity:mspa")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")


def english(label):
    """The English half of a bilingual label: the text before its first Chinese character
    ("Cluster 1 / 簇 1" → "Cluster 1"), or the label without Chinese when it starts in Chinese."""
    match = CJK.search(label)
    head = label[:match.start()] if match else label
    if not head.strip():
        head = CJK.sub(" ", label)
    return re.sub(r"^[\s/:,;)-]+|[\s/:,;(-]+$", "", re.sub(r"\s+", " ", head)) or label


def english_legend(layer):
    """Rewrite the class labels of the layer's renderer to their English half."""
    renderer = layer.renderer()
    kind = renderer.type() if renderer is not None else ""
    if kind == "paletted":
        for item in renderer.classes():
            renderer.setLabel(item.value, english(item.label))
    elif kind == "singlebandpseudocolor":
        shader = renderer.shader().rasterShaderFunction()
        items = shader.colorRampItemList()
        for item in items:
            item.label = english(item.label)
        shader.setColorRampItemList(items)
    elif kind == "categorizedSymbol":
        for index, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(index, english(category.label()))
    elif kind == "graduatedSymbol":
        for index, item in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(index, english(item.label()))


def load(path, name):
    """A demo layer with its .qml style (or a plain symbol from :data:`PLAIN`), named for the legend;
    without a name, a faded background."""
    from qgis.core import (
        QgsFillSymbol,
        QgsLineSymbol,
        QgsRasterLayer,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
        QgsWkbTypes,
    )
    stem = os.path.splitext(os.path.basename(path))[0]
    layer = QgsVectorLayer(path, name or stem, "ogr") if path.endswith(".gpkg") else QgsRasterLayer(path, name or stem)
    if not layer.isValid():
        raise SystemExit(f"{path}: not a readable layer")
    layer.loadDefaultStyle()
    if stem in PLAIN:
        polygon = layer.geometryType() == QgsWkbTypes.PolygonGeometry
        symbol = (QgsFillSymbol if polygon else QgsLineSymbol).createSimple(PLAIN[stem])
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    english_legend(layer)
    if name is None:
        layer.setOpacity(0.35)
    return layer


def drop_band_title(model, node):
    """Hide a raster legend's "Band 1 (Palette)" line: the layer name says what the classes are."""
    from qgis.core import QgsMapLayerLegendUtils, QgsSimpleLegendNode
    nodes = model.layerLegendNodes(node)
    if nodes and isinstance(nodes[0], QgsSimpleLegendNode):
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(nodes))))
        model.refreshLayerLegend(node)


def layout_image(project, layers, legend_layers, extent, title, width_px):
    """A print layout (title, map of ``extent``, legend, scale bar) rendered to a QImage."""
    from qgis.core import (
        QgsLayout,
        QgsLayoutExporter,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemScaleBar,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QFont
    mm = QgsUnitTypes.LayoutMillimeters
    map_mm, legend_mm, margin = 110.0, 80.0, 4.0
    map_height = map_mm * extent.height() / extent.width()
    page_w, page_h = margin * 3 + map_mm + legend_mm, margin * 2 + 10 + map_height
    layout = QgsLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(page_w, page_h, mm))
    label = QgsLayoutItemLabel(layout)
    label.setText(title)
    label.setFont(QFont("DejaVu Sans", 11, QFont.Bold))
    label.attemptMove(QgsLayoutPoint(margin, margin * 0.5, mm))
    label.attemptResize(QgsLayoutSize(page_w - 2 * margin, 9, mm))
    layout.addLayoutItem(label)
    item_map = QgsLayoutItemMap(layout)
    item_map.attemptMove(QgsLayoutPoint(margin, margin + 8, mm))
    item_map.attemptResize(QgsLayoutSize(map_mm, map_height, mm))
    item_map.setLayers(layers)
    item_map.setCrs(layers[-1].crs())
    item_map.setExtent(extent)
    item_map.setFrameEnabled(True)
    layout.addLayoutItem(item_map)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(item_map)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in legend_layers:
        drop_band_title(legend.model(), root.addLayer(layer))
    legend.setTitle("")
    legend.attemptMove(QgsLayoutPoint(margin * 2 + map_mm, margin + 8, mm))
    layout.addLayoutItem(legend)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(item_map)
    bar.setUnits(QgsUnitTypes.DistanceKilometers)
    bar.setUnitLabel("km")
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setUnitsPerSegment(max(1.0, round(extent.width() / 1000 / 5)))
    bar.attemptMove(QgsLayoutPoint(margin * 2 + map_mm, page_h - margin - 10, mm))
    layout.addLayoutItem(bar)
    bar.update()
    dpi = width_px / (page_w / 25.4)
    return QgsLayoutExporter(layout).renderPageToImage(0, QSize(width_px, int(width_px * page_h / page_w)), dpi)


def save_small(image, path):
    """Save as an 8-bit (palette) PNG, which keeps the flat colours of the maps in a fraction of the bytes."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QImage
    small = image.convertToFormat(QImage.Format_Indexed8, Qt.ThresholdDither | Qt.AvoidDither)
    if not small.save(path, "PNG", 9):
        raise SystemExit(f"{path}: could not be written")
    size = os.path.getsize(path)
    if size > MAX_BYTES:
        raise SystemExit(f"{path}: {size} bytes, above the guide's limit of {MAX_BYTES}")
    return path


def dialog_image(algorithm_id):
    """The Processing dialog of one algorithm, as the toolbox opens it, grabbed offscreen."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    if algorithm is None:
        raise SystemExit(f"{algorithm_id}: no such algorithm in the Processing registry")
    dialog = AlgorithmDialog(algorithm)
    dialog.resize(1000, 660)
    dialog.show()
    QgsApplication.processEvents()
    image = dialog.grab().toImage()
    dialog.close()
    return image


def missing_inputs(demo):
    """Demo files the figures need that ``demo`` lacks."""
    needed = {path for _, _, layers in FIGURES for path, _ in layers} | {EXTENT}
    return sorted(path for path in needed if not os.path.exists(os.path.join(demo, path)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demo", default=os.path.join(REPO, "demo_output"), help="a `make demo` output folder")
    parser.add_argument("--out", default=os.path.join(REPO, "docs", "images"))
    parser.add_argument("--width", type=int, default=720, help="width of the map figures in pixels")
    args = parser.parse_args()
    demo = os.path.abspath(args.demo)
    missing = missing_inputs(demo)
    if missing:
        raise SystemExit(f"{demo} lacks {', '.join(missing)}: run `make demo DEMO_DIR={args.demo}` first")
    from headless_qgis import start_qgis
    from make_docs import register_provider
    app = start_qgis()
    register_provider()
    from qgis.core import QgsProject
    os.makedirs(args.out, exist_ok=True)
    project = QgsProject.instance()
    extent = load(os.path.join(demo, EXTENT), None).extent()
    for name, title, paths in FIGURES:
        layers = [load(os.path.join(demo, path), legend) for path, legend in paths]
        legend_layers = [layer for layer, (_, legend) in zip(layers, paths) if legend]
        project.addMapLayers(layers, False)
        image = layout_image(project, layers, legend_layers, extent, title, args.width)
        png = save_small(image, os.path.join(args.out, f"{name}.png"))
        print(f"{png}: {os.path.getsize(png) // 1024} KB")
        project.removeAllMapLayers()
    png = save_small(dialog_image(DIALOG[1]), os.path.join(args.out, f"{DIALOG[0]}.png"))
    print(f"{png}: {os.path.getsize(png) // 1024} KB")
    app.exitQgis()


if __name__ == "__main__":
    main()
