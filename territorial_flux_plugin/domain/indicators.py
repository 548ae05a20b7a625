"""The territory's indicators for a period and an audience: what funders and boards ask for.

Pure Python. :func:`compute` takes the workspace's rows as mappings (read by
``reporting.data``), a period ``(from_day, to_day)`` in ISO dates (both included) and the most
restricted confidentiality level the audience may see, and returns a :class:`Report`:

- ``indicators``: :class:`Indicator` rows with stable English keys and units;
- ``synergies``: one mapping per visible synergy (the columns of :data:`SYNERGY_COLUMNS`);
- ``contributors``: ``(login, flows_recorded, synergy_steps)`` at ``advisor`` and ``internal``
  only (a partners' report names no advisor);
- ``flows_by_family``, ``outcomes_by_year``, ``sankey_flows``, ``sankey_tonnes`` for the charts.

Rules (see the product brief's definitions): a flow or synergy counts when its confidentiality
is the level or a less restricted one; a flow also needs to be active and of an active company.
``companies`` counts every active company at ``advisor`` and ``internal``, and at ``partners``
and ``public`` only the active companies with a visible flow or synergy. A synergy's status as of
the period's end comes from its events (the last one on or before that day); a synergy with no
event at all keeps its current status from the day it was created. Savings are internal: at
``partners`` and ``public`` their values are left empty.
"""

from collections import OrderedDict, namedtuple

from . import emissions, naf, units
from .vocabulary import FAMILIES, SYNERGY_STATUSES, visible_levels

COUNT, TONNES, EUROS, CO2E, KM = "count", "t/yr", "EUR/yr", "t CO2e/yr", "km"
PUBLIC_LEVELS = ("partners", "public")
SANKEY_TONNE_FAMILIES = ("matter", "waste")

Indicator = namedtuple("Indicator", "key value unit estimated")

SYNERGY_COLUMNS = ("uid", "title", "kind", "status", "resource_code", "resource", "diverted_t_per_year",
                   "savings_eur_per_year", "co2e_avoided_t_per_year", "co2e_estimated", "distance_km", "created",
                   "operating_since")

Data = namedtuple("Data", "companies flows synergies participants events reviews factors")
Data.__doc__ = """The rows a report is computed from, as mappings with the tables' column names.

``synergies`` also carry ``family`` (of their resource) and ``resource_en`` / ``resource_fr``;
``factors`` is an :class:`emissions.FactorTable`."""

Sankey = namedtuple("Sankey", "left middle right links_in links_out left_total right_total left_out")
Sankey.__doc__ = """A three-column Sankey: offering sections → families → needing sections.

``left``, ``middle`` and ``right`` are ordered mappings node -> width; ``links_in`` are
``(section, family, width)``, ``links_out`` ``(family, section, width)``; ``left_out`` counts
the flows left out (no quantity in tonnes, for the Sankey in tonnes)."""

Report = namedtuple("Report", "period level indicators synergies contributors flows_by_family "
                              "outcomes_by_year sankey_flows sankey_tonnes")


def day_of(value):
    """The ISO date (``YYYY-MM-DD``) of a date, a timestamp or their text, or None."""
    if value is None:
        return None
    if hasattr(value, "astimezone") and getattr(value, "tzinfo", None) is not None:
        import datetime

        value = value.astimezone(datetime.timezone.utc)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text[:10] if len(text) >= 10 else None


def _within(value, period):
    day = day_of(value)
    return day is not None and period[0] <= day <= period[1]


def _stamp(value):
    """A sortable text of a timestamp (either storage's form)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value) if value is not None else ""


class _Territory:
    """The rows of :class:`Data` filtered for a level, with each synergy's history as of a day."""

    def __init__(self, data, period, level):
        self.period = period
        self.level = level
        visible = set(visible_levels(level))
        self.active_companies = {c["uid"]: c for c in data.companies if c.get("status", "active") == "active"}
        self.flows = [f for f in data.flows if f.get("status", "active") == "active"
                      and f["confidentiality"] in visible and f["company_uid"] in self.active_companies]
        self.flow_uids = {f["uid"] for f in data.flows if f["confidentiality"] in visible}
        self.synergies = [s for s in data.synergies if s["confidentiality"] in visible]
        synergy_uids = {s["uid"] for s in self.synergies}
        self.participants = [p for p in data.participants if p["synergy_uid"] in synergy_uids]
        self.events = sorted((e for e in data.events if e["synergy_uid"] in synergy_uids),
                             key=lambda e: _stamp(e["at"]))
        self.reviews = [r for r in data.reviews
                        if r["offer_flow_uid"] in self.flow_uids and r["need_flow_uid"] in self.flow_uids]
        self.factors = data.factors
        self.history = {}
        for event in self.events:
            self.history.setdefault(event["synergy_uid"], []).append(event)

    def status_at_end(self, synergy):
        """The synergy's status on the period's last day, or None when it did not exist yet."""
        events = self.history.get(synergy["uid"])
        if not events:
            created = day_of(synergy.get("created_at"))
            return synergy["status"] if created is None or created <= self.period[1] else None
        status = None
        for event in events:
            if day_of(event["at"]) <= self.period[1]:
                status = event["to_status"]
        return status

    def created(self, synergy):
        events = self.history.get(synergy["uid"])
        return day_of(events[0]["at"]) if events else day_of(synergy.get("created_at"))

    def operating_since(self, synergy):
        """The day the synergy last reached ``operating`` on or before the period's end."""
        since = None
        for event in self.history.get(synergy["uid"], ()):
            day = day_of(event["at"])
            if event["to_status"] == "operating" and day <= self.period[1]:
                since = day
        return since

    def counted_companies(self):
        if self.level not in PUBLIC_LEVELS:
            return set(self.active_companies)
        with_flow = {f["company_uid"] for f in self.flows}
        in_synergy = {p["company_uid"] for p in self.participants if p["company_uid"] in self.active_companies}
        return with_flow | in_synergy


def compute(data, period, level, language="en"):
    """The :class:`Report` of ``data`` for ``period`` (``(from_day, to_day)``) at ``level``."""
    territory = _Territory(data, period, level)
    hide_internal = level in PUBLIC_LEVELS
    out = []

    def add(key, value, unit, estimated=False):
        out.append(Indicator(key, value, unit, estimated))

    companies = territory.counted_companies()
    add("companies", len(companies), COUNT)
    add("companies_verified", sum(1 for uid in companies
                                  if _within(territory.active_companies[uid].get("last_verified"), period)), COUNT)
    add("flows_offer", sum(1 for f in territory.flows if f["direction"] == "offer"), COUNT)
    add("flows_need", sum(1 for f in territory.flows if f["direction"] == "need"), COUNT)
    for family in FAMILIES:
        add("flows_" + family, sum(1 for f in territory.flows if f["family"] == family), COUNT)

    status_at_end = {s["uid"]: territory.status_at_end(s) for s in territory.synergies}
    for status in SYNERGY_STATUSES:
        add("synergies_" + status, sum(1 for v in status_at_end.values() if v == status), COUNT)
    add("synergies_created", sum(1 for s in territory.synergies if _day_in(territory.created(s), period)), COUNT)
    reached = {e["synergy_uid"] for e in territory.events
               if e["to_status"] == "operating" and _within(e["at"], period)}
    add("synergies_operating_reached", len(reached), COUNT)

    rows = []
    for synergy in territory.synergies:
        co2e, estimated = emissions.avoided(territory.factors, synergy)
        rows.append(OrderedDict((
            ("uid", synergy["uid"]), ("title", synergy["title"]), ("kind", synergy["kind"]),
            ("status", status_at_end[synergy["uid"]]), ("resource_code", synergy.get("resource_code")),
            ("resource", synergy.get("resource_" + language) or synergy.get("resource_en")),
            ("diverted_t_per_year", synergy.get("diverted_t_per_year")),
            ("savings_eur_per_year", None if hide_internal else synergy.get("savings_eur_per_year")),
            ("co2e_avoided_t_per_year", co2e), ("co2e_estimated", estimated),
            ("distance_km", synergy.get("distance_km")), ("created", territory.created(synergy)),
            ("operating_since", territory.operating_since(synergy)),
        )))
    operating = [r for r in rows if r["status"] == "operating"]
    add("diverted_t_per_year", _sum(operating, "diverted_t_per_year"), TONNES)
    add("savings_eur_per_year", None if hide_internal else _sum(operating, "savings_eur_per_year"), EUROS)
    add("co2e_avoided_t_per_year", _sum(operating, "co2e_avoided_t_per_year"), CO2E,
        any(r["co2e_estimated"] for r in operating))
    add("distance_km", _sum(operating, "distance_km"), KM)

    reviews = [r for r in territory.reviews if _within(r["at"], period)]
    promoted = [r for r in reviews if r["decision"] == "promoted"]
    add("links_promoted", len(promoted), COUNT)
    add("links_rejected", sum(1 for r in reviews if r["decision"] == "rejected"), COUNT)
    add("links_reviewed", len(reviews), COUNT)
    add("links_promoted_operating", _promoted_operating(territory, promoted, status_at_end), COUNT)

    return Report(period, level, out, [r for r in rows if r["status"] is not None],
                  [] if hide_internal else _contributors(territory),
                  _flows_by_family(territory), _outcomes_by_year(operating),
                  sankey(territory.flows, territory.active_companies),
                  sankey(territory.flows, territory.active_companies, tonnes=True))


def _day_in(day, period):
    return day is not None and period[0] <= day <= period[1]


def _sum(rows, key):
    values = [r[key] for r in rows if r[key] is not None]
    return round(sum(values), 2) if values else 0.0


def _promoted_operating(territory, promoted, status_at_end):
    pairs = {}
    for participant in territory.participants:
        pairs.setdefault(participant["synergy_uid"], set()).add(participant["flow_uid"])
    operating = [flows for uid, flows in pairs.items() if status_at_end.get(uid) == "operating"]
    return sum(1 for r in promoted
               if any(r["offer_flow_uid"] in flows and r["need_flow_uid"] in flows for flows in operating))


def _contributors(territory):
    recorded, steps = {}, {}
    for flow in territory.flows:
        if _within(flow.get("created_at"), territory.period):
            login = flow.get("advisor") or ""
            recorded[login] = recorded.get(login, 0) + 1
    for event in territory.events:
        if _within(event["at"], territory.period):
            login = event.get("by") or ""
            steps[login] = steps.get(login, 0) + 1
    return [(login, recorded.get(login, 0), steps.get(login, 0)) for login in sorted(set(recorded) | set(steps))]


def _flows_by_family(territory):
    counts = OrderedDict((family, {"offer": 0, "need": 0}) for family in FAMILIES)
    for flow in territory.flows:
        counts[flow["family"]][flow["direction"]] += 1
    return counts


def _outcomes_by_year(operating):
    """Per year a synergy began operating: (synergies, tonnes diverted, t CO2e avoided)."""
    years = {}
    for row in operating:
        year = (row["operating_since"] or row["created"] or "????")[:4]
        count, tonnes, co2e = years.get(year, (0, 0.0, 0.0))
        years[year] = (count + 1, tonnes + (row["diverted_t_per_year"] or 0.0),
                       co2e + (row["co2e_avoided_t_per_year"] or 0.0))
    return OrderedDict(sorted(years.items()))


def sankey(flows, companies, tonnes=False):
    """The :class:`Sankey` of visible flows: in number of flows, or in tonnes a year for matter
    and waste (flows whose quantity does not convert to t/yr are counted in ``left_out``)."""
    links_in, links_out, left_out = OrderedDict(), OrderedDict(), 0
    for flow in flows:
        company = companies.get(flow["company_uid"], {})
        section = naf.section_of(company.get("naf_code"))
        if tonnes:
            if flow["family"] not in SANKEY_TONNE_FAMILIES:
                continue
            width = units.convert(flow.get("quantity"), flow.get("unit"), "t/yr") \
                if flow.get("quantity") is not None and flow.get("unit") else None
            if width is None:
                left_out += 1
                continue
        else:
            width = 1
        if flow["direction"] == "offer":
            key = (section, flow["family"])
            links_in[key] = links_in.get(key, 0) + width
        else:
            key = (flow["family"], section)
            links_out[key] = links_out.get(key, 0) + width
    order = list(naf.SECTIONS) + [naf.UNKNOWN]
    family_order = list(FAMILIES)
    links_in = sorted(((s, f, w) for (s, f), w in links_in.items() if w > 0),
                      key=lambda x: (order.index(x[0]), family_order.index(x[1])))
    links_out = sorted(((f, s, w) for (f, s), w in links_out.items() if w > 0),
                       key=lambda x: (family_order.index(x[0]), order.index(x[1])))
    left, right, middle_in, middle_out = OrderedDict(), OrderedDict(), {}, {}
    for section, family, width in links_in:
        left[section] = left.get(section, 0) + width
        middle_in[family] = middle_in.get(family, 0) + width
    for section in sorted({s for _f, s, _w in links_out}, key=order.index):
        right[section] = 0
    for family, section, width in links_out:
        right[section] += width
        middle_out[family] = middle_out.get(family, 0) + width
    middle = OrderedDict((f, max(middle_in.get(f, 0), middle_out.get(f, 0))) for f in family_order
                         if f in middle_in or f in middle_out)
    return Sankey(left, middle, right, links_in, links_out, sum(left.values()), sum(right.values()), left_out)


def value_of(report, key):
    """The value of one indicator of a :class:`Report` (KeyError when absent)."""
    for indicator in report.indicators:
        if indicator.key == key:
            return indicator.value
    raise KeyError(key)
