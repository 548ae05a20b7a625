"""The report as one self-contained web page: charts as SVG data, the map as a PNG picture, no
link to anything outside the file."""

import base64
import html

from ..domain.indicators import SYNERGY_COLUMNS
from ..toolbelt.i18n import tr
from . import labels

_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
.figures { display: flex; flex-wrap: wrap; gap: 1em; } .figure { border: 1px solid #ddd; padding: 0.6em 1em; min-width: 10em; }
.figure b { display: block; font-size: 1.5em; } table { border-collapse: collapse; font-size: 0.85em; }
td, th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; } td.n { text-align: right; }
img { max-width: 100%; } .note { color: #555; font-size: 0.9em; }
"""


def _e(text):
    return html.escape("" if text is None else str(text))


def _image(data, kind):
    return '<img alt="" src="data:image/{};base64,{}">'.format(kind, base64.b64encode(data).decode("ascii"))


def _table(columns, rows, numeric=()):
    head = "".join("<th>{}</th>".format(_e(c)) for c in columns)
    body = []
    for row in rows:
        cells = []
        for column, value in zip(columns, row):
            css = ' class="n"' if column in numeric else ""
            cells.append("<td{}>{}</td>".format(css, _e(value)))
        body.append("<tr>{}</tr>".format("".join(cells)))
    return "<table><tr>{}</tr>{}</table>".format(head, "".join(body))


def page(report, facts, charts, map_png, language):
    """The page's text. ``facts``: the title block's texts (see ``report.facts``); ``charts``: SVG
    bytes by name; ``map_png``: the synergies map, or None."""
    values = {i.key: i for i in report.indicators}
    parts = ['<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><title>{}</title><style>{}</style>'
             '</head><body>'.format(language, _e(facts["title"]), _STYLE),
             "<h1>{}</h1><p>{}<br>{}<br>{}</p>".format(_e(facts["title"]), _e(facts["territory"]), _e(facts["period"]),
                                                      _e(facts["level"]))]
    parts.append('<h2>{}</h2><div class="figures">'.format(_e(tr("Key figures"))))
    for key, text in facts["key_figures"]:
        parts.append('<div class="figure"><b>{}</b>{}</div>'.format(_e(text), _e(labels.indicator(key))))
    parts.append("</div>")
    if facts.get("estimated_note"):
        parts.append('<p class="note">{}</p>'.format(_e(facts["estimated_note"])))
    if not charts:
        parts.append('<p class="note">{}</p>'.format(_e(facts["no_charts"])))
    for name, title in (("pipeline", tr("Synergy pipeline")), ("conversion", tr("Conversion of possible links")),
                        ("outcomes", tr("Outcomes by year")), ("families", tr("Flows by family")),
                        ("sankey_flows", tr("Metabolism of the territory (flows)")),
                        ("sankey_tonnes", tr("Metabolism of the territory (tonnes)"))):
        if name in charts:
            parts.append("<h2>{}</h2>{}".format(_e(title), _image(charts[name], "svg+xml")))
    if map_png:
        parts.append("<h2>{}</h2>{}".format(_e(tr("Synergies map")), _image(map_png, "png")))
    parts.append("<h2>{}</h2>".format(_e(tr("Indicators"))))
    parts.append(_table([tr("Indicator"), tr("Value"), tr("Unit"), tr("Key")],
                        [(labels.indicator(i.key), labels.number(i.value, language) + (" *" if i.estimated else ""),
                          labels.unit(i.unit), i.key) for i in values.values() if i.value is not None], numeric=(tr("Value"),)))
    parts.append("<h2>{}</h2>".format(_e(tr("Synergies"))))
    parts.append(_table(SYNERGY_COLUMNS, [[row[c] for c in SYNERGY_COLUMNS] for row in report.synergies]))
    if report.contributors:
        parts.append("<h2>{}</h2>".format(_e(tr("Contributions inside the organisation"))))
        parts.append(_table([tr("Advisor"), tr("Flows recorded"), tr("Synergy steps")],
                            report.contributors))
    parts.append('<p class="note">{}</p></body></html>'.format(_e(facts["footer"])))
    return "".join(parts)
