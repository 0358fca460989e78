"""Keychain backends for tests: in memory (set in-process), or a JSON file a subprocess finds.

keyring loads the backend named in PYTHON_KEYRING_BACKEND before any detection, so a subprocess
started with PYTHON_KEYRING_BACKEND=tests.credentials.keyrings.FileKeyring and SALEDAY_TEST_KEYRING
pointing at a file uses that file as its keychain. The file stands in for the OS keychain: tests scan
everything else the console writes for the secret, never this file.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "SALEDAY_TEST_KEYRING"
FILE_BACKEND = "tests.credentials.keyrings.FileKeyring"


class MemoryKeyring(KeyringBackend):
    priority = -5  # never picked by keyring's own detection: only when named

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


class FileKeyring(KeyringBackend):
    """Entries as {"service": {"user": "secret"}} in the file SALEDAY_TEST_KEYRING names."""

    priority = -5  # never picked by keyring's own detection: only when named

    @staticmethod
    def _path() -> Path:
        return Path(os.environ[FILE_ENV])

    def _load(self) -> dict[str, dict[str, str]]:
        path = self._path()
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def _save(self, entries: dict[str, dict[str, str]]) -> None:
        self._path().write_text(json.dumps(entries), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load()
        entries.setdefault(service, {})[username] = password
        self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        if entries.get(service, {}).pop(username, None) is None:
            raise PasswordDeleteError("no such entry")
        self._save(entries)


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's file backend: the console must refuse it as it refuses that one."""


class SlowKeyring(MemoryKeyring):
    """A keychain that takes `delay` seconds to answer the calls named in `slow` ("get", "set", "delete"),
    as a locked keychain waiting for its owner or a Secret Service starting up does."""

    def __init__(self, delay: float = 2.0, slow: frozenset[str] = frozenset({"get", "set", "delete"})) -> None:
        super().__init__()
        self.delay = delay
        self.slow = slow
        self.calls: list[tuple[str, str]] = []  # (call, thread name): where each call ran

    def _wait(self, call: str) -> None:
        self.calls.append((call, threading.current_thread().name))
        if call in self.slow:
            time.sleep(self.delay)

    def get_password(self, service: str, username: str) -> str | None:
        self._wait("get")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._wait("set")
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._wait("delete")
        super().delete_password(service, username)
