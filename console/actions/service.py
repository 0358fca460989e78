"""The action service: guard rails around the three buttons, the same for the window and the CLI.

prepare() reads the live value and proposes before -> after with caps applied; execute() checks the
role, takes the resource (one action per resource at a time), re-reads the live value (if it moved
since the proposal, nothing is sent: the operator is asked again), audits the intent, sends the one
change, and audits the outcome. Both run on worker threads: they do network I/O.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable

from console.actions.audit import AuditLog
from console.actions.backends import Admissions, Backends
from console.actions.prescale import apply_prescale, propose_prescale
from console.actions.requests import ActionKind, ActionRequest, ActionResult, Proposal, Resource
from console.actions.wording import NOTHING_TO_CHANGE, Actions, capped_text, level_text, summary_text
from console.clock import Clock
from console.config import Campaign
from console.sources.aws_control import CapacityRefused
from console.sources.errors import SourceError
from console.text import Number, Text

UNDER_ATTACK = "under_attack"
DEFAULT_LEVEL = "medium"
CLOUDFLARE_MIN_RATE = 200  # the waiting room refuses fewer new users per minute


class ActionRefused(Exception):
    """The action was not sent: wrong role, a cap, another action in flight, or nothing to do."""

    @property
    def reason(self) -> str:
        """Why, as given (a Text the window translates); `str(refusal)` is the English."""
        first = self.args[0] if self.args else ""
        return first if isinstance(first, str) else str(self)


class ChangedSinceProposal(Exception):
    """The live value moved after the operator saw the proposal; `fresh` is the new proposal to confirm."""

    def __init__(self, fresh: Proposal) -> None:
        super().__init__(f"{fresh.request.resource} changed to {fresh.before} since the dialog opened")
        self.fresh = fresh


ActionListener = Callable[[str, Proposal, ActionResult | None], None]


class ActionService:
    def __init__(self, campaign: Campaign, role: str, backends: Backends, audit: AuditLog, clock: Clock) -> None:
        self._campaign = campaign
        self.role = role
        self._backends = backends
        self._audit = audit
        self._clock = clock
        self._busy = {resource: threading.Lock() for resource in Resource}
        self._done: set[str] = set()
        self._listeners: list[ActionListener] = []

    def subscribe(self, listener: ActionListener) -> None:
        """`listener(action_id, proposal, None)` at intent, `(action_id, proposal, result)` at outcome."""
        self._listeners.append(listener)

    def _check_role(self) -> None:
        if self.role != "operator":
            raise ActionRefused(Actions.tr("the {role} role cannot change anything").format(role=self.role))

    # ---------------------------------------------------------------- proposals

    def prepare(self, request: ActionRequest) -> Proposal:
        self._check_role()
        if request.kind is ActionKind.PRESCALE:
            try:
                return propose_prescale(self._campaign, self._backends.capacity, request, self._clock.now())
            except ValueError as exc:
                raise ActionRefused(_reason(exc)) from None
        if request.resource is Resource.CAPACITY:
            return self._propose_capacity(request)
        if request.resource is Resource.PROTECTION:
            return self._propose_protection(request)
        return self._propose_admissions(request)

    def _propose_capacity(self, request: ActionRequest) -> Proposal:
        group = self._backends.group()
        if request.kind is ActionKind.SCALE_OUT:
            if request.amount < 1:
                raise ActionRefused(Actions.tr("add at least one instance"))
            wanted = group.desired + request.amount
        else:
            wanted = request.amount
        cap = min(self._campaign.safety.max_instances, group.max_size)
        target = max(min(wanted, cap), group.min_size)
        warnings: list[str] = []
        if wanted > cap:
            warnings.append(capped_text(wanted, cap, cap == self._campaign.safety.max_instances))
        if wanted < group.min_size:
            warnings.append(Actions.tr("asked for {asked}; the group's MinSize is {minimum}").format(
                asked=wanted, minimum=group.min_size))
        if target == group.desired:
            warnings.append(NOTHING_TO_CHANGE)
        added = target - group.desired
        price = self._campaign.aws.instance_price_per_hour
        details: list[str] = [
            (Actions.tr("+%n instance(s) in {group}", None, added) if added >= 0
             else Actions.tr("-%n instance(s) in {group}", None, -added)).format(group=group_name(self._campaign))]
        if added > 0:
            details.append(Actions.tr("estimated extra cost {cost} per hour ({price} per instance-hour)").format(
                cost=Number(added * price, 2), price=Number(price, 2)))
            details.append(Actions.tr("new instances serve after about {minutes} minutes of warm-up").format(
                minutes=Number(self._campaign.aws.warmup_minutes)))
        return Proposal(request, str(group.desired), str(target),
                        summary_text(Resource.CAPACITY, str(group.desired), str(target)), tuple(details),
                        tuple(warnings))

    def _propose_protection(self, request: ActionRequest) -> Proposal:
        current = self._backends.protection.security_level()
        details: tuple[str, ...]
        if request.kind is ActionKind.PROTECTION_ON:
            target = UNDER_ATTACK
            details = (Actions.tr("Every visitor gets a browser challenge (about 5 s) before reaching the shop."),
                       Actions.tr("API and app clients that cannot run the challenge may break."))
        else:
            target = self.level_before_protection()
            details = (Actions.tr("Back to the level before protection was switched on: {level}.").format(
                level=level_text(target)),)
        warnings = (NOTHING_TO_CHANGE,) if current == target else ()
        return Proposal(request, current, target, summary_text(Resource.PROTECTION, current, target), details,
                        warnings)

    def level_before_protection(self) -> str:
        """The level protection replaced, from the durable audit trail (survives restarts)."""
        last_on = self._audit.last_ok(ActionKind.PROTECTION_ON.value)
        if last_on is None or last_on.before == UNDER_ATTACK:
            return DEFAULT_LEVEL
        return last_on.before

    def _propose_admissions(self, request: ActionRequest) -> Proposal:
        current = self._backends.admissions.read()
        control = self._campaign.admission.control
        where = Actions.tr("Cloudflare waiting room") if control == "cloudflare" else Actions.tr("shop queue")
        if request.kind is ActionKind.ADMISSION_RATE:
            lowest = CLOUDFLARE_MIN_RATE if control == "cloudflare" else 1
            highest = self._campaign.safety.max_admission_rate
            if not lowest <= request.amount <= highest:
                raise ActionRefused(Actions.tr("admission rate must be between {lowest} and {highest} per minute")
                                    .format(lowest=lowest, highest=highest))
            target = Admissions(current.paused, request.amount)
            details: tuple[str, ...] = (Actions.tr("{where}: new admissions per minute.").format(where=where),)
        else:
            pause = request.kind is ActionKind.ADMISSIONS_PAUSE
            target = Admissions(pause, current.rate)
            effect = (Actions.tr("{where}: nobody new enters the shop; the queue keeps growing.") if pause
                      else Actions.tr("{where}: admissions restart at {rate}/min."))
            details = (effect.format(where=where, rate=current.rate),)
        warnings = (NOTHING_TO_CHANGE,) if target == current else ()
        return Proposal(request, current.describe(), target.describe(),
                        summary_text(Resource.ADMISSIONS, current.describe(), target.describe()), details, warnings)

    # ---------------------------------------------------------------- execution

    def execute(self, proposal: Proposal) -> ActionResult:
        self._check_role()
        if not proposal.changes_anything:
            raise ActionRefused(NOTHING_TO_CHANGE)
        lock = self._busy[proposal.request.resource]
        if not lock.acquire(blocking=False):
            raise ActionRefused(IN_FLIGHT[proposal.request.resource])
        try:
            if proposal.proposal_id in self._done:
                raise ActionRefused(Actions.tr("this change was already sent"))
            fresh = self.prepare(proposal.request)
            if fresh.before != proposal.before:
                raise ChangedSinceProposal(fresh)
            self._done.add(proposal.proposal_id)
            return self._send(proposal)
        finally:
            lock.release()

    def _send(self, proposal: Proposal) -> ActionResult:
        action_id = uuid.uuid4().hex
        action = proposal.request.kind.value
        resource = proposal.request.resource.value
        self._audit.write(action_id, "intent", self._clock.now(), action, resource, proposal.before, proposal.after,
                          "pending", proposal.summary)
        self._notify(action_id, proposal, None)
        try:
            after = self._apply(proposal, action_id)
            result = ActionResult(proposal, True, after, proposal.summary, action_id)
        except (SourceError, CapacityRefused, ValueError) as exc:
            message = exc.message if isinstance(exc, SourceError) else _reason(exc)
            result = ActionResult(proposal, False, proposal.before, message, action_id)
        except Exception as exc:  # the outcome is audited whatever happened
            result = ActionResult(proposal, False, proposal.before,
                                  Actions.tr("unexpected error: {kind}").format(kind=type(exc).__name__), action_id)
        self._audit.write(action_id, "outcome", self._clock.now(), action, resource, proposal.before, result.after,
                          "ok" if result.ok else "failed", result.message)
        self._notify(action_id, proposal, result)
        return result

    def _apply(self, proposal: Proposal, action_id: str) -> str:
        kind = proposal.request.kind
        if kind is ActionKind.PRESCALE:
            return apply_prescale(self._backends.capacity, proposal)
        if proposal.request.resource is Resource.CAPACITY:
            _, after = self._backends.capacity.set_desired_capacity(int(proposal.after))
            return str(after)
        if proposal.request.resource is Resource.PROTECTION:
            self._backends.protection.set_security_level(proposal.after)
            return self._backends.protection.security_level()
        admissions = self._backends.admissions
        if kind is ActionKind.ADMISSION_RATE:
            return admissions.set_rate(proposal.request.amount, action_id).describe()
        return admissions.set_paused(kind is ActionKind.ADMISSIONS_PAUSE, action_id).describe()

    def _notify(self, action_id: str, proposal: Proposal, result: ActionResult | None) -> None:
        for listener in list(self._listeners):
            listener(action_id, proposal, result)


def group_name(campaign: Campaign) -> str:
    return campaign.aws.autoscaling_group


IN_FLIGHT: dict[Resource, Text] = {
    Resource.CAPACITY: Actions.tr("another capacity action is in flight"),
    Resource.PROTECTION: Actions.tr("another protection action is in flight"),
    Resource.ADMISSIONS: Actions.tr("another admissions action is in flight"),
}


def _reason(exc: Exception) -> str:
    """The words an exception was raised with, kept as a Text if they were one."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)
