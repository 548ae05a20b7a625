"""Qt5/Qt6 and QGIS 3.22-to-4 compatibility, in one place."""


def enum_value(owner, *paths):
    """The first of ``paths`` (dotted attribute paths on ``owner``) that exists.

    QGIS moves enums between releases (``QgsSymbolLayer.PropertyLayerEnabled`` became
    ``QgsSymbolLayer.Property.LayerEnabled``); callers list the scoped spelling first.
    """
    for path in paths:
        value = owner
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        return value
    raise AttributeError("{} has none of {}".format(owner, paths))


def field_type(kind):
    """The type a QgsField takes for ``kind`` (text, real, integer, boolean, date, datetime):
    ``QMetaType.Type`` from QGIS 3.38 (the only one on Qt6), ``QVariant.Type`` before."""
    from qgis.core import Qgis

    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        types = QMetaType.Type
        names = {"text": "QString", "real": "Double", "integer": "LongLong", "boolean": "Bool",
                 "date": "QDate", "datetime": "QDateTime"}
    else:
        from qgis.PyQt.QtCore import QVariant

        types = QVariant
        names = {"text": "String", "real": "Double", "integer": "LongLong", "boolean": "Bool",
                 "date": "Date", "datetime": "DateTime"}
    return getattr(types, names[kind])


def save_style_to_database(layer, name, description):
    """Save ``layer``'s style as the default style of its table in the storage's ``layer_styles``;
    returns an error text, empty on success. ``saveStyleToDatabaseV2`` where it exists (QGIS 3.44
    deprecates the first one; an SLD the renderer cannot express is not a failure)."""
    saver = getattr(layer, "saveStyleToDatabaseV2", None)
    if saver is None:
        return layer.saveStyleToDatabase(name, description, True, "")
    outcome, error = saver(name, description, True, "")
    from qgis.core import QgsMapLayer

    failed = int(QgsMapLayer.SaveStyleResult.QmlGenerationFailed) | int(QgsMapLayer.SaveStyleResult.DatabaseWriteFailed)
    return (error or "failed") if int(outcome) & failed else ""
