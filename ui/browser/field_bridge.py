"""Asks the site's page which kind of field has the focus, so the kiosk's own keyboard comes up for it.

After every touch on the page and every page load, a few lines of script run in
the page's isolated world (the site's own scripts cannot see or change them) and
answer only the kind of the focused field: text, e-mail, number or password, never
what is in it. Asking, rather than having the page call the kiosk through a web
channel, keeps working after a navigation the kiosk refused: Qt resets a page's
channel when a navigation starts, even one that never happens. The keyboard then
types into the page as an input method does (``OnScreenKeyboard.follow_page_field``),
which Chromium treats like a real keyboard: a password field stays masked, and
nothing is predicted or remembered.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWidgets import QWidget

ISOLATED_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
TOUCH_ENDS = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd})
FOCUS_SETTLE_MS = 120  # the page moves its focus on the touch, in its own process, a moment later

# The kind of the focused element, "" when it is not a field to type into (read in isolation).
FOCUSED_KIND = """
(function () {
  var element = document.activeElement;
  while (element && element.shadowRoot && element.shadowRoot.activeElement)
    element = element.shadowRoot.activeElement;
  if (element && element.tagName === "IFRAME") return "";
  if (!element) return "";
  if (element.isContentEditable || element.tagName === "TEXTAREA") return "text";
  if (element.tagName !== "INPUT" || element.readOnly || element.disabled) return "";
  var type = (element.getAttribute("type") || "").toLowerCase();
  var mode = (element.getAttribute("inputmode") || "").toLowerCase();
  if (["text", "search", "email", "url", "tel", "number", "password", ""].indexOf(type) < 0) return "";
  if (type === "password") return "password";
  if (type === "number" || type === "tel" || ["numeric", "decimal", "tel"].indexOf(mode) >= 0)
    return "number";
  if (type === "email" || mode === "email") return "email";
  return "text";
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
    """Asks one page about its focused field; says what it found through two signals."""

    field_focused = Signal(str)  # a FieldKind value
    field_left = Signal()

    def __init__(self, page: QWebEnginePage, view: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.view = view
        page.loadFinished.connect(lambda _ok: self._page_loaded())

    def _page_loaded(self) -> None:
        # The widget that receives the page's touches is remade when the page changes process.
        proxy = self.view.focusProxy()
        if proxy is not None:
            proxy.installEventFilter(self)  # once: Qt never installs the same filter twice
        self.ask()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in TOUCH_ENDS:
            QTimer.singleShot(FOCUS_SETTLE_MS, self, self.ask)
        return False

    def ask(self) -> None:
        """Which field has the focus now? The answer comes back as a signal."""
        self.page.runJavaScript(FOCUSED_KIND, ISOLATED_WORLD, self._answered)

    def _answered(self, kind: object) -> None:
        if isinstance(kind, str) and kind in FieldKind.__members__.values():
            self.field_focused.emit(kind)
        else:
            self.field_left.emit()

    def show_focused_field(self) -> None:
        self.page.runJavaScript(SHOW_FOCUSED_FIELD, ISOLATED_WORLD)
