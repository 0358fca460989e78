"""Test-wide setup that must happen before anything imports Qt."""

from __future__ import annotations

import os

# Widget tests run without a display (CI, SSH); a developer can still say QT_QPA_PLATFORM=xcb to watch.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
