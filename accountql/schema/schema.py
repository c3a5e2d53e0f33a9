"""The Query and Mutation roots and the Schema object with its protective extensions."""

from __future__ import annotations

import logging

import strawberry
from graphql import ExecutionResult, GraphQLError, NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types.graphql import OperationType

from accountql import db, metrics, outage
from accountql.auth.context import RequestContext
from accountql.config import Settings
from accountql.errors import ApiError, Forbidden
from accountql.models import ApiKeyAccess
from accountql.resolvers import abuse, accounts, kyc, organizations
from accountql.schema.account_mutations import AccountMutations
from accountql.schema.enums import Role
from accountql.schema.fields import query
from accountql.schema.input_errors import InputErrorFields
from accountql.schema.limits import DocumentChecker, DocumentGuard, QueryLimits
from accountql.schema.organization_mutations import OrganizationMutations
from accountql.schema.pagination import Connection
from accountql.schema.permissions import (
    HAS_ROLE_ARGUMENT,
    READ_ONLY_KEY,
    HasRole,
    IsStaff,
)
from accountql.schema.scalars import SCALAR_MAP
from accountql.schema.subscriptions import Subscription
from accountql.schema.types import (
    AbuseCase,
    Invitation,
    KycSubmission,
    Organization,
    User,
)
from accountql.schema.validation import NoLoneSurrogates

log = logging.getLogger("accountql")


@strawberry.type(description="What can be read.")
class Query:
    me: User = query(accounts.me, "The signed-in user.", mfa_exempt=True)
    organization: Organization = query(
        organizations.organization,
        "An organization you are a member of. A member blocked by MFA enforcement gets its id, "
        "name and MFA requirement; its other fields answer MFA_REQUIRED.",
        HasRole(Role.MANAGER, mfa_gate=False),
    )
    my_invitations: Connection[Invitation] = query(
        organizations.my_invitations, "Pending invitations for your verified e-mail address, newest first."
    )
    pending_kyc_submissions: Connection[KycSubmission] = query(
        kyc.pending_kyc_submissions, "Identity verifications waiting for review, oldest first.", IsStaff()
    )
    open_abuse_cases: Connection[AbuseCase] = query(
        abuse.open_abuse_cases, "Every unresolved abuse case, oldest first.", IsStaff()
    )


Mutation = merge_types("Mutation", (AccountMutations, OrganizationMutations))
Mutation.__strawberry_definition__.description = "What can be changed."


class ReadOnlyKeysQueryOnly(SchemaExtension):
    """A request made with an API key that is not READ_WRITE runs no mutation at all,
    guarded or not: the whole operation answers FORBIDDEN (or UNAUTHENTICATED for a key
    that is unknown, revoked or expired) before anything runs."""

    async def on_execute(self):
        context = self.execution_context.context
        if (
            isinstance(context, RequestContext)
            and context.uses_api_key
            and self.execution_context.operation_type == OperationType.MUTATION
        ):
            try:
                if (await context.api_key()).access != ApiKeyAccess.READ_WRITE:
                    raise Forbidden(READ_ONLY_KEY)
            except ApiError as error:
                self.execution_context.result = ExecutionResult(
                    data=None, errors=[GraphQLError(error.message, original_error=error)]
                )
        yield


class OperationMetrics(SchemaExtension):
    """Names the request's operation for the metrics, once the document has passed every
    check (so a name counts only when its operation runs)."""

    def on_execute(self):
        context = self.execution_context.context
        connection = getattr(context, "connection", None)
        if connection is not None and connection.scope.get("type") == "http":
            connection.state.operation = metrics.operation_label(
                self.execution_context.operation_name, context.client.ip_address
            )
        yield


class AccountQLSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context=None) -> None:
        # Contract errors are answers, not faults: log only what nobody planned for.
        # Never log the others: a variable error quotes the variables, passwords included.
        unavailable = None
        for error in errors:
            original = error.original_error
            if db.is_unavailable(original):
                unavailable = original
            elif original is not None and not isinstance(original, (ApiError, GraphQLError)):
                log.error("unexpected error in %s", error.path, exc_info=error.original_error)
        if unavailable is not None:
            outage.current.refused_one(unavailable)  # one request, logged once per outage


def query_limits(settings: Settings) -> QueryLimits:
    return QueryLimits(
        max_bytes=settings.max_query_bytes,
        max_tokens=settings.max_query_tokens,
        max_depth=settings.max_query_depth,
        max_aliases=settings.max_aliases,
        max_cost=settings.max_query_cost,
        max_page_size=settings.max_page_size,
    )


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or Settings()
    rules: tuple = (NoLoneSurrogates,)
    if not settings.introspection:
        rules += (NoSchemaIntrospectionCustomRule,)
    # One checker per schema: its parse and validation caches serve every request.
    checker = DocumentChecker(query_limits(settings), extra_rules=rules)
    extensions = [lambda: DocumentGuard(checker), InputErrorFields, ReadOnlyKeysQueryOnly, OperationMetrics]
    schema = AccountQLSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=settings.production, scalar_map=SCALAR_MAP),
    )
    # Strawberry drops the descriptions of schema-directive arguments; put it back.
    schema._schema.get_directive("hasRole").args["role"].description = HAS_ROLE_ARGUMENT
    return schema
