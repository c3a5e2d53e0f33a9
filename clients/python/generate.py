#!/usr/bin/env python3
"""Generate the typed Python client (accountql_client/) with ariadne-codegen.

    python3 clients/python/generate.py           # rewrite the committed package
    python3 clients/python/generate.py --check   # only say whether it is up to date

The generator runs from its own virtual environment, clients/python/.venv (made and kept
up to date here, from the `codegen` extra of pyproject.toml): ariadne-codegen needs
graphql-core 3.2 and the server's strawberry-graphql needs 3.3, so the two cannot share
one environment.

Either way the package is generated into a temporary copy of its inputs (schema.graphql,
clients/operations/, the configuration and the files it includes, at the same relative
places), with exactly the committed configuration. So --check never touches the working
tree, and a rewrite removes the modules of deleted operations too.

Uses only the standard library, so that any Python 3.11 runs it; tests/test_python_client.py
imports it.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CONFIG = HERE / "pyproject.toml"
GENERATOR_VENV = HERE / ".venv"
# What was installed into GENERATOR_VENV, so that a changed pin reinstalls.
STAMP = GENERATOR_VENV / "accountql-codegen-requirements.json"
REGENERATE = "python3 clients/python/generate.py"


class GenerationError(Exception):
    """Generation could not run; the message says what to do."""


def _config() -> dict:
    return tomllib.loads(CONFIG.read_text())


def _settings() -> dict:
    return _config()["tool"]["ariadne-codegen"]


def requirements() -> list[str]:
    return _config()["project"]["optional-dependencies"]["codegen"]


def package_name() -> str:
    return _settings()["target_package_name"]


def committed_package() -> Path:
    return HERE / _settings()["target_package_path"] / package_name()


def _venv_python() -> Path:
    return GENERATOR_VENV / "bin" / "python"


def ensure_generator() -> Path:
    """The ariadne-codegen of GENERATOR_VENV, installed (from PyPI) when missing or when
    its pin in pyproject.toml changed."""
    wanted = requirements()
    executable = GENERATOR_VENV / "bin" / "ariadne-codegen"
    if executable.exists() and STAMP.exists() and json.loads(STAMP.read_text()) == wanted:
        return executable
    if not _venv_python().exists():
        print(f"generate: creating {GENERATOR_VENV.relative_to(REPO)} for ariadne-codegen", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(GENERATOR_VENV)
    print(f"generate: installing {' '.join(wanted)}", file=sys.stderr)
    installed = subprocess.run(
        [str(_venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wanted],
        capture_output=True,
        text=True,
    )
    if installed.returncode != 0 or not executable.exists():
        raise GenerationError(
            f"could not install {' '.join(wanted)} into {GENERATOR_VENV}:\n{installed.stdout}{installed.stderr}\n"
            f"Check that PyPI is reachable, or delete {GENERATOR_VENV} and run `{REGENERATE}` again."
        )
    STAMP.write_text(json.dumps(wanted))
    return executable


def _inputs() -> list[Path]:
    """The files and folders the generator reads, as the configuration names them."""
    settings = _settings()
    named = [settings["schema_path"], settings["queries_path"], *settings.get("files_to_include", [])]
    return [CONFIG, *((HERE / name).resolve() for name in named)]


def generate_into(workspace: Path) -> Path:
    """Generate the package from a copy of its inputs under `workspace`; its path."""
    for source in _inputs():
        try:
            relative = source.relative_to(REPO)
        except ValueError:
            raise GenerationError(f"{CONFIG} names {source}, outside the repository: name files inside it") from None
        target = workspace / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    cwd = workspace / HERE.relative_to(REPO)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    ran = subprocess.run(
        [str(ensure_generator()), "client"], cwd=cwd, env=env, capture_output=True, text=True
    )
    package = cwd / _settings()["target_package_path"] / package_name()
    if ran.returncode != 0 or not package.is_dir():
        raise GenerationError(
            f"ariadne-codegen failed (exit {ran.returncode}):\n{ran.stdout}{ran.stderr}\n"
            "It validates every operation in clients/operations/ against schema.graphql: fix the operation "
            "(or the configuration in clients/python/pyproject.toml) that it names, then run it again."
        )
    return package


def _files(package: Path) -> dict[str, Path]:
    # Bytecode is what importing the committed package leaves behind; git ignores it.
    return {
        str(path.relative_to(package)): path
        for path in sorted(package.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def differences(fresh: Path, committed: Path) -> list[str]:
    """What differs between two generated packages, as unified diffs and file lists."""
    new, old = _files(fresh), _files(committed) if committed.is_dir() else {}
    found = []
    for name in sorted(new.keys() - old.keys()):
        found.append(f"missing from the committed package: {name}")
    for name in sorted(old.keys() - new.keys()):
        found.append(f"no longer generated (delete it): {name}")
    for name in sorted(new.keys() & old.keys()):
        if not filecmp.cmp(new[name], old[name], shallow=False):
            diff = difflib.unified_diff(
                old[name].read_text().splitlines(keepends=True),
                new[name].read_text().splitlines(keepends=True),
                f"committed/{name}",
                f"generated/{name}",
            )
            found.append("".join(diff))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare; change nothing")
    args = parser.parse_args()
    committed = committed_package()
    try:
        with tempfile.TemporaryDirectory(prefix="accountql-client-") as workspace:
            fresh = generate_into(Path(workspace))
            found = differences(fresh, committed)
            if args.check:
                if found:
                    print("\n".join(found))
                    print(f"generate: {committed.relative_to(REPO)} is stale: run `{REGENERATE}` and commit it", file=sys.stderr)
                    return 1
                print(f"generate: {committed.relative_to(REPO)} is up to date", file=sys.stderr)
                return 0
            shutil.rmtree(committed, ignore_errors=True)
            shutil.copytree(fresh, committed)
            print(f"generate: wrote {committed.relative_to(REPO)} ({len(found)} file(s) changed)", file=sys.stderr)
            return 0
    except GenerationError as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
