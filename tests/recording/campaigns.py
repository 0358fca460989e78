"""A real-campaign file (no demo clock) for recording tests that do not need the emulators."""

from __future__ import annotations

from console.config import Campaign, parse_campaign

CAMPAIGN_TOML = """
[campaign]
name = "Hala \\"Spodek\\" · Katowice"
onsale_at = 2026-12-04T09:00:00+01:00
currency = "PLN"

[aws]
region = "eu-central-1"
autoscaling_group = "shop-web"
load_balancer = "shop-alb"
target_group = "shop-tg"
rds_instance = "shop-db"
instance_price_per_hour = 0.25

[cloudflare]
zone_id = "zone-1"
waiting_room_id = "room-1"

[shop]
base_url = "https://shop.example.com"
"""


def sample_campaign() -> Campaign:
    return parse_campaign(CAMPAIGN_TOML)
