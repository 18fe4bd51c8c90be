"""Thai words kept whole: joiners where ICU would cut a word, and the PDF measured."""
from __future__ import annotations

import warnings

import pytest

from ita_docs import ItaDocsWarning, render
from ita_docs.rendering.linebreak import (
    ADDRESS_BREAK, break_addresses,
    JOINER, SLASH_BREAK, _icu, document_words, join_words, strip_joiners, thai_words, unbreakable_pieces)
from tests.conftest import SAMPLES, table_texts

needs_icu = pytest.mark.skipif(_icu() is None, reason="no ICU library on this machine")


def _breaks(text: str) -> list[str]:
    """The pieces ICU's line breaker (LibreOffice's) makes of *text*."""
    cuts = [0, *_icu().breaks(text), len(text)]
    return [strip_joiners(text[a:b]) for a, b in zip(cuts, cuts[1:])]


@needs_icu
@pytest.mark.parametrize(("text", "cut_before", "whole"), [
    ("ผู้รับผิดชอบ", ["ผู้รับ", "ผิด", "ชอบ"], "ผู้รับผิดชอบ"),
    ("กำชับเจ้าหน้าที่", ["กำชับ", "เจ้า", "หน้าที่"], "เจ้าหน้าที่"),
    ("รายงานผลอย่างสม่ำเสมอ", ["รายงาน", "ผลอ", "ย่าง", "สม่ำเสมอ"], "อย่าง"),
    ("จัดทำหลักเกณฑ์", ["จัด", "ทำ", "หลัก", "เกณฑ์"], "หลักเกณฑ์"),
])
def test_icu_cuts_the_word_until_it_is_joined(text, cut_before, whole):
    assert _breaks(text) == cut_before
    assert any(whole in piece for piece in _breaks(join_words(text)))


@needs_icu
@pytest.mark.parametrize(("text", "pieces"), [
    ("ผู้รับผิดชอบ", ["ผู้รับผิดชอบ"]),
    ("กำชับเจ้าหน้าที่", ["กำชับ", "เจ้าหน้าที่"]),
    ("การประเมินคุณธรรม", ["การ", "ประเมิน", "คุณธรรม"]),  # -- a phrase may still break --
])
def test_joined_text_breaks_only_between_words(text, pieces):
    assert _breaks(join_words(text)) == pieces
    assert unbreakable_pieces(text) == pieces


@pytest.mark.parametrize("text", [
    "ดูที่ https://www.krut.go.th/index.php?doc=13797 หรือ saraban@krut.go.th",
    "ABC 123 ไม่มีอะไร",
    "",
])
def test_text_as_typed_comes_back(text):
    assert strip_joiners(join_words(text)) == text


def test_addresses_get_no_joiner_but_breaks_after_slash_dot_dash_at():
    text = "เว็บไซต์ www.sanmaket.go.th/รายงานผลการดำเนินงาน"
    joined = join_words(text)
    assert JOINER not in joined.split(" ", 1)[1]
    assert joined.split(" ", 1)[1].split(ADDRESS_BREAK) == ["www.", "sanmaket.", "go.", "th/", "รายงานผลการดำเนินงาน"]
    assert strip_joiners(joined) == text
    assert break_addresses("https://a.go.th/x-y, a@b.co.th") == (
        "https://\u200ba.\u200bgo.\u200bth/\u200bx-\u200by, a@\u200bb.\u200bco.\u200bth")
    assert all(JOINER not in piece for piece in unbreakable_pieces("www.sanmaket.go.th/index.php"))


def test_address_pieces_end_at_slash_dot_dash_at():
    assert unbreakable_pieces("https://www.krut.go.th/e-service") == [
        "https://", "www.", "krut.", "go.", "th/", "e-", "service"]
    assert unbreakable_pieces("saraban@krut.go.th") == ["saraban@", "krut.", "go.", "th"]


def test_a_word_wider_than_its_cell_is_left_to_icu():
    assert join_words("ผู้รับผิดชอบ", limit_cm=0.5) == "ผู้รับผิดชอบ"
    assert JOINER in join_words("ผู้รับผิดชอบ", limit_cm=5) or _icu() is None


def test_phrases_count_as_their_headwords():
    assert thai_words("การประเมินคุณธรรม") == ("การ", "ประเมิน", "คุณธรรม")


@needs_icu
def test_cells_carry_joiners_and_read_back_as_typed(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ItaDocsWarning)
        out = render(SAMPLES / "krut-2566-progress.yaml", tmp_path / "krut.docx")
    import docx

    cells = [c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells]
    assert any(JOINER in c for c in cells)
    assert any("ผู้รับผิดชอบ" in c for t in table_texts(out) for r in t for c in r)


@needs_icu
def test_a_slash_between_thai_words_is_a_break_libreoffice_keeps():
    """LibreOffice moves a break after "/" back to the last space (ronthong printed อุทกภั|ย in
    "(วาทภัย/อุทกภัย/อัคคีภัย/โควิด๑๙)" in a 2.9 cm column): a ZWSP after the slash is a
    break it keeps, each word on either side stays joined, and reading back gives the slash as typed."""
    heading = "ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง"
    for limit in (2.3, 10):
        joined = join_words(heading, limit_cm=limit)
        assert "ชอบ/" + SLASH_BREAK + "ผู้" in joined
        assert _breaks(joined)[0] == "ผู้รับผิดชอบ/"  # -- the break is after the ZWSP, stripped on reading back --
        assert strip_joiners(joined) == heading
    assert unbreakable_pieces("วาทภัย/อุทกภัย/อัคคีภัย")[-2:] == ["อุทกภัย/", "อัคคีภัย"]
    assert join_words("www.krut.go.th/ข่าว").split(ADDRESS_BREAK) == ["www.", "krut.", "go.", "th/", "ข่าว"]  # -- address breaks only --
    assert SLASH_BREAK not in join_words("๑๔๒/๒๕๖๖ และ ITA/OIT")  # -- only between Thai letters --


@needs_icu
def test_the_documents_own_name_is_kept_whole():
    """สะเตงนอก is in no word list: ICU cuts it (LibreOffice printed เทศบาลเมืองสะ|เตงนอก)."""
    from ita_docs.io.readers import load

    text = "ผ่านส่วนราชการต่าง ๆ เทศบาลเมืองสะเตงนอกจัดแผนพัฒนา"
    assert "สะ" in _breaks(join_words(text))
    words = document_words(load(SAMPLES / "satengnok-2566-analysis.yaml"))
    assert {"สะเตงนอก", "ยะลา"} <= words
    assert "เทศบาล" not in words
    pieces = _breaks(join_words(text, extra=words))
    assert "สะเตงนอก" in pieces
    assert strip_joiners(join_words(text, extra=words)) == text


def test_a_typed_space_before_mai_yamok_does_not_break():
    """LibreOffice breaks at a space whatever joiner stands beside it (ronthong printed ทุก|ๆ):
    the space before ๆ goes in as a no-break space, and reads back as typed."""
    import unicodedata

    text = "ให้รายงานสถิติในทุก ๆ เดือน"
    joined = join_words(text)
    before_repeat = strip_joiners(joined.replace("\u00a0", "_"))[:-len("ๆ เดือน")]
    assert before_repeat.endswith("ทุก_")
    assert unicodedata.name("\u00a0") == "NO-BREAK SPACE"
    assert strip_joiners(joined) == text


def test_the_compact_dictionary_gives_the_prefixes_of_pythainlps_trie():
    """newmm asks its dictionary only for prefixes: ours must give exactly the trie's."""
    import re

    from pythainlp.corpus import thai_orst_words, thai_words
    from pythainlp.util import Trie

    from ita_docs.rendering.linebreak import _dictionary, _lexical_trie, _trie_with
    from tests.conftest import SAMPLES

    text = "".join(re.findall("[\u0e01-\u0e5b ]+", "".join(p.read_text(encoding="utf-8")
                                                          for p in sorted(SAMPLES.glob("*.yaml")))))
    extra = frozenset({"หนองม่วง", "สะเตงนอก", "ม่วง"})
    pairs = [(Trie(thai_words()), _dictionary()), (Trie(thai_orst_words()), _lexical_trie()),
             (Trie(thai_words() | extra), _trie_with(extra))]
    for trie, ours in pairs:
        assert len(ours) == len(trie)
        assert [ours.prefixes(text, i) for i in range(len(text))] == [trie.prefixes(text, i) for i in range(len(text))]
