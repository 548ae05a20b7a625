"""The words a workspace learned (the ``vocabulary`` table): read for every import, the flow
form and Processing, written by the import that settles them, in its own transaction."""

import uuid

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.search import term_key
from ..domain.timestamps import utc_now


def learned_words(workspace):
    """``{word: code}`` the workspace learned (empty for a workspace older than the table)."""
    try:
        with workspace.opened(read_only=True) as database:
            return {row["word"]: row["code"] for row in database.rows('SELECT "word", "code" FROM {t:vocabulary}')}
    except Exception:  # noqa: BLE001 - a workspace without the table (before schema version 4)
        return {}


def parse_words(text):
    """``'cartons=15 01 01; sciure = MA 01 01'`` → ``{'cartons': '15 01 01', 'sciure': 'MA 01 01'}``;
    a TerritorialFluxError for a pair without ``=``."""
    words = {}
    for part in str(text or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        word, sep, code = part.rpartition("=")
        if not sep or not word.strip() or not code.strip():
            raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP(
                "Validation", "'{part}' is not a word and its resource: write word=code, separated by ';'."),
                part=part.strip()))
        words[word.strip()] = code.strip()
    return words


def remember_words(database, choices, user):
    """Write the advisor's ``choices`` (``{word: code}``) into ``vocabulary`` inside the caller's
    transaction: a word already learned (the same key) is corrected, a new one added."""
    if not choices:
        return 0
    now = utc_now()
    existing = {term_key(row["word"]): row for row in
                database.rows('SELECT "uid", "word", "code" FROM {t:vocabulary}')}
    for word, code in choices.items():
        row = existing.get(term_key(word))
        if row is None:
            database.execute('INSERT INTO {t:vocabulary} ("uid", "word", "code", "by", "at") VALUES (?, ?, ?, ?, ?)',
                             (str(uuid.uuid4()), word.strip(), code, user, now))
        elif row["code"] != code:
            database.execute('UPDATE {t:vocabulary} SET "code" = ?, "by" = ?, "at" = ? WHERE "uid" = ?',
                             (code, user, now, str(row["uid"])))
    return len(choices)
