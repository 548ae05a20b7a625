"""A locator filter: find the workspace's companies by name, SIRET or commune (prefix ``tf``)."""

from qgis.core import QgsLocatorFilter, QgsLocatorResult

from ..domain.text import strip_accents
from ..project.build import workspace_layers
from ..toolbelt.i18n import tr


def fold(text):
    return strip_accents(str(text or "").lower())


def company_index(layer):
    """(uid, name, siret, commune, searchable text) of every company of ``layer``."""
    rows = []
    if layer is None:
        return rows
    for feature in layer.getFeatures():
        name, siret, commune = feature["name"], feature["siret"], feature["commune"]
        rows.append((feature["uid"], str(name or ""), str(siret or "") if siret else "",
                     str(commune or "") if commune else "", fold("{} {} {}".format(name, siret or "", commune or ""))))
    return rows


def search_companies(index, text, limit=30):
    """The companies matching ``text`` (every word, or the SIRET's first digits), best first: the
    exact name, then names starting with the text, then the others in the index's order (a
    PostGIS layer returns rows in no stable order, so "Acme" must not show "Acme Site 2")."""
    words = fold(text).replace("\u00a0", " ").split()
    digits = "".join(c for c in text if c.isdigit())
    wanted = " ".join(words)
    found = []
    for row in index:
        if all(w in row[4] for w in words) or (len(digits) >= 5 and row[2].startswith(digits)):
            name = " ".join(fold(row[1]).split())
            rank = 0 if name == wanted or (digits and row[2] == digits) else 1 if name.startswith(wanted) else 2
            found.append((rank, len(found), row))
    found.sort(key=lambda item: item[:2])
    return [row for _rank, _order, row in found[:limit]]


class CompanyLocatorFilter(QgsLocatorFilter):
    def __init__(self, on_choice, parent=None):
        super().__init__(parent)
        self.on_choice = on_choice
        self.index = []

    def clone(self):
        return CompanyLocatorFilter(self.on_choice)

    def name(self):
        return "territorialflux_companies"

    def displayName(self):  # noqa: N802
        return tr("Territorial Flux companies")

    def prefix(self):
        return "tf"

    def flags(self):
        return QgsLocatorFilter.Flag.FlagFast

    def prepare(self, string, context):
        # Main thread: read the companies here, search them in fetchResults' thread. QGIS expects
        # a list of strings back (completions); returning None raised in QGIS's locator.
        self.index = company_index(workspace_layers().get("companies"))
        return []

    def fetchResults(self, string, context, feedback):  # noqa: N802
        # QGIS keeps prefixes of fewer than three letters for its own filters: "tf" reaches this
        # filter as part of the text, which is searched without it (the filter runs unprefixed too).
        words = string.split()
        if words and words[0].lower() == self.prefix():
            string = " ".join(words[1:])
        if len(string.strip()) < 2:
            return
        for uid, name, siret, commune, _text in search_companies(self.index, string):
            if feedback.isCanceled():
                return
            result = QgsLocatorResult()
            result.filter = self
            result.displayString = name
            result.description = " · ".join(part for part in (commune, siret) if part)
            result.userData = uid
            result.score = 1.0
            self.resultFetched.emit(result)

    def triggerResult(self, result):  # noqa: N802
        self.on_choice(result.userData)
