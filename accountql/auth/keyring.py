"""Several secret keys at once, so that ACCOUNTQL_SECRET_KEY can be rotated without logging
anyone out (as Django's SECRET_KEY_FALLBACKS): the first key signs, seals and hashes
whatever is made from now on; every key still verifies, unseals and finds what an older
key made."""

from __future__ import annotations

from collections.abc import Sequence

Keys = str | Sequence[str]


def each(keys: Keys) -> tuple[str, ...]:
    """The keys, newest first (a lone string is one key)."""
    return (keys,) if isinstance(keys, str) else tuple(keys)


def newest(keys: Keys) -> str:
    return each(keys)[0]
