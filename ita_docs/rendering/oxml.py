"""Small WordprocessingML element helpers (lxml), each named for the element it makes.

Used by the template build script and by post-processing; nothing here writes XML
as text.
"""
from __future__ import annotations

from functools import lru_cache

from lxml import etree

__all__ = [
    "NSMAP",
    "W_NS",
    "el",
    "find_elements",
    "first_child",
    "get_or_add",
    "grid_span",
    "parent_of",
    "qn",
    "set_run_fonts",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"w": W_NS, "r": R_NS}


@lru_cache(maxsize=None)
def qn(tag: str) -> str:
    """Clark name of a prefixed tag: ``qn("w:p")`` → ``{http://…/main}p``.

    >>> qn("w:p")
    '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p'
    """
    prefix, local = tag.split(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def el(tag: str, *children: etree._Element | str | None, **attrs: str | int) -> etree._Element:
    """Make element *tag* ("w:p"); keyword attributes are w: attributes, children may be text.

    ``r_id`` is written as ``r:id``; ``xml_space`` as ``xml:space``.

    >>> el("w:jc", val="both").get(qn("w:val"))
    'both'
    """
    element = etree.Element(qn(tag), nsmap=NSMAP)
    for name, value in attrs.items():
        if name == "r_id":
            key = qn("r:id")
        elif name == "xml_space":
            key = "{http://www.w3.org/XML/1998/namespace}space"
        else:
            key = qn(f"w:{name}")
        element.set(key, str(value))
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            element.text = (element.text or "") + child
        else:
            element.append(child)
    return element


_TCPR, _GRIDSPAN, _VAL = qn("w:tcPr"), qn("w:gridSpan"), qn("w:val")


def first_child(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child of *parent* named *tag* (a Clark name, :func:`qn`): ``find`` without
    ElementPath. A properties element (``w:pPr``, ``w:tcPr`` …) is looked for first where
    the schema puts it, as the first child.

    >>> p = el("w:p", el("w:pPr"), el("w:r"))
    >>> first_child(p, qn("w:r")) is p[1], first_child(p, qn("w:pPr")) is p[0], first_child(p, qn("w:t"))
    (True, True, None)
    """
    if len(parent) and parent[0].tag == tag:
        return parent[0]
    return next(parent.iterchildren(tag), None)


def grid_span(tc: etree._Element) -> int:
    """How many grid columns the cell *tc* spans (its ``w:tcPr/w:gridSpan``, else 1).

    >>> grid_span(el("w:tc", el("w:tcPr", el("w:gridSpan", val=3)))), grid_span(el("w:tc"))
    (3, 1)
    >>> grid_span(el("w:tc", el("w:tcPr", el("w:gridSpan"))))  # -- no w:val: one column --
    1
    """
    tcpr = first_child(tc, _TCPR)
    span = first_child(tcpr, _GRIDSPAN) if tcpr is not None else None
    return int(span.get(_VAL) or 1) if span is not None else 1


def get_or_add(parent: etree._Element, tag: str, *, first: bool = False,
               before: tuple[str, ...] = ()) -> etree._Element:
    """Return the child *tag* of *parent*, adding it when missing.

    A new child goes first if *first*, else before the first existing child named in
    *before* (the schema's later siblings), else last.

    >>> ppr = el("w:pPr", el("w:rPr"))
    >>> jc = get_or_add(ppr, "w:jc", before=("w:rPr",))
    >>> [c.tag.split("}")[1] for c in ppr], get_or_add(ppr, "w:jc") is jc
    (['jc', 'rPr'], True)
    """
    child = parent.find(qn(tag))
    if child is not None:
        return child
    child = el(tag)
    later = next((c for c in parent if c.tag in {qn(t) for t in before}), None)
    if first:
        parent.insert(0, child)
    elif later is not None:
        later.addprevious(child)
    else:
        parent.append(child)
    return child


def set_run_fonts(rpr: etree._Element, font: str) -> None:
    """Name *font* in every slot of ``<w:rFonts>`` (ascii, hAnsi, eastAsia, cs) of *rpr*.

    Theme-font attributes are dropped, since Word lets them override explicit names.
    The element is created first in ``<w:rPr>`` if missing, as CT_RPr orders it.
    """
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = el("w:rFonts")
        rpr.insert(1 if len(rpr) and rpr[0].tag == qn("w:rStyle") else 0, fonts)
    for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{name}"), "")
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), font)


def parent_of(element: etree._Element) -> etree._Element:
    """The element *element* sits in; a root or detached element has none, a mistake of ours.

    >>> parent_of(el("w:p", el("w:r"))[0]).tag == qn("w:p")
    True
    """
    parent = element.getparent()
    if parent is None:
        raise ValueError(f"{element.tag} has no parent element")
    return parent


def find_elements(node: etree._Element, path: str, **variables: str) -> list[etree._Element]:
    """The elements the XPath *path* selects under *node* (``w:`` and ``r:`` bound), with
    ``$name`` *variables*; a path must select elements.

    >>> len(find_elements(el("w:p", el("w:r"), el("w:r", "ก")), "w:r[. = $text]", text="ก"))
    1
    """
    found = etree.XPath(path, namespaces=NSMAP)(node, **variables)  # -- compiled per call, as .xpath() does --
    return [item for item in found if isinstance(item, etree._Element)] if isinstance(found, list) else []
