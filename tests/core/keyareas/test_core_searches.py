"""Grouping of the per-core searches into tasks (core/keyareas/core_searches.py)."""
from dataclasses import dataclass

from ecosecurity.core.corridors.linkage.windows import Window, full_window
from ecosecurity.core.keyareas.core_searches import task_groups
from ecosecurity.core.corridors.linkage.searches import BATCH_RETURN_BYTES, cores_per_return


@dataclass(frozen=True)
class Job:
    label: int


SHAPE = (100, 100)


def placed(whole, windowed):
    """Jobs 1.. : ``whole`` of them on the whole grid, then ``windowed`` on a part of it, interleaved."""
    jobs = []
    for label in range(1, whole + windowed + 1):
        part = label % 2 == 0 and windowed > 0
        windowed -= part
        jobs.append((Window(0, 10, 0, 10) if part else full_window(SHAPE), Job(label)))
    return jobs


def test_whole_grid_jobs_split_into_parts_and_windowed_ones_alone_in_label_order():
    groups = task_groups(placed(5, 3), SHAPE, parts=2)
    whole = [group for group in groups if group[0].size == 100 * 100]
    assert [len(jobs) for _, jobs in whole] == [3, 2]  # 5 jobs in 2 tasks, each sharing one graph
    assert all(len(jobs) == 1 for window, jobs in groups if window.size < 100 * 100)
    firsts = [jobs[0].label for _, jobs in groups]
    assert firsts == sorted(firsts) and sorted(j.label for _, jobs in groups for j in jobs) == list(range(1, 9))


def test_at_most_so_many_jobs_per_task():
    groups = task_groups(placed(7, 0), SHAPE, parts=1, most=3)
    assert [len(jobs) for _, jobs in groups] == [3, 3, 1]
    assert [len(jobs) for _, jobs in task_groups(placed(7, 0), SHAPE, parts=1)] == [7]


def test_a_task_returns_at_most_the_batch_bytes_of_cwds():
    assert cores_per_return(1000 * 1000) == BATCH_RETURN_BYTES // (8 * 10 ** 6)
    assert cores_per_return(10 ** 8) == 1  # one core per task: its CWD alone is 800 MB
