"""Makes the plugin importable as ``ecosecurity`` and ``refpaths`` importable by tests."""
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
PKG_ROOT = REPO / ".pkg"


def _link_package():
    """Expose the working tree as the package ``ecosecurity`` (the clone's folder may have any name)."""
    PKG_ROOT.mkdir(exist_ok=True)
    link = PKG_ROOT / "ecosecurity"
    if not link.exists():
        try:
            link.symlink_to(REPO, target_is_directory=True)
        except FileExistsError:
            pass
    for path in (str(PKG_ROOT), str(TESTS)):
        if path not in sys.path:
            sys.path.insert(0, path)


_link_package()

from refpaths import REFERENCE  # noqa: E402


@pytest.fixture(scope="session")
def reference_dir():
    """``shared/reference``; skips nothing: a missing folder is a hard error (CI always has it)."""
    if not REFERENCE.is_dir():
        raise RuntimeError(f"reference data not found at {REFERENCE}; set ECOSECURITY_SHARED")
    return REFERENCE


@pytest.fixture(scope="session")
def dask_scheduler():
    """Address of one Dask LocalCluster (2 worker processes) shared by the tests; skips without dask."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster.scheduler_address
