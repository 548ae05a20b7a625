"""Edits of companies, flows and synergies through QGIS's own editing model.

Every change goes into the layers' edit buffers inside one edit command per layer (so QGIS's
undo/redo sees it). When a layer was not being edited, the change is saved at once and the layer
leaves edit mode; when the user was already editing it, the change stays in the buffer for the
user to save or roll back with QGIS's tools, as any other pending edit. Nothing is written behind
QGIS's back.
"""

import datetime
import getpass
import uuid

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsVectorLayerUtils

from ..domain.errors import ConflictError, TerritorialFluxError
from ..domain.flows import flow_problems, substitution_problem
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.nomenclature import resolve_code, resources_by_code
from ..domain.quantities import language_comma, parse_quantity
from ..domain.statuses import check_transition
from ..domain.timestamps import utc_now
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS, confidentiality_rank
from ..toolbelt.i18n import language


def user_name():
    from qgis.core import QgsExpressionContextUtils

    name = QgsExpressionContextUtils.globalScope().variable("user_account_name")
    return name or getpass.getuser()


def today_iso():
    return datetime.date.today().isoformat()


def new_uid():
    return str(uuid.uuid4())


def _quote(value):
    return "'{}'".format(str(value).replace("'", "''"))


def feature_by_uid(layer, uid):
    request = QgsFeatureRequest().setFilterExpression('"uid" = {}'.format(_quote(uid)))
    return next(layer.getFeatures(request), None)


def features_where(layer, field, value):
    request = QgsFeatureRequest().setFilterExpression('"{}" = {}'.format(field, _quote(value)))
    return list(layer.getFeatures(request))


def attributes(feature):
    return {name: (None if _is_null(value) else value)
            for name, value in zip(feature.fields().names(), feature.attributes())}


def _is_null(value):
    if value is None:
        return True
    try:
        from qgis.PyQt.QtCore import QVariant

        if isinstance(value, QVariant):
            return value.isNull()
    except ImportError:  # pragma: no cover
        pass
    return False


class EditSession:
    """``with EditSession([layers], "text"):`` — one edit command per layer, saved if QGIS was not editing.

    ``session.expect(layer, feature, version)`` makes the save conditional on the row still being
    at the version the user loaded (optimistic locking, see :mod:`.locking`).
    """

    def __init__(self, layers, text):
        self.layers = [layer for layer in dict.fromkeys(layers) if layer is not None]
        self.text = text
        self.started = []
        self.expected = {}

    def expect(self, layer, feature, version):
        from . import locking

        if version is None or layer.fields().indexOf("row_version") < 0:
            return
        locking.expect_version(layer, feature.id(), int(version))
        self.expected.setdefault(layer, {})[feature["uid"]] = int(version)

    def __enter__(self):
        for layer in self.layers:
            if not layer.isEditable():
                if not layer.startEditing():
                    raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP(
                        "Validation", "The layer {layer} cannot be edited."), layer=layer.name()))
                self.started.append(layer)
            layer.beginEditCommand(self.text)
        return self

    def __exit__(self, kind, value, traceback):
        if kind is not None:
            for layer in self.layers:
                layer.destroyEditCommand()
            for layer in self.started:
                layer.rollBack()
            return False
        for layer in self.layers:
            layer.endEditCommand()
        errors = []
        for layer in self.started:  # parents first; stop at the first refusal
            if not layer.commitChanges():
                errors.extend(layer.commitErrors())
                break
        if errors:
            for layer in self.started:
                if layer.isEditable():
                    layer.rollBack()
            from . import locking

            if self.expected and locking.is_conflict(errors):
                found = [c for layer, loaded in self.expected.items() for c in locking.layer_conflicts(layer, loaded)]
                raise ConflictError([c.message() for c in found], found)
            raise TerritorialFluxError(errors)
        return False


def _set(layer, feature, values):
    fields = layer.fields()
    for name, value in values.items():
        index = fields.indexOf(name)
        if index < 0:
            continue
        if not layer.changeAttributeValue(feature.id(), index, value):
            raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP(
                "Validation", "Cannot change {field} of {layer}."), field=name, layer=layer.name()))


def _add(layer, values, geometry=None):
    feature = QgsVectorLayerUtils.createFeature(layer, geometry or QgsGeometry(), {})
    fields = layer.fields()
    for name, value in values.items():
        if fields.indexOf(name) >= 0:
            feature[name] = value
    if not layer.addFeature(feature):
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP("Validation", "Cannot add a row to {layer}."),
                                layer=layer.name()))
    return feature


def stamp(values, author=None):
    values = dict(values)
    values["updated_at"] = utc_now()
    values["updated_by"] = author or user_name()
    return values


# --- companies ---------------------------------------------------------------------------------

def add_company(layers, values, point, author=None):
    """Add a company at ``point`` (QgsPointXY, workspace CRS); returns its uid."""
    values = dict(values)
    if not str(values.get("name") or "").strip():
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP("Validation", "Give the company a name.")))
    from ..domain.siret import normalise_siret, siret_problem

    if values.get("siret"):
        values["siret"] = normalise_siret(values["siret"])
        problem = siret_problem(values["siret"])
        if problem:
            raise TerritorialFluxError(problem)
    values.setdefault("uid", new_uid())
    values.setdefault("status", "active")
    values.setdefault("advisor", author or user_name())
    values.setdefault("last_verified", today_iso())
    with EditSession([layers["companies"]], "add company"):
        _add(layers["companies"], stamp(values, author), QgsGeometry.fromPointXY(QgsPointXY(point)))
    return values["uid"]


def archive_company(layers, uid, author=None):
    company = feature_by_uid(layers["companies"], uid)
    flows = [f for f in features_where(layers["flows"], "company_uid", uid) if f["status"] != "archived"]
    with EditSession([layers["companies"], layers["flows"]] if flows else [layers["companies"]], "archive company"):
        _set(layers["companies"], company, stamp({"status": "archived"}, author))
        for flow in flows:
            _set(layers["flows"], flow, stamp({"status": "archived"}, author))


def verify_company(layers, uid, author=None):
    """Stamp today's date as the company's last verification."""
    company = feature_by_uid(layers["companies"], uid)
    with EditSession([layers["companies"]], "verify company"):
        _set(layers["companies"], company, stamp({"last_verified": today_iso()}, author))


# --- flows ---------------------------------------------------------------------------------------

def normalise_flow(values):
    """Canonical code, family from the code, quantity as a number, hazardous from the List of Waste."""
    values = dict(values)
    row = resolve_code(values.get("resource_code"))
    if row is not None:
        values["resource_code"] = row["code"]
        values.setdefault("family", row["family"])
        if not values.get("family"):
            values["family"] = row["family"]
        if row["family"] == "waste":
            values["hazardous"] = bool(row["hazardous"])
    quantity = values.get("quantity")
    if isinstance(quantity, str):
        value, unit, _problem = parse_quantity(quantity, comma=language_comma(language()))
        if _problem is None:
            values["quantity"] = value
            if unit and not values.get("unit"):
                values["unit"] = unit
    if values.get("hazardous") is None:
        values["hazardous"] = False
    return values


def check_flow(values):
    problems = flow_problems(values, resources_by_code())
    if problems:
        raise TerritorialFluxError(problems)


def add_flow(layers, company_uid, values, author=None):
    """Add a flow of a company; returns its uid. ``values`` as typed (codes in any spelling)."""
    values = normalise_flow(values)
    values.setdefault("confidentiality", "internal")
    values.setdefault("priority", "medium")
    check_flow(values)
    if feature_by_uid(layers["companies"], company_uid) is None:
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP("Validation", "Choose the company of the flow.")))
    values.update(uid=new_uid(), company_uid=company_uid, status="active",
                  advisor=values.get("advisor") or author or user_name(), last_verified=today_iso())
    with EditSession([layers["flows"]], "add flow"):
        _add(layers["flows"], stamp(values, author))
    return values["uid"]


def update_flow(layers, uid, values, author=None, expected_version=None):
    """Change a flow; with ``expected_version`` (its row_version when the user opened it), the
    save is refused with a ConflictError if someone else saved it meanwhile."""
    flow = feature_by_uid(layers["flows"], uid)
    merged = normalise_flow(dict(attributes(flow), **values))
    check_flow(merged)
    changed = {k: merged[k] for k in set(values) | {"resource_code", "family", "hazardous", "quantity", "unit"}
               if k in merged and k != "row_version"}
    changed["last_verified"] = today_iso()
    with EditSession([layers["flows"]], "edit flow") as session:
        _set(layers["flows"], flow, stamp(changed, author))
        session.expect(layers["flows"], flow, expected_version)


def duplicate_flow(layers, uid, author=None):
    """A copy of a flow (same company), active, with a new uid; returns the new uid."""
    flow = attributes(feature_by_uid(layers["flows"], uid))
    keep = ("direction", "family", "resource_code", "label", "quantity", "unit", "availability", "hazardous",
            "current_route", "current_cost_eur", "priority", "confidentiality", "notes")
    return add_flow(layers, flow["company_uid"], {k: flow[k] for k in keep}, author)


def archive_flow(layers, uid, author=None):
    flow = feature_by_uid(layers["flows"], uid)
    with EditSession([layers["flows"]], "archive flow"):
        _set(layers["flows"], flow, stamp({"status": "archived"}, author))


# --- synergies -----------------------------------------------------------------------------------

def company_point(layers, company_uid):
    feature = feature_by_uid(layers["companies"], company_uid)
    return feature.geometry().asPoint() if feature is not None and feature.hasGeometry() else None


def synergy_geometry(kind, supplier_points, receiver_points, member_points):
    """Substitution: a line from each supplier to each receiver. Mutualisation: a star from the members' centre."""
    parts = []
    if kind == "substitution":
        parts = [[a, b] for a in supplier_points for b in receiver_points]
    else:
        points = member_points + supplier_points + receiver_points
        if len(points) >= 2:
            hub = QgsPointXY(sum(p.x() for p in points) / len(points), sum(p.y() for p in points) / len(points))
            parts = [[hub, p] for p in points]
    return QgsGeometry.fromMultiPolylineXY(parts) if parts else QgsGeometry()


def participants_geometry(layers, kind, participants):
    """``participants``: [(company_uid, role)]."""
    points = {"supplier": [], "receiver": [], "member": []}
    for company_uid, role in participants:
        point = company_point(layers, company_uid)
        if point is not None:
            points[role].append(QgsPointXY(point))
    return synergy_geometry(kind, points["supplier"], points["receiver"], points["member"])


def _most_restricted(levels):
    levels = [level for level in levels if level in CONFIDENTIALITY_LEVELS]
    return min(levels, key=confidentiality_rank) if levels else "internal"


def _event(layers, synergy_uid, from_status, to_status, comment, author):
    _add(layers["synergy_events"], {"uid": new_uid(), "synergy_uid": synergy_uid, "at": utc_now(),
                                    "by": author or user_name(), "from_status": from_status,
                                    "to_status": to_status, "comment": comment})


def _synergy_layers(layers):
    return [layers["synergies"], layers["synergy_participants"], layers["synergy_events"]]


def create_substitution(layers, offer_uid, need_uid, title=None, comment=None, author=None):
    """A substitution at status ``idea`` from an offer (supplier) to a need (receiver); returns its uid."""
    offer = attributes(feature_by_uid(layers["flows"], offer_uid))
    need = attributes(feature_by_uid(layers["flows"], need_uid))
    problem = substitution_problem(offer, need)
    if problem:
        raise TerritorialFluxError(problem)
    supplier = attributes(feature_by_uid(layers["companies"], offer["company_uid"]))
    receiver = attributes(feature_by_uid(layers["companies"], need["company_uid"]))
    geometry = participants_geometry(layers, "substitution", [(supplier["uid"], "supplier"), (receiver["uid"], "receiver")])
    distance = geometry.length() / 1000.0 if not geometry.isEmpty() else None
    uid = new_uid()
    quantity = need["quantity"] if need["quantity"] is not None else offer["quantity"]
    values = {
        "uid": uid, "kind": "substitution", "status": "idea",
        "title": title or "{} → {}".format(offer["label"] or offer["resource_code"], receiver["name"]),
        "resource_code": offer["resource_code"], "quantity": quantity,
        "unit": need["unit"] if need["quantity"] is not None else offer["unit"],
        "distance_km": round(distance, 2) if distance is not None else None,
        "confidentiality": _most_restricted([offer["confidentiality"], need["confidentiality"]]),
        "advisor": author or user_name(), "created_at": utc_now(),
    }
    with EditSession(_synergy_layers(layers), "create substitution"):
        _add(layers["synergies"], stamp(values, author), geometry)
        _add(layers["synergy_participants"], {"uid": new_uid(), "synergy_uid": uid, "company_uid": supplier["uid"],
                                              "flow_uid": offer_uid, "role": "supplier"})
        _add(layers["synergy_participants"], {"uid": new_uid(), "synergy_uid": uid, "company_uid": receiver["uid"],
                                              "flow_uid": need_uid, "role": "receiver"})
        _event(layers, uid, None, "idea", comment, author)
    return uid


def review_link(layers, offer_uid, need_uid, decision, reason=None, author=None):
    """Record the advisor's verdict on a possible link (``rejected`` needs a reason)."""
    if decision == "rejected" and not (reason or "").strip():
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP(
            "Validation", "Say why the link is rejected: the reason stays with the decision.")))
    with EditSession([layers["link_reviews"]], "review possible link"):
        _add(layers["link_reviews"], {"uid": new_uid(), "offer_flow_uid": offer_uid, "need_flow_uid": need_uid,
                                      "decision": decision, "reason": (reason or "").strip() or None,
                                      "by": author or user_name(), "at": utc_now()})


def promote_link(layers, offer_uid, need_uid, reason, author=None):
    """Promote a possible link: a substitution at status ``idea`` whose first event says where it
    came from, and the review that records the decision. Returns the synergy uid."""
    comment = Message(QT_TRANSLATE_NOOP("Validation", "Promoted from the possible links: {reason}"), reason=reason)
    from ..toolbelt.i18n import translate_message

    uid = create_substitution(layers, offer_uid, need_uid, comment=translate_message(comment), author=author)
    review_link(layers, offer_uid, need_uid, "promoted", reason, author)
    return uid


def create_mutualisation(layers, flow_uids, title, comment=None, author=None):
    """A mutualisation of companies sharing a need (or an offer); one member per company."""
    flows = [attributes(feature_by_uid(layers["flows"], uid)) for uid in flow_uids]
    by_company = {}
    for flow in flows:
        by_company.setdefault(flow["company_uid"], flow)
    if len(by_company) < 2:
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP(
            "Validation", "A mutualisation gathers at least two companies.")))
    if not (title or "").strip():
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP("Validation", "Give the synergy a title.")))
    uid = new_uid()
    members = list(by_company.values())
    geometry = participants_geometry(layers, "mutualisation", [(f["company_uid"], "member") for f in members])
    values = {"uid": uid, "kind": "mutualisation", "status": "idea", "title": title.strip(),
              "resource_code": members[0]["resource_code"],
              "confidentiality": _most_restricted([f["confidentiality"] for f in members]),
              "advisor": author or user_name(), "created_at": utc_now()}
    with EditSession(_synergy_layers(layers), "create mutualisation"):
        _add(layers["synergies"], stamp(values, author), geometry)
        for flow in members:
            _add(layers["synergy_participants"], {"uid": new_uid(), "synergy_uid": uid,
                                                  "company_uid": flow["company_uid"], "flow_uid": flow["uid"],
                                                  "role": "member"})
        _event(layers, uid, None, "idea", comment, author)
    return uid


def change_status(layers, synergy_uid, to_status, comment=None, reason=None, author=None, expected_version=None):
    """One step of the workflow (or abandon, with a reason); writes the synergy event."""
    synergy = feature_by_uid(layers["synergies"], synergy_uid)
    from_status = synergy["status"]
    check_transition(from_status, to_status, reason)
    values = {"status": to_status}
    if to_status == "abandoned":
        values["abandon_reason"] = reason.strip()
    with EditSession([layers["synergies"], layers["synergy_events"]], "change synergy status") as session:
        _set(layers["synergies"], synergy, stamp(values, author))
        session.expect(layers["synergies"], synergy, expected_version)
        _event(layers, synergy_uid, from_status, to_status,
               comment if comment else (reason.strip() if to_status == "abandoned" else None), author)


SYNERGY_EDITABLE = ("title", "diverted_t_per_year", "savings_eur_per_year", "co2e_avoided_t_per_year",
                    "distance_km", "next_action", "next_action_date", "notes", "quantity", "unit")


def update_synergy(layers, synergy_uid, values, author=None, expected_version=None):
    """Outcomes, next action and date, notes. Numbers typed as text are parsed; negatives refused."""
    synergy = feature_by_uid(layers["synergies"], synergy_uid)
    clean = {}
    for name, value in values.items():
        if name not in SYNERGY_EDITABLE:
            continue
        if name in ("diverted_t_per_year", "distance_km", "quantity") and isinstance(value, str):
            number, _unit, problem = parse_quantity(value, comma=language_comma(language()))
            if problem:
                raise TerritorialFluxError({name: problem})
            value = number
        elif name in ("savings_eur_per_year", "co2e_avoided_t_per_year") and isinstance(value, str):
            text = value.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
            try:
                value = float(text) if text else None
            except ValueError:
                raise TerritorialFluxError({name: Message(QT_TRANSLATE_NOOP(
                    "Validation", "'{value}' is not a number."), value=value)})
        clean[name] = value if value != "" else None
    with EditSession([layers["synergies"]], "edit synergy") as session:
        _set(layers["synergies"], synergy, stamp(clean, author))
        session.expect(layers["synergies"], synergy, expected_version)


def refresh_synergy_geometries(layers, company_uid=None):
    """Redraw the lines of the synergies a company takes part in (all synergies when None)."""
    participants = layers["synergy_participants"]
    if company_uid is None:
        synergy_uids = {f["synergy_uid"] for f in participants.getFeatures()}
    else:
        synergy_uids = {f["synergy_uid"] for f in features_where(participants, "company_uid", company_uid)}
    if not synergy_uids:
        return 0
    changes = []
    for synergy_uid in synergy_uids:
        synergy = feature_by_uid(layers["synergies"], synergy_uid)
        if synergy is None:
            continue
        members = [(p["company_uid"], p["role"]) for p in features_where(participants, "synergy_uid", synergy_uid)]
        geometry = participants_geometry(layers, synergy["kind"], members)
        if not geometry.equals(synergy.geometry()):
            changes.append((synergy, geometry))
    if changes:
        with EditSession([layers["synergies"]], "follow participants"):
            for synergy, geometry in changes:
                layers["synergies"].changeGeometry(synergy.id(), geometry)
    return len(changes)

