"""The command line with a random bad campaign file: exit code 2 and one line on stderr, from the window's
entry point and from `act` alike. Few examples: each is a fresh Python process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import assume, example, given

from console.config import ConfigError, parse_campaign
from tests.properties.strategies import fuzz, to_toml
from tests.properties.test_config_fuzz import BASE, edited_campaigns

COMMANDS = (["--run-for", "1"], ["act", "--yes", "scale-out", "--by", "1"])


def run(config: Path, command: list[str]) -> subprocess.CompletedProcess[str]:
    argv = [*command[:1], "--config", str(config), *command[1:]] if command[0] == "act" else ["--config", str(config),
                                                                                            *command]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SALEDAY_DATA_DIR": str(config.parent / "data")}
    return subprocess.run([sys.executable, "-m", "console", *argv], capture_output=True, text=True, timeout=60,
                          env=env)


@fuzz(3)
@given(edited_campaigns())
@example({**BASE, "campaign": {**BASE["campaign"], "timezone": "Mars/Olympus"}})
def test_a_bad_campaign_file_is_exit_2_and_one_line(document: dict[str, Any]) -> None:
    text = to_toml(document)
    try:
        parse_campaign(text)
    except ConfigError:
        pass
    else:
        assume(False)  # a valid campaign would start the window
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "campaign.toml"
        config.write_text(text, encoding="utf-8")
        for command in COMMANDS:
            result = run(config, command)
            assert result.returncode == 2, result.stderr
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
            assert lines[0].startswith(f"saleday-console: {config}: ")
