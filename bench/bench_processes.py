"""The processes bench_server.py runs: starting a server, waiting until it answers, its CPU
time and threads, stopping it; and the machine's CPU time, to tell how busy it was."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

# uvicorn's access-log lines ('INFO:     127.0.0.1:5555 - "GET /healthz HTTP/1.1" 503 ...').
ACCESS_LOG = re.compile(r'- "[A-Z]+ \S+ HTTP/[0-9.]+" \d{3}')

def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


class SetupError(Exception):
    """A server did not start, or the account could not be created: no figures possible."""


# --------------------------------------------------------------------------- servers


def machine_busy_seconds() -> float | None:
    """CPU seconds all processes of the machine have used so far (Linux /proc/stat)."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()
    except (OSError, IndexError):
        return None
    if first[0] != "cpu":
        return None
    ticks = [int(value) for value in first[1:9]]  # user nice system idle iowait irq softirq steal
    busy = sum(ticks) - ticks[3] - ticks[4]
    return busy / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def accountql_command() -> list[str]:
    """The `accountql` console script of this interpreter's environment."""
    beside = Path(sys.executable).with_name("accountql")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("accountql")
    if found:
        return [found]
    return [sys.executable, "-c", "from accountql.cli import main; main()"]


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    base_url: str
    log_path: Path
    log_file: object = None

    def log_tail(self, lines: int = 25) -> str:
        """The last lines of the server's log, without uvicorn's access-log lines."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "    | (no log)"
        kept = [line for line in text.splitlines() if not ACCESS_LOG.search(line)]
        return "\n".join("    | " + line for line in kept[-lines:]) or "    | (empty log)"

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server process so far (Linux /proc), else None."""
        try:
            raw = Path(f"/proc/{self.process.pid}/stat").read_text()
        except OSError:
            return None
        # Fields after the ")" that closes the command name; utime and stime are 14 and 15.
        fields = raw[raw.rfind(")") + 2 :].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def threads(self) -> int | None:
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("Threads:"):
                    return int(line.split()[1])
        except OSError:
            return None
        return None

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            say(f"stopping {self.name} (pid {self.process.pid})")
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                say(f"{self.name} did not stop within {timeout:.0f} s: killing pid {self.process.pid}")
                self.process.kill()
                try:
                    self.process.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    say(f"{self.name} (pid {self.process.pid}) still not gone after SIGKILL")
        if self.log_file is not None:
            self.log_file.close()
            self.log_file = None


def start_server(name: str, command: list[str], env: dict, port: int, workdir: Path) -> Server:
    log_path = workdir / f"{name}.log"
    log_file = open(log_path, "wb")
    say(f"starting {name} on port {port}: {' '.join(command)}")
    process = subprocess.Popen(
        command,
        env=env,
        cwd=workdir,
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    return Server(name, process, f"http://127.0.0.1:{port}", log_path, log_file)


def wait_healthy(
    server: Server, path: str, timeout: float, method: str = "GET", body=None, diagnose=None
) -> None:
    """Poll until `path` answers 200; SetupError (with the server's log) otherwise.
    `diagnose(server)`, if given, returns extra lines for the error when the server is up
    but never healthy."""
    deadline = time.monotonic() + timeout
    attempts = 0
    last = "no answer yet"
    with httpx.Client(base_url=server.base_url, timeout=2.0) as client:
        while time.monotonic() < deadline and attempts < 10_000:
            attempts += 1
            code = server.process.poll()
            if code is not None:
                raise SetupError(
                    f"{server.name} exited with code {code} before it answered {path}.\n"
                    f"  last lines of {server.log_path}:\n{server.log_tail()}"
                )
            try:
                if method == "GET":
                    response = client.get(path)
                else:
                    response = client.post(path, json=body)
                if response.status_code == 200:
                    say(f"{server.name} is up ({path} answered 200 after {attempts} tries)")
                    return
                last = f"HTTP {response.status_code}: {response.text[:200]}"
            except httpx.HTTPError as error:
                last = f"{type(error).__name__}: {error}"
            time.sleep(0.2)
    extra = ""
    if diagnose is not None and server.process.poll() is None:
        extra = diagnose(server)
    raise SetupError(
        f"{server.name} did not answer 200 on {server.base_url}{path} within {timeout:.0f} s "
        f"({attempts} tries; last: {last}).{extra}\n"
        f"  last lines of {server.log_path} (access-log lines left out):\n{server.log_tail()}"
    )


