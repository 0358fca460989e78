"""Where the console keeps its files: the user data directory, never the current directory."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from console.config import Campaign

DATA_DIR_ENV = "SALEDAY_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "Saleday Console"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "Saleday Console"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "saleday-console"
    base.mkdir(parents=True, exist_ok=True)
    return base


def campaign_slug(campaign: Campaign) -> str:
    """A file name for the campaign: its name and on-sale day (and, for a demo, the run it belongs to)."""
    name = re.sub(r"[^a-z0-9]+", "-", campaign.campaign.name.lower()).strip("-") or "campaign"
    slug = f"{name}-{campaign.campaign.onsale_at:%Y%m%d-%H%M}"
    if campaign.demo is not None:
        slug += f"-demo-{int(campaign.demo.origin_wall)}"
    return slug


def recording_path(campaign: Campaign) -> Path:
    return data_dir() / "recordings" / f"{campaign_slug(campaign)}.sqlite"
