"""Render a document: data → model → view → template → .docx bytes → file."""
from __future__ import annotations

import warnings
from contextlib import nullcontext
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..consistency import figure_findings
from ..errors import ItaDocsWarning, file_context
from ..io import load
from ..model import KINDS, DocumentBase
from .formats import check_document_formats
from ..output import check_not_input, check_writable, write_atomic
from .postprocess import (
    apply_font,
    apply_page_number_format,
    apply_table_layouts,
    apply_update_fields,
    ensure_cell_paragraphs,
    link_addresses,
    separate_tables,
)
from .linebreak import document_words, join_words_in_body
from .compiled import CompiledTemplate, compiled_template
from .package import SETTINGS, STYLES, RenderedPackage
from .tables import TableLayoutSpec
from .templates import bundled_template
from .views import build_view

__all__ = ["render", "render_bytes", "warn_about_figures"]

#: The template name and the (one) view builder of each model class.
RENDERERS: dict[type[DocumentBase], tuple[str, Callable[[Any], tuple[dict[str, Any], list[Any]]]]] = {
    model: (kind, build_view) for kind, model in KINDS.items()}


def warn_about_figures(document: DocumentBase, file: str | Path | None = None) -> None:
    """Issue an :class:`ItaDocsWarning` for each given figure that differs from the computed one."""
    for finding in figure_findings(document):
        location = finding.location.with_file(file) if file else finding.location
        warnings.warn(ItaDocsWarning(finding.message, location=location), stacklevel=3)


def render_bytes(document: DocumentBase, template: str | Path | None = None) -> bytes:
    """Render a validated *document* and return the .docx as bytes.

    A given figure (total, level, change word …) that differs from the one computed from
    the scores is printed as given, with an :class:`~ita_docs.errors.ItaDocsWarning`.
    """
    warn_about_figures(document)
    return _render(document, template)


def _render(document: DocumentBase, template: str | Path | None) -> bytes:
    check_document_formats(document)
    view, table_specs = build_view(document)
    compiled = compiled_template(Path(template) if template is not None else bundled_template(document.kind))
    package = compiled.render(view)
    finish_package(package, document, compiled, view, table_specs)
    return package.to_bytes()


def finish_package(package: RenderedPackage, document: DocumentBase, compiled: CompiledTemplate,
                   view: dict[str, Any], table_specs: list[TableLayoutSpec]) -> None:
    """The .docx post-processing of a rendered *package*, in place (bench/e2e_batch.py times it alone)."""
    body = package.body
    if package.maybe_empty_cells:
        ensure_cell_paragraphs(body)
    if package.maybe_links:
        link_addresses(body, package.relate_hyperlink())
    apply_table_layouts(body, table_specs)
    separate_tables(body)
    join_words_in_body(body, document_words(document))
    apply_page_number_format(body, document.digits)
    if STYLES in package and document.font != compiled.font:
        apply_font(package.tree(STYLES), document.font)
    if SETTINGS in package and any(block.get("type") == "toc" for block in view.get("blocks", [])):
        apply_update_fields(package.tree(SETTINGS))


def render(
    source: str | Path | Mapping[str, Any] | DocumentBase,
    out: str | Path,
    template: str | Path | None = None,
    *,
    overwrite: bool = False,
) -> Path:
    """Render *source* (a data file, plain data, or a model) to the .docx file *out*.

    *template* is a custom .docx template; the bundled one of the document's kind by
    default. An existing *out* is kept unless *overwrite* is true, since a clerk may
    have edited it. The file is written atomically. Returns the path written.
    """
    check_writable(out, overwrite=overwrite)
    check_not_input(out, [source] if isinstance(source, str | Path) else [])
    document = load(source)
    file = source if isinstance(source, str | Path) else None
    with file_context(file) if file else nullcontext():
        warn_about_figures(document, file)
        data = _render(document, template)
    return write_atomic(out, data, overwrite=overwrite)
