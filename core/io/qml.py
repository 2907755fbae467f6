"""QGIS QML raster styles written as text (no qgis import): per-run class legends and colour ramps.

Static styles live in ``styles/``; this module makes styles whose classes are only known after
a run (the breaks of ``classifyraster``).
"""
import re
from xml.sax.saxutils import quoteattr

#: A colour ramp from low (cool green) to high (warm red) for graded classes.
RAMP = ((26, 150, 65), (166, 217, 106), (255, 255, 191), (253, 174, 97), (215, 25, 28))


def ramp_colour(fraction, ramp=RAMP):
    """RGB at ``fraction`` (0-1) along ``ramp`` (linear interpolation)."""
    fraction = min(max(fraction, 0.0), 1.0) * (len(ramp) - 1)
    i = min(int(fraction), len(ramp) - 2)
    t = fraction - i
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(ramp[i], ramp[i + 1]))


def paletted_qml(entries):
    """QML of a paletted raster renderer; ``entries`` = [(value, label, (r, g, b))]."""
    rows = "\n".join(
        f'        <paletteEntry value="{value:g}" label={quoteattr(label)} '
        f'color="#{r:02x}{g:02x}{b:02x}" alpha="255"/>' for value, label, (r, g, b) in entries)
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            '<qgis version="3.22" styleCategories="Symbology">\n  <pipe>\n'
            '    <rasterrenderer type="paletted" band="1" opacity="1" alphaBand="-1" nodataColor="">\n'
            f"      <colorPalette>\n{rows}\n      </colorPalette>\n"
            "    </rasterrenderer>\n  </pipe>\n</qgis>\n")


def graded_classes_qml(rows, reverse_colours=False):
    """Paletted QML for ``classify_raster`` rows (class, lower, upper, score, count, area)."""
    n = len(rows)
    entries = []
    for index, (klass, lower, upper, score, _count, _area) in enumerate(rows):
        fraction = index / max(n - 1, 1)
        colour = ramp_colour(1.0 - fraction if reverse_colours else fraction)
        entries.append((score, f"{score:g}: {lower:.6g} – {upper:.6g}", colour))
    return paletted_qml(entries)


def pseudocolor_qml(minimum, maximum, low_label, high_label, reverse=False, stops=5):
    """QML of an interpolated single-band pseudocolour renderer from ``minimum`` to ``maximum``.

    Colours follow :data:`.qml.RAMP` (green → red; ``reverse`` for red → green); the first and last
    stops carry ``low_label`` / ``high_label`` (e.g. ``"1 low 低"``).
    """
    if maximum <= minimum:
        maximum = minimum + 1.0
    items = []
    for k in range(stops):
        fraction = k / (stops - 1)
        value = minimum + fraction * (maximum - minimum)
        r, g, b = ramp_colour(1.0 - fraction if reverse else fraction, RAMP)
        label = low_label if k == 0 else high_label if k == stops - 1 else f"{value:.4g}"
        items.append(f'          <item value="{value:.10g}" label={quoteattr(label)} '
                     f'color="#{r:02x}{g:02x}{b:02x}" alpha="255"/>')
    body = "\n".join(items)
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            '<qgis version="3.22" styleCategories="Symbology">\n  <pipe>\n'
            f'    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" '
            f'classificationMin="{minimum:.10g}" classificationMax="{maximum:.10g}" nodataColor="">\n'
            "      <rastershader>\n"
            f'        <colorrampshader colorRampType="INTERPOLATED" classificationMode="1" clip="0" '
            f'minimumValue="{minimum:.10g}" maximumValue="{maximum:.10g}" labelPrecision="4">\n'
            f"{body}\n        </colorrampshader>\n      </rastershader>\n"
            "    </rasterrenderer>\n  </pipe>\n</qgis>\n")


def keep_categories(text, values):
    """The categorized-renderer QML ``text`` without the ``<category value="v" …/>`` rows whose value is
    not in ``values`` (a style made for 5 levels, shown for a run of 3 lists only levels 1-3)."""
    keep = {str(value) for value in values}
    return re.sub(r'[ \t]*<category value="([^"]*)"[^>]*/>\n?',
                  lambda match: match.group(0) if match.group(1) in keep else "", text)


def write_qml(path, text):
    """Write a QML side-car (QGIS loads ``<raster>.qml`` as the layer's default style)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
