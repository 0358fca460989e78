"""The whole product offscreen: the demo sale day in the real window, every panel live and non-zero."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from console.credentials import DEMO_TOKENS
from console.paths import DATA_DIR_ENV


def run_console(args: list[str], tmp_path: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "console", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def assert_not_blank(png: Path) -> None:
    image = QImage(str(png))
    assert image.width() >= 1200 and image.height() >= 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    assert len(colours) > 50  # charts, text and tiles, not a flat fill


def test_smoke_run_writes_a_live_screenshot_and_exits_0(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = run_console(["--demo", "--speed", "60", "--run-for", "20", "--screenshot", str(shot),
                          "--report-values", str(tmp_path / "values.txt")], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert_not_blank(shot)
    values = dict(line.split("=", 1) for line in (tmp_path / "values.txt").read_text().splitlines())
    # Every panel shows live, non-zero values after 20 simulated minutes (the on-sale is 5 minutes in).
    for key in ("queue.queued", "sales.tickets_sold", "sales.revenue", "fleet.serving", "fleet.desired",
                "cdn.cache_share_percent", "cdn.visitors_per_minute", "traffic.visitors_points"):
        assert float(values[key]) > 0, (key, values)
    for source in ("aws", "cloudflare", "shop"):
        assert values[f"health.{source}"] == "fresh", values


def test_a_second_console_joins_demo_serve_and_sees_the_same_sale(tmp_path: Path) -> None:
    config = tmp_path / "campaign.toml"
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data")}
    server = subprocess.Popen([sys.executable, "-m", "console", "demo", "serve", "--speed", "60",
                               "--write-config", str(config), "--run-for", "90"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not config.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.1)
        assert config.exists()
        assert not any(secret in config.read_text() for secret in DEMO_TOKENS.values())
        shot = tmp_path / "joined.png"
        result = run_console(["--config", str(config), "--run-for", "15", "--screenshot", str(shot),
                              "--report-values", str(tmp_path / "values.txt")], tmp_path)
        assert result.returncode == 0, result.stderr
        values = dict(line.split("=", 1) for line in (tmp_path / "values.txt").read_text().splitlines())
        assert float(values["sales.tickets_sold"]) > 0
        assert float(values["fleet.serving"]) > 0
        assert_not_blank(shot)
    finally:
        server.terminate()
        server.communicate(timeout=30)


@pytest.mark.parametrize("argv", [["--demo", "--speed", "0"], ["--screenshot", "x.png", "--demo"]])
def test_bad_arguments_are_one_line_errors(argv: list[str], tmp_path: Path) -> None:
    result = run_console(argv, tmp_path, timeout=30)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
