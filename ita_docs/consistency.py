"""The consistency check: what a clerk's copy-and-edit typically gets wrong, with field paths.

Figures (``figure_findings``): a given total, level, change word or strengths list that
differs from what the scores and the year's ITA framework give. Text
(``text_findings``): another organisation's name or a variant spelling of this one, a
fiscal year that does not belong, digits of both forms in one token, a period outside
the document's fiscal year, an OIT code the year does not have.

Each finding is an :class:`~ita_docs.errors.Problem` (``Finding`` is its old name) whose
``kind`` names the check: ``figure``, ``name_variant``, ``foreign_name``, ``fiscal_year``,
``mixed_digits``, ``period``, ``date`` or ``oit_code``.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .computed import YearFigures, comparison_scores, previous_result_figures, strengths_lists, year_figures
from .errors import Finding, InputError, Location, Problem
from .framework import load_framework
from .io import load
from .model import AnnualReport, Combined, DocumentBase, MeasuresPlan, OitAssignments
from .model.annual_report import StrengthsBlock, YearComparisonBlock
from .rendering.formats import check_document_formats
from .rendering.views import build_view
from .scoring import change, question_level
from .thai import (
    BE_OFFSET,
    DateRange,
    FiscalYearPeriod,
    MonthRange,
    QuarterPeriod,
    TextPeriod,
    fiscal_year_end,
    fiscal_year_of,
    fiscal_year_start,
    format_date,
    month_names,
    to_arabic_digits,
)

__all__ = ["Finding", "check", "document_texts", "figure_findings", "text_findings"]

#: A given score may differ from the computed one by this much (published rounding).
TOLERANCE = Decimal("0.01")

#: Words that open the name of a local administration, long forms first.
ORGANISATION_TYPES = (
    "องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร",
    "อบต.", "อบจ.", "ทต.", "ทม.", "ทน.",
)
_TYPE_PATTERN = re.compile("|".join(re.escape(t) for t in ORGANISATION_TYPES))
_FISCAL_YEAR_IN_TEXT = re.compile(r"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*([0-9๐-๙]{4})")
_TOKEN = re.compile(r"\S+")
_SIMILAR = 0.7  # difflib ratio from which a different name counts as a misspelling


def _leaves(value: Any, wanted: type | tuple[type, ...], path: str = "") -> Iterator[tuple[str, Any]]:
    """Every value of type *wanted* in a model, with its field path (``measures[2].method[0]``).

    Mappings are searched too, but a wanted value is not searched inside.
    """
    if isinstance(value, wanted):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _leaves(getattr(value, name), wanted, f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _leaves(item, wanted, f"{path}[{index}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _leaves(item, wanted, f"{path}.{key}")


def document_texts(value: Any) -> Iterator[tuple[str, str]]:
    """Every string in a model, with its field path; a period written as free text included."""
    for path, leaf in _leaves(value, (str, TextPeriod)):
        yield path, leaf.text if isinstance(leaf, TextPeriod) else leaf


def _short_name(name: str) -> str:
    match = _TYPE_PATTERN.match(name)
    return name[match.end():].strip() if match else name


def _closest_prefix(own: str, following: str) -> tuple[str, float]:
    """The start of *following* (within its first word) most like *own*, and how alike.

    A variant may be longer or shorter than the real name; it is quoted whole.

    >>> _closest_prefix("สะเตงนอก", "สระเตงนอกได้จัดทำ")
    ('สระเตงนอก', 0.9411764705882353)
    """
    best = (following[:len(own)], -1.0)
    for size in range(max(1, len(own) - 3), min(len(following), len(own) + 3) + 1):
        ratio = difflib.SequenceMatcher(None, own, following[:size]).ratio()
        if ratio > best[1]:
            best = (following[:size], ratio)
    return best


def _name_findings(document: DocumentBase) -> Iterator[Problem]:
    own = _short_name(document.organisation.name)
    for path, text in document_texts(document):
        if path.startswith("organisation"):
            continue
        for match in _TYPE_PATTERN.finditer(text):
            following = text[match.end():].lstrip()
            if following.startswith(own) or not following:
                continue
            candidate, ratio = _closest_prefix(own, following)
            if ratio >= _SIMILAR:
                yield Problem(Location(path=path),
                              f"สะกดชื่อหน่วยงานต่างไป: '{match.group(0)}{candidate}' (ชื่อจริง: {document.organisation.name})",
                              kind="name_variant")
            elif following[:1] not in "ทั่วต่างอื่น":  # -- "เทศบาลตำบลทั่วประเทศ" names no one --
                yield Problem(Location(path=path),
                              f"อาจเป็นชื่อหน่วยงานอื่น: '{match.group(0)}{following[:len(own) + 4]}…' "
                              f"(เอกสารนี้ของ {document.organisation.name})", kind="foreign_name")


def _year_findings(document: DocumentBase) -> Iterator[Problem]:
    year = getattr(document, "fiscal_year", None)
    if year is None:
        return
    allowed = {year - 1, year, year + 1}
    for path, text in document_texts(document):
        for match in _FISCAL_YEAR_IN_TEXT.finditer(text):
            mentioned = int(to_arabic_digits(match.group(1)))
            if mentioned not in allowed:
                yield Problem(Location(path=path),
                              f"ข้อความกล่าวถึงปีงบประมาณ {mentioned} ในเอกสารปีงบประมาณ {year}: '{match.group(0)}'",
                              kind="fiscal_year")


def _digit_findings(document: DocumentBase) -> Iterator[Problem]:
    for path, text in document_texts(document):
        for token in _TOKEN.findall(text):
            if re.search("[0-9]", token) and re.search("[๐-๙]", token):
                yield Problem(Location(path=path), f"มีเลขไทยปนเลขอารบิกในคำเดียว: '{token}'", kind="mixed_digits")


def _month_year(value: date) -> str:
    return format_date(value, "month_year", digits="arabic")


def _thai_range(value: DateRange | MonthRange) -> str:
    """A date or month range as a clerk writes it: Thai months, Buddhist era.

    >>> _thai_range(MonthRange(date(2024, 10, 1), date(2024, 10, 31)))
    'ตุลาคม 2567'
    >>> _thai_range(DateRange(date(2023, 10, 1), date(2023, 12, 31)))
    '1 ต.ค. 2566 – 31 ธ.ค. 2566'
    """
    if isinstance(value, MonthRange):
        first, last = _month_year(value.start), _month_year(value.end)
    else:
        first, last = (format_date(d, "short_year", digits="arabic") for d in (value.start, value.end))
    return first if first == last else f"{first} – {last}"


def _fiscal_span(year: int) -> str:
    """The first and last day of fiscal *year*, as a clerk writes them.

    >>> _fiscal_span(2567)
    '1 ต.ค. 2566 – 30 ก.ย. 2567'
    """
    return _thai_range(DateRange(fiscal_year_start(year), fiscal_year_end(year)))


def _period_findings(document: DocumentBase) -> Iterator[Problem]:
    year = getattr(document, "fiscal_year", None)
    if year is None:
        return
    start, end = fiscal_year_start(year), fiscal_year_end(year)
    outside = f"อยู่นอกปีงบประมาณ {year} ({_fiscal_span(year)})"
    for path, value in _periods(document):
        if isinstance(value, DateRange | MonthRange) and (value.start < start or value.end > end):
            yield Problem(Location(path=path), f"ระยะเวลา {_thai_range(value)} {outside}", kind="period")
        elif isinstance(value, QuarterPeriod | FiscalYearPeriod) and value.fiscal_year not in (None, year):
            yield Problem(Location(path=path),
                          f"ระยะเวลาระบุปีงบประมาณ {value.fiscal_year} ในเอกสารปีงบประมาณ {year}", kind="period")
        elif isinstance(value, TextPeriod):  # -- written freely: outside when a month it names is --
            if any(fiscal_year_of(month) != year for _, month in _months_in(value.text)):
                yield Problem(Location(path=path), f"ระยะเวลา '{value.text}' {outside}", kind="period")
    meeting = getattr(document, "meeting", None)
    if meeting is not None and not start <= meeting.date <= end:
        yield Problem(Location(path="meeting.date"),
                      f"วันประชุม {format_date(meeting.date, 'medium', digits='arabic')} {outside}", kind="period")


_DIGIT = "[0-9๐-๙]"
_MONTHS = sorted((*month_names(), *month_names("abbreviated")), key=len, reverse=True)
#: A month and its year written in text: "ม.ค. 2568", "มกราคม ๒๕๖๘", "ต.ค.๖๕".
_MONTH_IN_TEXT = re.compile(rf"(?<![ก-๛])({'|'.join(re.escape(m) for m in _MONTHS)})\s*(?:พ\.ศ\.\s*)?"
                            rf"({_DIGIT}{{4}}|{_DIGIT}{{2}})(?!{_DIGIT})")
#: A year after a word that introduces one: "พ.ศ. 2568", "ปี ๒๕๖๘".
_YEAR_IN_TEXT = re.compile(rf"(?:พ\.ศ\.|ปี(?!งบ))\s*({_DIGIT}{{4}})(?!{_DIGIT})")
_NUMBER = re.compile(rf"(?<![0-9๐-๙.,]){_DIGIT}{{4}}(?![0-9๐-๙]|\.[0-9๐-๙])")


def _months_in(text: str) -> Iterator[tuple[str, date]]:
    """Each month-and-year written in *text*, with the first day of that month.

    >>> [(t, d.isoformat()) for t, d in _months_in("ดำเนินการ ม.ค. 2568 และ ต.ค.๖๕")]
    [('ม.ค. 2568', '2025-01-01'), ('ต.ค.๖๕', '2022-10-01')]
    """
    for match in _MONTH_IN_TEXT.finditer(text):
        number = int(to_arabic_digits(match.group(2)))
        be = 2500 + number if number < 100 else number if number >= 2400 else number + BE_OFFSET
        yield match.group(0), date(be - BE_OFFSET, _month_number(match.group(1)), 1)


def _month_number(name: str) -> int:
    for names in (month_names(), month_names("abbreviated")):
        if name in names:
            return names.index(name) + 1
    raise ValueError(name)  # pragma: no cover -- the pattern only matches these names


#: The fiscal years, before and after the document's own, that a month written in its text
#: may fall in, by kind: a plan's and a report's months are this year's or last year's;
#: an analysis plans the next year too; an annual report looks back further.
DATE_WINDOWS = {"measures_plan": (1, 0), "progress_report": (1, 0), "annual_report": (10, 1)}
DEFAULT_DATE_WINDOW = (1, 1)


def _date_findings(document: DocumentBase) -> Iterator[Problem]:
    """Months and years written in free text that do not belong to the document's year: a
    month outside the kind's :data:`DATE_WINDOWS`, a year after the next one, and a year
    with 543 added twice ("3105" for 2562). Free-text periods are :func:`_period_findings`'."""
    year = getattr(document, "fiscal_year", None)
    if year is None:
        return
    before, after = DATE_WINDOWS.get(document.kind, DEFAULT_DATE_WINDOW)
    periods = {path for path, value in _periods(document) if isinstance(value, TextPeriod)}
    for path, text in document_texts(document):
        if path.startswith("organisation") or path in periods:
            continue
        for written, month in _months_in(text):
            if not year - before <= fiscal_year_of(month) <= year + after:
                yield Problem(Location(path=path),
                              f"ข้อความกล่าวถึง '{written}' ซึ่งอยู่ในปีงบประมาณ {fiscal_year_of(month)} "
                              f"ในเอกสารปีงบประมาณ {year} ({_fiscal_span(year)})", kind="date")
        for match in _YEAR_IN_TEXT.finditer(text):
            mentioned = int(to_arabic_digits(match.group(1)))
            if mentioned > year + 1:
                yield Problem(Location(path=path),
                              f"ข้อความกล่าวถึงปี {mentioned} ซึ่งเลยปีงบประมาณ {year} ไปแล้ว: '{match.group(0)}'",
                              kind="date")
        for match in _NUMBER.finditer(text):
            number = int(to_arabic_digits(match.group(0)))
            if year - 10 <= number - BE_OFFSET <= year + 1:
                yield Problem(Location(path=path),
                              f"'{match.group(0)}' อาจเป็นปี พ.ศ. {number - BE_OFFSET} ที่บวก 543 ซ้ำสองครั้ง",
                              kind="date")


def _periods(value: Any) -> Iterator[tuple[str, Any]]:
    """Every period in a model, with its field path."""
    return _leaves(value, (DateRange, MonthRange, QuarterPeriod, FiscalYearPeriod, TextPeriod))


def _oit_findings(document: DocumentBase) -> Iterator[Problem]:
    if not isinstance(document, OitAssignments) or document.fiscal_year is None:
        return
    known = load_framework(document.fiscal_year).oit_codes()
    if not known:
        return
    for index, item in enumerate(document.items):
        code = to_arabic_digits(item.code).strip().upper().replace(" ", "")
        if code not in known:
            hint = f" (หมายถึง O{int(code)} หรือไม่)" if code.isdigit() else ""
            yield Problem(Location(path=f"items[{index}].code"),
                          f"ไม่มีรหัส OIT '{item.code}' ในกรอบการประเมินปี {document.fiscal_year}{hint}",
                          kind="oit_code")


def _per_part(document: Combined, findings: Callable[[DocumentBase], list[Problem]]) -> list[Problem]:
    """The findings of each part of a combined document, located under ``parts[i]``."""
    return [replace(f, location=Location(path=f"parts[{i}].{f.location.path}"))
            for i, part in enumerate(document.parts) for f in findings(part)]


def text_findings(document: DocumentBase) -> list[Problem]:
    """Findings about the text of *document* (names, years, digits, periods, OIT codes)."""
    if isinstance(document, Combined):
        return _per_part(document, text_findings)
    checks = (_name_findings, _year_findings, _digit_findings, _period_findings, _date_findings, _oit_findings)
    return [finding for check_ in checks for finding in check_(document)]


def _differs(given: Decimal, computed: Decimal) -> bool:
    return abs(Decimal(given) - computed) > TOLERANCE


def _level_finding(path: str, given: str, fiscal_year: int, total: Decimal, figures: YearFigures,
                   what: str) -> Problem | None:
    """A finding if the year's label schemes question *given* (a label of a confirmed rule that
    the total does not reach, or a label the year's documents never print), else None."""
    question = question_level(given, total, figures.tools, load_framework(fiscal_year))
    if question is None:
        return None
    if question.expected is None:
        return Problem(Location(path=path),
                       f"{what} '{given}' ไม่ใช่ระดับที่ใช้ในปี {fiscal_year} ({', '.join(question.labels)})",
                       kind="figure")
    return Problem(Location(path=path),
                   f"{what} '{given}' ไม่ตรงกับคะแนน {total} ซึ่งอยู่ในระดับ '{question.expected}'", kind="figure")


def _plan_figures(plan: MeasuresPlan) -> Iterator[Problem]:
    result = plan.previous_result
    if result.total_score is None or result.level is None:
        return  # -- what is left out is computed; nothing given to compare --
    try:
        figures = previous_result_figures(result)
    except InputError:
        return  # -- not every indicator given: the given figures cannot be checked --
    if result.total_score is not None and _differs(result.total_score, figures.total):
        yield Problem(Location(path="previous_result.total_score"),
                      f"คะแนนรวมที่ระบุ {result.total_score} ต่างจากที่คำนวณได้ {figures.total}", kind="figure")
    for key in ("level", "level_name"):  # -- letters, named, or both, each in its own scheme --
        given = getattr(result, key)
        if given is not None and (finding := _level_finding(f"previous_result.{key}", given, result.fiscal_year,
                                                            Decimal(result.total_score), figures, "ระดับที่ระบุ")):
            yield finding


def _annual_figures(report: AnnualReport) -> Iterator[Problem]:
    comparison = None
    content: list[object] = list(report.content)  # -- the block union is built at run time: narrowed here --
    for index, block in enumerate(content):
        where = f"content[{index}]"
        if isinstance(block, YearComparisonBlock):
            table = block.year_comparison
            comparison = comparison or table
            for g, group in enumerate(table.tools):
                for i, line in enumerate(group.indicators):
                    computed = change(line.previous, line.current).word
                    if line.change is not None and line.change != computed:
                        yield Problem(Location(path=f"{where}.year_comparison.tools[{g}].indicators[{i}].change"),
                                      f"'{line.change}' ไม่ถูก: {line.previous} → {line.current} คือ '{computed}'",
                                      kind="figure")
            try:
                figures = [year_figures(y, comparison_scores(table, w, where), where)
                           for w, y in (("previous", table.previous_year), ("current", table.current_year))]
            except InputError:
                continue  # -- not every indicator given: the given figures cannot be checked --
            for k, year_ in enumerate((table.previous_year, table.current_year)):
                if table.average is not None and _differs(table.average[k], figures[k].total):
                    yield Problem(Location(path=f"{where}.year_comparison.average[{k}]"),
                                  f"คะแนนเฉลี่ยปี {year_} ที่ระบุ {table.average[k]} ต่างจากที่คำนวณได้ {figures[k].total}",
                                  kind="figure")
                total = Decimal(table.average[k]) if table.average else figures[k].total
                if table.level is not None and (finding := _level_finding(
                        f"{where}.year_comparison.level[{k}]", table.level[k], year_, total, figures[k],
                        f"ระดับปี {year_} ที่ระบุ")):
                    yield finding
        elif isinstance(block, StrengthsBlock) and comparison is not None:
            lists = strengths_lists(block.strengths, comparison, where)
            for key, values in zip(("best", "above", "below"), lists):
                given = getattr(block.strengths, key)
                if given is not None and given != values:
                    yield Problem(Location(path=f"{where}.strengths.{key}"),
                                  f"รายการตัวชี้วัดที่ระบุ {given} ต่างจากที่คำนวณได้ {values}", kind="figure")


def figure_findings(document: DocumentBase) -> list[Problem]:
    """Given figures that differ from those computed from the scores and the framework."""
    if isinstance(document, Combined):
        return _per_part(document, figure_findings)
    if isinstance(document, MeasuresPlan):
        return list(_plan_figures(document))
    if isinstance(document, AnnualReport):
        return list(_annual_figures(document))
    return []


def check(source: str | Path | Mapping[str, Any] | DocumentBase) -> list[Problem]:
    """Every finding about *source* (a data file, plain data, or a model), figures first.

    Raises :class:`~ita_docs.errors.InputError` if the data is invalid, or if rendering
    would refuse it (a ``${name}`` without data, an unsafe number pattern …): the view
    of the document is built as ``render`` builds it, so ``check`` passes nothing that
    ``render`` refuses.
    """
    document = load(source)
    file = str(source) if isinstance(source, str | Path) else None
    try:
        _render_view(document)
        findings = figure_findings(document) + text_findings(document)
    except InputError as exc:
        raise exc.with_file(file) if file else exc
    return [f.with_file(file) for f in findings] if file else findings


def _render_view(document: DocumentBase) -> None:
    """Build what ``render`` gives the template, for the errors it raises (the result is not needed)."""
    check_document_formats(document)
    build_view(document)
