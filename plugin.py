"""The plugin object: installs the Chinese translator and registers the Processing provider."""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .provider import EcoSecurityProvider

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
CHINESE_LOCALES = ("zh", "zh_cn", "zh-cn", "zh_hans", "zh-hans", "zh_hans_cn", "zh-hans-cn")


def user_locale():
    """QGIS's user interface locale (``locale/userLocale`` when overridden, else the system's)."""
    try:
        from qgis.core import QgsSettings
        settings = QgsSettings()
        if settings.value("locale/overrideFlag", False, type=bool):
            value = settings.value("locale/userLocale", "")
            if value:
                return str(value)
    except ImportError:
        pass
    from qgis.PyQt.QtCore import QLocale
    return QLocale.system().name()


def translation_file(locale):
    """Path of the compiled translation for ``locale`` or ``None`` (QGIS says ``zh-Hans``; ``zh_CN``, ``zh`` too)."""
    normalized = (locale or "").replace(".UTF-8", "").replace(".utf8", "").lower()
    if normalized in CHINESE_LOCALES or normalized.startswith(("zh_cn", "zh-hans", "zh_sg")):
        path = os.path.join(PLUGIN_DIR, "i18n", "ecosecurity_zh_CN.qm")
        return path if os.path.exists(path) else None
    return None


class EcoSecurityPlugin:
    """Keeps the translator and the provider alive for the plugin's lifetime."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None
        path = translation_file(user_locale())
        if path:
            self.translator = QTranslator()
            if self.translator.load(path):
                QCoreApplication.installTranslator(self.translator)

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        self.provider = EcoSecurityProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
