"""``python -m ui``: start the kiosk, same as the ``kiosk`` command."""

import sys

from ui.app import main

sys.exit(main())
