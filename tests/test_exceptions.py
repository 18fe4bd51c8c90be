"""Every foreign exception comes out as one of ours (as HTTPX tests httpcore's are mapped).

Each case drives the public API, and then the command, with an input that makes a library
(PyYAML, pydantic, openpyxl, zipfile, lxml, jinja2) or the operating system raise; the
result must be an :class:`~ita_docs.errors.ItaDocsError` with a location, and the foreign
exception must really have been raised on the way (it is in the error's chain), so that a
case cannot pass by never reaching the library. Every row of the map
(:data:`ita_docs.errors.FOREIGN_ERRORS`, :data:`~ita_docs.errors.TEMPLATE_ERRORS`) names
a class that exists.
"""
from __future__ import annotations

import importlib
import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import ita_docs
from ita_docs.cli import EXIT_INVALID_INPUT, main
from ita_docs.errors import (
    FOREIGN_ERRORS,
    TEMPLATE_ERRORS,
    DataValidationError,
    ItaDocsError,
    OutputError,
    PdfError,
    ReadError,
    TemplateError,
    translate,
)
from tests.conftest import NONGMUANG
from tests.rendering.test_templates import _first, _template_with


@dataclass(frozen=True)
class Case:
    """An input that makes *foreign* be raised, the API call and the command that read it."""

    name: str
    #: The proof that the library raised: a full class name in the error's chain, or (where our
    #: check turns the library's error into a finding) a piece of the library's own message.
    reached: str
    expected: type[ItaDocsError]
    make: Callable[[Path], Path]  # -- writes the input into the folder, returns its path --
    call: Callable[[Path, Path], object]  # -- (input, folder) → the public API call --
    command: Callable[[Path, Path], list[str]]  # -- (input, folder) → the command's arguments --


def _file(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path
    return make


def _folder(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).mkdir()
        return folder / name
    return make


def _tag(tag: str) -> Callable[[Path], Path]:
    return lambda folder: _template_with(folder, "<w:body>", _first("{{ subtitle }}" + tag))


def _part(part: str, old: str, new: str) -> Callable[[Path], Path]:
    return lambda folder: _template_with(folder, old, new, part=part)


def _damaged_workbook(folder: Path) -> Path:
    path = folder / "damaged.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types xmlns='http://schemas.openxmlformats.org/package/2006/"
                         "content-types'/>")
        package.writestr("xl/workbook.xml", "<workbook><sheets>")
    return path


def _parent_is_a_file(folder: Path) -> Path:
    (folder / "plain").write_text("x", encoding="utf-8")
    return NONGMUANG


def _load(path: Path, _: Path) -> object:
    return ita_docs.load(path)


def _render_with(template: Path, folder: Path) -> object:
    return ita_docs.render(NONGMUANG, folder / "out.docx", template=template)


def _render_cmd(template: Path, folder: Path) -> list[str]:
    return ["render", str(NONGMUANG), "-o", str(folder / "out.docx"), "--template", str(template)]


def _pdf_with_soffice(soffice: Path, folder: Path) -> object:
    out = ita_docs.render(NONGMUANG, folder / "out.docx")
    return ita_docs.to_pdf(out, folder / "out.pdf")


CASES = [
    Case("yaml-syntax", "yaml.error.YAMLError", ReadError, _file("bad.yaml", "title: [unclosed\n"),
         _load, lambda p, _: ["check", str(p)]),
    Case("json-syntax", "json.decoder.JSONDecodeError", ReadError, _file("bad.json", '{"kind": '),
         _load, lambda p, _: ["check", str(p)]),
    Case("pydantic", "pydantic_core._pydantic_core.ValidationError", DataValidationError,
         _file("invalid.yaml", "kind: measures_plan\nfiscal_year: ปีหน้า\n"),
         _load, lambda p, _: ["check", str(p)]),
    Case("zip-not-a-workbook", "zipfile.BadZipFile", ReadError, _file("not-zip.xlsx", b"PK\x03\x04 not a zip"),
         _load, lambda p, _: ["check", str(p)]),
    Case("openpyxl-damaged", "builtins.OSError", ReadError, _damaged_workbook,
         _load, lambda p, _: ["check", str(p)]),
    Case("file-missing", "builtins.FileNotFoundError", ReadError, lambda folder: folder / "missing.yaml",
         _load, lambda p, _: ["check", str(p)]),
    Case("file-is-a-folder", "builtins.IsADirectoryError", ReadError, _folder("data.yaml"),
         _load, lambda p, _: ["check", str(p)]),
    Case("output-parent-is-a-file", "builtins.OSError", OutputError, _parent_is_a_file,
         lambda p, folder: ita_docs.render(p, folder / "plain" / "out.docx"),
         lambda p, folder: ["render", str(p), "-o", str(folder / "plain" / "out.docx")]),
    Case("lxml-template-xml", "Opening and ending tag mismatch", TemplateError,
         _part("word/document.xml", "<w:body>", "<w:body><w:p>"), _render_with, _render_cmd),
    Case("zip-template", "ไม่ใช่ไฟล์ Word (.docx)", TemplateError, _file("mine.docx", b"PK\x03\x04 not a zip"),
         _render_with, _render_cmd),
    Case("jinja-syntax", "jinja2.exceptions.TemplateSyntaxError", TemplateError, _tag("{% if %}{% endif %}"),
         _render_with, _render_cmd),
    Case("jinja-undefined", "jinja2.exceptions.UndefinedError", TemplateError, _tag("{{ nothing.here }}"),
         _render_with, _render_cmd),
    Case("template-divides-by-zero", "builtins.ZeroDivisionError", TemplateError, _tag("{{ 1 / 0 }}"),
         _render_with, _render_cmd),
    Case("template-overflows", "builtins.OverflowError", TemplateError, _tag("{{ 10.0 ** 400 }}"),
         _render_with, _render_cmd),
    Case("template-type", "builtins.TypeError", TemplateError, _tag("{{ 1 + 'a' }}"),
         _render_with, _render_cmd),
]


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _names(exc: BaseException) -> set[str]:
    return {f"{c.__module__}.{c.__qualname__}" for e in _chain(exc) for c in type(e).__mro__}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_api_raises_ours_with_a_location(case: Case, tmp_path: Path) -> None:
    source = case.make(tmp_path)
    with pytest.raises(Exception) as caught:
        case.call(source, tmp_path)
    assert isinstance(caught.value, case.expected), f"{type(caught.value).__module__}.{type(caught.value).__name__} " \
        f"raised unwrapped: {caught.value!r}"
    assert case.reached in _names(caught.value) or case.reached in str(caught.value), \
        f"the case did not reach {case.reached}"
    assert str(caught.value.location) != "?", "no location"
    if case.expected is TemplateError:  # -- located in the template, not in the data --
        assert caught.value.location.file == str(source), caught.value.location


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_command_prints_ours(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = case.make(tmp_path)
    status = main(case.command(source, tmp_path))
    err = capsys.readouterr().err
    assert status == EXIT_INVALID_INPUT, err
    assert err.startswith("Error: ") and "Traceback" not in err, err


def test_libreoffice_that_cannot_start_is_a_pdf_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """An OSError from starting a subprocess (a program that is not executable) is a PdfError."""
    soffice = tmp_path / "soffice"
    soffice.write_text("not a program", encoding="utf-8")
    soffice.chmod(stat.S_IRUSR)
    monkeypatch.setenv("ITA_DOCS_SOFFICE", str(soffice))
    with pytest.raises(PdfError) as caught:
        _pdf_with_soffice(soffice, tmp_path)
    assert "builtins.OSError" in _names(caught.value)
    status = main(["pdf", str(tmp_path / "out.docx"), "--force"])
    err = capsys.readouterr().err
    assert status == EXIT_INVALID_INPUT and err.startswith("Error: ") and "Traceback" not in err, err


@pytest.mark.parametrize("row", [*FOREIGN_ERRORS, *TEMPLATE_ERRORS], ids=lambda r: r.name)
def test_every_row_names_a_class_that_exists(row: object) -> None:
    name: str = row.name  # type: ignore[attr-defined]  # -- a ForeignError; ids need a plain object --
    module, _, qualname = name.rpartition(".")
    cls = importlib.import_module(module)
    for part in qualname.split("."):
        cls = getattr(cls, part)
    assert isinstance(cls, type) and issubclass(cls, BaseException)
    assert f"{cls.__module__}.{cls.__qualname__}" == name, "the class is known by another name"


def test_a_subclass_comes_before_its_base() -> None:
    """Rows are read in order: a row after one of its base classes could never match."""
    for table in (FOREIGN_ERRORS, TEMPLATE_ERRORS):
        names = [r.name for r in table]
        for index, row in enumerate(table):
            module, _, qualname = row.name.rpartition(".")
            cls = getattr(importlib.import_module(module), qualname)
            bases = {f"{c.__module__}.{c.__qualname__}" for c in cls.__mro__[1:]}
            assert not bases & set(names[:index]), f"{row.name} comes after its base"


def test_an_exception_the_map_does_not_know_is_not_hidden() -> None:
    assert translate(KeyError("x")) is None
    assert isinstance(translate(OSError(os.strerror(28))), ItaDocsError)
