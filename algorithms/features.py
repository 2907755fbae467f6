"""Attribute values of the features Processing hands to an algorithm, and the field lists of
outputs that extend an input layer."""
from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry
from qgis.PyQt.QtCore import QVariant


def plain(value):
    """A Python value of an attribute, None for NULL (QGIS gives a null QVariant)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    return value


def extended_fields(source_fields, added):
    """The source's fields plus ``added`` ((name, QVariant type)); a field already present is reused."""
    fields = QgsFields(source_fields)
    for name, kind in added:
        if fields.indexFromName(name) < 0:
            fields.append(QgsField(name, kind))
    return fields


def fields_of(names, types):
    """Fields ``names``, each of the QVariant type in ``types`` (default Double)."""
    fields = QgsFields()
    for name in names:
        fields.append(QgsField(name, types.get(name, QVariant.Double)))
    return fields


def polygon_feature(fields, wkb, record):
    """A multi-polygon feature from ``wkb`` with the attributes ``record[name]`` of ``fields``."""
    feature = QgsFeature(fields)
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    geometry.convertToMultiType()
    feature.setGeometry(geometry)
    feature.setAttributes([record[field.name()] for field in fields])
    return feature
