"""What a GraphQL document may cost before anything runs: its size in bytes and tokens, the
depth of its selections, its aliases, and a cost that counts every field once per time it
would be resolved (fragment expansions, page sizes and aliases multiply).

A document whose fragments spread the next fragment twice, forty levels deep, is about a
kilobyte long and expands to 2**40 fields. Validators that expand fragments as they walk
(Strawberry's depth and alias limiters do) spend minutes on it. Here each fragment is
measured once and its figures are reused wherever it is spread, so measuring takes time
linear in the size of the document; and the measure runs before graphql-core's own rules,
so a refused document costs nothing more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    parse,
)
from graphql.type import GraphQLInterfaceType, GraphQLObjectType
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from accountql.errors import QueryTooComplex

# Connections page by `first` or `last`; without either they give DEFAULT_PAGE_SIZE rows.
PAGE_ARGUMENTS = ("first", "last")
# How often one selection may name the same field: graphql-core's OverlappingFieldsCanBeMerged
# compares same-named fields pairwise, so hundreds of them cost it quadratic time.
MAX_REPEATS = 20


@dataclass(frozen=True)
class QueryLimits:
    max_bytes: int = 32 * 1024
    max_tokens: int = 1000
    max_depth: int = 10
    max_aliases: int = 15
    max_cost: int = 5000
    max_page_size: int = 100
    default_page_size: int = 20


@dataclass(frozen=True)
class Measure:
    """What one selection set costs once expanded: its depth below it (in levels of
    fields, introspection left out), its aliases, and its field count."""

    depth: int = 0
    aliases: int = 0
    cost: int = 0


class _Measurer:
    """Measures one document. Fragments are measured once (memoised by name); a fragment
    that spreads itself is cut short here and refused by NoFragmentCyclesRule later."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits) -> None:
        self.schema = schema
        self.limits = limits
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.measured: dict[str, Measure] = {}
        self.in_progress: set[str] = set()
        self.repeated = 0

    def operation(self, operation: OperationDefinitionNode) -> Measure:
        root = self.schema.get_root_type(operation.operation)
        return self.selection_set(operation.selection_set, root)

    def fragment(self, name: str) -> Measure:
        if name in self.measured:
            return self.measured[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.in_progress:
            return Measure()  # unknown or cyclic: the validation rules refuse it
        self.in_progress.add(name)
        parent = self.schema.get_type(definition.type_condition.name.value)
        measure = self.selection_set(definition.selection_set, parent)
        self.in_progress.discard(name)
        self.measured[name] = measure
        return measure

    def selection_set(self, selection_set: SelectionSetNode, parent) -> Measure:
        depth = aliases = cost = 0
        names = Counter(
            (s.alias or s.name).value for s in selection_set.selections if isinstance(s, FieldNode)
        )
        if names and max(names.values()) > MAX_REPEATS:
            # graphql-core compares same-named fields pairwise: refused before it tries.
            self.repeated = max(self.repeated, max(names.values()))
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                child = self.field(selection, parent)
            elif isinstance(selection, FragmentSpreadNode):
                child = self.fragment(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                child = self.selection_set(
                    selection.selection_set,
                    self.schema.get_type(condition.name.value) if condition else parent,
                )
            else:  # pragma: no cover - graphql-core has no other selection
                continue
            depth = max(depth, child.depth)
            aliases += child.aliases
            cost += child.cost
        return Measure(depth, aliases, cost)

    def field(self, node: FieldNode, parent) -> Measure:
        alias = 1 if node.alias is not None else 0
        if node.selection_set is None:
            return Measure(depth=0, aliases=alias, cost=1)
        definition = None
        if isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
            definition = parent.fields.get(node.name.value)
        child_type = get_named_type(definition.type) if definition else None
        if node.name.value == "__schema":
            child_type = self.schema.get_type("__Schema")
        elif node.name.value == "__type":
            child_type = self.schema.get_type("__Type")
        below = self.selection_set(node.selection_set, child_type)
        times = self._page_size(node, definition)
        # Introspection is bounded by the schema itself: its nesting does not count as depth.
        depth = 0 if node.name.value.startswith("__") else below.depth + 1
        return Measure(depth=depth, aliases=alias + times * below.aliases, cost=1 + times * below.cost)

    def _page_size(self, node: FieldNode, definition) -> int:
        """How many times the field's selection is resolved: the page it asks for."""
        if definition is None or not any(name in definition.args for name in PAGE_ARGUMENTS):
            return 1
        asked = [a for a in node.arguments or () if a.name.value in PAGE_ARGUMENTS]
        if not asked:
            return self.limits.default_page_size
        sizes = []
        for argument in asked:
            if isinstance(argument.value, IntValueNode):
                sizes.append(max(0, int(argument.value.value)))
            else:  # a variable, counted at the largest page it could ask for
                sizes.append(self.limits.max_page_size)
        return max(sizes)


def _too_complex(message: str, limit: str, maximum: int) -> GraphQLError:
    error = QueryTooComplex(message, limit=limit, maximum=maximum)
    return GraphQLError(error.message, original_error=error)


def measure_errors(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits) -> list[GraphQLError]:
    """The limits each operation of the document breaks (none when it keeps to them)."""
    measurer = _Measurer(schema, document, limits)
    errors: list[GraphQLError] = []
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        try:
            measure = measurer.operation(definition)
        except RecursionError:
            return [_too_complex("The query is nested too deeply: simplify it.", "DEPTH", limits.max_depth)]
        if measure.depth > limits.max_depth:
            errors.append(_too_complex(
                f"The query is nested {measure.depth} levels deep, over the depth limit of "
                f"{limits.max_depth}: ask for fewer nested levels in one request.",
                "DEPTH", limits.max_depth,
            ))
        if measure.aliases > limits.max_aliases:
            errors.append(_too_complex(
                f"The query uses {measure.aliases} aliases (counting every fragment expansion), "
                f"over the limit of {limits.max_aliases}: send fewer aliased fields per request.",
                "ALIASES", limits.max_aliases,
            ))
        if measurer.repeated:
            errors.append(_too_complex(
                f"A selection names the same field {measurer.repeated} times, over the limit of "
                f"{MAX_REPEATS}: ask for each field once.",
                "REPEATS", MAX_REPEATS,
            ))
        if measure.cost > limits.max_cost:
            errors.append(_too_complex(
                f"The query would resolve {measure.cost} fields (fragment expansions and page "
                f"sizes multiply), over the cost limit of {limits.max_cost}: ask for smaller "
                "pages or fewer fields.",
                "COST", limits.max_cost,
            ))
    return errors


class DocumentChecker:
    """Parses with graphql-core's token limit, refuses documents over the byte limit, then
    measures before the validation rules run. Both steps are cached by the query text; one
    checker serves every request of a schema."""

    def __init__(self, limits: QueryLimits, extra_rules: tuple = (), cache_size: int = 256) -> None:
        self.limits = limits
        self.extra_rules = extra_rules
        self.parse = lru_cache(maxsize=cache_size)(self._parse)
        self.validate = lru_cache(maxsize=cache_size)(self._validate)

    def _parse(self, query: str) -> DocumentNode:
        size = len(query.encode("utf-8", "surrogatepass"))
        if size > self.limits.max_bytes:
            raise _too_complex(
                f"The query is {size} bytes long, over the limit of {self.limits.max_bytes}: "
                "send a shorter document.",
                "BYTES", self.limits.max_bytes,
            )
        try:
            return parse(query, max_tokens=self.limits.max_tokens)
        except GraphQLError as error:
            # graphql-core's parser stops at the token limit and at its own nesting limit.
            if "tokens. Parsing aborted" in error.message:
                raise _too_complex(
                    f"The query has more than {self.limits.max_tokens} tokens, the limit: send "
                    "a shorter document.",
                    "TOKENS", self.limits.max_tokens,
                ) from None
            if "nested too deeply" in error.message:
                raise _too_complex(
                    "The query is nested too deeply: simplify it.", "DEPTH", self.limits.max_depth
                ) from None
            raise
        except RecursionError:
            raise _too_complex(
                "The query is nested too deeply: simplify it.", "DEPTH", self.limits.max_depth
            ) from None

    def _validate(self, schema: GraphQLSchema, document: DocumentNode, rules: tuple) -> list[GraphQLError]:
        errors = measure_errors(schema, document, self.limits)
        if errors:
            return errors  # refused before the (costlier) rules of graphql-core run
        errors = validate_document(schema, document, (*rules, *self.extra_rules))
        if any("Validation aborted" in error.message for error in errors):
            # graphql-core stops after 100 errors: a document that bad is too big to judge.
            return [_too_complex(
                "The query has too many errors to list them all: send a smaller, valid document.",
                "ERRORS", 100,
            )]
        return errors


class DocumentGuard(SchemaExtension):
    """The checker's two steps in a request. Built per request (Strawberry gives each its
    own execution context); the checker and its caches are shared."""

    def __init__(self, checker: DocumentChecker) -> None:
        self.checker = checker

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None and context.graphql_document is None:
            context.graphql_document = self.checker.parse(context.query)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            context.pre_execution_errors = self.checker.validate(
                context.schema._schema, context.graphql_document, tuple(context.validation_rules)
            ) or _unnamed_choice(context.graphql_document, context._provided_operation_name)  # noqa: SLF001
        yield


def _unnamed_choice(document: DocumentNode, operation_name: str | None) -> list[GraphQLError]:
    """The GraphQL spec's GetOperation: a document of several operations runs none unless
    operationName names one. (Strawberry's ExecutionContext.operation_name falls back to the
    document's first operation, hence the name as the request gave it.)"""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None and len(operations) > 1:
        return [GraphQLError("The document holds several operations: name the one to run in operationName.")]
    return []
