"""Which permission a denied call was missing, in the words of the page where it is granted.

AWS errors already name the IAM action ("autoscaling:SetDesiredCapacity denied"). Cloudflare and the
shop only say 401/403 and the path, so the path is mapped here to the token permission or key scope
docs/permissions.md tells the person to grant.
"""

from __future__ import annotations

from console.snapshots import FailureKind, SourceName
from console.sources.errors import SourceError
from console.text import Text, TextContext

_CLOUDFLARE_SCOPES = (
    ("/settings/security_level", "Zone Settings"),
    ("/waiting_rooms", "Waiting Rooms"),
    ("/graphql", "Analytics"),
)
_CHANGES = ("PATCH", "PUT", "POST", "DELETE")
Checks = TextContext("Checks")


def cloudflare_scope(message: str) -> str | None:
    """"Zone · Waiting Rooms · Edit" for a message like "PATCH /client/v4/zones/…/waiting_rooms/…: HTTP 403"."""
    method = message.split(" ", 1)[0].upper()
    for fragment, group in _CLOUDFLARE_SCOPES:
        if fragment in message:
            level = "Edit" if method in _CHANGES and group != "Analytics" else "Read"
            return f"Zone · {group} · {level}"
    return None


def hint_text(source: SourceName | str, error: SourceError) -> Text | None:
    """One sentence naming what to grant, for an AUTH failure; None for anything else."""
    if error.kind is not FailureKind.AUTH:
        return None
    name = SourceName(source)
    if name is SourceName.AWS:
        if "denied" in error.message:
            return Checks.tr("the IAM policy in docs/permissions.md grants it")
        if "expired" in error.message or "rejected" in error.message:
            return Checks.tr("sign in again (e.g. aws sso login --profile …)")
        return None  # no credentials or no such profile: the message already says what to do
    if name is SourceName.CLOUDFLARE:
        scope = cloudflare_scope(error.message)
        if scope is None:
            return Checks.tr("the Cloudflare API token was refused: store a valid token (docs/permissions.md)")
        return Checks.tr("the Cloudflare API token needs {scope} on this zone, "
                                                "or it is not valid (docs/permissions.md)").format(scope=scope)
    if "HTTP 403" in error.message:
        return Checks.tr("the shop API key may not do this: an operator needs a key allowed to change the queue")
    return Checks.tr("the shop does not accept this API key: store the key the shop issued for this campaign")


def permission_hint(source: SourceName | str, error: SourceError) -> str | None:
    hint = hint_text(source, error)
    return None if hint is None else str(hint)


def failure_text(source: SourceName | str, error: SourceError) -> Text:
    """"auth: <message>; <hint>" — the one line the checklist, the CLI and the dialog show. The kind and
    the backend's message stay as they are: they are what a person searches for."""
    hint = hint_text(source, error)
    if hint is None:
        return Text("Checks", "{kind}: {message}", {"kind": error.kind.value, "message": error.message})
    return Text("Checks", "{kind}: {message}; {hint}",
                {"kind": error.kind.value, "message": error.message, "hint": hint})


def describe_failure(source: SourceName | str, error: SourceError) -> str:
    return str(failure_text(source, error))
