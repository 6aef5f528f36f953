"""Practice mode's screen: the simulated site on one side, the kiosk's plain words on the other.

The person types on the simulated site (in French, like the real one). When the
site refuses something, it shows its own error; then the kiosk says what went
wrong in the person's language, aloud, and "Montrez-moi" points at the field
with an example. Unlimited tries. At the end, a short review, spoken. Nothing
typed outlives the page: the run is dropped when the person leaves the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.practice_person import DETAIL_LABELS
from kiosk.content.practice_sites import SESSION_EXPIRED, PracticeKind, PracticeLink, PracticeSite
from kiosk.content.procedures import Procedure
from kiosk.i18n.translation import N_, _, content, shown
from kiosk.practice.explanations import Review, explanation, review
from kiosk.practice.run import FieldProblem, PhonePhoto, PracticeRun, Sent
from kiosk.station import Station
from kiosk.visit.places import HELP_SCREENS, Place, ScreenId
from ui import theme
from ui.practice.site import BrowserFrame, SitePage
from ui.screens.base import PictogramList, Screen, must_be_seen, scroll_area
from ui.widgets import pictograms
from ui.widgets.blocks import ZERO_WIDTH_SPACE, PictogramButton, breakable, discard, text_label

CODE_SENT = {
    "email": N_(
        "Le site a envoyé un code par e-mail. Touchez « Messagerie » pour le lire, puis revenez sur le site."
    ),
    "sms": N_(
        "Le site a envoyé un code par SMS. Touchez « Téléphone » pour le lire, puis revenez sur le site."
    ),
}
EXPIRED_NOTICE = "Votre session a expiré. Veuillez recommencer."  # the site's words, in French
SITE_SHARE, SIDE_SHARE = 3, 2  # of the width: the simulated site, then the kiosk's words


def card_line(name: str, value: str) -> str:
    """One line of the practice person's card: what the detail is, and the value to copy
    (in right-to-left, a left-to-right isolate: its digit groups in typing order)."""
    return shown(f"{_(DETAIL_LABELS[name])} : {value}")


class PracticeScreen(Screen):
    screen_id = ScreenId.PRACTICE

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.site_page: SitePage | None = None
        self.problems: tuple[FieldProblem, ...] = ()
        self.shown_problem: FieldProblem | None = None
        self.review: Review | None = None
        self.upload_field = ""  # the upload field waiting for a photo from the practice phone
        self.views = QStackedWidget()
        self.layout_.addWidget(self.views, 1)
        self.title.hide()  # the side panel says it is an exercise; the site needs the height

        working = QWidget()
        row = QHBoxLayout(working)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(20)
        self.browser = BrowserFrame()
        self.browser.setLayoutDirection(
            Qt.LayoutDirection.LeftToRight
        )  # a French site, whatever the language
        self.browser.gallery.photo_chosen.connect(self._photo_chosen)
        row.addWidget(self.browser, SITE_SHARE)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(14)
        self.heading = text_label("title")
        self.banner = QFrame()
        self.banner.setProperty("role", "warning")
        banner_layout = QVBoxLayout(self.banner)
        self.banner_text = text_label()
        banner_layout.addWidget(self.banner_text)
        self.guidance = text_label()
        self.explanation = text_label()
        self.explanation.setStyleSheet("font-weight: bold;")
        self.example = text_label()
        self.example.setStyleSheet(f"background: {theme.HIGHLIGHT};")
        self.show_me = PictogramButton("mdi6.eye-outline")
        must_be_seen(self.show_me)
        self.show_me.clicked.connect(self.show_me_where)
        self.listen = self.listen_button(self._explained_texts)
        self.card = text_label()
        self.use_person = PictogramButton("mdi6.account-box-outline")
        self.use_person.clicked.connect(self.use_practice_person)
        # « Montrez-moi » right under the explanation: a long explanation never pushes it out of sight.
        side_parts: list[QWidget] = [
            self.heading,
            self.banner,
            self.explanation,
            self.show_me,
            self.example,
            self.listen,
            self.guidance,
            self.card,
            self.use_person,
        ]
        for part in side_parts:
            side_layout.addWidget(part)
        side_layout.addStretch(1)
        row.addWidget(scroll_area(side), SIDE_SHARE)
        self.views.addWidget(working)

        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        self.went_well = text_label("title")
        self.mistakes_title = text_label("title")
        self.mistakes = PictogramList()
        self.remember_title = text_label("title")
        self.remember = PictogramList()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for widget in (
            self.went_well,
            self.mistakes_title,
            self.mistakes,
            self.remember_title,
            self.remember,
        ):
            body_layout.addWidget(widget)
        body_layout.addStretch(1)
        done_layout.addWidget(scroll_area(body), 1)
        self.again = PictogramButton("mdi6.restart")
        self.again.clicked.connect(self.start_again)
        self.real = PictogramButton("mdi6.arrow-right-bold", role="primary")
        self.real.clicked.connect(lambda: self.visit.open_site())
        done_layout.addWidget(self.real)  # one above the other: both names stay whole at any text size
        done_layout.addWidget(self.again)
        self.views.addWidget(done)

        self._expiry = QTimer(self)
        self._expiry.setInterval(1000)
        self._expiry.timeout.connect(self.check_expiry)
        station.add_end_listener(self.forget)

    # The run ------------------------------------------------------------------------------
    @property
    def procedure(self) -> Procedure:
        return self.station.catalog.procedures[self.place.procedure_id]

    @property
    def site(self) -> PracticeSite:
        return self.station.catalog.practice[self.place.procedure_id]

    def enter(self, place: Place) -> None:
        if self.run is None or self.run.site.procedure_id != place.procedure_id:
            self.start_run(place)
        else:
            self.place = place
        super().enter(place)
        self._expiry.start()

    def leave(self) -> None:
        self._expiry.stop()
        if self.visit.place.screen not in HELP_SCREENS:  # help brings a person back to the same page
            self.forget()

    @property
    def run(self) -> PracticeRun | None:
        """The run the visit holds: it outlives this screen while the person asks for help."""
        return self.visit.practice_run

    def forget(self) -> None:
        """Drop the run: what was typed, the codes, the photos chosen."""
        self.visit.forget_practice_run()
        self._clear_page()

    def start_run(self, place: Place) -> None:
        self.place = place
        self.visit.start_practice_run()
        self.review = None
        self._show_page()

    def start_again(self) -> None:
        self.forget()
        self.start_run(self.place)
        self.refresh()
        self.speak_requested.emit(self.spoken_texts())

    # What the person does ---------------------------------------------------------------
    def touched(self) -> None:
        """Every touch, on any widget, keeps the simulated session alive, as activity on a real site does."""
        if self.run is not None:
            self.run.touch()

    def send(self) -> None:
        run, page = self.run, self.site_page
        if run is None or page is None:
            return
        for field_id, view in page.fields.items():
            if view.field.kind != PracticeKind.UPLOAD:  # a photo is chosen, not typed
                run.type(field_id, view.value())
            view.clear_credential()
            view.clear_error()
        result = run.send()
        if run.finished:
            self._finish()
        elif result.accepted:
            self._show_page()
        else:
            self._show_problems(result)
        self.refresh()
        self.speak_requested.emit(self._explained_texts() if self.problems else self.spoken_texts())

    def follow(self, link: PracticeLink) -> None:
        if self.run is not None:
            self.run.follow(link)
            self._show_page()
            self.refresh()
            self.speak_requested.emit(self.spoken_texts())

    def use_practice_person(self) -> None:
        if self.run is None or self.site_page is None:
            return
        for view in self.site_page.fields.values():
            if view.field.fill:
                view.set_value(self.run.person.detail(view.field.fill))
        self.speak_requested.emit([_("Les cases sont remplies avec la personne d'exercice.")])

    def show_me_where(self) -> None:
        """Point at the field the explanation is about, and give an example of the right form."""
        problem = self.shown_problem
        if problem is None or self.site_page is None or self.run is None:
            return
        view = self.site_page.fields.get(problem.field_id)
        if view is None:
            return
        view.set_shown_to_person(True)
        self.browser.show_tab("site")
        self.browser.page_area.ensureWidgetVisible(view)
        example = view.field.example or (self.run.person.detail(view.field.fill) if view.field.fill else "")
        self.example.setText(_("Exemple : {example}").format(example=breakable(example)) if example else "")
        self.example.setVisible(bool(example))
        self.speak_requested.emit([self.example.text()] if example else [])

    def request_upload(self, field_id: str) -> None:
        self.upload_field = field_id
        self.browser.show_tab("phone")
        self.guidance.setText(_("Touchez une photo du téléphone d'exercice pour l'envoyer au site."))
        self.speak_requested.emit([self.guidance.text()])

    def _photo_chosen(self, photo: PhonePhoto) -> None:
        field_id = self.upload_field
        if self.run is None or self.site_page is None or field_id not in self.site_page.fields:
            return
        self.run.choose_photo(field_id, photo)
        self.site_page.fields[field_id].set_photo(photo)
        self.browser.show_tab("site")
        self.refresh()

    def check_expiry(self) -> None:
        """The simulated session ends after its page's delay without a touch; the kiosk explains it."""
        if self.run is None or self.run.finished or not self.run.session_expired():
            return
        self._show_page(notice=EXPIRED_NOTICE)
        self.problems = ()
        self.shown_problem = FieldProblem("", SESSION_EXPIRED, EXPIRED_NOTICE)
        self.refresh()
        self.speak_requested.emit(self._explained_texts())

    # Showing ----------------------------------------------------------------------------------
    def _clear_page(self) -> None:
        if self.site_page is not None:
            discard([self.site_page], self.browser.page_layout)
            self.site_page = None
        self.problems = ()
        self.shown_problem = None

    def _show_page(self, notice: str = "") -> None:
        self._clear_page()
        run = self.run
        if run is None:
            return
        self.site_page = SitePage(run.page, run.captcha, notice)
        self.site_page.sent.connect(self.send)
        self.site_page.link_followed.connect(self.follow)
        for view in self.site_page.fields.values():
            view.upload_requested.connect(self.request_upload)
        self.browser.page_layout.addWidget(self.site_page)
        self.browser.show_tab("site")
        self.browser.page_area.verticalScrollBar().setValue(0)

    def _show_problems(self, result: Sent) -> None:
        if self.site_page is None:
            raise RuntimeError("problems shown before a practice page was built")
        self.problems = result.problems if result.caution is None else (result.caution,)
        for problem in self.problems:
            self.site_page.fields[problem.field_id].show_error(problem.site_message)
        self.shown_problem = self.problems[0]

    def _finish(self) -> None:
        run = self.run
        if run is None:
            raise RuntimeError("the practice screen has no run: it shows a practice place only")
        self.station.record_practice(run.site.procedure_id, run.mistake_kinds())
        self.review = review(run, self.procedure)
        self._clear_page()

    def _explained_texts(self) -> list[str]:
        texts = (self.explanation.text(), self.example.text().replace(ZERO_WIDTH_SPACE, ""))
        return [text for text in texts if text]

    def _card_lines(self) -> list[str]:
        """The practice person's details this page uses: what to copy, and the amounts to type."""
        run = self.run
        if run is None:
            return []
        used = [
            name for f in run.page.fields for name in (f.fill, f.expect, *(d for d, _m in f.traps)) if name
        ]
        return [card_line(name, run.person.detail(name)) for name in dict.fromkeys(used)]

    def refresh(self) -> None:
        self.title.setText(_("Exercice : {title}").format(title=content(self.procedure.title)))
        self.heading.setText(_("Exercice"))
        self.browser.retranslate()
        if self.review is not None:
            self._refresh_review(self.review)
            self.views.setCurrentIndex(1)
            return
        self.views.setCurrentIndex(0)
        run = self.run
        if run is None:
            raise RuntimeError("the practice screen has no run: it shows a practice place only")
        self.browser.address.setText(f"https://{run.site.address}")
        self.browser.site_name.setText(run.site.name)
        self.browser.mailbox.fill(run.mailbox, run.person.email)
        self.browser.phone_messages.fill(run.mailbox, run.person.mobile)
        self.banner_text.setText(
            _("C'est un exercice : rien n'est envoyé. Ne tapez pas vos vrais mots de passe ici.")
        )
        card = self._card_lines()
        self.card.setText(
            breakable("\n".join([_("La personne d'exercice (elle n'existe pas) :"), *card])) if card else ""
        )
        self.card.setVisible(bool(card))
        self.use_person.setVisible(any(f.fill for f in run.page.fields))
        problem = self.shown_problem
        self.explanation.setText(explanation(problem.code) if problem is not None else "")
        self.explanation.setVisible(problem is not None)
        self.show_me.setVisible(problem is not None and bool(problem.field_id))
        self.listen.setVisible(problem is not None)
        self.example.setText("")
        self.example.hide()
        self.guidance.setVisible(problem is None)
        sent_by = [page.sends_code for page in run.site.pages if page.next == run.page.id and page.sends_code]
        code_hint = _(CODE_SENT[sent_by[0]]) + "\n" if sent_by and run.mailbox else ""
        self.guidance.setText(
            code_hint
            + _(
                "Remplissez la page du site, puis touchez « {button} ». "
                "Vous pouvez vous tromper : c'est fait pour."
            ).format(button=run.page.button)
        )
        self.show_me.set_text(_("Montrez-moi"), _("Montrer la case à corriger et un exemple."))
        self.use_person.set_text(
            _("Utiliser la personne d'exercice"), _("Remplir les cases avec une personne inventée.")
        )

    def _refresh_review(self, result: Review) -> None:
        self.went_well.setText(result.went_well)
        self.mistakes_title.setText(
            _("Vos erreurs, et comment les éviter :") if result.mistakes else _("Aucune erreur !")
        )
        self.mistakes.fill([("mdi6.lightbulb-on-outline", line) for line in result.mistakes])
        self.remember_title.setText(_("Trois choses à retenir pour le vrai site :"))
        self.remember.fill([("mdi6.star-outline", line) for line in result.remember])
        self.again.set_text(_("Recommencer l'exercice"), _("Refaire l'exercice depuis le début."))
        self.real.set_text(
            _("Faire la vraie démarche"), _("Ouvrir le site officiel dans le kiosque, avec le guide à côté.")
        )
        # Forward, like every « Suivant »: to the left in Arabic and Persian.
        self.real.set_pictogram(
            pictograms.directional("mdi6.arrow-right-bold", "mdi6.arrow-left-bold", self.layoutDirection())
        )

    def spoken_texts(self) -> list[str]:
        if self.review is not None:
            return [
                self.went_well.text(),
                self.mistakes_title.text(),
                *self.review.mistakes,
                self.remember_title.text(),
                *self.review.remember,
            ]
        return [self.title.text(), self.banner_text.text(), self.guidance.text()]
