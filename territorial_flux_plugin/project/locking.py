"""Optimistic locking: two advisors saving the same company, flow or synergy.

Every update of a versioned row increments its ``row_version`` (a trigger of the storage). A
dock remembers the version each feature had when it was loaded, and before committing:

- ``expect_version(layer, feature_id, loaded_version)`` before ``layer.commitChanges()``: the
  storage refuses the commit atomically if the row changed meanwhile (the edits stay in the
  buffer); then ``layer_conflicts(layer, {uid: loaded_version})`` says who changed what; or
- ``conflicts(workspace, table, {uid: loaded_version})`` lists the rows someone else changed
  since (with what they changed, from the audit trail), so the dock can refuse the save, show
  :meth:`Conflict.changes` and let the user reload or overwrite knowingly; or
- ``save(workspace, table, [Edit(uid, loaded_version, {column: value})])`` writes the edits in
  one transaction *only if* none of the rows changed meanwhile (``UPDATE ... WHERE row_version =
  loaded``, atomic on both storages); otherwise nothing is written and the conflicts are
  returned. ``overwrite=True`` writes anyway (the user chose to). A lost connection or a
  deadlock leaves the database unchanged and raises a TerritorialFluxError; the caller keeps its
  edits.

No qgis import except through :func:`layer_conflicts`.
"""

import time

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..storage import table_of_layer, workspace_of_layer
from ..storage.schema import TABLES_BY_NAME, VERSIONED_TABLES
from .history import row_history


class Edit:
    __slots__ = ("uid", "row_version", "values")

    def __init__(self, uid, row_version, values):
        self.uid = str(uid)
        self.row_version = row_version
        self.values = dict(values)


class Conflict:
    """A row changed (or deleted) by someone else since the version the user loaded."""

    def __init__(self, table, uid, loaded_version, current_version, entries):
        self.table = table
        self.uid = uid
        self.loaded_version = loaded_version
        self.current_version = current_version  # None: the row was deleted
        self.entries = entries  # history.Entry, oldest first, after the loaded version

    @property
    def deleted(self):
        return self.current_version is None

    @property
    def by(self):
        return sorted({e.by for e in self.entries if e.by})

    @property
    def changes(self):
        """``{column: (value the user loaded, value now)}`` over every change made since."""
        merged = {}
        for entry in self.entries:
            for column, (old, new) in entry.changes.items():
                merged[column] = (merged[column][0] if column in merged else old, new)
        return merged

    def message(self):
        """A translatable :class:`Message` for the dock."""
        if self.deleted:
            return Message(QT_TRANSLATE_NOOP(
                "Validation", "{who} deleted this row after you opened it."), who=", ".join(self.by) or "?")
        detail = "; ".join("{}: {} → {}".format(c, o, n) for c, (o, n) in self.changes.items())
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "{who} changed this row after you opened it ({detail}). Reload it to see their "
                          "changes, or overwrite them knowingly."),
            who=", ".join(self.by) or "?", detail=detail or "-")

    def __repr__(self):
        return "Conflict({} {} v{} -> v{})".format(self.table, self.uid, self.loaded_version, self.current_version)


class SaveResult:
    def __init__(self, saved=None, conflicts=None):
        self.saved = saved or {}  # uid -> new row_version
        self.conflicts = conflicts or []

    @property
    def ok(self):
        return not self.conflicts


def _versions(database, table, uids):
    found = {}
    uids = list(uids)
    for start in range(0, len(uids), 500):
        chunk = uids[start:start + 500]
        rows = database.rows("SELECT uid, row_version FROM {{t:{}}} WHERE uid IN ({})".format(
            table, ", ".join("?" * len(chunk))), chunk)
        found.update({str(r["uid"]): r["row_version"] for r in rows})
    return found


def _check_table(table):
    if table not in VERSIONED_TABLES:
        raise ValueError("{} has no row version; versioned tables: {}".format(table, ", ".join(VERSIONED_TABLES)))


def conflicts_in(database, table, loaded):
    """:func:`conflicts` on an open :class:`~.database.Database`."""
    _check_table(table)
    loaded = {str(k): v for k, v in loaded.items()}
    current = _versions(database, table, loaded)
    out = []
    for uid, version in sorted(loaded.items()):
        now = current.get(uid)
        if now != version:
            out.append(Conflict(table, uid, version, now, row_history(database, table, uid, after_version=version)))
    return out


def conflicts(workspace, table, loaded):
    """The rows of ``table`` whose version is no longer the one loaded (``{uid: row_version}``)."""
    with workspace.opened() as database:
        return conflicts_in(database, table, loaded)


def save_in(database, table, edits, overwrite=False, attempts=3):
    """:func:`save` on an open :class:`~.database.Database`."""
    _check_table(table)
    columns = set(TABLES_BY_NAME[table].column_names) - {"uid", "row_version", "fid"}
    for edit in edits:
        unknown = set(edit.values) - columns
        if unknown:
            raise ValueError("{}: unknown or protected columns {}".format(table, sorted(unknown)))
    edits = sorted(edits, key=lambda e: e.uid)  # one lock order for everybody: no deadlock cycle
    for attempt in range(attempts):
        try:
            return _save_once(database, table, edits, overwrite)
        except Exception as error:
            retriable = database.is_retriable(error)
            if retriable and attempt + 1 < attempts:
                time.sleep(0.05 * (attempt + 1))
                continue
            if retriable:
                raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP(
                    "Validation", "The database was busy with other saves and nothing was saved: save again.")))
            if database.connection_lost(error):
                raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP(
                    "Validation", "The connection to the database was lost during the save; nothing was saved "
                                  "and your edits are kept: save again when the connection is back.")))
            raise


class _RefusedError(Exception):
    pass


def _save_once(database, table, edits, overwrite):
    saved = {}
    try:
        with database.transaction():
            for edit in edits:
                names = sorted(edit.values)
                assignments = ", ".join('"{}" = ?'.format(n) for n in names)
                params = [edit.values[n] for n in names]
                if overwrite:
                    sql = "UPDATE {{t:{}}} SET {}{}row_version = row_version + 1 WHERE uid = ?".format(
                        table, assignments, ", " if assignments else "")
                    cursor = database.execute(sql, params + [edit.uid])
                else:
                    sql = "UPDATE {{t:{}}} SET {}{}row_version = ? WHERE uid = ? AND row_version = ?".format(
                        table, assignments, ", " if assignments else "")
                    cursor = database.execute(sql, params + [edit.row_version + 1, edit.uid, edit.row_version])
                if cursor.rowcount != 1:
                    raise _RefusedError()
            saved = _versions(database, table, [e.uid for e in edits])
    except _RefusedError:
        return SaveResult(conflicts=conflicts_in(database, table, {e.uid: e.row_version for e in edits}))
    return SaveResult(saved=saved)


def save(workspace, table, edits, overwrite=False):
    """Write ``edits`` (a list of :class:`Edit`) to ``table`` in one transaction; see the module."""
    with workspace.opened() as database:
        return save_in(database, table, edits, overwrite)


def expect_version(layer, feature_id, loaded_version):
    """Make the next commit of ``feature_id`` conditional on its row still being at ``loaded_version``.

    For saves through QGIS layers (docks, forms): call it in the edit session, beside the user's
    changes, before ``layer.commitChanges()``. The storage then refuses the save, atomically, if
    someone else saved the row meanwhile (the commit fails, the edits stay in the buffer and
    :func:`is_conflict` recognises ``layer.commitErrors()``); otherwise the row gets
    ``loaded_version + 1``. The version is written as ``-loaded_version`` (the triggers' protocol);
    reload the feature after the commit to read its new version.
    """
    index = layer.fields().indexOf("row_version")
    if index < 0:
        raise ValueError("{} has no row_version".format(layer.name()))
    return layer.changeAttributeValue(feature_id, index, -int(loaded_version))


def is_conflict(errors):
    """True when a commit's errors (``layer.commitErrors()``) or an exception say "changed meanwhile"."""
    if isinstance(errors, (list, tuple)):
        errors = "\n".join(str(e) for e in errors)
    return "row_version: this row was changed by someone else" in str(errors)


def layer_conflicts(layer, loaded):
    """:func:`conflicts` for a workspace layer (``loaded``: ``{uid: row_version as loaded}``)."""
    return conflicts(workspace_of_layer(layer), table_of_layer(layer), loaded)
