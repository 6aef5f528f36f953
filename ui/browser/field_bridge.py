"""Tells the kiosk when a field of the site's page takes or loses the focus, so its own keyboard comes up.

A small script runs in the page's isolated world (the site's own scripts cannot see
it or the channel) and reports, through QWebChannel, only the kind of field that
has the focus: text, e-mail, number or password, never what is in it. The kiosk
then types into the page as an input method does (``OnScreenKeyboard.follow_page_field``),
which Chromium treats like a real keyboard: a password field stays masked, and nothing is predicted
or remembered.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QFile, QIODevice, QObject, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

ISOLATED_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld

# Which focused elements are fields to type into, and of which kind (read in the page, in isolation).
FOCUS_SCRIPT = """
(function () {
  var TEXT_TYPES = ["text", "search", "email", "url", "tel", "number", "password", ""];
  function kindOf(element) {
    if (!element) return "";
    if (element.isContentEditable || element.tagName === "TEXTAREA") return "text";
    if (element.tagName !== "INPUT") return "";
    var type = (element.getAttribute("type") || "").toLowerCase();
    if (TEXT_TYPES.indexOf(type) < 0 || element.readOnly || element.disabled) return "";
    var mode = (element.getAttribute("inputmode") || "").toLowerCase();
    if (type === "password") return "password";
    if (type === "number" || type === "tel" || mode === "numeric" || mode === "decimal" || mode === "tel")
      return "number";
    if (type === "email" || mode === "email") return "email";
    return "text";
  }
  new QWebChannel(qt.webChannelTransport, function (channel) {
    var kiosk = channel.objects.kiosk_fields;
    document.addEventListener("focusin", function (event) {
      var kind = kindOf(event.target);
      if (kind) { kiosk.focused(kind); } else { kiosk.left(); }
    }, true);
    document.addEventListener("focusout", function () {
      setTimeout(function () { if (!kindOf(document.activeElement)) kiosk.left(); }, 0);
    }, true);
    var active = kindOf(document.activeElement);
    if (active) kiosk.focused(active);
  });
})();
"""
# After the keyboard came up and the page shrank: the field being typed into stays in sight.
SHOW_FOCUSED_FIELD = (
    "document.activeElement && document.activeElement.scrollIntoView"
    " && document.activeElement.scrollIntoView({block: 'center'});"
)


class FieldKind(StrEnum):
    TEXT = "text"
    EMAIL = "email"
    NUMBER = "number"
    PASSWORD = "password"  # noqa: S105 - the kind of a field, not a password


class FieldBridge(QObject):
    """The page's end of the channel: slots the isolated script calls, signals the panel listens to."""

    field_focused = Signal(str)  # a FieldKind value
    field_left = Signal()

    def __init__(self, page: QWebEnginePage) -> None:
        super().__init__(page)
        self.page = page
        channel = QWebChannel(page)
        channel.registerObject("kiosk_fields", self)
        page.setWebChannel(channel, ISOLATED_WORLD)
        script = QWebEngineScript()
        script.setName("kiosk-fields")
        script.setSourceCode(_channel_library() + FOCUS_SCRIPT)
        script.setWorldId(ISOLATED_WORLD)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
        script.setRunsOnSubFrames(True)
        page.scripts().insert(script)

    @Slot(str)
    def focused(self, kind: str) -> None:
        if kind in FieldKind.__members__.values():
            self.field_focused.emit(kind)

    @Slot()
    def left(self) -> None:
        self.field_left.emit()

    def show_focused_field(self) -> None:
        self.page.runJavaScript(SHOW_FOCUSED_FIELD, ISOLATED_WORLD)


def _channel_library() -> str:
    """Qt's own qwebchannel.js, from its resources (nothing fetched, nothing written)."""
    library = QFile(":/qtwebchannel/qwebchannel.js")
    if not library.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt WebChannel's script is missing from this Qt installation")
    try:
        return bytes(library.readAll().data()).decode("utf-8")
    finally:
        library.close()
