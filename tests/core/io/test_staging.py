"""Whole-or-nothing outputs (core/io/staging.py): checks before the work, staging, commit, leftovers."""
import os
import subprocess
import sys

import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, temporary_sibling, write_raster
from ecosecurity.core.io.staging import STAGE_PREFIX, OutputStage, check_outputs, clean_leftovers
from ecosecurity.core.runtime.errors import InputError


def touch(path, text="x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


def dead_pid():
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_an_output_equal_to_an_input_is_refused(tmp_path):
    dem = touch(tmp_path / "dem.tif")
    with pytest.raises(InputError, match="OUTPUT .* would overwrite the input INPUT"):
        check_outputs([("OUTPUT", dem, False)], [("INPUT", dem)])


def test_an_output_reaching_an_input_through_another_spelling_is_refused(tmp_path):
    dem = touch(tmp_path / "dem.tif")
    os.symlink(dem, tmp_path / "link.tif")
    with pytest.raises(InputError, match="would overwrite"):
        check_outputs([("OUTPUT", str(tmp_path / "sub" / ".." / "link.tif"), False)], [("INPUT", dem)])


def test_an_output_whose_side_car_is_an_input_is_refused(tmp_path):
    style = touch(tmp_path / "classes.qml")
    with pytest.raises(InputError, match="STYLE"):
        check_outputs([("OUTPUT", str(tmp_path / "classes.tif"), False)], [("STYLE", style)])


def test_an_output_on_a_part_of_an_input_shapefile_is_refused(tmp_path):
    roads = touch(tmp_path / "roads.shp")
    with pytest.raises(InputError, match="roads.shp"):
        check_outputs([("OUTPUT_TABLE", str(tmp_path / "roads.dbf"), False)], [("INPUT", roads)])


def test_an_output_beside_an_input_with_the_same_stem_is_allowed(tmp_path):
    roads = touch(tmp_path / "roads.gpkg")
    check_outputs([("OUTPUT", str(tmp_path / "roads.tif"), False)], [("INPUT", roads)])


def test_two_outputs_on_one_file_are_refused(tmp_path):
    path = str(tmp_path / "out.tif")
    with pytest.raises(InputError, match="Outputs OUTPUT and OUTPUT_RASTER are the same file"):
        check_outputs([("OUTPUT", path, False), ("OUTPUT_RASTER", path, False)], [])


def test_an_output_below_a_file_is_refused_before_the_work(tmp_path):
    blocker = touch(tmp_path / "table.csv")
    with pytest.raises(InputError, match="is a file, so the folder"):
        check_outputs([("OUTPUT", os.path.join(blocker, "out.tif"), False)], [])


def test_an_output_that_is_a_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="is a folder; give a file name"):
        check_outputs([("OUTPUT", str(tmp_path), False)], [])


def test_an_output_needing_more_disk_than_is_free_is_refused(tmp_path):
    with pytest.raises(InputError, match="Not enough disk space"):
        check_outputs([("OUTPUT", str(tmp_path / "out.tif"), False)], [], required_bytes=10 ** 18)


def test_a_missing_output_folder_that_can_be_made_is_accepted(tmp_path):
    check_outputs([("OUTPUT", str(tmp_path / "new" / "deeper" / "out.tif"), False)], [])


def test_staged_files_appear_only_at_commit_under_their_final_names(tmp_path):
    stage = OutputStage()
    final = tmp_path / "results" / "classes.tif"
    staged = stage.file(str(final))
    touch(tmp_path / "results" / os.path.relpath(staged, tmp_path / "results"))
    side_car = os.path.splitext(staged)[0] + ".qml"
    with open(side_car, "w") as handle:
        handle.write("<qgis/>")
    assert not final.exists()
    assert stage.final(f"{staged}|layername=x") == f"{final}|layername=x"
    stage.commit()
    assert final.exists() and (tmp_path / "results" / "classes.qml").exists()
    assert [name for name in os.listdir(tmp_path / "results") if name.startswith(".")] == []


def test_rollback_leaves_nothing_behind_and_keeps_the_old_file(tmp_path):
    old = touch(tmp_path / "classes.tif", "old")
    stage = OutputStage()
    with open(stage.file(old), "w") as handle:
        handle.write("new")
    folder = stage.folder(str(tmp_path / "circuit"))
    touch(tmp_path / os.path.relpath(os.path.join(folder, "run_cum_curmap.asc"), tmp_path))
    stage.rollback()
    assert sorted(os.listdir(tmp_path)) == ["classes.tif"]
    assert open(old).read() == "old"


def test_a_staged_folder_is_merged_into_the_final_folder(tmp_path):
    touch(tmp_path / "circuit" / "keep.txt")
    stage = OutputStage()
    folder = stage.folder(str(tmp_path / "circuit"))
    with open(os.path.join(folder, "run_resistances.out"), "w") as handle:
        handle.write("1 2 3")
    stage.commit()
    assert sorted(os.listdir(tmp_path / "circuit")) == ["keep.txt", "run_resistances.out"]


def test_leftovers_of_killed_runs_are_removed_and_live_runs_kept(tmp_path):
    pid = dead_pid()
    dead_stage = tmp_path / f"{STAGE_PREFIX}{pid}-0123456789ab"
    live_stage = tmp_path / f"{STAGE_PREFIX}{os.getpid()}-0123456789ab"
    touch(dead_stage / "big.tif")
    touch(live_stage / "big.tif")
    dead_part = touch(tmp_path / f".dem.pid{pid}.k2j3h4.part.tif")
    live_part = touch(tmp_path / f".dem.pid{os.getpid()}.k2j3h4.part.tif")
    old_part = touch(tmp_path / ".dem.abcd.part.tif")
    os.utime(old_part, (0, 0))
    kept = touch(tmp_path / "data.tif")
    removed = clean_leftovers(str(tmp_path))
    assert sorted(removed) == sorted([str(dead_stage), dead_part, old_part])
    assert os.path.exists(live_part) and live_stage.exists() and os.path.exists(kept)


def test_staging_a_folder_cleans_it_of_leftovers(tmp_path):
    pid = dead_pid()
    touch(tmp_path / f"{STAGE_PREFIX}{pid}-0123456789ab" / "big.tif")
    OutputStage().file(str(tmp_path / "out.tif"))
    assert not (tmp_path / f"{STAGE_PREFIX}{pid}-0123456789ab").exists()


def test_writer_temporaries_carry_the_owner_process_id(tmp_path):
    tmp = temporary_sibling(str(tmp_path / "dem.tif"))
    assert os.path.basename(tmp).startswith(f".dem.pid{os.getpid()}.") and tmp.endswith(".part.tif")
    write_raster(str(tmp_path / "dem.tif"), np.zeros((2, 2), np.float32), Grid((0, 1, 0, 2, 0, -1), "", 2, 2))
    assert os.listdir(tmp_path) == ["dem.tif"]
