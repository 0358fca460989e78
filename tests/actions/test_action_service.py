"""Each action against the live emulators: state really changes, caps hold, one change per press, audit."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from console.actions.audit import read_entries
from console.actions.requests import ActionKind, ActionRequest
from console.actions.service import ActionRefused, ActionService, ChangedSinceProposal
from console.demo.environment import DemoEnvironment
from tests.actions.conftest import make_service


def audit_rows(service: ActionService) -> list[tuple[str, str, str, str]]:
    return [(e.phase, e.action, e.before, e.after) for e in service._audit.entries()]


def test_scale_out_raises_desired_capacity_in_moto(demo: DemoEnvironment, service: ActionService) -> None:
    assert demo.aws_world is not None
    start = demo.aws_world.desired_capacity()
    proposal = service.prepare(ActionRequest(ActionKind.SCALE_OUT, 2))
    assert (proposal.before, proposal.after) == (str(start), str(start + 2))
    assert any("per hour" in line for line in proposal.details)
    result = service.execute(proposal)
    assert result.ok, result.message
    assert demo.aws_world.desired_capacity() == start + 2
    rows = audit_rows(service)
    assert [r[0] for r in rows] == ["intent", "outcome"]
    assert rows[0][2:] == (str(start), str(start + 2))
    entries = service._audit.entries()
    assert entries[1].outcome == "ok" and entries[0].outcome == "pending"
    assert entries[0].os_user and entries[0].workstation and entries[0].campaign


def test_the_safety_cap_holds_even_though_moto_would_accept_more(demo: DemoEnvironment,
                                                                 service: ActionService) -> None:
    assert demo.aws_world is not None and demo.campaign is not None
    proposal = service.prepare(ActionRequest(ActionKind.SCALE_TO, 50))
    cap = demo.campaign.safety.max_instances
    assert proposal.after == str(cap)
    assert any("capped at" in w for w in proposal.warnings)
    assert service.execute(proposal).ok
    assert demo.aws_world.desired_capacity() == cap
    back = service.execute(service.prepare(ActionRequest(ActionKind.SCALE_TO, 8)))
    assert back.ok and demo.aws_world.desired_capacity() == 8


def test_a_double_press_makes_exactly_one_change(demo: DemoEnvironment, service: ActionService) -> None:
    assert demo.aws_world is not None
    start = demo.aws_world.desired_capacity()
    proposal = service.prepare(ActionRequest(ActionKind.SCALE_OUT, 1))
    outcomes: list[object] = []

    def press() -> None:
        try:
            outcomes.append(service.execute(proposal))
        except (ActionRefused, ChangedSinceProposal) as exc:
            outcomes.append(exc)

    presses = [threading.Thread(target=press) for _ in range(2)]
    for thread in presses:
        thread.start()
    for thread in presses:
        thread.join(30)
    press()  # and a retry after both finished
    assert demo.aws_world.desired_capacity() == start + 1
    assert sum(1 for o in outcomes if not isinstance(o, Exception)) == 1
    assert [r[0] for r in audit_rows(service)] == ["intent", "outcome"]
    service.execute(service.prepare(ActionRequest(ActionKind.SCALE_TO, start)))


def test_a_value_changed_since_the_dialog_is_not_sent(demo: DemoEnvironment, service: ActionService) -> None:
    assert demo.shop_world is not None
    proposal = service.prepare(ActionRequest(ActionKind.ADMISSION_RATE, 450))
    demo.shop_world.set_admission_rate(350)  # another operator, or the shop's own admin
    with pytest.raises(ChangedSinceProposal) as caught:
        service.execute(proposal)
    assert "350" in caught.value.fresh.before
    assert demo.shop_world.admission_rate() == 350
    assert audit_rows(service) == []
    assert service.execute(caught.value.fresh).ok
    assert demo.shop_world.admission_rate() == 450
    service.execute(service.prepare(ActionRequest(ActionKind.ADMISSION_RATE, 300)))


def test_pause_and_resume_admissions_on_the_shop_queue(demo: DemoEnvironment, service: ActionService) -> None:
    assert demo.shop_world is not None
    assert service.execute(service.prepare(ActionRequest(ActionKind.ADMISSIONS_PAUSE))).ok
    assert demo.shop_world.paused()
    assert service.execute(service.prepare(ActionRequest(ActionKind.ADMISSIONS_RESUME))).ok
    assert not demo.shop_world.paused()
    with pytest.raises(ActionRefused, match="between"):
        service.prepare(ActionRequest(ActionKind.ADMISSION_RATE, 10**6))


def test_protection_off_restores_the_level_before_even_after_a_restart(demo: DemoEnvironment,
                                                                      service: ActionService,
                                                                      tmp_path: Path) -> None:
    assert demo.cloudflare_world is not None and demo.campaign is not None
    service._backends.protection.set_security_level("high")
    assert service.execute(service.prepare(ActionRequest(ActionKind.PROTECTION_ON))).ok
    assert demo.cloudflare_world.security_level() == "under_attack"
    restarted, backends = make_service(demo.campaign, tmp_path / "audit.sqlite")  # same recording, new process
    try:
        proposal = restarted.prepare(ActionRequest(ActionKind.PROTECTION_OFF))
        assert (proposal.before, proposal.after) == ("under_attack", "high")
        assert restarted.execute(proposal).ok
    finally:
        backends.close()
    assert demo.cloudflare_world.security_level() == "high"
    service._backends.protection.set_security_level("medium")


def test_a_failure_is_audited_with_the_backends_message(demo: DemoEnvironment, service: ActionService) -> None:
    assert demo.cloudflare_world is not None
    emulator = demo._cloudflare
    assert emulator is not None
    proposal = service.prepare(ActionRequest(ActionKind.PROTECTION_ON))
    emulator.fail_next(500, code=1000, message="zone settings backend unavailable", method="PATCH")
    result = service.execute(proposal)
    assert not result.ok
    assert "zone settings backend unavailable" in result.message
    assert demo.cloudflare_world.security_level() == "medium"
    entries = service._audit.entries()
    assert [(e.phase, e.outcome) for e in entries] == [("intent", "pending"), ("outcome", "failed")]
    assert "zone settings backend unavailable" in entries[1].message


def test_the_viewer_role_cannot_change_anything(demo: DemoEnvironment, service: ActionService,
                                                tmp_path: Path) -> None:
    assert demo.campaign is not None and demo.aws_world is not None
    proposal = service.prepare(ActionRequest(ActionKind.SCALE_OUT, 2))
    viewer, backends = make_service(demo.campaign, tmp_path / "viewer.sqlite", role="viewer")
    try:
        before = demo.aws_world.desired_capacity()
        for kind in ActionKind:
            with pytest.raises(ActionRefused, match="viewer"):
                viewer.prepare(ActionRequest(kind, 400))
        with pytest.raises(ActionRefused, match="viewer"):
            viewer.execute(proposal)  # even a proposal made elsewhere
        assert demo.aws_world.desired_capacity() == before
        assert read_entries(tmp_path / "viewer.sqlite") == []
    finally:
        backends.close()
