"""What the renderer keeps to be fast gives what it gave without: caches, the one-pass
word list, ICU read with fewer steps, a batch whose workers start warm (issue 13)."""
from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.util import Trie

from ita_docs import load, render_bytes
from ita_docs.batch import render_many
from ita_docs.rendering.linebreak import (
    ADDRESS_BREAK,
    JOINER,
    _icu,
    _join_thai,
    _join_words,
    _joined_inside,
    _may_hold_a_spaced_name,
    _split_names,
    _words_class,
    _words_of,
    join_words,
    strip_joiners,
    unbreakable_pieces,
)
from ita_docs.rendering.measure import _INVISIBLE, text_width_cm
from ita_docs.rendering.widths import _widest_piece_cm, piece_width_cm
from tests.conftest import NONGMUANG

needs_icu = pytest.mark.skipif(_icu() is None, reason="no ICU library on this machine")

WORDS = ["การ", "ประเมิน", "การประเมิน", " คุณธรรม ", "คุณ", "ธรรม", "คุณธรรม", "", "ก", "กร", "ผู้รับผิดชอบ", "ผู้"]


def test_the_word_list_built_in_one_pass_is_the_one_built_a_word_at_a_time():
    words, trie = _words_class()(WORDS), Trie(WORDS)
    one_by_one = _words_class()([])
    for word in WORDS:
        one_by_one.add(word)
    assert words.words == one_by_one.words and words.lengths == one_by_one.lengths
    assert "" not in words and " คุณธรรม " not in words and "คุณธรรม" in words
    for text in ("การประเมินคุณธรรม", "ผู้รับผิดชอบการ", "กรกร", "ก"):
        for start in range(len(text)):
            assert words.prefixes(text, start) == sorted(trie.prefixes(text, start), key=len), (text, start)


def test_a_word_added_after_building_is_found_as_in_the_trie():
    words, trie = _words_class()(WORDS), Trie(WORDS)
    words.add("ประเมินผล")
    trie.add("ประเมินผล")
    assert words.prefixes("ประเมินผลงาน") == trie.prefixes("ประเมินผลงาน")


def test_the_caches_are_bounded():
    """Issue 16: no cache without a bound (a long-running web service renders on and on)."""
    for cached in (_join_words, _join_thai, _joined_inside, _words_of, _widest_piece_cm, text_width_cm):
        assert cached.cache_info().maxsize is not None
    if _icu() is not None:
        assert _icu()._cached_breaks.cache_info().maxsize is not None


def test_the_cached_width_is_the_widest_piece():
    texts = ["ผู้รับผิดชอบ ดูที่ www.krut.go.th", "", "กองช่าง/กองคลัง", "การประเมินคุณธรรมและความโปร่งใส"]
    for bold in (False, True):
        widest = max(text_width_cm(p, bold=bold) for t in texts for p in unbreakable_pieces(t))
        assert piece_width_cm(texts, bold=bold) == widest
    assert piece_width_cm([""]) == piece_width_cm([]) == 0.0


@needs_icu
def test_icu_breaks_between_words_and_not_past_the_end():
    icu = _icu()
    assert icu.breaks("") == () and icu.breaks("a") == ()
    assert icu.breaks("ab cd ef") == (3, 6)
    text = "ผู้รับผิดชอบ ดู www.krut.go.th"
    breaks = icu.breaks(text)
    assert list(breaks) == sorted(breaks) and all(0 < b < len(text) for b in breaks)
    assert text.index("ดู") in breaks
    assert icu.breaks(text) == icu._breaks(text) == breaks  # -- cached or asked again: the same breaks --


def test_a_batch_in_two_warm_workers_writes_what_one_process_renders(tmp_path):
    one = render_bytes(load(NONGMUANG))
    results = render_many([NONGMUANG, NONGMUANG, NONGMUANG], tmp_path / "out", jobs=2)
    assert all(r.output for r in results)
    expected = zipfile.ZipFile(BytesIO(one)).read("word/document.xml")
    for result in results:
        assert zipfile.ZipFile(result.output).read("word/document.xml") == expected


_PLAN_TEXTS = ["ผู้รับผิดชอบกำชับเจ้าหน้าที่ให้ปฏิบัติตามประมวลจริยธรรม", "นายกเทศมนตรีตำบลหนองม่วง อำเภอหนองม่วง",
               "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ", "เทศบาลเมืองสะ เตงนอก จังหวัดยะลา",
               "เทศบาลเมืองสะเตงนอก อำเภอเมืองยะลา", "องค์การบริหารส่วนตำบลบาโงยซิแน"]
_SYLLABLES = ["หนอง", "ม่วง", "บาง", "แก้ว", "สะ", "เตง", "นอก", "ทอง", "คุณ", "ธรรม", "ผิด", "ชอบ", "ยะลา"]


def _uncached_joins(text: str, limit: float | None, extra: frozenset[str]) -> str:
    for cached in (_join_words, _join_thai, _joined_inside, _words_of, text_width_cm):
        cached.cache_clear()
    if _icu() is not None:
        _icu()._cached_breaks.cache_clear()
    return join_words(text, limit, extra)


@settings(max_examples=60, deadline=None)
@given(text=st.sampled_from(_PLAN_TEXTS), limit=st.sampled_from([None, 2.5, 6.0]),
       other_limit=st.sampled_from([None, 2.5, 6.0, 16.0]),
       names=st.sets(st.sampled_from(["สะเตงนอก", "บาโงยซิแน", "เมืองยะลา"])
                     | st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=3).map("".join), max_size=4))
def test_the_joins_of_a_text_are_those_a_fresh_cache_gives_whatever_the_names(text, limit, other_limit, names):
    """join_words keeps in its cache key only the document's words found in the text, so the
    same cell text of two organisations is joined once, and a run joined for another column
    width is joined again only if a word is wider than one of them: what it gives is what it
    gives when nothing is cached and every name is known (found in the text or not)."""
    extra = frozenset(names)
    warm = join_words(text, limit, extra | {"หนองม่วง"})  # -- fills the caches with another set of names --
    warm = join_words(text, other_limit, extra)  # -- and with another width --
    warm = join_words(text, limit, extra)
    assert warm == _uncached_joins(text, limit, extra)
    split = _split_names(extra)
    if split is None or not split.search(text):  # -- a name typed with a space is held first, in join_words --
        assert _join_words.__wrapped__(text, limit, extra) == warm  # -- every name, not only those in the text --


@needs_icu
def test_a_run_measured_without_a_limit_is_joined_in_its_column_from_the_cache():
    """The column widths join a cell's runs without a limit and the cell joins them again with
    its width: when no word is wider than the column the ICU rounds are not run again; when one
    is, they are, and that word gets no joiner."""
    run = "ผู้รับผิดชอบกำชับเจ้าหน้าที่"
    _uncached_joins(run, None, frozenset())
    hits = _joined_inside.cache_info().hits
    wide = _join_thai(run, 16.0, frozenset())
    assert _joined_inside.cache_info().hits == hits + 1
    assert wide == _join_thai(run, None, frozenset()) and JOINER in wide
    narrow = _join_thai(run, 1.0, frozenset())  # -- every word of the run is wider than 1 cm --
    assert _joined_inside.cache_info().hits == hits + 1 and JOINER not in narrow


#: Characters of every kind text_width_cm and strip_joiners meet: Thai letters and marks,
#: the invisible ones line breaking adds, spaces, Latin, an address's separators, one the
#: bundled faces lack.
_CHARACTERS = "กขผู้่ำๆฯ abc./-@ \u00a0\u200b\ufeff\u2060\u200c\u200d中"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_CHARACTERS, max_size=40), bold=st.booleans())
def test_a_width_is_the_sum_of_its_characters_advances(text, bold):
    """text_width_cm sums in C (a table with the invisible characters at 0): the same float as
    the advance of each visible character added in turn, the missing one at ก's."""
    from ita_docs.rendering.measure import _PT_TO_CM, SIZE_PT, _read_table, data_dir

    table = _read_table(data_dir("fonts") / "advances.json")["bold" if bold else "regular"]
    per_em = table["units_per_em"]
    advances = {int(code): units / per_em for code, units in table["advances"].items()}
    missing = advances.get(ord("ก"), 0.5)
    em = sum(advances.get(ord(ch), missing) for ch in text if ch not in _INVISIBLE)
    assert text_width_cm.__wrapped__(text, bold=bold) == em * SIZE_PT * _PT_TO_CM


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_CHARACTERS, max_size=40))
def test_joiners_alone_are_stripped_as_every_mark_is(text):
    """strip_joiners takes a text with joiners and no other mark the short way: what the full
    way gives."""
    from ita_docs.rendering.linebreak import _BREAK_ADDED, _HELD_REPEAT, _HELD_SPACE, _OPENER_BREAK

    full = _HELD_REPEAT.sub(" ", _OPENER_BREAK.sub("", _BREAK_ADDED.sub("", text.replace(_HELD_SPACE, " ")
                                                                          .replace(JOINER, ""))))
    assert strip_joiners(text) == full
    assert ADDRESS_BREAK in _CHARACTERS


def test_organisations_of_other_names_render_as_each_alone(nongmuang_data):
    """Documents of several organisations, one after another in one process, give the bytes
    each gives rendered first: a cache shared across documents changes nothing."""
    def document(name: str) -> bytes:
        data = dict(nongmuang_data, organisation=dict(nongmuang_data["organisation"], name=name))
        return render_bytes(load(data))

    names = ["เทศบาลตำบลบางแก้ว", "เทศบาลตำบลสะเตงนอก", "เทศบาลตำบลหนองม่วง"]
    in_turn = [document(name) for name in names]
    for name, made in zip(names, in_turn):
        for cached in (_join_words, _join_thai, _words_of):
            cached.cache_clear()
        assert document(name) == made, name


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(["สะ", "เตง", "นอก", "นา", "นานา", " ", "ยะลา", "เมือง"]), max_size=10),
       names=st.sets(st.sampled_from(["สะเตงนอก", "นานา", "เมืองยะลา", "นอกนา"]), min_size=1))
def test_a_text_passed_over_for_spaced_names_holds_none(pieces, names):
    """The cheap test that skips making the spaced-name pattern never skips a text the
    pattern would find a name in (self-overlapping names included: นานา)."""
    text, extra = "".join(pieces), frozenset(names)
    split = _split_names(extra)
    if split is not None and split.search(text):
        assert _may_hold_a_spaced_name(text, extra), text


def _every_pattern(value, path=""):
    """The walk of check_document_formats before it skipped plain fields (the oracle)."""
    from pydantic import BaseModel

    from ita_docs.rendering.formats import FORMAT_FIELDS

    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name in FORMAT_FIELDS and isinstance(item, str):
                yield f"{path}.{name}" if path else name, item, FORMAT_FIELDS[name]
            elif isinstance(item, BaseModel | list | tuple):
                yield from _every_pattern(item, f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            if isinstance(item, BaseModel | list | tuple):
                yield from _every_pattern(item, f"{path}[{index}]")


def test_the_number_patterns_found_skipping_plain_fields_are_all_there_are():
    from ita_docs.rendering.formats import _patterns

    found = 0
    for sample in sorted(NONGMUANG.parent.glob("*.yaml")):
        document = load(sample)
        everything = list(_every_pattern(document))
        assert list(_patterns(document)) == everything, sample.name
        found += len(everything)
    assert found > 10, "the samples hold too few number patterns to check the walk"


@given(st.dictionaries(st.sampled_from(["items", "keys", "get", "name", "rows", "__class__", ""]), st.integers()),
       st.sampled_from(["items", "keys", "get", "name", "rows", "missing", "__class__", "__len__", ""]))
def test_the_trusted_environment_reads_a_dict_as_jinja_does(view, attribute):
    from jinja2 import Environment, StrictUndefined

    from ita_docs.rendering.environment import make_trusted_environment

    ours, jinja = make_trusted_environment().getattr(view, attribute), \
        Environment(undefined=StrictUndefined).getattr(view, attribute)
    if isinstance(jinja, StrictUndefined):
        assert isinstance(ours, StrictUndefined) and ours._undefined_name == jinja._undefined_name
    else:
        assert ours == jinja
