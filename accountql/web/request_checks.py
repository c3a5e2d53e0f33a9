"""Checks on the HTTP request itself, before any GraphQL runs. Each refusal is a BadRequest
(status 400, code BAD_REQUEST) whose message says what to send instead.

Cross-site "simple" requests (text/plain, form posts) must never run an operation: a web
page can make a visitor's browser send them without a preflight. So POST bodies are
accepted as application/json only, and multipart requests (uploads) only with a header
that a simple request cannot carry, as Apollo Server does."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

from accountql.errors import BadRequest
from accountql.schema.validation import NOT_UNICODE, has_bad_text

# Variables nested deeper than this are no input of this API; deeper ones would only
# exhaust the interpreter's recursion limit somewhere further on.
MAX_JSON_DEPTH = 32
PREFLIGHT_HEADERS = ("x-csrf-protection", "apollo-require-preflight")
SEND_JSON = 'send one operation as a JSON object {"query": ..., "variables": ...} with Content-Type: application/json'

class PayloadTooLarge(BadRequest):
    """The body is over the configured size; answered with status 413."""


class LengthRequired(BadRequest):
    """A multipart body without Content-Length; answered with status 411."""


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def check_post_content_type(request: Request) -> str:
    """The kind of a POST body: 'json' or 'multipart'; BAD_REQUEST for anything else."""
    kind = media_type(request)
    if kind == "application/json":
        return "json"
    if kind == "multipart/form-data":
        if not any(request.headers.get(name) is not None for name in PREFLIGHT_HEADERS):
            raise BadRequest(
                "A multipart request must carry an X-CSRF-Protection header (any value) or "
                "Apollo-Require-Preflight: browsers let any web page send multipart forms, "
                "so without one the request could be forged."
            )
        return "multipart"
    shown = kind or "no Content-Type"
    raise BadRequest(f"POST /graphql does not take {shown}: {SEND_JSON}.")


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused (413) as soon as it is known to be over `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"The request body is over {limit} bytes: send less.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"The request body is over {limit} bytes: send less.")
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # noqa: SLF001 - Starlette's own cache: later readers get these bytes
    return body


def decode_json(data: str | bytes) -> Any:
    """JSON of valid Unicode, no deeper than MAX_JSON_DEPTH; BAD_REQUEST otherwise."""
    try:
        value = json.loads(data)
    except RecursionError:
        raise BadRequest(f"The JSON is nested too deeply: at most {MAX_JSON_DEPTH} levels.") from None
    except (ValueError, UnicodeDecodeError):
        raise BadRequest(f"The body is not valid JSON: {SEND_JSON}.") from None
    check_json_value(value)
    return value


def check_json_value(value: Any) -> None:
    """Walk a decoded JSON value without recursion: refuse deep nesting and text that
    cannot be stored (lone surrogates, NUL)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if has_bad_text(item):
                raise BadRequest(NOT_UNICODE)
            continue
        if not isinstance(item, (dict, list)):
            continue
        if depth > MAX_JSON_DEPTH:
            raise BadRequest(f"The JSON is nested too deeply: at most {MAX_JSON_DEPTH} levels.")
        if isinstance(item, dict):
            for key, child in item.items():
                if has_bad_text(key):
                    raise BadRequest(NOT_UNICODE)
                stack.append((child, depth + 1))
        else:
            stack.extend((child, depth + 1) for child in item)


def check_request_object(data: Any) -> dict:
    """One operation as the GraphQL-over-HTTP spec describes it."""
    if isinstance(data, list):
        raise BadRequest(f"Batches of operations are not accepted: {SEND_JSON}.")
    if not isinstance(data, dict):
        raise BadRequest(f"The body is not a JSON object: {SEND_JSON}.")
    for key, kinds in (("query", (str,)), ("operationName", (str,)), ("variables", (dict,)), ("extensions", (dict,))):
        if data.get(key) is not None and not isinstance(data[key], kinds):
            shape = "a string" if kinds == (str,) else "an object"
            raise BadRequest(f"{key} must be {shape} (or null).")
    return data


MULTIPART_SPEC = "see https://github.com/jaydenseric/graphql-multipart-request-spec"


async def read_multipart(request: Request, max_files: int = 10) -> dict:
    """The operations of a GraphQL multipart request with its files put in place of the
    nulls that `map` names; BAD_REQUEST for any map that is not the spec's object."""
    try:
        form = await request.form(max_files=max_files, max_fields=10)
    except Exception:  # noqa: BLE001 - Starlette's parser raises several kinds for bad bodies
        raise BadRequest(f"The multipart body cannot be read: {MULTIPART_SPEC}.") from None
    names = [key for key, _ in form.multi_items()]
    if len(names) != len(set(names)):
        raise BadRequest(f"A field of the multipart request comes twice: send each once ({MULTIPART_SPEC}).")
    fields = {key: value for key, value in form.multi_items() if isinstance(value, str)}
    files = {key: value for key, value in form.multi_items() if isinstance(value, UploadFile)}
    if "operations" not in fields or "map" not in fields:
        raise BadRequest(f"A multipart request needs the fields 'operations' and 'map' before the files: {MULTIPART_SPEC}.")
    operations = check_request_object(decode_json(fields["operations"]))
    files_map = decode_json(fields["map"])
    if not isinstance(files_map, dict) or not all(
        isinstance(paths, list) and paths and all(isinstance(p, str) for p in paths)
        for paths in files_map.values()
    ):
        raise BadRequest(f'map must be an object from file field names to lists of paths, e.g. {{"0": ["variables.file"]}}: {MULTIPART_SPEC}.')
    for name in files:
        if name not in files_map:
            raise BadRequest(f"The file field {name!r} has no entry in map: {MULTIPART_SPEC}.")
    for name, paths in files_map.items():
        if name not in files:
            raise BadRequest(f"map names the file field {name!r}, which the request does not carry.")
        for path in paths:
            _put_file(operations, path, files[name])
    return operations


def _put_file(operations: dict, path: str, upload: UploadFile) -> None:
    keys = path.split(".")
    if len(keys) < 2 or keys[0] != "variables":
        raise BadRequest(f"The map path {path!r} does not point into variables: {MULTIPART_SPEC}.")
    target: Any = operations
    for key in keys[:-1]:
        target = _step(target, key, path)
    last = keys[-1]
    if isinstance(target, Mapping) and last in target and target[last] is None:
        target[last] = upload
    elif isinstance(target, list) and last.isdigit() and int(last) < len(target) and target[int(last)] is None:
        target[int(last)] = upload
    else:
        raise BadRequest(f"The map path {path!r} does not lead to a null placeholder in operations.")


def _step(target: Any, key: str, path: str) -> Any:
    if isinstance(target, Mapping) and key in target:
        return target[key]
    if isinstance(target, list) and key.isdigit() and int(key) < len(target):
        return target[int(key)]
    raise BadRequest(f"The map path {path!r} leads to nothing in operations.")
