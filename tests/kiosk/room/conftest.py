"""The room link's tests share the real broker fixture."""

from tests.room_broker import room  # noqa: F401 - the fixture
