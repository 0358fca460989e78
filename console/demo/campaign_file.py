"""Writes a Campaign back to TOML, for `demo serve --write-config`. Holds no secrets by construction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from console.config import Campaign


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def campaign_to_toml(campaign: Campaign) -> str:
    lines: list[str] = []
    for section, fields in campaign.model_dump(exclude_none=True).items():
        lines.append(f"[{section}]")
        lines.extend(f"{key} = {_value(value)}" for key, value in fields.items())
        lines.append("")
    return "\n".join(lines)
