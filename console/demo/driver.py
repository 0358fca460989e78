"""Drives the sale model in campaign time and publishes it through the three emulators.

Runs on its own thread. Each pass it reads the operators' controls from the emulators (what the
console changed through the real APIs), advances the model to the clock's now in small steps, and
writes back: live queue and sales to the shop, waiting-room status and per-minute traffic to
Cloudflare, per-minute metrics to CloudWatch. It also plays the part moto leaves out: instances
launched by the Auto Scaling group serve only after a warm-up, when the driver registers them.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.clock import ScaledClock
from console.demo.aws_world import AwsWorld
from console.demo.cloudflare_emulator import CloudflareWorld
from console.demo.sale_model import Controls, MinuteTotals, SaleModel
from console.demo.shop_emulator import ShopWorld

log = logging.getLogger(__name__)

STEP_SECONDS = 5.0


@dataclass(frozen=True)
class PublishedMinute:
    """Exactly what the driver published for one minute: the simulator's own counts, for checking reports."""

    at: datetime
    uniques: int  # Cloudflare unique visitors (humans + bots)
    edge_requests: int
    cached_requests: int
    bytes: int
    cached_bytes: int
    threats: int
    origin_requests: float  # ALB RequestCount
    errors_5xx: float
    response_time_s: float
    serving: int
    tickets_sold: int
    revenue: float


class Fleet:
    """Instances of the group and when each was first seen; registers them after warm-up."""

    def __init__(self, aws: AwsWorld, warmup_s: float) -> None:
        self._aws = aws
        self._warmup_s = warmup_s
        self.first_seen: dict[str, float] = {}
        self.registered: set[str] = set()
        self.in_service: set[str] = set()
        self.unhealthy: set[str] = set()

    def sync(self, model_s: float, initial: bool = False) -> None:
        current = {iid for iid, state in self._aws.group_instances() if state == "InService"}
        for iid in current - self.first_seen.keys():
            self.first_seen[iid] = model_s - (self._warmup_s if initial else 0.0)
        ready = {iid for iid in current if model_s - self.first_seen[iid] >= self._warmup_s}
        if ready - self.registered:
            self._aws.register_targets(sorted(ready - self.registered))
        gone = self.registered - current
        if gone:
            self._aws.deregister_targets(sorted(gone))
        self.registered = ready
        self.in_service = current

    @property
    def serving(self) -> int:
        return len(self.registered)

    def set_unhealthy(self, count: int) -> None:
        """Mark `count` serving instances unhealthy in Auto Scaling, the rest healthy again, so the
        instances' health agrees with the load balancer's UnHealthyHostCount the simulator publishes."""
        wanted = set(sorted(self.registered)[:count])
        for iid in sorted(wanted - self.unhealthy):
            self._aws.set_instance_health(iid, healthy=False)
        for iid in sorted((self.unhealthy - wanted) & self.in_service):
            self._aws.set_instance_health(iid, healthy=True)
        self.unhealthy = wanted


class SaleDriver:
    def __init__(
        self,
        model: SaleModel,
        clock: ScaledClock,
        cloudflare: CloudflareWorld,
        shop: ShopWorld,
        aws: AwsWorld,
        warmup_minutes: float = 4.0,
    ) -> None:
        self.model = model
        self._clock = clock
        self._cloudflare = cloudflare
        self._shop = shop
        self._fleet = Fleet(aws, warmup_minutes * 60.0)
        self._aws = aws
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sale-driver", daemon=True)
        self._lock = threading.Lock()
        self.published: list[PublishedMinute] = []
        self._fleet.sync(0.0, initial=True)

    @property
    def model_time(self) -> datetime:
        return self._clock.origin_sim + timedelta(seconds=self.model.elapsed_s)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def _run(self) -> None:
        last_fleet_sync = -math.inf
        while not self._stop.is_set():
            try:
                if self.model.elapsed_s - last_fleet_sync >= 15.0:
                    self._fleet.sync(self.model.elapsed_s)
                    last_fleet_sync = self.model.elapsed_s
                self.advance_to(self._clock.now())
            except Exception:  # an emulator hiccup must not end the simulated day
                log.exception("sale driver step failed")
            self._stop.wait(min(0.1, max(STEP_SECONDS / self._clock.speed, 0.01)))

    def advance_to(self, moment: datetime) -> None:
        """Step the model up to `moment` (campaign time), publishing every completed minute."""
        with self._lock:
            target = (moment - self._clock.origin_sim).total_seconds()
            controls = self._controls()
            while self.model.elapsed_s + STEP_SECONDS <= target:
                self.model.step(STEP_SECONDS, controls)
                if self.model.minute.seconds >= 60.0 - 1e-9:
                    self._publish_minute(self.model.take_minute())
            self._publish_live(controls)

    def _controls(self) -> Controls:
        room = self._cloudflare.room_settings()
        return Controls(
            serving_instances=self._fleet.serving,
            security_level=self._cloudflare.security_level(),
            shop_rate=self._shop.admission_rate(),
            shop_paused=self._shop.paused(),
            room_rate=int(room["new_users_per_minute"]),
            room_paused=bool(room["queue_all"]),
        )

    def _publish_live(self, controls: Controls) -> None:
        m = self.model
        self._shop.record_sales({name: int(sold) for name, sold in m.sold.items()}, m.orders_per_minute)
        rate = max(controls.shop_rate, 1)
        self._shop.record_queue(int(m.shop_queue), m.admitted_per_minute, m.shop_queue / rate * 60.0)
        room_rate = max(controls.room_rate, 1)
        self._cloudflare.set_room_status(
            status="queueing" if m.room_queue >= 1 or controls.room_paused else "not_queueing",
            queued_users=int(m.room_queue),
            active_users=int(m.shoppers + m.shop_queue),
            max_wait_minutes=math.ceil(m.room_queue / room_rate),
        )

    def _publish_minute(self, mt: MinuteTotals) -> None:
        at = self.model_time - timedelta(seconds=60)
        at = at.replace(second=0, microsecond=0)
        origin = mt.origin_requests
        edge = {
            "requests": int(mt.edge_requests),
            "cached_requests": int(max(mt.edge_requests - origin - mt.threats, 0)),
            "bytes": int(mt.bytes),
            "cached_bytes": int(mt.cached_bytes),
            "threats": int(mt.threats),
            "uniques": int(mt.visitors + mt.bot_uniques),
        }
        self._cloudflare.add_traffic_minute(at, **edge)
        serving = self._fleet.serving
        overloaded = self.model.utilisation > 1.2
        unhealthy = min(serving, round(serving * min(self.model.utilisation - 1.2, 0.5))) if overloaded else 0
        self._fleet.set_unhealthy(unhealthy)
        cpu = min(8.0 + 85.0 * min(self.model.utilisation, 1.1), 99.5)
        instance_cpu = {
            iid: (cpu if iid in self._fleet.registered else 35.0) for iid in sorted(self._fleet.in_service)
        }
        response_time = mt.latency_weighted / origin if origin else 0.0
        self._aws.put_minute_metrics(
            at,
            request_count=origin,
            response_time_s=response_time,
            http_5xx=mt.errors_5xx,
            healthy_hosts=float(serving - unhealthy),
            unhealthy_hosts=float(unhealthy),
            db_cpu=mt.db_cpu_weighted,
            db_connections=20.0 + self.model.shoppers / 20.0,
            instance_cpu=instance_cpu,
        )
        self.published.append(
            PublishedMinute(
                at,
                uniques=edge["uniques"],
                edge_requests=edge["requests"],
                cached_requests=edge["cached_requests"],
                bytes=edge["bytes"],
                cached_bytes=edge["cached_bytes"],
                threats=edge["threats"],
                origin_requests=origin,
                errors_5xx=mt.errors_5xx,
                response_time_s=response_time,
                serving=serving,
                tickets_sold=self.model.tickets_sold,
                revenue=self.model.totals.get("revenue", 0.0),
            )
        )
