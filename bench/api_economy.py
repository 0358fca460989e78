"""API economy: HTTP requests per refresh to AWS for fleets of 10, 100, 500 and 1000 instances, and to
Cloudflare per 5 minutes at the default intervals, all counted on the wire.

AWS: the console's AwsSource against moto, its requests counted by botocore's `before-send` hook
(console.sources.aws_clients.WireCounter: one per attempt, retries included). The baseline is a
reader that shows the same numbers the naive way, one GetMetricStatistics per metric per instance
(the seven fleet metrics plus CPU per instance), counted the same way. Above 493 instances the source
reads part of the CPUs per refresh; the benchmark also notes how many instances have a CPU after each
refresh of a new source, and so in how many refreshes every instance's CPU was read.
Cloudflare: one CloudflareSource fetch against the emulator, its requests counted by httpx's request
hook (REST and GraphQL apart) and checked against the emulator's own count; per 5 minutes is that
times the polls the runtime makes at the default interval. The budget guard (console.budget) is also
driven for 15 simulated minutes at one attempt a second, to show it caps what reaches the wire.
Targets: AWS requests per refresh constant up to 500 instances (1000 is measured too, and held to the
same count) and >= 50x fewer CloudWatch requests
than the naive reader at 100; Cloudflare <= 20% of the REST and GraphQL budgets per console.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from bench.common import Check, Result, emit
from bench.synthetic_day import example_campaign
from console.budget import (
    CLOUDFLARE_GRAPHQL_LIMIT,
    CLOUDFLARE_REST_LIMIT,
    CLOUDFLARE_WINDOW_S,
    CONSOLE_SHARE,
    BudgetedSource,
    CloudflareBudgets,
)
from console.clock import WallClock
from console.config import AwsConfig, CloudflareConfig
from console.credentials import DEMO_TOKENS
from console.demo.aws_world import AwsWorld, MotoServer, seed
from console.demo.cloudflare_emulator import CloudflareEmulator, CloudflareWorld
from console.poll_intervals import poll_interval
from console.runtime import DEMO_AWS_CREDENTIALS
from console.snapshots import SourceName
from console.sources.aws import AwsSource
from console.sources.aws_clients import WireCounter, make_client, open_session
from console.sources.aws_metrics import EC2, PERIOD_S, SERIES, metric_window
from console.sources.cloudflare import CloudflareSource
from console.sources.errors import SourceError

FLEETS = (10, 100, 500, 1000)
NAIVE_FLEETS = (10, 100)
CYCLES = 3
RATIO_TARGET = 50.0
COVER_TARGET = 3  # refreshes in which a 1000-instance fleet has every CPU read (console.sources.aws_cpu)
SHARE_TARGET = CONSOLE_SHARE


# ------------------------------------------------------------------------------------------------ AWS


def naive_cycle(cloudwatch: Any, targets: dict[str, list[dict[str, str]]], instance_ids: list[str]) -> None:
    """One refresh the naive way: a GetMetricStatistics call per metric per instance."""
    start, end = metric_window(datetime.now(UTC), 15)
    for namespace, metric, stat, dims in SERIES.values():
        cloudwatch.get_metric_statistics(Namespace=namespace, MetricName=metric, Dimensions=targets[dims],
                                         StartTime=start, EndTime=end, Period=PERIOD_S, Statistics=[stat])
    for iid in instance_ids:
        cloudwatch.get_metric_statistics(Namespace=EC2, MetricName="CPUUtilization",
                                         Dimensions=[{"Name": "InstanceId", "Value": iid}], StartTime=start,
                                         EndTime=end, Period=PERIOD_S, Statistics=["Average"])


def aws_figures() -> dict[int, dict[str, Any]]:
    with MotoServer() as endpoint:
        names = seed(endpoint)
        world = AwsWorld(names)
        config = AwsConfig(region=names.region, endpoint_url=endpoint, autoscaling_group=names.autoscaling_group,
                           load_balancer=names.load_balancer, target_group=names.target_group,
                           rds_instance=names.rds_instance)
        naive_wire = WireCounter()
        cloudwatch = make_client(open_session(config, DEMO_AWS_CREDENTIALS), "cloudwatch", config, 8.0, naive_wire)
        lb = [{"Name": "LoadBalancer", "Value": names.load_balancer_dimension}]
        targets = {"lb": lb, "tg": [{"Name": "TargetGroup", "Value": names.target_group_dimension}, *lb],
                   "db": [{"Name": "DBInstanceIdentifier", "Value": names.rds_instance}]}
        per_fleet: dict[int, dict[str, Any]] = {}
        try:
            for fleet in FLEETS:
                source = AwsSource(config, WallClock(), credentials=DEMO_AWS_CREDENTIALS)  # nothing read yet
                world.set_desired_capacity(fleet)
                ids = [iid for iid, _ in world.group_instances()]
                now = datetime.now(UTC).replace(second=0, microsecond=0)
                for minutes_ago in (3, 2, 1):
                    world.put_minute_metrics(now - timedelta(minutes=minutes_ago), 1000.0, 0.2, 1.0, fleet, 0.0,
                                             30.0, 50.0, dict.fromkeys(ids, 40.0))
                try:
                    # The first refresh of a source also resolves the balancer's names (cached after).
                    snapshot = source.fetch()
                    with_cpu = [sum(1 for i in snapshot.instances if i.cpu_percent is not None)]
                    counts, operations = [], {}
                    for _ in range(CYCLES):
                        before = source.wire.by_operation()
                        snapshot = source.fetch()
                        after = source.wire.by_operation()
                        counts.append(source.request_count)
                        operations = {op: after[op] - before.get(op, 0) for op in after
                                      if after[op] != before.get(op, 0)}
                        with_cpu.append(sum(1 for i in snapshot.instances if i.cpu_percent is not None))
                finally:
                    source.close()
                entry: dict[str, Any] = {"instances": len(ids), "requests_per_refresh": max(counts),
                                         "by_operation": operations, "instances_with_cpu_per_refresh": with_cpu,
                                         # one more than measured: not within the refreshes measured
                                         "refreshes_to_read_every_cpu": next(
                                             (k + 1 for k, n in enumerate(with_cpu) if n == len(ids)),
                                             len(with_cpu) + 1)}
                if fleet in NAIVE_FLEETS:
                    sent = naive_wire.total
                    naive_cycle(cloudwatch, targets, ids)
                    entry["naive_get_metric_statistics"] = naive_wire.total - sent
                per_fleet[fleet] = entry
        finally:
            cloudwatch.close()
            world.close()
    return per_fleet


# ------------------------------------------------------------------------------------------------ Cloudflare


class HttpCount:
    """Counts the requests an httpx client sends, REST and GraphQL apart."""

    def __init__(self) -> None:
        self.rest = 0
        self.graphql = 0

    def on_request(self, request: httpx.Request) -> None:
        if request.url.path.endswith("/graphql"):
            self.graphql += 1
        else:
            self.rest += 1


def cloudflare_figures() -> dict[str, Any]:
    world = CloudflareWorld(new_users_per_minute=2000)
    token = DEMO_TOKENS["cloudflare"]
    with CloudflareEmulator(world, token) as emulator:
        config = CloudflareConfig(zone_id=world.zone_id, waiting_room_id=world.room_id, base_url=emulator.base_url)
        source = CloudflareSource(config, token, WallClock())
        count = HttpCount()
        # The SDK keeps its httpx client on `_client`; the hook sees each request as it is sent.
        source._client._client.event_hooks["request"].append(count.on_request)
        served_before = world.request_count
        try:
            source.fetch()
            per_poll = {"rest": count.rest, "graphql": count.graphql, "served": world.request_count - served_before}
            guarded = guard_over(source, minutes=15)
        finally:
            source.close()
    campaign = example_campaign()
    default_interval = poll_interval(campaign.model_copy(update={"poll": type(campaign.poll)()}), SourceName.CLOUDFLARE)
    polls = CLOUDFLARE_WINDOW_S / default_interval
    return {"per_poll": per_poll, "default_interval_s": default_interval, "polls_per_5_min": polls,
            "rest_per_5_min": polls * per_poll["rest"], "graphql_per_5_min": polls * per_poll["graphql"],
            "guard": guarded, "counted_twice_agree": per_poll["served"] == per_poll["rest"] + per_poll["graphql"]}


def guard_over(source: CloudflareSource, minutes: int) -> dict[str, float]:
    """Ask for a poll every simulated second; the budgets (on a simulated clock) decide what is sent.

    Returns the most requests that reached the emulator in any 5-minute window.
    """
    now = {"t": 0.0}
    guarded = BudgetedSource(source, CloudflareBudgets.for_console(1, now=lambda: now["t"]))
    sent: list[float] = []
    for second in range(minutes * 60):
        now["t"] = float(second)
        try:
            guarded.fetch()
        except SourceError:
            continue  # held back by the budget: nothing went on the wire
        sent.append(now["t"])
    busiest = max(sum(1 for t in sent if start <= t < start + CLOUDFLARE_WINDOW_S) for start in sent)
    return {"attempts": minutes * 60, "polls_sent": len(sent), "most_polls_in_5_min": busiest}


def main() -> None:
    aws = aws_figures()
    cf = cloudflare_figures()
    counts = [aws[f]["requests_per_refresh"] for f in FLEETS]
    metric_calls = [aws[f]["by_operation"].get("GetMetricData", 0) for f in FLEETS]
    cover = aws[FLEETS[-1]]["refreshes_to_read_every_cpu"]
    at100 = aws[100]
    cloudwatch_ours = at100["by_operation"].get("GetMetricData", 0)
    ratio = at100["naive_get_metric_statistics"] / max(cloudwatch_ours, 1)
    rest_share = cf["rest_per_5_min"] / CLOUDFLARE_REST_LIMIT
    graphql_share = cf["graphql_per_5_min"] / CLOUDFLARE_GRAPHQL_LIMIT
    guard = cf["guard"]
    guard_rest = guard["most_polls_in_5_min"] * cf["per_poll"]["rest"] / CLOUDFLARE_REST_LIMIT
    guard_graphql = guard["most_polls_in_5_min"] * cf["per_poll"]["graphql"] / CLOUDFLARE_GRAPHQL_LIMIT
    emit(Result(
        "api_economy",
        [
            Check("AWS requests per refresh at 10/100/500/1000 instances: largest minus smallest",
                  max(counts) - min(counts), "requests", "0 (constant)", max(counts) == min(counts)),
            Check("GetMetricData calls per refresh, largest at any fleet size", max(metric_calls), "calls", "1",
                  set(metric_calls) == {1}),
            Check(f"refreshes until every CPU was read at {FLEETS[-1]} instances", cover, "refreshes",
                  f"<= {COVER_TARGET}", cover <= COVER_TARGET),
            Check("CloudWatch requests at 100 instances, naive / ours", round(ratio, 1), "x",
                  f">= {RATIO_TARGET:g}x", ratio >= RATIO_TARGET),
            Check("Cloudflare REST share per console, default interval", round(rest_share * 100, 1), "%",
                  f"<= {SHARE_TARGET * 100:g} %", rest_share <= SHARE_TARGET),
            Check("Cloudflare GraphQL share per console, default interval", round(graphql_share * 100, 1), "%",
                  f"<= {SHARE_TARGET * 100:g} %", graphql_share <= SHARE_TARGET),
            Check("Cloudflare share with a poll asked every second (budget guard)",
                  round(max(guard_rest, guard_graphql) * 100, 1), "%", f"<= {SHARE_TARGET * 100:g} %",
                  max(guard_rest, guard_graphql) <= SHARE_TARGET),
        ],
        details={"aws": {str(k): v for k, v in aws.items()},
                 "aws_total_at_100": {"ours": at100["requests_per_refresh"],
                                      "naive_with_the_same_describe_calls": at100["naive_get_metric_statistics"] + 2},
                 "cloudflare": cf},
        notes="AWS counted by botocore before-send (moto); Cloudflare by httpx request hooks and the emulator",
    ))


if __name__ == "__main__":
    main()
