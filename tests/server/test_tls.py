"""The client trusts only the server's private CA, and only for the names it was issued for."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from server.tls import fingerprint, init_tls
from tests.server.conftest import RunningServer


def test_the_private_ca_is_trusted(server: RunningServer) -> None:
    with server.client() as http:
        assert http.post("/v1/devices/enroll", json={"code": "ABCD-EFGH"}).status_code == 401


def test_another_ca_is_refused(server: RunningServer, tmp_path: Path) -> None:
    stranger = init_tls(tmp_path, datetime.now(UTC))
    assert fingerprint(stranger.ca_cert.read_bytes()) != fingerprint(server.ca.read_bytes())
    context = ssl.create_default_context(cafile=str(stranger.ca_cert))
    with (
        httpx.Client(verify=context) as http,
        pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        http.get(f"{server.base_url}/v1/sync/snapshot")


def test_the_system_trust_store_does_not_know_the_server(server: RunningServer) -> None:
    with (
        httpx.Client(verify=ssl.create_default_context()) as http,
        pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        http.get(f"{server.base_url}/v1/sync/snapshot")


def test_a_name_the_certificate_does_not_hold_is_refused(server: RunningServer) -> None:
    with server.client() as http, pytest.raises(httpx.ConnectError, match=r"[Hh]ostname"):
        http.get("/v1/sync/snapshot", extensions={"sni_hostname": "guichet.example.org"})
    with httpx.Client(verify=server.context()) as http:  # the IP is in the certificate too
        assert http.get(f"https://127.0.0.1:{server.port}/v1/sync/snapshot").status_code == 401


def test_plain_http_gets_nothing(server: RunningServer) -> None:
    with httpx.Client() as http, pytest.raises(httpx.HTTPError):
        http.get(f"http://127.0.0.1:{server.port}/v1/sync/snapshot")
