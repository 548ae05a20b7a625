"""Finding a resource of the nomenclature from what people type: the one matcher of the flow
form's proposals, the flow import and the dialogs.

A code is recognised in any spelling (``150101``, ``15.01.01*``, ``en0105``). Words are compared
without accents, case, punctuation or small words (de, the…), a final s or x dropped: a row
*contains* the words when each of them is a word of its English or French label. While a person
types, the last word may be the start of a label's word. Rows that contain every word come first
(the shortest labels first), then the rows closest in spelling.
"""

import difflib
from functools import lru_cache

from .codes import parse_code
from .messages import QT_TRANSLATE_NOOP, Message
from .text import word_key

_STOP_WORDS = {
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux", "un", "une",
    "pour", "par", "sur", "avec", "the", "of", "and", "or", "ou", "for", "from", "to", "in",
    "with", "other", "than", "autres", "que", "non",
}
CLOSE_ENOUGH = 0.3


def _stem(word):
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def words_of(text):
    """The compared words of ``text``, in order (stop words left out)."""
    return [_stem(w) for w in word_key(text).split() if w not in _STOP_WORDS]


class ResourceMatcher:
    """Searches nomenclature rows (dicts with ``code``, ``level``, ``family``, ``label_en``,
    ``label_fr``; see ``domain.nomenclature.resource_rows``). Chapters are never proposed."""

    def __init__(self, rows):
        self.by_code = {row["code"]: row for row in rows}
        self._labels = []  # (row, label key, word set)
        self._exact = {}
        for row in rows:
            if row["level"] == "chapter":
                continue
            for label in (row["label_en"], row["label_fr"]):
                key = word_key(label)
                self._labels.append((row, key, frozenset(words_of(label))))
                self._exact.setdefault(key, set()).add(row["code"])

    # --- one ranking ------------------------------------------------------------------------
    def _containing(self, words, partial, levels):
        """Codes of the rows whose labels contain ``words`` (the last as a prefix when ``partial``),
        with the size of the smallest label that does."""
        found = {}
        if not words:
            return found
        whole, last = (words[:-1], words[-1]) if partial else (words, None)
        whole = set(whole)
        for row, _key, label_words in self._labels:
            if row["level"] not in levels or not whole <= label_words:
                continue
            if last is not None and not any(w.startswith(last) for w in label_words):
                continue
            size = len(label_words)
            if size < found.get(row["code"], (1 << 30)):
                found[row["code"]] = size
        return found

    def _close(self, text, words, levels, exclude):
        """Codes scored by how close their labels are to ``text`` (words shared, spelling)."""
        key, wanted = word_key(text), set(words)
        scores = {}
        for row, label_key, label_words in self._labels:
            if row["level"] not in levels or row["code"] in exclude:
                continue
            overlap = len(wanted & label_words) / float(len(wanted | label_words) or 1)
            ratio = difflib.SequenceMatcher(None, key, label_key).ratio() if overlap or len(key) < 40 else 0
            score = max(overlap, ratio * 0.9)
            if score > scores.get(row["code"], 0):
                scores[row["code"]] = score
        return scores

    def ranked(self, text, partial=False, levels=("entry",), close=True):
        """Rows for ``text``, best first: the rows containing its words (shortest labels first),
        then, with ``close``, the rows closest in spelling."""
        words = words_of(text)
        containing = self._containing(words, partial, levels)
        order = sorted(containing, key=lambda code: (containing[code], code))
        if close:
            scores = self._close(text, words, levels, containing)
            order += [code for code, score in sorted(scores.items(), key=lambda item: (-item[1], item[0]))
                      if score >= CLOSE_ENOUGH]
        return [self.by_code[code] for code in order]

    # --- what the callers ask ---------------------------------------------------------------
    def search(self, text, limit=25):
        """The proposals for what a person is typing: entries of a code's spelling (the code and
        the entries below it), else entries by words (the last one being typed), best first."""
        parsed = parse_code(text)
        if parsed and parsed[0] in self.by_code:
            prefix = parsed[0]
            return [row for row in self.by_code.values() if row["level"] == "entry"
                    and row["code"].startswith(prefix)][:limit]
        if not word_key(text):
            return []
        return self.ranked(text, partial=True, close=False)[:limit]

    def resolve(self, text, levels=("subchapter", "entry")):
        """``(row, candidates)`` for words typed whole (a cell of a file, a field left): the row a
        code or words name without doubt (a code, an exact label, or the one row of ``levels``
        containing the words), else None and up to three close rows."""
        if text is None or not str(text).strip():
            return None, []
        parsed = parse_code(text)
        if parsed and parsed[0] in self.by_code:
            return self.by_code[parsed[0]], []
        exact = {code for code in self._exact.get(word_key(text), ()) if self.by_code[code]["level"] in levels}
        if len(exact) == 1:
            return self.by_code[next(iter(exact))], []
        containing = self._containing(words_of(text), False, levels)
        if len(containing) == 1:
            return self.by_code[next(iter(containing))], []
        return None, self.ranked(text, levels=levels)[:3]


@lru_cache(maxsize=1)
def resource_matcher():
    """The matcher of the plugin's nomenclature (made once)."""
    from .nomenclature import resource_rows

    return ResourceMatcher(resource_rows())


def resource_problem(text, candidates, lang="en"):
    """The Message for a resource that could not be resolved, listing the close candidates."""
    if not candidates:
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "'{value}' is neither a resource code nor the name of a resource of the "
                          "nomenclature."), value=text)
    label = "label_fr" if lang == "fr" else "label_en"
    listed = "; ".join("{} {}".format(row["code"], row[label]) for row in candidates)
    return Message(QT_TRANSLATE_NOOP(
        "Validation", "'{value}' does not name one resource of the nomenclature; close ones: "
                      "{candidates}. Write the code."), value=text, candidates=listed)
