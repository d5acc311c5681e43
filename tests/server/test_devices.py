"""Enrollment, tokens, rotation and revocation over HTTPS."""

from __future__ import annotations

from datetime import timedelta

from server import devices
from server.database import write
from tests.server.conftest import RunningServer, Till, enroll_till
from tests.server.helpers import error, ok


def _code(server: RunningServer, name: str) -> str:
    with write(server.engine) as conn:
        return devices.add_device(conn, name, "GUICHET", "G1", server.clock.now())


def test_an_enrollment_code_gives_a_token_once(server: RunningServer) -> None:
    code = _code(server, "ENROLL-ONCE")
    with server.client() as http:
        body = ok(http.post("/v1/devices/enroll", json={"code": code}))
        assert body["name"] == "ENROLL-ONCE"
        assert body["journal_genesis"] == "0" * 64
        assert body["journal_head"] == {"seq": 0, "hash": "0" * 64}
        assert body["acked_through_seq"] == 0
        assert body["ca_pem"] == server.ca.read_text()
        assert body["server_time"].endswith("Z")
        error(http.post("/v1/devices/enroll", json={"code": code}), 401, "enrollment_code_invalid")
        error(
            http.post("/v1/devices/enroll", json={"code": "NOPE-NOPE"}),
            401,
            "enrollment_code_invalid",
        )
        error(http.post("/v1/devices/enroll", json={"code": "x"}), 422, "malformed")
        error(
            http.post(
                "/v1/devices/enroll", json={"code": _code(server, "V2"), "protocol_version": 2}
            ),
            422,
            "protocol_version_unsupported",
        )


def test_requests_without_a_valid_token_are_refused(server: RunningServer, till: Till) -> None:
    with server.client() as anonymous:
        error(anonymous.get("/v1/sync/snapshot"), 401, "unauthorized")
    with server.client("not-a-token") as stranger:
        error(stranger.get("/v1/sync/snapshot"), 401, "unauthorized")
        error(stranger.post("/v1/sync/events", json={"events": []}), 401, "unauthorized")
    with server.client() as wrong_scheme:
        response = wrong_scheme.get(
            "/v1/sync/snapshot", headers={"Authorization": f"Bearer {till.token}"}
        )
        error(response, 401, "unauthorized")


def test_a_revoked_till_gets_401_and_is_told_why(server: RunningServer, till: Till) -> None:
    ok(till.ping())
    with write(server.engine) as conn:
        devices.revoke_device(conn, till.name, server.clock.now())
    error(till.http.get("/v1/sync/snapshot"), 401, "device_revoked")
    error(till.upload([]), 401, "device_revoked")


def test_a_rotation_whose_answer_was_lost_gives_the_same_token(server: RunningServer) -> None:
    till = enroll_till(server)
    first = ok(till.http.post("/v1/devices/token/rotate"))
    again = ok(till.http.post("/v1/devices/token/rotate"))  # the answer was lost: ask again
    assert again["token"] == first["token"] != till.token
    ok(till.ping())  # old still works
    with server.client(first["token"]) as renewed:
        ok(renewed.get("/v1/sync/changes", params={"cursor": server.head(), "limit": 1}))
    # The new token was used: the old one ends.
    error(till.ping(), 401, "unauthorized")


def test_an_old_token_ends_after_the_grace_period(server: RunningServer) -> None:
    till = enroll_till(server)
    ok(till.http.post("/v1/devices/token/rotate"))
    server.clock.advance(devices.TOKEN_GRACE - timedelta(minutes=1))
    ok(till.ping())
    server.clock.advance(timedelta(minutes=2))
    error(till.ping(), 401, "unauthorized")


def test_another_protocol_version_is_refused(till: Till) -> None:
    response = till.http.get("/v1/sync/snapshot", headers={"Guichet-Protocol": "2"})
    error(response, 422, "protocol_version_unsupported")
    ok(till.http.get("/v1/sync/snapshot", headers={"Guichet-Protocol": "1"}))
