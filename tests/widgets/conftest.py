"""Widget tests run under the real theme, since "greyed out" and "red" are the stylesheet's doing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from widgets.theme import apply_theme


@pytest.fixture(autouse=True)
def themed(qapp: QApplication) -> Iterator[QApplication]:
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet("")
