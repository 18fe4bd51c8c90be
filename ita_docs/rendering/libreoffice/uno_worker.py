"""A long-lived LibreOffice worker: run by a Python that can ``import uno`` (Debian's
python3-uno, LibreOffice's own ``program/python``), never imported by ita-docs itself.

    python3 uno_worker.py SOFFICE PROFILE_URL PIPE_NAME

It starts LibreOffice (in the caller's process group: the caller started this script in
a group of its own and ends the whole group), connects to it over a named pipe, says
``{"ready": true}`` on stdout, then reads one request a line on stdin::

    {"source": "/in/a.docx", "target": "/out/a.pdf", "pdf_version": 0, "numerals": 3}

and for each sets LibreOffice's CTLTextNumerals to ``numerals`` when given and not set
already (3: Thai-language text draws Thai digits, 0: Arabic; a configuration change a
newly opened document follows, so one worker serves both digit forms), opens the file hidden, updates its indexes (the table of contents and its
page numbers: ``--convert-to`` leaves them empty), exports a tagged PDF (``pdf_version``
2 = PDF/A-2b) and answers ``{"ok": true}`` or ``{"ok": false, "error": "..."}``. At the
end of stdin it ends LibreOffice and exits. If LibreOffice itself goes away it answers
``{"ok": false, "fatal": true, ...}`` and exits, and the caller starts a new worker.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

CONNECT_SECONDS = 120


def _props(**values: Any) -> tuple[Any, ...]:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    found = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        found.append(prop)
    return tuple(found)


def _answer(**reply: Any) -> None:
    sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _connect(soffice: subprocess.Popen[bytes], pipe: str) -> Any:
    """LibreOffice's component context, once it listens on *pipe*."""
    import uno  # type: ignore[import-not-found]

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # -- NoConnectException until LibreOffice listens --
            if soffice.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class _Numerals:
    """LibreOffice's CTLTextNumerals setting (``/org.openoffice.Office.Common/I18N/CTL``), changed when asked."""

    NODE = "/org.openoffice.Office.Common/I18N/CTL"

    def __init__(self, context: Any) -> None:
        self._provider = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context)
        # -- the profile's value: nothing is changed until a file asks for the other --
        self._current = int(self._provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", _props(nodepath=self.NODE)).CTLTextNumerals)

    def set(self, value: int) -> None:
        if value == self._current:
            return
        access = self._provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", _props(nodepath=self.NODE))
        access.setPropertyValue("CTLTextNumerals", value)
        access.commitChanges()
        self._current = value


def _convert(desktop: Any, request: dict[str, Any], numerals: _Numerals) -> None:
    import uno

    if "numerals" in request:
        numerals.set(int(request["numerals"]))

    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request["source"]), "_blank", 0,
                                       _props(Hidden=True))
    if doc is None:
        raise RuntimeError("LibreOffice opened nothing")
    try:
        indexes = doc.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        data = uno.Any("[]com.sun.star.beans.PropertyValue",
                       _props(UseTaggedPDF=True, SelectPdfVersion=int(request.get("pdf_version", 0))))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(request["target"]),
                                       _props(FilterName="writer_pdf_Export", FilterData=data)))
    finally:
        doc.close(True)


def main(argv: list[str]) -> int:
    soffice_path, profile_url, pipe = argv
    soffice = subprocess.Popen([soffice_path, f"-env:UserInstallation={profile_url}", "--headless", "--invisible",
                                "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = _connect(soffice, pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        numerals = _Numerals(context)
    except Exception as exc:  # noqa: BLE001 - said to the caller, which reports it
        _answer(ready=False, error=f"{type(exc).__name__}: {exc}")
        return 1
    _answer(ready=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            _convert(desktop, json.loads(line), numerals)
        except Exception as exc:  # noqa: BLE001 - one document's failure, or LibreOffice gone
            gone = soffice.poll() is not None or "Disposed" in type(exc).__name__
            _answer(ok=False, fatal=gone, error=f"{type(exc).__name__}: {exc}")
            if gone:
                return 1
        else:
            _answer(ok=True)
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001 - the bridge closes as LibreOffice ends
        pass
    try:
        soffice.wait(timeout=10)
    except subprocess.TimeoutExpired:
        soffice.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
