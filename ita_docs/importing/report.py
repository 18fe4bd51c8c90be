"""What an import did: which table became what, which heading matched which variant,
what was kept as free text, and what could not be placed (each naming where it was)."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ImportReport", "TableNote"]


@dataclass
class TableNote:
    """One table of the source: where it was, what it became, and how its headings were read."""

    where: str
    became: str
    #: (heading, field or None for an extra column, the variant matched)
    headings: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    reason: str | None = None
    joined: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """The report of one import, in Thai lines by :meth:`lines`."""

    source: str
    kind: str = ""
    kind_reason: str = ""
    organisation: str = ""
    fiscal_year: int | None = None
    digits: str = "thai"
    tables: list[TableNote] = field(default_factory=list)
    free: list[str] = field(default_factory=list)
    recognised: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as lines of Thai text (what ``ita-docs import`` prints)."""
        out = [f"ชนิดเอกสาร: {self.kind} ({self.kind_reason})",
               f"หน่วยงาน: {self.organisation or '-'}  ปีงบประมาณ: {self.fiscal_year or '-'}  ตัวเลข: {self.digits}"]
        out += [f"พบ: {line}" for line in self.recognised]
        for note in self.tables:
            line = f"{note.where} → {note.became}"
            if note.joined:
                line += f" (รวมกับ {', '.join(note.joined)} ที่ต่อหน้า)"
            if note.reason:
                line += f" เพราะ {note.reason}"
            out.append(line)
            for heading, name, variant in note.headings:
                if name is None:
                    out.append(f"    คอลัมน์ {heading!r} → คอลัมน์เพิ่มเติม (ไม่รู้จักหัวคอลัมน์นี้)")
                elif variant and variant != heading:
                    out.append(f"    คอลัมน์ {heading!r} → {name} (ตรงกับ {variant!r})")
                else:
                    out.append(f"    คอลัมน์ {heading!r} → {name}")
        out += [f"ข้อความอิสระ: {line}" for line in self.free]
        out += [f"ไม่นำเข้า: {line}" for line in self.ignored]
        out += [f"คำเตือน: {line}" for line in self.warnings]
        return out
