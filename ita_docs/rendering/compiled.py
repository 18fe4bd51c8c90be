"""Compile a template once, render many documents from it.

docxtpl, used the common way, re-opens the template package, re-patches and re-compiles
its XML with Jinja, and re-serialises and re-compresses every part for each document.
:class:`CompiledTemplate` does the data-independent work once: it reads the package,
checks it, patches the XML parts that hold tags the way docxtpl does and compiles them
in the sandboxed environment (the bundled templates, ours, in a plain one:
:func:`~.environment.make_trusted_environment`). ``render`` then runs the compiled templates, applies
docxtpl's own table and listing fixes and ita-docs' post-processing to the parts that
change, and hands them over as a :class:`~.package.RenderedPackage`, which zips them with
fixed timestamps: the same data gives the same bytes, whether the template was just
compiled or cached. (Reading and writing the package itself is :mod:`.package`'s.) Rendering is thread-safe: a render
reads the compiled template and its parts and writes only trees of its own.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import TEMPLATE_ERRORS, ItaDocsError, Location, TemplateError, translate
from .environment import Budget, budget, make_environment, make_trusted_environment
from .oxml import find_elements, qn
from .package import (
    CORE_PROPERTIES,
    DOCUMENT,
    SAFE_PARSER,
    STYLES,
    RenderedPackage,
    read_template,
)
from .patched_sources import digest, known_sources
from .postprocess import ADDRESS_MARKS
from .template_rules import check_package, check_tags_balanced
from .templates import is_bundled

__all__ = ["CompiledTemplate", "compiled_template", "line_text", "paragraph_lines", "tagged_parts",
           "template_sources"]

#: A tag opening, also when Word has cut it over runs ("{" in one, "{ x }}" in the next).
_TAGGED = re.compile(rb"\{(?:<[^>]*>)*[{%#]")
#: What one render may spend: seconds and output characters, plus as much again for each
#: unit of data (a 1,000-measure plan, 0.5 MB of text, renders in 0.3 s to 1.3 MB of XML).
BUDGET_SECONDS = 3.0  # -- the bundled templates take milliseconds; the rest of the 10 s a case may take is start-up --
BUDGET_SECONDS_PER_MB = 10.0
BUDGET_OUTPUT = 32 * 1024 * 1024
BUDGET_OUTPUT_PER_CHARACTER = 20
#: How a table cell without a paragraph can look in rendered XML.
_EMPTY_CELL_MARKS = ("</w:tcPr></w:tc>", "<w:tcPr/></w:tc>", "<w:tc></w:tc>", "<w:tc/>")


class _Docxtpl:
    """docxtpl's tag patching (``{%tr %}``, ``{%p %}``, ``colspan`` …), without a document.

    ``DocxTemplate.patch_xml`` is a method only by its place: it reads nothing of its
    ``self`` (docxtpl 0.20, which pyproject.toml pins below 0.21), so it is called with this
    object instead of a template loaded from a file.
    """

    def __init__(self) -> None:
        from docxtpl import DocxTemplate  # -- heavy import, only when compiling --

        self._class = DocxTemplate

    def patch(self, xml: str) -> str:
        patched: str = self._class.patch_xml(self, xml)
        return patched


_TEXT = qn("w:t")
_BREAKS = {"\n": "w:br", "\t": "w:tab"}


def expand_breaks(root: etree._Element) -> None:
    """Turn newlines and tabs inside ``<w:t>`` into ``<w:br/>`` and ``<w:tab/>`` of the run.

    (docxtpl's ``resolve_listing`` does this with regular expressions over the whole
    part; only the few texts that hold such characters are touched here.)
    """
    for t in find_elements(root, "//w:t[contains(., $nl) or contains(., $tab)]", nl="\n", tab="\t"):
        pieces = re.split(r"([\n\t])", t.text or "")
        anchor = t
        t.text = pieces[0]
        for piece in pieces[1:]:
            if piece in _BREAKS:
                element = etree.Element(qn(_BREAKS[piece]))
            elif piece:
                element = etree.Element(_TEXT)
                element.text = piece
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            else:
                continue
            anchor.addnext(element)
            anchor = element


def tagged_parts(path: Path, parts: Mapping[str, bytes]) -> list[tuple[str, etree._Element]]:
    """The parts a template renders, parsed: the body always; headers, footers, footnotes
    and the document properties (title, subject …) when they hold a tag, as docxtpl does."""
    found = []
    for name, data in parts.items():
        rendered = (name.startswith("word/") and name.endswith(".xml")) or name == CORE_PROPERTIES
        if rendered and (name == DOCUMENT or _TAGGED.search(data)):
            try:
                found.append((name, etree.fromstring(data, SAFE_PARSER)))
            except etree.XMLSyntaxError as exc:
                raise TemplateError(f"แม่แบบ {path.name} มี XML เสียใน {name}: {exc}") from None
    return found


def template_sources(roots: Iterable[tuple[str, etree._Element]],
                     known: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """Each part of :func:`tagged_parts` as Jinja source, after docxtpl's tag patching.

    A part found in *known* (by its XML's digest; by default the bundled templates' parts,
    :func:`~.patched_sources.known_sources`) is taken from there without importing
    docxtpl; any other is patched by docxtpl."""
    known = known_sources() if known is None else known
    patcher: _Docxtpl | None = None
    sources = []
    for name, root in roots:
        xml = etree.tostring(root, encoding="unicode")
        source = known.get(digest(xml))
        if source is None:
            patcher = patcher or _Docxtpl()
            source = patcher.patch(xml)
        sources.append((name, source))
    return sources


_PARAGRAPH = re.compile(r"<w:p([ >])")
_TAG = re.compile(r"<[^>]+>")


def paragraph_lines(source: str) -> str:
    """A part's Jinja *source* with each paragraph on a line of its own, so that the line
    number of a syntax error names its paragraph.

    >>> paragraph_lines('<w:body><w:p><w:t>{{ a }}</w:t></w:p><w:p w:x="1"/></w:body>')
    '<w:body>\\n<w:p><w:t>{{ a }}</w:t></w:p>\\n<w:p w:x="1"/></w:body>'
    """
    return _PARAGRAPH.sub(r"\n<w:p\1", source)


def line_text(lined: str, lineno: int | None) -> str:
    """The text of line *lineno* of a :func:`paragraph_lines` source, its tags left out.

    >>> line_text(paragraph_lines('<w:body><w:p><w:t>ผล {{ a </w:t></w:p></w:body>'), 2)
    'ผล {{ a'
    """
    lines = lined.splitlines()
    return _TAG.sub("", lines[lineno - 1]).strip() if lineno and lineno <= len(lines) else ""


class CompiledTemplate:
    """A .docx template read, checked and compiled once; ``render`` it many times."""

    def __init__(self, path: str | Path, *, trusted: bool = False) -> None:
        """Read and compile the template at *path*; *trusted* (the bundled templates only)
        compiles it outside the sandbox, and renders it without a budget."""
        self.path = Path(path)
        self.trusted = trusted
        self.parts = read_template(self.path)
        check_package(str(self.path), self.parts)
        self._environment = make_trusted_environment() if trusted else make_environment()
        roots = tagged_parts(self.path, self.parts)
        check_tags_balanced(roots, str(self.path))
        self.templates: dict[str, Any] = {name: self._compile(name, source)
                                          for name, source in template_sources(roots)}
        self.font = _default_font(self.parts.get(STYLES))

    def _compile(self, name: str, source: str) -> Any:
        from jinja2 import TemplateSyntaxError

        try:
            return self._environment.from_string(source)
        except TemplateSyntaxError:
            pass
        # -- compiled again a paragraph a line, to say which paragraph is wrong --
        lined = paragraph_lines(source)
        try:
            self._environment.from_string(lined)
        except TemplateSyntaxError as exc:
            text = line_text(lined, exc.lineno)[:60]
            raise TemplateError(f"แม่แบบ {self.path.name} ใช้ไม่ได้ ({name} ย่อหน้า {text!r}): {exc.message}",
                                location=Location(str(self.path), name)) from None
        raise TemplateError(f"แม่แบบ {self.path.name} ใช้ไม่ได้ ({name})")  # pragma: no cover

    def render(self, context: dict[str, Any]) -> RenderedPackage:
        """Render every tagged part with *context*; the rest of the package is kept as it is.

        The render runs under a :func:`~.environment.budget` of time and output that grows
        with the size of *context*: a template that loops without end, or builds text
        without end, is stopped with a :class:`TemplateLimitError` naming the part.
        """
        trees: dict[str, etree._Element] = {}
        maybe_links = maybe_empty_cells = True
        with self._budget(context) as spent:
            for name, template in self.templates.items():
                xml = self._render_part(name, template, context, spent)
                try:
                    root = etree.fromstring(xml, SAFE_PARSER)
                except etree.XMLSyntaxError as exc:
                    raise TemplateError(f"แม่แบบ {self.path.name} ให้ XML ที่เสียใน {name}: {exc}",
                                        location=Location(str(self.path), name)) from None
                if "\n" in xml or "\t" in xml:  # -- a quick look at the text before walking the tree --
                    expand_breaks(root)
                if name == DOCUMENT:
                    maybe_links = any(mark in xml for mark in ADDRESS_MARKS)
                    maybe_empty_cells = any(mark in xml for mark in _EMPTY_CELL_MARKS)
                trees[name] = root
        _renumber_drawings(trees.values())
        return RenderedPackage(self.parts, trees, maybe_links=maybe_links, maybe_empty_cells=maybe_empty_cells)

    def _budget(self, context: dict[str, Any]) -> AbstractContextManager[Budget | None]:
        """What a render of *context* may spend: time and output growing with its size; no
        bound for a trusted template."""
        if self.trusted:
            return nullcontext(None)
        size = _view_size(context)
        return budget(BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * size / 1_000_000,
                      BUDGET_OUTPUT + BUDGET_OUTPUT_PER_CHARACTER * size)

    def _render_part(self, name: str, template: Any, context: dict[str, Any], spent: Budget | None) -> str:
        """One part's XML, its output counted against *spent* (none: a trusted template);
        every failure located in the part."""
        where = Location(str(self.path), name)
        pieces: list[str] = []
        try:
            if spent is None:
                return "".join(template.generate(context))
            # -- the clock read every 32 pieces (the sandbox reads it at each attribute and call too) --
            for count, piece in enumerate(template.generate(context)):
                spent.spend(len(piece))
                if not count & 31:
                    spent.check_time()
                pieces.append(piece)
        except ItaDocsError as exc:
            if not exc.location.file:
                exc.location = where
            raise
        except Exception as exc:  # noqa: BLE001 -- jinja2's errors, and what the template's own expressions raise
            raise translate(exc, TEMPLATE_ERRORS, location=where, template=self.path.name) or exc from None
        return "".join(pieces)


def _renumber_drawings(roots: Iterable[etree._Element]) -> None:
    """Give every drawing a unique id, as docxtpl does (loops copy them)."""
    docpr = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    number = 1000
    for root in roots:
        for element in root.iter(docpr):
            number += 1
            element.set("id", str(number))


@lru_cache(maxsize=32)
def _cached(path: str, mtime_ns: int, size: int, trusted: bool) -> CompiledTemplate:
    return CompiledTemplate(path, trusted=trusted)


def compiled_template(path: str | Path) -> CompiledTemplate:
    """The compiled template at *path*, compiled once per version of the file; a bundled
    template (in the package's own templates folder) is trusted, any other is sandboxed."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise TemplateError("ไม่พบไฟล์แม่แบบ", location=Location(str(path))) from None
    resolved = path.resolve()
    return _cached(str(resolved), stat.st_mtime_ns, stat.st_size, is_bundled(resolved))


def _default_font(styles: bytes | None) -> str | None:
    """The complex-script font the template's document defaults name."""
    if not styles:
        return None
    root = etree.fromstring(styles, SAFE_PARSER)
    fonts = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:cs"))


def _view_size(value: Any) -> int:
    """How many characters of text *value* (a view: dicts, lists, strings) holds.

    >>> _view_size({"a": ["xy", {"b": "z"}], "n": 3})  # a, xy, b, z, n and one for the number
    7
    """
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Mapping):
        return sum(len(str(k)) + _view_size(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return sum(_view_size(v) for v in value)
    return 1
