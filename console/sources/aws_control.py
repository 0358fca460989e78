"""Changes the Auto Scaling group's desired capacity, now or at a set time, within the group's own limits.

Real AWS refuses a desired capacity outside [MinSize, MaxSize]; emulators may not (moto accepts
anything), so the limits are checked here against the group as it is now, before the call. The
campaign's own cap (safety.max_instances) is the action service's business, on top of this.
A pre-scale is an Auto Scaling scheduled action, so it happens at its time even if no console runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from console.config import AwsConfig
from console.snapshots import FailureKind
from console.sources.aws import parse_group
from console.sources.aws_clients import WireCounter, aws_call, make_client, open_session, parsing, to_source_error
from console.sources.errors import SourceError


class CapacityRefused(ValueError):
    """The requested desired capacity is outside the group's MinSize..MaxSize; nothing was changed."""


@dataclass(frozen=True, slots=True)
class GroupCapacity:
    desired: int
    min_size: int
    max_size: int


@dataclass(frozen=True, slots=True)
class ScheduledCapacity:
    """One scheduled action of the group: the desired capacity it sets, and when (UTC)."""

    name: str
    desired: int
    start: datetime

    def describe(self) -> str:
        return f"{self.desired} instances at {self.start:%Y-%m-%d %H:%M} UTC"


class AutoScalingControl:
    """One Auto Scaling group. Calls fail with SourceError (same kinds as the source) or CapacityRefused."""

    def __init__(self, aws_config: AwsConfig, timeout: float = 8.0, credentials: tuple[str, str] | None = None) -> None:
        self._config = aws_config
        self._timeout = timeout
        self._credentials = credentials
        self._client: Any = None
        self.wire = WireCounter()

    @property
    def group_name(self) -> str:
        return self._config.autoscaling_group

    def describe(self) -> GroupCapacity:
        name = self.group_name
        with aws_call("autoscaling:DescribeAutoScalingGroups", f"Auto Scaling group {name!r} not found"):
            response = self._autoscaling().describe_auto_scaling_groups(AutoScalingGroupNames=[name])
        with parsing("DescribeAutoScalingGroups"):
            group = parse_group(response, name)
        return GroupCapacity(group.desired, group.min_size, group.max_size)

    def set_desired_capacity(self, n: int, honor_cooldown: bool = False) -> tuple[int, int]:
        """Set the desired capacity to `n`; returns (desired before, desired after) as AWS reports them.

        The group is described first: that checks the limits and also turns an unknown group into
        NOT_FOUND (moto answers SetDesiredCapacity on an unknown group with an HTML 500).
        """
        before = self.describe()
        if not before.min_size <= n <= before.max_size:
            raise CapacityRefused(
                f"desired capacity {n} is outside {self.group_name}'s limits "
                f"(MinSize {before.min_size}, MaxSize {before.max_size}); nothing changed"
            )
        with aws_call("autoscaling:SetDesiredCapacity", f"Auto Scaling group {self.group_name!r} not found"):
            self._autoscaling().set_desired_capacity(
                AutoScalingGroupName=self.group_name, DesiredCapacity=n, HonorCooldown=honor_cooldown
            )
        return before.desired, self.describe().desired

    def scheduled_capacity(self, action_name: str) -> ScheduledCapacity | None:
        """The group's scheduled action `action_name`, or None when there is none."""
        with aws_call("autoscaling:DescribeScheduledActions"):
            response = self._autoscaling().describe_scheduled_actions(
                AutoScalingGroupName=self.group_name, ScheduledActionNames=[action_name]
            )
        with parsing("DescribeScheduledActions"):
            for action in response["ScheduledUpdateGroupActions"]:
                if action["ScheduledActionName"] == action_name and "DesiredCapacity" in action:
                    start = action["StartTime"]
                    return ScheduledCapacity(action_name, int(action["DesiredCapacity"]), start.astimezone(UTC))
        return None

    def schedule_capacity(self, action_name: str, desired: int, start: datetime) -> ScheduledCapacity:
        """Create or replace the scheduled action `action_name`: desired capacity `desired` at `start`.

        Only DesiredCapacity is set, so the group's MinSize and MaxSize stay as they are and AWS keeps
        refusing what MaxSize does not allow. Returns the action as AWS reports it afterwards.
        """
        group = self.describe()  # an unknown group is NOT_FOUND here (moto accepts the put for any name)
        if not group.min_size <= desired <= group.max_size:
            raise CapacityRefused(
                f"desired capacity {desired} is outside {self.group_name}'s limits "
                f"(MinSize {group.min_size}, MaxSize {group.max_size}); nothing scheduled"
            )
        with aws_call("autoscaling:PutScheduledUpdateGroupAction"):
            self._autoscaling().put_scheduled_update_group_action(
                AutoScalingGroupName=self.group_name,
                ScheduledActionName=action_name,
                StartTime=start.astimezone(UTC),
                DesiredCapacity=desired,
            )
        scheduled = self.scheduled_capacity(action_name)
        if scheduled is None:
            raise SourceError(FailureKind.BAD_RESPONSE, f"AWS accepted but does not list {action_name!r}")
        return scheduled

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _autoscaling(self) -> Any:
        if self._client is None:
            try:
                session = open_session(self._config, self._credentials)
                self._client = make_client(session, "autoscaling", self._config, self._timeout, self.wire)
            except Exception as exc:
                raise to_source_error(exc, "opening the AWS session") from exc
        return self._client
