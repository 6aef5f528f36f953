"""The simulated site, drawn inside a fake browser: its pages and fields, the watermark, the tabs.

It looks like the kind of page people meet (a header, a form, the real words on
the buttons) but never like the real sites: its own plain colours, the kiosk's
font (never the State's Marianne or its design system), an address ending in
``.simulation`` and, over everything, a watermark saying it is an exercise, in
the person's language. The site's own texts stay in French, like the real ones.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.field_kinds import FieldKind
from kiosk.content.practice_sites import PracticeField, PracticeKind, PracticePage
from kiosk.i18n import bidi
from kiosk.i18n.translation import N_, _
from kiosk.practice.run import PhonePhoto
from ui import theme
from ui.practice.phone import MessageList, PhoneGallery, megabytes
from ui.screens.base import scroll_area
from ui.unlock_dialog import secret_field
from ui.widgets import pictograms
from ui.widgets.blocks import PictogramButton, text_label

SITE_HEADER = "#22313A"  # slate, white text: neither the State's blue nor a real site's colours
SITE_TEXT = "#1B1B1B"
SITE_BACKGROUND = "#FFFFFF"
SITE_ERROR = "#7A1212"
SITE_LINK = "#1D4B57"
SITE_BUTTON = "#22313A"
WATERMARK = QColor(155, 28, 28, 60)
WATERMARK_TEXT = N_("EXERCICE · SIMULATION")
CHECKED = "yes"
PAGE_ROOM_PX = 200  # the least height the page keeps beside the fake browser's tabs (a field and its label)
TAB_ROW_MARGINS_PX = 16
Hint = Qt.InputMethodHint
# What each kind of typed field takes, said as Qt's input-method hints: the on-screen keyboard opens
# on digits for numbers and codes, on the French letters for what French sites take in Latin letters
# only (e-mail, passwords, the captcha), on the person's own letters for the rest (a name, a town).
TYPED_WITH: dict[str, Hint] = {
    FieldKind.TEXT: Hint.ImhNone,
    FieldKind.NIR: Hint.ImhPreferNumbers,  # digits, and 2A/2B for Corsica
    FieldKind.TAX_NUMBER: Hint.ImhDigitsOnly,
    FieldKind.CAF_NUMBER: Hint.ImhDigitsOnly,
    FieldKind.FRANCE_TRAVAIL_ID: Hint.ImhPreferNumbers,  # 7 digits and a letter, or 11 digits
    FieldKind.IBAN: Hint.ImhPreferNumbers,  # FR, then digits
    FieldKind.EMAIL: Hint.ImhEmailCharactersOnly,
    FieldKind.MOBILE_PHONE: Hint.ImhDialableCharactersOnly,
    FieldKind.PHONE: Hint.ImhDialableCharactersOnly,
    FieldKind.POSTAL_CODE: Hint.ImhDigitsOnly,
    FieldKind.DATE: Hint.ImhDate | Hint.ImhPreferNumbers,
    FieldKind.BIRTH_DATE: Hint.ImhDate | Hint.ImhPreferNumbers,
    FieldKind.AMOUNT: Hint.ImhFormattedNumbersOnly,
    FieldKind.PASSWORD: Hint.ImhLatinOnly,
    PracticeKind.CONFIRMATION_CODE: Hint.ImhDigitsOnly,
    PracticeKind.CAPTCHA: Hint.ImhLatinOnly,
}

SITE_STYLE = f"""
#SimulatedSite {{ background: {SITE_BACKGROUND}; border: 3px solid {SITE_HEADER}; }}
#SimulatedSite QLabel {{ color: {SITE_TEXT}; }}
#SiteHeader {{ background: {SITE_HEADER}; }}
#SiteHeader QLabel {{ color: #FFFFFF; font-weight: bold; }}
#AddressBar {{ background: {theme.BAR}; border-bottom: 2px solid {SITE_HEADER}; }}
#SimulatedSite QLabel[site="heading"] {{ font-size: 30px; font-weight: bold; }}
#SimulatedSite QLabel[site="error"] {{ color: {SITE_ERROR}; font-weight: bold; }}
#SimulatedSite QLineEdit {{
    background: #FFFFFF; border: 2px solid {SITE_TEXT}; border-radius: 4px; padding: 4px 8px;
    min-height: 56px;
}}
#SimulatedSite QLineEdit[invalid="true"] {{ border: 4px solid {SITE_ERROR}; }}
#SimulatedSite QWidget[shown_to_person="true"] {{ background: {theme.HIGHLIGHT}; }}
#SimulatedSite QPushButton[site="submit"] {{
    background: {SITE_BUTTON}; color: #FFFFFF; border: none; border-radius: 4px; font-weight: bold;
}}
#SimulatedSite QPushButton[site="link"] {{
    background: transparent; color: {SITE_LINK}; border: none; text-decoration: underline;
}}
#SimulatedSite QCheckBox {{ min-height: {theme.MIN_TOUCH}px; spacing: 16px; }}
#SimulatedSite QCheckBox::indicator {{ width: 48px; height: 48px; }}
"""


WRAP = Qt.TextFlag.TextWordWrap
PADDING = QSize(19, 11)  # the theme's padding and border around a button's words, each side


def french_lines(alignment: Qt.AlignmentFlag) -> QTextOption:
    """Wrapped lines of the site's French words, left to right even in a mirrored kiosk."""
    option = QTextOption(alignment)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    return option


def words_height(metrics: QFontMetrics, text: str, width: int) -> int:
    return metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), int(WRAP), text).height()


def longest_word(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0)


def wrapping_policy() -> QSizePolicy:
    """Narrower than its one line if need be, and as tall as its wrapped lines."""
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)
    return policy


class SiteButton(QPushButton):
    """A site's button or link whose words wrap, as a browser wraps them in a narrow page:
    a plain QPushButton keeps one line and, squeezed, showed « ocatai » for « Locataire »."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setSizePolicy(wrapping_policy())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = self.fontMetrics().horizontalAdvance(self.text()) + 2 * PADDING.width() + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = longest_word(self.fontMetrics(), self.text()) + 2 * PADDING.width() + 2
        return QSize(width, theme.MIN_TOUCH)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        words = words_height(self.fontMetrics(), self.text(), width - 2 * PADDING.width())
        return max(theme.MIN_TOUCH, words + 2 * PADDING.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text, option.text = option.text, ""
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        inside = self.rect().adjusted(PADDING.width(), PADDING.height(), -PADDING.width(), -PADDING.height())
        painter.drawText(QRectF(inside), text, french_lines(Qt.AlignmentFlag.AlignCenter))


class SiteCheckBox(QCheckBox):
    """A site's check box whose words wrap beside the box (« Je certifie sur l'honneur... »)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setSizePolicy(wrapping_policy())

    def _text_left(self) -> int:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        box = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, self)
        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, option, self)
        return box.right() + 1 + spacing

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = self._text_left() + self.fontMetrics().horizontalAdvance(self.text()) + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._text_left() + longest_word(self.fontMetrics(), self.text()) + 2, theme.MIN_TOUCH)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return max(theme.MIN_TOUCH, words_height(self.fontMetrics(), self.text(), width - self._text_left()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text, option.text = option.text, ""
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        left = self._text_left()
        painter.drawText(
            QRectF(left, 0, self.width() - left, self.height()),
            text,
            french_lines(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        )


def site_button(text: str, role: str = "") -> QPushButton:
    """A button of the simulated site, named for screen readers as the site would name it.

    Its words are a left-to-right isolate: a button paints in the application's direction,
    and the mirrored kiosk showed « ? Mot de passe oublié »."""
    button = SiteButton(bidi.left_to_right(text))
    button.setAccessibleName(text)
    button.setAccessibleDescription("Sur le site d'exercice.")
    if role:
        button.setProperty("site", role)
    return button


def bold_font(pixel_size: int) -> QFont:
    """The kiosk's own font, bold: what the site paints itself (a captcha, the watermark)."""
    font = QFont(theme.FONT_FAMILIES[0])
    font.setPixelSize(pixel_size)
    font.setBold(True)
    return font


def captcha_pixmap(text: str, width: int = 300, height: int = 90) -> QPixmap:
    """The characters to copy, tilted and crossed by lines as captchas are, but still readable."""
    rng = random.Random(text)  # noqa: S311 - the drawing's jitter, the same for the same text; not a secret
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor("#F1EEE6"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(bold_font(48))
    step = width / (len(text) + 1)
    for index, letter in enumerate(text):
        painter.save()
        painter.translate(step * (index + 0.6), height * 0.7)
        painter.rotate(rng.uniform(-18, 18))
        painter.setPen(QColor(SITE_TEXT))
        painter.drawText(QPointF(0, 0), letter)
        painter.restore()
    painter.setPen(QPen(QColor("#6B6B6B"), 2))
    for _line in range(4):
        painter.drawLine(QPointF(0, rng.uniform(0, height)), QPointF(width, rng.uniform(0, height)))
    painter.end()
    return pixmap


class Watermark(QWidget):
    """The exercise watermark over the whole simulated site: never mistakable for the real one."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(bold_font(56))
        painter.setPen(WATERMARK)
        text = _(WATERMARK_TEXT)
        painter.translate(self.width() / 2, self.height() / 2)
        painter.rotate(-20)
        for offset in (-1, 0, 1):
            rect = QRectF(-self.width(), offset * self.height() / 2.5 - 40, 2 * self.width(), 80)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class SiteField(QWidget):
    """One field of a simulated page: its label, what is typed or chosen, and the site's error."""

    upload_requested = Signal(str)

    def __init__(self, practice_field: PracticeField, captcha: str) -> None:
        super().__init__()
        self.field = practice_field
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        kind = practice_field.kind
        self.editor: QLineEdit | None = None
        self.checkbox: QCheckBox | None = None
        self.choices: list[QPushButton] = []
        self.photo_label: QLabel | None = None
        if kind == PracticeKind.CHECKBOX:
            self.checkbox = SiteCheckBox(bidi.left_to_right(practice_field.label))  # as site_button
            self.checkbox.setObjectName(practice_field.id)
            self.checkbox.setAccessibleName(practice_field.label)
            self.checkbox.setAccessibleDescription("Une case à cocher du site d'exercice.")
            layout.addWidget(self.checkbox)
        else:
            label = text_label()
            label.setText(practice_field.label + ("" if practice_field.optional else " *"))
            layout.addWidget(label)
        if kind == PracticeKind.CAPTCHA:
            picture = QLabel()
            picture.setPixmap(captcha_pixmap(captcha))
            layout.addWidget(picture)
        if kind == PracticeKind.CHOICE:
            for option in practice_field.options:  # one under the other: each keeps its words whole
                button = site_button(option)
                button.setCheckable(True)
                button.setAutoExclusive(True)
                layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)
                self.choices.append(button)
        elif kind == PracticeKind.UPLOAD:
            choose = site_button("Choisir un fichier")
            choose.clicked.connect(lambda: self.upload_requested.emit(practice_field.id))
            self.photo_label = text_label()
            self.photo_label.setText("Aucun fichier choisi")
            accepted = ", ".join(ext.upper() for ext in practice_field.accept)
            hint = text_label()
            hint.setText(
                f"Formats acceptés : {accepted}. Taille maximum : {megabytes(practice_field.max_bytes)}."
            )
            row = QHBoxLayout()
            row.addWidget(choose)
            row.addWidget(self.photo_label, 1)
            layout.addLayout(row)
            layout.addWidget(hint)
        elif kind != PracticeKind.CHECKBOX:
            self.editor = secret_field() if practice_field.credential else QLineEdit()
            self.editor.setObjectName(practice_field.id)
            self.editor.setAccessibleName(practice_field.label)
            self.editor.setInputMethodHints(self.editor.inputMethodHints() | TYPED_WITH[kind])
            layout.addWidget(self.editor)
        self.error = text_label()
        self.error.setProperty("site", "error")
        self.error.hide()
        layout.addWidget(self.error)

    def value(self) -> str:
        if self.checkbox is not None:
            return CHECKED if self.checkbox.isChecked() else ""
        if self.choices:
            # The option's own words (its caption is isolated for direction: see site_button).
            return next((b.accessibleName() for b in self.choices if b.isChecked()), "")
        return self.editor.text() if self.editor is not None else ""

    def set_value(self, value: str) -> None:
        if self.checkbox is not None:
            self.checkbox.setChecked(value == CHECKED)
        elif self.editor is not None:
            self.editor.setText(value)

    def set_photo(self, photo: PhonePhoto) -> None:
        if self.photo_label is not None:
            self.photo_label.setText(f"{photo.file_name} ({megabytes(photo.size_bytes)})")

    def clear_credential(self) -> None:
        """Sites empty a password box after each try; so does the simulation, and nothing stays."""
        if self.field.credential and self.editor is not None:
            self.editor.clear()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if self.editor is not None:
            self._set_state(self.editor, "invalid", True)

    def clear_error(self) -> None:
        self.error.hide()
        if self.editor is not None:
            self._set_state(self.editor, "invalid", False)
        self.set_shown_to_person(False)

    def set_shown_to_person(self, shown: bool) -> None:
        """ "Show me": the field stands out while the kiosk explains it."""
        self._set_state(self, "shown_to_person", shown)

    @staticmethod
    def _set_state(widget: QWidget, name: str, on: bool) -> None:
        widget.setProperty(name, "true" if on else "false")
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class SitePage(QWidget):
    """One page of the simulated site, built from its content."""

    sent = Signal()
    link_followed = Signal(object)  # a PracticeLink

    def __init__(self, page: PracticePage, captcha: str, notice: str = "") -> None:
        super().__init__()
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        if notice:  # a message from the site above the page (the session expired)
            banner = text_label()
            banner.setProperty("site", "error")
            banner.setText(notice)
            layout.addWidget(banner)
        heading = text_label()
        heading.setProperty("site", "heading")
        heading.setText(page.heading)
        layout.addWidget(heading)
        if page.text:
            text = text_label()
            text.setText(page.text)
            layout.addWidget(text)
        self.fields: dict[str, SiteField] = {}
        for practice_field in page.fields:
            view = SiteField(practice_field, captcha)
            self.fields[practice_field.id] = view
            layout.addWidget(view)
        self.submit = site_button(page.button, "submit")
        self.submit.clicked.connect(self.sent.emit)
        layout.addWidget(self.submit, 0, Qt.AlignmentFlag.AlignLeading)
        for link in page.links:
            button = site_button(link.label, "link")
            button.clicked.connect(lambda _checked=False, link=link: self.link_followed.emit(link))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addStretch(1)


class BrowserFrame(QFrame):
    """A fake browser: the fake address, three tabs (the site, the mailbox, the phone) and the watermark."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("SimulatedSite")
        self.setStyleSheet(SITE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.tabs = {
            # The bar's role: the size of the bar's words at every text size, so « Messagerie » stays whole.
            "site": PictogramButton("mdi6.web", role="bar", vertical=True, icon_px=28),
            "email": PictogramButton("mdi6.email-outline", role="bar", vertical=True, icon_px=28),
            "phone": PictogramButton("mdi6.cellphone", role="bar", vertical=True, icon_px=28),
        }
        tab_row = QHBoxLayout()
        tab_row.setContentsMargins(8, 8, 8, 8)  # TAB_ROW_MARGINS_PX
        tab_row.setSpacing(8)
        for name, tab in self.tabs.items():
            tab.clicked.connect(lambda _checked=False, name=name: self.show_tab(name))
            tab_row.addWidget(tab, 1)
        layout.addLayout(tab_row)
        bar = QFrame()
        bar.setObjectName("AddressBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(12, 4, 12, 4)
        self.address_icon = QLabel()
        self.address_icon.setPixmap(pictograms.pixmap("mdi6.school-outline", theme.TEXT, 28))
        self.address = text_label(wrap=False)
        bar_layout.addWidget(self.address_icon)
        bar_layout.addWidget(self.address, 1)
        layout.addWidget(bar)
        header = QFrame()
        header.setObjectName("SiteHeader")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(24, 10, 24, 10)
        self.site_name = text_label()
        header_layout.addWidget(self.site_name)
        layout.addWidget(header)
        self._bars = (bar, header)  # always shown: the fake address says it is an exercise
        self.pages = QStackedWidget()
        self.page_holder = QWidget()
        self.page_layout = QVBoxLayout(self.page_holder)
        self.page_layout.setContentsMargins(0, 0, 0, 0)
        self.page_area = scroll_area(self.page_holder)
        self.mailbox = MessageList("email")
        self.phone_messages = MessageList("sms")
        self.gallery = PhoneGallery()
        phone = QWidget()
        phone_layout = QVBoxLayout(phone)
        phone_layout.addWidget(self.phone_messages)
        phone_layout.addWidget(self.gallery)
        self.phone_area = scroll_area(phone)
        for view in (self.page_area, scroll_area(self.mailbox), self.phone_area):
            self.pages.addWidget(view)
        layout.addWidget(self.pages, 1)
        self.watermark = Watermark(self)

    def retranslate(self) -> None:
        self.tabs["site"].set_text(_("Le site"), _("Revenir sur la page du site d'exercice."))
        self.tabs["email"].set_text(_("Messagerie"), _("Ouvrir la boîte e-mail d'exercice."))
        self.tabs["phone"].set_text(_("Téléphone"), _("Ouvrir le téléphone d'exercice : SMS et photos."))
        self.fit_tabs()
        self.watermark.update()

    def show_tab(self, name: str) -> None:
        self.pages.setCurrentIndex(list(self.tabs).index(name))
        for tab_name, tab in self.tabs.items():
            tab.set_selected(tab_name == name)
        self.fit_tabs()  # polishing a tab gives it back the style sheet's minimum height

    def current_tab(self) -> str:
        return list(self.tabs)[self.pages.currentIndex()]

    def fit_tabs(self) -> None:
        """A row of tabs does not grow for a name on two lines by itself: make room for the longest."""
        height = max(tab.heightForWidth(tab.width()) for tab in self.tabs.values())
        for tab in self.tabs.values():
            tab.setMinimumHeight(height)

    def make_room_for_page(self) -> None:
        """Above the on-screen keyboard the frame is short: its tabs give their height to the page.

        The field typed into then shows with its label; the tabs come back with the keyboard gone
        (touching one hides the keyboard, since a tab takes the focus)."""
        bars = sum(bar.height() for bar in self._bars)
        tabs = max(tab.minimumHeight() for tab in self.tabs.values()) + TAB_ROW_MARGINS_PX
        roomy = self.height() - bars - tabs >= PAGE_ROOM_PX
        for tab in self.tabs.values():
            tab.setVisible(roomy)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self, self.fit_tabs)  # once the row has given the tabs their new widths
        self.make_room_for_page()
        self.watermark.setGeometry(self.rect())
        self.watermark.raise_()
