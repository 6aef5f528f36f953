"""Mediator mode: a panel over the person's screen, opened by a discreet gesture and a PIN.

It shows the person's session as a timeline, lets the mediator note what was
done, record how autonomous the person was, mark the help request resolved and
hand back exactly where the person was (the person's navigation is never
touched). It also shows the structure's activity with exports, explains the
Aidants Connect mandate, and lists what the station needs the mediator to know.

Mediator mode is in French, the staff's language, whatever language the person
chose, and always left to right.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import translation
from kiosk.mediation.pin import MIN_PIN_DIGITS, PinCheck, PinLock, valid_pin
from kiosk.mediation.statistics import summarize, to_csv, to_json
from kiosk.mediation.timeline import AUTONOMY_LABELS, Autonomy, minutes_and_seconds, timeline
from kiosk.secret import Secret
from kiosk.station import (
    AUTO_READ_SETTING,
    HIDDEN_LANGUAGES_SETTING,
    HIDDEN_PROCEDURES_SETTING,
    IDLE_TIMEOUT_SETTING,
    Station,
)
from kiosk.visit.recap import HELP_PLACES, STRUCTURE_ADDRESS, STRUCTURE_NAME
from kiosk.visit.session import TEXT_SIZES
from ui import theme
from ui.bar_chart import BarChart
from ui.digit_pad import DigitPad
from ui.overlay import area_of
from ui.screens.base import scroll_area
from ui.widgets import PictogramButton, WarningBox, discard, text_label

MANDATE_TEXT = (
    "Faire une démarche à la place d'une personne avec ses identifiants, même si elle vous les "
    "donne, n'est pas permis. La façon légale d'agir pour elle s'appelle Aidants Connect.\n\n"
    "• Qui : un aidant professionnel salarié d'une structure habilitée (les France services peuvent "
    "l'être). Les bénévoles, services civiques, élus et proches ne peuvent pas.\n"
    "• Comment : l'aidant crée un mandat sur aidantsconnect.beta.gouv.fr ; il dit quelles démarches "
    "et pour combien de temps (un an au plus). La personne le signe en se connectant avec "
    "FranceConnect. L'aidant se connecte ensuite avec son propre compte et sa carte Aidants Connect "
    "(physique ou application).\n"
    "• Ensuite : le mandat peut être changé ou arrêté à tout moment.\n\n"
    "Le kiosque ne garde rien de ce mandat. Sans mandat : guidez la personne et laissez-la taper "
    "elle-même ses mots de passe."
)


def plural(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count <= 1 else many or one + 's'}"


def button(pictogram: str, text: str, description: str, role: str = "") -> PictogramButton:
    widget = PictogramButton(pictogram, role=role)
    widget.set_text(text, description)
    return widget


class MediatorPanel(QWidget):
    handed_back = Signal()
    quit_requested = Signal()  # "Quitter le kiosque": the only way out of a locked kiosk

    def __init__(self, host: QWidget, station: Station, exports_dir: Path) -> None:
        super().__init__(host)
        self._host = host
        self.station = station
        self.exports_dir = exports_dir
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # Staff read it at the usual size: the larger text a person chose stays on the person's screens.
        self.setStyleSheet(theme.stylesheet(TEXT_SIZES[0]))
        outer = QVBoxLayout(self)
        frame = QFrame()
        frame.setProperty("role", "panel")
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        self.heading = text_label("title")
        self.pages = QStackedWidget()
        self.tabs = QHBoxLayout()
        self.tabs.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(self.tabs)
        layout.addWidget(scroll_area(self.pages), 1)  # scrolls when the on-screen keyboard takes room

        self.pin_page = PinPage(self)
        self.setup_page = SetupPage(self)
        self.session_page = SessionPage(self)
        self.activity_page = ActivityPage(self)
        self.mandate_page = MandatePage(self)
        self.settings_page = SettingsPage(self)
        self.tab_buttons: dict[QWidget, PictogramButton] = {}
        for page, pictogram, label in (
            (self.session_page, "mdi6.timeline-text-outline", "Session"),
            (self.activity_page, "mdi6.chart-bar", "Activité"),
            (self.mandate_page, "mdi6.file-sign", "Mandat"),
            (self.settings_page, "mdi6.cog-outline", "Réglages"),
        ):
            tab = PictogramButton(pictogram, vertical=True, icon_px=32)
            tab.set_text(label, f"Afficher : {label}")
            tab.clicked.connect(lambda _checked=False, p=page: self.show_page(p))
            tab.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # one line, never cut
            self.tabs.addWidget(tab)
            self.tab_buttons[page] = tab
        self.tabs.addStretch(1)
        self.back_button = button(
            "mdi6.hand-back-right-outline",
            "Rendre la main",
            "Revenir à l'écran de la personne, là où elle était.",
            "primary",
        )
        self.back_button.clicked.connect(self.hand_back)
        self.back_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # one line
        self.tabs.addWidget(self.back_button)
        for every_page in (
            self.pin_page,
            self.setup_page,
            self.session_page,
            self.activity_page,
            self.mandate_page,
            self.settings_page,
        ):
            self.pages.addWidget(every_page)
        host.installEventFilter(self)
        self.hide()

    @property
    def lock(self) -> PinLock | None:
        store = self.station.keeper.store
        return PinLock(store) if store is not None else None

    # Opening and closing ---------------------------------------------------------
    def open_mode(self) -> None:
        """The gesture was made: ask for the PIN (or set one up, the first time)."""
        lock = self.lock
        if lock is None:
            self.heading.setText("Mode médiateur indisponible")
            self.pin_page.refuse(
                "Le stockage chiffré ne fonctionne pas : le mode médiateur ne peut pas vérifier le PIN. "
                "Voir le journal du kiosque."
            )
            self._present(self.pin_page, tabs=False)
        elif not lock.configured:
            self.open_setup()
        else:
            self.heading.setText("Mode médiateur")
            self.pin_page.ask()
            self._present(self.pin_page, tabs=False)

    def open_setup(self) -> None:
        self.heading.setText("Installation du kiosque")
        self.setup_page.start()
        self._present(self.setup_page, tabs=False)

    def unlocked(self) -> None:
        name = self.station.keeper.setting(STRUCTURE_NAME, "")
        self.heading.setText(f"Mode médiateur — {name}" if name else "Mode médiateur")
        self._present(self.session_page, tabs=True)
        self.show_page(self.session_page)

    def show_page(self, page: QWidget) -> None:
        for tab_page, tab in self.tab_buttons.items():
            tab.set_selected(tab_page is page)
        if hasattr(page, "refresh"):
            page.refresh()
        self.pages.setCurrentWidget(page)

    def hand_back(self) -> None:
        self.pin_page.pad.clear()
        self.hide()
        self.handed_back.emit()

    def _present(self, page: QWidget, tabs: bool) -> None:
        for tab in self.tab_buttons.values():
            tab.setVisible(tabs)
        self.back_button.set_text(
            "Rendre la main" if tabs else "Annuler",
            "Revenir à l'écran de la personne, là où elle était.",
        )
        self.back_button.setVisible(not (page is self.setup_page and not self._pin_set()))
        self.pages.setCurrentWidget(page)
        self.setGeometry(area_of(self._host))
        self.raise_()
        self.show()

    def _pin_set(self) -> bool:
        lock = self.lock
        return lock is not None and lock.configured

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and not self.isHidden():  # also before the window shows
            self.setGeometry(area_of(self._host))
        return False


class KeypadPage(QWidget):
    """Text and one action beside the digit pad; the digits typed show as dots."""

    def __init__(
        self, panel: MediatorPanel, action: PictogramButton, above: tuple[QWidget, ...] = ()
    ) -> None:
        super().__init__()
        self.panel = panel
        layout = QHBoxLayout(self)
        column = QVBoxLayout()
        self.prompt = text_label()
        self.shown = text_label("ticket")
        self.problem = WarningBox()
        for widget in (*above, self.prompt, self.shown, self.problem):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(action)
        self.pad = DigitPad(12, translated=False)
        self.pad.changed.connect(lambda: self.shown.setText(self.pad.masked()))
        layout.addLayout(column, 1)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)


class PinPage(KeypadPage):
    def __init__(self, panel: MediatorPanel) -> None:
        self.open_button = button("mdi6.lock-open-variant-outline", "Ouvrir", "Vérifier le PIN.", "primary")
        super().__init__(panel, self.open_button)
        self.open_button.clicked.connect(self.submit)

    def ask(self) -> None:
        self.pad.clear()
        self.prompt.setText("Tapez le PIN des médiateurs.")
        self.problem.set_text("")
        self.pad.show()
        self.open_button.show()

    def refuse(self, message: str) -> None:
        self.prompt.setText("")
        self.problem.set_text(message)
        self.pad.hide()
        self.open_button.hide()

    def submit(self) -> None:
        lock = self.panel.lock
        if lock is None:
            return
        answer = lock.check(self.pad.take())
        if answer.result is PinCheck.ACCEPTED:
            self.panel.unlocked()
        elif answer.result is PinCheck.WRONG:
            self.problem.set_text(
                f"PIN incorrect. Encore {answer.tries_left} essai(s) avant un blocage de 5 minutes."
            )
        else:
            minutes = max(1, round(answer.seconds_locked / 60))
            self.problem.set_text(f"Trop d'essais : le mode médiateur est bloqué pendant {minutes} min.")


class SetupPage(KeypadPage):
    """The one-time set-up: the structure's name and the mediators' PIN (typed twice)."""

    def __init__(self, panel: MediatorPanel) -> None:
        self.name_label = text_label()
        self.name_label.setText("Nom de la structure (il figure sur les récapitulatifs) :")
        self.name = QLineEdit()
        self.name.setMinimumHeight(64)
        self.save_button = button("mdi6.check-bold", "Continuer", "Passer à l'étape suivante.", "primary")
        super().__init__(panel, self.save_button, (self.name_label, self.name))
        self.save_button.clicked.connect(self.submit)
        self._first: Secret | None = None

    def start(self) -> None:
        self.name.setText(self.panel.station.keeper.setting(STRUCTURE_NAME, ""))
        self._first = None
        self.pad.clear()
        self.problem.set_text("")
        self.prompt.setText(
            f"Choisissez le PIN des médiateurs ({MIN_PIN_DIGITS} chiffres ou plus). "
            "Il n'y a pas de PIN par défaut : sans lui, personne ne peut ouvrir le mode médiateur."
        )

    def submit(self) -> None:
        lock = self.panel.lock
        store = self.panel.station.keeper.store
        if lock is None or store is None:
            return
        typed = self.pad.take()
        if self._first is None:
            if not self.name.text().strip():
                typed.wipe()
                self.problem.set_text("Indiquez le nom de la structure.")
                return
            if not valid_pin(typed):
                typed.wipe()
                self.problem.set_text(
                    f"Le PIN doit avoir au moins {MIN_PIN_DIGITS} chiffres, pas tous identiques."
                )
                return
            self._first = typed
            self.problem.set_text("")
            self.prompt.setText("Tapez le même PIN une seconde fois.")
            return
        first, self._first = self._first, None
        same = first.matches(typed)
        typed.wipe()
        if not same:
            first.wipe()
            self.problem.set_text("Les deux PIN sont différents. Recommencez.")
            self.prompt.setText("Choisissez le PIN des médiateurs.")
            return
        store.change_setting(STRUCTURE_NAME, self.name.text().strip(), time.time())
        lock.set_pin(first)
        self.panel.unlocked()


class SessionPage(QWidget):
    """The person's session at a glance, and what the mediator records about the help."""

    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__()
        self.panel = panel
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.summary = text_label()
        self.lines = text_label()
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.notes = text_label("hint")
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.note = QLineEdit()
        self.note.setMinimumHeight(64)
        self.note.setPlaceholderText("Une note pour la suite (sans mot de passe)")
        self.note_button = button("mdi6.note-plus-outline", "Ajouter", "Garder cette note avec la session.")
        self.note_button.clicked.connect(self.add_note)
        self.resolve_button = button(
            "mdi6.check-circle-outline", "Demande résolue", "Marquer la demande d'aide comme résolue."
        )
        self.resolve_button.clicked.connect(self.resolve)
        notes_column = QVBoxLayout()
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_button)
        notes_column.addWidget(self.resolve_button)
        notes_column.addLayout(note_row)
        notes_column.addWidget(scroll_area(self.notes), 1)
        self.referral_caption = text_label(wrap=False)
        self.referral_caption.setText("Orientée vers :")
        self.referral_row = QHBoxLayout()
        self.referral_row.addWidget(self.referral_caption)
        self.referral_buttons: list[PictogramButton] = []
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(scroll_area(self.lines), 3)
        middle.addLayout(notes_column, 2)
        self.notices = WarningBox()
        actions = QHBoxLayout()
        self.autonomy_buttons: dict[Autonomy, PictogramButton] = {}
        for level, pictogram in zip(
            Autonomy, ("mdi6.account", "mdi6.account-multiple", "mdi6.account-tie"), strict=True
        ):
            choice = button(pictogram, AUTONOMY_LABELS[level], "Noter comment la démarche a été faite.")
            choice.clicked.connect(lambda _checked=False, lv=level: self.record_autonomy(lv))
            self.autonomy_buttons[level] = choice
            actions.addWidget(choice, 1)
        layout.addWidget(self.summary)
        layout.addLayout(middle, 1)
        layout.addWidget(self.notices)
        layout.addLayout(actions)
        layout.addLayout(self.referral_row)

    def refresh(self) -> None:
        station = self.panel.station
        visit = station.visit
        session = visit.session
        now = station.clock()
        language = translation.language(session.language).native_name
        self.summary.setText(
            f"Langue de la personne : {language}. Depuis son arrivée : "
            f"{minutes_and_seconds(int(station.keeper.clock() - session.started_at))}."
            if visit.started
            else "Personne n'utilise le kiosque en ce moment."
        )
        entries = [
            ("Demande en attente — " if entry.open_help else "")
            + f"{entry.what} : {minutes_and_seconds(entry.seconds)}"
            for entry in timeline(visit, now)
        ]
        self.lines.setText("\n".join(entries) or "Aucune étape pour l'instant.")
        self.resolve_button.setVisible(visit.pending_help() is not None)
        for level, choice in self.autonomy_buttons.items():
            choice.set_selected(session.autonomy == level.value)
            choice.setEnabled(visit.started)
        self.note_button.setEnabled(visit.started and station.keeper.keeps_records)
        self.notes.setText("\n".join(f"• {text}" for text in station.keeper.notes(session)))
        self._refresh_referrals()
        problems = [notice.message for notice in station.keeper.notices]
        problems += [f"Contenu non chargé : {problem}" for problem in station.catalog.problems]
        self.notices.set_text("\n".join(problems))

    def resolve(self) -> None:
        request = self.panel.station.visit.pending_help()
        if request is not None:
            self.panel.station.help_desk.resolve(request)
        self.refresh()

    def _refresh_referrals(self) -> None:
        station = self.panel.station
        places = [place.get("name", "") for place in station.keeper.setting(HELP_PLACES, []) or []][:3]
        discard(self.referral_buttons, self.referral_row)
        self.referral_buttons = []
        for name in [name for name in places if name]:
            choice = button(
                "mdi6.map-marker-outline", name, f"Noter que la personne est orientée vers {name}."
            )
            choice.set_selected(station.visit.session.referral == name)
            choice.setEnabled(station.visit.started)
            choice.clicked.connect(lambda _checked=False, n=name: self.record_referral(n))
            self.referral_row.addWidget(choice, 1)
            self.referral_buttons.append(choice)
        self.referral_caption.setVisible(bool(self.referral_buttons))

    def record_referral(self, name: str) -> None:
        session = self.panel.station.visit.session
        session.referral = None if session.referral == name else name
        self.panel.station.keeper.save(session)
        self.refresh()

    def record_autonomy(self, level: Autonomy) -> None:
        station = self.panel.station
        station.visit.session.autonomy = level.value
        station.keeper.save(station.visit.session)
        self.refresh()

    def add_note(self) -> None:
        text = self.note.text().strip()
        if text and self.panel.station.keeper.add_note(self.panel.station.visit.session, text):
            self.note.setText("")
        self.refresh()


class ActivityPage(QWidget):
    """The structure's activity from the anonymous records, with CSV and JSON exports."""

    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__()
        self.panel = panel
        layout = QVBoxLayout(self)
        self.totals = text_label()
        charts = QHBoxLayout()
        self.per_day = BarChart("Visites par jour")
        self.per_procedure = BarChart("Démarches")
        self.per_language = BarChart("Langues")
        for chart in (self.per_day, self.per_procedure, self.per_language):
            charts.addWidget(chart, 1)
        exports = QHBoxLayout()
        self.csv_button = button(
            "mdi6.file-delimited-outline", "Exporter en CSV", "Écrire les activités dans un fichier CSV."
        )
        self.json_button = button(
            "mdi6.code-json", "Exporter en JSON", "Écrire les activités dans un fichier JSON."
        )
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.json_button.clicked.connect(lambda: self.export("json"))
        self.exported = text_label("hint")
        exports.addWidget(self.csv_button)
        exports.addWidget(self.json_button)
        exports.addWidget(self.exported, 1)
        layout.addWidget(self.totals)
        layout.addLayout(charts, 1)
        layout.addLayout(exports)

    def records(self) -> list[dict[str, Any]]:
        store = self.panel.station.keeper.store
        return store.activity() if store is not None else []

    def refresh(self) -> None:
        records = self.records()
        summary = summarize(records)
        visits = plural(summary.visits, "visite")
        completed = plural(summary.completed, "démarche menée", "démarches menées")
        helped = plural(summary.help_requests, "demande d'aide", "demandes d'aide")
        self.totals.setText(f"{visits}, {completed} au bout ({summary.completion_percent} %), {helped}.")
        procedures = self.panel.station.catalog.procedures
        self.per_day.set_counts(sorted(summary.per_day.items())[-14:])
        self.per_procedure.set_counts(
            [
                (procedures[p].title if p in procedures else p, n)
                for p, n in summary.per_procedure.most_common(8)
            ]
        )
        self.per_language.set_counts(
            [(translation.language(code).native_name, n) for code, n in summary.per_language.most_common()]
        )

    def export(self, kind: str) -> None:
        records = self.records()
        text = to_csv(records) if kind == "csv" else to_json(records)
        self.panel.exports_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.panel.exports_dir / f"activite-{time.strftime('%Y%m%d-%H%M%S')}.{kind}"
        path.write_text(text, encoding="utf-8")
        store = self.panel.station.keeper.store
        if store is not None:
            store.journal("activity.exported", {"format": kind, "records": len(records)}, time.time())
        self.exported.setText(f"Écrit : {path}")


class MandatePage(QWidget):
    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        text = text_label()
        text.setText(MANDATE_TEXT)
        layout.addWidget(text)
        layout.addStretch(1)


IDLE_CHOICES_S = (60, 120, 180, 300)
HELP_PLACES_HINT = "Un lieu par ligne : nom ; adresse ; horaires ; pour quoi il aide"


def parse_help_places(text: str) -> list[dict[str, str]]:
    places = []
    for line in text.splitlines():
        parts = [part.strip() for part in line.split(";")]
        if parts and parts[0]:
            parts += [""] * (4 - len(parts))
            places.append(dict(zip(("name", "address", "hours", "helps_with"), parts[:4], strict=True)))
    return places


def format_help_places(places: list[dict[str, str]] | None) -> str:
    return "\n".join(
        " ; ".join(place.get(key, "") for key in ("name", "address", "hours", "helps_with")).rstrip(" ;")
        for place in places or []
    )


class SettingsPage(QWidget):
    """The structure's name, address and nearby help places; idle delay; reading aloud; the PIN."""

    settings_changed = Signal()

    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__()
        self.panel = panel
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.help_places = QPlainTextEdit()
        self.help_places.setPlaceholderText(HELP_PLACES_HINT)
        self.help_places.setMinimumHeight(120)
        for line_edit in (self.name, self.address):
            line_edit.setMinimumHeight(64)
        self.save_button = button(
            "mdi6.content-save-outline", "Enregistrer", "Garder ces informations.", "primary"
        )
        self.save_button.clicked.connect(self.save)
        fields: tuple[tuple[str, QWidget], ...] = (
            ("Nom de la structure", self.name),
            ("Adresse de la structure", self.address),
            (f"Lieux d'aide proches, sur les récapitulatifs ({HELP_PLACES_HINT.lower()})", self.help_places),
        )
        for caption, editor in fields:
            label = text_label()
            label.setText(caption)
            layout.addWidget(label)
            layout.addWidget(editor)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeading)
        idle_caption = text_label()
        idle_caption.setText("Sans toucher l'écran, le kiosque demande si quelqu'un est là après :")
        layout.addWidget(idle_caption)
        idle_row = QHBoxLayout()
        self.idle_buttons: dict[int, PictogramButton] = {}
        for seconds in IDLE_CHOICES_S:
            choice = button(
                "mdi6.timer-outline", f"{seconds // 60} min", f"Délai d'inactivité : {seconds} s."
            )
            choice.clicked.connect(lambda _checked=False, s=seconds: self.set_idle(s))
            self.idle_buttons[seconds] = choice
            idle_row.addWidget(choice)
        idle_row.addStretch(1)
        layout.addLayout(idle_row)
        self.auto_read = button("mdi6.account-voice", "", "Lire chaque écran à voix haute dès qu'il s'ouvre.")
        self.auto_read.clicked.connect(self.toggle_auto_read)
        self.pin_button = button("mdi6.form-textbox-password", "Changer le PIN", "Choisir un nouveau PIN.")
        self.pin_button.clicked.connect(panel.open_setup)
        self.quit_button = button("mdi6.power", "Quitter le kiosque", "Fermer le kiosque (maintenance).")
        self.quit_button.clicked.connect(self.quit_kiosk)
        row = QHBoxLayout()
        row.addWidget(self.auto_read)
        row.addWidget(self.pin_button)
        row.addWidget(self.quit_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.printer = text_label()
        layout.addWidget(self.printer)
        languages_caption = text_label()
        languages_caption.setText(
            "Langues proposées (touchez pour retirer ou remettre ; le français reste) :"
        )
        layout.addWidget(languages_caption)
        language_grid = QGridLayout()
        self.language_buttons: dict[str, PictogramButton] = {}
        for index, language in enumerate(panel.station.translated_languages):
            name = language.native_name
            choice = button("mdi6.translate", name, f"Proposer ou non : {name}.")
            choice.setEnabled(language.code != translation.SOURCE_LANGUAGE)
            choice.clicked.connect(
                lambda _checked=False, c=language.code: self.toggle(HIDDEN_LANGUAGES_SETTING, c)
            )
            self.language_buttons[language.code] = choice
            language_grid.addWidget(choice, index // 4, index % 4)
        layout.addLayout(language_grid)
        procedures_caption = text_label()
        procedures_caption.setText("Démarches proposées (touchez pour retirer ou remettre) :")
        layout.addWidget(procedures_caption)
        procedure_grid = QGridLayout()
        self.procedure_buttons: dict[str, PictogramButton] = {}
        for index, procedure in enumerate(panel.station.catalog.procedures.values()):
            choice = button(procedure.pictogram, procedure.title, "Proposer ou non cette démarche.")
            choice.clicked.connect(
                lambda _checked=False, p=procedure.id: self.toggle(HIDDEN_PROCEDURES_SETTING, p)
            )
            self.procedure_buttons[procedure.id] = choice
            procedure_grid.addWidget(choice, index // 2, index % 2)
        layout.addLayout(procedure_grid)
        self.problems = text_label("hint")
        layout.addWidget(self.problems)
        layout.addStretch(1)

    def refresh(self) -> None:
        keeper = self.panel.station.keeper
        self.name.setText(keeper.setting(STRUCTURE_NAME, ""))
        self.address.setText(keeper.setting(STRUCTURE_ADDRESS, ""))
        self.help_places.setPlainText(format_help_places(keeper.setting(HELP_PLACES, [])))
        station = self.panel.station
        for seconds, choice in self.idle_buttons.items():
            choice.set_selected(seconds == station.config.idle_timeout_s)
        self.auto_read.set_text(
            "Lecture à voix haute : oui" if station.auto_read_default else "Lecture à voix haute : non",
            "Lire chaque écran à voix haute dès qu'il s'ouvre (la personne peut changer pour elle).",
        )
        offered = {language.code for language in station.languages}
        for code, choice in self.language_buttons.items():
            choice.set_selected(code in offered)
            choice.set_pictogram("mdi6.check-bold" if code in offered else "mdi6.close")
        for procedure_id, choice in self.procedure_buttons.items():
            shown = procedure_id not in station.hidden_procedures
            choice.set_selected(shown)
            choice.set_pictogram("mdi6.check-bold" if shown else "mdi6.close")
        printer = QPrinterInfo.defaultPrinter()
        self.printer.setText(
            f"Imprimante des récapitulatifs : {printer.printerName()} (l'imprimante par défaut du système)."
            if not printer.isNull()
            else "Aucune imprimante : les récapitulatifs sont enregistrés en PDF pour l'accueil."
        )
        problems = [f"Contenu non chargé : {problem}" for problem in station.catalog.problems]
        problems += [f"Contenu chargé sans tout : {problem}" for problem in station.catalog.degraded]
        self.problems.setText("\n".join(problems) or "Tout le contenu s'est chargé sans erreur.")

    def save(self) -> None:
        keeper = self.panel.station.keeper
        keeper.change_setting(STRUCTURE_NAME, self.name.text().strip())
        keeper.change_setting(STRUCTURE_ADDRESS, self.address.text().strip())
        keeper.change_setting(HELP_PLACES, parse_help_places(self.help_places.toPlainText()))
        self.panel.unlocked()
        self.panel.show_page(self)

    def quit_kiosk(self) -> None:
        store = self.panel.station.keeper.store
        if store is not None:
            store.journal("kiosk.quit", {}, time.time())
        self.panel.station.end_visit()
        self.panel.quit_requested.emit()

    def toggle(self, setting: str, item: str) -> None:
        """Offer again what was hidden, or hide what was offered (the list kept is what is hidden)."""
        hidden = set(self.panel.station.keeper.setting(setting, []))
        hidden.symmetric_difference_update({item})
        self.panel.station.keeper.change_setting(setting, sorted(hidden))
        self._apply()

    def set_idle(self, seconds: int) -> None:
        self.panel.station.keeper.change_setting(IDLE_TIMEOUT_SETTING, seconds)
        self._apply()

    def toggle_auto_read(self) -> None:
        station = self.panel.station
        station.keeper.change_setting(AUTO_READ_SETTING, not station.auto_read_default)
        self._apply()

    def _apply(self) -> None:
        self.panel.station.apply_settings()
        self.settings_changed.emit()
        self.refresh()
