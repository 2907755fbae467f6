"""A headless QGIS for the scripts (demo, docs, screenshots, models): Processing initialised with its native
algorithms and this working tree importable as the package ``ecosecurity`` (through ``.pkg/ecosecurity``)."""
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_qgis():
    """The initialised ``QgsApplication``; the caller registers the provider it needs."""
    from qgis.core import QgsApplication
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    link_dir = os.path.join(REPO, ".pkg")
    os.makedirs(link_dir, exist_ok=True)
    link = os.path.join(link_dir, "ecosecurity")
    if not os.path.exists(link):
        os.symlink(REPO, link)
    sys.path.insert(0, link_dir)
    return app
