"""One person's visit: every action they can take, and where each action leads.

The UI calls these methods when the person touches something; the visit moves
the navigator, records progress in the session and reports the new place.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kiosk.browsing.allow_list import site_host
from kiosk.browsing.page_match import step_reached
from kiosk.content.loader import Catalog
from kiosk.content.procedures import Procedure, Step
from kiosk.content.walkthrough import Move, most_remaining_steps
from kiosk.i18n import translation
from kiosk.practice.run import PracticeRun
from kiosk.rights.aids import Estimates
from kiosk.rights.answers import Answers
from kiosk.rights.questions import Question, asked, next_question, question
from kiosk.secret import Secret
from kiosk.visit.help_desk import HelpContext, HelpDesk, HelpKind, HelpRequest, HelpStatus
from kiosk.visit.navigation import Navigator, resolve_next
from kiosk.visit.places import HELP_SCREENS, WELCOME, Place, ScreenId
from kiosk.visit.resume import apply_preferences, places_of
from kiosk.visit.session import Session


class Visit:
    def __init__(
        self,
        catalog: Catalog,
        help_desk: HelpDesk,
        language: str,
        clock: Callable[[], float],
        on_change: Callable[[Place], None],
        wall_clock: Callable[[], float] = time.time,
        on_site: Callable[[], None] = lambda: None,
    ) -> None:
        self.catalog = catalog
        self.help_desk = help_desk
        self._clock = clock
        self._wall_clock = wall_clock
        self.practice_run: PracticeRun | None = None  # the simulated site being practised, in memory only
        self._on_change = on_change
        self._on_site = on_site
        self.site_procedure_id = ""  # the procedure whose official site is open beside the guide
        self.site_host = ""  # the host of the site's page on screen: all a help request says of it
        self.session = Session(language=language)
        self.navigator = Navigator(self._moved)
        self.kept_code: Secret | None = None  # the code given to come back, while it is on screen
        # « Quelles aides pour moi ? »: the answers and the estimates, in memory only, wiped by ``end()``.
        self.rights_answers = Answers()
        self.rights_estimates: Estimates | None = None

    @property
    def place(self) -> Place:
        return self.navigator.current

    @property
    def started(self) -> bool:
        return self.place.screen is not ScreenId.WELCOME or self.navigator.can_go_back

    # What the place shows -------------------------------------------------
    def procedure(self, place: Place | None = None) -> Procedure | None:
        place = place or self.place
        return self.catalog.procedures.get(place.procedure_id) if place.procedure_id else None

    def step(self, place: Place | None = None) -> Step | None:
        place = place or self.place
        procedure = self.procedure(place)
        if procedure is None or place.screen is not ScreenId.STEP:
            return None
        return procedure.steps[place.step_index]

    def progress(self) -> tuple[int, int] | None:
        """ "Step k of n" along the path actually taken; n counts the most steps still ahead,
        so that it never grows as the person goes on (it may shrink: a shorter way was chosen)."""
        procedure = self.procedure()
        if procedure is None or self.place.screen is not ScreenId.STEP:
            return None
        done = 0
        for place in reversed(self.navigator.history):
            if place.return_procedure_id == procedure.id:
                continue  # a detour taken from this procedure: its steps are not this one's
            if place.procedure_id != procedure.id or place.screen is ScreenId.INTRO:
                break
            if place.screen is ScreenId.STEP:
                done += 1
        ahead = most_remaining_steps(procedure, procedure.steps[self.place.step_index].id)
        return done + 1, done + 1 + ahead

    def returns_to(self) -> Procedure | None:
        """The procedure this one is a detour of, to go back to at its end."""
        return self.catalog.procedures.get(self.place.return_procedure_id)

    def place_outside_help(self) -> Place:
        """Where the person was before opening help (the current place if not in help)."""
        for place in (self.place, *reversed(self.navigator.history)):
            if place.screen not in HELP_SCREENS:
                return place
        return self.place

    def last_procedure(self) -> Procedure | None:
        """The procedure on screen, or the last one the person was in (for a recap when they leave)."""
        for place in (self.place, *reversed(self.navigator.history)):
            if place.procedure_id:
                return self.procedure(place)
        return None

    def rights_question(self) -> Question | None:
        """The question of « Quelles aides pour moi ? » on screen, if one is."""
        if self.place.screen is not ScreenId.RIGHTS_QUESTION:
            return None
        return question(self.place.question_id)

    def rights_complete(self) -> bool:
        """Whether every question worth asking has an answer (« Je ne sais pas » is one)."""
        return all(candidate.id in self.rights_answers for candidate in asked(self.rights_answers))

    def pending_help(self) -> HelpRequest | None:
        open_requests = [r for r in self.session.help_requests if r.status is HelpStatus.OPEN]
        return open_requests[-1] if open_requests else None

    # What the person can do -------------------------------------------------
    def start(self) -> None:
        """The person touched the welcome screen: their visit (and its duration) begins."""
        self.session.started_at = self._wall_clock()
        self.navigator.go(Place(ScreenId.LANGUAGE))

    def open_language_choice(self) -> None:
        self.navigator.go(Place(ScreenId.LANGUAGE))

    def choose_language(self, code: str) -> None:
        translation.set_language(code)
        self.session.language = code
        previous = self.navigator.previous
        if previous is None or previous.screen is ScreenId.WELCOME:
            self.navigator.go(Place(ScreenId.HOME))
        else:
            self.navigator.back()

    def open_theme(self, theme_id: str) -> None:
        self.navigator.go(Place(ScreenId.SITUATION, theme=theme_id))

    def open_procedure(self, procedure_id: str) -> None:
        if procedure_id not in self.catalog.procedures:
            raise KeyError(procedure_id)
        self.navigator.go(Place(ScreenId.INTRO, procedure_id=procedure_id))

    # « Quelles aides pour moi ? » -------------------------------------------------
    def open_rights(self) -> None:
        """Start the questions afresh: answers and estimates of an earlier round are wiped."""
        self.forget_rights()
        first = next_question(self.rights_answers, None)
        if first is None:
            raise ValueError("no question to ask")
        self.navigator.go(Place(ScreenId.RIGHTS_QUESTION, question_id=first.id))

    def answer_rights(self, value: str | int) -> None:
        """Answer the question on screen; the next one worth asking follows, or the results after the last.

        An answer changed on the way back forgets those given after it: they may no longer fit.
        The error for a value the question does not take never repeats the value.
        """
        asking = self.rights_question()
        if asking is None:
            raise ValueError("no question of « Quelles aides pour moi ? » on screen")
        if not asking.accepts(value):
            raise ValueError(f"not an answer to the question {asking.id!r}")
        answers = self.rights_answers
        if asking.id in answers and answers.get(asking.id) != value:
            answers.forget_after(asking.id)
        answers.set(asking.id, value)
        self.rights_estimates = None  # answered again: the results are computed afresh from the answers
        following = next_question(answers, asking.id)
        if following is None:
            self.show_rights_results()
        else:
            self.navigator.go(Place(ScreenId.RIGHTS_QUESTION, question_id=following.id))

    def show_rights_results(self) -> None:
        """The results screen; it asks the engine for the estimates (``record_rights_estimates``)."""
        if not self.rights_answers or not self.rights_complete():
            raise ValueError("the questions of « Quelles aides pour moi ? » are not all answered")
        self.navigator.go(Place(ScreenId.RIGHTS_RESULTS))

    def record_rights_estimates(self, estimates: Estimates) -> None:
        """The engine's estimates for these answers: kept in memory to show them, and the session notes
        that a simulation was made and which aids it suggested (ids only, for the anonymous record)."""
        self.rights_estimates = estimates
        self.session.record_rights(list(estimates.aid_ids()))

    def forget_rights(self) -> None:
        """Overwrite and drop the answers, and drop the estimates made from them."""
        self.rights_answers.wipe()
        self.rights_estimates = None

    def open_practice(self) -> None:
        """Rehearse the procedure on screen on its simulated site."""
        procedure_id = self.place.procedure_id
        if procedure_id not in self.catalog.practice:
            raise KeyError(procedure_id)
        self.navigator.go(self.place.within(ScreenId.PRACTICE, procedure_id))

    def start_practice_run(self) -> PracticeRun:
        """A fresh run of the simulated site of the procedure on screen (the one before is forgotten)."""
        self.forget_practice_run()
        self.practice_run = PracticeRun(self.catalog.practice[self.place.procedure_id], clock=self._clock)
        return self.practice_run

    def forget_practice_run(self) -> None:
        """Drop the run: what was typed, the photos chosen, the codes received."""
        if self.practice_run is not None:
            self.practice_run.forget()
        self.practice_run = None

    # The real site, beside the guide -------------------------------------------------
    def open_site(self) -> None:
        """Do the procedure for real: its official site opens in the kiosk's browser, beside the guide.

        From the introduction or the end of a practice run, the guide goes to the first step.
        """
        procedure_id = self.place.procedure_id
        if procedure_id not in self.catalog.procedures:
            raise KeyError(procedure_id)
        self.site_procedure_id = procedure_id
        self.site_host = ""
        self._on_site()
        if self.place.screen in (ScreenId.INTRO, ScreenId.PRACTICE):
            self.navigator.go(self.place.within(ScreenId.STEP, procedure_id, 0))

    def close_site(self) -> None:
        """The person closed the site: the guide stays where it is."""
        self.site_procedure_id = ""
        self.site_host = ""
        self._on_site()

    def site_page(self, url: str, title: str) -> None:
        """The site shows a new page: the guide moves to the step that describes it, if a later one does.

        Only the page's host is kept (for a help request); never its address or what it shows.
        """
        self.site_host = site_host(url)
        procedure = self.catalog.procedures.get(self.site_procedure_id)
        place = self.place
        if procedure is None or place.procedure_id != procedure.id:
            return  # the guide is elsewhere (help, another procedure): it is not pulled away
        if place.screen is ScreenId.INTRO:
            current = -1
        elif place.screen is ScreenId.STEP:
            current = place.step_index
        else:
            return
        reached = step_reached(procedure, url, title, current)
        if reached is not None:
            self.navigator.go(place.within(ScreenId.STEP, procedure.id, reached))

    def next(self) -> None:
        self._go_on(resolve_next(self.place, self.catalog))

    def answer(self, answer_index: int) -> None:
        """Answer the current step's question; the answer decides where to go."""
        self._go_on(resolve_next(self.place, self.catalog, answer_index))

    def take(self, move: Move) -> None:
        """One move of a path through the steps (a demonstration, a test, a replay)."""
        if move.answer_index is None:
            self.next()
        else:
            self.answer(move.answer_index)

    def _go_on(self, target: Place) -> None:
        if target.screen is ScreenId.RECAP:
            self.session.mark_completed(target.procedure_id)
        self.navigator.go(target)

    def back(self) -> bool:
        return self.navigator.back()

    def home(self) -> None:
        self.navigator.go(Place(ScreenId.HOME))

    def open_help(self) -> None:
        if self.place.screen not in HELP_SCREENS:
            self.navigator.go(Place(ScreenId.HELP))

    def ask_for_help(self, kind: HelpKind) -> HelpRequest:
        where = self.place_outside_help()
        step = self.step(where)
        practice_page, practice_mistakes = self._practice_progress(where)
        context = HelpContext(
            screen=where.screen.value,
            language=self.session.language,
            procedure_id=where.procedure_id,
            step_id=step.id if step else "",
            seconds_on_step=self.session.seconds_on_current_step(self._clock()),
            practice_page=practice_page,
            practice_mistakes=practice_mistakes,
            site_host=self.site_host if self.site_procedure_id else "",
        )
        request = self.help_desk.request(kind, context)
        self.session.help_requests.append(request)
        self.navigator.go(Place(ScreenId.HELP_SENT))
        return request

    def _practice_progress(self, where: Place) -> tuple[str, tuple[str, ...]]:
        """On a practice site: the page, and the kinds of mistakes made on it (never what was typed)."""
        run = self.practice_run
        if where.screen is not ScreenId.PRACTICE or run is None or run.finished:
            return "", ()
        on_page = [mistake.code for mistake in run.mistakes if mistake.page_id == run.page.id]
        return run.page.id, tuple(dict.fromkeys(on_page))

    def leave_help(self) -> None:
        """Back to exactly where the person was; a request already sent stays open."""
        self.navigator.back_out_of(HELP_SCREENS)

    def cancel_help(self) -> None:
        request = self.pending_help()
        if request is not None:
            self.help_desk.cancel(request)
        self.leave_help()

    def open_leave(self) -> None:
        """The person wants to go: ask whether to erase everything or keep it for next time."""
        self.navigator.go(Place(ScreenId.LEAVE))

    def show_kept(self, code: Secret) -> None:
        self.kept_code = code
        self.navigator.go(Place(ScreenId.KEPT))

    def open_resume(self) -> None:
        self.navigator.go(Place(ScreenId.RESUME))

    def resume(self, state: dict[str, object]) -> None:
        """Carry on from a state kept at an earlier visit (see kiosk.visit.resume)."""
        places = places_of(state)
        if not all(self._exists(place) for place in places):
            places = [WELCOME, Place(ScreenId.HOME)]  # the content changed since: start from the situations
        apply_preferences(self.session, state)
        translation.set_language(self.session.language)
        self.navigator.restore(places)

    def _exists(self, place: Place) -> bool:
        if not place.procedure_id:
            return True
        procedure = self.catalog.procedures.get(place.procedure_id)
        if place.screen is ScreenId.PRACTICE and place.procedure_id not in self.catalog.practice:
            return False
        return procedure is not None and place.step_index < len(procedure.steps)

    def cycle_text_size(self) -> None:
        self.session.cycle_text_size()

    def end(self) -> None:
        """The person has left: their open requests are withdrawn, the code on screen and the answers to
        « Quelles aides pour moi ? » wiped."""
        for request in self.session.help_requests:
            self.help_desk.cancel(request)
        self.forget_practice_run()
        self.forget_rights()
        self.site_procedure_id = ""
        self.site_host = ""
        if self.kept_code is not None:
            self.kept_code.wipe()

    def _moved(self, place: Place) -> None:
        step = self.step(place)
        if place.screen not in HELP_SCREENS:
            self.session.enter(
                place.procedure_id,
                step.id if step else "",
                self._clock(),
                practising=place.screen is ScreenId.PRACTICE,
            )
        self._on_change(place)
