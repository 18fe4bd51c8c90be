"""Some PDF/A-2b points checked with pikepdf. **Not a validator**: no PDF/A validator
(veraPDF) installs here — not on PyPI, Debian or npm, and Maven Central does not answer.

Checked: the XMP metadata declares part 2, conformance B; an OutputIntent of subtype
GTS_PDFA1 with an ICC profile; no encryption; no JavaScript (name tree or actions);
every font embedded (FontFile, FontFile2 or FontFile3, descendant fonts included).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["pdf_a_2b_problems"]


def _fonts(resources: Any, seen: set[tuple[int, int]]) -> list[Any]:
    import pikepdf

    found: list[Any] = []
    if not isinstance(resources, pikepdf.Dictionary):
        return found
    for font in (resources.get("/Font") or {}).values():
        key = font.objgen
        if key in seen:
            continue
        seen.add(key)
        found.append(font)
        found.extend(font.get("/DescendantFonts") or [])
        found.extend(_fonts(font.get("/Resources"), seen))  # -- Type3 fonts --
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.objgen not in seen:
            seen.add(xobject.objgen)
            found.extend(_fonts(xobject.get("/Resources"), seen))
    return found


def pdf_a_2b_problems(pdf: Path) -> list[str]:
    """What keeps *pdf* from the PDF/A-2b points above; empty when none is found."""
    import pikepdf

    problems: list[str] = []
    with pikepdf.open(pdf) as document:
        if document.is_encrypted or "/Encrypt" in document.trailer:
            problems.append("encrypted")
        meta = document.open_metadata()
        part, conformance = meta.get("pdfaid:part"), meta.get("pdfaid:conformance")
        if (part, conformance) != ("2", "B"):
            problems.append(f"XMP pdfaid part/conformance is {part}/{conformance}, not 2/B")
        intents: Any = document.Root.get("/OutputIntents") or []
        if not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
            problems.append("no GTS_PDFA1 OutputIntent with an ICC profile")
        names: Any = document.Root.get("/Names") or {}
        if "/JavaScript" in names or "/OpenAction" in document.Root and \
                document.Root.OpenAction.get("/S") == "/JavaScript":
            problems.append("JavaScript")
        seen: set[tuple[int, int]] = set()
        for number, page in enumerate(document.pages, 1):
            for annot in page.obj.get("/Annots") or []:
                action: Any = annot.get("/A") or {}
                if action.get("/S") in ("/JavaScript", "/Launch"):
                    problems.append(f"page {number}: {action.get('/S')} action")
            for font in _fonts(page.obj.get("/Resources"), seen):
                if font.get("/Subtype") in ("/Type0", "/Type3"):
                    continue  # -- a Type0's glyphs are in its descendant; Type3 glyphs are content --
                descriptor = font.get("/FontDescriptor") or {}
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    problems.append(f"page {number}: font {font.get('/BaseFont')} not embedded")
    return problems
