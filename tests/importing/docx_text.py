"""An independent reading of a .docx's text for the importer's tests (not the importer's reader):
every body paragraph, in or out of tables, in document order, split at line breaks,
without the joiners ita-docs puts between Thai words and without empty lines."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def body_lines(path: Path | bytes) -> list[str]:
    """The non-empty lines of the body's paragraphs, white space squeezed."""
    import io

    source = io.BytesIO(path) if isinstance(path, bytes) else path
    with zipfile.ZipFile(source) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    lines: list[str] = []
    for paragraph in root.iter(f"{{{W}}}p"):
        text = ""
        for node in paragraph.iter(f"{{{W}}}t", f"{{{W}}}br", f"{{{W}}}tab"):
            if node.tag == f"{{{W}}}t":
                text += node.text or ""
            elif node.tag == f"{{{W}}}tab":
                text += "\t"
            else:
                text += "\n"
        for line in text.replace("\ufeff", "").replace("\u00a0", " ").split("\n"):
            squeezed = " ".join(line.split())
            if squeezed:
                lines.append(squeezed)
    return lines
