#!/usr/bin/env python3
"""Build the bundled .docx templates, byte for byte the same on every run.

Usage:  python templates/build_templates.py [OUT_DIR]     (default: this folder)

Each template is a docxtpl (Jinja2) document. All styling lives here, in the styles
part: fonts in all four slots with complex-script sizes, Thai as the complex-script
language, A4 with the margins of Thai official documents, page numbers "- ๒ -" centred
at the top from page 2. The renderer supplies values already formatted.
"""
from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ita_docs.rendering.compiled import tagged_parts, template_sources  # noqa: E402
from ita_docs.rendering.package import read_template  # noqa: E402
from ita_docs.rendering.patched_sources import FILE, digest, sources_file  # noqa: E402
from ita_docs.rendering.oxml import el, set_run_fonts  # noqa: E402

FONT = "TH SarabunPSK"  # the renderer puts the document's own font in its place
BODY_SIZE = 32          # half-points: 16 pt
TITLE_SIZE = 36
COVER_SIZE = 40          # 20 pt: the longest cover line of the seeds (satengnok) fits on one line, as published
SIGNATURE_DATE_INDENT = 2835  # twips: 5 cm, where Thai announcements start "ประกาศ ณ วันที่"
MEMBER_TABS = (3686, 6804)  # twips from the margin: position and role columns of an order's member list
TEXT_WIDTH = 11906 - 1701 - 1134  # A4 width less left (3 cm) and right (2 cm) margins
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

PKG = "http://schemas.openxmlformats.org/package/2006"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml"


# -- parts that are the same for every template ------------------------------------
def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _plain(tag: str, ns: str, *children: etree._Element, **attrs: str) -> etree._Element:
    element = etree.Element(f"{{{ns}}}{tag}", nsmap={None: ns})
    for key, value in attrs.items():
        element.set(key, value)
    element.extend(children)
    return element


def content_types() -> bytes:
    ns = f"{PKG}/content-types"
    types = _plain(
        "Types", ns,
        _plain("Default", ns, Extension="rels", ContentType="application/vnd.openxmlformats-package.relationships+xml"),
        _plain("Default", ns, Extension="xml", ContentType="application/xml"),
        _plain("Override", ns, PartName="/word/document.xml", ContentType=f"{CT_WORD}.document.main+xml"),
        _plain("Override", ns, PartName="/word/styles.xml", ContentType=f"{CT_WORD}.styles+xml"),
        _plain("Override", ns, PartName="/word/settings.xml", ContentType=f"{CT_WORD}.settings+xml"),
        _plain("Override", ns, PartName="/word/header1.xml", ContentType=f"{CT_WORD}.header+xml"),
        _plain("Override", ns, PartName="/word/header2.xml", ContentType=f"{CT_WORD}.header+xml"),
        _plain("Override", ns, PartName="/docProps/core.xml",
               ContentType="application/vnd.openxmlformats-package.core-properties+xml"),
    )
    return _xml(types)


def relationships(*rels: tuple[str, str, str]) -> bytes:
    ns = f"{PKG}/relationships"
    return _xml(_plain("Relationships", ns, *(
        _plain("Relationship", ns, Id=rid, Type=f"{OFFICE_REL}/{kind}", Target=target)
        for rid, kind, target in rels
    )))


def package_rels() -> bytes:
    ns = f"{PKG}/relationships"
    return _xml(_plain(
        "Relationships", ns,
        _plain("Relationship", ns, Id="rId1", Type=f"{OFFICE_REL}/officeDocument", Target="word/document.xml"),
        _plain("Relationship", ns, Id="rId2",
               Type=f"{PKG}/relationships/metadata/core-properties", Target="docProps/core.xml"),
    ))


def core_properties(title: str) -> bytes:
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    root = etree.Element(f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc})
    etree.SubElement(root, f"{{{dc}}}title").text = title
    etree.SubElement(root, f"{{{dc}}}creator").text = "ita-docs"
    return _xml(root)


def run_properties(*, bold: bool = False, size: int = BODY_SIZE, latin_lang: str = "en-US") -> etree._Element:
    """``<w:rPr>`` with the font in all four slots, sz and szCs, Thai as cs language.

    Latin text is tagged English: tagged Thai, LibreOffice breaks English words at odd
    places and, with context digit shapes, draws the digits of a URL as Thai digits.
    """
    rpr = el(
        "w:rPr",
        el("w:b") if bold else None,
        el("w:bCs") if bold else None,
        el("w:sz", val=size),
        el("w:szCs", val=size),
        el("w:lang", val=latin_lang, eastAsia="th-TH", bidi="th-TH"),
    )
    set_run_fonts(rpr, FONT)
    return rpr


def paragraph_style(style_id: str, name: str, ppr: etree._Element | None = None, *,
                    bold: bool = False, size: int = BODY_SIZE, based_on: str | None = "Normal",
                    default: bool = False, latin_lang: str = "en-US") -> etree._Element:
    style = el("w:style", type="paragraph", styleId=style_id, **({"default": "1"} if default else {}))
    style.append(el("w:name", val=name))
    if based_on:
        style.append(el("w:basedOn", val=based_on))
    style.append(el("w:qFormat"))
    if ppr is not None:
        style.append(ppr)
    style.append(run_properties(bold=bold, size=size, latin_lang=latin_lang))
    return style


def styles() -> bytes:
    doc_defaults = el(
        "w:docDefaults",
        el("w:rPrDefault", run_properties()),
        el("w:pPrDefault", el("w:pPr", el("w:spacing", after=0, line=240, lineRule="auto"))),
    )
    border = {"val": "single", "sz": 4, "space": 0, "color": "000000"}
    table_style = el(
        "w:style",
        el("w:name", val="Table Grid"),
        el("w:tblPr",
           el("w:tblBorders", *(el(f"w:{side}", **border)
                                for side in ("top", "left", "bottom", "right", "insideH", "insideV"))),
           el("w:tblCellMar", el("w:left", w=85, type="dxa"), el("w:right", w=85, type="dxa"))),
        type="table", styleId="TableGrid",
    )
    root = el(
        "w:styles",
        doc_defaults,
        paragraph_style("Normal", "Normal", based_on=None, default=True),
        paragraph_style("Title", "Title", el("w:pPr", el("w:jc", val="center")), bold=True, size=TITLE_SIZE),
        paragraph_style("Subtitle", "Subtitle", el("w:pPr", el("w:jc", val="center")), bold=True),
        paragraph_style("Heading1", "heading 1", el(
            "w:pPr", el("w:keepNext"), el("w:spacing", before=240, after=120), el("w:outlineLvl", val=0)), bold=True),
        paragraph_style("Heading2", "heading 2", el(
            "w:pPr", el("w:keepNext"), el("w:spacing", before=120, after=60), el("w:ind", left=567),
            el("w:outlineLvl", val=1)), bold=True),
        paragraph_style("Heading3", "heading 3", el(
            "w:pPr", el("w:keepNext"), el("w:spacing", before=60), el("w:ind", left=567),
            el("w:outlineLvl", val=2))),
        paragraph_style("CoverTitle", "Cover Title", el("w:pPr", el("w:spacing", after=120), el("w:jc", val="center")),
                        bold=True, size=COVER_SIZE),
        paragraph_style("Plain", "Plain Text", el("w:pPr", el("w:jc", val="both"))),
        paragraph_style("Right", "Right", el("w:pPr", el("w:jc", val="right"))),
        paragraph_style("ListLevel1", "List Level 1", el(
            "w:pPr", el("w:ind", left=1418 + 425, hanging=425), el("w:jc", val="both"))),
        paragraph_style("ListLevel2", "List Level 2", el(
            "w:pPr", el("w:ind", left=1418 + 425 + 567, hanging=567), el("w:jc", val="both"))),
        paragraph_style("MemberLine", "Member Line", el(
            "w:pPr", el("w:tabs", *(el("w:tab", val="left", pos=pos) for pos in MEMBER_TABS)),
            el("w:ind", left=MEMBER_TABS[1], hanging=MEMBER_TABS[1]))),
        # -- a signature's lines keep together, and with the date line above them --
        paragraph_style("Signature", "Signature", el(
            "w:pPr", el("w:keepNext"), el("w:ind", left=4536), el("w:jc", val="center"))),
        # -- "ประกาศ ณ วันที่ …": a line's space below the text, starting left of the page's middle --
        paragraph_style("SignatureDate", "Signature Date", el(
            "w:pPr", el("w:keepNext"), el("w:spacing", before=320), el("w:ind", left=SIGNATURE_DATE_INDENT))),
        paragraph_style("TOCHeading", "TOC Heading", el("w:pPr", el("w:spacing", after=120), el("w:jc", val="center")),
                        bold=True, size=TITLE_SIZE),
        # -- TOC entries tagged Thai, so LibreOffice draws their page numbers as the document's --
        paragraph_style("TOC1", "toc 1", el(
            "w:pPr", el("w:tabs", el("w:tab", val="right", leader="dot", pos=TEXT_WIDTH)),
            el("w:spacing", before=60)), latin_lang="th-TH"),
        paragraph_style("TOC2", "toc 2", el(
            "w:pPr", el("w:tabs", el("w:tab", val="right", leader="dot", pos=TEXT_WIDTH)),
            el("w:ind", left=425)), latin_lang="th-TH"),
        paragraph_style("BodyText", "Body Text", el(
            "w:pPr", el("w:spacing", after=60), el("w:ind", firstLine=1418), el("w:jc", val="both"))),
        # -- the body paragraph before a signature keeps with it: a signature never stands alone on a page --
        paragraph_style("BodyTextKeep", "Body Text Keep", el("w:pPr", el("w:keepNext")), based_on="BodyText"),
        paragraph_style("Centered", "Centered", el("w:pPr", el("w:jc", val="center"))),
        paragraph_style("TableText", "Table Text", el("w:pPr", el("w:jc", val="left"))),
        paragraph_style("TableHeading", "Table Heading", el("w:pPr", el("w:keepNext"), el("w:jc", val="center")),
                        bold=True),
        paragraph_style("Header", "header", el("w:pPr", el("w:jc", val="center"))),
        el("w:style", el("w:name", val="Hyperlink"), el("w:uiPriority", val=99), el("w:unhideWhenUsed"),
           el("w:rPr", el("w:color", val="0563C1"), el("w:u", val="single")),
           type="character", styleId="Hyperlink"),
        table_style,
    )
    return _xml(root)


def settings() -> bytes:
    return _xml(el(
        "w:settings",
        el("w:defaultTabStop", val=720),
        el("w:characterSpacingControl", val="doNotCompress"),
        el("w:themeFontLang", val="th-TH", eastAsia="th-TH", bidi="th-TH"),
        el("w:compat", el("w:compatSetting", name="compatibilityMode",
                          uri="http://schemas.microsoft.com/office/word", val=15)),
    ))


def page_number_header() -> bytes:
    """'- PAGE -' centred: the PAGE field shows in the section's number format (thaiNumbers).

    The text around the number comes from the view (``- ๒ -`` or ``-๒-``).
    """
    def run(*children: etree._Element) -> etree._Element:
        # -- tagged Thai, so that LibreOffice's context digit shapes draw ๒ for 2 --
        return el("w:r", run_properties(latin_lang="th-TH"), *children)

    return _xml(el(
        "w:hdr",
        el("w:p",
           el("w:pPr", el("w:pStyle", val="Header")),
           run(el("w:t", "{{ page_prefix }}", xml_space="preserve")),
           run(el("w:fldChar", fldCharType="begin")),
           run(el("w:instrText", " PAGE ", xml_space="preserve")),
           run(el("w:fldChar", fldCharType="separate")),
           run(el("w:t", "๒")),
           run(el("w:fldChar", fldCharType="end")),
           run(el("w:t", "{{ page_suffix }}", xml_space="preserve"))),
    ))


def empty_header() -> bytes:
    return _xml(el("w:hdr", el("w:p", el("w:pPr", el("w:pStyle", val="Header")))))


def section_properties() -> etree._Element:
    return el(
        "w:sectPr",
        el("w:headerReference", type="default", r_id="rIdHeaderDefault"),
        el("w:headerReference", type="first", r_id="rIdHeaderFirst"),
        el("w:pgSz", w=11906, h=16838),
        el("w:pgMar", top=1418, right=1134, bottom=1134, left=1701, header=709, footer=709, gutter=0),
        el("w:pgNumType", fmt="thaiNumbers"),
        el("w:titlePg"),
    )


# -- body building blocks -----------------------------------------------------------
def para(text: str = "", style: str = "BodyText", *, bold: bool = False) -> etree._Element:
    rpr = el("w:rPr", el("w:b"), el("w:bCs")) if bold else None
    runs = [el("w:r", rpr, el("w:t", text, xml_space="preserve"))] if text else []
    return el("w:p", el("w:pPr", el("w:pStyle", val=style)), *runs)


def paragraphs(expr: str, style: str = "BodyText") -> list[etree._Element]:
    """One paragraph per item of the list *expr*."""
    return [para(f"{{%p for para in {expr} %}}", style), para("{{ para }}", style), para("{%p endfor %}", style)]


def _cell(*content: etree._Element, span: int | None = None) -> etree._Element:
    """A cell; its width comes from the table grid, which the renderer sets per column."""
    tcpr = el("w:tcPr", el("w:gridSpan", val=span) if span else None, el("w:vAlign", val="top"))
    return el("w:tc", tcpr, *(content or (para(style="TableText"),)))


def _row(*cells: etree._Element, header: bool = False) -> etree._Element:
    trpr = el("w:trPr", el("w:cantSplit"), el("w:tblHeader")) if header else None
    return el("w:tr", trpr, *cells)


def _tag_row(tag: str) -> etree._Element:
    """A row holding only a docxtpl {%tr %} tag; docxtpl removes the whole row."""
    return _row(_cell(para(tag, "TableText"), span=3))


def data_table(t: str) -> list[etree._Element]:
    """A table whose columns and rows both come from the expression *t* (``tables.ranking``).

    Header row: one cell per column heading (repeats on every page). Body rows: either
    a group row (one cell across all columns) or one cell per column, each cell a list
    of paragraphs. Column widths and alignment are applied after rendering.
    """
    third = TEXT_WIDTH // 3
    header = _row(
        _cell(para(f"{{%tc for col in {t}.columns %}}", "TableHeading")),
        _cell(para("{{ col.heading }}", "TableHeading")),
        _cell(para("{%tc endfor %}", "TableHeading")),
        header=True,
    )
    group = _row(_cell(para(f"{{% colspan {t}.columns|length %}}{{{{ row.group }}}}", "TableText", bold=True),
                       span=3))
    cells = _row(
        _cell(para("{%tc for cell in row.cells %}", "TableText")),
        _cell(*paragraphs("cell", "TableText")),
        _cell(para("{%tc endfor %}", "TableText")),
    )
    table = el(
        "w:tbl",
        el("w:tblPr", el("w:tblStyle", val="TableGrid"), el("w:tblW", w=TEXT_WIDTH, type="dxa"),
           el("w:tblLayout", type="fixed"),
           el("w:tblLook", val="04A0", firstRow=1, lastRow=0, firstColumn=1, lastColumn=0, noHBand=0, noVBand=1)),
        el("w:tblGrid", *(el("w:gridCol", w=third) for _ in range(3))),
        header,
        _tag_row(f"{{%tr for row in {t}.rows %}}"),
        _tag_row("{%tr if row.group %}"),
        group,
        _tag_row("{%tr else %}"),
        cells,
        _tag_row("{%tr endif %}"),
        _tag_row("{%tr endfor %}"),
    )
    return [para(f"{{%p if {t}.rows %}}"), table, para("{%p endif %}")]


# -- the templates ------------------------------------------------------------------
def page_break() -> etree._Element:
    return el("w:p", el("w:r", el("w:br", type="page")))


def table_of_contents() -> list[etree._Element]:
    """A Word TOC field over heading levels 1–2, its cached entries from the view.

    Word refreshes it when the document opens (the renderer sets updateFields when a
    document has a TOC); the cached entries keep the contents readable until then.
    """
    begin = el("w:p", el("w:pPr", el("w:pStyle", val="TOC1")),
               el("w:r", el("w:fldChar", fldCharType="begin", dirty="true")),
               el("w:r", el("w:instrText", ' TOC \\o "1-{{ block.levels }}" \\h \\z \\u ', xml_space="preserve")),
               el("w:r", el("w:fldChar", fldCharType="separate")))
    end = el("w:p", el("w:pPr", el("w:pStyle", val="TOC1")), el("w:r", el("w:fldChar", fldCharType="end")))
    return [
        para("{{ block.title }}", "TOCHeading"),
        para("{{ block.page_label }}", "Right"),
        begin,
        para("{%p for entry in block.entries %}", "TOC1"),
        para("{%p if entry.level == 1 %}", "TOC1"),
        para("{{ entry.text }}", "TOC1"),
        para("{%p else %}", "TOC2"),
        para("{{ entry.text }}", "TOC2"),
        para("{%p endif %}", "TOC2"),
        para("{%p endfor %}", "TOC1"),
        end,
    ]


#: Paragraph style of each simple block type.
BLOCK_PARAGRAPH_STYLES = {
    "title": "Title", "cover": "CoverTitle", "subtitle": "Subtitle", "heading1": "Heading1",
    "heading2": "Heading2", "heading3": "Heading3", "body": "BodyText", "plain": "Plain",
    "centered": "Centered", "right": "Right", "list1": "ListLevel1", "list2": "ListLevel2",
    "member": "MemberLine", "signature": "Signature", "signature_date": "SignatureDate",
    "body_keep": "BodyTextKeep",
}


def blocks_body() -> list[etree._Element]:
    """A body that lays out ``blocks``: paragraphs of a style, tables, page breaks, a TOC.

    Every kind is a list of such blocks, so one layout serves all and an organisation
    restyles a kind by editing its copy of this template.
    """
    body = [para("{%p for block in blocks %}")]
    keyword = "if"
    for block_type, style in BLOCK_PARAGRAPH_STYLES.items():
        body += [para(f"{{%p {keyword} block.type == '{block_type}' %}}"), *paragraphs("block.lines", style)]
        keyword = "elif"
    body += [para("{%p elif block.type == 'table' %}"), *data_table("block.table")]
    body += [para("{%p elif block.type == 'page_break' %}"), page_break()]
    body += [para("{%p elif block.type == 'toc' %}"), *table_of_contents()]
    body += [para("{%p endif %}"), para("{%p endfor %}")]
    return body


TEMPLATES: dict[str, tuple[str, Callable[[], Iterable[etree._Element]]]] = {
    "measures_plan": ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", blocks_body),
    "progress_report": ("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", blocks_body),
    "analysis_report": ("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", blocks_body),
    "annual_report": ("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", blocks_body),
    "committee_order": ("คำสั่งแต่งตั้งคณะทำงาน ITA", blocks_body),
    "oit_assignments": ("การมอบหมายผู้รับผิดชอบการเปิดเผยข้อมูล (OIT)", blocks_body),
    "combined": ("เอกสาร ITA", blocks_body),
}


def build(kind: str) -> bytes:
    """Return the bytes of the template for *kind*."""
    title, body = TEMPLATES[kind]
    document = el("w:document", el("w:body", *body(), section_properties()))
    parts = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": package_rels(),
        "docProps/core.xml": core_properties(title),
        "word/document.xml": _xml(document),
        "word/_rels/document.xml.rels": relationships(
            ("rIdStyles", "styles", "styles.xml"),
            ("rIdSettings", "settings", "settings.xml"),
            ("rIdHeaderDefault", "header", "header1.xml"),
            ("rIdHeaderFirst", "header", "header2.xml"),
        ),
        "word/styles.xml": styles(),
        "word/settings.xml": settings(),
        "word/header1.xml": page_number_header(),
        "word/header2.xml": empty_header(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else Path(__file__).resolve().parent
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind in TEMPLATES:
        path = out_dir / f"{kind}.docx"
        path.write_bytes(build(kind))
        print(path)
    path = out_dir / FILE
    path.write_text(patched_sources_json([out_dir / f"{kind}.docx" for kind in TEMPLATES]), encoding="utf-8")
    print(path)
    return 0


def patched_sources_json(templates: Iterable[Path]) -> str:
    """The templates' parts as the installed docxtpl patches them (read at render time
    instead of importing docxtpl), as the committed JSON file."""
    parts = {}
    for path in templates:
        roots = tagged_parts(path, read_template(path))
        for (_, root), (_, source) in zip(roots, template_sources(roots, known={})):
            parts[digest(etree.tostring(root, encoding="unicode"))] = source
    return sources_file(parts)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
