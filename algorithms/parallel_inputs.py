"""PARALLEL and DASK_SCHEDULER (public contract, issue 19): where the independent tasks of a heavy
algorithm run (:mod:`..core.runtime.parallel`)."""
from qgis.core import QgsProcessingParameterNumber, QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

from ..core.runtime.parallel import worker_count

PARALLEL, DASK_SCHEDULER = "PARALLEL", "DASK_SCHEDULER"


def add_parallel_parameters(algorithm):
    """PARALLEL (integer >= 0, default 0 = all cores) and DASK_SCHEDULER (optional address), advanced."""
    parallel = QgsProcessingParameterNumber(
        PARALLEL, QCoreApplication.translate("ParallelInputs", "Worker processes (0 = all cores, 1 = in this process)"),
        QgsProcessingParameterNumber.Integer, 0, minValue=0)
    scheduler = QgsProcessingParameterString(
        DASK_SCHEDULER, QCoreApplication.translate(
            "ParallelInputs", "Dask scheduler address (e.g. tcp://host:8786; empty = local processes)"),
        optional=True)
    for parameter in (parallel, scheduler):
        parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
        algorithm.addParameter(parameter)


def parallel_settings(algorithm, parameters, context):
    """``(workers, scheduler)``: the number of local workers and the Dask address (None = local)."""
    scheduler = (algorithm.parameterAsString(parameters, DASK_SCHEDULER, context) or "").strip()
    return worker_count(algorithm.parameterAsInt(parameters, PARALLEL, context)), scheduler or None

