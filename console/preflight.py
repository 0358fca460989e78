"""Pre-flight: is everything the war room relies on in place before the on-sale?

Each check reads the live backends once and says ok, warning or failed, with one line of detail that
names what to fix. Warnings are shown but do not fail the pre-flight: a workstation without an audio
device still beeps, and a paused waiting room may be the plan. The window's checklist and
`saleday-console check` run the same checks; both run them off the GUI thread (network I/O).
Names and details are marked for translation (console.text): the CLI prints their English, the window
says them in its language.
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
from console.permissions import failure_text
from console.preflight_token import check_token_lifetime
from console.runtime import DEMO_AWS_CREDENTIALS
from console.snapshots import SourceName
from console.sources.aws import AwsSource
from console.sources.aws_clients import to_source_error
from console.sources.aws_control import AutoScalingControl
from console.sources.cloudflare import CloudflareSource
from console.sources.cloudflare_control import SECURITY_LEVELS, CloudflareControl
from console.sources.cloudflare_token import read_token_lifetime
from console.sources.errors import SourceError
from console.sources.shop import ShopSource
from console.text import Text, TextContext

Checks = TextContext("Checks")
DEFAULT_WINDOW_HOURS = 4.0
SOUND_OK = "QtMultimedia"


class CheckStatus(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str  # one of CHECK_NAMES, in English: the window translates it
    status: CheckStatus
    detail: str  # English; a console.text.Text the window says in its language


@dataclass(frozen=True, slots=True)
class PreflightPlan:
    """What the checks compare against: the planned peak (instances), the sale window, the sound backend."""

    planned_peak: int | None = None  # None: the larger of desired capacity and a scheduled pre-scale
    window_hours: float = DEFAULT_WINDOW_HOURS  # the sale window: this long after the on-sale
    sound_backend: str | None = None  # as AlertSound reports it; None: not known here, not checked
    sso_cache_dir: Path | None = None  # botocore's ~/.aws/sso/cache unless set


CHECK_NAMES = (
    Checks.tr("AWS reachable"),
    Checks.tr("AWS sign-in lasts the sale"),
    Checks.tr("Capacity headroom"),
    Checks.tr("Pre-scale"),
    Checks.tr("Cloudflare reachable"),
    Checks.tr("Cloudflare token lasts the sale"),
    Checks.tr("Waiting room"),
    Checks.tr("Security level"),
    Checks.tr("Shop API"),
    Checks.tr("Alert sound"),
)
CLOUDFLARE_CHECKS = CHECK_NAMES[4:8]


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


def countdown_text(campaign: Campaign, now: datetime) -> Text:
    onsale = campaign.campaign.onsale_at
    local = onsale.astimezone(ZoneInfo(campaign.campaign.timezone))
    return Checks.tr("{t} to the on-sale at {at} {zone}").format(
        t=t_minus(now, onsale), at=f"{local:%Y-%m-%d %H:%M}", zone=campaign.campaign.timezone)


def countdown_line(campaign: Campaign, now: datetime) -> str:
    return str(countdown_text(campaign, now))


def _result(name: str, status: str, detail: str) -> CheckResult:
    return CheckResult(name, CheckStatus(status), detail)


def _failed(name: str, source: SourceName, error: SourceError) -> CheckResult:
    return CheckResult(name, CheckStatus.FAILED, failure_text(source, error))


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
        group = Checks.tr("group {group}: desired {desired} ({low}..{high}), {healthy} healthy targets")
        return _result(name, "ok", group.format(group=snapshot.group_name, desired=snapshot.desired_capacity,
                                                low=snapshot.min_size, high=snapshot.max_size, healthy=serving))

    def sign_in_check(self) -> CheckResult:
        name = "AWS sign-in lasts the sale"
        try:
            sign_in = aws_sign_in(self.campaign.aws, self._aws_credentials(), self.plan.sso_cache_dir)
        except BotoCoreError as exc:
            return _failed(name, SourceName.AWS, to_source_error(exc, "reading the AWS configuration"))
        status, message = check_sign_in(sign_in, self.window_end, self.clock.now())
        return _result(name, status, message)

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
        values = {"peak": peak, "max_size": group.max_size, "cap": safety.max_instances}
        if cap < peak:
            above = (Checks.tr("planned peak {peak} is above MaxSize (MaxSize {max_size}, safety cap {cap}): raise it")
                     if group.max_size < safety.max_instances else
                     Checks.tr("planned peak {peak} is above the safety cap (MaxSize {max_size}, safety cap {cap}): "
                               "raise it"))
            return _result(name, "failed", above.format(**values))
        values["room"] = cap - peak
        if cap - peak < safety.scale_out_step:
            little = Checks.tr("planned peak {peak}; MaxSize {max_size}, safety cap {cap}: room for {room} more, "
                               "less than one scale-out step ({step})")
            return _result(name, "warning", little.format(step=safety.scale_out_step, **values))
        if group.max_size < safety.max_instances:
            return _result(name, "ok", Checks.tr("planned peak {peak}; MaxSize {max_size}, safety cap {cap}: room for "
                                                 "{room} more (MaxSize binds before the safety cap)").format(**values))
        return _result(name, "ok", Checks.tr("planned peak {peak}; MaxSize {max_size}, safety cap {cap}: room for "
                                             "{room} more").format(**values))

    def _prescale(self, control: AutoScalingControl) -> CheckResult:
        name = "Pre-scale"
        try:
            scheduled = control.scheduled_capacity(PRESCALE_ACTION_NAME)
        except SourceError as exc:
            return _failed(name, SourceName.AWS, exc)
        if scheduled is None:
            return _result(name, "ok", Checks.tr("none scheduled (optional)"))
        onsale = self.campaign.campaign.onsale_at
        when = {"count": scheduled.desired, "at": f"{scheduled.start:%Y-%m-%d %H:%M} UTC",
                "t": t_minus(scheduled.start, onsale)}
        if scheduled.start <= self.clock.now():
            return _result(name, "ok", Checks.tr("ran or due: {count} instances at {at} ({t})").format(**when))
        if scheduled.start > onsale:
            late = Checks.tr("scheduled after the on-sale: {count} instances at {at} ({t})")
            return _result(name, "warning", late.format(**when))
        return _result(name, "ok", Checks.tr("scheduled: {count} instances at {at} ({t})").format(**when))

    # ---------------------------------------------------------------- Cloudflare

    def cloudflare_checks(self) -> list[CheckResult]:
        try:
            token = secret_for(self.campaign, SecretSource.CLOUDFLARE)
        except MissingSecret as exc:
            return [_result(name, "failed", exc.text) for name in CLOUDFLARE_CHECKS]
        control = CloudflareControl(self.campaign.cloudflare, token, timeout=self.campaign.poll.timeout)
        try:
            return [self._cloudflare_reachable(token), self.token_check(token), self._room(control),
                    self._level(control)]
        finally:
            control.close()

    def token_check(self, token: str) -> CheckResult:
        """Cloudflare's own word on the token: active, and valid from now until the sale window ends."""
        name = "Cloudflare token lasts the sale"
        try:
            lifetime = read_token_lifetime(self.campaign.cloudflare, token, timeout=self.campaign.poll.timeout)
        except SourceError as exc:
            return _failed(name, SourceName.CLOUDFLARE, exc)
        status, message = check_token_lifetime(lifetime, self.window_end, self.clock.now())
        return _result(name, status, message)

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
        readable = Checks.tr("zone {zone}: security level {level}, {minutes} minutes of traffic readable")
        return _result(name, "ok", readable.format(zone=self.campaign.cloudflare.zone_id,
                                                   level=snapshot.security_level, minutes=len(snapshot.traffic)))

    def source_check(self, source: SourceName) -> CheckResult:
        """Only "can this source be read with its credentials": `credentials test` and the dialog's Test."""
        if source is SourceName.AWS:
            return self._aws_reachable()
        if source is SourceName.SHOP:
            return self.shop_check()
        try:
            token = secret_for(self.campaign, SecretSource.CLOUDFLARE)
        except MissingSecret as exc:
            return _result("Cloudflare reachable", "failed", exc.text)
        return self._cloudflare_reachable(token)

    def _room(self, control: CloudflareControl) -> CheckResult:
        name = "Waiting room"
        try:
            room = control.room()
        except SourceError as exc:
            return _failed(name, SourceName.CLOUDFLARE, exc)
        if room.suspended:
            suspended = Checks.tr("'{room}' is suspended: everyone goes straight to the shop")
            return _result(name, "failed", suspended.format(room=room.name))
        if room.new_users_per_minute < 1:
            return _result(name, "failed", Checks.tr("'{room}' has no admission rate set").format(room=room.name))
        values = {"room": room.name, "host": room.host, "rate": room.new_users_per_minute,
                  "users": room.total_active_users}
        if room.queue_all:
            paused = Checks.tr("'{room}' on {host}: admits {rate}/min, up to {users} active users; admissions are "
                               "paused (queue_all)")
            return _result(name, "warning", paused.format(**values))
        admits = Checks.tr("'{room}' on {host}: admits {rate}/min, up to {users} active users")
        return _result(name, "ok", admits.format(**values))

    def _level(self, control: CloudflareControl) -> CheckResult:
        name = "Security level"
        try:
            level = control.security_level()
        except SourceError as exc:
            return _failed(name, SourceName.CLOUDFLARE, exc)
        if level not in SECURITY_LEVELS:
            return _result(name, "failed", Checks.tr("unknown security level '{level}'").format(level=level))
        if level == "under_attack":
            return _result(name, "warning", Checks.tr("already 'under attack': every visitor gets a challenge"))
        return _result(name, "ok", level)

    # ---------------------------------------------------------------- shop and sound

    def shop_check(self) -> CheckResult:
        name = "Shop API"
        try:
            key = secret_for(self.campaign, SecretSource.SHOP)
        except MissingSecret as exc:
            return _result(name, "failed", exc.text)
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
        sold = Checks.tr("{sold} of {capacity} sold, {queued} queued, admitting {rate}/min")
        return _result(name, "ok", sold.format(sold=shop.tickets_sold, capacity=shop.capacity,
                                               queued=shop.queue_length, rate=shop.admission_rate))

    def sound_check(self) -> CheckResult:
        name = "Alert sound"
        backend = self.plan.sound_backend
        if backend is None:
            return _result(name, "warning", Checks.tr("not checked here"))
        if backend == SOUND_OK:
            return _result(name, "ok", Checks.tr("plays through QtMultimedia"))
        return _result(name, "warning", Checks.tr("fallback in use: {backend}").format(
                                           backend=backend))
