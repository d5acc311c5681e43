"""Assertions the server tests share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx


def ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert datetime.fromisoformat(body["server_time"]).utcoffset() is not None
    return body


def error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]
    assert datetime.fromisoformat(body["server_time"]).utcoffset() is not None
    return body
