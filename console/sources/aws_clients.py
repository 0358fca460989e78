"""boto3 plumbing shared by the AWS source and the Auto Scaling control.

One session per owner (profile, static emulator credentials or the default chain), clients tuned once
(adaptive retries, two attempts, timeouts), a count of the requests that really went on the wire, and
one translation of every botocore failure into a SourceError, so callers never see another exception.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import boto3
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    CredentialRetrievalError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
    ProfileNotFound,
    ReadTimeoutError,
    SSOError,
    TokenRetrievalError,
)
from botocore.exceptions import ConnectionError as BotoConnectionError
from botocore.parsers import ResponseParserError

from console.config import AwsConfig
from console.snapshots import FailureKind
from console.sources.errors import SourceError

THROTTLE_CODES = frozenset(
    {"Throttling", "ThrottlingException", "TooManyRequests", "TooManyRequestsException", "RequestLimitExceeded",
     "RequestThrottled", "RequestThrottledException", "SlowDown"}
)
DENIED_CODES = frozenset(
    {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "Forbidden"}
)
EXPIRED_CODES = frozenset({"ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired"})
REJECTED_CODES = frozenset(
    {"UnrecognizedClient", "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch",
     "IncompleteSignature", "AuthFailure", "InvalidAccessKeyId", "MissingAuthenticationToken"}
)
NOT_FOUND_CODES = frozenset(
    {"LoadBalancerNotFound", "TargetGroupNotFound", "ResourceNotFound", "ResourceNotFoundException",
     "DBInstanceNotFound"}
)
CREDENTIAL_ERRORS = (
    NoCredentialsError, PartialCredentialsError, CredentialRetrievalError, TokenRetrievalError, SSOError,
    ProfileNotFound,
)


class WireCounter:
    """Counts HTTP requests as botocore sends them (each retry is one more), per API operation.

    Hooked on botocore's `before-send` event, which fires once per attempt just before the bytes leave;
    calls answered by a Stubber never reach it. Benchmarks and tests read it to check call budgets.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def attach(self, client: BaseClient) -> None:
        client.meta.events.register("before-send", self._on_send)

    def _on_send(self, event_name: str = "", **_: object) -> None:
        operation = event_name.rsplit(".", 1)[-1]
        with self._lock:
            self._counts[operation] += 1
        # Returning None lets botocore send the request itself.

    @property
    def total(self) -> int:
        with self._lock:
            return sum(self._counts.values())

    def by_operation(self) -> dict[str, int]:
        with self._lock:
            return dict(self._counts)


def open_session(config: AwsConfig, credentials: tuple[str, str] | None = None) -> boto3.Session:
    """Static credentials are for emulators only; a real campaign uses its profile or the default chain."""
    if credentials is not None:
        key_id, secret = credentials
        return boto3.Session(aws_access_key_id=key_id, aws_secret_access_key=secret, region_name=config.region)
    return boto3.Session(profile_name=config.profile, region_name=config.region)


def make_client(
    session: boto3.Session, service: str, config: AwsConfig, timeout: float, wire: WireCounter | None = None
) -> BaseClient:
    # Two attempts in all: the poller's backoff handles longer outages, and a poll must stay shorter than its interval.
    tuning = Config(
        retries={"mode": "adaptive", "total_max_attempts": 2},
        connect_timeout=timeout,
        read_timeout=timeout,
    )
    client = session.client(service, config=tuning, endpoint_url=config.endpoint_url)
    if wire is not None:
        wire.attach(client)
    return client


def iam_action(service: str, operation: str) -> str:
    """The IAM permission a call needs, e.g. "elasticloadbalancing:DescribeTargetHealth"."""
    prefix = {"elbv2": "elasticloadbalancing", "monitoring": "cloudwatch"}.get(service, service)
    return f"{prefix}:{operation}"


def to_source_error(exc: Exception, action: str, missing: str | None = None) -> SourceError:
    """Classify one failure of the call `action` (an IAM action name); `missing` names what was looked up."""
    if isinstance(exc, SourceError):
        return exc
    if isinstance(exc, ClientError):
        return _client_error(exc, action, missing)
    if isinstance(exc, ReadTimeoutError | ConnectTimeoutError):
        return SourceError(FailureKind.TIMEOUT, f"{action} timed out")
    if isinstance(exc, EndpointConnectionError | BotoConnectionError | ConnectionClosedError):
        return SourceError(FailureKind.UNREACHABLE, f"{action}: cannot reach AWS ({exc})")
    if isinstance(exc, ProfileNotFound):
        return SourceError(FailureKind.AUTH, f"AWS profile not found: {exc.kwargs.get('profile', '?')}")
    if isinstance(exc, NoCredentialsError | PartialCredentialsError):
        return SourceError(FailureKind.AUTH, f"no usable AWS credentials for {action}: set the campaign's profile")
    if isinstance(exc, CREDENTIAL_ERRORS):
        return SourceError(FailureKind.AUTH, f"AWS sign-in failed before {action}: {type(exc).__name__}")
    if isinstance(exc, ResponseParserError):
        return SourceError(FailureKind.BAD_RESPONSE, f"{action}: unreadable response")
    if isinstance(exc, BotoCoreError):
        return SourceError(FailureKind.ERROR, f"{action} failed: {exc}")
    return SourceError(FailureKind.ERROR, f"{action} failed: {type(exc).__name__}: {exc}")


def _client_error(exc: ClientError, action: str, missing: str | None) -> SourceError:
    error = exc.response.get("Error", {})
    code = str(error.get("Code", ""))
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    if code in THROTTLE_CODES or status == 429:
        return SourceError(FailureKind.THROTTLED, f"{action} throttled by AWS ({code or status})")
    if code in DENIED_CODES:
        return SourceError(FailureKind.AUTH, f"{action} denied ({code}): grant it to the console's role")
    if code in EXPIRED_CODES:
        return SourceError(FailureKind.AUTH, f"AWS credentials expired ({code}) at {action}: sign in again")
    if code in REJECTED_CODES:
        return SourceError(FailureKind.AUTH, f"AWS rejected the credentials ({code}) at {action}")
    if code in NOT_FOUND_CODES:
        return SourceError(FailureKind.NOT_FOUND, missing or f"{action}: {code}")
    detail = error.get("Message") or code or "no error code"
    return SourceError(FailureKind.ERROR, f"{action} failed (HTTP {status}): {detail}")


@contextmanager
def aws_call(action: str, missing: str | None = None) -> Iterator[None]:
    """Run one AWS call; whatever goes wrong leaves as a SourceError naming `action`."""
    try:
        yield
    except SourceError:
        raise
    except Exception as exc:
        raise to_source_error(exc, action, missing) from exc


@contextmanager
def parsing(action: str) -> Iterator[None]:
    """Read a response; a missing key, a wrong type or an impossible number (a 400-digit count, a time
    before year 1 in UTC) means the body was malformed or partial."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError) as exc:
        raise SourceError(FailureKind.BAD_RESPONSE, f"{action}: malformed response ({exc!r})") from exc
