"""The browser app in a real headless Chromium (Debian's), driven by Playwright: a clerk
uploads a filled workbook, sees its pages, downloads the .docx; a wrong date shows its cell."""
from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import docx
import pytest

from ita_docs import load
from tests.conftest import SAMPLES
from tests.web.conftest import NONGMUANG, chromium_or_skip, soffice_or_skip, workbook_of, wrong_date_workbook

pytestmark = pytest.mark.slow

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
#: One filled workbook of each kind the samples have, and a text its document must hold.
SAMPLE_TEXTS = {
    "nongmuang-2566-measures": "เทศบาลตำบลหนองม่วง",
    "krut-2566-progress": "เทศบาลตำบลกรูด",
    "satengnok-2566-analysis": "เทศบาลเมืองสะเตงนอก",
    "ronthong-2564-report": "องค์การบริหารส่วนตำบลร่อนทอง",
    "sanmaket-2565-progress": "เทศบาลตำบลสันมะเค็ด",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_or_skip()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is missing (CI is set): pip install -e '.[test,web]'")
        pytest.skip("needs playwright (the test extra)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport=PHONE, accept_downloads=True, locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(180_000)
    elsewhere: list[str] = []
    page.on("request", lambda r: elsewhere.append(r.url) if urlsplit(r.url).scheme in ("http", "https")
            and not r.url.startswith(server.url) else None)
    page.goto(server.url + "/")
    yield page
    context.close()
    assert elsewhere == [], f"the app asked another site for {elsewhere}"


def _docx_text(path) -> str:
    from ita_docs.rendering.linebreak import strip_joiners

    document = docx.Document(str(path))
    return strip_joiners("\n".join([p.text for p in document.paragraphs]
                                    + [c.text for t in document.tables for r in t.rows for c in r.cells]))


@pytest.mark.parametrize("stem", list(SAMPLE_TEXTS))
def test_upload_see_pages_download_docx(page, tmp_path, stem):
    soffice_or_skip()
    book = workbook_of(SAMPLES / f"{stem}.yaml", tmp_path)
    page.set_input_files("#file", str(book))
    page.click("#check")
    page.wait_for_selector("#pages img.page")
    images = page.locator("#pages img.page")
    assert images.count() >= 1
    assert images.first.evaluate("img => img.complete && img.naturalWidth > 100")
    assert "หน้า" in page.text_content("#preview-status")
    with page.expect_download() as info:
        page.click("#download-docx")
    download = info.value
    kind = load(book).kind
    assert download.suggested_filename.endswith(f"-{kind}.docx")
    assert download.suggested_filename.startswith(SAMPLE_TEXTS[stem])
    target = tmp_path / "downloaded.docx"
    download.save_as(target)
    assert SAMPLE_TEXTS[stem] in _docx_text(target)


@pytest.mark.parametrize("kind", ["committee_order", "oit_assignments", "combined"])
def test_kinds_without_a_sample_from_their_blank_workbook(page, client, tmp_path, kind):
    soffice_or_skip()
    book = tmp_path / f"{kind}.xlsx"
    book.write_bytes(client.get(f"/api/v1/blank/{kind}?format=xlsx").content)  # -- its example rows --
    page.set_input_files("#file", str(book))
    page.click("#check")
    page.wait_for_selector("#pages img.page")
    with page.expect_download() as info:
        page.click("#download-docx")
    assert info.value.suggested_filename.endswith(f"-{kind}.docx")
    target = tmp_path / "downloaded.docx"
    info.value.save_as(target)
    from ita_docs import render

    expected = render(load(book), tmp_path / "expected.docx")
    assert _docx_text(target) == _docx_text(expected) and _docx_text(target).strip()


def test_wrong_date_shows_its_cell(page, tmp_path):
    bad, cell = wrong_date_workbook(tmp_path)
    page.set_input_files("#file", str(bad))
    page.click("#check")
    page.wait_for_selector("#problems:not([hidden]) #problem-rows tr")
    row = page.locator("#problem-rows tr").first
    assert row.locator("td.where").text_content() == cell
    assert "31 ก.พ. 2566" in row.locator("td").nth(1).text_content()
    assert page.is_hidden("#result")
    assert "พบปัญหา" in page.text_content("#status")


def test_blank_workbook_and_yearly_cycle(page, tmp_path):
    page.select_option("#kind", "measures_plan")
    page.fill("#year", "2568")
    with page.expect_download() as info:
        page.click("#blank")
    blank = tmp_path / info.value.suggested_filename
    info.value.save_as(blank)
    assert blank.name == "measures_plan-2568-blank.xlsx" and load(blank).fiscal_year == 2568

    plan = workbook_of(NONGMUANG, tmp_path)
    page.set_input_files("#file", str(plan))
    page.click("#check")
    page.wait_for_selector("#result:not([hidden])")
    with page.expect_download() as info:
        page.click("#followup")
    report = tmp_path / "followup.xlsx"
    info.value.save_as(report)
    assert info.value.suggested_filename == "เทศบาลตำบลหนองม่วง-2566-progress_report.xlsx"
    assert load(report).kind == "progress_report"
    with page.expect_download() as info:
        page.click("#next-year")
    later = tmp_path / "next.xlsx"
    info.value.save_as(later)
    assert load(later).fiscal_year == 2567
    page.wait_for_selector("#review:not([hidden]) li")
    assert "ผลการประเมิน ITA ปี 2566" in page.text_content("#review")


def test_fits_a_phone_screen(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    assert page.is_visible("#check") and page.is_visible("#blank")
