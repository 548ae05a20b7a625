"""Write the territory's report: what ``territorialflux:report`` and the *Territory report…* dialog run.

The indicators are computed once (``domain.indicators``) from the rows the workspace lets the
user read; the charts are drawn with matplotlib when QGIS has it; the output's extension chooses
the form: ``.xlsx`` (the tables), ``.html`` (one self-contained page) or ``.pdf`` (a QGIS layout
of native items, saved in the workspace's project so that it reprints from plain QGIS).
"""

import datetime
import os
from collections import namedtuple

from ..domain import indicators
from ..domain.errors import TerritorialFluxError, fail
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from ..storage import workspace_at
from ..toolbelt.i18n import language as interface_language
from ..toolbelt.i18n import tr
from . import charts as drawing
from . import data, labels

OUTPUT_KINDS = ("pdf", "xlsx", "html")
KEY_FIGURES = ("companies", "flows_offer", "flows_need", "synergies_operating", "diverted_t_per_year",
               "co2e_avoided_t_per_year", "savings_eur_per_year", "distance_km")


class ReportSettings(namedtuple("ReportSettings", "output date_from date_to level language")):
    """What to report: ``output`` (its extension chooses the form), the period (ISO dates, both
    included; by default 1 January of this year to today), the audience's ``level`` and the
    ``language`` of the words (by default QGIS's)."""

    __slots__ = ()

    def __new__(cls, output, date_from=None, date_to=None, level="internal", language=None):
        today = datetime.date.today()
        return super().__new__(cls, output, str(date_from or today.replace(month=1, day=1).isoformat()),
                               str(date_to or today.isoformat()), level, language or interface_language())


class _Quiet:
    def pushInfo(self, text):  # noqa: N802
        pass

    def pushWarning(self, text):  # noqa: N802
        pass


def output_kind(path):
    extension = os.path.splitext(path or "")[1].lower().lstrip(".")
    if extension not in OUTPUT_KINDS:
        fail(QT_TRANSLATE_NOOP("Validation", "The report must be a .pdf, .xlsx or .html file, not {file}."),
             file=os.path.basename(path or "") or "?")
    return extension


def check(settings):
    """Refuse settings that cannot make a report, with a sentence saying what to change."""
    output_kind(settings.output)
    for name, value in (("FROM", settings.date_from), ("TO", settings.date_to)):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            fail(QT_TRANSLATE_NOOP("Validation", "{name}: '{value}' is not a date written like 2025-01-31."),
                 name=name, value=value)
    if settings.date_from > settings.date_to:
        fail(QT_TRANSLATE_NOOP("Validation", "The period starts ({start}) after it ends ({end})."),
             start=settings.date_from, end=settings.date_to)
    if settings.level not in CONFIDENTIALITY_LEVELS:
        fail(QT_TRANSLATE_NOOP("Validation", "Unknown confidentiality level '{value}'; use one of: {words}."),
             value=settings.level, words=", ".join(CONFIDENTIALITY_LEVELS))


def compute(workspace, settings):
    """The :class:`domain.indicators.Report` of ``workspace`` for ``settings``."""
    return indicators.compute(data.read(workspace), (settings.date_from, settings.date_to), settings.level,
                              settings.language)


def figure_text(indicator, language):
    text = labels.number(indicator.value, language)
    unit = labels.unit(indicator.unit)
    return "{} {}".format(text, unit).strip() + (" *" if indicator.estimated else "")


def facts(workspace, report, settings):
    """The texts of the report's title block and notes."""
    from ..printing.export import territory_name
    from ..printing.layers import level_label
    from ..printing.layout import confidentiality_mention

    by_key = {i.key: i for i in report.indicators}
    shown = [k for k in KEY_FIGURES if k in by_key and by_key[k].value is not None]
    mention = confidentiality_mention(settings.level)
    return {
        "title": tr("Territory report"),
        "territory": territory_name(workspace),
        "period": tr("From {start} to {end}").format(start=settings.date_from, end=settings.date_to),
        "level": tr("Confidentiality: {level}").format(level=level_label(settings.level))
        + (" — " + mention if mention else ""),
        "key_figures": [(k, figure_text(by_key[k], settings.language)) for k in shown],
        "estimated_note": tr("* includes estimates made with the workspace's emission factors, for "
                                    "operating synergies whose avoided emissions were not entered.")
        if any(i.estimated for i in report.indicators) else "",
        "no_charts": tr("The charts are not drawn: this QGIS has no matplotlib (QGIS's installers for "
                               "Windows and macOS ship it; on Linux install python3-matplotlib). The figures "
                               "are complete."),
        "footer": tr("Territorial Flux workspace “{name}”, report written on {date}.").format(
            name=workspace.name, date=datetime.date.today().isoformat()),
    }


def write_report(workspace, settings, feedback=None, project=None, save=True, export_file=True):
    """Write the report ``settings`` ask for; returns a dict: ``output``, ``layout`` (the name of the
    layout saved, for a PDF), ``charts`` (whether they were drawn), ``report``, ``project``.

    For a PDF, ``project`` is where the layout is built (the workspace's stored project by default),
    ``save`` writes it into the stored project, and ``export_file`` false only builds the layout
    (as the dialog does in the open project)."""
    failure = None
    try:
        return _write(workspace_at(workspace), settings, feedback or _Quiet(), project, save, export_file)
    except TerritorialFluxError as error:
        failure = error.message
    except Exception as error:  # noqa: BLE001 - said in a sentence, the same way
        failure = Message(QT_TRANSLATE_NOOP("Validation", "The report could not be written to {file} ({error})."),
                          file=settings.output, error=str(error))
    raise TerritorialFluxError(failure)


def _write(workspace, settings, feedback, project, save, export_file):
    check(settings)
    kind = output_kind(settings.output)
    os.makedirs(os.path.dirname(os.path.abspath(settings.output)), exist_ok=True)
    report = compute(workspace, settings)
    result = {"output": settings.output, "layout": "", "charts": False, "report": report, "project": project}
    if kind == "xlsx":
        from . import xlsx

        xlsx.write(report, settings.output)
        return result
    charts = drawing.draw_all(report, settings.language)
    result["charts"] = bool(charts)
    if not charts:
        feedback.pushWarning(tr("matplotlib is not installed in this QGIS: the report is written without "
                                       "its charts."))
    texts = facts(workspace, report, settings)
    from . import pages

    if kind == "html":
        from . import html

        picture = pages.map_picture(workspace, settings, project)
        text = html.page(report, texts, charts, picture, settings.language)
        temporary = settings.output + ".part"
        with open(temporary, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, settings.output)
        return result
    written = pages.write_pdf(workspace, settings, report, texts, charts, project, save, feedback, export_file)
    result.update(written)
    return result
