"""The whole demo sale day on 127.0.0.1: moto for AWS, the Cloudflare and shop emulators, the driver.

`DemoEnvironment` starts everything on free ports and gives back a Campaign pointing at them, so the
console runs exactly the code it runs against real AWS, Cloudflare and a real shop.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from types import TracebackType

from console.clock import ScaledClock
from console.config import (
    AwsConfig,
    Campaign,
    CampaignInfo,
    CloudflareConfig,
    DemoClockConfig,
    PollConfig,
    SafetyConfig,
    ShopConfig,
)
from console.credentials import DEMO_TOKENS
from console.demo.aws_world import AwsWorld, MotoServer, seed
from console.demo.cloudflare_emulator import CloudflareEmulator, CloudflareWorld
from console.demo.driver import SaleDriver
from console.demo.fault_proxy import FaultProxy
from console.demo.faults import Fault, FaultPlan
from console.demo.sale_model import DEFAULT_CATEGORIES, SaleModel
from console.demo.shop_emulator import ShopEmulator, ShopWorld

DEMO_NAME = "Justin Bieber · Tauron Arena Kraków"
INITIAL_INSTANCES = 8


def demo_poll(speed: float) -> PollConfig:
    """Poll often enough that a simulated minute (CloudWatch's period) is seen at least twice."""
    minute_wall = 60.0 / speed
    return PollConfig(
        aws=min(max(minute_wall / 2, 1.0), 20.0),
        cloudflare=min(max(minute_wall / 2, 5.0), 20.0),  # 5 s: one console's share of Cloudflare's budget
        shop=1.0 if speed > 1 else 2.0,
        timeout=5.0,
    )


class DemoEnvironment:
    def __init__(
        self,
        speed: float = 10.0,
        lead_minutes: float = 5.0,
        admission_control: str = "shop",
        faults: tuple[Fault, ...] = (),
    ) -> None:
        self.speed = speed
        self.faults = faults
        self.fault_plan: FaultPlan | None = None
        self._proxies: list[FaultProxy] = []
        self.lead_minutes = lead_minutes
        self.admission_control = admission_control
        self._moto = MotoServer()
        self._cloudflare: CloudflareEmulator | None = None
        self._shop: ShopEmulator | None = None
        self.driver: SaleDriver | None = None
        self.campaign: Campaign | None = None
        # The emulators' state, for tests and rehearsal tooling that look behind the APIs.
        self.aws_world: AwsWorld | None = None
        self.cloudflare_world: CloudflareWorld | None = None
        self.shop_world: ShopWorld | None = None

    def start(self) -> Campaign:
        endpoint = self._moto.start()
        names = seed(endpoint)
        aws_world = AwsWorld(names)
        aws_world.set_desired_capacity(INITIAL_INSTANCES)
        origin_sim = datetime.now(UTC).replace(second=0, microsecond=0)
        clock = ScaledClock(origin_sim=origin_sim, origin_wall=time.time(), speed=self.speed)
        onsale = origin_sim + timedelta(minutes=self.lead_minutes)
        room_rate = 2000 if self.admission_control == "cloudflare" else 20_000
        cf_world = CloudflareWorld(new_users_per_minute=room_rate)
        self._cloudflare = CloudflareEmulator(cf_world, DEMO_TOKENS["cloudflare"])
        self._cloudflare.start()
        shop_world = ShopWorld(
            categories=tuple((c.name, c.price, c.capacity) for c in DEFAULT_CATEGORIES), clock=clock
        )
        self._shop = ShopEmulator(shop_world, DEMO_TOKENS["shop"])
        self._shop.start()
        model = SaleModel(onsale_offset_s=self.lead_minutes * 60.0)
        self.aws_world, self.cloudflare_world, self.shop_world = aws_world, cf_world, shop_world
        self.fault_plan = FaultPlan(self.faults)  # windows count from here, as `demo serve --faults` promises
        aws_url = self._behind_proxy("aws", names.endpoint_url)
        cloudflare_url = self._behind_proxy("cloudflare", self._cloudflare.base_url)
        shop_url = self._behind_proxy("shop", self._shop.base_url)
        self.driver = SaleDriver(model, clock, cf_world, shop_world, aws_world)
        self.driver.start()
        self.campaign = Campaign.model_validate(
            {
                "campaign": CampaignInfo(name=DEMO_NAME, onsale_at=onsale, currency="PLN"),
                "aws": AwsConfig(
                    region=names.region,
                    endpoint_url=aws_url,
                    autoscaling_group=names.autoscaling_group,
                    load_balancer=names.load_balancer,
                    target_group=names.target_group,
                    rds_instance=names.rds_instance,
                    instance_price_per_hour=0.21,
                    warmup_minutes=4.0,
                ),
                "cloudflare": CloudflareConfig(
                    zone_id=cf_world.zone_id, waiting_room_id=cf_world.room_id, base_url=cloudflare_url
                ),
                "shop": ShopConfig(base_url=shop_url),
                "poll": demo_poll(self.speed),
                "safety": SafetyConfig(max_instances=20, scale_out_step=2),
                "admission": {"control": self.admission_control},
                "demo": DemoClockConfig(speed=self.speed, origin_wall=clock.origin_wall, origin_sim=origin_sim),
            }
        )
        return self.campaign

    def _behind_proxy(self, source: str, url: str) -> str:
        """Every source goes through a fault proxy, so faults can also be added while the day runs."""
        assert self.fault_plan is not None
        proxy = FaultProxy(source, url, self.fault_plan).start()
        self._proxies.append(proxy)
        return proxy.base_url_for(url)

    def stop(self) -> None:
        for proxy in self._proxies:
            proxy.stop()
        if self.driver:
            self.driver.stop()
        for server in (self._shop, self._cloudflare):
            if server:
                server.stop()
        self._moto.stop()

    def __enter__(self) -> Campaign:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
