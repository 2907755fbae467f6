"""docs/algorithms: one page per algorithm and model in both languages, regenerated from the code."""
import glob
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "algorithms"
LANGUAGES = ("en", "zh")


@pytest.fixture(scope="module")
def make_docs():
    spec = importlib.util.spec_from_file_location("make_docs", REPO / "scripts" / "make_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documented_names(provider):
    names = [algorithm.name() for algorithm in provider.algorithms()]
    for path in glob.glob(str(REPO / "models" / "*.model3")):
        from qgis.core import QgsProcessingModelAlgorithm
        model = QgsProcessingModelAlgorithm()
        assert model.fromFile(path), path
        names.append(model.name())
    return names


def test_every_algorithm_and_model_has_a_page_in_both_languages(ecosecurity_provider, make_docs):
    missing = [f"{lang}/{make_docs.file_name(name)}" for name in documented_names(ecosecurity_provider)
               for lang in LANGUAGES if not (DOCS / lang / make_docs.file_name(name)).is_file()]
    missing += [f"{lang}/index.md" for lang in LANGUAGES if not (DOCS / lang / "index.md").is_file()]
    assert not missing, "pages missing from docs/algorithms (run `make docs`): " + ", ".join(missing)


def test_pages_are_up_to_date_with_the_code(ecosecurity_provider, make_docs, tmp_path):
    make_docs.write_pages(str(tmp_path))
    stale = []
    for lang in LANGUAGES:
        fresh = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / lang).glob("*.md")}
        kept = {path.name: path.read_text(encoding="utf-8") for path in (DOCS / lang).glob("*.md")}
        stale += [f"{lang}/{name}" for name in sorted(set(fresh) | set(kept)) if fresh.get(name) != kept.get(name)]
    assert not stale, "docs/algorithms differs from the code (run `make docs`): " + ", ".join(stale)


def test_chinese_pages_carry_the_translated_name_and_help(make_docs):
    # Models carry their own help text, not the .qm's.
    from ecosecurity.provider import ALGORITHMS
    english_only = []
    for name in (cls.NAME for cls in ALGORITHMS):
        page = DOCS / "zh" / make_docs.file_name(name)
        if not page.is_file():
            continue  # reported by the test of missing pages
        title, _, body = page.read_text(encoding="utf-8").partition("\n")
        if not any("\u4e00" <= ch <= "\u9fff" for ch in title) or "## 参数" not in body and "## 输出" not in body:
            english_only.append(page.name)
    assert not english_only, "Chinese pages without Chinese titles or headings: " + ", ".join(english_only)
