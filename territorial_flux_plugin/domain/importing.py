"""Rules for reading partner data: column names, quantities, NAF codes, words, encodings.

Pure Python (no qgis or Qt import). Every problem is a :class:`~.messages.Message`; a problem
found on one row of one file is wrapped in a :class:`RowMessage` that names the file and the
row, so that a person can find it.
"""

import re
from functools import lru_cache

from .messages import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, Message
from .text import strip_accents, word_key

# --- text keys ------------------------------------------------------------------------------


def column_key(name):
    """``'Code INSEE'``, ``'code_insee'``, ``'CodeInsee'`` -> ``'codeinsee'``; text in brackets dropped."""
    text = strip_accents(str(name or "")).lower()
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    return re.sub(r"[^a-z0-9]", "", text)


class RowMessage(Message):
    """A problem of one row of one file: ``{file}, row {row}: {problem}`` (problem translated too)."""

    __slots__ = ()

    def __init__(self, file, row, problem):
        super().__init__(QT_TRANSLATE_NOOP("Validation", "{file}, row {row}: {problem}"),
                         file=file, row=row, problem=problem)

    @property
    def problem(self):
        return self.values["problem"]

    def translated(self, translate):
        problem = self.values["problem"]
        text = problem.translated(translate) if isinstance(problem, Message) else str(problem)
        return translate(TRANSLATION_CONTEXT, self.template).format(
            file=self.values["file"], row=self.values["row"], problem=text)


def translated(message, translate=None):
    """A Message (or anything) as text; ``translate(context, text)`` defaults to identity."""
    if isinstance(message, Message):
        return message.translated(translate or (lambda _context, text: text))
    return str(message)


# --- column mapping -------------------------------------------------------------------------

# Company fields an import can fill, with the column names that propose them (compared with
# column_key: case, accents, spaces and punctuation do not matter), in ranks: a name of an earlier
# rank wins over a name of a later one (SIRENE's official names come first, so that its
# denominationUsuelleEtablissement wins over enseigne1Etablissement), and two columns named in
# the same rank are a conflict the person settles. Shapefiles cut names at 10 characters, so a
# 10-character column also matches the names it is the beginning of (weaker than any whole name).
COMPANY_TARGETS = (
    ("siret", (("siret", "numsiret", "nsiret", "numerosiret", "siretetablissement"),)),
    ("name", (("denominationunitelegale",), ("raisonsociale", "raisonsoc", "nomraisonsociale", "denomination"),
              ("nomentreprise", "nomdelentreprise", "companyname"), ("entreprise", "societe", "company"),
              ("name", "nom"), ("rs", "nometablissement"))),
    ("trade_name", (("denominationusuelleetablissement",), ("enseigne1etablissement",),
                    ("enseigne", "nomcommercial", "tradename"))),
    ("naf_code", (("activiteprincipaleetablissement",), ("apenaf", "nafape", "codeape", "codenaf"),
                  ("ape", "naf", "nafcode"), ("activiteprincipale",), ("activite",))),
    ("headcount_band", (("trancheeffectifsetablissement",), ("trancheeffectifs", "trancheeffectif", "headcountband"),
                        ("effectifs", "effectif", "headcount"), ("tranche",))),
    ("address", (("adresse", "adresseetablissement", "adressecomplete", "address"), ("geoadresse",),
                 ("adresse1", "ligneadresse"))),
    ("street_number", (("numerovoieetablissement",), ("numerovoie",), ("numero", "num"))),
    ("street_type", (("typevoieetablissement",), ("typevoie",))),
    ("street_name", (("libellevoieetablissement",), ("libellevoie",), ("voie", "rue", "street"))),
    ("postcode", (("codepostaletablissement",), ("codepostal", "postcode", "postalcode", "zipcode"),
                  ("cp", "zip"))),
    ("commune", (("libellecommuneetablissement",), ("commune", "nomcommune", "libellecommune", "city"),
                 ("ville", "localite", "town"))),
    ("commune_code", (("codecommuneetablissement",), ("codeinsee", "codecommune", "inseecode", "communecode"),
                      ("insee", "depcom", "cog", "plgcodecommune"))),
    ("zone", (("zone", "zoneactivite", "zonedactivite", "businesszone"), ("zae", "parcactivite"))),
    ("contact_name", (("contact", "nomcontact", "contactname"), ("interlocuteur",))),
    ("contact_email", (("email", "courriel", "contactemail", "adressemail"), ("mail",))),
    ("contact_phone", (("telephone", "phone", "contactphone"), ("tel",))),
    ("notes", (("notes", "commentaire", "commentaires", "comment"), ("remarques", "observations"))),
    ("x", (("coordonneelambertabscisseetablissement",), ("x", "xl93", "xlambert93", "lambertx"),
           ("coordx", "abscisse"))),
    ("y", (("coordonneelambertordonneeetablissement",), ("y", "yl93", "ylambert93", "lamberty"),
           ("coordy", "ordonnee"))),
    ("longitude", (("longitude", "lon", "lng", "long"),)),
    ("latitude", (("latitude", "lat"),)),
    ("epsg", (("epsg", "codeepsg", "srid"),)),
    ("state", (("etatadministratifetablissement",), ("etatadministratif",), ("etat",))),
    ("diffusion", (("statutdiffusionetablissement",), ("statutdiffusion",))),
)

LEGAL_UNIT_TARGETS = (
    ("siren", (("siren",),)),
    ("name", (("denominationunitelegale",), ("denomination", "raisonsociale"))),
    ("first_name", (("prenomusuelunitelegale",), ("prenom1unitelegale",), ("prenom",))),
    ("last_name", (("nomusageunitelegale",), ("nomunitelegale",), ("nom",))),
    ("diffusion", (("statutdiffusionunitelegale",), ("statutdiffusion",))),
)

FLOW_TARGETS = (
    ("siret", (("siret",),)),
    ("company", (("company", "entreprise", "companyname", "nomentreprise"),
                 ("raisonsociale", "societe", "etablissement"), ("nom", "name"))),
    ("direction", (("direction", "sens", "offrebesoin", "offreoubesoin", "offerneed", "offerorneed"),
                   ("type",))),
    ("resource", (("resource", "ressource", "resourcecode", "coderessource"), ("codedechet", "wastecode"),
                  ("code",))),
    ("label", (("label", "libelle"), ("description", "designation", "intitule"))),
    ("quantity", (("quantity", "quantite", "qty", "qte"), ("volume", "tonnage"))),
    ("unit", (("unit", "unite", "units", "unites"),)),
    ("confidentiality", (("confidentiality", "confidentialite"),)),
    ("priority", (("priority", "priorite"),)),
    ("comment", (("comment", "commentaire", "comments", "commentaires", "notes"), ("remarque", "remarques"))),
)

COMPANY_FIELDS = tuple(t for t, _a in COMPANY_TARGETS)
FLOW_FIELDS = tuple(t for t, _a in FLOW_TARGETS)


def _candidates(columns, targets):
    """``(strength, target index, target, position)`` for every column a target's names match."""
    keys = [column_key(column) for column in columns]
    candidates = []
    for index, (target, ranks) in enumerate(targets):
        for rank, names in enumerate(ranks):
            for position, key in enumerate(keys):
                if not key:
                    continue
                if key in names:
                    candidates.append((rank, index, target, position))
                elif len(key) >= 8 and len(columns[position]) == 10 and any(n.startswith(key) for n in names):
                    candidates.append((100 + rank, index, target, position))
    return sorted(candidates, key=lambda c: (c[0], c[1], c[3]))


def _assign(columns, targets):
    mapping, used, strengths = {}, set(), {}
    candidates = _candidates(columns, targets)
    for strength, _index, target, position in candidates:
        if target in mapping or position in used:
            continue
        mapping[target] = position
        strengths[target] = strength
        used.add(position)
    return mapping, used, strengths, candidates


def propose_mapping(columns, targets=COMPANY_TARGETS):
    """``{target: column}`` proposed for the source ``columns``; each column used once.

    A name of an earlier rank makes a stronger proposal; exact names win over the beginnings of
    names that a shapefile cut at 10 characters.
    """
    mapping = _assign(columns, targets)[0]
    return {t: columns[mapping[t]] for t, _a in targets if t in mapping}


def column_conflicts(columns, targets=COMPANY_TARGETS):
    """``{target: [(position, column), …]}`` for the fields that two or more columns name with
    names of the same rank (``quantité`` and ``quantity``, or one header written twice);
    positions count from 1."""
    mapping, used, strengths, candidates = _assign(columns, targets)
    conflicts = {}
    for strength, _index, target, position in candidates:
        if target in mapping and strength == strengths[target] and position != mapping[target] \
                and position not in used:
            conflicts.setdefault(target, [(mapping[target] + 1, columns[mapping[target]])]).append(
                (position + 1, columns[position]))
    return conflicts


def conflict_message(file, target, columns):
    """The Message refusing two columns that name one field."""
    listed = ", ".join("'{}' ({})".format(name, position) for position, name in columns)
    return Message(QT_TRANSLATE_NOOP(
        "Validation", "{file}: the columns {columns} all name the field {field} (the numbers are their "
                      "positions). Keep one of them, or say which one holds {field}."),
        file=file, columns=listed, field=target)


def parse_mapping(text, targets=COMPANY_TARGETS):
    """``'siret=SIRET; name=RAISON'`` -> ``{'siret': 'SIRET', 'name': 'RAISON'}``.

    An empty column (``zone=``) removes a proposal: the value is None. Raises ValueError with a
    Message for an unknown target or a pair without ``=``.
    """
    mapping = {}
    known = [t for t, _a in targets]
    for part in re.split(r"[;\n]", text or ""):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(Message(QT_TRANSLATE_NOOP(
                "Validation", "'{part}' is not a mapping: write field=column, separated by ';'."),
                part=part.strip()))
        target, column = (s.strip() for s in part.split("=", 1))
        if target not in known:
            raise ValueError(Message(QT_TRANSLATE_NOOP(
                "Validation", "'{target}' is not a field that can be imported; use one of: {fields}."),
                target=target, fields=", ".join(known)))
        mapping[target] = column or None
    return mapping


def format_mapping(mapping):
    return "; ".join("{}={}".format(t, c or "") for t, c in mapping.items())


# --- SIRENE codes ---------------------------------------------------------------------------

_NAF = re.compile(r"^(\d{2})[\s.\-]?(\d{2})[\s.\-]?([A-Za-z])$")


@lru_cache(maxsize=4096)
def normalise_naf(text):
    """``'1071C'``, ``'10.71c'``, ``'10 71 C'`` -> ``'10.71C'``; None when it is not a NAF code's shape."""
    if text is None:
        return None
    match = _NAF.match(str(text).strip())
    if not match:
        return None
    return "{}.{}{}".format(match.group(1), match.group(2), match.group(3).upper())


@lru_cache(maxsize=4096)
def normalise_commune_code(text):
    """``'59183'``; ``'1053'`` (a leading zero lost by a spreadsheet) -> ``'01053'``; None if invalid."""
    raw = re.sub(r"\s", "", str(text or "")).upper()
    if raw.endswith(".0"):
        raw = raw[:-2]
    if re.fullmatch(r"\d{4}", raw):
        raw = "0" + raw
    if re.fullmatch(r"\d{5}|2[AB]\d{3}", raw):
        return raw
    return None


@lru_cache(maxsize=4096)
def normalise_postcode(text):
    raw = re.sub(r"\s", "", str(text or ""))
    if raw.endswith(".0"):
        raw = raw[:-2]
    if re.fullmatch(r"\d{4}", raw):
        raw = "0" + raw
    return raw if re.fullmatch(r"\d{5}", raw) else None


@lru_cache(maxsize=4096)
def normalise_headcount_band(text):
    """INSEE band code (``'NN'``, ``'00'``, ``'01'``…); ``'1'`` -> ``'01'``; None if not a band's shape."""
    raw = str(text or "").strip().upper()
    if raw.endswith(".0"):
        raw = raw[:-2]
    if raw == "NN":
        return raw
    if re.fullmatch(r"\d{1,2}", raw):
        return raw.zfill(2)
    return None


_DIGIT = {str(d): d for d in range(10)}
_DOUBLED = {str(d): (2 * d) % 10 + (2 * d) // 10 for d in range(10)}  # Luhn: a doubled digit's digits


def quick_siret_ok(siret):
    """True for 14 digits with a valid Luhn check digit (most SIRETs; see ``siret.siret_problem``)."""
    if len(siret) != 14 or not (siret.isascii() and siret.isdigit()):
        return False
    return (sum(map(_DIGIT.__getitem__, siret[1::2])) + sum(map(_DOUBLED.__getitem__, siret[0::2]))) % 10 == 0


# --- names and communes ---------------------------------------------------------------------

_LEGAL_FORMS = {
    "sa", "sas", "sasu", "sarl", "eurl", "sci", "snc", "scop", "scea", "earl", "gaec", "selarl",
    "ste", "societe", "ets", "etablissements", "etablissement", "cie", "compagnie", "groupe",
    "ltd", "inc", "gmbh", "et", "de", "du", "des", "la", "le", "les", "l", "d", "the", "and",
}


def normalise_name(text):
    """A key to find probable duplicates: ``'Sté DUPONT & Fils, SARL'`` -> ``'dupont fils'``."""
    words = word_key(text).split()
    kept = [w for w in words if w not in _LEGAL_FORMS]
    return " ".join(kept or words)


def duplicate_key(name, commune):
    """``(normalised name, normalised commune)``: two rows with one key are probable duplicates."""
    return normalise_name(name), word_key(commune).replace("saint ", "st ")


# --- words ----------------------------------------------------------------------------------

DIRECTION_WORDS = {
    "offer": ("offer", "offers", "offre", "offres", "o", "supply", "output", "outgoing", "sortant",
              "sortante", "disponible", "available", "propose", "gisement"),
    "need": ("need", "needs", "besoin", "besoins", "b", "n", "demand", "demande", "input",
             "incoming", "entrant", "entrante", "recherche", "wanted", "required"),
}

CONFIDENTIALITY_WORDS = {
    "advisor": ("advisor", "adviser", "advisor only", "conseiller", "conseillere", "confidentiel",
                "confidential", "restreint"),
    "internal": ("internal", "interne", "internal use"),
    "partners": ("partners", "partner", "partenaires", "partenaire"),
    "public": ("public", "publique", "open", "ouvert"),
}

PRIORITY_WORDS = {
    "high": ("high", "haute", "elevee", "eleve", "forte", "fort", "1"),
    "medium": ("medium", "moyenne", "moyen", "normale", "normal", "2"),
    "low": ("low", "basse", "bas", "faible", "3"),
}


def _word_lookup(words):
    return {word_key(w): value for value, spellings in words.items() for w in (value,) + spellings}


_DIRECTIONS = _word_lookup(DIRECTION_WORDS)
_CONFIDENTIALITY = _word_lookup(CONFIDENTIALITY_WORDS)
_PRIORITIES = _word_lookup(PRIORITY_WORDS)


def parse_direction(text):
    """``'offer'`` or ``'need'`` for the usual English and French words, else None."""
    return _DIRECTIONS.get(word_key(text))


def parse_confidentiality(text):
    return _CONFIDENTIALITY.get(word_key(text))


def parse_priority(text):
    return _PRIORITIES.get(word_key(text))


# --- encodings ------------------------------------------------------------------------------

_ENCODING_NAMES = {
    "utf8": "utf-8", "utf-8": "utf-8", "65001": "utf-8",
    "1252": "cp1252", "cp1252": "cp1252", "windows1252": "cp1252", "ansi1252": "cp1252",
    "win1252": "cp1252", "ansi": "cp1252",
    "latin1": "latin-1", "iso88591": "latin-1", "88591": "latin-1", "iso885915": "iso8859-15",
    "latin9": "iso8859-15", "ascii": "ascii", "usascii": "ascii", "850": "cp850", "cp850": "cp850",
    "437": "cp437", "cp437": "cp437",
}


def python_encoding(name):
    """Python's codec for a spelling found in a .cpg file or given by a person, or None."""
    key = re.sub(r"[^a-z0-9]", "", str(name or "").lower())
    if key in _ENCODING_NAMES:
        return _ENCODING_NAMES[key]
    dashed = str(name or "").strip().lower()
    try:
        import codecs

        return codecs.lookup(dashed).name if dashed else None
    except LookupError:
        return None


def detect_encoding(raw):
    """``'utf-8'`` when the bytes are UTF-8 (``'utf-8-sig'`` with a BOM), ``'utf-16'`` with a
    UTF-16 BOM, else ``'cp1252'``.

    Windows-1252 leaves five bytes undefined; text with them is read as ``'latin-1'``.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"  # Excel's "Unicode text" (tab-separated)
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def has_non_ascii(raw):
    return re.search(rb"[\x80-\xff]", raw) is not None


def declared_encoding_problem(declared, raw, file):
    """A Message when the text of a file contradicts its declared encoding (a wrong .cpg), else None.

    UTF-8 declared but the bytes are not UTF-8; or a one-byte encoding declared while the bytes
    are valid UTF-8 with accents (they would come out as ``'SociÃ©tÃ©'``).
    """
    codec = python_encoding(declared)
    if codec is None:
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "{file} declares the encoding '{encoding}', which is unknown: set ENCODING."),
            file=file, encoding=declared)
    detected = detect_encoding(raw)
    if codec in ("utf-8", "utf-8-sig") and detected not in ("utf-8", "utf-8-sig"):
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "{file} declares the encoding {encoding} but its text is not {encoding} "
                          "(probably Windows-1252): set ENCODING to the right one."),
            file=file, encoding=declared)
    if codec not in ("utf-8", "utf-8-sig", "ascii") and detected == "utf-8" and has_non_ascii(raw):
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "{file} declares the encoding {encoding} but its text is UTF-8 (accents "
                          "would come out wrong): set ENCODING to UTF-8."),
            file=file, encoding=declared)
    return None


# --- CSV ------------------------------------------------------------------------------------

CSV_DELIMITERS = (";", ",", "\t", "|")


def sniff_delimiter(header_line):
    """The delimiter that splits a header line into the most columns (``;`` on a tie)."""
    counts = [(header_line.count(d), -index, d) for index, d in enumerate(CSV_DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] > 0 else None


def is_closed(state):
    """True for SIRENE's ``etatAdministratifEtablissement = F`` (fermé) and the usual words."""
    if state is None or state == "A":
        return False
    return word_key(state) in ("f", "ferme", "fermee", "closed", "cesse", "cessee", "radie", "radiee")


# The CRS in which INSEE publishes SIRENE's Lambert coordinates, by the first digits of the
# commune code: each overseas territory's legal projection, Lambert-93 everywhere else.
SIRENE_X_COLUMN = "coordonneelambertabscisseetablissement"
SIRENE_OVERSEAS_CRS = {"971": "EPSG:5490", "972": "EPSG:5490", "977": "EPSG:5490", "978": "EPSG:5490",
                       "973": "EPSG:2972", "974": "EPSG:2975", "975": "EPSG:4467", "976": "EPSG:4471"}
SIRENE_MAINLAND_CRS = "EPSG:2154"


def sirene_crs(commune_code):
    """The CRS of a SIRENE establishment's coordinates from its commune code (None without one)."""
    code = str(commune_code or "").strip()
    if not code:
        return None
    return SIRENE_OVERSEAS_CRS.get(code[:3], SIRENE_MAINLAND_CRS)


def is_partial_diffusion(status):
    return str(status or "").strip().upper() == "P"


NOT_DISCLOSED = "[ND]"  # what SIRENE writes in place of a value it does not publish
