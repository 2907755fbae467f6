"""GWB summary statistics (spec §7): published GWB figures for example.tif and pyguidos' Corsica
counts, from the official outputs and from ours."""
import csv
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from ecosecurity.core.sources.mspa import mspa_classes, mspa_statistics
from ecosecurity.core.sources.mspa.report import write_summary
from refpaths import REFERENCE

EXAMPLE = REFERENCE / "mspa" / "gwb_example"
CORSICA = REFERENCE / "mspa" / "corsica"

# class: (FG %, data %, objects, pixels) published for example.tif, 8_1_1_1 (GWB_MSPA.rst)
GWB_EXAMPLE = {
    "core": (75.09, 32.19, 1196, 321764), "islet": (3.26, 1.40, 2429, 13956),
    "perforation": (2.17, 0.93, 423, 9280), "edge": (13.54, 5.80, 890, 57999),
    "loop": (0.60, 0.26, 541, 2552), "bridge": (1.42, 0.61, 765, 6105),
    "branch": (3.93, 1.68, 4685, 16834),
}
PYGUIDOS_CORSICA = {"core": 200934, "edge": 61706, "perforation": 9331, "islet": 978,
                    "branch": 22054, "loop": 1896, "bridge": 3838}


@pytest.fixture(scope="module")
def example_summary():
    classes = mspa_classes(read_raster(EXAMPLE / "example.tif").array, 8, 1, True)
    assert np.array_equal(classes, read_raster(EXAMPLE / "example_8_1_1_1.tif").array)
    return mspa_statistics(classes, 8, True)


def test_foreground_and_ifg_area_are_gwbs(example_summary):
    assert example_summary.fg_pixels == 428490
    assert example_summary.ifg_pixels == 485606


@pytest.mark.parametrize("key", sorted(GWB_EXAMPLE))
def test_class_percentages_and_objects_are_gwbs(example_summary, key):
    fg, data, objects, pixels = GWB_EXAMPLE[key]
    row = example_summary.row(key)
    assert (round(row.fg_percent, 2), round(row.data_percent, 2), row.objects, row.pixels) == \
        (fg, data, objects, pixels)


def test_background_missing_and_openings_are_gwbs(example_summary):
    s = example_summary
    assert (s.row("background").pixels, round(s.row("background").data_percent, 2),
            s.row("background").objects) == (571240, 57.14, 2319)
    assert (s.row("missing").pixels, round(s.row("missing").data_percent, 2),
            s.row("missing").objects) == (270, 0.03, 51)
    assert (s.row("opening").pixels, s.row("opening").objects) == (57116, 2291)
    assert (s.row("core_opening").pixels, round(s.row("core_opening").data_percent, 2),
            s.row("core_opening").objects) == (5927, 0.59, 717)
    assert (s.row("border_opening").pixels, round(s.row("border_opening").data_percent, 2),
            s.row("border_opening").objects) == (51189, 5.12, 1574)
    assert round(s.porosity, 2) == 1.50


def test_pyguidos_corsica_counts_are_reproduced():
    classes = mspa_classes(read_raster(CORSICA / "CLC2018_corsica_FNF.tif").array, 8, 1, True)
    summary = mspa_statistics(classes, 8, True)
    assert {key: summary.row(key).pixels for key in PYGUIDOS_CORSICA} == PYGUIDOS_CORSICA


def test_without_intext_there_are_no_openings_nor_porosity():
    classes = read_raster(EXAMPLE / "example_8_1_1_0.tif").array
    summary = mspa_statistics(classes, 8, False)
    assert summary.ifg_pixels is None and summary.porosity is None
    assert "opening" not in [row.key for row in summary.rows]


def test_area_is_pixels_times_cell_area():
    classes = read_raster(EXAMPLE / "example_8_1_1_1.tif").array
    summary = mspa_statistics(classes, 8, True, cell_area=900.0)
    assert summary.row("core").area == 321764 * 900.0


def test_summary_csv_lists_every_class_and_the_areas(tmp_path, example_summary):
    path = write_summary(tmp_path / "stats.csv", example_summary)
    with open(path, encoding="utf-8-sig") as handle:
        rows = {row["key"]: row for row in csv.DictReader(handle)}
    assert rows["core"]["fg_percent"] == "75.09" and rows["core"]["objects"] == "1196"
    assert rows["opening"]["porosity"] == "1.50"
    assert rows["fg_area"]["pixels"] == "428490" and rows["ifg_area"]["pixels"] == "485606"


def test_summary_html_is_a_bilingual_table(tmp_path, example_summary):
    path = write_summary(tmp_path / "stats.html", example_summary, "example")
    text = Path(path).read_text(encoding="utf-8")
    assert "<table>" in text and "Core 核心区" in text and "75.09" in text
