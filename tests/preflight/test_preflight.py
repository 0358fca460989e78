"""The pre-flight checks against the live demo backends (moto, Cloudflare and shop emulators)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest
from botocore.stub import Stubber

from console.actions.audit import AuditLog, read_entries
from console.actions.backends import build_backends
from console.actions.prescale import PRESCALE_ACTION_NAME, prescale_request
from console.actions.requests import ActionKind, ActionRequest
from console.actions.service import ActionRefused, ActionService
from console.config import Campaign
from console.credentials import SecretSource, secret_for
from console.demo.environment import DemoEnvironment
from console.permissions import describe_failure
from console.preflight import (
    CHECK_NAMES,
    CheckResult,
    CheckStatus,
    Preflight,
    PreflightPlan,
    countdown_line,
    passed,
    t_minus,
)
from console.runtime import DEMO_AWS_CREDENTIALS, campaign_clock
from console.snapshots import FailureKind, SourceName
from console.sources.aws_control import AutoScalingControl
from console.sources.errors import SourceError


def run(campaign: Campaign, **plan: object) -> dict[str, CheckResult]:
    results = Preflight(campaign, campaign_clock(campaign), PreflightPlan(**plan)).run()  # type: ignore[arg-type]
    assert [r.name for r in results] == list(CHECK_NAMES)
    return {r.name: r for r in results}


def statuses(results: dict[str, CheckResult]) -> dict[str, str]:
    return {name: r.status.value for name, r in results.items()}


def test_the_demo_passes_every_check(campaign: Campaign) -> None:
    results = run(campaign, sound_backend="QtMultimedia", planned_peak=10)
    assert set(statuses(results).values()) == {"ok"}, results
    assert passed(results.values())
    assert "shop-web" in results["AWS reachable"].detail
    assert results["Security level"].detail == "medium"


def test_an_audio_fallback_is_a_warning_not_a_failure(campaign: Campaign) -> None:
    results = run(campaign, sound_backend="system beep (no audio output device)")
    assert results["Alert sound"].status is CheckStatus.WARNING
    assert "system beep" in results["Alert sound"].detail
    assert passed(results.values())


def test_a_missing_group_fails_and_says_which(campaign: Campaign) -> None:
    wrong = campaign.model_copy(update={"aws": campaign.aws.model_copy(update={"autoscaling_group": "no-such"})})
    results = run(wrong)
    assert results["AWS reachable"].status is CheckStatus.FAILED
    assert "'no-such' not found" in results["AWS reachable"].detail
    assert results["Capacity headroom"].status is CheckStatus.FAILED
    assert results["Shop API"].status is CheckStatus.OK
    assert not passed(results.values())


@pytest.mark.parametrize(("peak", "expected"), [(10, "ok"), (19, "warning"), (21, "failed")])
def test_headroom_against_the_planned_peak(campaign: Campaign, peak: int, expected: str) -> None:
    # The demo group: MaxSize 24; the campaign's safety cap 20 and scale-out step 2.
    result = run(campaign, planned_peak=peak)["Capacity headroom"]
    assert result.status.value == expected, result
    if expected == "failed":
        assert "safety cap" in result.detail


def test_a_suspended_waiting_room_fails(demo: DemoEnvironment, campaign: Campaign) -> None:
    world = demo.cloudflare_world
    assert world is not None
    room = world.room_settings()
    basics = {key: room[key] for key in ("host", "name", "new_users_per_minute", "total_active_users")}
    world.edit_room({**basics, "suspended": True}, replace=False)
    try:
        result = run(campaign)["Waiting room"]
    finally:
        world.edit_room({**basics, "suspended": False}, replace=False)
    assert result.status is CheckStatus.FAILED and "suspended" in result.detail


def test_countdown() -> None:
    onsale = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert t_minus(onsale - timedelta(hours=1, minutes=2, seconds=3), onsale) == "T-1:02:03"
    assert t_minus(onsale - timedelta(minutes=4, seconds=5), onsale) == "T-4:05"
    assert t_minus(onsale + timedelta(seconds=75), onsale) == "T+1:15"


def test_countdown_line_names_the_local_on_sale_time(campaign: Campaign) -> None:
    line = countdown_line(campaign, campaign.campaign.onsale_at - timedelta(minutes=30))
    assert line.startswith("T-30:00 to the on-sale at ") and line.endswith(campaign.campaign.timezone)


# ---------------------------------------------------------------- pre-scale through the action service


@pytest.fixture
def service(campaign: Campaign, tmp_path: Path) -> Iterator[ActionService]:
    backends = build_backends(campaign, secret_for(campaign, SecretSource.CLOUDFLARE),
                              secret_for(campaign, SecretSource.SHOP), DEMO_AWS_CREDENTIALS)
    audit = AuditLog(tmp_path / "audit.sqlite", campaign.campaign.name, "operator")
    yield ActionService(campaign, "operator", backends, audit, campaign_clock(campaign))
    backends.close()


def scheduled_in_moto(campaign: Campaign) -> list[dict[str, object]]:
    client = boto3.client("autoscaling", endpoint_url=campaign.aws.endpoint_url, region_name=campaign.aws.region,
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    try:
        return list(client.describe_scheduled_actions(AutoScalingGroupName=campaign.aws.autoscaling_group)[
            "ScheduledUpdateGroupActions"])
    finally:
        client.close()


def test_prescale_schedules_an_action_and_audits_it(campaign: Campaign, service: ActionService,
                                                     tmp_path: Path) -> None:
    proposal = service.prepare(prescale_request(campaign, 30, 10))
    assert proposal.after.startswith("20 instances at ")  # capped by the campaign's safety cap
    assert any("capped at 20" in w for w in proposal.warnings)
    result = service.execute(proposal)
    assert result.ok, result.message
    at = campaign.campaign.onsale_at - timedelta(minutes=10)
    [action] = [a for a in scheduled_in_moto(campaign) if a["ScheduledActionName"] == PRESCALE_ACTION_NAME]
    assert action["DesiredCapacity"] == 20
    start = action["StartTime"]
    assert isinstance(start, datetime) and abs((start - at).total_seconds()) < 1
    entries = read_entries(tmp_path / "audit.sqlite")
    assert [(e.phase, e.action, e.resource, e.outcome) for e in entries] == [
        ("intent", "prescale", "capacity", "pending"), ("outcome", "prescale", "capacity", "ok")]
    assert entries[0].before == "none scheduled" and entries[1].after == result.after
    again = service.prepare(prescale_request(campaign, 20, 10))
    assert not again.changes_anything
    check = run(campaign)["Pre-scale"]
    assert check.status is CheckStatus.OK and "20 instances" in check.detail and "T-10:00" in check.detail


def test_prescale_in_the_past_or_by_a_viewer_is_refused(campaign: Campaign, service: ActionService) -> None:
    past = datetime.now(UTC) - timedelta(minutes=1)
    with pytest.raises(ActionRefused, match="already passed"):
        service.prepare(ActionRequest(ActionKind.PRESCALE, 10, past))
    service.role = "viewer"
    with pytest.raises(ActionRefused, match="viewer"):
        service.prepare(prescale_request(campaign, 10, 5))


def test_a_denied_prescale_names_the_iam_action(campaign: Campaign) -> None:
    """moto allows every call, so AWS's AccessDenied answer is played by botocore's Stubber."""
    control = AutoScalingControl(campaign.aws, credentials=DEMO_AWS_CREDENTIALS)
    client = control._autoscaling()
    group = {"AutoScalingGroupName": campaign.aws.autoscaling_group, "MinSize": 2, "MaxSize": 24,
             "DesiredCapacity": 8, "DefaultCooldown": 300, "AvailabilityZones": ["eu-central-1a"],
             "HealthCheckType": "EC2", "CreatedTime": datetime.now(UTC), "Instances": []}
    try:
        with Stubber(client) as stub:
            stub.add_response("describe_auto_scaling_groups", {"AutoScalingGroups": [group]})
            stub.add_client_error("put_scheduled_update_group_action", "AccessDenied", "not authorized",
                                  http_status_code=403)
            with pytest.raises(SourceError) as denied:
                control.schedule_capacity(PRESCALE_ACTION_NAME, 12, datetime.now(UTC) + timedelta(hours=1))
    finally:
        control.close()
    assert denied.value.kind is FailureKind.AUTH
    line = describe_failure(SourceName.AWS, denied.value)
    assert line.startswith("auth: autoscaling:PutScheduledUpdateGroupAction denied (AccessDenied)")
    assert "docs/permissions.md" in line
