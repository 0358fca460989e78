"""Which instances' CPU one GetMetricData call reads, and the last reading kept for the others.

One call takes 500 queries, seven of them fleet metrics, so CPU_QUERY_BUDGET (493) instance CPUs fit.
A larger fleet is not split over more calls; each refresh reads:
- pinned: the instances the fleet panel shows (its first chips, problems first), every unhealthy one
  and the hottest of the last readings, up to half the budget so the rotation always moves on;
- rotation: the rest, in instance-id order, from where the previous refresh stopped.
An instance not read keeps its last value with the minute CloudWatch measured it (InstanceInfo.cpu_at).
With n instances and p pinned, every instance of a steady fleet is read at least once in any
ceil((n - p) / (493 - p)) consecutive refreshes: 2 at 501 instances and 3 at 1000 while p <= 32 (16
chips and 16 hottest), as it is unless more than 16 instances are unhealthy.

Per-instance CPU feeds only the chips and the recording: no fleet figure, alert or report series is
computed from it, so reading part of the fleet biases nothing. A fleet CPU, should one be wanted,
belongs to CloudWatch's own AWS/EC2 CPUUtilization per AutoScalingGroupName (one query), not to an
average of whichever instances were read.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from console.snapshots import InstanceInfo, Point
from console.sources.aws_metrics import CPU_QUERY_BUDGET

SHOWN = 16  # chips in the fleet panel's instance strip (widgets.instance_strip.MAX_CHIPS)
HOTTEST = 16

# The instance strip's order (widgets.instance_strip.instance_state colour keys): problems first.
UNHEALTHY, WARMING, PENDING, SERVING, GONE = range(5)


def strip_rank(info: InstanceInfo) -> int:
    lifecycle = info.lifecycle_state
    if lifecycle.startswith("Pending"):
        return PENDING
    if lifecycle.startswith(("Terminat", "Detach", "Standby", "EnteringStandby")):
        return GONE
    if info.health_status == "Unhealthy":
        return UNHEALTHY
    target = info.target_health
    if target is None or target == "initial":
        return WARMING
    if target == "healthy":
        return SERVING
    if target in ("draining", "unused"):
        return GONE
    return UNHEALTHY


def strip_order(instances: Iterable[InstanceInfo]) -> list[InstanceInfo]:
    return sorted(instances, key=lambda i: (strip_rank(i), i.instance_id))


@dataclass(frozen=True, slots=True)
class CpuPlan:
    instance_ids: tuple[str, ...]  # whose CPU this refresh reads
    resume_after: str  # the rotation's next start: the first instance id above this one


class CpuRotation:
    """Plans each refresh's CPU reads and keeps the last reading of every instance in the group.

    The rotation moves on only when a refresh's readings are settled, so a failed GetMetricData
    skips no one.
    """

    def __init__(self, budget: int = CPU_QUERY_BUDGET) -> None:
        self._budget = budget
        self._resume_after = ""
        self._known: dict[str, Point] = {}

    def plan(self, instances: Sequence[InstanceInfo]) -> CpuPlan:
        ids = [i.instance_id for i in instances]
        if len(ids) <= self._budget:
            return CpuPlan(tuple(ids), self._resume_after)
        pinned = self._pinned(instances)
        chosen = set(pinned)
        rest = sorted(iid for iid in ids if iid not in chosen)  # longer than what is left of the budget
        start = bisect_right(rest, self._resume_after)
        rotated = (rest[start:] + rest[:start])[: self._budget - len(pinned)]
        return CpuPlan((*pinned, *rotated), rotated[-1] if rotated else self._resume_after)

    def _pinned(self, instances: Sequence[InstanceInfo]) -> list[str]:
        ranked = strip_order(instances)
        shown = [i.instance_id for i in ranked[:SHOWN]]
        unhealthy = [i.instance_id for i in ranked if strip_rank(i) == UNHEALTHY]
        present = {i.instance_id for i in instances}
        last = [(point.value, iid) for iid, point in self._known.items() if iid in present]
        hottest = [iid for _, iid in sorted(last, key=lambda pair: (-pair[0], pair[1]))[:HOTTEST]]
        return list(dict.fromkeys([*shown, *hottest, *unhealthy]))[: self._budget // 2]

    def settle(
        self, plan: CpuPlan, read: Mapping[str, Point | None], present: Iterable[str]
    ) -> dict[str, Point | None]:
        """Keep this refresh's readings, forget instances that left the group; the reading of each present one.

        An instance read without a value has no CPU in the metric window: its old reading is dropped.
        """
        for iid in plan.instance_ids:
            point = read.get(iid)
            if point is None:
                self._known.pop(iid, None)
            else:
                self._known[iid] = point
        self._resume_after = plan.resume_after
        ids = list(present)
        self._known = {iid: self._known[iid] for iid in ids if iid in self._known}
        return {iid: self._known.get(iid) for iid in ids}
