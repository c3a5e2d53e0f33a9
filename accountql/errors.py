"""The errors of the API contract. Each carries its stable `extensions.code`.

Domain code raises these; the GraphQL layer turns them into errors with that code,
and anything else into INTERNAL_SERVER_ERROR with a message that reveals nothing.
"""

from __future__ import annotations


class ApiError(Exception):
    code = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str, **extensions: object) -> None:
        super().__init__(message)
        self.message = message
        self.extensions = {"code": self.code, **extensions}


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"


class Forbidden(ApiError):
    code = "FORBIDDEN"


class MfaRequired(ApiError):
    code = "MFA_REQUIRED"


class NotFound(ApiError):
    code = "NOT_FOUND"


class BadUserInput(ApiError):
    code = "BAD_USER_INPUT"

    def __init__(self, message: str, field: str, **extensions: object) -> None:
        super().__init__(message, field=field, **extensions)


class InvalidCredentials(ApiError):
    code = "INVALID_CREDENTIALS"


class InvalidCode(ApiError):
    code = "INVALID_CODE"


class Conflict(ApiError):
    code = "CONFLICT"


class RateLimited(ApiError):
    code = "RATE_LIMITED"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, retryAfter=retry_after)
        self.retry_after = retry_after


class QuotaExceeded(ApiError):
    code = "QUOTA_EXCEEDED"


class EmailNotVerified(ApiError):
    code = "EMAIL_NOT_VERIFIED"


class ReauthenticationRequired(ApiError):
    code = "REAUTHENTICATION_REQUIRED"


class QueryTooComplex(ApiError):
    """The document is over a size, token, depth, alias or cost limit (`limit` names it)."""

    code = "QUERY_TOO_COMPLEX"


class BadRequest(ApiError):
    """The HTTP request itself is malformed; answered with status 400 before any GraphQL."""

    code = "BAD_REQUEST"


class ServiceUnavailable(ApiError):
    """The database did not answer in time; answered with status 503."""

    code = "SERVICE_UNAVAILABLE"


def not_found(kind: str) -> NotFound:
    return NotFound(f"No {kind} with that id exists, or you are not a member of its organization.")
