"""A kiosk window whose mediators' PIN is set, mediator mode closed."""

from __future__ import annotations

import pytest

from kiosk.mediation.pin import PinLock
from kiosk.secret import Secret
from tests.ui.mediator.helpers import PIN
from ui.main_window import MainWindow


@pytest.fixture
def configured(stored_window: MainWindow) -> MainWindow:
    store = stored_window.station.keeper.store
    assert store is not None
    PinLock(store).set_pin(Secret(PIN))
    stored_window.mediator_panel.hide()
    return stored_window
