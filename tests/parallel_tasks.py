"""Module-level tasks for tests/core/runtime/test_parallel.py (spawned workers import them by name)."""
import time


def square_after(value, seconds):
    """``value ** 2`` after ``seconds`` of sleep (finishing out of order on purpose)."""
    time.sleep(seconds)
    return value * value


def fail_on(value, bad):
    """``value``, or ZeroDivisionError when ``value == bad``."""
    if value == bad:
        return 1 / 0
    return value


def offset_sum(values, offset):
    """``values.sum() + offset``."""
    return float(values.sum()) + offset
