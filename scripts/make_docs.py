"""``make docs``: one Markdown page per algorithm and model, in English and Chinese, from the code.

Each page (``docs/algorithms/<lang>/<name>.md``) carries what the toolbox shows: the display name, the
group, the id, the help text (``shortHelpString``, HTML kept as HTML) and tables of the parameters and
outputs. The Chinese pages are built with the plugin's own translator (``i18n/ecosecurity_zh_CN.qm``,
installed as ``plugin.py`` does for a Chinese locale), so they say exactly what the Chinese toolbox says.
Graphical Modeler models in ``models/*.model3`` are documented too (none is fine).
``tests/algorithms/test_docs.py`` regenerates the pages and fails when ``docs/algorithms`` is stale.
"""
import argparse
import glob
import html
import os
import re
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, HERE)
from headless_qgis import start_qgis  # noqa: E402

MODELS = os.path.join(REPO, "models")
LANGUAGES = ("en", "zh")
#: Fixed words of the pages (not user interface strings of the plugin, so not in the .qm).
WORDS = {
    "en": {"group": "Group", "id": "Algorithm id", "model": "Graphical Modeler model",
           "parameters": "Parameters", "outputs": "Outputs", "name": "Name", "description": "Description",
           "type": "Type", "default": "Default", "optional": "Optional", "yes": "yes", "no": "no",
           "advanced": "advanced", "none": "none", "of": "of", "range": "range",
           "headless": "Run headless", "index": "Algorithms and models",
           "index_intro": "One page per algorithm of the EcoSecurity Processing provider, generated from the "
                          "help texts by `make docs` (do not edit by hand). [中文](../zh/index.md)",
           "other": "[中文]({0})", "display": "Name in the toolbox", "back": "[All algorithms](index.md)",
           "options": "options"},
    "zh": {"group": "分组", "id": "算法标识", "model": "图形建模器模型",
           "parameters": "参数", "outputs": "输出", "name": "参数名", "description": "说明",
           "type": "类型", "default": "默认值", "optional": "可选", "yes": "是", "no": "否",
           "advanced": "高级", "none": "无", "of": "来自", "range": "范围",
           "headless": "命令行运行", "index": "算法与模型",
           "index_intro": "EcoSecurity 处理工具每个算法一页，由 `make docs` 根据帮助文本生成（请勿手工修改）。"
                          "[English](../en/index.md)",
           "other": "[English]({0})", "display": "工具箱中的名称", "back": "[全部算法](index.md)",
           "options": "选项"},
}
TYPES = {  # QgsProcessingParameterDefinition.type() / QgsProcessingOutputDefinition.type()
    "raster": ("raster layer", "栅格图层"), "source": ("vector layer", "矢量图层"),
    "vector": ("vector layer", "矢量图层"), "layer": ("map layer", "图层"),
    "multilayer": ("multiple layers", "多个图层"), "band": ("band", "波段"), "boolean": ("boolean", "布尔值"),
    "distance": ("distance", "距离"), "enum": ("choice", "选项"), "field": ("field", "字段"),
    "file": ("file", "文件"), "matrix": ("table", "表格"), "string": ("text", "文本"),
    "number": ("number", "数值"), "integer": ("integer", "整数"),
    "rasterDestination": ("output raster", "输出栅格"), "sink": ("output layer", "输出图层"),
    "vectorDestination": ("output layer", "输出图层"), "fileDestination": ("output file", "输出文件"),
    "folderDestination": ("output folder", "输出文件夹"),
    "outputNumber": ("number", "数值"), "outputString": ("text", "文本"), "outputRaster": ("raster", "栅格"),
    "outputVector": ("vector layer", "矢量图层"), "outputLayer": ("layer", "图层"),
    "outputFile": ("file", "文件"), "outputFolder": ("folder", "文件夹"), "outputHtml": ("HTML file", "HTML 文件"),
    "outputBoolean": ("boolean", "布尔值"), "outputMultilayer": ("layers", "图层"),
}
_KEEP = []  # the provider's Python object must outlive the registry's use of its algorithms
BLOCK_TAGS = re.compile(r"(?=<(?:p|h[1-6]|ul|ol|li|table|tr|pre|div)[ >])")


def register_provider():
    """The registered ``ecosecurity`` provider (registered here when QGIS has not loaded it)."""
    from ecosecurity.provider import EcoSecurityProvider
    from qgis.core import QgsApplication
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("ecosecurity")
    if provider is None:
        provider = EcoSecurityProvider()
        registry.addProvider(provider)
        _KEEP.append(provider)
    return provider


def provider_algorithms(models_dir):
    """The provider's algorithms (creators of fresh instances) plus models/*.model3 it does not list."""
    from ecosecurity.provider import ALGORITHMS
    from qgis.core import QgsProcessingModelAlgorithm
    provider = register_provider()
    order = {cls.NAME: index for index, cls in enumerate(ALGORITHMS)}  # workflow order
    algorithms = [(alg.name(), alg.create, False) for alg in
                  sorted(provider.algorithms(), key=lambda alg: (alg.group(), order.get(alg.name(), 999), alg.name()))]
    listed = {name for name, _, _ in algorithms}
    for path in sorted(glob.glob(os.path.join(models_dir, "*.model3"))):
        model = QgsProcessingModelAlgorithm()
        if not model.fromFile(path):
            raise SystemExit(f"{path}: not a readable Graphical Modeler model")
        if model.name() not in listed:
            algorithms.append((model.name(), lambda path=path: _load_model(path), True))
    return algorithms


def _load_model(path):
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    model.fromFile(path)
    return model


def cell(text):
    """Plain text for a Markdown table cell."""
    return html.escape(str(text), quote=False).replace("|", "\\|").replace("\n", "<br>")


def number(value):
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:g}"


def describe_type(parameter, lang):
    """Type column: the kind of parameter and what limits it (range, parent layer, file extension)."""
    kind = parameter.type()
    if kind == "number" and parameter.dataType() == parameter.Integer:
        kind = "integer"
    label = TYPES.get(kind, (kind, kind))[lang == "zh"]
    words = WORDS[lang]
    extra = []
    if kind in ("number", "integer", "distance"):
        low, high = parameter.minimum(), parameter.maximum()
        bounded = [abs(v) < 1e300 for v in (low, high)]
        if any(bounded):
            extra.append(f"{words['range']} {number(low) if bounded[0] else '−∞'} – "
                         f"{number(high) if bounded[1] else '∞'}")
    if kind in ("field", "band") and parameter.parentLayerParameterName():
        extra.append(f"{words['of']} {parameter.parentLayerParameterName()}")
    if kind in ("file", "fileDestination"):
        suffix = parameter.extension() if kind == "file" else parameter.defaultFileExtension()
        if suffix:
            extra.append(f".{suffix}")
    if kind == "enum" and parameter.allowMultiple() or kind == "field" and parameter.allowMultiple():
        extra.append("×n")
    return cell(" ".join([label] + extra))


def describe_default(parameter, lang):
    value = parameter.defaultValue()
    if value is None or value == "":
        return ""
    kind = parameter.type()
    if kind == "boolean":
        return "`true`" if value else "`false`"
    if kind == "enum":
        options = parameter.options()
        indexes = value if isinstance(value, list) else [value]
        return cell(", ".join(f"{int(i)} — {options[int(i)]}" for i in indexes if str(i).isdigit()))
    if isinstance(value, (int, float)):
        return number(value)
    text = str(value).replace(REPO, "<plugin>")
    return f"`{cell(text)}`" if "`" not in text else cell(text)


def describe_parameter(parameter, lang):
    text = cell(parameter.description())
    if parameter.flags() & parameter.FlagAdvanced:
        text += f" ({WORDS[lang]['advanced']})"
    if parameter.type() == "enum":
        text += "<br>" + "<br>".join(f"{i} = {cell(option)}" for i, option in enumerate(parameter.options()))
    return text


def help_html(text):
    """The help HTML with a line break before each block tag (one HTML block: no blank lines)."""
    text = re.sub(r"</?(?:html|body)>", "", text)  # a model's help is a whole document
    return "\n".join(part.strip() for part in BLOCK_TAGS.split(text.strip()) if part.strip())


def file_name(name):
    """Page name of an algorithm or model (a model's name may hold spaces and capitals)."""
    return re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_") + ".md"


def page(algorithm, name, is_model, lang):
    """The Markdown page of one algorithm or model."""
    words = WORDS[lang]
    other = "zh" if lang == "en" else "en"
    lines = [f"# {algorithm.displayName()}", "",
             f"{words['back']} · {words['other'].format(f'../{other}/{file_name(name)}')}", "",
             f"* {words['id']}: `ecosecurity:{name}`" + (f" ({words['model']})" if is_model else ""),
             f"* {words['group']}: {algorithm.group()}", ""]
    helptext = algorithm.shortHelpString()
    if helptext:
        lines += [help_html(helptext), ""]
    parameters = [p for p in algorithm.parameterDefinitions()
                  if not p.flags() & p.FlagHidden and not p.isDestination()]
    if parameters:
        lines += [f"## {words['parameters']}", "",
                  "| " + " | ".join(words[key] for key in ("name", "description", "type", "default", "optional"))
                  + " |", "|---|---|---|---|---|"]
        for p in parameters:
            optional = words["yes"] if p.flags() & p.FlagOptional else words["no"]
            lines.append(f"| `{p.name()}` | {describe_parameter(p, lang)} | {describe_type(p, lang)} | "
                         f"{describe_default(p, lang)} | {optional} |")
        lines.append("")
    destinations = {p.name(): p for p in algorithm.parameterDefinitions() if p.isDestination()}
    outputs = algorithm.outputDefinitions()
    if outputs:
        lines += [f"## {words['outputs']}", "",
                  f"| {words['name']} | {words['description']} | {words['type']} | {words['optional']} |",
                  "|---|---|---|---|"]
        for output in outputs:
            destination = destinations.get(output.name())
            kind = destination.type() if destination is not None else output.type()
            label = TYPES.get(kind, (kind, kind))[lang == "zh"]
            optional = "" if destination is None else \
                (words["yes"] if destination.flags() & destination.FlagOptional else words["no"])
            lines.append(f"| `{output.name()}` | {cell(output.description() or output.name())} | {cell(label)} | {optional} |")
        lines.append("")
    example = " ".join(f"{p.name()}=…" for p in algorithm.parameterDefinitions()
                       if not p.flags() & (p.FlagOptional | p.FlagHidden) and p.defaultValue() is None)
    algorithm_id = shlex.quote(f"ecosecurity:{name}")
    lines += [f"## {words['headless']}", "", "```bash", f"scripts/qgis-process help {algorithm_id}",
              f"scripts/qgis-process run {algorithm_id} -- {example}".rstrip(), "```", ""]
    return "\n".join(lines)


def index(entries, lang):
    """The index page: one table per group, in the provider's (workflow) order."""
    words = WORDS[lang]
    lines = [f"# {words['index']}", "", words["index_intro"], ""]
    groups = {}
    for name, display, group in entries:
        groups.setdefault(group, []).append((name, display))
    for group, members in groups.items():
        lines += [f"## {group}", "", f"| {words['id']} | {words['display']} |", "|---|---|"]
        lines += [f"| [`ecosecurity:{name}`]({file_name(name)}) | {cell(display)} |" for name, display in members]
        lines.append("")
    return "\n".join(lines)


def render(lang, models_dir):
    """``{file name: text}`` of every page in ``lang``; the Chinese translator is installed meanwhile."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    translator = None
    if lang == "zh":
        from ecosecurity.plugin import translation_file
        path = translation_file("zh_CN")
        translator = QTranslator()
        if not path or not translator.load(path):
            raise SystemExit("i18n/ecosecurity_zh_CN.qm is missing or unreadable: run `make i18n` first")
        QCoreApplication.installTranslator(translator)
    try:
        pages, entries = {}, []
        for name, create, is_model in provider_algorithms(models_dir):
            algorithm = create()  # a fresh instance: parameter descriptions are translated when created
            pages[file_name(name)] = page(algorithm, name, is_model, lang)
            entries.append((name, algorithm.displayName(), algorithm.group()))
        pages["index.md"] = index(entries, lang)
        return pages
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)


def write_pages(out, models_dir=MODELS):
    """Write ``<out>/<lang>/*.md``, removing pages of algorithms that no longer exist; returns the paths."""
    written = []
    for lang in LANGUAGES:
        folder = os.path.join(out, lang)
        os.makedirs(folder, exist_ok=True)
        pages = render(lang, models_dir)
        for stale in set(os.listdir(folder)) - set(pages):
            if stale.endswith(".md"):
                os.remove(os.path.join(folder, stale))
        for file_name, text in pages.items():
            path = os.path.join(folder, file_name)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            written.append(path)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(REPO, "docs", "algorithms"))
    parser.add_argument("--models", default=MODELS, help="folder of Graphical Modeler models (*.model3)")
    args = parser.parse_args()
    app = start_qgis()
    written = write_pages(os.path.abspath(args.out), args.models)
    print(f"{len(written)} pages in {args.out}")
    app.exitQgis()


if __name__ == "__main__":
    main()
