"""Parameter helpers shared by the weighting and overlay wrappers: weights tables, factor tables,
layer names as raster paths, report tables. No arithmetic: values are passed to the cores as read."""
import math
import os
import warnings

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProject,
    QgsRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ...core.resistance.factor_table import parse_weights_table, read_factor_csv, rows_from_matrix
from ...core.resistance.overlay import REPORT_FIELDS
from ...core.runtime.errors import EcoSecurityWarning, InputError
from ..features import plain


def add_factor_table_parameters(algorithm, headers, strict_description):
    """The factor-table parameters shared by resistancesurface and suitability: FACTORS (matrix),
    FACTOR_TABLE (CSV), WEIGHTS_TABLE, STRICT_WEIGHTS (described by ``strict_description``), REPROJECT."""
    translate = QCoreApplication.translate
    algorithm.addParameter(QgsProcessingParameterMatrix(
        "FACTORS", translate("FactorInputs", "Factor table"), headers=list(headers), hasFixedNumberRows=False,
        optional=True))
    algorithm.addParameter(QgsProcessingParameterFile(
        "FACTOR_TABLE", translate("FactorInputs", "Or factor table CSV file"), extension="csv", optional=True))
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        "WEIGHTS_TABLE", translate("FactorInputs", "Weights table (criterion, weight) for factors without a weight"),
        [QgsProcessing.TypeVector], optional=True))
    algorithm.addParameter(QgsProcessingParameterBoolean("STRICT_WEIGHTS", strict_description, False))
    algorithm.addParameter(QgsProcessingParameterBoolean(
        "REPROJECT", translate("FactorInputs", "Reproject factors in another CRS (else refuse them)"), True))


def read_weights_table(algorithm, parameters, name, context):
    """``{criterion: weight}`` from a table with fields ``criterion`` and ``weight`` (None when not given)."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        return None
    fields = [field.name().lower() for field in source.fields()]
    if "criterion" not in fields or "weight" not in fields:
        raise QgsProcessingException(QCoreApplication.translate(
            "FactorInputs",
            "The weights table needs the fields 'criterion' and 'weight' (as written by ecosecurity:ahpweights "
            "and ecosecurity:entropyweights); it has {0}.").format(", ".join(fields)))
    criterion, weight = fields.index("criterion"), fields.index("weight")
    records = [(plain(feature.attributes()[criterion]), plain(feature.attributes()[weight]))
               for feature in source.getFeatures()]
    return parse_weights_table(records, f"Weights table {name} ('{_source_name(algorithm, parameters, name, context)}')")


def _source_name(algorithm, parameters, name, context):
    """The file (or layer name) behind the table parameter ``name``, for messages."""
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    return layer.source().split("|")[0] if layer is not None else str(parameters.get(name))


def _number(value):
    value = plain(value)
    try:
        return math.nan if value is None or str(value).strip() == "" else float(value)
    except (TypeError, ValueError):
        return None


def numeric_columns(source, names=None):
    """``(names, rows)`` of the fields of ``source`` whose values are all numbers (text from CSV included).

    ``names`` restricts to those fields; a named field with a non-number is an error.
    """
    fields = [field.name() for field in source.fields()]
    records = [feature.attributes() for feature in source.getFeatures()]
    chosen = []
    for name in names or fields:
        index = fields.index(name)
        column = [_number(record[index]) for record in records]
        bad = [k for k, value in enumerate(column) if value is None]
        if bad:
            value = records[bad[0]][index]
            if names:
                raise InputError(
                    f"Field '{name}' of the table holds values that are not numbers: row {bad[0] + 1} has '{value}' "
                    f"({len(bad)} such row(s)). Correct them or leave them empty (the row is then skipped). "
                    f"/ 字段“{name}”含有非数值：第 {bad[0] + 1} 行为 '{value}'（共 {len(bad)} 行），请改正或留空。")
            if any(not math.isnan(v) for v in column if v is not None):   # numbers mixed with text: say so
                warnings.warn(
                    f"Field '{name}' is left out of the entropy weights: row {bad[0] + 1} holds '{value}', which is "
                    f"not a number ({len(bad)} such row(s)). Correct the values or choose the fields to use. "
                    f"/ 字段“{name}”含非数值（第 {bad[0] + 1} 行为 '{value}'，共 {len(bad)} 行），未参与计算。",
                    EcoSecurityWarning, stacklevel=2)
            else:
                warnings.warn(
                    f"Field '{name}' is not numeric and is left out of the entropy weights. "
                    f"/ 字段“{name}”不是数值字段，未参与计算。", EcoSecurityWarning, stacklevel=2)
            continue
        chosen.append((name, column))
    if not chosen:
        raise QgsProcessingException(QCoreApplication.translate("FactorInputs",
                                                                "The table has no numeric field."))
    return [name for name, _ in chosen], [list(row) for row in zip(*[column for _, column in chosen])]


def layer_resolver(context):
    """``resolve(text) -> path``: a file path as is, else the source of the project raster layer so named."""
    project = context.project() or QgsProject.instance()

    def resolve(text):
        if os.path.exists(text) or not project:
            return text
        layers = [layer for layer in project.mapLayersByName(text) if isinstance(layer, QgsRasterLayer)]
        return layers[0].source() if layers else text
    return resolve


def factor_rows(algorithm, parameters, matrix_name, file_name, context, headers, require_function=False):
    """Factor-table rows from the dialog matrix or from the CSV file (exactly one of them)."""
    path = algorithm.parameterAsFile(parameters, file_name, context)
    matrix = algorithm.parameterAsMatrix(parameters, matrix_name, context) or []
    cells = ["" if plain(cell) is None else str(cell) for cell in matrix]
    if not any(cell.strip() for cell in cells):
        cells = []
    if path and cells:
        raise QgsProcessingException(QCoreApplication.translate(
            "FactorInputs",
            "Give the factors either in the table ({0}) or as a CSV file ({1}), not both.").format(
                matrix_name, file_name))
    if path:
        return read_factor_csv(path, require_function)
    if not cells:
        raise QgsProcessingException(QCoreApplication.translate(
            "FactorInputs",
            "Give the factors: fill in the factor table ({0}) or choose a CSV factor table ({1}); templates are in "
            "the plugin's templates folder.").format(matrix_name, file_name))
    return rows_from_matrix(cells, headers, require_function)


def write_rows(algorithm, parameters, name, context, columns, rows):
    """Write dict ``rows`` to the table sink ``name`` (optional); ``columns`` = [(field, QVariant type)]."""
    fields = QgsFields()
    for field_name, kind in columns:
        fields.append(QgsField(field_name, kind))
    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.NoGeometry)
    if sink is None:
        return None
    for row in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([row.get(field_name) for field_name, _kind in columns])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    return dest_id


REPORT_COLUMNS = [(name, QVariant.Double if name == "weight" else QVariant.String) for name in REPORT_FIELDS]
