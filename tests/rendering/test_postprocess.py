"""Post-processing on element trees: (input, expected) in the schema's child order."""
from lxml import etree

from ita_docs.rendering.oxml import el, qn
from ita_docs.rendering.postprocess import (
    apply_font,
    apply_page_number_format,
    apply_table_layouts,
    ensure_cell_paragraphs,
    separate_tables,
)
from ita_docs.rendering.tables import TableLayoutSpec


def _names(element):
    return [etree.QName(c).localname for c in element]


def test_page_number_format_is_added_in_schema_order():
    sect = el("w:sectPr", el("w:pgSz"), el("w:pgMar"), el("w:cols"), el("w:titlePg"))
    body = el("w:body", sect)
    apply_page_number_format(body, "arabic")
    assert _names(sect) == ["pgSz", "pgMar", "pgNumType", "cols", "titlePg"]
    assert sect.find(qn("w:pgNumType")).get(qn("w:fmt")) == "decimal"
    apply_page_number_format(body, "thai")
    assert sect.find(qn("w:pgNumType")).get(qn("w:fmt")) == "thaiNumbers"


def _table(*headings):
    cells = [el("w:tc", el("w:p", el("w:r", el("w:t", h)))) for h in headings]
    body_cells = [el("w:tc", el("w:tcPr", el("w:tcW", w=1, type="dxa")),
                     el("w:p", el("w:pPr", el("w:rPr")), el("w:r", el("w:t", "x")))) for _ in headings]
    return el("w:tbl", el("w:tblPr", el("w:tblW", w=0, type="auto")), el("w:tblGrid", el("w:gridCol")),
              el("w:tr", *cells), el("w:tr", *body_cells))


def test_table_layout_applies_to_the_table_with_matching_headers():
    matching, other = _table("ก", "ข"), _table("ก", "ค")
    body = el("w:body", matching, other)
    apply_table_layouts(body, [TableLayoutSpec(("ก", "ข"), (1000, 2000), ("center", "left"))])
    assert [c.get(qn("w:w")) for c in matching.find(qn("w:tblGrid"))] == ["1000", "2000"]
    assert matching.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:w")) == "3000"
    first_body_cell = matching.findall(qn("w:tr"))[1].find(qn("w:tc"))
    assert first_body_cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")) == "1000"
    ppr = first_body_cell.find(f"{qn('w:p')}/{qn('w:pPr')}")
    assert _names(ppr) == ["jc", "rPr"]  # jc before the paragraph mark's rPr
    assert len(other.find(qn("w:tblGrid"))) == 2  # no spec: an even grid for its two columns


def test_a_table_without_borders_gets_every_side_none_before_its_layout():
    table = _table("ก", "ข")
    table.find(qn("w:tblPr")).append(el("w:tblLayout", type="fixed"))
    apply_table_layouts(el("w:body", table), [TableLayoutSpec(("ก", "ข"), (1000, 2000), ("left", "left"),
                                                              borders=False)])
    tblpr = table.find(qn("w:tblPr"))
    assert _names(tblpr) == ["tblW", "tblBorders", "tblLayout"]
    assert [(etree.QName(b).localname, b.get(qn("w:val"))) for b in tblpr.find(qn("w:tblBorders"))] == [
        (side, "none") for side in ("top", "left", "bottom", "right", "insideH", "insideV")]


def test_a_table_keeps_its_style_borders_by_default():
    table = _table("ก", "ข")
    apply_table_layouts(el("w:body", table), [TableLayoutSpec(("ก", "ข"), (1000, 2000), ("left", "left"))])
    assert table.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}") is None


def test_empty_cells_get_a_paragraph():
    tc = el("w:tc", el("w:tcPr"))
    ensure_cell_paragraphs(el("w:body", el("w:tbl", el("w:tr", tc))))
    assert _names(tc) == ["tcPr", "p"]


def test_font_replaces_theme_fonts():
    rpr = el("w:rPr", el("w:rFonts", asciiTheme="minorHAnsi", cstheme="minorBidi"), el("w:sz", val=22))
    styles = el("w:styles", el("w:docDefaults", el("w:rPrDefault", rpr)))
    apply_font(styles, "TH Sarabun New")
    fonts = rpr.find(qn("w:rFonts"))
    assert dict(fonts.attrib) == {qn(f"w:{s}"): "TH Sarabun New" for s in ("ascii", "hAnsi", "eastAsia", "cs")}


def test_addresses_become_links_and_keep_their_text():
    from ita_docs.rendering.postprocess import link_addresses

    run = el("w:r", el("w:rPr", el("w:b")), el("w:t", "ดู www.krut.go.th/a?doc=13797, หรือ a1@x.go.th"),
             el("w:br"), el("w:t", "ไฟล์ ita2566.pdf"))
    body = el("w:body", el("w:p", run))
    targets = []
    made = link_addresses(body, lambda url: targets.append(url) or f"rId{len(targets)}")
    assert made == 2
    assert targets == ["http://www.krut.go.th/a?doc=13797", "mailto:a1@x.go.th"]
    text = "".join(t.text for t in body.iter(qn("w:t")))
    assert text == "ดู www.krut.go.th/a?doc=13797, หรือ a1@x.go.thไฟล์ ita2566.pdf"
    links = body.findall(f".//{qn('w:hyperlink')}")
    assert [ln.get(qn("r:id")) for ln in links] == ["rId1", "rId2"]
    linked_run = links[0].find(qn("w:r"))
    assert _names(linked_run.find(qn("w:rPr"))) == ["rStyle", "b"]  # the run's own format kept
    assert len(body.findall(f".//{qn('w:br')}")) == 1


def test_adjacent_tables_get_a_paragraph_between():
    first, second, third = _table("ก"), _table("ข"), _table("ค")
    body = el("w:body", first, second, el("w:p"), third)
    assert separate_tables(body) == 1
    assert _names(body) == ["tbl", "p", "tbl", "p", "tbl"]
    assert separate_tables(body) == 0
