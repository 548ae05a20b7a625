"""The flow import: the offers and needs of a workshop spreadsheet, matched to the workspace's
companies and to the nomenclature, written all or nothing."""

import datetime
import getpass
import uuid

from ..domain import importing as rules
from ..domain.codes import parse_code
from ..domain.errors import CanceledError, fail
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.nomenclature import resources_by_code
from ..domain.quantities import column_comma, format_number, is_ambiguous, number_style, parse_number, parse_quantity
from ..domain.resources import resource_matcher, resource_problem
from ..domain.search import term_key
from ..domain.siret import normalise_siret, siret_problem
from ..domain.timestamps import utc_now
from ..domain.units import FAMILY_UNITS, canonical_unit
from ..storage import workspace_at
from .columns import FLOW_COLUMNS
from .facts import WorkspaceFacts
from .mapping import resolve_mapping
from .results import ImportResult, Quiet, untranslated
from .sources import open_source
from .tables import usable_for_flows
from .words import learned_words, remember_words


class FlowImport:
    """Options of one flow import; :meth:`run` does it.

    ``words``: the advisor's choices for words that name several resources (``{word: code}``),
    used for this file and remembered by the workspace in the import's transaction.
    ``check_only``: read and check every row, write nothing; ``unresolved`` then lists each
    distinct word that still names no resource without doubt, once, with its rows and candidates.
    """

    def __init__(self, workspace, source_value, user=None, today=None, lang="en", words=None, check_only=False):
        self.workspace = workspace_at(workspace)
        self.source_value = source_value
        self.user = user or getpass.getuser()
        self.today = today or datetime.date.today()
        self.lang = lang
        self.words = dict(words or {})
        self.check_only = check_only
        self.source = None
        self.mapping = None
        self.comma = None  # how 1,200 reads in this file (see domain.quantities)
        self.unresolved = []  # [{"word", "rows", "candidates"}], in the order of the file
        self._unresolved = None

    def open(self):
        self.source = open_source(self.source_value, None, usable_for_flows)
        self.mapping = resolve_mapping(self.source, {}, rules.FLOW_TARGETS)
        return self.source

    def run(self, feedback=None, translate=untranslated):
        feedback = feedback or Quiet()
        if self.source is None:
            self.open()
        source, mapping = self.source, self.mapping
        facts = WorkspaceFacts(self.workspace)
        missing = [t for t in ("direction", "resource") if t not in mapping]
        if "siret" not in mapping and "company" not in mapping:
            missing.insert(0, "siret/company")
        if missing:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "{file}: no column was recognised for {fields}. Its columns are: {columns}. "
                              "Use the template's headers (company, siret, direction, resource, quantity, "
                              "unit, confidentiality, comment)."),
                file=source.file, fields=", ".join(missing), columns=", ".join(source.columns))
        # on a team workspace, a flow's advisor is the login the server knows (row-level security)
        self.user = self.workspace.user or self.user
        result = ImportResult(source.file, source.columns)
        index = {t: source.columns.index(c) for t, c in mapping.items()}
        companies = facts.companies(("uid", "siret", "name", "commune", "commune_code"))
        by_siret = {c["siret"]: c for c in companies if c["siret"]}
        by_name = {}
        for company in companies:
            by_name.setdefault(rules.normalise_name(company["name"]), []).append(company)
        self.words = self._checked_words()
        resources = resource_matcher().with_learned({**learned_words(self.workspace), **self.words})
        now = utc_now()
        unresolved = {}
        rows = []
        total = source.count() or 0
        read = list(source.rows())  # a workshop's rows: the quantity column is read as a whole
        quantities = [values[index["quantity"]] for _n, values, _x, _y, _p in read] if "quantity" in index else []
        self.comma = column_comma(quantities, self.lang)
        ambiguous = [q for q in quantities if is_ambiguous(q)]
        if ambiguous:
            result.notes.append(self._comma_note(quantities, ambiguous))
        for position, (number, values, _x, _y, problem) in enumerate(read):
            if feedback.isCanceled():
                raise CanceledError()
            if total:
                feedback.setProgress(80.0 * position / total)
            if problem is None:
                self._unresolved = None
                row, problem = self._check_row(values, index, by_siret, by_name, resources, now)
                if self._unresolved is not None:
                    word, candidates = self._unresolved
                    entry = unresolved.setdefault(term_key(word), {"word": word, "rows": [], "candidates": candidates})
                    entry["rows"].append(number)
            if problem is not None:
                result.reject(number, values, problem)
                continue
            rows.append(row)
        self.unresolved = list(unresolved.values())
        if feedback.isCanceled():
            raise CanceledError()
        if self.check_only:
            result.imported = len(rows)  # what the import would write
            return result
        with self.workspace.opened() as database, database.transaction():
            database.insert_rows("flows", FLOW_COLUMNS, rows)
            remember_words(database, self.words, self.user)
            if feedback.isCanceled():
                raise CanceledError()
        result.imported = len(rows)
        feedback.setProgress(100)
        return result

    def _checked_words(self):
        """The advisor's choices with their codes normalised; a TerritorialFluxError for a code
        that is not an entry of the nomenclature."""
        checked = {}
        for word, code in self.words.items():
            parsed = parse_code(code)
            row = resources_by_code().get(parsed[0]) if parsed else None
            if row is None or row["level"] != "entry":
                fail(QT_TRANSLATE_NOOP("Validation", "'{code}', chosen for '{word}', is not a resource of the "
                                                      "nomenclature."), code=code, word=word)
            checked[word] = row["code"]
        return checked

    def _comma_note(self, quantities, ambiguous):
        """What NOTES says of the quantities like 1,200: how they were read, and why."""
        values = {"count": len(ambiguous), "example": ambiguous[0],
                  "value": format_number(parse_number(ambiguous[0], self.comma), self.lang)}
        if len({number_style(q) for q in quantities if q is not None} - {None}) == 1:
            return Message(QT_TRANSLATE_NOOP(
                "Validation", "{example} was read as {value} ({count} such quantities in all), as the other "
                              "numbers of its column write them."), **values)
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "{example} was read as {value} ({count} such quantities in all): nothing in its "
                          "column decides, so the language of the interface does."), **values)

    def _check_row(self, values, index, by_siret, by_name, resources, now):
        def get(target):
            position = index.get(target)
            return None if position is None else values[position]

        siret, name = get("siret"), get("company")
        company = None
        if siret:
            problem = siret_problem(siret)
            if problem is not None:
                return None, problem
            company = by_siret.get(normalise_siret(siret))
            if company is None:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "No company of the workspace has the SIRET {siret}: import or add the "
                                  "company first."), siret=siret)
        elif name:
            found = by_name.get(rules.normalise_name(name), [])
            if not found:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "No company of the workspace is called '{name}': check the spelling, "
                                  "give its SIRET, or add the company first."), name=name)
            if len(found) > 1:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "{count} companies of the workspace are called '{name}': give the SIRET."),
                    count=len(found), name=name)
            company = found[0]
        else:
            return None, Message(QT_TRANSLATE_NOOP("Validation", "The row names no company: give a SIRET or a name."))
        direction_text = get("direction")
        direction = rules.parse_direction(direction_text)
        if direction is None:
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "'{value}' is neither an offer nor a need (write offer/need or offre/besoin)."),
                value=direction_text or "")
        resource_text = get("resource")
        resource, candidates = resources.resolve(resource_text, lang=self.lang)
        if resource is None:
            if not resource_text:
                return None, Message(QT_TRANSLATE_NOOP("Validation", "The resource is missing: give its code or its name."))
            self._unresolved = (resource_text, candidates)
            return None, resource_problem(resource_text, candidates, self.lang)
        quantity, unit, problem = parse_quantity(get("quantity"), self.comma)
        if problem is not None:
            return None, problem
        unit_text = get("unit")
        if unit_text:
            stated = canonical_unit(unit_text)
            if stated is None:
                return None, Message(QT_TRANSLATE_NOOP("Validation", "'{unit}' is not a unit the plugin knows."),
                                     unit=unit_text)
            if unit is not None and stated != unit:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "The quantity says {one} but the unit column says {other}."),
                    one=unit, other=stated)
            unit = stated
        family = resource["family"]
        if unit is not None and unit not in FAMILY_UNITS.get(family, ()):
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "{unit} does not fit a {family} resource; use one of: {units}."),
                unit=unit, family=family, units=", ".join(FAMILY_UNITS.get(family, ())))
        if quantity is not None and unit is None:
            unit = FAMILY_UNITS[family][0]
        confidentiality = "internal"
        if get("confidentiality"):
            confidentiality = rules.parse_confidentiality(get("confidentiality"))
            if confidentiality is None:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "'{value}' is not a confidentiality level (advisor, internal, partners, public)."),
                    value=get("confidentiality"))
        priority = "medium"
        if get("priority"):
            priority = rules.parse_priority(get("priority"))
            if priority is None:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "'{value}' is not a priority (high, medium, low)."), value=get("priority"))
        label = get("label") or (resource_text if not parse_code(resource_text) else None)
        row = (str(uuid.uuid4()), company["uid"], direction, family, resource["code"], label, quantity, unit,
               int(bool(resource["hazardous"])), priority, confidentiality, self.user, "active",
               get("comment"), self.today.isoformat(), now, now, self.user)
        return row, None
