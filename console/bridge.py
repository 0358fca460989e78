"""The one place the core meets QtCore: worker-thread events become calls on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class GuiBridge(QObject):
    """Create on the GUI thread. `post(fn, arg)` may be called from any thread; `fn(arg)` runs on the GUI thread."""

    _delivered = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[Any], None], arg: Any) -> None:
        self._delivered.emit(fn, arg)

    @Slot(object, object)
    def _deliver(self, fn: Callable[[Any], None], arg: Any) -> None:
        fn(arg)
