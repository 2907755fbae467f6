"""MSPA output is byte-identical to JRC's official mspa_lin64 v2.3 on every reference raster.

Parametrised over ``shared/reference/mspa/*/*_G_W_T_I.tif`` (48 files: GWB example, Corsica,
nine synthetic cases; FG 8/4, EdgeWidth 1, 2, 3, 5, 10, Transition 0/1, IntExt 0/1).
"""
import re

import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from ecosecurity.core.sources.mspa import mspa_classes
from refpaths import REFERENCE

MSPA = REFERENCE / "mspa"
OUTPUT = re.compile(r"^(?P<name>.+)_(?P<g>[48])_(?P<w>\d+)_(?P<t>[01])_(?P<i>[01])\.tif$")
CASES = sorted(path for path in MSPA.glob("*/*.tif") if OUTPUT.match(path.name))


def test_all_48_reference_outputs_are_found():
    assert len(CASES) == 48


@pytest.mark.parametrize("output", CASES, ids=lambda path: path.name)
def test_output_is_byte_identical_to_the_official_program(output):
    match = OUTPUT.match(output.name)
    source = read_raster(output.with_name(match["name"] + ".tif")).array
    expected = read_raster(output).array
    result = mspa_classes(source, connectivity=int(match["g"]), edge_width=int(match["w"]),
                          intext=match["i"] == "1")
    assert result.dtype == np.uint8
    assert result.shape == expected.shape
    assert int((result != expected).sum()) == 0


def test_class_counts_csv_agrees_with_the_reference_rasters():
    """The published per-value pixel counts (``class_counts.csv``) match the reference files."""
    rows = (MSPA / "class_counts.csv").read_text().split()[1:]
    counts = {}
    for row in rows:
        name, value, count = row.split(",")
        counts.setdefault(name, {})[int(value)] = int(count)
    example = read_raster(MSPA / "gwb_example" / "example_8_1_1_1.tif").array
    values, numbers = np.unique(example, return_counts=True)
    assert dict(zip(values.tolist(), numbers.tolist())) == counts["example_8_1_1_1.tif"]
