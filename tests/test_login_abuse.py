"""Guessing passwords: rate limits per account and per IP, aliases, parallel bursts,
and answers that do not tell whether an account exists."""

import asyncio
import ipaddress
import statistics
import time
from datetime import timedelta

from accountql import clock
from tests.api import LOG_IN, SIGN_UP, error_code, gql, log_in, ok, sign_up
from tests.conftest import make_client

WRONG = "definitely not the password"


async def test_failed_logins_are_limited_per_account(client, settings):
    await sign_up(client, "target@example.com")
    for _ in range(settings.login_failures_per_account):
        assert error_code(await log_in(client, "target@example.com", WRONG)) == "INVALID_CREDENTIALS"
    limited = await log_in(client, "target@example.com", WRONG)
    assert error_code(limited) == "RATE_LIMITED"
    retry_after = limited["errors"][0]["extensions"]["retryAfter"]
    assert 0 < retry_after <= settings.login_window_seconds
    assert "Try again in" in limited["errors"][0]["message"]
    # The right password is refused too while limited: a guesser learns nothing.
    assert error_code(await log_in(client, "target@example.com")) == "RATE_LIMITED"
    # From another address too: the account's limit is not per address.
    async with make_client(settings, ip="198.51.100.20") as other:
        assert error_code(await log_in(other, "target@example.com")) == "RATE_LIMITED"
    clock.travel(timedelta(seconds=retry_after + 1))
    assert ok(await log_in(client, "target@example.com"))["logIn"]["__typename"] == "AuthSession"


async def test_unknown_accounts_are_limited_alike(client, settings):
    for _ in range(settings.login_failures_per_account):
        await log_in(client, "ghost@example.com", WRONG)
    assert error_code(await log_in(client, "ghost@example.com", WRONG)) == "RATE_LIMITED"


async def test_successful_logins_do_not_use_up_the_limit(client, settings):
    await sign_up(client, "often@example.com")
    for _ in range(settings.login_failures_per_account + 3):
        assert ok(await log_in(client, "often@example.com"))["logIn"]["__typename"] == "AuthSession"


async def test_failed_logins_are_limited_per_ip(settings):
    from dataclasses import replace

    strict = replace(settings, login_failures_per_ip=5)
    async with make_client(strict, ip="192.0.2.50") as attacker:
        for n in range(5):
            await log_in(attacker, f"user{n}@example.com", WRONG)
        assert error_code(await log_in(attacker, "fresh@example.com", WRONG)) == "RATE_LIMITED"
    async with make_client(strict, ip="192.0.2.51") as neighbour:
        assert error_code(await log_in(neighbour, "fresh@example.com", WRONG)) == "INVALID_CREDENTIALS"


async def test_aliases_packed_into_requests_cannot_beat_the_limit(client, settings):
    await sign_up(client, "alias@example.com")
    codes = []
    for batch in range(settings.login_failures_per_account + 2):
        aliases = " ".join(
            f'a{n}: logIn(input: {{email: "alias@example.com", password: "{WRONG} {batch} {n}"}}) '
            "{ __typename }"
            for n in range(settings.max_aliases)
        )
        result = await gql(client, f"mutation {{ {aliases} }}")
        codes += [e["extensions"]["code"] for e in result["errors"]]
    assert codes.count("INVALID_CREDENTIALS") <= settings.login_failures_per_account
    assert codes[-1] == "RATE_LIMITED"
    assert error_code(await log_in(client, "alias@example.com")) == "RATE_LIMITED"


async def test_too_many_aliases_are_refused_before_running(client, settings):
    aliases = " ".join(
        f'a{n}: logIn(input: {{email: "x@example.com", password: "{WRONG}"}}) {{ __typename }}'
        for n in range(settings.max_aliases + 1)
    )
    result = await gql(client, f"mutation {{ {aliases} }}")
    assert error_code(result) == "QUERY_TOO_COMPLEX"
    assert result["errors"][0]["extensions"]["limit"] == "ALIASES"
    assert "data" not in result  # refused before execution began


async def test_a_parallel_burst_cannot_slip_past_the_limit(client, settings):
    await sign_up(client, "burst@example.com")
    results = await asyncio.gather(
        *[log_in(client, "burst@example.com", f"{WRONG} {n}") for n in range(40)]
    )
    codes = [error_code(r) for r in results]
    assert codes.count("INVALID_CREDENTIALS") == settings.login_failures_per_account
    assert codes.count("RATE_LIMITED") == 40 - settings.login_failures_per_account


async def test_unknown_email_takes_about_as_long_as_a_wrong_password(client):
    await sign_up(client, "timing@example.com")

    async def duration(email):
        started = time.perf_counter()
        await log_in(client, email, WRONG)
        return time.perf_counter() - started

    known, unknown = [], []
    for n in range(6):  # interleaved, under the per-account limit
        known.append(await duration("timing@example.com"))
        unknown.append(await duration(f"nobody{n}@example.com"))
    ratio = statistics.median(unknown) / statistics.median(known)
    # Without the dummy hash an unknown address answers ~20x faster.
    assert 0.5 < ratio < 2, (known, unknown)


async def test_x_forwarded_for_is_ignored_from_untrusted_peers(client):
    account = await sign_up(client, "xff@example.com", )
    await gql(client, LOG_IN, {"input": {"email": "xff@example.com", "password": WRONG}},
              headers={"X-Forwarded-For": "1.2.3.4"})
    attempts = ok(await gql(client, "{ me { loginAttempts { edges { node { ipAddress } } } } }", token=account["token"]))
    assert attempts["me"]["loginAttempts"]["edges"][0]["node"]["ipAddress"] == "203.0.113.7"


async def test_x_forwarded_for_is_used_behind_a_trusted_proxy(settings):
    trusted = (ipaddress.ip_network("10.0.0.0/8"),)
    async with make_client(settings, ip="10.1.2.3", trusted_proxies=trusted) as proxied:
        account = await sign_up(proxied, "proxy@example.com")
        await gql(proxied, LOG_IN, {"input": {"email": "proxy@example.com", "password": WRONG}},
                  headers={"X-Forwarded-For": "1.2.3.4, 198.51.100.77, 10.0.0.9"})
        attempts = ok(await gql(proxied, "{ me { loginAttempts { edges { node { ipAddress } } } } }", token=account["token"]))
    # The nearest address that is not one of our proxies; a client can't spoof past it.
    assert attempts["me"]["loginAttempts"]["edges"][0]["node"]["ipAddress"] == "198.51.100.77"


async def test_sign_ups_are_limited_per_ip(settings):
    from dataclasses import replace

    strict = replace(settings, signups_per_ip=3)
    async with make_client(strict, ip="192.0.2.80") as spammer:
        for n in range(3):
            await sign_up(spammer, f"spam{n}@example.com")
        result = await gql(spammer, SIGN_UP, {"input": {"email": "spam9@example.com", "password": "correct horse battery staple", "name": "S"}})
        assert error_code(result) == "RATE_LIMITED"
        assert result["errors"][0]["extensions"]["retryAfter"] > 0


async def test_an_absurdly_long_email_is_just_wrong_credentials(client):
    result = await log_in(client, "a" * 400 + "@example.com", WRONG)
    assert error_code(result) == "INVALID_CREDENTIALS"


async def test_log_in_finds_an_address_as_sign_up_stored_it(client):
    await sign_up(client, "u@xn--bcher-kva.de")
    assert ok(await log_in(client, "u@xn--bcher-kva.de"))["logIn"]["__typename"] == "AuthSession"
    assert ok(await log_in(client, "U@Bücher.de"))["logIn"]["__typename"] == "AuthSession"


async def test_rate_limited_attempts_are_recorded_too(client, settings):
    account = await sign_up(client, "rec@example.com")
    for _ in range(settings.login_failures_per_account + 2):
        await log_in(client, "rec@example.com", WRONG)
    attempts = ok(await gql(client, "{ me { loginAttempts(first: 100) { edges { node { succeeded } } } } }", token=account["token"]))
    nodes = attempts["me"]["loginAttempts"]["edges"]
    assert len(nodes) == 1 + settings.login_failures_per_account + 2


async def test_ipv6_clients_are_limited_by_their_64(settings):
    from dataclasses import replace

    strict = replace(settings, login_failures_per_ip=4)
    for n in range(4):
        async with make_client(strict, ip=f"2001:db8:1:2::{n + 1}") as hopper:
            await log_in(hopper, f"v6user{n}@example.com", WRONG)
    async with make_client(strict, ip="2001:db8:1:2:ffff::9") as hopper:
        assert error_code(await log_in(hopper, "v6fresh@example.com", WRONG)) == "RATE_LIMITED"
    async with make_client(strict, ip="2001:db8:1:3::1") as other_network:
        assert error_code(await log_in(other_network, "v6fresh@example.com", WRONG)) == "INVALID_CREDENTIALS"
