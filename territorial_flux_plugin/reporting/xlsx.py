"""The report as a spreadsheet (Office Open XML), written with the standard library.

GDAL's XLSX driver drops the header of a sheet without rows (a period where nothing happened
must still show its columns), so the few parts a workbook needs are written here: one sheet per
table, a header row, text as inline strings, numbers, and booleans as TRUE/FALSE.
"""

import os
import tempfile
import zipfile
from xml.sax.saxutils import escape

from ..domain.indicators import SYNERGY_COLUMNS

INDICATOR_COLUMNS = ("indicator", "value", "unit", "period", "estimated")
CONTRIBUTOR_COLUMNS = ("advisor", "flows_recorded", "synergy_steps")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '{sheets}</Types>')
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets>'
    '</workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
_SHEET_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships/worksheet" Target="worksheets/sheet{n}.xml"/>')
_SHEET = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<sheetData>{rows}</sheetData></worksheet>')


def _column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(reference, value):
    if value is None:
        return '<c r="{}"/>'.format(reference)
    if isinstance(value, bool):
        return '<c r="{}" t="b"><v>{:d}</v></c>'.format(reference, value)
    if isinstance(value, (int, float)):
        return '<c r="{}"><v>{!r}</v></c>'.format(reference, value)
    return '<c r="{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>'.format(reference, escape(str(value)))


def _sheet(columns, rows):
    lines = []
    for number, row in enumerate([columns] + list(rows), start=1):
        cells = "".join(_cell("{}{}".format(_column_letter(i), number), value) for i, value in enumerate(row))
        lines.append('<row r="{}">{}</row>'.format(number, cells))
    return _SHEET.format(rows="".join(lines))


def sheets_of(report):
    """The report's tables: ``(sheet name, columns, rows)``; contributors only inside the organisation."""
    period = "{}/{}".format(*report.period)
    tables = [
        ("indicators", INDICATOR_COLUMNS,
         [(i.key, i.value, i.unit, period, bool(i.estimated)) for i in report.indicators]),
        ("synergies", SYNERGY_COLUMNS, [tuple(row[c] for c in SYNERGY_COLUMNS) for row in report.synergies]),
    ]
    if report.level not in ("partners", "public"):
        tables.append(("contributors", CONTRIBUTOR_COLUMNS, [tuple(row) for row in report.contributors]))
    return tables


def write(report, path):
    """Write the workbook to ``path`` whole (a temporary file renamed into place)."""
    tables = sheets_of(report)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=folder)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            numbers = range(1, len(tables) + 1)
            archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(
                sheets="".join(_SHEET_TYPE.format(n=n) for n in numbers)))
            archive.writestr("_rels/.rels", _ROOT_RELS)
            archive.writestr("xl/workbook.xml", _WORKBOOK.format(sheets="".join(
                '<sheet name="{}" sheetId="{}" r:id="rId{}"/>'.format(name, n, n)
                for n, (name, _c, _r) in zip(numbers, tables))))
            archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(
                rels="".join(_SHEET_REL.format(n=n) for n in numbers)))
            for n, (_name, columns, rows) in zip(numbers, tables):
                archive.writestr("xl/worksheets/sheet{}.xml".format(n), _sheet(columns, rows))
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return path
