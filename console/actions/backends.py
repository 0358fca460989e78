"""The live values the actions read and change, one small adapter per resource over the controls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from console.config import Campaign
from console.sources.aws_control import AutoScalingControl, GroupCapacity
from console.sources.cloudflare_control import CloudflareControl
from console.sources.shop_control import ShopQueueControl


@dataclass(frozen=True)
class Admissions:
    paused: bool
    rate: int

    def describe(self) -> str:
        return f"{'paused' if self.paused else 'admitting'} at {self.rate}/min"


class AdmissionControl(Protocol):
    """The shop's queue or the Cloudflare waiting room, whichever the campaign names."""

    def read(self) -> Admissions: ...

    def set_paused(self, paused: bool, key: str) -> Admissions: ...

    def set_rate(self, rate: int, key: str) -> Admissions: ...


class ShopAdmissions:
    def __init__(self, control: ShopQueueControl) -> None:
        self._control = control

    def read(self) -> Admissions:
        queue = self._control.read()
        return Admissions(queue.paused, queue.admission_rate)

    def set_paused(self, paused: bool, key: str) -> Admissions:
        change = self._control.pause(key) if paused else self._control.resume(key)
        return Admissions(change.after.paused, change.after.admission_rate)

    def set_rate(self, rate: int, key: str) -> Admissions:
        change = self._control.set_admission_rate(rate, key)
        return Admissions(change.after.paused, change.after.admission_rate)


class RoomAdmissions:
    """The waiting room: `queue_all` pauses admissions. Never `suspended`: that lets everyone in."""

    def __init__(self, control: CloudflareControl) -> None:
        self._control = control

    def read(self) -> Admissions:
        room = self._control.room()
        return Admissions(room.queue_all, room.new_users_per_minute)

    def set_paused(self, paused: bool, key: str) -> Admissions:
        _, after = self._control.set_room_admissions(queue_all=paused)
        return Admissions(bool(after["queue_all"]), int(str(after["new_users_per_minute"])))

    def set_rate(self, rate: int, key: str) -> Admissions:
        _, after = self._control.set_room_admissions(new_users_per_minute=rate)
        return Admissions(bool(after["queue_all"]), int(str(after["new_users_per_minute"])))


@dataclass
class Backends:
    capacity: AutoScalingControl
    protection: CloudflareControl
    admissions: AdmissionControl

    def group(self) -> GroupCapacity:
        return self.capacity.describe()

    def close(self) -> None:
        self.capacity.close()
        self.protection.close()


def build_backends(campaign: Campaign, cloudflare_token: str, shop_key: str, aws_credentials: tuple[str, str] | None
                   ) -> Backends:
    timeout = campaign.poll.timeout
    cloudflare = CloudflareControl(campaign.cloudflare, cloudflare_token, timeout=timeout)
    admissions: AdmissionControl
    if campaign.admission.control == "cloudflare":
        admissions = RoomAdmissions(cloudflare)
    else:
        admissions = ShopAdmissions(ShopQueueControl(campaign.shop, shop_key, timeout=timeout))
    return Backends(AutoScalingControl(campaign.aws, timeout=timeout, credentials=aws_credentials), cloudflare,
                    admissions)
