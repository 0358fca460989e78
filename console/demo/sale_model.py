"""The on-sale as a small model: demand, queue, shoppers, sales, bots and a capacity model.

Pure arithmetic, no I/O: the driver feeds it the operators' controls (read from the emulators) and
publishes what it produces. Calibrated on the seed case: quiet before the on-sale, a jump of several
thousand times at the start, a peak near 13,000 visitors a minute, ~90% of bytes from the CDN cache,
a ~20,000-seat arena selling out within the first hour, and latency that climbs steeply past ~80%
utilisation of the healthy instances.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

BASELINE_VISITORS = 3.0  # per minute on an ordinary day
PEAK_VISITORS = 13_000.0
SESSION_MINUTES = 8.0  # time an admitted buyer spends in the shop (Little's law: active = rate x time)
CONVERSION = 0.75  # admitted buyers who place an order when the shop works
TICKETS_PER_ORDER = 2.4
ORIGIN_REQUESTS_PER_SHOPPER = 30.0  # per minute, uncached
QUEUE_POLLS_PER_USER = 0.2  # per minute, light origin requests of queued users
EDGE_REQUESTS_PER_VISITOR = 25.0  # page assets, mostly cached
CAPACITY_PER_INSTANCE = 10_000.0  # origin requests per minute one healthy instance serves well
BASE_LATENCY_S = 0.12
BOT_REQUESTS_PER_MINUTE = 400_000.0
BOT_UNIQUES = 2_500
BLOCKED_SHARE = {"under_attack": 0.985, "high": 0.35, "medium": 0.08, "low": 0.03}


@dataclass(frozen=True)
class Controls:
    """What the operators can change, as the emulators hold it right now."""

    serving_instances: int
    security_level: str
    shop_rate: int
    shop_paused: bool
    room_rate: int
    room_paused: bool  # waiting room queue_all


@dataclass(frozen=True)
class Category:
    name: str
    price: float
    capacity: int
    preference: float


DEFAULT_CATEGORIES = (
    Category("Płyta (standing)", 399.0, 8000, 0.5),
    Category("Sektor A", 299.0, 6000, 0.3),
    Category("Sektor B", 199.0, 6000, 0.2),
)


@dataclass
class MinuteTotals:
    """Sums over the minute being simulated; published when it completes."""

    visitors: float = 0.0
    edge_requests: float = 0.0
    origin_requests: float = 0.0
    errors_5xx: float = 0.0
    threats: float = 0.0
    bot_uniques: float = 0.0
    bytes: float = 0.0
    cached_bytes: float = 0.0
    latency_weighted: float = 0.0  # sum of latency x requests
    db_cpu_weighted: float = 0.0
    seconds: float = 0.0


@dataclass
class SaleModel:
    onsale_offset_s: float  # campaign seconds from model start to the on-sale
    attack_start_min: float = 14.0  # minutes after the on-sale
    attack_minutes: float = 12.0
    categories: tuple[Category, ...] = DEFAULT_CATEGORIES
    seed: int = 7
    elapsed_s: float = 0.0
    room_queue: float = 0.0
    shop_queue: float = 0.0
    shoppers: float = 0.0
    sold: dict[str, float] = field(default_factory=dict)
    orders_per_minute: float = 0.0
    admitted_per_minute: float = 0.0
    utilisation: float = 0.0
    latency_s: float = BASE_LATENCY_S
    error_share: float = 0.0
    sold_out_at_s: float | None = None
    minute: MinuteTotals = field(default_factory=MinuteTotals)
    totals: dict[str, float] = field(default_factory=dict)
    _rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self.sold = {c.name: 0.0 for c in self.categories}

    # ------------------------------------------------------------ demand

    @property
    def minutes_since_onsale(self) -> float:
        return (self.elapsed_s - self.onsale_offset_s) / 60.0

    def demand(self, m: float) -> float:
        """Human visitors arriving per minute, m minutes after the on-sale."""
        if m < -15:
            level = BASELINE_VISITORS
        elif m < 0:
            level = BASELINE_VISITORS + 400.0 * ((m + 15) / 15) ** 2
        elif m < 3:
            level = 400.0 + (PEAK_VISITORS - 400.0) * (m / 3)
        else:
            level = PEAK_VISITORS * math.exp(-(m - 3) / 45) + 200.0
        if self.sold_out_at_s is not None:
            since = (self.elapsed_s - self.sold_out_at_s) / 60.0
            level *= 0.25 * math.exp(-since / 10) + 0.02
        return level

    def attack_active(self) -> bool:
        m = self.minutes_since_onsale
        return self.attack_start_min <= m < self.attack_start_min + self.attack_minutes

    @property
    def capacity(self) -> int:
        return sum(c.capacity for c in self.categories)

    @property
    def tickets_sold(self) -> int:
        return int(sum(self.sold.values()))

    # ------------------------------------------------------------ one step

    def step(self, dt: float, controls: Controls) -> None:
        """Advance `dt` campaign seconds."""
        per_min = dt / 60.0
        m = self.minutes_since_onsale
        noise = 1.0 + self._rng.uniform(-0.04, 0.04)
        arrivals = self.demand(m) * noise
        under_attack = controls.security_level == "under_attack"
        if under_attack:  # the browser challenge costs a few humans
            arrivals *= 0.97
        selling = m >= 0 and self.sold_out_at_s is None
        self._flow_queues(arrivals * per_min, per_min, controls, selling)
        self._shop(per_min, controls, selling)
        self._traffic(arrivals, per_min, controls, under_attack)
        self.elapsed_s += dt
        self.minute.seconds += dt

    def _flow_queues(self, arriving: float, per_min: float, controls: Controls, selling: bool) -> None:
        self.room_queue += arriving
        room_out = 0.0 if controls.room_paused or not selling else min(self.room_queue, controls.room_rate * per_min)
        self.room_queue -= room_out
        self.shop_queue += room_out
        shop_out = 0.0 if controls.shop_paused or not selling else min(self.shop_queue, controls.shop_rate * per_min)
        self.shop_queue -= shop_out
        leaving = 0.004 * per_min  # some give up while waiting
        if self.sold_out_at_s is not None:
            leaving = 0.35 * per_min  # "sold out" on the queue page empties it in minutes
        self.room_queue -= self.room_queue * leaving
        self.shop_queue -= self.shop_queue * leaving
        self.admitted_per_minute = shop_out / per_min if per_min else 0.0
        self.shoppers += shop_out - self.shoppers * per_min / SESSION_MINUTES
        self._add_total("admitted", shop_out)

    def _shop(self, per_min: float, controls: Controls, selling: bool) -> None:
        if not selling:
            self.orders_per_minute = 0.0
            return
        finishing = self.shoppers * per_min / SESSION_MINUTES
        orders = finishing * CONVERSION * (1.0 - min(self.error_share * 3, 0.9))
        if self.latency_s > 2.0:  # buyers give up on a very slow checkout
            orders *= 2.0 / self.latency_s
        self.orders_per_minute = orders / per_min if per_min else 0.0
        self._sell(orders * TICKETS_PER_ORDER)
        self._add_total("orders", orders)

    def _sell(self, tickets: float) -> None:
        open_categories = [c for c in self.categories if self.sold[c.name] < c.capacity]
        weight = sum(c.preference for c in open_categories)
        for category in open_categories:
            wanted = tickets * category.preference / weight
            taken = min(wanted, category.capacity - self.sold[category.name])
            self.sold[category.name] += taken
            self._add_total("revenue", taken * category.price)
        if self.tickets_sold >= self.capacity and self.sold_out_at_s is None:
            self.sold_out_at_s = self.elapsed_s
            for category in self.categories:
                self.sold[category.name] = float(category.capacity)

    def _traffic(self, arrivals: float, per_min: float, controls: Controls, under_attack: bool) -> None:
        bots = BOT_REQUESTS_PER_MINUTE if self.attack_active() else 0.0
        blocked = bots * BLOCKED_SHARE.get(controls.security_level, 0.0)
        human_origin = self.shoppers * ORIGIN_REQUESTS_PER_SHOPPER + (self.room_queue + self.shop_queue) * (
            QUEUE_POLLS_PER_USER
        )
        origin = human_origin + (bots - blocked) + 40.0
        capacity = max(controls.serving_instances, 0) * CAPACITY_PER_INSTANCE
        self.utilisation = origin / capacity if capacity else 10.0
        self.latency_s, self.error_share = latency_and_errors(self.utilisation)
        edge = arrivals * EDGE_REQUESTS_PER_VISITOR + human_origin + bots
        cached_share = 0.9 + self._rng.uniform(-0.015, 0.015)
        edge_bytes = (arrivals * EDGE_REQUESTS_PER_VISITOR * 60_000 + human_origin * 12_000) * 1.0
        mt = self.minute
        mt.visitors += arrivals * per_min
        mt.edge_requests += edge * per_min
        mt.origin_requests += origin * per_min
        mt.errors_5xx += origin * self.error_share * per_min
        mt.threats += blocked * per_min
        mt.bot_uniques = max(mt.bot_uniques, BOT_UNIQUES if bots else 0)
        mt.bytes += edge_bytes * per_min
        mt.cached_bytes += edge_bytes * cached_share * per_min
        mt.latency_weighted += self.latency_s * origin * per_min
        mt.db_cpu_weighted += self.db_cpu() * per_min
        self._add_total("threats", blocked * per_min)

    def db_cpu(self) -> float:
        return min(12.0 + 55.0 * self.shoppers / 3000.0 + 10.0 * min(self.utilisation, 1.5), 99.0)

    def _add_total(self, key: str, amount: float) -> None:
        self.totals[key] = self.totals.get(key, 0.0) + amount

    def take_minute(self) -> MinuteTotals:
        """Return the completed minute's sums and start a new one."""
        done, self.minute = self.minute, MinuteTotals()
        return done


def latency_and_errors(utilisation: float) -> tuple[float, float]:
    """Average latency (s) and share of 5xx at a given utilisation of the healthy instances.

    Queueing delay climbs steeply past ~80% (in the spirit of Erlang C for a multi-worker server);
    past 100% the excess is shed as 5xx and the rest waits at the timeout's edge.
    """
    u = max(utilisation, 0.0)
    if u < 0.98:
        wait = 0.2 * u**8 / (1.0 - u)
        errors = 0.0005 + (0.02 * (u - 0.85) / 0.13 if u > 0.85 else 0.0)
        return min(BASE_LATENCY_S + wait, 5.0), errors
    shed = 1.0 - 1.0 / u if u > 1.0 else 0.0
    return 5.0, min(0.02 + shed, 0.95)
