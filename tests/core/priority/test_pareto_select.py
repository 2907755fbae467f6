"""The Pareto-selection step end to end on a small landscape, and its bad-input errors."""
import csv

import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from ecosecurity.core.priority.pareto_select import SelectOptions, pareto_select
from ecosecurity.core.runtime.errors import InputError
from osgeo import ogr
from pareto_case import SHAPE, write_case
from services_case import grid, raster, table


def run(paths, tmp_path, options=None, redline=True):
    outputs = {"table": str(tmp_path / "schemes.csv"), "html": str(tmp_path / "front.html"),
               "raster": str(tmp_path / "best.tif"), "polygons": True}
    result = pareto_select(paths["rank"], paths["zones"], paths["targets"], paths["land_use"], paths["costs"], outputs,
                           options or SelectOptions(), redline_path=paths.get("redline") if redline else None)
    with open(outputs["table"], encoding="utf-8") as handle:
        return result, list(csv.DictReader(handle)), outputs


def test_table_flags_the_ratio_best_scheme_and_writes_its_patches(tmp_path):
    paths = write_case(tmp_path)
    result, rows, outputs = run(paths, tmp_path)
    assert len(rows) == 4
    ratios = [float(row["benefit_km2"]) / float(row["cost"]) for row in rows]
    best = int(np.argmax(ratios))
    assert [int(row["is_best"]) for row in rows] == [int(i == best) for i in range(4)]
    assert int(rows[best]["is_pareto"]) == 1
    patches = read_raster(outputs["raster"])
    protected = patches.array > 0
    assert patches.array[0, 0] == -1 and not patches.valid[0, 0]
    assert protected[10:14, 30:36].all()                           # the red line is always protected
    assert float(rows[best]["protected_km2"]) == pytest.approx(protected.sum() * 0.01)
    assert len(result.outlines) == result.patches == patches.array.max()
    assert sum(record["area_ha"] for record, _ in result.outlines) == pytest.approx(protected.sum() * 1.0)
    area = sum(ogr.CreateGeometryFromWkb(wkb).GetArea() for _, wkb in result.outlines)
    assert area == pytest.approx(protected.sum() * 100.0 * 100.0)
    with open(outputs["html"], encoding="utf-8") as handle:
        page = handle.read()
    assert "front_front.png" in page and f"{len(rows)} schemes" in page
    assert (tmp_path / "front_front.png").exists()


def test_the_knee_can_be_chosen_instead(tmp_path):
    paths = write_case(tmp_path)
    _, rows, _ = run(paths, tmp_path, SelectOptions(scheme=1))
    assert [int(row["is_best"]) for row in rows] == [int(row["is_knee"]) for row in rows]


def test_red_line_cost_is_in_every_scheme(tmp_path):
    paths = write_case(tmp_path, targets="group,x_1,x_2,x_3\n1,0,0,0\n")
    _, with_red, _ = run(paths, tmp_path)
    _, without, _ = run(paths, tmp_path, redline=False)
    assert float(with_red[0]["protected_km2"]) == pytest.approx(24 * 0.01)
    assert float(without[0]["protected_km2"]) == 0.0


def test_space_absent_from_the_zones_is_an_error(tmp_path):
    paths = write_case(tmp_path, targets="group,x_1,x_5\n1,0.1,0.2\n")
    with pytest.raises(InputError, match="space\\(s\\) 5"):
        run(paths, tmp_path)
    assert not (tmp_path / "schemes.csv").exists()


def test_rank_outside_zero_to_one_is_refused(tmp_path):
    paths = write_case(tmp_path)
    paths["rank"] = raster(tmp_path / "bad_rank.tif", np.full(SHAPE, 5.0, np.float32))
    with pytest.raises(InputError, match="outside 0 … 1"):
        run(paths, tmp_path)


def test_land_use_missing_inside_the_spaces_is_refused(tmp_path):
    paths = write_case(tmp_path)
    land = np.ones(SHAPE, np.int32)
    land[5, 5] = 0
    paths["land_use"] = raster(tmp_path / "lu_hole.tif", land, nodata=0)
    with pytest.raises(InputError, match="no class on 1 cell"):
        run(paths, tmp_path)


def test_grids_that_do_not_align_are_refused(tmp_path):
    paths = write_case(tmp_path)
    paths["land_use"] = raster(tmp_path / "shifted.tif", np.ones(SHAPE, np.int32),
                               grid(*SHAPE, x0=500050.0), nodata=0)
    with pytest.raises(InputError):
        run(paths, tmp_path)


def test_a_cost_table_missing_a_class_is_refused(tmp_path):
    paths = write_case(tmp_path)
    paths["costs"] = table(tmp_path / "short.csv", "class,green,cost\n1,1,2\n2,1,1\n3,0,10\n")
    with pytest.raises(InputError, match="class 4 in space 1"):
        run(paths, tmp_path)
