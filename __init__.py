"""EcoSecurity (生态安全格局工具箱) — QGIS plugin entry point.

Kept free of qgis imports at module level so the pure cores (``ecosecurity.core``) import
without QGIS (plain pytest, scripts).
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Called by QGIS (and by qgis_process) to create the plugin."""
    from .plugin import EcoSecurityPlugin
    return EcoSecurityPlugin(iface)
