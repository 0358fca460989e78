"""Pre-flight: is everything the war room relies on in place before the on-sale?

Each check reads the live backends once and says ok, warning or failed, with one line of detail that
names what to fix. Warnings are shown but do not fail the pre-flight: a workstation without an audio
device still beeps, and a paused waiting room may be the plan. The window's checklist and
`saleday-console check` run the same checks; both run them off the GUI thread (network I/O).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from botocore.exceptions import BotoCoreError

from console.actions.prescale import PRESCALE_ACTION_NAME
from console.aws_signin import aws_sign_in, check_sign_in
from console.clock import Clock
from console.config import Campaign
from console.credentials import MissingSecret, SecretSource, secret_for
from console.permissions import describe_failure
from console.runtime import DEMO_AWS_CREDENTIALS
from console.snapshots import SourceName
from console.sources.aws import AwsSource
from console.sources.aws_clients import to_source_error
from console.sources.aws_control import AutoScalingControl
from console.sources.cloudflare import CloudflareSource
from console.sources.cloudflare_control import SECURITY_LEVELS, CloudflareControl
from console.sources.errors import SourceError
from console.sources.shop import ShopSource

DEFAULT_WINDOW_HOURS = 4.0
SOUND_OK = "QtMultimedia"


class CheckStatus(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    status: CheckStatus
    detail: str


@dataclass(frozen=True, slots=True)
class PreflightPlan:
    """What the checks compare against: the planned peak (instances), the sale window, the sound backend."""

    planned_peak: int | None = None  # None: the larger of desired capacity and a scheduled pre-scale
    window_hours: float = DEFAULT_WINDOW_HOURS  # the sale window: this long after the on-sale
    sound_backend: str | None = None  # as AlertSound reports it; None: not known here, not checked
    sso_cache_dir: Path | None = None  # botocore's ~/.aws/sso/cache unless set


CHECK_NAMES = ("AWS reachable", "AWS sign-in lasts the sale", "Capacity headroom", "Pre-scale",
               "Cloudflare reachable", "Waiting room", "Security level", "Shop API", "Alert sound")


def passed(results: Iterable[CheckResult]) -> bool:
    """True when nothing failed; warnings do not fail the pre-flight."""
    return all(result.status is not CheckStatus.FAILED for result in results)


def t_minus(now: datetime, onsale: datetime) -> str:
    """"T-1:02:03" before the on-sale, "T+0:05" after it."""
    seconds = int((onsale - now).total_seconds())
    sign = "T-" if seconds > 0 else "T+"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{sign}{rest // 60}:{rest % 60:02d}"


def countdown_line(campaign: Campaign, now: datetime) -> str:
    onsale = campaign.campaign.onsale_at
    local = onsale.astimezone(ZoneInfo(campaign.campaign.timezone))
    return f"{t_minus(now, onsale)} to the on-sale at {local:%Y-%m-%d %H:%M} {campaign.campaign.timezone}"


def _result(name: str, status: str, detail: str) -> CheckResult:
    return CheckResult(name, CheckStatus(status), detail)


def _failed(name: str, source: SourceName, error: SourceError) -> CheckResult:
    return CheckResult(name, CheckStatus.FAILED, describe_failure(source, error))


class Preflight:
    """One run of the checks for a campaign; `run()` may be called again for a fresh reading."""

    def __init__(self, campaign: Campaign, clock: Clock, plan: PreflightPlan | None = None) -> None:
        self.campaign = campaign
        self.clock = clock
        self.plan = plan or PreflightPlan()

    @property
    def window_end(self) -> datetime:
        return self.campaign.campaign.onsale_at + timedelta(hours=self.plan.window_hours)

    def run(self, on_result: Callable[[CheckResult], None] | None = None) -> list[CheckResult]:
        """Every check in CHECK_NAMES order; `on_result` hears each as it is known (on this thread)."""
        results: list[CheckResult] = []

        def add(items: Iterable[CheckResult]) -> None:
            for item in items:
                results.append(item)
                if on_result is not None:
                    on_result(item)

        add(self.aws_checks())
        add(self.cloudflare_checks())
        add([self.shop_check(), self.sound_check()])
        return results

    # ---------------------------------------------------------------- AWS

    def _aws_credentials(self) -> tuple[str, str] | None:
        return DEMO_AWS_CREDENTIALS if self.campaign.is_demo else None

    def aws_checks(self) -> list[CheckResult]:
        campaign, timeout = self.campaign, self.campaign.poll.timeout
        results = [self._aws_reachable(), self.sign_in_check()]
        control = AutoScalingControl(campaign.aws, timeout=timeout, credentials=self._aws_credentials())
        try:
            results.append(self._headroom(control))
            results.append(self._prescale(control))
        finally:
            control.close()
        return results

    def _aws_reachable(self) -> CheckResult:
        name = "AWS reachable"
        source = AwsSource(self.campaign.aws, self.clock, timeout=self.campaign.poll.timeout,
                           credentials=self._aws_credentials())
        try:
            snapshot = source.fetch()
        except SourceError as exc:
            return _failed(name, SourceName.AWS, exc)
        finally:
            source.close()
        serving = sum(1 for i in snapshot.instances if i.target_health == "healthy")
        return _result(name, "ok", f"group {snapshot.group_name}: desired {snapshot.desired_capacity} "
                                   f"({snapshot.min_size}..{snapshot.max_size}), {serving} healthy targets")

    def sign_in_check(self) -> CheckResult:
        name = "AWS sign-in lasts the sale"
        try:
            sign_in = aws_sign_in(self.campaign.aws, self._aws_credentials(), self.plan.sso_cache_dir)
        except BotoCoreError as exc:
            return _failed(name, SourceName.AWS, to_source_error(exc, "reading the AWS configuration"))
        status, detail = check_sign_in(sign_in, self.window_end, self.clock.now())
        return _result(name, status, detail)

    def _headroom(self, control: AutoScalingControl) -> CheckResult:
        name = "Capacity headroom"
        try:
            group = control.describe()
            scheduled = control.scheduled_capacity(PRESCALE_ACTION_NAME)
        except SourceError as exc:
            return _failed(name, SourceName.AWS, exc)
        safety = self.campaign.safety
        peak = self.plan.planned_peak or max(group.desired, scheduled.desired if scheduled else 0)
        cap = min(safety.max_instances, group.max_size)
        binding = f"MaxSize {group.max_size}, safety cap {safety.max_instances}"
        if cap < peak:
            limit = "MaxSize" if group.max_size < safety.max_instances else "the safety cap"
            return _result(name, "failed", f"planned peak {peak} is above {limit} ({binding}): raise it")
        room = cap - peak
        detail = f"planned peak {peak}; {binding}: room for {room} more"
        if room < safety.scale_out_step:
            return _result(name, "warning", f"{detail}, less than one scale-out step ({safety.scale_out_step})")
        if group.max_size < safety.max_instances:
            return _result(name, "ok", f"{detail} (MaxSize binds before the safety cap)")
        return _result(name, "ok", detail)

    def _prescale(self, control: AutoScalingControl) -> CheckResult:
        name = "Pre-scale"
        try:
            scheduled = control.scheduled_capacity(PRESCALE_ACTION_NAME)
        except SourceError as exc:
            return _failed(name, SourceName.AWS, exc)
        if scheduled is None:
            return _result(name, "ok", "none scheduled (optional)")
        onsale = self.campaign.campaign.onsale_at
        when = f"{scheduled.describe()} ({t_minus(scheduled.start, onsale)})"
        if scheduled.start <= self.clock.now():
            return _result(name, "ok", f"ran or due: {when}")
        if scheduled.start > onsale:
            return _result(name, "warning", f"scheduled after the on-sale: {when}")
        return _result(name, "ok", f"scheduled: {when}")

    # ---------------------------------------------------------------- Cloudflare

    def cloudflare_checks(self) -> list[CheckResult]:
        names = ("Cloudflare reachable", "Waiting room", "Security level")
        try:
            token = secret_for(self.campaign, SecretSource.CLOUDFLARE)
        except MissingSecret as exc:
            return [_result(name, "failed", str(exc)) for name in names]
        control = CloudflareControl(self.campaign.cloudflare, token, timeout=self.campaign.poll.timeout)
        try:
            return [self._cloudflare_reachable(token), self._room(control), self._level(control)]
        finally:
            control.close()

    def _cloudflare_reachable(self, token: str) -> CheckResult:
        """Everything the Cloudflare panel reads (setting, room, status, GraphQL), with the token it has."""
        name = "Cloudflare reachable"
        source = CloudflareSource(self.campaign.cloudflare, token, self.clock, timeout=self.campaign.poll.timeout)
        try:
            snapshot = source.fetch()
        except SourceError as exc:
            return _failed(name, SourceName.CLOUDFLARE, exc)
        finally:
            source.close()
        return _result(name, "ok", f"zone {self.campaign.cloudflare.zone_id}: security level "
                                   f"{snapshot.security_level}, {len(snapshot.traffic)} minutes of traffic readable")

    def source_check(self, source: SourceName) -> CheckResult:
        """Only "can this source be read with its credentials": `credentials test` and the dialog's Test."""
        if source is SourceName.AWS:
            return self._aws_reachable()
        if source is SourceName.SHOP:
            return self.shop_check()
        try:
            token = secret_for(self.campaign, SecretSource.CLOUDFLARE)
        except MissingSecret as exc:
            return _result("Cloudflare reachable", "failed", str(exc))
        return self._cloudflare_reachable(token)

    def _room(self, control: CloudflareControl) -> CheckResult:
        name = "Waiting room"
        try:
            room = control.room()
        except SourceError as exc:
            return _failed(name, SourceName.CLOUDFLARE, exc)
        if room.suspended:
            return _result(name, "failed", f"{room.name!r} is suspended: everyone goes straight to the shop")
        if room.new_users_per_minute < 1:
            return _result(name, "failed", f"{room.name!r} has no admission rate set")
        detail = (f"{room.name!r} on {room.host}: admits {room.new_users_per_minute}/min, "
                  f"up to {room.total_active_users} active users")
        if room.queue_all:
            return _result(name, "warning", f"{detail}; admissions are paused (queue_all)")
        return _result(name, "ok", detail)

    def _level(self, control: CloudflareControl) -> CheckResult:
        name = "Security level"
        try:
            level = control.security_level()
        except SourceError as exc:
            return _failed(name, SourceName.CLOUDFLARE, exc)
        if level not in SECURITY_LEVELS:
            return _result(name, "failed", f"unknown security level {level!r}")
        if level == "under_attack":
            return _result(name, "warning", "already 'under attack': every visitor gets a challenge")
        return _result(name, "ok", level)

    # ---------------------------------------------------------------- shop and sound

    def shop_check(self) -> CheckResult:
        name = "Shop API"
        try:
            key = secret_for(self.campaign, SecretSource.SHOP)
        except MissingSecret as exc:
            return _result(name, "failed", str(exc))
        try:
            source = ShopSource(self.campaign.shop, key, self.clock, timeout=self.campaign.poll.timeout)
        except ValueError as exc:
            return _result(name, "failed", str(exc))
        try:
            shop = source.fetch()
        except SourceError as exc:
            return _failed(name, SourceName.SHOP, exc)
        finally:
            source.close()
        return _result(name, "ok", f"{shop.tickets_sold} of {shop.capacity} sold, {shop.queue_length} queued, "
                                   f"admitting {shop.admission_rate}/min")

    def sound_check(self) -> CheckResult:
        name = "Alert sound"
        backend = self.plan.sound_backend
        if backend is None:
            return _result(name, "warning", "not checked here")
        if backend == SOUND_OK:
            return _result(name, "ok", "plays through QtMultimedia")
        return _result(name, "warning", f"fallback in use: {backend}")
