"""Checks on what a request carries before anything runs."""

from __future__ import annotations

from graphql import GraphQLError, ValidationRule
from graphql.language import StringValueNode

NOT_UNICODE = (
    "The request holds text that cannot be stored (a lone surrogate or a NUL character): "
    "fix the text."
)


def has_lone_surrogate(value: object) -> bool:
    """True when a string in `value` cannot be stored: not UTF-8, or holding NUL, which
    PostgreSQL text refuses."""
    if isinstance(value, str):
        if "\x00" in value:
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_lone_surrogate(item) for item in value)
    return False


class NoLoneSurrogates(ValidationRule):
    """The same check for string literals written into the document itself ("\\ud800")."""

    def enter_string_value(self, node: StringValueNode, *_args) -> None:
        if has_lone_surrogate(node.value):
            self.report_error(GraphQLError(NOT_UNICODE, node))
