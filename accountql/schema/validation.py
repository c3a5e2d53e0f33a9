"""Checks on what a request carries before anything runs."""

from __future__ import annotations

from graphql import GraphQLError, ValidationRule
from graphql.language import StringValueNode

NOT_UNICODE = (
    "The request holds text that cannot be stored (a lone surrogate or a NUL character): "
    "fix the text."
)


def has_bad_text(text: str) -> bool:
    """True when a string cannot be stored: not UTF-8, or holding NUL, which PostgreSQL
    text refuses."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class NoLoneSurrogates(ValidationRule):
    """The same check for string literals written into the document itself ("\\ud800")."""

    def enter_string_value(self, node: StringValueNode, *_args) -> None:
        if has_bad_text(node.value):
            self.report_error(GraphQLError(NOT_UNICODE, node))
