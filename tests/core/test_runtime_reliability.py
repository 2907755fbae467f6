"""Issue 13 (size guards): progress is logged once per step, not once per block; a refused run says what
would fit."""
import pytest
from ecosecurity.core.runtime import memory
from ecosecurity.core.runtime.errors import MemoryLimitError
from ecosecurity.core.runtime.progress import Progress


def test_a_block_loop_reports_its_message_once_per_step_not_once_per_block():
    seen = []
    progress = Progress(lambda percent, message: seen.append((percent, message)))
    for block in range(100):
        progress.sub(0.0, 0.5).update((block + 1) / 100, "Weighted overlay / 加权叠加")
    for block in range(10):
        progress.sub(0.5, 1.0).update((block + 1) / 10, "Writing / 写出")
    messages = [message for _, message in seen if message]
    assert messages == ["Weighted overlay / 加权叠加", "Writing / 写出"]
    assert len(seen) == 110 and seen[-1][0] == pytest.approx(100.0)   # the percentage still goes through


def test_a_refused_run_gives_the_estimate_the_free_memory_and_what_would_fit(monkeypatch):
    monkeypatch.setattr(memory, "available_memory", lambda: 1_000_000_000)
    with pytest.raises(MemoryLimitError) as error:
        memory.check_memory(8_000_000_000, "Test run on 'big' (40000 x 50000 cells)")
    text = str(error.value)
    assert "needs about 7.5 GB" in text and "953.7 MB is available" in text
    assert "10 % of the cells would fit" in text and "3.2 times coarser" in text and "粗" in text
