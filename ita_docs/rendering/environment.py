"""The one Jinja environment every template renders in: sandboxed, autoescaped, strict.

Templates may be untrusted (a clerk's own copy), so they run in Jinja's sandbox with
autoescape on (docxtpl's default is off, and an '&' then corrupts the document) and
``StrictUndefined`` (a misspelt variable is an error, not an empty string).
Values reach templates already formatted; the filters serve custom templates.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from jinja2 import StrictUndefined, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..thai import convert_digits, format_date, format_fiscal_year

__all__ = ["make_environment"]


@pass_context
def _digits(context: Context, value: Any) -> str:
    """``{{ x|digits }}``: the value in the document's digit form."""
    return convert_digits(str(value), context.get("digits", "thai"))


@pass_context
def _thai_date(context: Context, value: date, style: str = "long") -> str:
    """``{{ d|thai_date('short') }}``: a Buddhist-era date."""
    return format_date(value, style, digits=context.get("digits", "thai"))


@pass_context
def _fiscal_year(context: Context, value: int, style: str = "short") -> str:
    """``{{ 2566|fiscal_year }}`` → ปีงบประมาณ ๒๕๖๖."""
    return format_fiscal_year(int(value), style, digits=context.get("digits", "thai"))


FILTERS = {"digits": _digits, "thai_date": _thai_date, "fiscal_year": _fiscal_year}


def make_environment() -> ImmutableSandboxedEnvironment:
    """Build the sandboxed environment with ita-docs' filters."""
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env
