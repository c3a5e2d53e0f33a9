"""The custom scalars, each with @specifiedBy so that strict code generators know what they
are: DateTime by RFC 3339, Upload by the GraphQL multipart request spec (JSON comes with
Strawberry's ECMA-404 one)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import dateutil.parser
from graphql import StringValueNode
from strawberry.file_uploads import Upload
from strawberry.file_uploads.scalars import UploadDefinition
from strawberry.schema.types.base_scalars import DateTimeDefinition, wrap_parser


def _rfc3339(value: str) -> dt.datetime:
    parsed = dateutil.parser.isoparse(value)
    if parsed.tzinfo is None:
        raise ValueError("it has no time zone: write it as in 2027-01-01T00:00:00Z")
    return parsed


def _rfc3339_literal(node, _variables=None) -> dt.datetime:
    """A DateTime written in the document. A ValueError (not Strawberry's GraphQLError) lets
    graphql-core say which value it was, so the error can name its input field."""
    if not isinstance(node, StringValueNode):
        raise ValueError("write it as a string, as in \"2027-01-01T00:00:00Z\"")
    return _rfc3339(node.value)


DATETIME = dataclasses.replace(
    DateTimeDefinition,
    description="A date and time with its offset from UTC, written as RFC 3339 says (2026-11-30T08:15:00+00:00).",
    specified_by_url="https://datatracker.ietf.org/doc/html/rfc3339",
    parse_value=wrap_parser(_rfc3339, "DateTime"),
    parse_literal=_rfc3339_literal,
)

UPLOAD = dataclasses.replace(
    UploadDefinition,
    description="A file, sent as a part of a GraphQL multipart request (with an X-CSRF-Protection header).",
    specified_by_url="https://github.com/jaydenseric/graphql-multipart-request-spec",
)

SCALAR_MAP = {dt.datetime: DATETIME, Upload: UPLOAD}
