"""The demo's sale model: shaped like the seed case, and the operators' controls change the outcome."""

from __future__ import annotations

from console.demo.sale_model import Controls, SaleModel, latency_and_errors

NORMAL = Controls(serving_instances=16, security_level="medium", shop_rate=300, shop_paused=False,
                  room_rate=20_000, room_paused=False)


def run(model: SaleModel, minutes: float, controls: Controls = NORMAL) -> list[dict[str, float]]:
    rows = []
    for _ in range(int(minutes * 12)):
        model.step(5.0, controls)
        if model.minute.seconds >= 60:
            minute = model.take_minute()
            rows.append({"visitors": minute.visitors, "origin": minute.origin_requests,
                         "errors": minute.errors_5xx, "threats": minute.threats,
                         "cache": minute.cached_bytes / minute.bytes})
    return rows


def test_quiet_then_a_jump_of_thousands_to_a_peak_near_13000() -> None:
    model = SaleModel(onsale_offset_s=20 * 60)
    rows = run(model, 30)
    quiet = rows[0]["visitors"]
    peak = max(r["visitors"] for r in rows)
    assert quiet < 10
    assert 12_000 <= peak <= 14_000
    assert peak / quiet > 1000
    assert all(0.87 < r["cache"] < 0.93 for r in rows)


def test_the_arena_sells_out_within_two_hours_with_enough_instances() -> None:
    model = SaleModel(onsale_offset_s=0)
    run(model, 120)
    assert model.tickets_sold == model.capacity == 20_000
    assert model.sold_out_at_s is not None and model.sold_out_at_s < 2 * 3600


def test_too_few_instances_during_the_attack_cost_sales_and_under_attack_helps() -> None:
    weak = Controls(8, "medium", 300, False, 20_000, False)
    shielded = Controls(8, "under_attack", 300, False, 20_000, False)
    plain, protected = SaleModel(onsale_offset_s=0), SaleModel(onsale_offset_s=0)
    plain_rows, protected_rows = run(plain, 30, weak), run(protected, 30, shielded)
    assert sum(r["errors"] for r in plain_rows) > 5 * sum(r["errors"] for r in protected_rows)
    assert sum(r["threats"] for r in protected_rows) > 0
    assert protected.tickets_sold > plain.tickets_sold


def test_pausing_admissions_grows_the_queue_and_lowers_origin_load() -> None:
    open_model, paused_model = SaleModel(onsale_offset_s=0), SaleModel(onsale_offset_s=0)
    run(open_model, 10)
    run(paused_model, 10)
    paused = Controls(16, "medium", 300, True, 20_000, False)
    open_rows, paused_rows = run(open_model, 10), run(paused_model, 10, paused)
    assert paused_model.shop_queue > open_model.shop_queue + 2000
    assert paused_rows[-1]["origin"] < open_rows[-1]["origin"]
    assert paused_model.admitted_per_minute == 0


def test_latency_climbs_steeply_past_80_percent() -> None:
    at = {u: latency_and_errors(u)[0] for u in (0.5, 0.7, 0.8, 0.9, 0.95)}
    assert at[0.5] < 0.13
    assert at[0.9] > 3 * at[0.8] - 0.2
    assert at[0.95] > at[0.9] > at[0.8] > at[0.7]
    assert latency_and_errors(2.0)[1] > 0.4
