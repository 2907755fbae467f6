"""Attribute values of the features Processing hands to an algorithm, and the field lists of
outputs that extend an input layer."""
from qgis.core import QgsField, QgsFields
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
