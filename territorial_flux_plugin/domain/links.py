"""Value-chain analysis: possible links, missing links and the resource balance of a territory.

Pure rules (no qgis or Qt import; numpy, which every QGIS ships, does the arithmetic). The
caller gives flows with their company's position in metres; everything else is decided here:

- compatibility by match level: ``code`` (same resource code) or ``subchapter`` (same List of
  Waste sub-chapter, or the plugin's grouping for its own codes: ``15 01 01`` ~ ``15 01 02``);
- archived flows (or flows of archived companies) and flows more restricted than the maximum
  confidentiality are left out;
- an offer and a need of the same company are never a link; a pair linked by a live synergy
  or rejected by the advisor is never proposed again;
- each need keeps its ``max_per_flow`` nearest offers and each offer its nearest needs within
  the distance; the result is the union of both lists; at equal distance the smaller flow uid
  comes first, so results are reproducible.

The nearest-neighbour search (:mod:`.nearest`) is bounded by the distance, so time grows about
linearly with the number of flows.
"""

import math
from collections import OrderedDict, namedtuple
from operator import itemgetter

import numpy as np

from . import units
from .codes import subchapter_of
from .errors import TerritorialFluxError
from .messages import QT_TRANSLATE_NOOP, Message
from .nearest import Side, nearest, pair_codes
from .vocabulary import CONFIDENTIALITY_LEVELS, visible_levels

MATCH_LEVELS = ("code", "subchapter")
DEFAULT_MAX_DISTANCE_KM = 30.0
DEFAULT_MATCH_LEVEL = "code"
DEFAULT_MAX_CONFIDENTIALITY = "internal"
DEFAULT_MAX_PER_FLOW = 5

ORPHAN_OFFER = "orphan_offer"
UNMET_NEED = "unmet_need"
# The kinds of missing link (and of value-chain gap in the resource balance).
MISSING_KINDS = OrderedDict((
    (UNMET_NEED, QT_TRANSLATE_NOOP("Vocabulary", "Need with no local supplier")),
    (ORPHAN_OFFER, QT_TRANSLATE_NOOP("Vocabulary", "Offer with no local taker")),
))

# One flow as the analysis sees it; x and y are metres in a projected system.
Flow = namedtuple("Flow", "uid company_uid direction family resource_code quantity unit x y "
                          "confidentiality status label")
Flow.__new__.__defaults__ = ("internal", "active", None)


class Settings(namedtuple("Settings", "max_distance_km match_level max_confidentiality max_per_flow")):
    """The analysis settings, with the defaults of the Processing algorithms."""

    __slots__ = ()

    def __new__(cls, max_distance_km=DEFAULT_MAX_DISTANCE_KM, match_level=DEFAULT_MATCH_LEVEL,
                max_confidentiality=DEFAULT_MAX_CONFIDENTIALITY, max_per_flow=DEFAULT_MAX_PER_FLOW):
        return super().__new__(cls, float(max_distance_km), match_level, max_confidentiality,
                               int(max_per_flow))


def settings_problem(settings):
    """None when ``settings`` are usable, else a :class:`Message` saying what to change."""
    if settings.match_level not in MATCH_LEVELS:
        return Message(QT_TRANSLATE_NOOP("Validation", "Unknown match level '{value}'; use one of: {words}."),
                       value=settings.match_level, words=", ".join(MATCH_LEVELS))
    if settings.max_confidentiality not in CONFIDENTIALITY_LEVELS:
        return Message(QT_TRANSLATE_NOOP("Validation", "Unknown confidentiality level '{value}'; use one of: {words}."),
                       value=settings.max_confidentiality, words=", ".join(CONFIDENTIALITY_LEVELS))
    if not settings.max_distance_km > 0 or math.isinf(settings.max_distance_km):
        return Message(QT_TRANSLATE_NOOP("Validation", "The maximum distance must be a positive number of kilometres."))
    if settings.max_per_flow < 1:
        return Message(QT_TRANSLATE_NOOP("Validation", "Keep at least one link per flow."))
    return None


def check_settings(settings):
    problem = settings_problem(settings)
    if problem is not None:
        raise TerritorialFluxError(problem)


def match_key(code, match_level):
    """The key two compatible flows share: the code itself, or its sub-chapter."""
    return code if match_level == "code" else subchapter_of(code)


def covered_share(offer_quantity, offer_unit, need_quantity, need_unit):
    """The fraction (0 to 1) of the need the offer covers, or None when it cannot be known."""
    if offer_quantity is None or need_quantity is None or not need_quantity > 0:
        return None
    converted = units.convert(offer_quantity, offer_unit, need_unit)
    if converted is None:
        return None
    return min(1.0, converted / need_quantity)


_REASONS = {
    ("code", "share"): QT_TRANSLATE_NOOP("Validation", "same code {code} — {distance} km — covers {percent}% of the need"),
    ("code", "all"): QT_TRANSLATE_NOOP("Validation", "same code {code} — {distance} km — covers all of the need"),
    ("code", "units"): QT_TRANSLATE_NOOP(
        "Validation", "same code {code} — {distance} km — quantities not comparable ({offer_unit} offered, {need_unit} needed)"),
    ("code", "unknown"): QT_TRANSLATE_NOOP("Validation", "same code {code} — {distance} km — quantity not known"),
    ("subchapter", "share"): QT_TRANSLATE_NOOP(
        "Validation", "same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — "
                      "covers {percent}% of the need"),
    ("subchapter", "all"): QT_TRANSLATE_NOOP(
        "Validation", "same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — covers all of the need"),
    ("subchapter", "units"): QT_TRANSLATE_NOOP(
        "Validation", "same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — "
                      "quantities not comparable ({offer_unit} offered, {need_unit} needed)"),
    ("subchapter", "unknown"): QT_TRANSLATE_NOOP(
        "Validation", "same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — quantity not known"),
}


# --- results --------------------------------------------------------------------------------

class PossibleLink(namedtuple("PossibleLink", "offer need distance_km covered_share reason")):
    """An offer and a need that could be linked; ``offer`` and ``need`` are :class:`Flow`."""

    __slots__ = ()

    @property
    def offer_flow_uid(self):
        return self.offer.uid

    @property
    def need_flow_uid(self):
        return self.need.uid

    @property
    def resource_code(self):
        return self.offer.resource_code


MissingLink = namedtuple("MissingLink", "kind flow nearest_km")
MissingLink.__doc__ = ("A flow with no compatible counterpart within the distance; ``nearest_km`` is the "
                       "distance to the nearest one beyond it, or None when there is none at all.")

BalanceRow = namedtuple("BalanceRow", "resource_code family unit offered needed offer_companies "
                                      "need_companies offer_flows need_flows unconverted_flows gap")


# --- selection of the flows -----------------------------------------------------------------

def analysed_flows(flows, settings, archived_companies=()):
    """The flows the analysis considers: active, of an active company, visible at the level."""
    visible = set(visible_levels(settings.max_confidentiality))
    archived = set(archived_companies)
    return [f for f in flows if f.status == "active" and f.confidentiality in visible
            and f.company_uid not in archived and f.direction in ("offer", "need")]


class _Analysis:
    """Flows split into offers and needs, with integer ids for keys, companies and uids."""

    def __init__(self, flows, match_level):
        count = len(flows)
        fields = {name: list(map(itemgetter(Flow._fields.index(name)), flows))
                  for name in ("uid", "company_uid", "direction", "resource_code", "x", "y")}
        keys, code_ids, company_ids = {}, {}, {}
        codes = sorted(set(fields["resource_code"]))
        for code in codes:
            code_ids[code] = keys.setdefault(match_key(code, match_level), len(keys))
        key = np.fromiter(map(code_ids.__getitem__, fields["resource_code"]), dtype=np.int64, count=count)
        code_numbers = {code: i for i, code in enumerate(codes)}
        code = np.fromiter(map(code_numbers.__getitem__, fields["resource_code"]), dtype=np.int64, count=count)
        for company in set(fields["company_uid"]):
            company_ids[company] = len(company_ids)
        company = np.fromiter(map(company_ids.__getitem__, fields["company_uid"]), dtype=np.int64, count=count)
        rank = np.empty(count, dtype=np.int64)
        if count:  # numpy orders str by code points, as Python does
            rank[np.argsort(np.array(fields["uid"]), kind="stable")] = np.arange(count)
        x = np.fromiter(fields["x"], dtype=np.float64, count=count)
        y = np.fromiter(fields["y"], dtype=np.float64, count=count)
        is_offer = np.fromiter((d == "offer" for d in fields["direction"]), dtype=bool, count=count)
        self.sides = []
        for mask in (is_offer, ~is_offer):
            index = np.nonzero(mask)[0]
            self.sides.append(Side([flows[i] for i in index.tolist()], x[index], y[index], key[index],
                                    company[index], rank[index], code[index]))
        self.offers, self.needs = self.sides


def _excluded_codes(analysis, pairs):
    """Sorted codes of the (offer uid, need uid) pairs that must not be proposed."""
    offers = {f.uid: i for i, f in enumerate(analysis.offers.flows)}
    needs = {f.uid: i for i, f in enumerate(analysis.needs.flows)}
    found = [(offers[o], needs[n]) for o, n in pairs if o in offers and n in needs]
    if not found:
        return np.empty(0, dtype=np.int64)
    array = np.array(found, dtype=np.int64)
    return np.unique(pair_codes(array[:, 0], array[:, 1], len(analysis.needs.flows)))


# --- the three analyses ---------------------------------------------------------------------

def possible_links(flows, settings=None, linked_pairs=(), rejected_pairs=(), archived_companies=()):
    """The possible links of the territory as :class:`PossibleLink`, by need uid then distance.

    ``flows``: :class:`Flow` of the workspace; ``linked_pairs``: (offer uid, need uid) of live
    synergies; ``rejected_pairs``: (offer uid, need uid) the advisor rejected. For many
    thousands of links, :func:`link_table` is faster.
    """
    table = link_table(flows, settings, set(linked_pairs) | set(rejected_pairs), archived_companies)
    links = [PossibleLink(offer, need, distance, share, Message(_REASONS[kind], **values))
             for offer, need, distance, share, kind, values in table.rows()]
    links.sort(key=lambda link: (link.need.uid, link.distance_km, link.offer.uid))
    return links


class LinkTable:
    """Possible links as columns (numpy arrays), for writing many of them quickly.

    ``offer_index``/``need_index`` point into ``offers``/``needs`` (lists of :class:`Flow`);
    ``distance_km``; ``covered_share`` (nan when unknown); ``kind`` indexes :data:`REASON_KINDS`.
    """

    def __init__(self, offers, needs, offer_index, need_index, distance_km, covered_share, kind, percent):
        self.offers, self.needs = offers, needs
        self.offer_index, self.need_index = offer_index, need_index
        self.distance_km, self.covered_share = distance_km, covered_share
        self.kind, self.percent = kind, percent

    def __len__(self):
        return len(self.offer_index)

    def rows(self):
        """(offer, need, distance_km, covered_share or None, reason key, reason values) per link."""
        offers, needs = self.offers, self.needs
        for o, n, d, share, kind, percent in zip(
                self.offer_index.tolist(), self.need_index.tolist(), self.distance_km.tolist(),
                self.covered_share.tolist(), self.kind.tolist(), self.percent.tolist()):
            offer, need = offers[o], needs[n]
            yield (offer, need, d, None if share != share else share, REASON_KINDS[kind],
                   _reason_values(offer, need, d, percent))

    def reasons(self, translate=None):
        """The reason sentences, translated by ``translate(context, text)`` when given."""
        cached = getattr(self, "_reasons", None)
        # ==, not is: each access to QCoreApplication.translate makes a new bound method
        if cached is not None and cached[0] == translate:
            return cached[1]
        result = self._format_reasons(translate)
        self._reasons = (translate, result)
        return result

    def reason_parts(self, translate=None):
        """The reason templates of the kinds in use, each as a list of its pieces in order: text
        (a str) or the name of a value (a 1-tuple: ``("code",)``), or None when a template
        formats a value itself (a translation with a format specification): for a writer that
        assembles the sentences from the values (:func:`distance_tenths`, ``percent``)."""
        import string

        parts = {}
        for kind, template in enumerate(_templates(translate)):
            if not (self.kind == kind).any():
                continue
            pieces = []
            for literal, name, spec, conversion in string.Formatter().parse(template):
                if spec or conversion or (name is not None and name not in REASON_VALUES):
                    return None
                if literal:
                    pieces.append(literal)
                if name is not None:
                    pieces.append((name,))
            parts[kind] = pieces
        return parts

    def distance_tenths(self):
        """The distances in tenths of a kilometre as the reasons write them ("{:.1f}"): integers,
        rounded as Python formats the float (numpy's rounding of distance × 10 is checked, and
        the few that fall too close to a half are formatted by Python)."""
        scaled = self.distance_km * 10.0
        tenths = np.rint(scaled).astype(np.int64)
        doubtful = np.nonzero(np.abs(np.abs(scaled - tenths) - 0.5) < 1e-6)[0]
        for i in doubtful.tolist():
            tenths[i] = int("{:.1f}".format(float(self.distance_km[i])).replace(".", ""))
        return tenths

    def _format_reasons(self, translate):
        import string

        templates = _templates(translate)
        count = len(self)
        if not count:
            return []
        offers, needs = self.offers, self.needs
        o, n = self.offer_index, self.need_index

        def per_pair(flows, index, value):
            return np.array([value(f) for f in flows] or [""], dtype=object)[index]

        makers = {  # each column made only when a template in use names it
            "code": lambda: column("offer_code"),
            "offer_code": lambda: per_pair(offers, o, lambda f: f.resource_code),
            "subchapter": lambda: per_pair(offers, o, lambda f: subchapter_of(f.resource_code)),
            "need_code": lambda: per_pair(needs, n, lambda f: f.resource_code),
            "offer_unit": lambda: per_pair(offers, o, lambda f: f.unit or "?"),
            "need_unit": lambda: per_pair(needs, n, lambda f: f.unit or "?"),
            "distance": lambda: np.array(list(map("{:.1f}".format, self.distance_km.tolist())), dtype=object),
            "percent": lambda: np.array([str(p) for p in range(101)], dtype=object)[np.clip(self.percent, 0, 100)],
        }
        values = {}

        def column(name):
            if name not in values:
                values[name] = makers[name]()
            return values[name]

        result = np.empty(count, dtype=object)
        for kind, template in enumerate(templates):
            mask = self.kind == kind
            if not mask.any():
                continue
            parts = list(string.Formatter().parse(template))
            plain = all(not spec and not conversion and (name is None or name in makers)
                        for _literal, name, spec, conversion in parts)
            if not plain:  # a translation with format specifications: one row at a time
                index = np.nonzero(mask)[0]
                every = {name: column(name) for name in makers}
                result[index] = [template.format(**{k: v[i] for k, v in every.items()}) for i in index.tolist()]
                continue
            text = None
            for literal, name, _spec, _conversion in parts:
                for piece in ([literal] if literal else []) + ([column(name)[mask]] if name is not None else []):
                    text = piece if text is None else text + piece
            result[mask] = text if text is not None else ""
        return result.tolist()


REASON_KINDS = tuple(_REASONS)
TRANSLATION_CONTEXT = "Validation"
# the values a reason names
REASON_VALUES = ("code", "offer_code", "subchapter", "need_code", "offer_unit", "need_unit", "distance", "percent")


def _templates(translate):
    templates = [_REASONS[key] for key in REASON_KINDS]
    if translate is not None:
        templates = [translate(TRANSLATION_CONTEXT, t) for t in templates]
    return templates


def _reason_values(offer, need, distance_km, percent):
    return {"code": offer.resource_code, "subchapter": subchapter_of(offer.resource_code),
            "offer_code": offer.resource_code, "need_code": need.resource_code,
            "distance": "{:.1f}".format(distance_km), "percent": percent,
            "offer_unit": offer.unit or "?", "need_unit": need.unit or "?"}


def _quantity_arrays(flows):
    """Quantity in its dimension's base unit (nan when unknown) and dimension id (-1: none)."""
    dimension_ids = {dim: i for i, dim in enumerate(units.DIMENSIONS)}
    count = len(flows)
    quantity = np.fromiter((f.quantity if f.quantity is not None else np.nan for f in flows),
                           dtype=np.float64, count=count)
    factor = np.fromiter((units.DIMENSIONS[units.UNIT_DIMENSION[f.unit]][f.unit]
                          if f.unit in units.UNIT_DIMENSION else np.nan for f in flows),
                         dtype=np.float64, count=count)
    dimension = np.fromiter((dimension_ids.get(units.UNIT_DIMENSION.get(f.unit), -1) for f in flows),
                            dtype=np.int64, count=count)
    return quantity, quantity * factor, dimension


def link_table(flows, settings=None, excluded_pairs=(), archived_companies=()):
    """The possible links as a :class:`LinkTable`; ``excluded_pairs``: (offer uid, need uid)."""
    settings = settings or Settings()
    check_settings(settings)
    analysis = _Analysis(analysed_flows(flows, settings, archived_companies), settings.match_level)
    offer_index, need_index, distance = _pairs(analysis, settings, excluded_pairs)
    offers, needs = analysis.offers.flows, analysis.needs.flows
    offer_raw, offer_base, offer_dim = _quantity_arrays(offers)
    need_raw, need_base, need_dim = _quantity_arrays(needs)
    o_raw, o_base, o_dim = offer_raw[offer_index], offer_base[offer_index], offer_dim[offer_index]
    n_raw, n_base, n_dim = need_raw[need_index], need_base[need_index], need_dim[need_index]
    known = ~np.isnan(o_raw) & ~np.isnan(n_raw) & (np.nan_to_num(n_raw) > 0)
    converts = known & (o_dim == n_dim) & (o_dim >= 0)
    share = np.full(len(offer_index), np.nan)
    share[converts] = np.minimum(1.0, o_base[converts] / n_base[converts])
    quantity_kind = np.where(converts, np.where(np.nan_to_num(share) >= 1.0, 1, 0), np.where(known, 2, 3))
    same_code = analysis.offers.code[offer_index] == analysis.needs.code[need_index]
    kind = np.where(same_code, 0, 4) + quantity_kind
    percent = np.zeros(len(offer_index), dtype=np.int64)
    rounded = np.round(np.nan_to_num(share) * 100).astype(np.int64)
    percent[converts] = np.clip(rounded[converts], np.where(share[converts] > 0, 1, 0), 99)
    return LinkTable(offers, needs, offer_index, need_index, distance / 1000.0, share, kind, percent)


def _pairs(analysis, settings, excluded_pairs):
    offers, needs = analysis.offers, analysis.needs
    radius = settings.max_distance_km * 1000.0
    excluded = _excluded_codes(analysis, excluded_pairs)
    need_count = len(needs.flows)
    nq, no, nd = nearest(needs, offers, settings.max_per_flow, radius, excluded=excluded,
                         query_is_offer=False, need_count=need_count)
    oq, on, od = nearest(offers, needs, settings.max_per_flow, radius, excluded=excluded,
                         query_is_offer=True, need_count=need_count)
    offer_index = np.concatenate([no, oq])
    need_index = np.concatenate([nq, on])
    distance = np.concatenate([nd, od])
    codes = pair_codes(offer_index, need_index, need_count)
    _unique, first = np.unique(codes, return_index=True)
    return offer_index[first], need_index[first], distance[first]


def missing_links(flows, settings=None, covered_flows=(), archived_companies=()):
    """Flows with no compatible counterpart (of another company) within the distance.

    ``covered_flows``: uids of flows taking part in a live synergy: they count as covered.
    Rejected pairs do not matter here. Sorted by kind then flow uid.
    """
    settings = settings or Settings()
    check_settings(settings)
    analysis = _Analysis(analysed_flows(flows, settings, archived_companies), settings.match_level)
    covered = set(covered_flows)
    radius = settings.max_distance_km * 1000.0
    found = []
    for kind, side, other in ((UNMET_NEED, analysis.needs, analysis.offers),
                              (ORPHAN_OFFER, analysis.offers, analysis.needs)):
        q, _t, _d = nearest(side, other, 1, radius)
        linked = np.zeros(len(side.flows), dtype=bool)
        linked[q] = True
        lonely = [i for i in np.nonzero(~linked)[0].tolist() if side.flows[i].uid not in covered]
        if not lonely:
            continue
        subset = _subset(side, lonely)
        q, _t, d = nearest(subset, other, 1, np.inf)
        beyond = dict(zip(q.tolist(), (d / 1000.0).tolist()))
        for position, index in enumerate(lonely):
            found.append(MissingLink(kind, side.flows[index], beyond.get(position)))
    found.sort(key=lambda m: (m.kind, m.flow.uid))
    return found


def _subset(side, indexes):
    index = np.array(indexes, dtype=np.int64)
    return Side([side.flows[i] for i in indexes], side.x[index], side.y[index], side.key[index],
                  side.company[index], side.rank[index], side.code[index])


def _row_unit(family, flows):
    """The unit a balance row is summed in: the family's usual unit's base when it fits."""
    dimensions = {}
    for flow in flows:
        dimension = units.UNIT_DIMENSION.get(flow.unit)
        if dimension is not None:
            dimensions[dimension] = dimensions.get(dimension, 0) + 1
    usual = units.FAMILY_UNITS.get(family, (None,))[0]
    usual_dimension = units.UNIT_DIMENSION.get(usual)
    if usual_dimension in dimensions:
        return usual
    if not dimensions:
        return None
    best = max(sorted(dimensions), key=lambda dim: dimensions[dim])
    return next(iter(units.DIMENSIONS[best]))


def resource_balance(flows, settings=None, archived_companies=()):
    """What the territory offers and needs per resource key (code or sub-chapter).

    Quantities are summed in one unit per row (the family's usual unit where the flows'
    units convert to it); flows whose unit does not convert are counted apart. ``gap`` is
    ``unmet_need`` (needed, not offered), ``orphan_offer`` (offered, not needed) or None.
    """
    settings = settings or Settings()
    check_settings(settings)
    groups = {}
    for flow in analysed_flows(flows, settings, archived_companies):
        groups.setdefault(match_key(flow.resource_code, settings.match_level), []).append(flow)
    rows = []
    for key in sorted(groups):
        members = groups[key]
        family = members[0].family
        unit = _row_unit(family, members)
        sums = {"offer": 0.0, "need": 0.0}
        companies = {"offer": set(), "need": set()}
        count = {"offer": 0, "need": 0}
        unconverted = 0
        for flow in members:
            companies[flow.direction].add(flow.company_uid)
            count[flow.direction] += 1
            value = units.convert(flow.quantity, flow.unit, unit) if unit else None
            if value is None:
                unconverted += 1
            else:
                sums[flow.direction] += value
        gap = None
        if count["need"] and not count["offer"]:
            gap = UNMET_NEED
        elif count["offer"] and not count["need"]:
            gap = ORPHAN_OFFER
        rows.append(BalanceRow(key, family, unit, sums["offer"], sums["need"], len(companies["offer"]),
                               len(companies["need"]), count["offer"], count["need"], unconverted, gap))
    return rows
