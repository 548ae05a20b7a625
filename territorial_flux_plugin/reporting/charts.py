"""The report's charts, drawn with matplotlib as SVG (text kept as shapes, so the picture reads
the same wherever it is shown).

matplotlib ships with QGIS's Windows and macOS installers and is Debian's python3-matplotlib; a
QGIS without it still writes the report, without charts (:func:`available`).
"""

import io

from ..domain.vocabulary import SYNERGY_STATUSES
from ..toolbelt.i18n import tr
from . import labels

MM = 1 / 25.4
SIZES = {  # (width, height) in millimetres, as the PDF's layout places them
    "pipeline": (180, 95), "conversion": (180, 80), "outcomes": (180, 90), "families": (180, 100),
    "sankey_flows": (180, 230), "sankey_tonnes": (180, 230),
}
STATUS_COLOURS = {"idea": "#c6dbef", "contacted": "#9ecae1", "studying": "#6baed6", "implementing": "#3182bd",
                  "operating": "#08519c", "abandoned": "#bdbdbd"}


def available():
    """True when matplotlib can be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _figure(name):
    from matplotlib.figure import Figure

    width, height = SIZES[name]
    figure = Figure(figsize=(width * MM, height * MM), dpi=100)
    figure.set_facecolor("white")
    return figure


def _svg(figure):
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    FigureCanvasSVG(figure)
    out = io.BytesIO()
    with rc_context({"svg.fonttype": "path", "svg.hashsalt": "territorial-flux"}):
        figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def _values(report):
    return {i.key: i.value for i in report.indicators}


def _tidy(ax):
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=7)


def _integers(axis):
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _annotate(ax, bars, values, language, horizontal=False):
    for bar, value in zip(bars, values):
        if not value:
            continue
        if horizontal:
            ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2.0, " " + labels.number(value, language),
                    va="center", fontsize=6)
        else:
            ax.text(bar.get_x() + bar.get_width() / 2.0, bar.get_height(), labels.number(value, language),
                    ha="center", va="bottom", fontsize=7)


def pipeline(report, language):
    values = _values(report)
    figure = _figure("pipeline")
    ax = figure.add_subplot(1, 1, 1)
    statuses = list(SYNERGY_STATUSES)
    counts = [values["synergies_" + s] for s in statuses]
    bars = ax.bar([labels.status(s) for s in statuses], counts, color=[STATUS_COLOURS[s] for s in statuses])
    _annotate(ax, bars, counts, language)
    ax.set_title(tr("Synergies by status at the end of the period"), fontsize=9)
    ax.set_ylabel(tr("Synergies"), fontsize=8)
    _integers(ax.yaxis)
    _tidy(ax)
    figure.tight_layout()
    return _svg(figure)


def conversion(report, language):
    values = _values(report)
    figure = _figure("conversion")
    ax = figure.add_subplot(1, 1, 1)
    steps = [tr("Reviewed"), tr("Promoted"), tr("Now operating")]
    counts = [values["links_reviewed"], values["links_promoted"], values["links_promoted_operating"]]
    bars = ax.barh(steps[::-1], counts[::-1], color=["#08519c", "#3182bd", "#9ecae1"])
    _annotate(ax, bars, counts[::-1], language, horizontal=True)
    ax.set_xlim(0, max(counts + [1]) * 1.15)
    _integers(ax.xaxis)
    ax.set_title(tr("From possible links to operating synergies (reviews in the period)"), fontsize=9)
    _tidy(ax)
    figure.tight_layout()
    return _svg(figure)


def outcomes(report, language):
    figure = _figure("outcomes")
    ax = figure.add_subplot(1, 1, 1)
    years = list(report.outcomes_by_year)
    tonnes = [report.outcomes_by_year[y][1] for y in years]
    co2e = [report.outcomes_by_year[y][2] for y in years]
    positions = list(range(len(years)))
    first = ax.bar([p - 0.2 for p in positions], tonnes, width=0.4, color="#8c6d31",
                   label=tr("Tonnes diverted (t/yr)"))
    second = ax.bar([p + 0.2 for p in positions], co2e, width=0.4, color="#2ca02c",
                    label=tr("Emissions avoided (t CO2e/yr)"))
    _annotate(ax, first, tonnes, language)
    _annotate(ax, second, co2e, language)
    ax.set_xticks(positions)
    ax.set_xticklabels(years)
    ax.set_title(tr("Outcomes of operating synergies, by the year they began operating"), fontsize=9)
    ax.legend(fontsize=7, frameon=False)
    _tidy(ax)
    figure.tight_layout()
    return _svg(figure)


def families(report, language):
    figure = _figure("families")
    ax = figure.add_subplot(1, 1, 1)
    keys = list(report.flows_by_family)[::-1]
    positions = list(range(len(keys)))
    offers = [report.flows_by_family[k]["offer"] for k in keys]
    needs = [report.flows_by_family[k]["need"] for k in keys]
    first = ax.barh([p + 0.2 for p in positions], offers, height=0.4, color="#3182bd", label=tr("Offers"))
    second = ax.barh([p - 0.2 for p in positions], needs, height=0.4, color="#e6550d", label=tr("Needs"))
    _annotate(ax, first, offers, language, horizontal=True)
    _annotate(ax, second, needs, language, horizontal=True)
    ax.set_yticks(positions)
    ax.set_yticklabels([labels.family(k) for k in keys])
    _integers(ax.xaxis)
    ax.set_title(tr("Flows by resource family and direction"), fontsize=9)
    ax.legend(fontsize=7, frameon=False, loc="lower right")
    _tidy(ax)
    figure.tight_layout()
    return _svg(figure)


def metabolism(report, language, tonnes=False):
    from . import sankey as drawing

    sankey = report.sankey_tonnes if tonnes else report.sankey_flows
    figure = _figure("sankey_tonnes" if tonnes else "sankey_flows")
    ax = figure.add_axes([0.0, 0.02, 1.0, 0.9])
    if tonnes:
        title = tr("The territory's metabolism in tonnes a year (matter and waste): offering activities → "
                          "resources → needing activities")
        value = lambda v: labels.number(v, language) + " t"  # noqa: E731
    else:
        title = tr("The territory's metabolism in flows: offering activities → resource families → "
                          "needing activities")
        value = lambda v: labels.number(v, language)  # noqa: E731
    figure.suptitle(title, fontsize=8, wrap=True)
    if sankey.left_total or sankey.right_total:
        drawing.draw(ax, sankey, labels.section, labels.family, value)
    else:
        ax.axis("off")
        ax.text(0.5, 0.5, tr("No flow to show."), ha="center", va="center", fontsize=9)
    ax.text(0.0, -0.01, tr("Offers: {offers} — needs: {needs}. In the middle, each family's offers → needs.").format(
        offers=value(sankey.left_total), needs=value(sankey.right_total)), transform=ax.transAxes, fontsize=7)
    return _svg(figure)


def draw_all(report, language):
    """Every chart as SVG bytes, by name (:data:`SIZES`'s keys); empty without matplotlib."""
    if not available():
        return {}
    return {
        "pipeline": pipeline(report, language),
        "conversion": conversion(report, language),
        "outcomes": outcomes(report, language),
        "families": families(report, language),
        "sankey_flows": metabolism(report, language),
        "sankey_tonnes": metabolism(report, language, tonnes=True),
    }
