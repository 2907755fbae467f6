"""pytest-qgis set-up: the EcoSecurity provider registered in the test QGIS application."""
import pytest


@pytest.fixture(scope="session")
def ecosecurity_provider(qgis_app, qgis_processing):
    from ecosecurity.provider import EcoSecurityProvider
    from qgis.core import QgsApplication
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("ecosecurity")
    if provider is None:
        provider = EcoSecurityProvider()
        registry.addProvider(provider)
    return provider


@pytest.fixture
def run_alg(ecosecurity_provider):
    """``run_alg("classifyraster", {...})`` → results dict (raises QgsProcessingException on error)."""
    import processing

    def run(name, parameters, feedback=None):
        return processing.run(f"ecosecurity:{name}", parameters, feedback=feedback)
    return run
