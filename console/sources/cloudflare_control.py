"""The two Cloudflare changes an operator may make: the zone's security level and room admissions.

Each reads the current value first, so the audit log can say what it was before and after. The waiting
room is paused with `queue_all`, never with `suspended`: a suspended room is switched off and lets
everyone straight into the shop, the opposite of a pause.
"""

from __future__ import annotations

from dataclasses import asdict

import cloudflare

from console.config import CloudflareConfig
from console.sources.cloudflare import call_sdk, make_client
from console.sources.cloudflare_parse import RoomSettings, parse_room, parse_security_level

SECURITY_LEVELS = ("off", "essentially_off", "low", "medium", "high", "under_attack")


class CloudflareControl:
    """Runs on the action worker; every failure is a SourceError (kind + message without the token)."""

    def __init__(self, cloudflare_config: CloudflareConfig, token: str, timeout: float = 8.0) -> None:
        self._zone = cloudflare_config.zone_id
        self._room = cloudflare_config.waiting_room_id
        self._token = token
        self._client = make_client(cloudflare_config, token, timeout)

    def security_level(self) -> str:
        settings = self._client.zones.settings
        return parse_security_level(
            call_sdk(lambda: settings.with_raw_response.get("security_level", zone_id=self._zone).json(), self._token)
        )

    def set_security_level(self, level: str) -> str:
        """Set the zone's security level (e.g. "under_attack"); returns the level it had before."""
        if level not in SECURITY_LEVELS:
            raise ValueError(f"security level must be one of {', '.join(SECURITY_LEVELS)}, not {level!r}")
        previous = self.security_level()
        settings = self._client.zones.settings
        parse_security_level(
            call_sdk(
                lambda: settings.with_raw_response.edit("security_level", zone_id=self._zone, value=level).json(),
                self._token,
            )
        )
        return previous

    def room(self) -> RoomSettings:
        rooms = self._client.waiting_rooms
        return parse_room(
            call_sdk(lambda: rooms.with_raw_response.get(self._room, zone_id=self._zone).json(), self._token)
        )

    def set_room_admissions(
        self, queue_all: bool | None = None, new_users_per_minute: int | None = None
    ) -> tuple[dict[str, object], dict[str, object]]:
        """Pause/resume admissions (`queue_all`) and/or set the admission rate; returns (before, after).

        The API wants host, name, new_users_per_minute and total_active_users in every PATCH, so they
        are read from the room and sent back with the change.
        """
        if queue_all is None and new_users_per_minute is None:
            raise ValueError("nothing to change: give queue_all and/or new_users_per_minute")
        if new_users_per_minute is not None and (
            isinstance(new_users_per_minute, bool)
            or not isinstance(new_users_per_minute, int)
            or new_users_per_minute < 1
        ):
            raise ValueError("new_users_per_minute must be a positive integer")
        before = self.room()
        rooms = self._client.waiting_rooms
        after = parse_room(
            call_sdk(
                lambda: rooms.with_raw_response.edit(
                    self._room,
                    zone_id=self._zone,
                    host=before.host,
                    name=before.name,
                    new_users_per_minute=(
                        before.new_users_per_minute if new_users_per_minute is None else new_users_per_minute
                    ),
                    total_active_users=before.total_active_users,
                    queue_all=cloudflare.omit if queue_all is None else queue_all,
                ).json(),
                self._token,
            )
        )
        return asdict(before), asdict(after)

    def close(self) -> None:
        self._client.close()
