"""What bench_server.py measured, and how it compares: one phase's counts and times, its
lines as it ends, and the summary with each target PASS or FAIL."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from bench_processes import Server, say
from bench_support import argon2_threads, argon2_verify_seconds

ME_VS_HELLO_TARGET = 60.0  # percent
ME_SESSIONS_VS_HELLO_TARGET = 80.0  # percent
MEMBER_PAGE_VS_HELLO_TARGET = 20.0  # percent
LOGINS_VS_FLOOR_TARGET = 0.85
RSS_TARGET_MB = 120.0

@dataclass
class Phase:
    name: str
    ok: int = 0
    errors: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    error_samples: dict[str, int] = field(default_factory=dict)
    server_cpu: float | None = None  # CPU seconds the server process used in the phase
    client_cpu: float = 0.0  # CPU seconds this load generator used in the phase
    other_cpu: float | None = None  # CPU seconds everything else on the machine used

    @property
    def rate(self) -> float:
        return self.ok / self.elapsed if self.elapsed > 0 else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index] * 1000

    def note_error(self, kind: str) -> None:
        self.errors += 1
        if kind in self.error_samples or len(self.error_samples) < 10:
            self.error_samples[kind] = self.error_samples.get(kind, 0) + 1



def report_phase(phase: Phase, unit: str) -> None:
    say(
        f"{phase.name}: {phase.ok} ok, {phase.errors} errors in {phase.elapsed:.2f} s "
        f"-> {phase.rate:.1f} {unit}/s; latency p50 {phase.percentile(50):.1f} ms, "
        f"p99 {phase.percentile(99):.1f} ms"
    )
    if phase.server_cpu is not None:
        say(
            f"  CPU: server process {phase.server_cpu:.2f} s "
            f"({100 * phase.server_cpu / phase.elapsed:.0f} % of one core), "
            f"load generator {phase.client_cpu:.2f} s "
            f"({100 * phase.client_cpu / phase.elapsed:.0f} % of one core)"
            + (
                f", everything else {100 * phase.other_cpu / phase.elapsed:.0f} %"
                if phase.other_cpu is not None
                else ""
            )
        )
    for kind, count in phase.error_samples.items():
        say(f"  error x{count}: {kind}")



def versus_hello(phase: Phase, hello: Phase) -> tuple[float, float]:
    """A phase's rate as a percentage of the bare hello's, by throughput and by server CPU
    per request (the fairer one when the load generator held the bare app back)."""
    by_rate = 100 * phase.rate / hello.rate if hello.rate > 0 else 0.0
    if phase.server_cpu and hello.server_cpu and phase.ok and hello.ok:
        by_cpu = 100 * (hello.server_cpu / hello.ok) / (phase.server_cpu / phase.ok)
    else:
        by_cpu = by_rate
    return by_rate, by_cpu


def summary(args, results: dict, accountql: Server, rss_mb: float | None) -> None:
    logins, hello = results["logins"], results["hello (bare)"]
    verify = argon2_verify_seconds()
    threads = argon2_threads(os.environ)
    floor = threads / verify  # logins a second the hashing threads could do at most
    line = "=" * 78
    print(line)
    print("AccountQL benchmark summary")
    print(line)
    print(f"machine: {os.cpu_count()} CPUs; load generator on the same machine")
    print(
        f"settings: duration {args.duration:.1f} s per phase (+ {args.warmup:.1f} s warm-up), "
        f"concurrency {args.concurrency}, HTTP/1.1 keep-alive, 1 server process each"
    )
    print(f"{'phase':<14}{'ok':>7}{'errors':>7}{'rate/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
          f"{'srv CPU%':>9}{'gen CPU%':>9}{'oth CPU%':>9}{'srv ms/ok':>10}")
    for phase in results.values():
        server_cpu = per_ok = other = "?"
        if phase.other_cpu is not None:
            other = f"{100 * phase.other_cpu / phase.elapsed:.0f}"
        if phase.server_cpu is not None:
            server_cpu = f"{100 * phase.server_cpu / phase.elapsed:.0f}"
            if phase.ok:
                per_ok = f"{1000 * phase.server_cpu / phase.ok:.2f}"
        print(
            f"{phase.name:<14}{phase.ok:>7}{phase.errors:>7}{phase.rate:>9.1f}"
            f"{phase.percentile(50):>9.1f}{phase.percentile(99):>9.1f}"
            f"{server_cpu:>9}{100 * phase.client_cpu / phase.elapsed:>9.0f}{other:>9}{per_ok:>10}"
        )
    print("(srv / gen / oth CPU%: CPU of the server process / this load generator / everything"
          " else on the machine, in % of one core; srv ms/ok: server CPU per successful request)")
    busiest = max(
        (p.other_cpu / p.elapsed for p in results.values() if p.other_cpu is not None), default=0.0
    )
    if busiest > 0.25:
        print(
            f"WARNING: other processes used up to {100 * busiest:.0f} % of a core during a phase:"
            " the machine was shared, so the rates are noisy; compare srv ms/ok instead."
        )
    if hello.server_cpu and hello.server_cpu / hello.elapsed < 0.9:
        print(
            f"NOTE: the bare server was only {100 * hello.server_cpu / hello.elapsed:.0f} % busy:"
            " the load generator limits hello's rate, so ratios by throughput flatter AccountQL;"
            " the ratios by CPU per request are the fairer ones, and targets are judged on the"
            " lower of the two."
        )
    print(line)
    print(
        f"argon2 floor: {threads} hashing thread(s) / {1000 * verify:.1f} ms a verify (median,"
        f" measured now) = {floor:.1f} logins/s"
    )
    checks = []
    for name, target in (
        ("me", ME_VS_HELLO_TARGET),
        ("me sessions", ME_SESSIONS_VS_HELLO_TARGET),
        ("member page", MEMBER_PAGE_VS_HELLO_TARGET),
    ):
        by_rate, by_cpu = versus_hello(results[name], hello)
        checks.append((
            min(by_rate, by_cpu) >= target,
            f"{name} >= {target:.0f} % of bare hello: {by_rate:.1f} % by throughput,"
            f" {by_cpu:.1f} % by CPU per request",
        ))
    by_rate, by_cpu = versus_hello(results["page (bare)"], hello)
    print(
        f"engine ceiling: the member page's shape from memory on the bare app = {by_rate:.1f} %"
        f" of hello by throughput, {by_cpu:.1f} % by CPU per request (no database, no checks:"
        " what the GraphQL engine alone costs for 100 members)"
    )
    ratio = logins.rate / floor if floor > 0 else 0.0
    checks.append((
        ratio >= LOGINS_VS_FLOOR_TARGET,
        f"logins >= {LOGINS_VS_FLOOR_TARGET:.2f} of the argon2 floor: {logins.rate:.1f}/s ="
        f" {ratio:.2f} of {floor:.1f}/s",
    ))
    checks.append((
        rss_mb is not None and rss_mb <= RSS_TARGET_MB,
        f"server RSS after the load <= {RSS_TARGET_MB:.0f} MB: "
        + (f"{rss_mb:.1f} MB" if rss_mb is not None else "unknown (no /proc)"),
    ))
    for passed, text in checks:
        print(f"[{'PASS' if passed else 'FAIL'}] {text}")
    print(line, flush=True)
