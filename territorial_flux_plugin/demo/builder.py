"""The demo territory: a plausible set of companies, flows and synergies around Dunkirk.

The same seed gives the same rows. Everything is written in one transaction after the
workspace is created; a failure removes the file.
"""

import datetime
import math
import os
import random
import uuid

from qgis.core import (
    QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProject,
)

from ..domain.siret import complete_siret
from ..domain.statuses import PROGRESSION
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS, confidentiality_rank
from . import data
from ..domain.nomenclature import resources_by_code
from ..project.build import create_workspace
from ..project.view import refresh_stored_view

DEFAULT_SEED = 2154
# Every date of the demo hangs on a reference day (today by default): its agenda is current
# whenever it is made, and one seed with one reference day always gives one territory.
OVERDUE_DAYS, UPCOMING_DAYS = 8, 60  # next actions from 8 days late to 60 days ahead: a few overdue
MIN_COMPANIES = 160


def _uid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stamp(day, rng):
    return "{}T{:02d}:{:02d}:00.000Z".format(day.isoformat(), rng.randint(8, 17), rng.randint(0, 59))


def _siret(rng):
    siren = complete_siret("".join(str(rng.randint(0, 9)) for _ in range(8)))
    return complete_siret(siren + "".join(str(rng.randint(0, 9)) for _ in range(4)))


def _phone(rng):
    return "03 28 {:02d} {:02d} {:02d}".format(rng.randint(10, 99), rng.randint(0, 99), rng.randint(0, 99))


def _ascii(text):
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace(" ", "-")


class DemoBuilder:
    """Rows of the demo territory, as plain dicts with WKT geometries."""

    def __init__(self, seed=DEFAULT_SEED, crs=None, reference=None):
        self.rng = random.Random(seed)
        self.reference = reference or datetime.date.today()
        crs = crs or QgsCoordinateReferenceSystem("EPSG:2154")
        self.to_crs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                             QgsProject.instance())
        self.codes = resources_by_code()
        self.companies, self.flows, self.synergies = [], [], []
        self.participants, self.events, self.areas = [], [], []

    def _project(self, lon, lat):
        return self.to_crs.transform(QgsPointXY(lon, lat))

    def _day(self, max_days_ago, min_days_ago=0):
        return self.reference - datetime.timedelta(days=self.rng.randint(min_days_ago, max_days_ago))

    def build(self):
        self._companies()
        self._flows()
        self._synergies()
        self._publicise()
        self._territory()
        self._communes()
        return self

    def _companies(self):
        rng = self.rng
        weights = [c[5] for c in data.COMMUNES]
        profiles = [p for p in data.PROFILES for _ in range(p["weight"])]
        used_names = set()
        zones = {z[0]: z for z in data.ZONES}
        while len(self.companies) < MIN_COMPANIES:
            profile = profiles[len(self.companies) % len(profiles)] if len(self.companies) < len(profiles) \
                else rng.choice(profiles)
            zone = None
            if rng.random() < 0.45:
                zone = zones[rng.choice(list(zones))]
                commune = next(c for c in data.COMMUNES if c[0] == zone[1])
                centre, spread = self._project(zone[2], zone[3]), 700
            else:
                commune = rng.choices(data.COMMUNES, weights)[0]
                centre, spread = self._project(commune[3], commune[4]), 1100
            name = rng.choice(profile["names"]).format(town=commune[1])
            if name in used_names:
                name = "{} {}".format(name, rng.choice(["Nord", "Sud", "Est", "Ouest", "II", "Site 2", "Atelier"]))
            if name in used_names:
                continue
            used_names.add(name)
            point = QgsPointXY(centre.x() + rng.gauss(0, spread), centre.y() + rng.gauss(0, spread))
            first, last = rng.choice(data.FIRST_NAMES), rng.choice(data.LAST_NAMES)
            created = self._day(1400, 400)
            self.companies.append({
                "uid": _uid(rng), "geom": QgsGeometry.fromPointXY(point).asWkt(2),
                "siret": _siret(rng) if rng.random() < 0.93 else None, "name": name,
                "naf_code": rng.choice(profile["naf"]), "headcount_band": rng.choice(profile["headcount"]),
                "address": "{} {}".format(rng.randint(1, 180), rng.choice(
                    ["rue de la Gare", "quai des Fleurs", "route de Bergues", "avenue de l'Université",
                     "rue du Port", "boulevard de l'Europe", "chemin des Wateringues", "rue de la Colme"])),
                "postcode": commune[2], "commune": commune[1], "commune_code": commune[0],
                "zone": zone[0] if zone else None,
                "contact_name": "{} {}".format(first, last),
                "contact_email": "{}.{}@example.com".format(_ascii(first), _ascii(last)),
                "contact_phone": _phone(rng), "advisor": rng.choice(data.ADVISORS),
                "notes": None, "source": "Démo Territorial Flux", "status": "active",
                "last_verified": self._day(900).isoformat(),
                "created_at": _stamp(created, rng), "updated_at": _stamp(created, rng),
                "updated_by": rng.choice(data.ADVISORS),
                "_profile": profile,
            })
        for company in self.companies[-4:]:
            company["status"] = "archived"

    def _flow(self, company, direction, spec):
        rng = self.rng
        code, label, low, high, unit = spec
        resource = self.codes[code]
        quantity = rng.uniform(low, high)
        quantity = round(quantity, 1) if high < 20 else float(round(quantity))
        confidentiality = rng.choices(list(CONFIDENTIALITY_LEVELS), [6, 70, 16, 8])[0]
        created = self._day(700, 30)
        return {
            "uid": _uid(rng), "company_uid": company["uid"], "direction": direction,
            "family": resource["family"], "resource_code": code, "label": label,
            "quantity": quantity, "unit": unit,
            "availability": rng.choice(data.AVAILABILITY), "hazardous": int(resource["hazardous"]),
            "current_route": rng.choice(data.ROUTES) if direction == "offer" else None,
            "current_cost_eur": float(round(rng.uniform(500, 40000), -2)) if rng.random() < 0.5 else None,
            "priority": rng.choices(["high", "medium", "low"], [3, 5, 2])[0],
            "confidentiality": confidentiality, "advisor": company["advisor"],
            "status": "archived" if rng.random() < 0.04 else "active", "notes": None,
            "last_verified": self._day(800).isoformat(),
            "created_at": _stamp(created, rng), "updated_at": _stamp(created, rng),
            "updated_by": company["advisor"],
        }

    def _flows(self):
        rng = self.rng
        for company in self.companies:
            profile = company["_profile"]
            chosen = []
            if rng.random() < 0.08:  # recorded, not visited yet
                continue
            counts = rng.choice([(0, 1), (0, 2), (1, 0), (2, 0), (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (1, 3)])
            for direction, key, count in (("offer", "offers", counts[0]), ("need", "needs", counts[1])):
                for spec in rng.sample(profile[key], min(count, len(profile[key]))):
                    chosen.append((direction, spec))
            if rng.random() < 0.6:
                direction = rng.choice(["offer", "need"])
                spec = rng.choice(data.COMMON_FLOWS[direction + "s"])
                if all(spec[0] != s[0] for _d, s in chosen):
                    chosen.append((direction, spec))
            for direction, spec in chosen:
                self.flows.append(self._flow(company, direction, spec))

    def _pairs(self):
        """Offer/need pairs of one resource code, nearest first, each flow used once."""
        positions = {c["uid"]: QgsGeometry.fromWkt(c["geom"]).asPoint() for c in self.companies}
        active = [f for f in self.flows if f["status"] == "active"]
        candidates = []
        for offer in (f for f in active if f["direction"] == "offer"):
            for need in (f for f in active if f["direction"] == "need"):
                if need["resource_code"] == offer["resource_code"] and need["company_uid"] != offer["company_uid"]:
                    a, b = positions[offer["company_uid"]], positions[need["company_uid"]]
                    candidates.append((math.hypot(a.x() - b.x(), a.y() - b.y()), offer["uid"], need["uid"], offer, need))
        candidates.sort(key=lambda c: c[:3])
        used, pairs = set(), []
        for distance, _o, _n, offer, need in candidates:
            if offer["uid"] in used or need["uid"] in used:
                continue
            used.update((offer["uid"], need["uid"]))
            pairs.append((distance, offer, need))
        return pairs, positions

    def _synergies(self):
        pairs, positions = self._pairs()
        companies = {c["uid"]: c for c in self.companies}
        statuses = PROGRESSION + ["abandoned"]
        # Every status at least twice, then a realistic spread.
        plan = statuses * 2 + ["idea", "contacted", "studying", "studying", "implementing", "operating"]
        for index, (distance, offer, need) in enumerate(pairs[:len(plan)]):
            status = plan[index]
            supplier, receiver = companies[offer["company_uid"]], companies[need["company_uid"]]
            geometry = QgsGeometry.fromMultiPolylineXY([[positions[supplier["uid"]], positions[receiver["uid"]]]])
            quantity = min(offer["quantity"], need["quantity"]) if offer["unit"] == need["unit"] else need["quantity"]
            level = min((offer["confidentiality"], need["confidentiality"]), key=confidentiality_rank)
            synergy = self._synergy("substitution", "{} → {}".format(offer["label"], receiver["name"]),
                                    offer["resource_code"], status, quantity, need["unit"], level, geometry,
                                    distance / 1000.0, supplier["advisor"])
            self.participants.append(self._participant(synergy, supplier, offer, "supplier"))
            self.participants.append(self._participant(synergy, receiver, need, "receiver"))
        # Mutualisations: companies sharing a need for the same service.
        for code, title, status in (("SE 01 01", "Collecte mutualisée des déchets d'activité", "operating"),
                                    ("SK 01 02", "Responsable QHSE partagé", "studying"),
                                    ("SE 03 01", "Gardiennage mutualisé de la zone", "contacted"),
                                    ("SE 05 01", "Formations sécurité communes", "idea")):
            needs = [f for f in self.flows if f["resource_code"] == code and f["direction"] == "need"
                     and f["status"] == "active"]
            members = {}
            for flow in needs:
                members.setdefault(flow["company_uid"], flow)
            members = list(members.values())[:6]
            if len(members) < 2:
                continue
            points = [positions[f["company_uid"]] for f in members]
            hub = QgsPointXY(sum(p.x() for p in points) / len(points), sum(p.y() for p in points) / len(points))
            geometry = QgsGeometry.fromMultiPolylineXY([[hub, p] for p in points])
            level = min((f["confidentiality"] for f in members), key=confidentiality_rank)
            synergy = self._synergy("mutualisation", title, code, status, None, None, level, geometry, None,
                                    companies[members[0]["company_uid"]]["advisor"])
            for flow in members:
                self.participants.append(self._participant(synergy, companies[flow["company_uid"]], flow, "member"))

    def _publicise(self):
        """CCIs publicise their successes: two operating substitutions and the operating shared
        collection are public, two synergies being implemented are shared with partners, and the
        flows of their participants are made as visible. No random draw: the rest of the
        territory is the same."""
        flows = {f["uid"]: f for f in self.flows}

        def raise_to(row, level):
            if confidentiality_rank(row["confidentiality"]) < confidentiality_rank(level):
                row["confidentiality"] = level

        def chosen(kind, status, count):
            return [s for s in self.synergies if s["kind"] == kind and s["status"] == status][:count]

        shared = [(s, "public") for s in chosen("substitution", "operating", 2) + chosen("mutualisation", "operating", 1)]
        shared += [(s, "partners") for s in chosen("substitution", "implementing", 2)]
        for synergy, level in shared:
            raise_to(synergy, level)
            for participant in self.participants:
                if participant["synergy_uid"] == synergy["uid"] and participant["flow_uid"] in flows:
                    raise_to(flows[participant["flow_uid"]], level)

    def _synergy(self, kind, title, code, status, quantity, unit, level, geometry, distance_km, advisor):
        rng = self.rng
        start = self._day(600, 120)
        path = PROGRESSION[:PROGRESSION.index(status) + 1] if status != "abandoned" \
            else PROGRESSION[:rng.randint(1, 3)] + ["abandoned"]
        synergy = {
            "uid": _uid(rng), "geom": geometry.asWkt(2), "kind": kind, "title": title,
            "resource_code": code, "status": status,
            "abandon_reason": rng.choice(data.ABANDON_REASONS) if status == "abandoned" else None,
            "quantity": quantity, "unit": unit,
            "diverted_t_per_year": round(quantity, 1) if status == "operating" and unit == "t/yr" else None,
            "savings_eur_per_year": float(rng.randint(2, 60) * 1000) if status in ("implementing", "operating") else None,
            "co2e_avoided_t_per_year": round(rng.uniform(5, 400), 1) if status == "operating" else None,
            "distance_km": round(distance_km, 2) if distance_km is not None else None,
            "next_action": rng.choice(data.NEXT_ACTIONS) if status not in ("operating", "abandoned") else None,
            "next_action_date": (self.reference + datetime.timedelta(
                days=rng.randint(-OVERDUE_DAYS, UPCOMING_DAYS))).isoformat()
            if status not in ("operating", "abandoned") else None,
            "advisor": advisor, "confidentiality": level, "notes": None,
            "created_at": _stamp(start, rng), "updated_at": _stamp(start, rng), "updated_by": advisor,
        }
        self.synergies.append(synergy)
        day, previous, events = start, None, []
        for step in path:
            events.append({
                "uid": _uid(rng), "synergy_uid": synergy["uid"], "at": _stamp(day, rng), "by": advisor,
                "from_status": previous, "to_status": step,
                "comment": synergy["abandon_reason"] if step == "abandoned" else
                ("Piste identifiée lors d'un atelier" if previous is None else None),
            })
            previous, day = step, day + datetime.timedelta(days=rng.randint(15, 90))
        # a history that would run past the reference day is moved back, whole, to end the day before
        late = (datetime.date.fromisoformat(events[-1]["at"][:10]) - self.reference).days + 1
        if late > 0:
            for event in events:
                moved = datetime.date.fromisoformat(event["at"][:10]) - datetime.timedelta(days=late)
                event["at"] = moved.isoformat() + event["at"][10:]
            moved_start = datetime.date.fromisoformat(synergy["created_at"][:10]) - datetime.timedelta(days=late)
            synergy["created_at"] = moved_start.isoformat() + synergy["created_at"][10:]
        synergy["updated_at"] = events[-1]["at"]
        self.events.extend(events)
        return synergy

    def _participant(self, synergy, company, flow, role):
        return {"uid": _uid(self.rng), "synergy_uid": synergy["uid"], "company_uid": company["uid"],
                "flow_uid": flow["uid"] if flow else None, "role": role}

    def _territory(self):
        points = QgsGeometry.fromMultiPointXY([QgsGeometry.fromWkt(c["geom"]).asPoint() for c in self.companies])
        outline = points.convexHull().buffer(2500, 12)
        self.areas.append({"uid": _uid(self.rng), "geom": QgsGeometry.collectGeometry([outline]).asWkt(1),
                           "kind": "territory", "code": None, "name": data.TERRITORY_NAME,
                           "source": "Démo Territorial Flux (enveloppe des entreprises)"})

    def _communes(self):
        """An area of kind ``commune`` for each commune of the companies, its boundary approximated
        (marked so in its source): the union of the Voronoi cells of the commune's companies, within
        the territory's outline. Not the official boundaries (IGN's ADMIN EXPRESS has those)."""
        outline = QgsGeometry.fromWkt(self.areas[0]["geom"])
        points = [(QgsGeometry.fromWkt(c["geom"]).asPoint(), c["commune_code"]) for c in self.companies]
        cells = QgsGeometry.fromMultiPointXY([p for p, _code in points]).voronoiDiagram(outline, 0.0, False)
        owned = {}
        for cell in cells.asGeometryCollection():
            code = next((code for point, code in points if cell.contains(QgsGeometry.fromPointXY(point))), None)
            if code is not None:
                owned.setdefault(code, []).append(cell)
        names = {c[0]: c[1] for c in data.COMMUNES}
        for code in sorted(owned):
            shape = QgsGeometry.unaryUnion(owned[code]).intersection(outline).simplify(50)
            self.areas.append({"uid": _uid(self.rng), "geom": QgsGeometry.collectGeometry(
                [part for part in shape.asGeometryCollection() if part.area() > 0]).asWkt(1),
                "kind": "commune", "code": code, "name": names[code],
                "source": data.APPROXIMATE_COMMUNES_SOURCE})

    def tables(self):
        strip = lambda rows: [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]  # noqa: E731
        return [("companies", strip(self.companies)), ("flows", self.flows), ("synergies", self.synergies),
                ("synergy_participants", self.participants), ("synergy_events", self.events),
                ("areas", self.areas)]


def write_rows(path, tables):
    """Insert ``tables`` ([(table, [row dict])]) into the GeoPackage in one transaction."""
    from osgeo import ogr

    source = ogr.Open(path, 1)
    if source is None:
        raise RuntimeError("cannot open {}".format(path))
    source.StartTransaction()
    try:
        for table, rows in tables:
            layer = source.GetLayerByName(table)
            definition = layer.GetLayerDefn()
            for row in rows:
                feature = ogr.Feature(definition)
                for key, value in row.items():
                    if key == "geom":
                        feature.SetGeometry(ogr.CreateGeometryFromWkt(value))
                    elif value is not None:
                        feature.SetField(key, value)
                if layer.CreateFeature(feature) != 0:
                    raise RuntimeError("cannot write a row of {}: {}".format(table, row.get("uid")))
        source.CommitTransaction()
    except Exception:
        source.RollbackTransaction()
        raise
    finally:
        source = None


def create_demo(path, seed=DEFAULT_SEED, overwrite=False, reference=None):
    """Create the demo workspace at ``path``, its dates hung on the ``reference`` day (a date,
    today by default); returns (Workspace, builder)."""
    workspace = create_workspace(path, data.TERRITORY_NAME, QgsCoordinateReferenceSystem("EPSG:2154"),
                                 overwrite=overwrite)
    try:
        builder = DemoBuilder(seed, workspace.crs, reference).build()
        write_rows(workspace.path, builder.tables())
        # the value-chain analysis too, so that every map theme has something to show at once
        from qgis.PyQt.QtCore import QCoreApplication

        from ..analysis import analyse

        analyse(workspace, translate=QCoreApplication.translate)
        refresh_stored_view(workspace, force=True)
    except Exception:
        workspace.discard()
        raise
    return workspace, builder
