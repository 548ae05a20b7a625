"""What a printed page draws, per theme, atlas and background: the print layers (read-only,
filtered per confidentiality level, see :mod:`.layers`), the layers aggregated per area that a
territory-wide page shows instead of individual marks, and the background.

- ``missinglinks`` on the whole territory (no atlas, or one page per family): the missing links
  per area (communes, else zones, else hexagons) and the possible links as flows between areas
  (:mod:`..analysis.aggregates`), companies faded. On a page of one commune or zone, zoomed in,
  the individual missing links and possible links.
- ``ATLAS=family``: one page per resource family, each layer drawing only that family's marks
  (its renderer compares the feature's family with the atlas page's).
- Backgrounds: ``areas`` (the areas' outlines and names), ``osm`` and ``planign`` (web tiles under
  the outlines, see :mod:`.backgrounds`), ``none``.
"""

from qgis.core import QgsCategorizedSymbolRenderer

from ..analysis import aggregates
from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..project import aggregate_styles
from ..toolbelt.i18n import tr
from . import layers as print_layers

BACKGROUNDS = ("areas", "osm", "planign", "none")
#: layers whose features are marks of a resource family, and the expression of that family
FAMILY_EXPRESSIONS = {"missing_links": "\"family\"", "possible_links": "\"family\"", "metabolism": "\"main_family\"",
                      "synergies": "\"family\"", "missing_areas": "\"family\"", "area_flows": "\"family\""}


def aggregation_title(kind, hex_size, geographic=False):
    """How the areas of an aggregated map are named in its legend (the hexagons' size stated)."""
    if kind == "commune":
        return tr("per commune")
    if kind == "zone":
        return tr("per business zone")
    if geographic:
        return tr("per hexagon of {size}° across").format(size="{:g}".format(hex_size))
    return tr("per hexagon of {size} km across").format(size="{:g}".format(hex_size / 1000.0))


class Page:
    """The layers of one print, top first, with their legend titles; ``counted``: the ids of the
    layers whose legend shows feature counts; ``unlisted``: not in the legend (the web tiles)."""

    def __init__(self):
        self.layers, self.titles, self.counted, self.unlisted = [], {}, set(), set()
        self.attribution = ""

    def add(self, layer, title, counted=False, listed=True):
        self.layers.append(layer)
        self.titles[layer.id()] = title
        if counted:
            self.counted.add(layer.id())
        if not listed:
            self.unlisted.add(layer.id())


def _largest(layer, field):
    values = [int(v) for v in layer.uniqueValues(layer.fields().indexOf(field)) if v not in (None, "")]
    return max(values) if values else 1


def _print_query_layer(workspace, table, key, sql, geometry, level):
    layer = workspace.query_layer(key, sql, table, geometry)
    if not layer.isValid():
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Cannot read the table {table} of {path}."), table=table, path=workspace.reference)
    layer.setCustomProperty(print_layers.PRINT_PROPERTY, "{}|{}".format(table, level))
    layer.setReadOnly(True)
    return layer


def hex_size(workspace):
    return aggregates.hexagon_size(workspace.extent("companies"), workspace.crs.isGeographic())


def aggregated_layers(workspace, level, family_page=False):
    """The missing links per area and the possible links between areas at ``level``: two print
    layers (``missing_areas``, ``area_flows``), the kind of area they count on and the hexagons' size."""
    size = hex_size(workspace)
    kind = aggregates.aggregation_kind(workspace)
    visible = "confidentiality IN {}".format(print_layers.levels_sql(level))
    suffix = "family_" if family_page else ""
    family = FAMILY_EXPRESSIONS["missing_areas"] if family_page else None
    missing = _print_query_layer(
        workspace, "missing_areas", "print_missing_areas_{}{}".format(suffix, level),
        aggregates.missing_sql(workspace, size, "m." + visible, by_family=family_page), "POINT", level)
    aggregate_styles.style_missing_areas(missing, _largest(missing, "flows"), family)
    flows = _print_query_layer(
        workspace, "area_flows", "print_area_flows_{}{}".format(suffix, level),
        aggregates.flows_sql(workspace, size, "p." + visible, by_family=family_page), "LINESTRING", level)
    aggregate_styles.style_area_flows(flows, _largest(flows, "links"), family)
    return missing, flows, kind, size


def only_family_on_its_page(layer, family_expression):
    """Make a categorized print layer draw a feature only on the atlas page of its family."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    attribute = renderer.classAttribute()
    if "@atlas_feature" in attribute:
        return
    if not any(c in attribute for c in "\"'|(") and " " not in attribute:
        attribute = '"{}"'.format(attribute)
    renderer.setClassAttribute("if({} = attribute(@atlas_feature, 'family'), {}, NULL)".format(
        family_expression, attribute))


#: a possible link belongs to a page of one commune (zone) when its supplier or receiver lies in it
ENDS_IN_PAGE = ("intersects(start_point(geometry_n($geometry, 1)), @atlas_geometry) OR "
                "intersects(end_point(geometry_n($geometry, num_geometries($geometry))), @atlas_geometry)")


def only_in_its_area(layer, table):
    """On a page of one commune (zone): draw only the missing links of its companies and the
    possible links that start or end in it, not the territory's lines crossing it."""
    renderer = layer.renderer()
    condition = ENDS_IN_PAGE if table == "possible_links" else "intersects($geometry, @atlas_geometry)"
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        attribute = renderer.classAttribute()
        renderer.setClassAttribute("if({}, {}, NULL)".format(condition, attribute))
        return
    from qgis.core import QgsRendererCategory

    symbol = renderer.symbol().clone() if hasattr(renderer, "symbol") else None
    if symbol is None:
        return
    layer.setRenderer(QgsCategorizedSymbolRenderer("if({}, 'shown', NULL)".format(condition), [
        QgsRendererCategory("shown", symbol, tr("From or to this page's companies"))]))


def synergies_with_family_sql(workspace, level):
    """The print layer of the synergies at ``level``, with their resource's family."""
    columns = ", ".join('s."{}"'.format(c) for c in ["fid", "geom"] + print_layers.public_columns("synergies"))
    return ("SELECT {columns}, n.family AS family FROM {synergies} s LEFT JOIN {nomenclature} n ON "
            "n.code = s.resource_code WHERE s.confidentiality IN {visible}").format(
        columns=columns, synergies=workspace.qualified("synergies"),
        nomenclature=workspace.qualified("resource_nomenclature"), visible=print_layers.levels_sql(level))


def family_coverage_sql(workspace, theme, level, frame):
    """The atlas pages of ``ATLAS=family``: the families with missing links (theme ``missinglinks``),
    with synergies (``synergies``) or with flows (``metabolism``) visible at ``level``."""
    from ..domain.vocabulary import FAMILIES
    from ..toolbelt.i18n import vocabulary_label

    visible = print_layers.levels_sql(level)
    if theme == "missinglinks":
        families = "SELECT DISTINCT family FROM {} WHERE confidentiality IN {}".format(
            workspace.qualified("missing_links"), visible)
    elif theme == "synergies":
        families = ("SELECT DISTINCT n.family AS family FROM {} s JOIN {} n ON n.code = s.resource_code "
                    "WHERE s.confidentiality IN {}").format(workspace.qualified("synergies"),
                                                            workspace.qualified("resource_nomenclature"), visible)
    else:
        families = ("SELECT DISTINCT family FROM {} WHERE status = 'active' AND direction IN ('offer', 'need') "
                    "AND confidentiality IN {}").format(workspace.qualified("flows"), visible)
    title = print_layers.theme_title(theme)
    labels = " ".join("WHEN '{}' THEN '{}'".format(key, vocabulary_label(label).replace("'", "''"))
                      for key, label in FAMILIES.items())
    titles = " ".join("WHEN '{}' THEN '{}'".format(key, tr("{family} — {theme}").format(
        family=vocabulary_label(label), theme=title).replace("'", "''")) for key, label in FAMILIES.items())
    polygon = "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
        repr(frame.xMinimum()), repr(frame.yMinimum()), repr(frame.xMaximum()), repr(frame.yMaximum()))
    geom = workspace.geometry_output("ST_GeomFromText('{}', {})".format(polygon, workspace.srid))
    return ("SELECT row_number() OVER (ORDER BY family) AS fid, {geom} AS geom, 'family' AS kind, family AS code, "
            "family, CASE family {labels} ELSE family END AS name, CASE family {titles} ELSE family END AS title "
            "FROM ({families}) AS f WHERE family IS NOT NULL").format(geom=geom, labels=labels, titles=titles,
                                                                       families=families)


def _cells_layer(workspace, level, size):
    layer = _print_query_layer(workspace, "hexagons", "print_hexagons_{}".format(level),
                               aggregates.cells_sql(workspace, size), "POLYGON", level)
    aggregate_styles.style_hexagons(layer)
    return layer


def page_content(workspace, settings, frame, feedback):
    """The :class:`Page` of a print of ``settings`` (a PrintSettings) framed on ``frame``."""
    from ..domain.errors import fail
    from ..project import backgrounds
    from ..toolbelt.log import log, warning_level

    theme, level, atlas, background = settings.theme, settings.level, settings.atlas, settings.background
    if background not in BACKGROUNDS:
        fail(QT_TRANSLATE_NOOP("Validation", "'{value}' is not a background; use one of: {words}."),
             value=background, words=", ".join(BACKGROUNDS))
    page = Page()
    family_page = atlas == "family"
    titles = print_layers.table_titles()
    kind = None
    if theme == "missinglinks" and atlas in ("none", "family"):
        missing, flows, kind, size = aggregated_layers(workspace, level, family_page)
        per = aggregation_title(kind, size, workspace.crs.isGeographic())
        page.add(missing, tr("Missing links {per}").format(per=per))
        page.add(flows, {"commune": tr("Possible links between communes"),
                         "zone": tr("Possible links between business zones")}.get(kind, tr("Possible links between "
                                                                                          "hexagons")))
        page.add(print_layers.print_layer(workspace, "companies", level, "faded"), titles["companies"], counted=True)
    else:
        for table, style in print_layers.THEME_LAYERS[theme]:
            if table == "areas":
                continue
            if family_page and table == "synergies":
                layer = _print_query_layer(workspace, "synergies", "print_synergies_family_{}".format(level),
                                           synergies_with_family_sql(workspace, level), "MULTILINESTRING", level)
                from ..project import styles

                styles.style_synergies(layer)
            else:
                layer = print_layers.print_layer(workspace, table, level, style)
            if family_page and table in FAMILY_EXPRESSIONS:
                only_family_on_its_page(layer, FAMILY_EXPRESSIONS[table])
            if atlas in ("commune", "zone") and table in ("missing_links", "possible_links"):
                only_in_its_area(layer, table)
            page.add(layer, titles[table], counted=True)
    if background != "none":
        if kind == "hexagon":
            page.add(_cells_layer(workspace, level, size), tr("Hexagons of the grid"))
        areas = print_layers.print_layer(workspace, "areas", level)
        aggregate_styles.style_area_outlines(areas)
        page.add(areas, titles["areas"])
    if background in backgrounds.WEB:
        if backgrounds.reachable(background):
            page.add(backgrounds.tile_layer(background), backgrounds.title(background), listed=False)
            page.attribution = backgrounds.ATTRIBUTIONS[background]
        else:
            message = tr("The background tiles of {host} could not be reached: the map is printed without "
                         "them.").format(host=backgrounds.host(background))
            feedback.pushWarning(message)
            log(message, warning_level())
    return page
