"""What the sharing tests share: a messy copy of the demo, the texts of every output file, the
strings that must never leave, and the rows independent SQL says may leave."""

import io
import os
import re
import shutil
import sqlite3
import zipfile
from contextlib import closing

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"(?<![\w,.])(?:\+33 ?|0)[1-9](?:[ .-]?\d{2}){4}(?![\w,])")
LEVELS = {"partners": ("partners", "public"), "public": ("public",)}

MESSY_NOTE = "Rappeler Mme Secretnote au 06 12 34 56 78 ou ecrire a secret.note@example.org"
HTML_NAME = '<img src=x onerror="window.injected=1">Acme & <b>Fils</b>'
EVENT_COMMENT = "Commentaire interne du comité confidentiel"
ADDRESS = "12 rue du Secret Bien Gardé"


def query(path, sql, args=()):
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql, args).fetchall()


def execute(path, statements):
    from territorial_flux_plugin.storage.database import sqlite_database

    database = sqlite_database(path)
    with closing(database.connection):
        for sql, args in statements:
            database.connection.execute(sql, args)


def messy_copy(demo_workspace, path):
    """The demo with what a real workspace holds: personal data in notes, HTML in a name, an
    archived company with a public flow, an abandoned public synergy, a participant that left."""
    shutil.copy(demo_workspace, path)
    public_flow = query(path, "SELECT f.uid, f.company_uid FROM flows f JOIN companies c ON c.uid = f.company_uid "
                              "WHERE f.confidentiality = 'public' AND f.status = 'active' AND c.status = 'active' "
                              "ORDER BY f.uid")
    noted, named, archived = public_flow[0][1], public_flow[1][1], public_flow[2][1]
    abandoned = query(path, "SELECT uid FROM synergies WHERE status = 'abandoned' ORDER BY uid")[0][0]
    public_synergy = query(path, "SELECT uid FROM synergies WHERE confidentiality = 'public' AND status = 'operating' "
                                 "AND kind = 'substitution' ORDER BY uid")[0][0]
    left = query(path, "SELECT flow_uid FROM synergy_participants WHERE synergy_uid = ? AND role = 'receiver'",
                 (public_synergy,))[0][0]
    execute(path, [
        ("UPDATE companies SET notes = ?, address = ? WHERE uid = ?", (MESSY_NOTE, ADDRESS, noted)),
        ("UPDATE companies SET name = ? WHERE uid = ?", (HTML_NAME, named)),
        ("UPDATE companies SET status = 'archived' WHERE uid = ?", (archived,)),
        ("UPDATE flows SET confidentiality = 'public' WHERE uid IN (SELECT flow_uid FROM synergy_participants "
         "WHERE synergy_uid = ?)", (abandoned,)),
        ("UPDATE synergies SET confidentiality = 'public' WHERE uid = ?", (abandoned,)),
        ("UPDATE flows SET status = 'archived', notes = ? WHERE uid = ?", (MESSY_NOTE, left)),
        ("UPDATE synergy_events SET comment = ? WHERE synergy_uid = ?", (EVENT_COMMENT, public_synergy)),
    ])
    return {"noted": noted, "named": named, "archived": archived, "abandoned": abandoned,
            "public_synergy": public_synergy, "left_flow": left}


def never_leave(path):
    """Every string of the workspace that must never leave it: personal data, logins, internal fields."""
    texts = set()
    for table, columns in {
        "companies": ["contact_name", "contact_email", "contact_phone", "advisor", "updated_by", "notes", "address",
                      "source"],
        "flows": ["advisor", "updated_by", "notes", "current_route"],
        "synergies": ["advisor", "updated_by", "notes", "next_action", "abandon_reason"],
        "synergy_events": ["by", "comment"],
        "link_reviews": ["by", "reason"],
    }.items():
        for column in columns:
            for (value,) in query(path, 'SELECT DISTINCT "{}" FROM {} WHERE "{}" IS NOT NULL'.format(
                    column, table, column)):
                if isinstance(value, str) and len(value.strip()) >= 4:
                    texts.add(value.strip())
    for (value,) in query(path, "SELECT value FROM workspace_info WHERE key = 'created_by'"):
        if value and len(value) >= 4:
            texts.add(value)
    return texts


def expected_rows(path, level):
    """The rows that may leave, by SQL written independently of the plugin (``path``: a GeoPackage,
    or a function running a query where it should, e.g. on a team workspace as a given login)."""
    run = path if callable(path) else (lambda sql: query(path, sql))
    visible = "({})".format(", ".join("'{}'".format(v) for v in LEVELS[level]))
    shared_flows = ("SELECT f.uid FROM flows f JOIN companies c ON c.uid = f.company_uid WHERE f.status = 'active' "
                    "AND c.status = 'active' AND f.confidentiality IN " + visible)
    shared_synergies = "SELECT uid FROM synergies WHERE status <> 'abandoned' AND confidentiality IN " + visible
    participants = run((
        "SELECT p.synergy_uid, p.company_uid, CASE WHEN p.flow_uid IN ({flows}) THEN p.flow_uid END, p.role "
        "FROM synergy_participants p JOIN companies c ON c.uid = p.company_uid WHERE c.status = 'active' "
        "AND p.synergy_uid IN ({synergies}) ORDER BY 1, 2, 3").format(flows=shared_flows, synergies=shared_synergies))
    companies = run((
        "SELECT uid, siret, name, naf_code, headcount_band, commune, commune_code, zone FROM companies "
        "WHERE uid IN (SELECT f.company_uid FROM flows f WHERE f.uid IN ({flows})) OR uid IN (SELECT p.company_uid "
        "FROM synergy_participants p JOIN companies c ON c.uid = p.company_uid WHERE c.status = 'active' AND "
        "p.synergy_uid IN ({synergies})) ORDER BY uid").format(flows=shared_flows, synergies=shared_synergies))
    flows = run("SELECT uid, company_uid, direction, family, resource_code, label, quantity, unit, "
                "availability, hazardous, priority, confidentiality, substr(CAST(last_verified AS text), 1, 10) "
                "FROM flows WHERE uid IN ({}) ORDER BY uid".format(shared_flows))
    synergies = run("SELECT uid, kind, title, resource_code, status, quantity, unit, diverted_t_per_year, "
                    "co2e_avoided_t_per_year, distance_km, confidentiality FROM synergies WHERE uid IN ({}) "
                    "ORDER BY uid".format(shared_synergies))
    return {"companies": companies, "flows": flows, "synergies": synergies, "synergy_participants": participants}


def all_uids(path):
    found = set()
    for table in ("companies", "flows", "synergies", "synergy_participants", "synergy_events", "link_reviews"):
        found |= {r[0] for r in query(path, "SELECT uid FROM {}".format(table))}
    return found


def shared_uids(expected):
    found = {r[0] for t in ("companies", "flows", "synergies") for r in expected[t]}
    return found | {r[2] for r in expected["synergy_participants"] if r[2]}


def _texts_of_zip(data):
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            out.append(archive.read(name).decode("utf-8", "replace"))
    return out


def output_texts(path):
    """Every text an output holds (a GeoPackage's every table, the project and styles inside; a
    workbook's XML; CSV files; a web map's files), as strings."""
    texts = []
    if os.path.isdir(path):
        for folder, _subfolders, files in os.walk(path):
            for name in files:
                texts += output_texts(os.path.join(folder, name))
        return texts
    with open(path, "rb") as handle:
        data = handle.read()
    if path.endswith(".gpkg"):
        with closing(sqlite3.connect(path)) as connection:
            tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                for row in connection.execute('SELECT * FROM "{}"'.format(table)):
                    for value in row:
                        if isinstance(value, str) and value[:8].lower() == "504b0304":  # a project, zipped
                            texts += _texts_of_zip(bytes.fromhex(value))
                        elif isinstance(value, bytes) and value[:2] == b"PK":
                            texts += _texts_of_zip(value)
                        elif isinstance(value, bytes):
                            continue
                        elif value is not None:
                            texts.append(str(value))
        return texts
    if data[:2] == b"PK":
        return _texts_of_zip(data)
    return [data.decode("utf-8", "replace")]


def leaks(texts, forbidden, forbidden_uids):
    """What an output must not hold, found in its texts."""
    found = []
    joined = "\n".join(texts)
    found += ["e-mail: " + m for m in EMAIL.findall(joined) if not m.endswith((".js", ".css", ".png", ".html"))
              and "openstreetmap" not in m]
    found += ["phone: " + m for m in PHONE.findall(joined)]
    found += ["text: " + t for t in forbidden if t in joined]
    found += ["uid: " + u for u in forbidden_uids if u in joined]
    return found
