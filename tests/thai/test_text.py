import pytest

from ita_docs.thai import clean_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("บรรทัดหนึ่ง\x0bบรรทัดสอง", "บรรทัดหนึ่ง\nบรรทัดสอง"),   # Excel's line break
        ("a\r\nb\rc", "a\nb\nc"),
        ("ผล\x00\x07\x1f\x0c", "ผล"),                           # forbidden in XML 1.0
        ("ก\u0e4d\u0e32หนด", "กำหนด"),                           # nikhahit + sara aa → sara am
        ("e\u0301", "\u00e9"),                                   # NFC
        ("R&D <ก> {{ x }} \t tab", "R&D <ก> {{ x }} \t tab"),    # nothing else changes
        ("https://x.go.th/?doc=13797", "https://x.go.th/?doc=13797"),
        ("😀 عربي", "😀 عربي"),
    ],
)
def test_clean_text(text, expected):
    assert clean_text(text) == expected
