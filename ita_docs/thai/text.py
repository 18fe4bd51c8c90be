"""Clean user text before it reaches XML, changing nothing else of it."""
from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text"]

# -- characters XML 1.0 forbids, less tab/newline/CR (handled before this runs) --
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NIKHAHIT_SARA_AA = "\u0e4d\u0e32"
_SARA_AM = "\u0e33"


def clean_text(text: str) -> str:
    """Make *text* safe for a .docx: legal XML characters, NFC, one form of sara am.

    A vertical tab (Excel's and Word's manual line break) and CR/CRLF become "\\n";
    other characters XML 1.0 forbids are dropped; nikhahit + sara aa (ํา) becomes ำ.

    >>> clean_text("บรรทัด\\x0bใหม่\\x00")
    'บรรทัด\\nใหม่'
    >>> clean_text("ก\\u0e4d\\u0e32หนด") == "กำหนด"
    True
    >>> clean_text("R&D <ก>")
    'R&D <ก>'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text = _FORBIDDEN.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return text.replace(_NIKHAHIT_SARA_AA, _SARA_AM)
