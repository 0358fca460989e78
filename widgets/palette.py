"""The theme's few colours, for what QSS cannot reach (pyqtgraph curves, axes, marker lines).

Keep in step with resources/dark.qss, which names the same colours at its top.
"""

from __future__ import annotations

BACKGROUND = "#0d1117"
SURFACE = "#161b22"
BORDER = "#30363d"
TEXT = "#e6edf3"
MUTED = "#8b949e"
DIM = "#484f58"

ACCENT = "#58a6ff"
OK = "#3fb950"
WARN = "#d29922"
ALARM = "#f85149"
ALERT = "#db61a2"

# Curves: distinct on the dark background and for the common colour-vision deficiencies, in pairs
# (each chart shows at most two or three series).
BLUE = "#58a6ff"
ORANGE = "#f0883e"
VIOLET = "#bc8cff"
CYAN = "#39c5cf"
GREEN = "#3fb950"
RED = "#f85149"
YELLOW = "#e3b341"
