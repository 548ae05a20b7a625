"""Time stamps as a GeoPackage stores them: UTC, ``YYYY-MM-DDTHH:MM:SS.SSSZ`` (milliseconds).

SQLite's ``strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`` writes the same form, so every stamp of a
workspace, made by Python or by the file's own defaults and triggers, reads and sorts alike.
"""

import datetime

FORMAT_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def utc_now():
    """The current UTC time, ``2026-12-02T16:45:10.123Z``."""
    return format_utc(datetime.datetime.now(datetime.timezone.utc))


def format_utc(moment):
    """``moment`` (an aware datetime, or a naive one taken as UTC) in the GeoPackage form."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "{:03d}Z".format(moment.microsecond // 1000)


def parse_utc(text):
    """An aware UTC datetime from a stored stamp (ISO 8601, with or without a zone; a
    ``datetime`` is returned as UTC); None when absent or unreadable."""
    if not text:
        return None
    if isinstance(text, datetime.datetime):
        return text if text.tzinfo else text.replace(tzinfo=datetime.timezone.utc)
    value = str(text).strip().replace("Z", "+00:00").replace(" ", "T")
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = datetime.datetime.fromisoformat(value[:19])
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)
