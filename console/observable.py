"""A value that tells its subscribers when it really changes.

Panels subscribe to these; an equal value set twice notifies nobody, so a quiet source causes no
repaint. Deliberately tiny: the core stays Qt-free, and Qt signals take over in the bridge.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
Listener = Callable[[T], None]


class Observable(Generic[T]):
    def __init__(self, value: T) -> None:
        self._value = value
        self._listeners: list[Listener[T]] = []

    @property
    def value(self) -> T:
        return self._value

    def set(self, value: T) -> bool:
        """Store `value`; notify and return True only if it differs from the current one."""
        if value == self._value:
            return False
        self._value = value
        for listener in list(self._listeners):
            listener(value)
        return True

    def subscribe(self, listener: Listener[T]) -> Callable[[], None]:
        """Call `listener` on every change; returns the function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None
