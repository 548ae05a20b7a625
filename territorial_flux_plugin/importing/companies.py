"""The company import: every row of a partner's file (or of SIRENE) checked, placed and matched
against the workspace, then written all or nothing by the storage's writer.

Rows are checked in chunks in the calling thread while the writer inserts the chunks already
checked into one open transaction (see :mod:`.write_geopackage`); nothing is committed before
the last row was checked, and any failure or cancel rolls it all back.
"""

import datetime
import getpass
import math
import re

from ..domain import importing as rules
from ..domain.errors import CanceledError, fail
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.quantities import parse_number
from ..domain.siret import normalise_siret, siret_problem
from ..domain.vocabulary import HEADCOUNT_BANDS
from ..storage import workspace_at
from .facts import WorkspaceFacts, spatial_reference
from .mapping import resolve_mapping
from .results import DUPLICATE, REJECTED, SKIPPED, ImportResult, Quiet, source_label, untranslated
from .sources import CHUNK, Remark, open_source
from .tables import usable_for_companies
from .writers import company_writer, quick_handover

BULK_THRESHOLD = 500  # rows from which the GeoPackage writer works in bulk
FIRST_CHUNK = 1000  # the first chunk is smaller: the writer starts sooner

COMPANY_COLUMNS = ("siret", "name", "naf_code", "headcount_band", "address", "postcode", "commune",
                   "commune_code", "zone", "contact_name", "contact_email", "contact_phone", "notes")
PARTIAL_HIDDEN = ("address", "street_number", "street_type", "street_name", "contact_name",
                  "contact_email", "contact_phone", "x", "y", "longitude", "latitude")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CompanyImport:
    """Options of one company import; :meth:`run` does it."""

    def __init__(self, workspace, source_value, mapping=None, on_duplicate="skip",
                 skip_closed=True, legal_units=None, source_crs=None, encoding=None, user=None,
                 today=None):
        self.workspace = workspace_at(workspace)
        self.source_value = source_value
        self.mapping_override = mapping or {}
        self.on_duplicate = on_duplicate
        self.skip_closed = skip_closed
        self.legal_units = legal_units
        self.source_crs = source_crs
        self.encoding = encoding
        self.user = user or getpass.getuser()
        self.today = today or datetime.date.today()
        self.source = None
        self.mapping = None
        self.infer_crs = False  # SIRENE's coordinates: each row's CRS from its commune code
        self.inferred = {}

    # -- set-up --
    def open(self):
        self.source = open_source(self.source_value, self.encoding, usable_for_companies)
        self.mapping = resolve_mapping(self.source, self.mapping_override, rules.COMPANY_TARGETS)
        return self.source

    def _coordinate_plan(self):
        """How each row gets its point, and the CRS checks that refuse an import up front."""
        mapping, source = self.mapping, self.source
        user_srs = None
        if self.source_crs:
            user_srs = spatial_reference(self.source_crs)
            if user_srs is None:
                fail(QT_TRANSLATE_NOOP("Validation", "SOURCE_CRS '{crs}' is not a CRS GDAL knows."),
                      crs=self.source_crs)
        xy = "x" in mapping and "y" in mapping
        lonlat = "longitude" in mapping and "latitude" in mapping
        if ("x" in mapping) != ("y" in mapping):
            fail(QT_TRANSLATE_NOOP("Validation", "Map both the x and the y column, or neither."))
        if not (source.has_geometry or xy or lonlat):
            fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} has no geometry and no coordinate columns were recognised: map "
                              "the x and y (or longitude and latitude) columns."), file=source.file)
        geometry_srs = None
        if source.has_geometry:
            geometry_srs = user_srs or (spatial_reference(source.crs_wkt) if source.crs_wkt else None)
            if geometry_srs is None:
                fail(QT_TRANSLATE_NOOP(
                    "Validation", "{file} does not say in which coordinate reference system its points "
                                  "are (a shapefile without its .prj file?). Give it as SOURCE_CRS, for "
                                  "example EPSG:2154 for Lambert-93; it is never guessed."),
                    file=source.file)
        if xy and "epsg" not in mapping and user_srs is None and geometry_srs is None:
            if rules.column_key(mapping["x"]) == rules.SIRENE_X_COLUMN:
                self.infer_crs = True
                return geometry_srs, user_srs
            fail(QT_TRANSLATE_NOOP(
                "Validation", "{file}: the x and y columns do not say in which coordinate reference "
                              "system they are. Give it as SOURCE_CRS (for example EPSG:2154 for "
                              "Lambert-93); it is never guessed."), file=source.file)
        return geometry_srs, user_srs

    def _legal_names(self, sirens, feedback):
        if not self.legal_units:
            return {}
        source = open_source(self.legal_units, None)
        mapping = rules.propose_mapping(source.columns, rules.LEGAL_UNIT_TARGETS)
        if "siren" not in mapping:
            fail(QT_TRANSLATE_NOOP("Validation", "{file} has no siren column: is it SIRENE's legal "
                                                  "units file (StockUniteLegale)?"), file=source.file)
        index = {t: source.columns.index(c) for t, c in mapping.items()}
        names = {}
        for _number, values, _x, _y, _problem in source.rows():
            siren = values[index["siren"]]
            if siren not in sirens:
                continue
            get = lambda t, values=values: values[index[t]] if t in index else None  # noqa: E731
            name = _public(get("name"))
            if not name:
                first, last = _public(get("first_name")), _public(get("last_name"))
                name = " ".join(p for p in (first, last) if p) or None
            names[siren] = name
            if feedback.isCanceled():
                raise CanceledError()
        return names

    # -- the run --
    def run(self, feedback=None, translate=untranslated):
        """Check every row, then write the companies in one transaction; returns an ImportResult.

        Rows are checked in chunks while a writer thread inserts the chunks already checked into
        the open transaction (SQLite works without Python's lock, so the two overlap); nothing
        is committed before the last row was checked, and any failure or cancel rolls it all back.
        With LEGAL_UNITS the names are only known once every row was read: the rows are then
        written at the end.
        """
        feedback = feedback or Quiet()
        if self.source is None:
            self.open()
        source, mapping = self.source, self.mapping
        facts = WorkspaceFacts(self.workspace)
        geometry_srs, user_srs = self._coordinate_plan()
        result = ImportResult(source.file, source.columns)
        index = {t: source.columns.index(c) for t, c in mapping.items()}
        total = source.count() or 0
        label = source_label(self.source_value, self.today)
        existing = self._existing(facts)
        bounds = facts.bounds()
        seen = {"sirets": {}, "keys": {}}
        updates = []
        inferred = self.inferred = {}  # rows read per CRS inferred from the commune code
        writer = company_writer(self.workspace, self, facts, label, bulk=total >= BULK_THRESHOLD)
        writer.start()

        def flush(records):
            records = self._names_and_duplicates(records, seen, result)
            records = self._place(records, facts, geometry_srs, user_srs, result, bounds)
            inserts, updating = self._match(records, existing, result)
            updates.extend(updating)
            for record in inserts + [r for _c, r in updating]:
                if "_remark" in record:
                    result.remark(record["_row"], record["_values"], record["_remark"])
            writer.put(writer.rows(inserts))

        try:
            with quick_handover():
                self._read(source, index, facts, feedback, total, result, seen, flush)
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(90)
            writer.finish(updates)
        except BaseException:
            writer.abort()
            raise
        result.imported = writer.inserted
        result.updated = len(updates)
        if self.infer_crs:
            result.notes.append(Message(QT_TRANSLATE_NOOP(
                "Validation", "The file does not say in which coordinate reference system its coordinates "
                              "are: as INSEE publishes SIRENE, each row's was inferred from its commune code "
                              "(rows per CRS: {counts})."),
                counts=", ".join("{} ({})".format(crs, n) for crs, n in sorted(inferred.items())) or "0"))
        feedback.setProgress(100)
        return result

    def _read(self, source, index, facts, feedback, total, result, seen, flush):
        """Check every row and hand the checked ones to ``flush`` chunk by chunk (the first one
        smaller: the writer starts sooner)."""
        pending, flushed = [], False
        for position, (number, values, x, y, geometry_problem) in enumerate(source.rows()):
            if position % 2000 == 0:
                if feedback.isCanceled():
                    raise CanceledError()
                if total:
                    feedback.setProgress(min(90.0, 90.0 * position / total))
            record, problem, outcome = self._check_row(values, index, x, y, geometry_problem, facts)
            if problem is not None:
                result.reject(number, values, problem, outcome)
                continue
            record["_row"], record["_values"] = number, values
            siret = record["siret"]
            if siret:
                if siret in seen["sirets"]:
                    result.reject(number, values, Message(QT_TRANSLATE_NOOP(
                        "Validation", "SIRET {siret} is already on row {row} of this file."),
                        siret=siret, row=seen["sirets"][siret]))
                    continue
                seen["sirets"][siret] = number
            pending.append(record)
            if not self.legal_units and len(pending) >= (CHUNK if flushed else FIRST_CHUNK):
                flush(pending)
                pending = []
                flushed = True
        if self.legal_units:
            # the names the establishment file lacks, from SIRENE's legal units file
            names = self._legal_names({r["siret"][:9] for r in pending if r["siret"]}, feedback)
            for record in pending:
                if not record["name"] and record["siret"]:
                    record["name"] = names.get(record["siret"][:9])
        flush(pending)

    def _names_and_duplicates(self, records, seen, result):
        """The name (legal, else trade name) and probable duplicates inside the file."""
        kept = []
        for record in records:
            if not record["name"]:
                record["name"] = record.pop("_trade_name", None)
            if not record["name"]:
                result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                    "Validation", "The company has no name (map a name column, or give SIRENE's legal "
                                  "units file as LEGAL_UNITS).")))
                continue
            if not record["siret"]:
                key = rules.duplicate_key(record["name"], record["commune_code"] or record["commune"])
                record["_key"] = key
                if key in seen["keys"]:
                    result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                        "Validation", "Probable duplicate of row {row} of this file (same name and "
                                      "commune, no SIRET): not imported."), row=seen["keys"][key]),
                        DUPLICATE)
                    continue
                seen["keys"][key] = record["_row"]
            kept.append(record)
        return kept

    def _check_row(self, values, index, x, y, geometry_problem, facts):
        """(record, None, None) or (None, problem, outcome)."""
        not_disclosed = rules.NOT_DISCLOSED
        fields = {target: value for target, position in index.items()
                  if (value := values[position]) is not None and value != not_disclosed}
        get = fields.get
        partial = rules.is_partial_diffusion(get("diffusion"))
        if partial:
            for target in PARTIAL_HIDDEN:  # only what is public
                fields.pop(target, None)

        closed = rules.is_closed(get("state"))
        if closed and self.skip_closed:
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "Closed establishment (etatAdministratifEtablissement = F): skipped.")), SKIPPED
        record = {"status": "archived" if closed else "active"}
        siret = get("siret")
        if siret and not rules.quick_siret_ok(siret):
            problem = siret_problem(siret)
            if problem is not None:
                return None, problem, REJECTED
            siret = normalise_siret(siret)
        record["siret"] = siret or None
        record["name"] = get("name")
        record["_trade_name"] = get("trade_name")
        naf = get("naf_code")
        if naf:
            code = rules.normalise_naf(naf)
            if code is None or code not in facts.naf_codes:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "Unknown NAF code '{value}' (NAF rév. 2 codes look like 10.71C)."),
                    value=naf), REJECTED
            naf = code
        record["naf_code"] = naf
        band = get("headcount_band")
        if band:
            code = rules.normalise_headcount_band(band)
            if code not in HEADCOUNT_BANDS:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "Unknown headcount band '{value}' (INSEE bands: NN, 00, 01, 02, 03, 11…)."),
                    value=band), REJECTED
            band = code
        record["headcount_band"] = band
        address = get("address")
        if not address:
            address = " ".join(p for p in (get("street_number"), get("street_type"), get("street_name")) if p) or None
        record["address"] = address
        for target, normalise, template in (
                ("postcode", rules.normalise_postcode,
                 QT_TRANSLATE_NOOP("Validation", "'{value}' is not a postcode (5 digits).")),
                ("commune_code", rules.normalise_commune_code,
                 QT_TRANSLATE_NOOP("Validation", "'{value}' is not an INSEE commune code (5 characters, like 59183 or 2A004)."))):
            value = get(target)
            if value:
                normal = normalise(value)
                if normal is None:
                    return None, Message(template, value=value), REJECTED
                value = normal
            record[target] = value
        email = get("contact_email")
        if email and not _EMAIL.match(email):
            return None, Message(QT_TRANSLATE_NOOP("Validation", "'{value}' is not an e-mail address."),
                                 value=email), REJECTED
        for target in ("commune", "zone", "contact_name", "contact_email", "contact_phone", "notes"):
            record[target] = get(target)
        # the point
        if isinstance(geometry_problem, Remark):
            record["_remark"] = geometry_problem  # a polygon, placed at a point on its surface
        elif geometry_problem is not None:
            return None, geometry_problem, REJECTED
        crs = "geometry"
        if x is None:
            crs = None
            for tx, ty, kind in (("x", "y", "xy"), ("longitude", "latitude", "lonlat")):
                raw_x, raw_y = get(tx), get(ty)
                if raw_x is None and raw_y is None:
                    continue
                x, y = parse_number(raw_x), parse_number(raw_y)
                if x is None or y is None or not (math.isfinite(x) and math.isfinite(y)):
                    return None, Message(QT_TRANSLATE_NOOP(
                        "Validation", "The coordinates '{x}', '{y}' are not numbers."), x=raw_x, y=raw_y), REJECTED
                if kind == "lonlat":
                    crs = "EPSG:4326"
                else:
                    epsg = get("epsg")
                    if epsg:
                        code = re.sub(r"^\s*epsg\s*:\s*", "", epsg, flags=re.I)
                        if code.endswith(".0"):
                            code = code[:-2]
                        if not code.isdigit():
                            return None, Message(QT_TRANSLATE_NOOP(
                                "Validation", "'{value}' is not an EPSG code."), value=epsg), REJECTED
                        crs = "EPSG:" + code
                    elif self.infer_crs:
                        crs = rules.sirene_crs(record["commune_code"])
                        if crs is None:
                            return None, Message(QT_TRANSLATE_NOOP(
                                "Validation", "The row has coordinates but no commune code: the coordinate "
                                              "reference system of SIRENE's coordinates follows from the "
                                              "commune (give SOURCE_CRS if they are all in one).")), REJECTED
                        self.inferred[crs] = self.inferred.get(crs, 0) + 1
                    else:
                        crs = "source"
                break
        if x is None:
            reason = QT_TRANSLATE_NOOP(
                "Validation", "No coordinates: the establishment cannot be placed on the map.")
            if partial:
                reason = QT_TRANSLATE_NOOP(
                    "Validation", "No coordinates: the register does not publish the location of this "
                                  "establishment (partial diffusion).")
            return None, Message(reason), REJECTED
        record["_x"], record["_y"], record["_crs"] = x, y, crs
        return record, None, None

    def _place(self, records, facts, geometry_srs, user_srs, result, bounds):
        from osgeo import osr

        groups = {}
        for record in records:
            groups.setdefault(record["_crs"], []).append(record)
        placed = []
        for key, group in groups.items():
            if key == "geometry":
                srs = geometry_srs
            elif key == "source":
                srs = user_srs or geometry_srs  # x/y columns of a file whose layer says its CRS
            else:
                srs = spatial_reference(key)
                if srs is None:
                    for record in group:
                        result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                            "Validation", "{crs} is not a coordinate reference system GDAL knows."), crs=key))
                    continue
            if srs.IsSame(facts.srs):
                points = [(r["_x"], r["_y"]) for r in group]
            else:
                transform = osr.CoordinateTransformation(srs, facts.srs)
                points = transform.TransformPoints([(r["_x"], r["_y"]) for r in group])
            for record, point in zip(group, points):
                record["_x"], record["_y"] = point[0], point[1]
                placed.append(record)
        kept = []
        for record in sorted(placed, key=lambda r: r["_row"]):
            x, y = record["_x"], record["_y"]
            if not (math.isfinite(x) and math.isfinite(y)) or (
                    bounds and not (bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3])):
                result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                    "Validation", "The point is far outside the workspace's territory (wrong coordinate "
                                  "reference system, or swapped coordinates?).")))
                continue
            kept.append(record)
        return kept

    @staticmethod
    def _existing(facts):
        companies = facts.companies(("uid", "siret", "name", "commune", "commune_code") + COMPANY_COLUMNS[2:])
        by_siret = {c["siret"]: c for c in companies if c["siret"]}
        by_key = {}
        for company in companies:
            by_key.setdefault(rules.duplicate_key(company["name"], company["commune_code"] or company["commune"]),
                              company)
        return by_siret, by_key

    def _match(self, records, existing, result):
        by_siret, by_key = existing
        inserts, updates = [], []
        for record in records:
            if record["siret"] and record["siret"] in by_siret:
                company = by_siret[record["siret"]]
                if self.on_duplicate == "update":
                    updates.append((company, record))
                else:
                    result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                        "Validation", "SIRET {siret} is already in the workspace ({name}): skipped."),
                        siret=record["siret"], name=company["name"]), SKIPPED)
                continue
            if not record["siret"] and record["_key"] in by_key:
                company = by_key[record["_key"]]
                result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                    "Validation", "Probable duplicate of {name} already in the workspace (same name and "
                                  "commune, no SIRET to be sure): not imported."), name=company["name"]),
                    DUPLICATE)
                continue
            inserts.append(record)
        return inserts, updates

    def _changes(self, company, record, label, now):
        """What an update writes into an existing company (its point apart)."""
        changes = {}
        for column in COMPANY_COLUMNS:
            value = record[column]
            if value in (None, ""):
                continue  # an empty source value never erases what an advisor entered
            if column == "notes" and company.get("notes"):
                continue
            changes[column] = value
        changes.update({"source": label, "updated_at": now, "updated_by": self.user})
        if record["status"] == "archived":
            changes["status"] = "archived"
        return changes


def _public(value):
    if value is None or value == rules.NOT_DISCLOSED or not str(value).strip():
        return None
    return str(value).strip()
