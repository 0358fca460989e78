"""What each demo backend answers when a fault says it fails, for console.demo.fault_proxy.

The answers copy the real services' error shapes, so that the console's real clients (botocore, the
Cloudflare SDK, requests) classify them exactly as they would in production: AWS in the protocol the
request used (query XML for Auto Scaling and ELBv2; JSON or CBOR for CloudWatch, depending on the
botocore version), Cloudflare's v4 envelope, the shop's {"error": {"code", "message"}} (docs/shop-api.md).

The status is always the one the fault names (http429 answers 429), although AWS's query APIs send
throttling and expired tokens as 400: botocore goes by the error code, so the console sees the same.
"""

from __future__ import annotations

import json
import time
from email.message import Message

from console.demo.faults import Fault
from console.snapshots import SourceName

Reply = tuple[int, list[tuple[str, str]], bytes]

SHOP_ERRORS = {
    500: ("internal", "the shop could not answer, try again shortly"),
    429: ("rate_limited", "too many requests, retry in {retry} s"),
    401: ("unauthenticated", "missing or invalid API key"),
    403: ("forbidden", "this API key may not do this"),
}
CLOUDFLARE_ERRORS = {
    500: (10002, "An unknown error has occurred"),
    429: (971, "Please wait and consider throttling your request speed"),
    401: (10000, "Authentication error"),
    403: (10000, "Authentication error"),
}
# status -> (query code, JSON/CBOR type, fault side, message), as AWS's query and JSON services send them
AWS_ERRORS = {
    500: ("InternalFailure", "com.amazon.coral.service#InternalFailure", "Receiver",
          "The request processing has failed because of an unknown error, exception or failure."),
    429: ("Throttling", "com.amazonaws.coral.availability#ThrottlingException", "Sender", "Rate exceeded"),
    401: ("ExpiredToken", "com.amazon.coral.service#ExpiredTokenException", "Sender",
          "The security token included in the request is expired"),
    403: ("AccessDenied", "com.amazon.coral.service#AccessDeniedException", "Sender",
          "User: arn:aws:sts::123456789012:assumed-role/saleday-console/console is not authorized to perform "
          "this action"),
}


def _json(document: object) -> bytes:
    return json.dumps(document).encode("utf-8")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError("too large for CBOR")


def cbor_text_map(values: dict[str, str]) -> bytes:
    """A CBOR map of text to text (RFC 8949): all an rpc-v2-cbor error body holds."""
    out = bytearray(_cbor_head(5, len(values)))
    for key, value in values.items():
        for text in (key.encode(), value.encode()):
            out += _cbor_head(3, len(text)) + text
    return bytes(out)


def aws_protocol(headers: Message) -> str:
    """"query", "json" or "cbor": botocore picks per service, the request's headers say which."""
    content_type = headers.get("Content-Type", "").lower()
    if headers.get("smithy-protocol", "").lower() == "rpc-v2-cbor" or content_type.startswith("application/cbor"):
        return "cbor"
    if content_type.startswith("application/x-amz-json"):
        return "json"
    return "query"


def aws_error(status: int, headers: Message, request_id: str) -> Reply:
    code, type_name, side, message = AWS_ERRORS[status]
    protocol = aws_protocol(headers)
    if protocol == "query":
        body = (
            f"<ErrorResponse><Error><Type>{side}</Type><Code>{code}</Code><Message>{message}</Message></Error>"
            f"<RequestId>{request_id}</RequestId></ErrorResponse>"
        ).encode()
        return status, [("Content-Type", "text/xml"), ("x-amzn-RequestId", request_id)], body
    out = [("x-amzn-RequestId", request_id), ("X-Amzn-Errortype", type_name.rpartition("#")[2])]
    if headers.get("x-amzn-query-mode", "").lower() == "true":  # a former query service: botocore maps back
        out.append(("x-amzn-query-error", f"{code};{side}"))
    if protocol == "cbor":
        body = cbor_text_map({"__type": type_name, "message": message})
        return status, [("Content-Type", "application/cbor"), ("smithy-protocol", "rpc-v2-cbor"), *out], body
    content_type = headers.get("Content-Type", "application/x-amz-json-1.0")
    return status, [("Content-Type", content_type), *out], _json({"__type": type_name, "message": message})


def error_reply(source: SourceName, fault: Fault, headers: Message) -> Reply:
    """The answer `source` gives for the error `fault` (an HTTP error kind) to a request with `headers`."""
    status = fault.kind.status
    if status is None:
        raise ValueError(f"{fault.kind} is not an error answer")
    reply: Reply
    if source == SourceName.SHOP:
        code, message = SHOP_ERRORS[status]
        body = _json({"error": {"code": code, "message": message.format(retry=fault.retry_after)}})
        out = [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store")]
        if status == 401:
            out.append(("WWW-Authenticate", 'Bearer realm="saleday"'))
        reply = (status, out, body)
    elif source == SourceName.CLOUDFLARE:
        cf_code, message = CLOUDFLARE_ERRORS[status]
        envelope = {"success": False, "errors": [{"code": cf_code, "message": message}], "messages": [], "result": None}
        reply = (status, [("Content-Type", "application/json")], _json(envelope))
    else:
        reply = aws_error(status, headers, f"fault-{time.monotonic_ns():x}")
    if status == 429:
        reply[1].append(("Retry-After", str(fault.retry_after)))
    return reply


def garble(body: bytes, content_type: str) -> bytes:
    """The first half of a body: cut short, so no parser can take it; never empty."""
    half = body[: len(body) // 2]
    if half:
        return half
    return b"<" if "xml" in content_type else b'{"'
