"""QGIS field configuration derived from the schema: aliases, constraints, defaults, widgets,
relations and drag-and-drop attribute forms.

What is configured here is saved in the layer styles stored in the workspace, so plain QGIS
shows the same forms and refuses the same values as the storage does.
"""

from contextlib import contextmanager

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorRelation,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsProject,
    QgsRelation,
    QgsRelationContext,
)

from ..domain.units import unit_label
from ..storage.schema import TABLES_BY_NAME, USER_EXPRESSION
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import schema_label, tr, vocabulary_label

NOT_NULL = QgsFieldConstraints.Constraint.ConstraintNotNull
UNIQUE = QgsFieldConstraints.Constraint.ConstraintUnique
EXPRESSION = QgsFieldConstraints.Constraint.ConstraintExpression
HARD = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard

# Relations of the workspace project: id -> (referencing table, column, referenced table, column).
RELATIONS = {
    "flows_company": ("flows", "company_uid", "companies", "uid"),
    "participants_synergy": ("synergy_participants", "synergy_uid", "synergies", "uid"),
    "events_synergy": ("synergy_events", "synergy_uid", "synergies", "uid"),
    "participants_company": ("synergy_participants", "company_uid", "companies", "uid"),
    "participants_flow": ("synergy_participants", "flow_uid", "flows", "uid"),
    "reviews_offer": ("link_reviews", "offer_flow_uid", "flows", "uid"),
    "reviews_need": ("link_reviews", "need_flow_uid", "flows", "uid"),
}


def relation_names():
    return {
        "flows_company": tr("Flows of the company"),
        "participants_synergy": tr("Participants of the synergy"),
        "events_synergy": tr("History of the synergy"),
        "participants_company": tr("Synergies of the company"),
        "participants_flow": tr("Synergies of the flow"),
        "reviews_offer": tr("Reviews of the offer"),
        "reviews_need": tr("Reviews of the need"),
    }


# The tabs of each table's form: (tab title, [fields or "relation:<id>"]).
def form_tabs():
    return {
        "companies": [
            (tr("Company"), ["name", "siret", "naf_code", "headcount_band", "status", "advisor",
                             "last_verified"]),
            (tr("Location"), ["address", "postcode", "commune", "commune_code", "zone"]),
            (tr("Contact (personal data)"), ["contact_name", "contact_email", "contact_phone"]),
            (tr("Flows"), ["relation:flows_company"]),
            (tr("Synergies"), ["relation:participants_company"]),
            (tr("Notes and provenance"), ["notes", "source", "uid", "created_at", "updated_at",
                                          "updated_by"]),
        ],
        "flows": [
            (tr("Flow"), ["company_uid", "direction", "family", "resource_code", "label", "quantity",
                          "unit", "availability", "hazardous", "priority", "confidentiality"]),
            (tr("Current situation"), ["current_route", "current_cost_eur", "notes"]),
            (tr("Follow-up"), ["advisor", "status", "last_verified", "uid", "created_at",
                               "updated_at", "updated_by"]),
            (tr("Synergies"), ["relation:participants_flow"]),
        ],
        "synergies": [
            (tr("Synergy"), ["title", "kind", "resource_code", "status", "abandon_reason", "quantity",
                             "unit", "advisor", "confidentiality"]),
            (tr("Participants"), ["relation:participants_synergy"]),
            (tr("Outcomes"), ["diverted_t_per_year", "savings_eur_per_year",
                              "co2e_avoided_t_per_year", "distance_km"]),
            (tr("Next action"), ["next_action", "next_action_date", "notes"]),
            (tr("History"), ["relation:events_synergy"]),
            (tr("Record"), ["uid", "created_at", "updated_at", "updated_by"]),
        ],
    }


def _value_map(vocabulary):
    return QgsEditorWidgetSetup("ValueMap", {"map": [{vocabulary_label(label): value}
                                                     for value, label in vocabulary.items()]})


def _plain_value_map(values):
    return QgsEditorWidgetSetup("ValueMap", {"map": [{value: value} for value in values]})


def _date_widget(with_time):
    fmt = "yyyy-MM-ddTHH:mm:ss" if with_time else "yyyy-MM-dd"
    return QgsEditorWidgetSetup("DateTime", {
        "field_format": fmt, "display_format": "yyyy-MM-dd HH:mm" if with_time else "yyyy-MM-dd",
        "calendar_popup": True, "allow_null": True, "field_iso_format": False})


def _value_relation(target, key, value, language, filter_expression=""):
    return QgsEditorWidgetSetup("ValueRelation", {
        "Layer": target.id(), "LayerName": target.name(), "LayerSource": target.source(),
        "LayerProviderName": target.providerType(), "Key": key,
        "Value": "{}_{}".format(value, language), "AllowNull": True, "OrderByValue": False,
        "AllowMulti": False, "UseCompleter": True, "NofColumns": 1,
        "FilterExpression": filter_expression})


def _relation_reference(relation_id):
    return QgsEditorWidgetSetup("RelationReference", {
        "Relation": relation_id, "AllowNULL": True, "ShowForm": False, "MapIdentification": True,
        "ReadOnly": False, "OrderByValue": True, "ShowOpenFormButton": True,
        "AllowAddFeatures": False})


def leave_logins_to_the_server(layer, table_name):
    """On a team workspace the "who" columns (advisor, by, updated_by) are filled by the server
    with the database login, which row-level security compares them with: no QGIS default (the
    computer's user name) for them."""
    for column in TABLES_BY_NAME[table_name].columns:
        if column.default_expression == USER_EXPRESSION:
            layer.setDefaultValueDefinition(layer.fields().indexOf(column.name), QgsDefaultValue())


def configure_fields(layer, table_name, layers, language, logins_by_server=False):
    """Aliases, constraints, defaults and editor widgets of ``layer`` from the schema
    (``logins_by_server``: the storage fills the "who" columns itself)."""
    table = TABLES_BY_NAME[table_name]
    fields = layer.fields()
    fid = fields.indexOf("fid")
    if fid >= 0:
        layer.setEditorWidgetSetup(fid, QgsEditorWidgetSetup("Hidden", {}))
    for column in table.columns:
        index = fields.indexOf(column.name)
        layer.setFieldAlias(index, schema_label(column.label))
        if column.required:
            layer.setFieldConstraint(index, NOT_NULL, HARD)
        if column.unique:
            layer.setFieldConstraint(index, UNIQUE, HARD)
        rules = [check.qgis(column.name) for check in column.checks]
        messages = [schema_label(check.message) for check in column.checks]
        for check in table.checks:
            if check.field == column.name:
                rules.append(check.qgis)
                messages.append(schema_label(check.message))
        if rules:
            expression = " AND ".join("({})".format(rule) for rule in rules)
            if not column.required:
                expression = '"{}" IS NULL OR ({})'.format(column.name, expression)
            layer.setConstraintExpression(index, expression, " ".join(dict.fromkeys(messages)))
        if column.default_expression:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(
                column.default_expression, bool(column.update_expression)))
        layer.setEditorWidgetSetup(index, _widget(column, table_name, layers, language))
        if column.name in ("uid", "created_at", "updated_at", "updated_by"):
            config = layer.editFormConfig()
            config.setReadOnly(index, True)
            layer.setEditFormConfig(config)
    if logins_by_server:
        leave_logins_to_the_server(layer, table_name)
    if table.display_expression:
        layer.setDisplayExpression(table.display_expression)


def _widget(column, table_name, layers, language):
    if isinstance(column.vocabulary, dict):
        return _value_map(column.vocabulary)
    if column.name == "unit" and column.vocabulary:  # stored canonical (t/yr), read in the workspace's language (t/an)
        return QgsEditorWidgetSetup("ValueMap", {"map": [{unit_label(unit, language): unit}
                                                         for unit in column.vocabulary]})
    if column.vocabulary is not None:
        return _plain_value_map(column.vocabulary)
    if column.references:
        for relation_id, (referencing, field, _referenced, _key) in RELATIONS.items():
            if referencing == table_name and field == column.name:
                return _relation_reference(relation_id)
        target = layers.get(column.referenced_table)
        if target is not None:
            filter_expression = ""
            if column.referenced_table == "resource_nomenclature":
                filter_expression = "\"level\" = 'entry'"
                if table_name == "flows":
                    filter_expression += " AND \"family\" = current_value('family')"
            return _value_relation(target, column.referenced_column, "display", language,
                                   filter_expression)
    if column.type == "boolean":
        return QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": ""})
    if column.type in ("date", "datetime"):
        return _date_widget(column.type == "datetime")
    if column.name in ("notes", "comment", "abandon_reason", "next_action", "reason"):
        return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
    if column.type == "real":
        return QgsEditorWidgetSetup("Range", {"AllowNull": True, "Min": -1e15, "Max": 1e15,
                                              "Precision": 2, "Step": 1, "Style": "SpinBox"})
    return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False, "UseHtml": False})


def build_relations(project, layers):
    """Add the workspace's relations to ``project`` and return them by id."""
    names = relation_names()
    manager = project.relationManager()
    relations = {}
    for relation_id, (referencing, field, referenced, key) in RELATIONS.items():
        relation = QgsRelation(QgsRelationContext(project))
        relation.setId(relation_id)
        relation.setName(names[relation_id])
        relation.setReferencingLayer(layers[referencing].id())
        relation.setReferencedLayer(layers[referenced].id())
        relation.addFieldPair(field, key)
        if not relation.isValid():
            raise RuntimeError("relation {} is not valid".format(relation_id))
        manager.addRelation(relation)
        relations[relation_id] = relation
    return relations


@contextmanager
def relations_known_to_forms(project, relations):
    """Let relation editors of forms built for ``project`` resolve ``relations``.

    QGIS resolves the relation of a form's relation editor in the *current* project's
    relation manager (QgsEditFormConfig::onRelationsLoaded), whichever project the layer
    belongs to. When the workspace project is built beside the current one, its relations are
    lent to the current project meanwhile, and whatever had the same ids is put back after: the
    current project is left as it was found, unmodified when it was.
    """
    current = QgsProject.instance()
    if project is current:
        yield
        return
    was_dirty = current.isDirty()  # lending relations marks the current project as modified
    manager = current.relationManager()
    shadowed = {rid: manager.relation(rid) for rid in relations if manager.relation(rid).isValid()}
    for relation in relations.values():
        manager.addRelation(relation)
    try:
        yield
    finally:
        for relation_id in relations:
            manager.removeRelation(relation_id)
        for relation in shadowed.values():
            manager.addRelation(relation)
        current.setDirty(was_dirty)


def build_form(layer, table_name, relations, tabs=None):
    """A tabbed drag-and-drop form for companies, flows and synergies (``tabs``: [(title, [field
    or "relation:id"])], the workspace's own by default)."""
    tabs = tabs if tabs is not None else form_tabs().get(table_name)
    if not tabs:
        return
    config = layer.editFormConfig()
    config.setLayout(enum_value(QgsEditFormConfig, "EditorLayout.TabLayout", "TabLayout"))
    root = config.invisibleRootContainer()
    root.clear()
    fields = layer.fields()
    for title, items in tabs:
        tab = QgsAttributeEditorContainer(title, root)
        if hasattr(tab, "setType"):
            tab.setType(enum_value(_qgis(), "AttributeEditorContainerType.Tab"))
        else:
            tab.setIsGroupBox(False)
        for item in items:
            if item.startswith("relation:"):
                relation = relations[item.split(":", 1)[1]]
                element = QgsAttributeEditorRelation(relation, tab)
                element.setLabel(relation.name())
                tab.addChildElement(element)
            else:
                tab.addChildElement(QgsAttributeEditorField(item, fields.indexOf(item), tab))
        root.addChildElement(tab)
    layer.setEditFormConfig(config)


def _qgis():
    from qgis.core import Qgis

    return Qgis
