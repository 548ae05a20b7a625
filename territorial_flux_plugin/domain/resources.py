"""Finding a resource of the nomenclature from what people type: the one matcher of the flow
form's proposals, the flow import and the dialogs.

A code is recognised in any spelling (``150101``, ``15.01.01*``, ``en0105``). Words are compared
without accents, case, punctuation or small words (de, the…), a final s or x dropped, and
without qualifiers that do not change the resource (usagé, vrac, used: ``cartons usagés`` are
``cartons``). A text names one resource without doubt when it is a word the workspace learned, a
word of the vocabulary (:mod:`.resource_vocabulary`, the interface's language first), a label,
or the words of one label that they cover at least half of (``waste heat`` is not enough for
"waste insulating and heat transmission oils") and that does not say the opposite (``bois
traité`` is not "bois non traité"). Everything else is ranked by :mod:`.search` (FTS5's BM25 over
the labels, the vocabulary and the learned words).
"""

from functools import lru_cache

from .codes import parse_code
from .messages import QT_TRANSLATE_NOOP, Message
from .resource_vocabulary import LANGUAGES, vocabulary_keys, vocabulary_rows
from .search import negated, search_index, term_key, term_words, words_of
from .text import word_key

__all__ = ["ResourceMatcher", "resource_matcher", "resource_problem", "words_of"]

COVERAGE = 0.5  # the share of a label's words the typed words must be, to name it by containing them
CANDIDATES = 5
_GENERIC = {"dechet", "waste", "residu", "residue"}  # déchets de verre → verre, waste glass → glass


class ResourceMatcher:
    """Searches nomenclature rows (dicts with ``code``, ``level``, ``family``, ``label_en``,
    ``label_fr``; see ``domain.nomenclature.resource_rows``), with the vocabulary ``rows``
    (``(word, lang, code)``) and the workspace's ``learned`` words (``{word: code}``). Chapters
    are never proposed."""

    def __init__(self, rows, vocabulary=None, learned=None, engine=None):
        self.rows = list(rows)
        self.by_code = {row["code"]: row for row in self.rows}
        vocabulary = [v for v in (vocabulary if vocabulary is not None else vocabulary_rows())
                      if v[2] in self.by_code]
        self.vocabulary = vocabulary
        self.words = vocabulary_keys(vocabulary)
        self.learned = {term_key(word): code for word, code in (learned or {}).items() if code in self.by_code}
        self.engine = engine
        self._labels = []  # (row, word set, negated)
        self._exact = {}
        documents = {}
        for row in self.rows:
            if row["level"] == "chapter":
                continue
            for label in (row["label_en"], row["label_fr"]):
                self._labels.append((row, frozenset(words_of(label)), negated(label)))
                self._exact.setdefault(word_key(label), set()).add(row["code"])
                if row["level"] == "entry":
                    documents.setdefault(row["code"], []).extend(words_of(label))
        for word, _lang, code in vocabulary:
            if code in documents:
                documents[code].extend(words_of(word))
        for word, code in self.learned.items():
            if code in documents:
                documents[code].extend(word.split())
        self.index = search_index(documents, engine)

    def with_learned(self, learned):
        """This matcher with the workspace's learned words (``{word: code}``) added."""
        if not learned:
            return self
        return ResourceMatcher(self.rows, self.vocabulary, learned, self.engine)

    # --- what a word names without doubt ----------------------------------------------------
    def named(self, text, lang="en"):
        """The code a learned word or a vocabulary word names, or None."""
        key = term_key(text)
        if not key:
            return None
        other = [language for language in LANGUAGES if language != lang]
        keys = [key]
        plain = " ".join(w for w in key.split() if w not in _GENERIC)
        if plain and plain != key:
            keys.append(plain)
        for candidate in keys:
            for table in [self.learned] + [self.words.get(language, {}) for language in [lang] + other]:
                code = table.get(candidate)
                if code is not None:
                    return code
        return None

    def _containing(self, text, levels):
        """Codes of the rows of ``levels`` whose label contains the words of ``text``, covers
        them enough and does not say the opposite."""
        words = set(term_words(text))
        if not words:
            return set()
        negative = negated(text)
        found = set()
        for row, label_words, label_negated in self._labels:
            if row["level"] not in levels or not words <= label_words:
                continue
            if label_negated and not negative:
                continue
            if len(words) < COVERAGE * len(label_words):
                continue
            found.add(row["code"])
        return found

    # --- one ranking ------------------------------------------------------------------------
    def ranked(self, text, partial=False, any_word=False, limit=25):
        """Entries for ``text``, best first, by BM25 (the last word as a prefix when ``partial``)."""
        words = term_words(text)
        return [self.by_code[code] for code, _score in
                self.index.search(words, prefix_last=partial, any_term=any_word, limit=limit)]

    # --- what the callers ask ---------------------------------------------------------------
    def search(self, text, limit=25, lang="en"):
        """The proposals for what a person is typing: entries of a code's spelling (the code and
        the entries below it), else the entry a word names, then entries by words (the last one
        being typed), best first."""
        parsed = parse_code(text)
        if parsed and parsed[0] in self.by_code:
            prefix = parsed[0]
            return [row for row in self.by_code.values() if row["level"] == "entry"
                    and row["code"].startswith(prefix)][:limit]
        if not word_key(text):
            return []
        out = []
        named = self.named(text, lang)
        if named is not None and self.by_code[named]["level"] == "entry":
            out.append(self.by_code[named])
        for row in self.ranked(text, partial=True, limit=limit):
            if row not in out:
                out.append(row)
        return out[:limit]

    def candidates(self, text, limit=CANDIDATES):
        """Close entries for words that name none without doubt: every word counts, best first."""
        return self.ranked(text, any_word=True, limit=limit)

    def resolve(self, text, levels=("subchapter", "entry"), lang="en"):
        """``(row, candidates)`` for words typed whole (a cell of a file, a field left): the row a
        code or words name without doubt, else None and up to five close entries."""
        if text is None or not str(text).strip():
            return None, []
        parsed = parse_code(text)
        if parsed and parsed[0] in self.by_code:
            return self.by_code[parsed[0]], []
        named = self.named(text, lang)
        if named is not None and self.by_code[named]["level"] in levels:
            return self.by_code[named], []
        exact = {code for code in self._exact.get(word_key(text), ()) if self.by_code[code]["level"] in levels}
        if len(exact) == 1:
            return self.by_code[next(iter(exact))], []
        containing = self._containing(text, levels)
        if len(containing) == 1:
            return self.by_code[next(iter(containing))], []
        return None, self.candidates(text)


@lru_cache(maxsize=1)
def resource_matcher():
    """The matcher of the plugin's nomenclature and vocabulary (made once)."""
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
