"""Documents ita-docs did not make: Word files typed the way a clerk types them
(tests/importing/clerk_docs.py), imported with ``ita_docs.import_docx`` and rendered again.

- nothing lost (no shared tools needed): every paragraph's text of the source — body,
  cells, nested tables, text boxes, headers and footers, page numbers aside — reaches
  the imported data (or, for what the data holds typed, such as periods, its rendering);
- fidelity (with ../shared/tools): the rendering reproduces the case's reference text at
  seed_fidelity recall ≥ 0.97 with every header row;
- the same on every case re-saved by LibreOffice (slow).

``python -m tests.importing.test_clerk_docs`` prints every case's figures.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tests.importing.clerk_docs import (
    CASES,
    MC_NS,
    W_NS,
    Case,
    docx_text,
    norm,
    resave_with_libreoffice,
    source_pieces,
)

TOOLS = Path(__file__).resolve().parents[3] / "shared" / "tools"
LEAST_RECALL = 0.97
NAMES = [case.name for case in CASES]
BY_NAME = {case.name: case for case in CASES}

#: What the importer still gets wrong, one strict xfail per case: each turns into a failure the
#: day it is fixed, so that the mark goes. test → case → what it gets wrong.
GAPS: dict[str, dict[str, str]] = {}


def _cases(test: str, names: list[str]) -> list[Any]:
    gaps = GAPS.get(test, {})
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=gaps[n])) if n in gaps else n
            for n in names]


needs_tools = pytest.mark.skipif(not TOOLS.is_dir(), reason="../shared/tools is not beside this checkout")


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Every case written once: name → (docx, reference)."""
    directory = tmp_path_factory.mktemp("clerk")
    return {case.name: case.write(directory) for case in CASES}


@pytest.fixture(scope="session")
def resaved(corpus: dict[str, tuple[Path, Path]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Every case opened and saved again by LibreOffice: name → (docx, the same reference)."""
    directory = tmp_path_factory.mktemp("clerk-lo")
    files = [docx for docx, _ in corpus.values()]
    out = resave_with_libreoffice(files, directory)
    return {name: (path, corpus[name][1]) for name, path in zip(corpus, out)}


def _document(result: Any) -> Any:
    """The validated model out of what ``import_docx`` returns (the model, or a result
    that carries it beside its report)."""
    for attr in ("document", "model", "data"):
        value = getattr(result, attr, None)
        if value is not None and hasattr(value, "model_dump"):
            return value
    if isinstance(result, tuple):
        return result[0]
    return result


@cache
def imported(path: Path) -> tuple[Any, Path, tuple[str, ...]]:
    """*path* imported, the model rendered beside it: (model, rendered docx, warnings and
    the import's own report lines, to show beside a failure)."""
    import ita_docs
    from ita_docs import render_bytes

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = ita_docs.import_docx(path)
        document = _document(result)
        rendered = path.with_name(f"{path.stem}.rendered.docx")
        rendered.write_bytes(render_bytes(document))
    report = getattr(result, "report", None)
    lines = [line for line in (report.lines() if report is not None else []) if not line.startswith("ข้อความอิสระ")]
    return document, rendered, (*(str(w.message) for w in caught), *lines)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def lost_texts(source: Path) -> list[tuple[str, str]]:
    """The texts of *source* that reach neither the imported data nor its rendering."""
    document, rendered, _ = imported(source)
    data = "¦".join(norm(s) for s in _strings(document.model_dump(mode="json")))
    shown = norm(docx_text(rendered))
    return [(part, text) for part, text in source_pieces(source)
            if norm(text) not in data and norm(text) not in shown]


def fidelity(reference: Path, rendered: Path) -> dict[str, Any]:
    result = subprocess.run([sys.executable, str(TOOLS / "seed_fidelity.py"), str(reference), str(rendered), "--json"],
                            check=False, capture_output=True, text=True, timeout=120)
    report: dict[str, Any] = json.loads(result.stdout)
    return report


# ------------------------------------------------------------------ the corpus itself
def _xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(part))


def _count(root: etree._Element, xpath: str) -> int:
    found = root.xpath(xpath, namespaces={"w": W_NS, "mc": MC_NS})
    return len(found) if isinstance(found, list) else int(bool(found))


#: layout feature → (XPath that finds it in the document, cases that must have it).
FEATURES: dict[str, tuple[str, Callable[[Case], bool]]] = {
    "vertical merge": ("//w:tc/w:tcPr/w:vMerge", lambda c: c.layout.merge_down or c.layout.merge_same
                       or c.layout.header_two_rows),
    "horizontal merge": ("//w:tc/w:tcPr/w:gridSpan", lambda c: c.layout.merge_across and c.fixture.startswith("nong")),
    "repeated header": ("//w:trPr/w:tblHeader", lambda c: c.layout.repeat_header),
    "nested table": ("//w:tc//w:tbl", lambda c: c.layout.nested_table),
    "text box": ("//mc:AlternateContent//w:txbxContent", lambda c: c.layout.text_box_title),
    "page break": ("//w:br[@w:type='page']", lambda c: c.layout.continued),
}


@pytest.mark.parametrize("feature", sorted(FEATURES))
def test_the_corpus_has_the_layouts_it_names(feature: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    xpath, wanted = FEATURES[feature]
    has = {name for name, (docx, _) in corpus.items() if _count(_xml(docx), xpath)}
    want = {c.name for c in CASES if wanted(c)}
    if "merge" in feature:  # -- a merge needs cells to merge: not every table of a case has them --
        assert has >= want and want
    else:
        assert has == want


def test_the_corpus_is_typed_in_other_fonts_and_sizes(corpus: dict[str, tuple[Path, Path]]) -> None:
    fonts = set()
    for docx, _ in corpus.values():
        root = _xml(docx, "word/styles.xml")
        fonts |= {f.get(f"{{{W_NS}}}cs") for f in root.iter(f"{{{W_NS}}}rFonts") if f.get(f"{{{W_NS}}}cs")}
    assert {"Angsana New", "Cordia New", "TH SarabunPSK", "TH SarabunIT๙"} <= fonts


def test_the_page_number_is_a_field_and_not_a_text(corpus: dict[str, tuple[Path, Path]]) -> None:
    docx, _ = corpus["krut-nested"]
    with zipfile.ZipFile(docx) as archive:
        headers = [n for n in archive.namelist() if re.fullmatch(r"word/header\d+\.xml", n)]
    assert any(_count(_xml(docx, h), "//w:instrText[contains(., 'PAGE')]") for h in headers)
    texts = [text for part, text in source_pieces(docx) if "header" in part]
    assert texts == []  # -- "- ๒ -" is all the header holds: nothing to import --
    assert any("footer" in part for part, _ in source_pieces(docx))


def test_the_measure_numbers_and_digits_are_as_the_case_says(corpus: dict[str, tuple[Path, Path]]) -> None:
    paren = corpus["krut-paren"][1].read_text(encoding="utf-8")
    arabic = corpus["nongmuang-arabic"][1].read_text(encoding="utf-8")
    assert "(๑) มีแนวทางปฏิบัติ" in paren and "- จัดทำมาตรการแนวทางปฏิบัติ" in paren
    assert "1. การใช้งบประมาณ" in arabic and not re.search("[๐-๙]", arabic)


# ------------------------------------------------------------------ the importer, held to the issue
@pytest.mark.parametrize("name", NAMES)
def test_nothing_of_the_source_is_lost(name: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    docx, _ = corpus[name]
    assert lost_texts(docx) == []


@pytest.mark.parametrize("name", NAMES)
def test_the_kind_is_recognised(name: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    document, _, notes = imported(corpus[name][0])
    assert document.kind == BY_NAME[name].kind, notes[:1]


#: What each fixture says, as its sample in samples/ has it: (organisation, province,
#: fiscal year, measures in its measures tables — the measures plan's, the progress tables' —,
#: scores in its score tables — per indicator, per question).
SAYS: dict[str, tuple[str, str, int, int, int]] = {
    "nongmuang-2566-measures": ("เทศบาลตำบลหนองม่วง", "ลพบุรี", 2566, 8, 10 + 4),
    "krut-2566-progress": ("เทศบาลตำบลกรูด", "สุราษฎร์ธานี", 2566, 11, 0),
    "sanmaket-2565-progress": ("เทศบาลตำบลสันมะเค็ด", "เชียงราย", 2565, 3 + 3, 0),
    "satengnok-2566-analysis": ("เทศบาลเมืองสะเตงนอก", "ยะลา", 2566, 0, 10 + 102),
    "ronthong-2564-report": ("องค์การบริหารส่วนตำบลร่อนทอง", "บุรีรัมย์", 2564, 3 + 3, 0),
}


def _scores(value: Any) -> int:
    """How many scores the data holds: every record with a ``score``."""
    if isinstance(value, dict):
        own = value.get("score") not in (None, "") and not isinstance(value.get("score"), (dict, list))
        return int(own) + sum(_scores(item) for item in value.values())
    if isinstance(value, list):
        return sum(_scores(item) for item in value)
    return 0


def _measures(value: Any, key: str | None = None) -> int:
    """How many measures the data holds: the items of every ``measures`` list."""
    if isinstance(value, dict):
        return sum(_measures(item, k) for k, item in value.items())
    if isinstance(value, list):
        own = sum(isinstance(x, dict) and "title" in x for x in value) if key == "measures" else 0
        return own + sum(_measures(item) for item in value)
    return 0


@pytest.mark.parametrize("name", _cases("organisation", NAMES))
def test_the_organisation_and_the_year_are_read(name: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    document, _, notes = imported(corpus[name][0])
    organisation, province, year, _, _ = SAYS[BY_NAME[name].fixture]
    assert (document.organisation.name, document.organisation.province, document.fiscal_year) == (
        organisation, province, year), notes[:4]


@pytest.mark.parametrize("name", _cases("measures", NAMES))
def test_the_measures_tables_become_measures(name: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    """A measures table kept as a table given cell by cell renders its text, but its
    measures are not data that ``next-year`` or a follow-up can carry on."""
    document, _, notes = imported(corpus[name][0])
    assert _measures(document.model_dump(mode="json")) == SAYS[BY_NAME[name].fixture][3], notes


@pytest.mark.parametrize("name", _cases("scores", [c.name for c in CASES if SAYS[c.fixture][4]]))
def test_the_score_tables_become_scores(name: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    document, _, notes = imported(corpus[name][0])
    assert _scores(document.model_dump(mode="json")) == SAYS[BY_NAME[name].fixture][4], notes


@pytest.mark.parametrize("name", [c.name for c in CASES if c.layout.digits in ("arabic", "thai")
                                  or c.fixture.startswith("satengnok")])
def test_the_digits_are_the_documents(name: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    case = BY_NAME[name]
    document, _, _ = imported(corpus[name][0])
    expected = case.layout.digits if case.layout.digits != "as-typed" else "arabic"
    assert document.digits == expected


def _tables(path: Path) -> int:
    return _count(_xml(path), "/w:document/w:body/w:tbl")


@pytest.mark.parametrize("name", [c.name for c in CASES if c.layout.continued])
def test_a_table_continued_after_a_page_break_is_joined_back(name: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    """As many tables as the same text typed without the page breaks gives."""
    base = BY_NAME[name].fixture.split("-")[0]
    pieces, whole = corpus[name][0], corpus[base][0]
    assert _tables(pieces) > _tables(whole)
    assert _tables(imported(pieces)[1]) == _tables(imported(whole)[1])


@needs_tools
@pytest.mark.parametrize("name", NAMES)
def test_the_rendering_reproduces_the_source(name: str, corpus: dict[str, tuple[Path, Path]]) -> None:
    docx, reference = corpus[name]
    report = fidelity(reference, imported(docx)[1])
    assert report["text_recall"] >= LEAST_RECALL, report["missing"]
    found, total = map(int, report["headers"].split("/"))
    assert found == total


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_lost_from_a_copy_resaved_by_libreoffice(name: str, resaved: dict[str, tuple[Path, Path]]) -> None:
    docx, _ = resaved[name]
    assert lost_texts(docx) == []


@needs_tools
@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_a_copy_resaved_by_libreoffice_reproduces_the_source(name: str, resaved: dict[str, tuple[Path, Path]]) -> None:
    docx, reference = resaved[name]
    report = fidelity(reference, imported(docx)[1])
    assert report["text_recall"] >= LEAST_RECALL, report["missing"]
    found, total = map(int, report["headers"].split("/"))
    assert found == total


# ------------------------------------------------------------------ the figures, for a person
def _figures(case: Case, docx: Path, reference: Path) -> str:
    try:
        document, rendered, notes = imported(docx)
    except Exception as exc:  # noqa: BLE001 - a figure table shows every failure, it does not stop
        return f"{case.name}\timport failed: {type(exc).__name__}: {str(exc)[:200]}"
    lost = lost_texts(docx)
    data = document.model_dump(mode="json")
    line = (f"{case.name}\tkind={document.kind}\tlost={len(lost)}\tmeasures={_measures(data)}/"
            f"{SAYS[case.fixture][3]}\tscores={_scores(data)}/{SAYS[case.fixture][4]}\tyear={document.fiscal_year}"
            f"\tprovince={document.organisation.province}")
    if TOOLS.is_dir():
        report = fidelity(reference, rendered)
        line += f"\trecall={report['text_recall']}\theaders={report['headers']}"
        for kind, text in report["missing"][:8]:
            line += f"\n    missing {kind}: {text[:150]}"
    for part, text in lost[:8]:
        line += f"\n    lost ({part}): {text[:150]}"
    for note in notes:
        if note.startswith(("ชนิดเอกสาร", "ตารางที่")) and ("ตารางอิสระ" in note or "ชนิด" in note):
            line += f"\n    import: {note[:220]}"
    return line


def main(argv: list[str]) -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        written = {case.name: (case, *case.write(directory)) for case in CASES}
        for case, docx, reference in written.values():
            print(_figures(case, docx, reference), flush=True)
        if "--libreoffice" in argv:
            out = resave_with_libreoffice([d for _, d, _ in written.values()], directory / "lo")
            for (case, _, reference), docx in zip(written.values(), out):
                print(_figures(case, docx, reference).replace(case.name, f"{case.name} (LibreOffice)", 1), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
