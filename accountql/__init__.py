"""AccountQL: an async GraphQL API for cloud-account management."""

__version__ = "0.1.0"
