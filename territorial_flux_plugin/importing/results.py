"""What an import reports: its counts, the rows not imported with their reasons (the REJECTS
file a spreadsheet opens), and the feedback a script or a preview gets."""

import csv
import datetime
import os

from ..domain import importing as rules

REJECTED, SKIPPED, DUPLICATE = "rejected", "skipped", "probable duplicate"
PLACED = "placed"  # imported, with a remark: a polygon placed at a point on its surface


class Quiet:
    """A feedback that reports nothing (for scripts and the dialog's preview)."""

    def setProgress(self, value):  # noqa: N802
        pass

    def isCanceled(self):  # noqa: N802
        return False

    def pushInfo(self, text):  # noqa: N802
        pass

    def pushWarning(self, text):  # noqa: N802
        pass


def untranslated(_context, text):
    return text


class ImportResult:
    def __init__(self, source, columns):
        self.source = source
        self.columns = list(columns)
        self.imported = 0
        self.updated = 0
        self.skipped = 0
        self.rejected = 0
        self.not_imported = []  # (row, outcome, RowMessage, values)
        self.warnings = []
        self.notes = []  # Messages about the whole import (a CRS inferred…)
        self.failure = None

    def reject(self, row, values, problem, outcome=REJECTED):
        if outcome == REJECTED:
            self.rejected += 1
        else:
            self.skipped += 1
        self.not_imported.append((row, outcome, rules.RowMessage(self.source, row, problem), values))

    def remark(self, row, values, message, outcome=PLACED):
        """A row imported with a remark: listed in the REJECTS report, not counted as rejected."""
        self.not_imported.append((row, outcome, rules.RowMessage(self.source, row, message), values))

    def counts(self):
        return {"imported": self.imported, "updated": self.updated, "skipped": self.skipped,
                "rejected": self.rejected}


def write_rejects(path, result, translate=untranslated):
    """The rows not imported, as a CSV a spreadsheet opens (UTF-8 with BOM, ';')."""
    if not path:
        return None
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        os.makedirs(folder, exist_ok=True)
    columns = result.columns if result is not None else []
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["row", "outcome", "reason"] + columns)
        if result is not None:
            for row, outcome, message, values in sorted(result.not_imported, key=lambda r: r[0]):
                writer.writerow([row, outcome, rules.translated(message.problem, translate)]
                                + ["" if v is None else v for v in (values or [])])
            if result.failure is not None:
                writer.writerow(["", "failed", rules.translated(result.failure, translate)])
    return path


def source_label(source_path, today=None):
    """``StockEtablissement_59.csv (2026-11-28)``: the provenance every imported row records."""
    from .sources import split_input

    return "{} ({})".format(os.path.basename(split_input(source_path)[0]),
                            (today or datetime.date.today()).isoformat())
