"""`extensions.field` on the errors graphql-core makes itself, so that a form can put every
input error next to its field, not only the errors of our resolvers (fields.py).

A literal of the wrong type (`expiresAt: "2030-01-01T00:00:00"` written in the document) is
refused at validation, pointing at the value; a variable of the wrong type is refused
before execution, naming the variable and the path inside it (`$i` at `i.expiresAt`). Both
are turned into the argument's path as the client wrote it: `input.expiresAt`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    ListValueNode,
    Node,
    ObjectValueNode,
    VariableNode,
    visit,
)
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension

VARIABLE = re.compile(r"^Variable '\$(\w+)' (?:(?:has|got) invalid value(?: at ([\w.\[\]]+))?|of )")
MISSING_FIELD = re.compile(r"to include required field '(\w+)'|^Field '\w+\.(\w+)' of required type")


def _search(value: Node, found: Callable[[Node], bool], path: str) -> str | None:
    if found(value):
        return path
    if isinstance(value, ObjectValueNode):
        for object_field in value.fields:
            inner = f"{path}.{object_field.name.value}"
            if found(object_field):
                return inner
            hit = _search(object_field.value, found, inner)
            if hit:
                return hit
    if isinstance(value, ListValueNode):
        for index, item in enumerate(value.values):
            hit = _search(item, found, f"{path}[{index}]")
            if hit:
                return hit
    return None


def _arguments(document: DocumentNode) -> Iterator[ArgumentNode]:
    arguments: list[ArgumentNode] = []

    class Collect(Visitor):
        def enter_argument(self, node, *_):
            arguments.append(node)

    visit(document, Collect())
    yield from arguments


def _argument_path(document: DocumentNode, found: Callable[[Node], bool]) -> str | None:
    for argument in _arguments(document):
        hit = _search(argument.value, found, argument.name.value)
        if hit:
            return hit
    return None


def field_of(error: GraphQLError, document: DocumentNode | None) -> str | None:
    """The argument path an input error is about, if it is one."""
    if document is None:
        return None
    variable = VARIABLE.match(error.message)
    if variable:
        name, inside = variable.group(1), variable.group(2)
        path = _argument_path(document, lambda node: isinstance(node, VariableNode) and node.name.value == name)
        if path is None:
            return None
        path += inside or ""
        missing = MISSING_FIELD.search(error.message)
        return f"{path}.{missing.group(1) or missing.group(2)}" if missing else path
    if not error.nodes:
        return None
    targets = {id(node) for node in error.nodes}
    path = _argument_path(document, lambda node: id(node) in targets)
    missing = MISSING_FIELD.search(error.message)
    if path and missing:
        path = f"{path}.{missing.group(1) or missing.group(2)}"
    return path


def _annotate(errors, document: DocumentNode | None) -> None:
    for error in errors or ():
        if error.path:
            continue  # a resolver's error: it says its own field
        field = field_of(error, document)
        if field:
            error.extensions = {**(error.extensions or {}), "field": field}


class InputErrorFields(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        yield
        _annotate(self.execution_context.pre_execution_errors, self.execution_context.graphql_document)

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.data is None:  # variables that did not fit
            _annotate(result.errors, self.execution_context.graphql_document)
