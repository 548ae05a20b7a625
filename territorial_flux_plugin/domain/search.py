"""The ranked search over the nomenclature: an in-memory SQLite FTS5 index ranked by BM25, with a
plain-Python index that gives the same results where SQLite was built without FTS5.

Both see the same words: :func:`words_of` (accents, case and punctuation away, small words
dropped, a final s or x dropped), written into the index already normalised, so that SQLite's
tokenizer only splits them on spaces. Both score with FTS5's BM25 (k1 = 1.2, b = 0.75, its
inverse document frequency floored at 1e-6) and order by score, then code.
"""

import math
import sqlite3

from .text import word_key

STOP_WORDS = frozenset({
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux", "un", "une",
    "pour", "par", "sur", "avec", "the", "of", "and", "or", "ou", "for", "from", "to", "in",
    "with", "other", "than", "autres", "que", "non",
})
# words that qualify a resource without changing which one it is (cartons usagés are cartons)
QUALIFIERS = frozenset({
    "usage", "usagee", "use", "usee", "used", "vrac", "bulk", "divers", "diver", "diverse", "various", "misc",
    "old", "vieu", "vieille", "vieil", "propre", "clean", "recuperer", "recupere", "recuperee",
})
NEGATIONS = frozenset({"non", "not", "sans", "without", "except", "hors"})
K1, B = 1.2, 0.75


def stem(word):
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def words_of(text):
    """The compared words of ``text``, in order (stop words left out)."""
    return [stem(w) for w in word_key(text).split() if w not in STOP_WORDS]


def term_words(text):
    """The words that name a resource: :func:`words_of` without qualifiers (usagé, vrac, used…)."""
    words = words_of(text)
    kept = [w for w in words if w not in QUALIFIERS]
    return kept or words


def term_key(text):
    """The key of a word of the vocabulary or a learned word: :func:`term_words`, keeping the
    negations (``métaux non ferreux`` is not ``métaux ferreux``)."""
    words = [stem(w) for w in word_key(text).split() if w not in STOP_WORDS or w in NEGATIONS]
    kept = [w for w in words if w not in QUALIFIERS]
    return " ".join(kept or words)


def negated(text):
    """True when ``text`` says the opposite of a plain word (``bois non traité``)."""
    return any(w in NEGATIONS for w in word_key(text).split())


def fts5_available():
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return True


class _Documents:
    """Documents ``{key: list of words}`` (one document per code)."""

    def __init__(self, documents):
        self.documents = {key: list(words) for key, words in documents.items() if words}


class PythonIndex(_Documents):
    """BM25 over the documents in plain Python, as FTS5 computes it."""

    def __init__(self, documents):
        super().__init__(documents)
        self.total = len(self.documents)
        self.average = (sum(len(w) for w in self.documents.values()) / self.total) if self.total else 0.0
        self.vocabulary = {}
        for key, words in self.documents.items():
            for word in words:
                self.vocabulary.setdefault(word, {}).setdefault(key, 0)
                self.vocabulary[word][key] += 1

    def _hits(self, term, prefix):
        if not prefix:
            return dict(self.vocabulary.get(term, {}))
        hits = {}
        for word, postings in self.vocabulary.items():
            if word.startswith(term):
                for key, count in postings.items():
                    hits[key] = hits.get(key, 0) + count
        return hits

    def search(self, terms, prefix_last=False, any_term=False, limit=25):
        """``[(key, score)]`` best first (scores are negative, as FTS5's)."""
        if not terms or not self.total:
            return []
        hits = [self._hits(t, prefix_last and i == len(terms) - 1) for i, t in enumerate(terms)]
        keys = set().union(*hits) if any_term else set.intersection(*(set(h) for h in hits))
        scored = []
        for key in keys:
            length = len(self.documents[key])
            score = 0.0
            for postings in hits:
                found = len(postings)
                idf = math.log((self.total - found + 0.5) / (found + 0.5))
                if idf <= 0.0:
                    idf = 1e-6
                count = postings.get(key, 0)
                score += idf * (count * (K1 + 1)) / (count + K1 * (1 - B + B * length / self.average))
            scored.append((key, round(-score, 9)))
        scored.sort(key=lambda item: (item[1], item[0]))
        return scored[:limit]


class Fts5Index(_Documents):
    """The same search through an in-memory SQLite FTS5 table."""

    def __init__(self, documents):
        super().__init__(documents)
        self.connection = sqlite3.connect(":memory:", check_same_thread=False)
        self.connection.execute(
            "CREATE VIRTUAL TABLE documents USING fts5(key UNINDEXED, body, "
            "tokenize = 'unicode61 remove_diacritics 2')")
        self.connection.executemany("INSERT INTO documents (key, body) VALUES (?, ?)",
                                    [(key, " ".join(words)) for key, words in self.documents.items()])

    def search(self, terms, prefix_last=False, any_term=False, limit=25):
        if not terms:
            return []
        parts = ['"{}"{}'.format(t, "*" if prefix_last and i == len(terms) - 1 else "")
                 for i, t in enumerate(terms)]
        query = (" OR " if any_term else " ").join(parts)
        rows = self.connection.execute(
            "SELECT key, bm25(documents) FROM documents WHERE documents MATCH ?", (query,)).fetchall()
        scored = sorted(((key, round(score, 9)) for key, score in rows), key=lambda item: (item[1], item[0]))
        return scored[:limit]


def search_index(documents, engine=None):
    """The FTS5 index when SQLite has FTS5 (or ``engine='python'`` is asked), else the Python one."""
    if engine == "python" or (engine is None and not fts5_available()):
        return PythonIndex(documents)
    return Fts5Index(documents)
