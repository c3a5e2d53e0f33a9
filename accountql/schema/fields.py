"""How the roots declare their fields: mutations report a bad input at the path the client
wrote (`input.email`), and say who may call them."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission

from accountql.errors import ApiError
from accountql.schema.permissions import guarded_field


class InputErrorPaths(FieldExtension):
    """Domain code names an input field by its own name ("email"); the client wrote it as
    `input.email`, and that is what `extensions.field` must say."""

    async def resolve_async(self, next_, source: Any, info: strawberry.Info, **kwargs: Any) -> Any:
        try:
            return await next_(source, info, **kwargs)
        except ApiError as error:
            field = error.extensions.get("field")
            if isinstance(field, str) and "input" in kwargs and not field.startswith("input."):
                error.extensions["field"] = f"input.{field}"
            raise


def _describe_input(field):
    """The `input` argument says what it is: its type's own description."""
    for argument in field.arguments:
        definition = getattr(argument.type, "__strawberry_definition__", None)
        if argument.python_name == "input" and not argument.description and definition is not None:
            argument.description = definition.description
    return field


def mutation(resolver, description: str, *permissions: BasePermission, mfa_exempt: bool = False):
    """A mutation for signed-in callers (and whoever else `permissions` let in)."""
    return _describe_input(guarded_field(
        permissions, resolver=resolver, description=description, mfa_exempt=mfa_exempt,
        mutation=True, extensions=(InputErrorPaths(),),
    ))


def public_mutation(resolver, description: str):
    """A mutation anyone may call: the secret it carries (a password, a token) is the proof."""
    return _describe_input(strawberry.mutation(
        resolver=resolver, description=f"{description} Needs no session.", extensions=[InputErrorPaths()]
    ))


def query(resolver, description: str, *permissions: BasePermission, mfa_exempt: bool = False):
    return guarded_field(permissions, resolver=resolver, description=description, mfa_exempt=mfa_exempt)
