"""The compiled template: cached and fresh renders give the same bytes; thread-safe."""
from __future__ import annotations

import threading

from ita_docs import load
from ita_docs.rendering.compiled import CompiledTemplate, compiled_template
from ita_docs.rendering.document import render_bytes
from ita_docs.rendering.templates import bundled_template
from tests.conftest import NONGMUANG, SAMPLES


def test_cached_and_fresh_renders_give_identical_bytes(monkeypatch):
    import ita_docs.rendering.document as document_module

    for stem in ("nongmuang-2566-measures", "krut-2566-progress", "satengnok-2566-analysis"):
        document = load(SAMPLES / f"{stem}.yaml")
        cached = render_bytes(document)
        assert render_bytes(document) == cached  # -- the same twice from the cache --
        monkeypatch.setattr(document_module, "compiled_template",
                            lambda path: CompiledTemplate(path))  # -- compiled afresh --
        assert render_bytes(document) == cached
        monkeypatch.undo()


def test_the_template_is_compiled_once():
    path = bundled_template("measures_plan")
    assert compiled_template(path) is compiled_template(path)


def test_rendering_from_threads_gives_the_same_bytes():
    document = load(NONGMUANG)
    expected = render_bytes(document)
    results: list[bytes] = []

    def work() -> None:
        for _ in range(3):
            results.append(render_bytes(document))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 12 and set(results) == {expected}


def test_tags_in_the_document_properties_are_rendered(tmp_path):
    import docx

    from ita_docs import render

    template = docx.Document(str(bundled_template("measures_plan")))
    template.core_properties.title = "{{ subtitle }}"
    template.core_properties.subject = "A & B {{ title }}"
    template.save(str(tmp_path / "mine.docx"))
    out = render(NONGMUANG, tmp_path / "out.docx", template=tmp_path / "mine.docx")
    properties = docx.Document(str(out)).core_properties
    assert properties.title == "เทศบาลตำบลหนองม่วง อำเภอหนองม่วง จังหวัดลพบุรี"
    assert properties.subject.startswith("A & B มาตรการส่งเสริมคุณธรรมและความโปร่งใส")
