"""The campaign file: one TOML file per on-sale, validated with field-named errors.

`load_campaign` raises ConfigError with one line that names the key and the problem; the CLI turns it
into exit code 2. Secrets never live here: tokens come from the keychain (console.credentials).
"""

from __future__ import annotations

import re
import reprlib
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

PositiveSeconds = Annotated[float, Field(gt=0, le=3600)]


class ConfigError(Exception):
    """The campaign file cannot be used; the message names the key and the problem."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class CampaignInfo(_Section):
    name: str = Field(min_length=1)
    onsale_at: datetime
    currency: str = Field(default="PLN", pattern=r"^[A-Z]{3}$")
    timezone: str = "Europe/Warsaw"

    @field_validator("onsale_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("must include a UTC offset, e.g. 2026-12-01T10:00:00+01:00")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """Checked here because the window, the report and the prescale schedule all need it."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError("is not a known time zone; use an IANA name like Europe/Warsaw") from None
        return value


class AwsConfig(_Section):
    region: str = Field(min_length=1)
    profile: str | None = None
    endpoint_url: str | None = None  # only for emulators
    autoscaling_group: str = Field(min_length=1)
    load_balancer: str = Field(min_length=1)  # ALB name
    target_group: str = Field(min_length=1)  # target group name
    rds_instance: str = Field(min_length=1)
    instance_price_per_hour: float = Field(default=0.0, ge=0)
    warmup_minutes: float = Field(default=5.0, ge=0)


class CloudflareConfig(_Section):
    zone_id: str = Field(min_length=1)
    waiting_room_id: str = Field(min_length=1)
    base_url: str | None = None  # only for emulators
    consoles_sharing_token: int = Field(default=1, ge=1, le=50)


class ShopConfig(_Section):
    base_url: str = Field(min_length=1)

    @field_validator("base_url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")


class PollConfig(_Section):
    """Seconds between polls of each source, on the wall clock."""

    aws: PositiveSeconds = 20.0
    cloudflare: PositiveSeconds = 20.0
    shop: PositiveSeconds = 2.0
    timeout: PositiveSeconds = 8.0
    stale_after_polls: float = Field(default=3.0, ge=1)


class AlertConfig(_Section):
    error_rate_percent: float = Field(default=2.0, gt=0, le=100)
    latency_ms: float = Field(default=800.0, gt=0)
    unhealthy_targets: int = Field(default=1, ge=1)
    db_cpu_percent: float = Field(default=80.0, gt=0, le=100)
    queue_wait_minutes: float = Field(default=30.0, gt=0)
    admissions_paused_minutes: float = Field(default=5.0, gt=0)
    source_stale_seconds: float = Field(default=90.0, gt=0)


class SafetyConfig(_Section):
    max_instances: int = Field(default=20, ge=1, le=1000)
    scale_out_step: int = Field(default=2, ge=1, le=100)
    max_admission_rate: int = Field(default=5000, ge=1)


class AdmissionConfig(_Section):
    control: Literal["shop", "cloudflare"] = "shop"


class DemoClockConfig(_Section):
    """Written by `demo serve` so that every console joining the demo shares simulated time."""

    speed: float = Field(gt=0, le=1000)
    origin_wall: float
    origin_sim: datetime


class Campaign(_Section):
    campaign: CampaignInfo
    aws: AwsConfig
    cloudflare: CloudflareConfig
    shop: ShopConfig
    poll: PollConfig = PollConfig()
    alerts: AlertConfig = AlertConfig()
    safety: SafetyConfig = SafetyConfig()
    admission: AdmissionConfig = AdmissionConfig()
    demo: DemoClockConfig | None = None

    @property
    def is_demo(self) -> bool:
        return self.demo is not None


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60


def _brief(value: object) -> str:
    """A value as Python writes it, escaped onto one line and cut to a glance: a whole table may be the input."""
    text = _SHORT.repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _key_text(part: str | int) -> str:
    """A key as written, or quoted when it holds spaces or control characters (the message is one line)."""
    text = str(part)
    return text if _PLAIN_KEY.fullmatch(text) else _brief(text)


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    key = ".".join(_key_text(part) for part in first["loc"]) or "(top level)"
    kind = first["type"]
    if kind == "missing":
        problem = "is required but missing"
    elif kind == "extra_forbidden":
        problem = "is not a known key"
    else:
        problem = first["msg"].removeprefix("Value error, ")
        if "input" in first and kind != "model_type":
            problem += f" (got {_brief(first['input'])})"
    more = len(error.errors()) - 1
    suffix = f"; and {more} more problem{'s' if more > 1 else ''}" if more else ""
    return f"{key}: {problem}{suffix}"


def parse_campaign(text: str, origin: str = "campaign file") -> Campaign:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and inline tables
        raise ConfigError(f"{origin}: not valid TOML: arrays or tables nested too deeply") from None
    try:
        return Campaign.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{origin}: {_describe(exc)}") from None


def load_campaign(path: Path) -> Campaign:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    return parse_campaign(text, str(path))
