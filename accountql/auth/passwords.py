"""Password hashing (argon2id) and the password policy of NIST SP 800-63B.

Hashing costs about 20 ms of CPU, so it runs in a worker thread: the event loop keeps
serving other requests meanwhile (argon2-cffi releases the GIL while it hashes). The
threads are a pool of their own, one per core: in the loop's default executor, as many
hashes as logins at once competed with the loop (and with each other) for the cores, and
every request waited behind them. One per core and not one fewer: on two cores, one
hashing thread gave 29 logins/s where two gave 43 (the loop needs far less than a core
for the rest of a login, and the hashing threads leave the GIL free).
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache, partial
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from accountql.errors import BadUserInput

MIN_LENGTH = 8
MAX_LENGTH = 256  # NIST: allow at least 64; never truncate what we accept.

_hasher: PasswordHasher | None = None
_dummy_hash: str | None = None
_threads: ThreadPoolExecutor | None = None


def available_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_threads() -> int:
    return available_cores()


def configure(memory_kib: int, time_cost: int, threads: int = 0) -> None:
    """argon2id's cost, and how many threads hash at once (0: one per core)."""
    global _hasher, _dummy_hash, _threads
    _hasher = PasswordHasher(
        time_cost=time_cost, memory_cost=memory_kib, parallelism=1, type=Type.ID
    )
    _dummy_hash = _hasher.hash("not a password anyone has: used to even out timing")
    if _threads is not None:
        _threads.shutdown(wait=False)
    _threads = ThreadPoolExecutor(threads or default_threads(), thread_name_prefix="argon2")


async def _in_pool(function, *args):
    if _threads is None:
        hasher()
    return await asyncio.get_running_loop().run_in_executor(_threads, partial(function, *args))


def hasher() -> PasswordHasher:
    if _hasher is None or _threads is None:
        configure(19 * 1024, 2)
    return _hasher


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("accountql").joinpath("data/common-passwords.txt").read_text()
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def check_policy(password: str, field: str = "password", email: str | None = None) -> None:
    """Length and the list of common passwords; no composition rules (SP 800-63B 3.1.1.2)."""
    if len(password) < MIN_LENGTH:
        raise BadUserInput(
            f"The password is too short: use at least {MIN_LENGTH} characters "
            "(a few unrelated words make a good one).",
            field=field,
        )
    if len(password) > MAX_LENGTH:
        raise BadUserInput(
            f"The password is too long: use at most {MAX_LENGTH} characters.", field=field
        )
    lowered = password.lower()
    if lowered in common_passwords():
        raise BadUserInput(
            "That password is one of the most common ones and easy to guess: choose another.",
            field=field,
        )
    if email and lowered in (email.lower(), email.split("@", 1)[0].lower()):
        raise BadUserInput("The password must not be your e-mail address.", field=field)


async def hash_password(password: str) -> str:
    return await _in_pool(hasher().hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """True when the password matches. With no hash (unknown account) a dummy hash is
    verified instead, so the answer takes as long as for a real account."""
    if password_hash is None:
        hasher()
        await _in_pool(_verify, _dummy_hash, password)
        return False
    return await _in_pool(_verify, password_hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher().check_needs_rehash(password_hash)
