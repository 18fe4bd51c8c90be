"""What the title lines say: the document's kind, organisation and fiscal year, its digits,
and last year's result sentence ("ได้คะแนน ๙๖.๐๔ คะแนน … ระดับ AA")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..thai import to_arabic_digits
from .vocabulary import VOCABULARY

__all__ = ["Organisation", "PreviousSentence", "digits_of", "fiscal_year_of", "organisation_of",
           "previous_sentence"]

_DIGIT = "[0-9๐-๙]"
_FISCAL_YEAR = re.compile(rf"ปีงบประมาณ\s*(?:พ\.\s*ศ\.)?\s*({_DIGIT}{{4}})")
_BE_YEAR = re.compile(rf"พ\.\s*ศ\.\s*({_DIGIT}{{4}})")
_DISTRICT = re.compile(r"อำเภอ\s*([^\s]+)")
_PROVINCE = re.compile(r"จังหวัด\s*([^\s]+)")
_RESULT = re.compile(
    rf"(?:ได้|มีผล)?คะแนน\s*(?:รวม|เฉลี่ย|ภาพรวม)?\s*(?:เท่ากับ)?\s*({_DIGIT}{{1,3}}(?:\.{_DIGIT}{{1,2}})?)\s*คะแนน"
    r"[^\n]{0,60}?ระดับ\s*([A-F]{1,2}|ผ่าน|ไม่ผ่าน)?")


@dataclass(frozen=True)
class Organisation:
    """The organisation a title line names, and the line it came from."""

    name: str
    type: str | None
    district: str | None
    province: str | None
    line: str


def organisation_of(lines: list[str]) -> Organisation | None:
    """The first organisation named in *lines*: its name runs from its type to the next space
    (or อำเภอ/จังหวัด), and the district and province follow it.

    >>> organisation_of(["ของเทศบาลตำบลกรูด อำเภอกาญจนดิษฐ์ จังหวัดสุราษฎร์ธานี"])
    Organisation(name='เทศบาลตำบลกรูด', type='เทศบาลตำบล', district='กาญจนดิษฐ์', province='สุราษฎร์ธานี', line='ของเทศบาลตำบลกรูด อำเภอกาญจนดิษฐ์ จังหวัดสุราษฎร์ธานี')
    """
    types = VOCABULARY.organisation_types
    for index, line in enumerate(lines):
        for kind in types:
            at = line.find(kind)
            if at < 0:
                continue
            rest = line[at:]
            name = re.split(r"\s|อำเภอ|จังหวัด", rest[len(kind):], maxsplit=1)[0]
            name = kind + name
            if name == kind and kind not in ("กรุงเทพมหานคร", "เมืองพัทยา"):
                following = lines[index + 1] if index + 1 < len(lines) else ""
                name = kind + following.split()[0] if following.split() else kind
                if name == kind:
                    continue
            around = " ".join(lines[index:index + 3])
            district = _DISTRICT.search(around)
            province = _PROVINCE.search(around)
            return Organisation(name, kind, district.group(1) if district else None,
                                province.group(1) if province else None, line)
    return None


def fiscal_year_of(lines: list[str]) -> tuple[int, str] | None:
    """The fiscal year the first line naming one names (``ปีงบประมาณ พ.ศ. ๒๕๖๖``), else a พ.ศ. year.

    >>> fiscal_year_of(["ของหน่วยงานภาครัฐ ในปีงบประมาณ พ.ศ.2566"])
    (2566, 'ของหน่วยงานภาครัฐ ในปีงบประมาณ พ.ศ.2566')
    """
    for pattern in (_FISCAL_YEAR, _BE_YEAR):
        for line in lines:
            match = pattern.search(line)
            if match:
                year = int(to_arabic_digits(match.group(1)))
                if 2500 <= year <= 2700:
                    return year, line
    return None


def digits_of(texts: list[str]) -> str:
    """``arabic`` when most digits of *texts* are Arabic (web addresses aside), else ``thai``.

    >>> digits_of(["ปี 2566 ครั้งที่ ๑"])
    'arabic'
    """
    thai = arabic = 0
    for text in texts:
        text = re.sub(r"(https?://|www\.)\S+|\S+@\S+", "", text)
        thai += sum(1 for c in text if "๐" <= c <= "๙")
        arabic += sum(1 for c in text if "0" <= c <= "9")
    return "arabic" if arabic > thai else "thai"


@dataclass(frozen=True)
class PreviousSentence:
    """Last year's total and level as a sentence of the document gives them."""

    total: Decimal
    level: str | None
    text: str


def previous_sentence(texts: list[str]) -> PreviousSentence | None:
    """The first sentence giving a total score and a level.

    >>> previous_sentence(["พบว่า มีผลคะแนน ๙๗.๐๗ คะแนนอยู่ในระดับ A ดังนี้"]).total
    Decimal('97.07')
    """
    for text in texts:
        match = _RESULT.search(text)
        if match:
            total = Decimal(to_arabic_digits(match.group(1)))
            if total <= 100:
                return PreviousSentence(total, match.group(2), text)
    return None
