"""The two media types of a GraphQL response (GraphQL over HTTP spec), chosen by the
request's Accept header, and the status code each gives a response.

application/graphql-response+json says what happened in the status code: 4xx when the
request could not be executed at all (it does not parse or validate, breaks a document
limit, or its variables do not fit), 2xx once execution ran. application/json is the type
that clients knew before the spec: they, and the proxies between, take a non-2xx status
for a failure of the transport rather than a GraphQL answer, so under it every
well-formed request answers 200 and the client reads `errors`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from starlette.datastructures import Headers
from starlette.responses import Response

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
# The one parameter of what the server writes: json.dumps escapes every non-ASCII
# character, so the bodies are ASCII, and so UTF-8, which the spec requires.
PARAMETERS = {"charset": "utf-8"}


def content_type(media_type: str) -> str:
    return f"{media_type}; charset=utf-8"


class MediaRange(NamedTuple):
    type: str
    subtype: str
    parameters: dict[str, str]
    q: float

    @property
    def specificity(self) -> int:
        """RFC 9110 §12.5.1: the most specific range that matches a type sets its weight
        (text/plain;format=flowed over text/plain over text/* over */*)."""
        if self.type == "*":
            return 0
        if self.subtype == "*":
            return 1
        return 3 if self.parameters else 2

    def matches(self, media_type: str) -> bool:
        kind, subtype = media_type.split("/")
        if self.type not in ("*", kind) or self.subtype not in ("*", subtype):
            return False
        # A range with parameters matches only a response that carries the same ones:
        # application/json;charset=utf-8 does, application/json;charset=latin1 does not.
        return all(PARAMETERS.get(name) == value for name, value in self.parameters.items())


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header. A malformed range (no slash, a q that is no
    number, a wildcard type with a concrete subtype) is skipped rather than refusing the
    request: a range the server cannot read is one it could not honour anyway."""
    ranges = []
    for part in header.split(","):
        name, *raw_parameters = (piece.strip() for piece in part.split(";"))
        kind, slash, subtype = name.lower().partition("/")
        if not slash or not kind or not subtype or (kind == "*" and subtype != "*") or " " in name:
            continue
        parameters: dict[str, str] = {}
        q: float | None = None
        for raw in raw_parameters:
            key, equals, value = raw.partition("=")
            key, value = key.strip().lower(), value.strip().strip('"')
            if not equals or not key:
                break
            if key == "q" and q is None:
                q = _qvalue(value)
                if q is None:
                    break
            elif q is None:  # what follows q are extensions of Accept, not of the type
                parameters[key] = value.lower() if key == "charset" else value
        else:
            ranges.append(MediaRange(kind, subtype, parameters, 1.0 if q is None else q))
    return ranges


def _qvalue(value: str) -> float | None:
    """0 to 1 with at most three decimals, as RFC 9110 §12.4.2 writes it; None otherwise."""
    whole, _, decimals = value.partition(".")
    if whole not in ("0", "1") or len(decimals) > 3 or not all(c in "0123456789" for c in decimals):
        return None
    q = float(value)
    return q if q <= 1 else None


def weight(ranges: Iterable[MediaRange], media_type: str) -> tuple[float, int]:
    """The q the client gives a media type, and how specifically it named it (-1: not at
    all, so not acceptable)."""
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return 0.0, -1
    best = max(r.specificity for r in matching)
    # Equally specific ranges (application/json;q=0.5, application/json) count their best.
    return max(r.q for r in matching if r.specificity == best), best


def negotiate(accept: str | None) -> str:
    """application/graphql-response+json when the client accepts it at least as much as
    application/json and names it (wildcards and no Accept at all mean application/json,
    which every client before the spec expects); application/json otherwise, including
    when Accept allows neither (the spec's option to disregard the header, rather than
    answer 406, so that a request always gets a readable GraphQL answer)."""
    if not accept or not accept.strip():
        return JSON
    ranges = parse_accept(accept)
    new_q, new_specificity = weight(ranges, GRAPHQL_RESPONSE)
    old_q, _ = weight(ranges, JSON)
    if new_q > 0 and (new_q > old_q or (new_q == old_q and new_specificity >= 2)):
        return GRAPHQL_RESPONSE
    return JSON


def negotiate_headers(headers: Headers) -> str:
    # Several Accept headers are one list (RFC 9110 §5.3): join them before reading.
    return negotiate(", ".join(headers.getlist("accept")))


def response_status(
    media_type: str, codes: Iterable[str], executed: bool, status_of_code: Mapping[str, int]
) -> int:
    """The status of a GraphQL response that has these error codes. A code with its own
    status (SERVICE_UNAVAILABLE: 503) wins under either type: the client should retry,
    whatever it asked to read. Otherwise application/json is always 200; under
    application/graphql-response+json a request that never executed is 400 (500 when the
    server failed before execution), and one that executed is 200, `data` null or not."""
    codes = list(codes)
    own = [status_of_code[code] for code in codes if code in status_of_code]
    if own:
        return max(own)
    if media_type == GRAPHQL_RESPONSE and not executed:
        return 500 if "INTERNAL_SERVER_ERROR" in codes else 400
    return 200


class GraphQLJSONResponse(Response):
    """A GraphQL answer in the media type the request negotiated, with its charset."""

    def __init__(
        self, content: object, status_code: int, media_type: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(content, status_code=status_code, headers=headers, media_type=content_type(media_type))

    def render(self, content: object) -> bytes:
        # ASCII with escapes, as Strawberry encodes its answers: text that cannot be
        # encoded (a lone surrogate quoted back in a message) cannot break the response.
        return json.dumps(content, separators=(",", ":")).encode("ascii")


def error_response(
    status: int, message: str, code: str, media_type: str = JSON, headers: Mapping[str, str] | None = None
) -> GraphQLJSONResponse:
    """A refusal before any GraphQL ran: GraphQL-shaped, with no `data` (nothing ran)."""
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return GraphQLJSONResponse(body, status, media_type, headers)
