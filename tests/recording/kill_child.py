"""A console's recording side in a process of its own, to be killed with SIGKILL by test_kill.

Every INTERVAL it submits one poll outcome per source and says so on stdout; every third interval an
operator action is audited first (AuditLog.write returns once the entry is durable) and announced.
Usage: python -m tests.recording.kill_child RECORDING
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path

from console.actions.audit import AuditLog
from console.recording.recorder import Recorder
from console.snapshots import SourceUpdate
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import BUILDERS, START

INTERVAL = 0.1


def main(path: Path) -> None:
    campaign = sample_campaign()
    recorder = Recorder(path, campaign)
    audit = AuditLog(path, campaign.campaign.name, "operator")
    submitted = 0
    for tick in range(100_000):
        at = START + timedelta(seconds=20 * tick)
        if tick % 3 == 0:
            action_id = f"action-{tick}"
            audit.write(action_id, "intent", at, "scale-out", "capacity", "8", "10", "pending")
            print(f"audit {action_id}", flush=True)
        for source, build in BUILDERS.items():
            recorder.submit(SourceUpdate(source, at, build(at), last_ok_at=at))
            submitted += 1
        print(f"samples {submitted}", flush=True)
        time.sleep(INTERVAL)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
