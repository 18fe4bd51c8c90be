"""Where a line may break in Thai text: words found with PyThaiNLP, kept whole with joiners.

Thai has no spaces between words, so LibreOffice (ICU's dictionary) and Word choose
the line-break points themselves, and in a table column they cut compounds that the
column could hold (ผู้รับผิด|ชอบ, เจ้า|หน้าที่). The text as typed stays as it is; the
.docx gets an invisible **U+FEFF ZERO WIDTH NO-BREAK SPACE** (line-break class WJ, as
U+2060 WORD JOINER) exactly where ICU's line breaker (the one LibreOffice uses, called
through ctypes) would break inside a word (:func:`thai_words`), and before ๆ. A line
then breaks only between words, or inside a word wider than its column (the
column-width step sees to it that none is). Without ICU on the machine nothing is joined.

Measured with LibreOffice (bench/thai_breaks.py):

* a joiner cuts ICU's dictionary's view of the text, so it goes only where ICU itself
  sees a boundary: one between every character cluster made LibreOffice break
  anywhere (krut ``split`` 1 → 139);
* U+2060 and U+FEFF keep words whole alike (krut mid_word 48 → 18 and 18); U+200D
  (ZWJ) does not; U+FEFF is the one ``seed_fidelity.py`` and most text tools already
  drop (text recall with U+2060: 1.0 → 0.30);
* the PDF's text has no joiner (pdftotext, pdfplumber): copying from the PDF gives
  the text as typed.

URLs and e-mail addresses get no joiner; they get :data:`ADDRESS_BREAK` after ``/ . - @``
(:func:`break_addresses`), since LibreOffice would otherwise cut them anywhere. The joiner has no width and no glyph, and
:func:`strip_joiners` removes it when a .docx is read back.

A "/" between Thai letters (วาทภัย/อุทกภัย/อัคคีภัย) gets a **U+200B ZERO WIDTH SPACE**
after it (:data:`SLASH_BREAK`): LibreOffice never breaks right after "/" (its
``BreakIterator_Unicode::getLineBreak`` moves such a break back to the last space, for
paths), so the whole run was one piece, wider than its column, and LibreOffice cut it
at the edge (ronthong: อุทกภั|ย). ICU itself breaks there; a break after ZWSP is one that
LibreOffice keeps. The PDF's text has no ZWSP either (pdfplumber, pdftotext), and
``seed_fidelity.py`` drops it, as it drops U+FEFF.

LibreOffice keeps a break in Thai text only where it falls on a Thai character (it reads
the break through a table of Thai character cells): a break on an opening bracket before
Thai ("ทุจริต (ประกอบด้วย") is moved by :func:`_breaks_on_thai`, and a space typed inside
one of the document's own names (เทศบาลเมืองสะ เตงนอก) becomes a no-break space.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from lxml import etree

from ..thai.digits import _MAYBE_ADDRESS, ADDRESS_PATTERN
from .measure import CELL_MARGIN_CM, TEXT_WIDTH_CM, text_width_cm
from .oxml import grid_span, qn

if TYPE_CHECKING:  # -- PyThaiNLP has no type information: its Trie is Any to mypy --
    from pythainlp.util import Trie

__all__ = [
    "ADDRESS_BREAK",
    "JOINER",
    "SLASH_BREAK",
    "break_addresses",
    "document_words",
    "join_words",
    "join_words_in_body",
    "strip_joiners",
    "thai_words",
    "unbreakable_pieces",
]

#: U+FEFF ZERO WIDTH NO-BREAK SPACE (line-break class WJ, as U+2060): no break on either side, no width.
JOINER = "\ufeff"
#: The space typed before ๆ ฯ (ทุก ๆ) goes in as U+00A0 NO-BREAK SPACE: LibreOffice breaks
#: at a space whatever joiner stands beside it (measured: ทุก\ufeff \ufeffๆ broke, ทุก\u00a0ๆ did not).
_REPEAT_SPACE = "\u00a0"
#: U+200B ZERO WIDTH SPACE (line-break class ZW): a break opportunity with no width and no
#: glyph, Word's "no-width optional break". LibreOffice breaks an address nowhere of its own
#: accord, and at the column's edge when it is too long (go.t|h); so each run of ``/ . - @``
#: inside an address is followed by one, and the address breaks only there.
ADDRESS_BREAK = "\u200b"
#: The same U+200B after a "/" between Thai letters: a break LibreOffice keeps (module docstring).
SLASH_BREAK = ADDRESS_BREAK

_THAI_RUN = re.compile("[\u0e01-\u0e5b]+")
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_SPACED_REPEAT = re.compile("(?<=[\u0e01-\u0e4e]) (?=[ๆฯ])")
_HELD_REPEAT = re.compile("(?<=[\u0e01-\u0e4e])\u00a0(?=[ๆฯ])")
#: A space typed inside one of the document's own names (เทศบาลเมืองสะ เตงนอก) goes in as
#: U+FEFF U+00A0: shown as the space typed, never a line break; read back as the space.
_HELD_SPACE = JOINER + "\u00a0"
#: Stands for such a space while the Thai runs on either side are joined (a private-use character).
_NAME_SPACE = "\ue000"
_THAI_SLASH = re.compile("(?<=[\u0e01-\u0e4e]/)(?=[\u0e01-\u0e4e])")
#: Characters after which a URL may break, and the pieces between them.
_ADDRESS_BREAK = re.compile(r"(?<=[/.\-@])(?=[^/.\-@])")
#: Either break as added: after ``/ . - @`` (so a Thai slash's break too), taken out on reading back.
_BREAK_ADDED = re.compile(r"(?<=[/.\-@])\u200b")
#: Punctuation that opens a piece before Thai letters ("(ตาม", "“ประกอบ", "-ข้อมูล"), and the
#: break :func:`_breaks_on_thai` may add between it and the Thai (taken out on reading back).
_OPENERS = "([{“‘\"'«-–—"
_OPENER_THAI = re.compile(f"[{re.escape(_OPENERS)}](?=[\u0e01-\u0e4e])")
_OPENER_BREAK = re.compile(f"(?<=[{re.escape(_OPENERS)}])\u200b(?=[\u0e01-\u0e4e])")
#: LibreOffice's Thai break iterator keeps a break only where it falls on a character of the Thai block.
_THAI_BLOCK = re.compile("[\u0e00-\u0e7f]")
#: How many pieces back :func:`_breaks_on_thai` looks for a break that opens with Thai.
_HOLD_BACK = 3


@lru_cache(maxsize=1)
def _lexical_trie() -> Trie:
    from pythainlp.corpus import thai_orst_words

    return _words_class()(thai_orst_words())


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    from pythainlp.corpus import thai_orst_words

    return frozenset(thai_orst_words())


@lru_cache(maxsize=1)
def _dictionary() -> Trie:
    """PyThaiNLP's word list as newmm's dictionary (newmm's default, without its trie)."""
    from pythainlp.corpus import thai_words as word_list

    return _words_class()(word_list())


@lru_cache(maxsize=64)
def _trie_with(extra: frozenset[str]) -> Trie:
    """PyThaiNLP's word list and the *extra* words, as newmm's dictionary: the word list
    is read once and the few extra words are looked up beside it, giving the words a
    single trie of both would (building that trie again for each document's own names
    cost ~10 ms a document)."""
    return _with_extra_class()(extra) if extra else _dictionary()


@lru_cache(maxsize=1)
def _words_class() -> type[Trie]:
    from pythainlp.util import Trie

    class Words(Trie):
        """A word list as newmm's dictionary, without a trie: the words in a set and, for
        each first two letters, the lengths of the words that start with them. It gives
        the prefixes a :class:`pythainlp.util.Trie` of the list gives, shortest first
        (newmm only asks for those), in a tenth of the memory (PyThaiNLP's 62,000 words:
        ~80 MB as a trie) and of the time to build."""

        def __init__(self, words: Iterable[str]) -> None:
            # -- as add() for each word, in one pass (add() sorts a prefix's lengths again each time) --
            self.words: set[str] = {word for word in map(str.strip, words) if word}
            lengths: dict[str, set[int]] = {}
            for word in self.words:
                if len(word) > 1:
                    lengths.setdefault(word[:2], set()).add(len(word))
            self.lengths: dict[str, tuple[int, ...]] = {key: tuple(sorted(found)) for key, found in lengths.items()}

        def add(self, word: str) -> None:
            word = word.strip()  # -- as Trie.add --
            if not word or word in self.words:
                return
            self.words.add(word)
            if len(word) > 1:
                self.lengths[word[:2]] = tuple(sorted({*self.lengths.get(word[:2], ()), len(word)}))

        def remove(self, word: str) -> None:
            self.words.discard(word)

        def prefixes(self, text: str, start: int = 0) -> list[str]:
            words = self.words
            found = [text[start]] if start < len(text) and text[start] in words else []
            end = len(text)
            for length in self.lengths.get(text[start:start + 2], ()):
                if start + length > end:
                    break
                if (word := text[start:start + length]) in words:
                    found.append(word)
            return found

        def __contains__(self, key: str) -> bool:
            return key in self.words

        def __len__(self) -> int:
            return len(self.words)

        def __bool__(self) -> bool:
            return bool(self.words)

        def __iter__(self) -> Iterator[str]:
            return iter(self.words)

    return Words


@lru_cache(maxsize=1)
def _with_extra_class() -> type[Trie]:
    from pythainlp.util import Trie

    class WithExtra(Trie):
        """The word list's dictionary and a small trie of extra words, read as one (newmm
        only calls ``prefixes``; a text's prefixes in one dictionary are its prefixes in either)."""

        def __init__(self, extra: frozenset[str]) -> None:
            self.base, self.own = _dictionary(), Trie(extra)

        def prefixes(self, text: str, start: int = 0) -> list[str]:
            own = self.own.prefixes(text, start)
            found = self.base.prefixes(text, start)
            return sorted(set(found).union(own), key=len) if own else found

        def __contains__(self, key: str) -> bool:
            return key in self.base or key in self.own

        def __len__(self) -> int:
            return len(self.base) + sum(1 for word in self.own if word not in self.base)

        def __bool__(self) -> bool:  # -- newmm asks whether it is empty, for every text: not by counting --
            return bool(self.base) or bool(self.own)

        def __iter__(self) -> Iterator[str]:
            yield from self.base
            yield from (word for word in self.own if word not in self.base)

    return WithExtra


def document_words(document: object) -> frozenset[str]:
    """The document's own names, kept whole as words: the organisation's name without
    its type (สะเตงนอก of เทศบาลเมืองสะเตงนอก), its district and its province.

    >>> from types import SimpleNamespace as O
    >>> sorted(document_words(O(organisation=O(name="เทศบาลเมืองสะเตงนอก", type="เทศบาลเมือง",
    ...                                        district="เมืองยะลา", province="ยะลา"))))
    ['ยะลา', 'สะเตงนอก', 'เมืองยะลา']
    """
    organisation = getattr(document, "organisation", None)
    if organisation is None:
        return frozenset()
    name, kind = organisation.name, getattr(organisation, "type", None)
    if kind and name.startswith(kind):
        name = name[len(kind):]
    names = (name, getattr(organisation, "district", None), getattr(organisation, "province", None))
    return frozenset(part for text in names if text for part in _THAI_RUN.findall(text))


def thai_words(text: str, extra: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words of a run of Thai letters that a line should not cut (cached).

    PyThaiNLP's newmm words (its full word list, and the *extra* words of the document,
    see :func:`document_words`); one that is not a headword of the Royal Institute
    dictionary (``thai_orst_words``) but is made of such headwords is a phrase and
    counts as its headwords (การประเมิน → การ ประเมิน), since a line may break between
    them. An extra word stays whole.

    >>> thai_words("ผู้รับผิดชอบกำชับเจ้าหน้าที่")
    ('ผู้', 'รับผิดชอบ', 'กำชับ', 'เจ้าหน้าที่')
    >>> thai_words("การประเมินอินโฟกราฟิก")
    ('การ', 'ประเมิน', 'อินโฟกราฟิก')
    >>> thai_words("เทศบาลเมืองสะเตงนอก", frozenset({"สะเตงนอก"}))
    ('เทศบาล', 'เมือง', 'สะเตงนอก')
    """
    return _words_of(text, extra)


@lru_cache(maxsize=4096)  # -- one key for a text however it is asked for (f(t) and f(t, x) are two to lru_cache) --
def _words_of(text: str, extra: frozenset[str]) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    words: list[str] = []
    custom = _trie_with(extra)
    for word in word_tokenize(text, custom_dict=custom, engine="newmm", keep_whitespace=True):
        if word not in _lexicon() and word not in extra and _THAI_LETTER.match(word):
            parts = word_tokenize(word, custom_dict=_lexical_trie(), engine="newmm")
            if len(parts) > 1 and all(part in _lexicon() for part in parts):
                words.extend(parts)
                continue
        words.append(word)
    return tuple(words)


class _Icu:
    """ICU's line-break iterator (``ubrk_*`` of libicuuc through ctypes), the one LibreOffice uses."""

    UBRK_LINE = 2

    def __init__(self, lib: ctypes.CDLL, suffix: str) -> None:
        def fn(name: str, restype: object, *argtypes: object) -> Callable[..., int]:
            f = getattr(lib, name + suffix)
            f.restype, f.argtypes = restype, list(argtypes)
            return cast(Callable[..., int], f)

        self._open = fn("ubrk_open", ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p,
                        ctypes.c_int32, ctypes.POINTER(ctypes.c_int))
        self._next = fn("ubrk_next", ctypes.c_int32, ctypes.c_void_p)
        self._set_text = fn("ubrk_setText", None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int32,
                            ctypes.POINTER(ctypes.c_int))
        self._local = threading.local()
        self._cached_breaks = lru_cache(maxsize=2048)(self._breaks)

    def _iterator(self) -> int | None:
        """This thread's line-break iterator, opened once (opening one costs more than
        breaking a cell's text) and kept for the life of the thread; None if ICU fails."""
        iterator: int | None = getattr(self._local, "iterator", None)
        if iterator is None:
            status = ctypes.c_int(0)
            iterator = self._open(self.UBRK_LINE, b"th", None, 0, ctypes.byref(status))
            if status.value > 0 or not iterator:
                return None
            self._local.iterator = iterator
        return iterator

    def breaks(self, text: str) -> tuple[int, ...]:
        """Offsets in *text* (Basic Multilingual Plane only) where a line may break, the end
        excluded. Cached: the text a run's last round of :func:`_joined_inside` breaks is
        broken again by the column widths (:func:`_thai_pieces`) and by the wide-piece check."""
        return self._cached_breaks(text)

    def _breaks(self, text: str) -> tuple[int, ...]:
        iterator = self._iterator()
        if iterator is None:
            return ()
        data = text.encode("utf-16-le")  # -- passed as it is (no copy); alive until the breaks are read --
        length = len(data) // 2
        status = ctypes.c_int(0)
        self._set_text(iterator, data, length, ctypes.byref(status))
        if status.value > 0:
            return ()
        found = []
        step = self._next
        while (offset := step(iterator)) != -1 and offset < length:
            found.append(offset)
        return tuple(found)

    def pieces(self, text: str) -> list[str]:
        """*text* cut at each of its :meth:`breaks`: the pieces a line cannot break inside."""
        cuts = [0, *self.breaks(text), len(text)]
        return [text[a:b] for a, b in zip(cuts, cuts[1:]) if a < b]


@lru_cache(maxsize=1)
def _icu() -> _Icu | None:
    """The system's ICU (LibreOffice's dependency), or None where there is none."""
    name = ctypes.util.find_library("icuuc")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    version = re.search(r"\.so\.(\d+)", name) or re.search(r"(\d+)\.dylib$", name)
    for suffix in ([f"_{version.group(1)}"] if version else []) + [""]:
        try:
            return _Icu(lib, suffix)
        except AttributeError:
            continue
    return None


def _word_interiors(text: str, limit_cm: float | None, extra: frozenset[str] = frozenset()) -> set[int]:
    """Offsets strictly inside one of PyThaiNLP's words of *text* (and before ๆ ฯ);
    a word wider than *limit_cm* is left to break where ICU breaks it."""
    inside: set[int] = set()
    start = 0
    for word in thai_words(text, extra):
        end = start + len(word)
        if _THAI_LETTER.match(word) and (limit_cm is None or text_width_cm(word, bold=True) <= limit_cm):
            inside.update(range(start + 1, end))
        start = end
    inside.update(m.start() for m in re.finditer("[ๆฯ]", text) if m.start() > 0)
    return inside


@lru_cache(maxsize=4096)
def _join_thai(text: str, limit_cm: float | None = None, extra: frozenset[str] = frozenset()) -> str:
    """A run of Thai letters with a joiner at each break ICU would make inside a word."""
    if _icu() is None:
        return text
    return _joined_inside(text, frozenset(_word_interiors(text, limit_cm, extra)))


@lru_cache(maxsize=4096)  # -- the run measured for the column widths (no limit) and joined in its cell: one key --
def _joined_inside(text: str, inside: frozenset[int]) -> str:
    """*text* with a joiner at each break ICU would make at one of the offsets *inside*.

    ICU is asked again on the joined text, since a joiner cuts its dictionary's view
    of the run, until it proposes no break inside a word (three rounds at most).
    """
    icu = _icu()
    if icu is None:
        return text
    joins: set[int] = set()
    for _ in range(3):
        joined = _with_joiners(text, joins)
        new = {_typed_offset(joined, b) for b in icu.breaks(joined)} & inside - joins
        if not new:
            break
        joins |= new
    # -- ๆ and ฯ never open a line, whatever ICU says (LibreOffice broke ต่าง|ๆ) --
    joins |= {i for i in inside if text[i] in "ๆฯ"}
    return _with_joiners(text, joins)


def _typed_offset(joined: str, offset: int) -> int:
    return offset - joined.count(JOINER, 0, offset)


def _with_joiners(text: str, joins: set[int]) -> str:
    """
    >>> _with_joiners("เจ้าหน้าที่", {4}).replace(JOINER, "|")
    'เจ้า|หน้าที่'
    """
    if not joins:
        return text
    cuts = [0, *sorted(joins), len(text)]
    return JOINER.join(text[a:b] for a, b in zip(cuts, cuts[1:]))


def _outside_addresses(text: str) -> Iterator[tuple[str, bool]]:
    if not _MAYBE_ADDRESS.search(text):  # -- no address: the common case, without the long pattern --
        if text:
            yield text, False
        return
    last = 0
    for match in ADDRESS_PATTERN.finditer(text):
        if match.start() > last:
            yield text[last:match.start()], False
        yield match.group(0), True
        last = match.end()
    if last < len(text):
        yield text[last:], False


def join_words(text: str, limit_cm: float | None = None, extra: frozenset[str] = frozenset()) -> str:
    """*text* with a :data:`JOINER` inside each Thai word, and its addresses through
    :func:`break_addresses`; spaces and Latin unchanged.

    *extra* are words to keep whole besides PyThaiNLP's (:func:`document_words`).
    A word wider than *limit_cm* (its column, less the cell margins) gets none: ICU may
    then cut it between its parts rather than the renderer at the column's edge.

    >>> join_words("ผู้รับผิดชอบ ดูที่ www.krut.go.th").replace(JOINER, "|").replace(ADDRESS_BREAK, "/")
    'ผู้รับ|ผิด|ชอบ ดูที่ www./krut./go./th'
    >>> join_words("เจ้าหน้าที่ที่เกี่ยวข้อง").replace(JOINER, "|")
    'เจ้า|หน้าที่ที่เกี่ยวข้อง'
    >>> join_words("ทุก ๆ วัน").replace(JOINER, "|")
    'ทุก\\xa0ๆ วัน'
    >>> join_words("วาทภัย/อุทกภัย").replace(SLASH_BREAK, "+")
    'วาทภัย/+อุทกภัย'
    >>> strip_joiners(join_words("ปีงบประมาณ ๒๕๖๖")) == "ปีงบประมาณ ๒๕๖๖"
    True
    """
    if not _THAI_LETTER.search(text):
        return break_addresses(text)
    split = _split_names(extra) if _NAME_SPACE not in text and _may_hold_a_spaced_name(text, extra) else None
    if split is not None and (found := split.findall(text)):
        # -- each half is kept whole as a word too (เตงนอก is none of PyThaiNLP's) --
        extra = extra | {half for name in found for half in name.split(" ")}
        text = split.sub(lambda m: m.group(0).replace(" ", _NAME_SPACE), text)
    return _join_words(text, limit_cm, _found_in(extra, text))


def _found_in(extra: frozenset[str], text: str) -> frozenset[str]:
    """The words of *extra* that occur in *text*: a word that does not cannot change how
    the text splits, and without it the caches serve the same text of every document of a
    batch, whatever the organisation's name.

    >>> sorted(_found_in(frozenset({"ยะลา", "สะเตงนอก"}), "จังหวัดยะลา"))
    ['ยะลา']
    """
    return frozenset(word for word in extra if word in text) if extra else extra


@lru_cache(maxsize=16384)  # -- a pure function of its arguments; cell texts recur across a batch --
def _join_words(text: str, limit_cm: float | None, extra: frozenset[str]) -> str:
    """:func:`join_words` once the document's own names typed with a space are held
    together and *extra* holds only the words found in *text*."""
    out = []
    for piece, address in _outside_addresses(text):
        out.append(_ADDRESS_BREAK.sub(ADDRESS_BREAK, piece) if address else _THAI_SLASH.sub(
            SLASH_BREAK, _THAI_RUN.sub(lambda m: _join_thai(m[0], limit_cm, _found_in(extra, m[0])), piece)))
    # -- "ทุก ๆ" as typed with a space: a no-break space keeps ๆ on its word's line --
    joined = _SPACED_REPEAT.sub(_REPEAT_SPACE, "".join(out)).replace(_NAME_SPACE, _HELD_SPACE)
    return joined if limit_cm is None else _breaks_on_thai(_unjoin_wider_than(joined, limit_cm), limit_cm)


def _may_hold_a_spaced_name(text: str, extra: frozenset[str]) -> bool:
    """Whether *text* may hold one of the names *extra* with a space typed inside: only
    then is :func:`_split_names`'s pattern made (~1 ms a document) and searched. With the
    spaces taken out, such a name is found once more than in the text as typed.

    >>> _may_hold_a_spaced_name("เทศบาลเมืองสะ เตงนอก", frozenset({"สะเตงนอก"}))
    True
    >>> _may_hold_a_spaced_name("เทศบาลเมืองสะเตงนอก อำเภอเมืองยะลา", frozenset({"สะเตงนอก"}))
    False
    """
    if " " not in text:
        return False
    squeezed = text.replace(" ", "")
    return any(word in squeezed and _occurrences(squeezed, word) > _occurrences(text, word) for word in extra)


def _occurrences(text: str, word: str) -> int:
    """How many times *word* occurs in *text*, overlaps counted (นานา twice in นานานา)."""
    count, at = 0, text.find(word)
    while at >= 0:
        count, at = count + 1, text.find(word, at + 1)
    return count


@lru_cache(maxsize=64)
def _split_names(extra: frozenset[str]) -> re.Pattern[str] | None:
    """The document's own names (*extra*) with one space typed inside, as a pattern.

    >>> _split_names(frozenset({"สะเตงนอก"})).sub("_", "เทศบาลเมืองสะ เตงนอก")
    'เทศบาลเมือง_'
    """
    forms = sorted({f"{word[:i]} {word[i:]}" for word in extra if len(word) >= 4 for i in range(1, len(word))
                    if _THAI_LETTER.match(word[i])}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms))) if forms else None


def _unjoin_wider_than(joined: str, limit_cm: float) -> str:
    """Take the joiners out of a piece that ICU cannot break and that is wider than
    *limit_cm*: a word with punctuation glued on (ผู้รับผิดชอบ/ผู้ที่…) may not fit where
    the word alone does, and a cut between its parts is better than one at the edge."""
    icu = _icu()
    if icu is None or JOINER not in joined:
        return joined
    pieces: list[str] = []
    for piece in icu.pieces(joined):
        # -- LibreOffice's own rules do not break after "/" before Thai (ผู้รับผิดชอบ/ผู้ที่…) --
        if pieces and pieces[-1].endswith("/") and _THAI_LETTER.match(piece):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return "".join(strip_joiners(piece) if JOINER in piece and text_width_cm(piece.rstrip(), bold=True) > limit_cm
                   else piece for piece in pieces)


def _breaks_on_thai(joined: str, limit_cm: float) -> str:
    """Move each line break that falls on an opening bracket, quote or dash before Thai
    ("ทุจริต (ประกอบด้วย") to where LibreOffice keeps it.

    LibreOffice (7.4) maps the break its Thai line breaker finds through a table of Thai
    character cells (``BreakIterator_CTL::getLineBreak``, ``previousCellIndex``) that is
    filled only at Thai characters of the paragraph; for a break at "(" it reads whatever
    an earlier paragraph left there, often 0, and then cuts the Thai word after the bracket
    at the column's edge (ปร|ะกอบด้วย, ต|ามเอกสาร). So:

    * the piece is held to the words before it, up to :data:`_HOLD_BACK` pieces back, with a
      :data:`JOINER` after the space (no break at a space before U+FEFF), when the held run
      fits *limit_cm* and opens with a Thai character: the line then breaks before that
      word, a break LibreOffice keeps;
    * otherwise (Latin or Arabic digits before it, or too wide) a :data:`ADDRESS_BREAK`
      goes between the opener and the Thai letter, a break on a Thai character.

    >>> _breaks_on_thai("การทุจริต (ประกอบด้วย", 10).replace(JOINER, "~")
    'การทุจริต ~(ประกอบด้วย'
    >>> _breaks_on_thai("Assessment) (ตามเอกสาร", 10).replace(ADDRESS_BREAK, "+")
    'Assessment) (+ตามเอกสาร'
    """
    icu = _icu()
    if icu is None or not _OPENER_THAI.search(joined):
        return joined
    pieces = icu.pieces(joined)
    held: set[int] = set()  # -- pieces that get a joiner at their start --
    broken: set[int] = set()  # -- pieces that get a break after their opener --
    for k, piece in enumerate(pieces):
        if k == 0 or not _OPENER_THAI.match(piece):
            continue
        unit, first = piece, None
        for j in range(k - 1, max(-1, k - 1 - _HOLD_BACK), -1):
            unit = pieces[j] + unit
            if text_width_cm(unit.rstrip(), bold=True) > limit_cm:
                break
            if _THAI_BLOCK.match(pieces[j]):
                first = j
                break
        if first is None:
            broken.add(k)
        else:
            held.update(range(first + 1, k + 1))
    if not held and not broken:
        return joined
    out = []
    for k, piece in enumerate(pieces):
        if k in broken:
            piece = _OPENER_THAI.sub(lambda m: m.group(0) + ADDRESS_BREAK, piece, count=1)
        out.append(JOINER + piece if k in held and not piece.startswith(JOINER) else piece)
    return "".join(out)


def break_addresses(text: str) -> str:
    """*text* with an :data:`ADDRESS_BREAK` after each run of ``/ . - @`` inside its URLs,
    e-mail addresses and file names, where a line may break; the rest unchanged.

    >>> break_addresses("ดูที่ https://www.krut.go.th/ita").replace(ADDRESS_BREAK, "|")
    'ดูที่ https://|www.|krut.|go.|th/|ita'
    >>> strip_joiners(break_addresses("a@b.go.th")) == "a@b.go.th"
    True
    """
    if not ADDRESS_PATTERN.search(text):
        return text
    return "".join(_ADDRESS_BREAK.sub(ADDRESS_BREAK, piece) if address else piece
                   for piece, address in _outside_addresses(text))


def strip_joiners(text: str) -> str:
    """*text* without the joiners :func:`join_words` added (for reading a .docx back),
    without the breaks :func:`break_addresses` added, with the space before ๆ ฯ as typed, and
    without the ZWSP after a "/" between Thai letters.

    >>> strip_joiners("เจ้า\\ufeffหน้าที่ ทุก\\u00a0ๆ วัน www.\\u200bkrut.\\u200bgo.\\u200bth")
    'เจ้าหน้าที่ ทุก ๆ วัน www.krut.go.th'
    >>> strip_joiners("วาทภัย/\\u200bอุทกภัย")
    'วาทภัย/อุทกภัย'
    """
    if ADDRESS_BREAK not in text and _REPEAT_SPACE not in text:  # -- the common case: joiners alone --
        return text.replace(JOINER, "")
    text = _OPENER_BREAK.sub("", _BREAK_ADDED.sub("", text.replace(_HELD_SPACE, " ").replace(JOINER, "")))
    return _HELD_REPEAT.sub(" ", text)


def unbreakable_pieces(text: str) -> list[str]:
    """The pieces of *text* a line cannot break inside once words are joined: Thai words,
    words between spaces, and the parts of an address after ``/ . - @``.

    >>> unbreakable_pieces("ผู้รับผิดชอบ โทร. 0-7729 www.krut.go.th")
    ['ผู้รับผิดชอบ', 'โทร.', '0-7729', 'www.', 'krut.', 'go.', 'th']
    >>> unbreakable_pieces("การประเมินคุณธรรม")
    ['การ', 'ประเมิน', 'คุณธรรม']
    """
    pieces: list[str] = []
    for part, address in _outside_addresses(text):
        if address:
            pieces.extend(p for p in _ADDRESS_BREAK.split(part) if p)
            continue
        for chunk in part.split():
            if not _THAI_LETTER.search(chunk):
                pieces.append(chunk)
                continue
            pieces.extend(_thai_pieces(chunk))
    return pieces


def _thai_pieces(chunk: str) -> list[str]:
    """Where ICU breaks *chunk* once its words are joined; PyThaiNLP's words without ICU."""
    icu = _icu()
    if icu is None:
        words = [w for run in re.split(f"({_THAI_RUN.pattern})", chunk) if run
                 for w in (thai_words(run) if _THAI_RUN.fullmatch(run) else (run,))]
        return _glue(words)
    joined = join_words(chunk)
    return [strip_joiners(piece).replace(SLASH_BREAK, "") for piece in icu.pieces(joined)]


def _glue(words: list[str]) -> list[str]:
    """Non-Thai bits stick to the Thai word before them (ICU does not break "ฯ," or "โทร.")."""
    glued: list[str] = []
    for word in words:
        if glued and (not _THAI_LETTER.match(word) or word in "ๆฯ"):
            glued[-1] += word
        else:
            glued.append(word)
    return glued


_TBL, _TBLGRID, _GRIDCOL, _TR, _TC = qn("w:tbl"), qn("w:tblGrid"), qn("w:gridCol"), qn("w:tr"), qn("w:tc")
_T, _W = qn("w:t"), qn("w:w")


def join_words_in_body(body: etree._Element, extra: frozenset[str] = frozenset()) -> int:
    """Apply :func:`join_words` to every ``<w:t>`` under *body*; returns the texts changed.

    *extra* are the document's own words (:func:`document_words`), kept whole too.

    In a table cell a word wider than the cell (from the table grid, less the cell
    margins) is not joined. Field instructions are ``w:instrText`` and are not touched.
    """
    limits = _cell_limits(body)
    changed = 0
    for t in body.iter(_T):
        text = t.text
        if not text:
            continue
        if not _THAI_LETTER.search(text):
            broken = break_addresses(text)
            if broken != text:
                t.text = broken
                changed += 1
            continue
        cell = next(t.iterancestors(_TC), None)
        joined = join_words(text, TEXT_WIDTH_CM if cell is None else limits.get(cell, TEXT_WIDTH_CM), extra)
        if joined != text:
            t.text = joined
            changed += 1
    return changed


def _cell_limits(body: etree._Element) -> dict[etree._Element, float]:
    """The text width of each table cell under *body* in cm: its grid columns less the
    cell margins. Children are walked with ``iterchildren`` (C), not found by path
    (ElementPath in Python, ~5 µs a cell a document)."""
    limits: dict[etree._Element, float] = {}
    for tbl in body.iter(_TBL):
        grid = [int(float(c.get(_W) or 0)) for g in tbl.iterchildren(_TBLGRID) for c in g.iterchildren(_GRIDCOL)]
        for tr in tbl.iterchildren(_TR):
            column = 0
            for tc in tr.iterchildren(_TC):
                count = grid_span(tc)
                limits[tc] = round(sum(grid[column:column + count]) / 1440 * 2.54 - CELL_MARGIN_CM, 2)
                column += count
    return limits
