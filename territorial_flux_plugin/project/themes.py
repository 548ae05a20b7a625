"""Map themes of the workspace project: ready-to-read maps of the value-chain analysis.

- **Synergies**: synergies by status (substitutions as arrows from supplier to receiver, width
  by quantity), companies as small grey dots behind them, the territory's areas.
- **Missing links**: at territory scale, the missing links per area and the possible links between
  areas, as the printed map draws them (``overview.py``); zoomed in closer than 1:60 000, unmet needs
  (squares) and orphan offers (triangles) coloured by family and sized by quantity, possible links
  as thin dashed lines; companies faded (those without flows most), areas.
- **Metabolism**: each company with flows as one symbol: colour of its main resource family,
  size by its number of flows, triangle up for offers only, down for needs only, circle for
  both; areas underneath. Readable at the scale of a département.

Theme names follow the interface language when the workspace is made; the project keeps the
name of each theme under ``TerritorialFlux/themes/<key>`` so that other features (printed maps)
find them whatever the language.
"""

from qgis.core import QgsMapThemeCollection

from ..domain.messages import QT_TRANSLATE_NOOP
from ..toolbelt.i18n import tr
from . import styles

THEMES = (
    ("synergies", QT_TRANSLATE_NOOP("TerritorialFlux", "Synergies")),
    ("missing_links", QT_TRANSLATE_NOOP("TerritorialFlux", "Missing links")),
    ("metabolism", QT_TRANSLATE_NOOP("TerritorialFlux", "Metabolism")),
)

# Theme key -> [(table, named style or None for the default style)], top layer first.
THEME_LAYERS = {
    "synergies": [("synergies", None), ("companies", "background"), ("areas", None)],
    "missing_links": [("missing_areas", None), ("area_flows", None), ("missing_links", None),
                      ("possible_links", None), ("companies", "faded"), ("areas", None)],
    "metabolism": [("metabolism", None), ("areas", None)],
}

NAMED_STYLES = {
    "companies": {"background": styles.style_companies_background, "faded": styles.style_companies_faded},
}

PROPERTY_SCOPE = "TerritorialFlux"


def theme_name(key, project=None):
    """The name of the theme ``key`` in ``project`` (or in the current language)."""
    if project is not None:
        name, found = project.readEntry(PROPERTY_SCOPE, "themes/" + key, "")
        if found and name:
            return name
    return tr(dict(THEMES)[key])


def add_named_styles(layers):
    """Add the theme variants of the layers' styles to their style managers (default kept)."""
    for table, variants in NAMED_STYLES.items():
        layer = layers.get(table)
        if layer is None:
            continue
        manager = layer.styleManager()
        original = manager.currentStyle()
        for name, styler in variants.items():
            if name in manager.styles():
                manager.removeStyle(name)
            manager.addStyle(name, manager.style(original))
            manager.setCurrentStyle(name)
            styler(layer)
            manager.setCurrentStyle(original)


def add_map_themes(project, layers):
    """Create (or replace) the map themes of the workspace in ``project``.

    ``layers``: the workspace layers by table name (and the aggregated layers by key, see
    ``overview.py``), already in ``project``'s layer tree.
    """
    add_named_styles(layers)
    collection = project.mapThemeCollection()
    for key, _label in THEMES:
        name = theme_name(key)
        record = QgsMapThemeCollection.MapThemeRecord()
        layer_records = []
        for table, style in THEME_LAYERS[key]:
            layer = layers.get(table)
            if layer is None:
                continue
            layer_record = QgsMapThemeCollection.MapThemeLayerRecord(layer)
            layer_record.usingCurrentStyle = True
            layer_record.currentStyle = style or layer.styleManager().currentStyle()
            layer_records.append(layer_record)
        record.setLayerRecords(layer_records)
        if collection.hasMapTheme(name):
            collection.update(name, record)
        else:
            collection.insert(name, record)
        project.writeEntry(PROPERTY_SCOPE, "themes/" + key, name)


def theme_layers(project, key):
    """The layers the theme ``key`` shows in ``project`` (empty when there is no such theme)."""
    collection = project.mapThemeCollection()
    name = theme_name(key, project)
    if not collection.hasMapTheme(name):
        return []
    return [layer for layer in collection.mapThemeVisibleLayers(name) if layer is not None]
