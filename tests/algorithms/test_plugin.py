"""The plugin as QGIS sees it: provider identity, translations, loading without optional packages."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
QM = REPO / "i18n" / "ecosecurity_zh_CN.qm"
OPTIONAL = ("sklearn", "pulp", "networkx", "pyamg")


def user_visible_strings(algorithm):
    """Display name, group, help, parameter descriptions and enum options of an algorithm."""
    texts = [algorithm.displayName(), algorithm.group(), algorithm.shortHelpString()]
    for parameter in algorithm.parameterDefinitions():
        texts.append(parameter.description())
        if hasattr(parameter, "options"):
            texts.extend(parameter.options())
    for output in algorithm.outputDefinitions():
        texts.append(output.description())
    return [text for text in texts if text]


def is_bilingual(text):
    """Both English words and Chinese characters, as in the models' "English / 中文" texts."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text) and any("a" <= ch.lower() <= "z" for ch in text)


def test_provider_identity(ecosecurity_provider):
    assert ecosecurity_provider.id() == "ecosecurity"
    assert ecosecurity_provider.name() == "EcoSecurity (生态安全格局)"
    names = [alg.id() for alg in ecosecurity_provider.algorithms()]
    assert "ecosecurity:classifyraster" in names
    assert all(name == name.lower() for name in names)


def test_every_parameter_name_is_upper_case(ecosecurity_provider):
    for algorithm in ecosecurity_provider.algorithms():
        for parameter in algorithm.parameterDefinitions():
            name = parameter.name().split(":")[-1]  # a model's outputs are <child id>:<NAME>
            assert name == name.upper(), (algorithm.id(), parameter.name())


def test_every_user_visible_string_has_a_chinese_translation(ecosecurity_provider):
    from qgis.core import QgsProcessingModelAlgorithm
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    algorithms = [alg.create() for alg in ecosecurity_provider.algorithms()]
    for algorithm in algorithms:
        algorithm.initAlgorithm()
    english = {alg.id(): user_visible_strings(alg) for alg in algorithms}
    models = {alg.id() for alg in algorithms if isinstance(alg, QgsProcessingModelAlgorithm)}
    assert models, "the workflow models are not listed"
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}; run `make i18n`"
    QCoreApplication.installTranslator(translator)
    try:
        untranslated = []
        for algorithm in algorithms:
            fresh = algorithm.create()
            fresh.initAlgorithm()
            for source, chinese in zip(english[algorithm.id()], user_visible_strings(fresh)):
                if algorithm.id() in models and is_bilingual(source):  # a model's texts: "English / 中文" in the file
                    continue
                if chinese == source or not any("\u4e00" <= ch <= "\u9fff" for ch in chinese):
                    untranslated.append(f"{algorithm.id()}: {source[:80]!r}")
        assert not untranslated, "untranslated strings (add them to i18n/zh/*.json, run make i18n):\n" + \
            "\n".join(untranslated)
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("locale", ["zh-Hans", "zh_CN", "zh", "zh_CN.UTF-8"])
def test_chinese_locales_select_the_translation(locale):
    from ecosecurity.plugin import translation_file
    assert os.path.realpath(translation_file(locale)) == os.path.realpath(QM)


@pytest.mark.parametrize("locale", ["en_US", "fr", "zh_TW"])
def test_other_locales_stay_english(locale):
    from ecosecurity.plugin import translation_file
    assert translation_file(locale) is None


def test_plugin_loads_and_lists_every_algorithm_without_optional_packages(ecosecurity_provider):
    expected = sorted(alg.id() for alg in ecosecurity_provider.algorithms())
    script = textwrap.dedent(f"""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in {OPTIONAL!r}:
                    raise ImportError('blocked for the test: ' + name)
        sys.meta_path.insert(0, Block())
        sys.path.insert(0, {str(REPO / '.pkg')!r})
        from qgis.core import QgsApplication
        app = QgsApplication([], False)
        app.initQgis()
        import ecosecurity
        plugin = ecosecurity.classFactory(None)
        plugin.initProcessing()
        print(sorted(a.id() for a in plugin.provider.algorithms()))
        print(sorted(m for m in sys.modules if m.split('.')[0] in {OPTIONAL!r}))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0, done.stderr[-2000:]
    assert lines[-2] == str(expected)
    assert lines[-1] == "[]"
