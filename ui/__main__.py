"""``python -m ui``: start the kiosk, same as the ``kiosk`` command."""

import sys

from ui.launcher import main

sys.exit(main())
