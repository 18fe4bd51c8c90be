"""docxtpl's template, with what loses a user's text taken out.

docxtpl turns ``{_{`` ``}_}`` ``{_%`` ``%_}`` in the *rendered* XML into ``{{`` ``}}`` ``{%``
``%}`` — so a measure typed as "{_{" came out as "{{". This subclass renders each part
the same way but leaves the values alone. (A template that needs a literal ``{{`` writes
``{{ '{{' }}``.)
"""
from __future__ import annotations

import re
from typing import Any

from docxtpl import DocxTemplate

__all__ = ["ItaDocxTemplate"]


class ItaDocxTemplate(DocxTemplate):
    """A DocxTemplate whose rendering changes no character of the values."""

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        self.current_rendering_part = part
        template = jinja_env.from_string(src_xml)
        dst_xml = template.render(context)
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        return self.resolve_listing(dst_xml)
