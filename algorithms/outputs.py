"""The Processing side of whole-or-nothing outputs (:mod:`..core.io.staging`).

Before a run, :func:`stage_outputs` resolves every file and folder output of the algorithm,
checks them against its inputs (:func:`~..core.io.staging.check_outputs`) and hands the
algorithm a copy of its parameters in which each output points into a staging folder. After the
run, :func:`commit_outputs` checks that every output listed in the results was written, moves
all staged files into place and points the results at the final paths. The algorithm sees each
staged output as a plain path, so the layers QGIS loads on completion stay registered under the
final paths (resolved here, before the run).
Memory layers and database outputs (``memory:``, ``ogr:``, ``postgres:`` …) are left alone.
"""
import os
import re

from qgis.core import QgsMapLayer, QgsProcessingFeatureSourceDefinition, QgsProcessingUtils, QgsProperty

from ..core.io.staging import OutputStage, check_outputs
from ..core.runtime.errors import InputError

LAYER_DESTINATIONS = ("rasterDestination", "vectorDestination", "sink")
FILE_DESTINATIONS = LAYER_DESTINATIONS + ("fileDestination",)
FOLDER_DESTINATION = "folderDestination"
_URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # memory:, ogr:, postgres: … (not C:\)


def is_file_path(destination):
    return bool(destination) and not _URI_SCHEME.match(destination)


def input_paths(algorithm, parameters, context):
    """(parameter, file path) of every file the run reads, layers and plain files alike."""
    found = []
    destinations = {d.name() for d in algorithm.destinationParameterDefinitions()}
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if name in destinations or parameters.get(name) is None:
            continue
        values = parameters[name] if isinstance(parameters[name], (list, tuple)) else [parameters[name]]
        for value in values:
            path = _source_path(value, context)
            if path and os.path.isfile(path):
                found.append((name, path))
    return found + list(algorithm.extra_input_files(parameters, context))


def _source_path(value, context):
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value.source().split("|")[0]
    if not isinstance(value, str) or not value:
        return None
    if os.path.exists(value.split("|")[0]):
        return value.split("|")[0]
    layer = QgsProcessingUtils.mapLayerFromString(value, context, False)
    return layer.source().split("|")[0] if layer is not None else None


def stage_outputs(algorithm, parameters, context):
    """(staged parameters, stage, outputs) — ``outputs``: (parameter, final path, staged path)."""
    planned = []
    for definition in algorithm.destinationParameterDefinitions():
        name, kind = definition.name(), definition.type()
        if parameters.get(name) is None or kind not in FILE_DESTINATIONS + (FOLDER_DESTINATION,):
            continue
        if kind in LAYER_DESTINATIONS:
            path = algorithm.parameterAsOutputLayer(parameters, name, context)
        else:
            path = algorithm.parameterAsFileOutput(parameters, name, context)
        if is_file_path(path):
            planned.append((name, path.split("|")[0], kind == FOLDER_DESTINATION))
    planned += [(name, path, False) for name, path in algorithm.extra_output_files(parameters, context)]
    check_outputs(planned, input_paths(algorithm, parameters, context),
                  algorithm.estimate_output_bytes(parameters, context))
    stage = OutputStage()
    staged_parameters = dict(parameters)
    outputs = []
    try:
        for name, path, is_folder in planned:
            if name not in staged_parameters:
                continue  # a file the algorithm derives itself (extra_output_files): checked only
            staged = stage.folder(path, name) if is_folder else stage.file(path, name)
            staged_parameters[name] = staged  # a plain path: the final one stays registered for loading
            outputs.append((name, path, staged))
    except InputError:
        stage.rollback()
        raise
    return staged_parameters, stage, outputs


def commit_outputs(stage, outputs, results):
    """Check the written outputs, move them into place; returns the results with final paths."""
    for name, final, staged in outputs:
        if name in results and not os.path.exists(staged):
            raise InputError(
                f"Output {name} could not be written to '{final}' (no file was created). Check that the format "
                "is supported and the folder is writable."
                f" / 输出 {name} 未能写入“{final}”，请检查格式是否受支持以及文件夹是否可写。")
    stage.commit()
    return {key: stage.final(value) if isinstance(value, str) else value for key, value in results.items()}
