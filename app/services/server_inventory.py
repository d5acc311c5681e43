"""The `Inventory` port when the till is enrolled with a central server: every seat and place
is held and sold on the server as well as locally, so that two tills never sell one seat.

- **hold**: the local hold first (two carts of this till never hold one seat), then one
  server hold per line (`POST /v1/holds`); a seat the server refuses is refused, with the
  server's reason, and nothing stays held anywhere.
- **sell**: the local sale, then `POST /v1/sales` with the cart's hold tokens, inside the sale's
  transaction and before anything prints; a seat the server says is gone stops the sale
  (`SeatsLost` upstream: before any cash, the card left approved for a refund).
- **release**: the local release, then the line's server hold is dropped.
- **leases**: seats the server leased to this till (`guichet-server lease grant`, learnt from
  the feed) are held and sold here only, online or not; the sale's record names its lease and
  goes up with the outbox. A cart is from the lease or from the server, never both.
- **offline** (the server cannot be reached): only leased seats sell (notes/sync.md §1:
  ownership, not sync logic, prevents offline double sales); anything else is refused with
  the reason. A sale whose server holds were taken before the network went still completes
  (the money may be taken already) and goes up later; the server lists it as an incident.
  A lease's standing places sell the same way: its count less the places this till's carts
  hold and its sales took from it (`standing_holds.lease_id`); beyond it, the central pool.
- A **revoked** till sells nothing: the server said it may not.

Never enrolled: exactly the local inventory.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

import httpx

from app.services.ports import Held, Returned, UnitOfWork
from app.services.records import SyncLink
from app.services.selling import LEASED, LocalInventory, SaleError, lease_of, leased_hold
from domain.orders import Cart, CartLine, LineKind
from sync.client import Refused, ServerClient, SyncError, Unauthorized
from sync.protocol import (
    ErrorCode,
    HoldExtendRequest,
    HoldRequest,
    LeaseState,
    PlacesWire,
    SaleLineRequest,
    SaleRequest,
)

log = logging.getLogger(__name__)

# Short: a cashier waits for these. Beyond them the server counts as unreachable.
COUNTER_TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=2.0)
HOLD_MINUTES = 15


# The server's word for a taken seat, as the till's refusal codes say it.
_SERVER_REASONS = {
    "held": "seat_held",
    "sold": "seat_sold",
    "blocked": "seat_blocked",
    "quarantined": "seat_held",
    "not_enough_places": "not_enough_places",
}


class TillRevoked(SaleError):
    def __init__(self) -> None:
        super().__init__("the server revoked this till: it cannot sell until enrolled again")


class HoldNotExtended(SaleError):
    """The server would not hold these places until the option's expiry (place -> why:
    "hold_gone", "not_sellable_on_server" or "offline_not_leased")."""

    def __init__(self, reasons: dict[str, str]) -> None:
        shown = ", ".join(f"{place} ({why})" for place, why in sorted(reasons.items())[:5])
        super().__init__(f"the server did not keep these places held: {shown}")
        self.reasons = reasons


class ServerInventory:
    def __init__(
        self,
        link: Callable[[], SyncLink | None],
        local: LocalInventory | None = None,
        client_factory: Callable[[SyncLink], ServerClient] | None = None,
    ) -> None:
        self._link = link
        self._local = local or LocalInventory()
        self._client_factory = client_factory or (
            lambda found: ServerClient(found.server_url, found.ca_pem, found.token, COUNTER_TIMEOUT)
        )
        self._client: tuple[tuple[str, str], ServerClient] | None = None
        self.offline = False  # the last call could not reach the server
        self._latest: datetime | None = None  # the latest server time estimated (never back)

    # --- the port -----------------------------------------------------------------------

    def hold_seats(
        self,
        uow: UnitOfWork,
        performance_id: str,
        seat_ids: Sequence[str],
        owner: str,
        expires_at: datetime,
        now: datetime,
    ) -> Held:
        held = self._local.hold_seats(uow, performance_id, seat_ids, owner, expires_at, now)
        client = self._server()
        if held.refused or client is None:
            return held
        leased = _leased_seats(uow, performance_id, self._server_now(now))
        mine = [s for s in seat_ids if s in leased]
        if mine:  # the till's own: held here, sold from the lease, online or not
            if len(mine) != len(seat_ids) or _holds_central(uow, owner):
                return Held(dict.fromkeys(seat_ids, "lease_mix"))
            return Held(tokens={s: leased[s] for s in mine})
        if _holds_leased(uow, owner):
            return Held(dict.fromkeys(seat_ids, "lease_mix"))
        tokens: dict[str, str] = {}
        for seat_id in seat_ids:
            request = HoldRequest(
                performance_id=performance_id, seats=[seat_id], minutes=HOLD_MINUTES
            )
            refused = self._hold(client, request, seat_id, tokens)
            if refused is not None:
                self._drop(client, tokens.values())
                return Held(refused)
            if self.offline:  # only what is leased to this till sells without the server
                self._drop(client, tokens.values())
                return Held(dict.fromkeys(seat_ids, "offline_not_leased"))
        return Held(tokens=tokens)

    def hold_places(
        self,
        uow: UnitOfWork,
        performance_id: str,
        zone_id: str,
        places: int,
        capacity: int,
        owner: str,
        expires_at: datetime,
        now: datetime,
    ) -> Held:
        client = self._server()
        if client is None:
            return self._local.hold_places(
                uow, performance_id, zone_id, places, capacity, owner, expires_at, now
            )
        cart_owner = owner.rsplit(":", 1)[0]
        lease = _leased_places(uow, performance_id, zone_id, self._server_now(now))
        if lease is not None:  # the till's own count first, online or not
            lease_id, epoch, count = lease
            hold = leased_hold(lease_id, epoch)
            if any(h != hold for h in _cart_holds(uow, cart_owner)):
                return Held({zone_id: "lease_mix"})
            if uow.standing.hold(
                performance_id, zone_id, owner, places, count, expires_at, now, lease_id
            ):
                return Held(tokens={zone_id: hold})
            if _cart_holds(uow, cart_owner):  # the rest of the cart is from the lease
                return Held({zone_id: "not_enough_places"})
        if _holds_leased(uow, cart_owner):
            return Held({zone_id: "lease_mix"})
        held = self._local.hold_places(
            uow, performance_id, zone_id, places, capacity, owner, expires_at, now
        )
        if held.refused:
            return held
        request = HoldRequest(
            performance_id=performance_id,
            places=[PlacesWire(zone_id=zone_id, count=places)],
            minutes=HOLD_MINUTES,
        )
        tokens: dict[str, str] = {}
        refused = self._hold(client, request, zone_id, tokens)
        if refused is not None:
            return Held({zone_id: "not_enough_places"})
        if self.offline:  # only a lease's places sell without the server
            return Held({zone_id: "offline_not_leased"})
        return Held(tokens=tokens)

    def release(self, uow: UnitOfWork, cart: Cart, line: CartLine | None = None) -> None:
        self._local.release(uow, cart, line)
        lines = cart.lines if line is None else (line,)
        client = self._server(required=False)
        if client is not None:
            self._drop(client, [x.hold for x in lines if x.hold and not x.hold.startswith(LEASED)])

    def extend(self, uow: UnitOfWork, cart: Cart, expires_at: datetime, now: datetime) -> list[str]:
        """A sale's cart: the server's holds run their own 15 minutes; a sale after them sells
        what is still free, and is refused (SeatsLost) for what another till took meanwhile.
        Longer than that (an option held until its expiry, `app.services.options`): every
        server hold of the cart runs until then too (`POST /v1/holds/{token}/extend`), or
        `HoldNotExtended` says which places the server would not keep, and why."""
        lost = self._local.extend(uow, cart, expires_at, now)
        if lost or expires_at - now <= timedelta(minutes=HOLD_MINUTES):
            return lost
        client = self._server()
        if client is None:
            return lost
        until = expires_at + (self._server_now(now) - now)  # in the server's time
        refused: dict[str, str] = {}
        for line in cart.lines:
            if not line.hold or line.hold.startswith(LEASED):
                continue  # a lease's seats are this till's own until it is returned
            place = (line.seat_id if line.kind is LineKind.SEAT else line.zone_id) or line.id
            try:
                client.extend_hold(line.hold, HoldExtendRequest(until=until))
            except Unauthorized as exc:
                raise TillRevoked() from exc
            except Refused as exc:
                gone = exc.code == ErrorCode.SEATS_UNAVAILABLE.value
                refused[place] = "hold_gone" if gone else "not_sellable_on_server"
            except SyncError as exc:
                self._went_offline(exc)
                refused[place] = "offline_not_leased"
            else:
                self.offline = False
        if refused:
            raise HoldNotExtended(refused)
        return lost

    def sell(self, uow: UnitOfWork, cart: Cart, sale: str) -> list[str]:
        lost = self._local.sell(uow, cart, sale)
        client = self._server()
        if lost or client is None or lease_of(cart) is not None:
            return lost  # a lease's sale goes up with the outbox, naming its lease
        lines = [
            SaleLineRequest(
                performance_id=line.performance_id,
                audience=line.audience,
                seat_id=line.seat_id if line.kind is LineKind.SEAT else None,
                zone_id=line.zone_id if line.kind is not LineKind.SEAT else None,
                quantity=line.quantity,
            )
            for line in cart.lines
        ]
        tokens = [line.hold for line in cart.lines if line.hold]
        for attempt in [tokens, []] if tokens else [[]]:  # holds lapsed: what is free sells
            try:
                client.sale(SaleRequest(sale_id=sale, lines=lines, hold_tokens=attempt))
                self.offline = False
                return []
            except Unauthorized as exc:
                raise TillRevoked() from exc
            except Refused as exc:
                if exc.code != ErrorCode.SEATS_UNAVAILABLE.value:
                    log.warning("the server refused sale %s: %s", sale, exc.message)
                    return []  # the sale stands locally; its upload raises an incident
                gone = _refusals(exc)
                if attempt and gone and set(gone) <= set(attempt):
                    continue  # only our own holds had lapsed: try without them
                return sorted(gone) or [exc.message]
            except SyncError as exc:
                self._went_offline(exc)
                return []
        return []

    def give_back(self, uow: UnitOfWork, sale: str, places: Sequence[Returned]) -> list[str]:
        """A refund's seats go back on sale here; the server has no call to take them back
        yet: it learns of the refund from the outbox (its event names the seats)."""
        return self._local.give_back(uow, sale, places)

    def lease_of(self, cart: Cart) -> tuple[str, int] | None:
        return lease_of(cart)

    # --- inside -------------------------------------------------------------------------

    def _server(self, required: bool = True) -> ServerClient | None:
        """The client of an enrolled till's server; None when the till sells on its own."""
        link = self._link()
        if link is None:
            return None
        if link.revoked:
            if required:
                raise TillRevoked()
            return None
        key = (link.server_url, link.token)
        if self._client is None or self._client[0] != key:
            if self._client is not None:
                self._client[1].close()
            self._client = (key, self._client_factory(link))
        return self._client[1]

    def _server_now(self, now: datetime) -> datetime:
        """The server's time as this till estimates it (`SyncLink.server_now`), and never
        earlier than an estimate made before: a clock moved back cannot re-open a lease."""
        link = self._link()
        estimate = now if link is None else link.server_now(now)
        if self._latest is not None and estimate < self._latest:
            return self._latest
        self._latest = estimate
        return estimate

    def _hold(
        self, client: ServerClient, request: HoldRequest, place: str, tokens: dict[str, str]
    ) -> dict[str, str] | None:
        """Hold on the server; the refusal (place -> why), or None (held, or offline)."""
        try:
            answer = client.hold(request, key=str(uuid.uuid4()))
        except Unauthorized as exc:
            raise TillRevoked() from exc
        except Refused as exc:
            if exc.code == ErrorCode.SEATS_UNAVAILABLE.value:
                why = _refusals(exc).get(place, "held")
                return {place: _SERVER_REASONS.get(why, why)}
            if exc.code == ErrorCode.NOT_SELLABLE.value:
                return {place: "not_sellable_on_server"}
            self._went_offline(exc)
            return None
        except SyncError as exc:
            self._went_offline(exc)
            return None
        self.offline = False
        tokens[place] = answer.hold_token
        return None

    def _drop(self, client: ServerClient, tokens: Iterable[str]) -> None:
        for token in tokens:
            try:
                client.release_hold(token)
            except SyncError as exc:  # it lapses by itself on the server
                log.info("server hold %s not released now: %s", token, exc.message)

    def _went_offline(self, exc: SyncError) -> None:
        if not self.offline:
            log.warning("the server cannot be used, only leased seats sell: %s", exc.message)
        self.offline = True


def _refusals(exc: Refused) -> dict[str, str]:
    """The places (or hold tokens) a 409 named, each with why."""
    found = exc.details.get("refusals")
    if isinstance(found, dict):
        return {str(k): str(v) for k, v in found.items()}
    return {}


def _leased_seats(uow: UnitOfWork, performance_id: str, now: datetime) -> dict[str, str]:
    """The seats of this performance leased to this till and sellable at ``now`` (the
    server's time as the till estimates it), each with the line's ``hold`` naming its lease."""
    return {
        seat: leased_hold(lease.lease_id, lease.epoch)
        for lease in uow.feed.leases()
        if lease.performance_id == performance_id
        and lease.state is LeaseState.ACTIVE
        and lease.sell_until > now
        for seat in lease.seats
    }


def _leased_places(
    uow: UnitOfWork, performance_id: str, zone_id: str, now: datetime
) -> tuple[str, int, int] | None:
    """The lease of this till with places in the zone, sellable at ``now`` (the server's time
    as the till estimates it): its id, epoch and count of places; None when there is none."""
    for lease in uow.feed.leases():
        if (
            lease.performance_id == performance_id
            and lease.state is LeaseState.ACTIVE
            and lease.sell_until > now
        ):
            for places in lease.places:
                if places.zone_id == zone_id:
                    return lease.lease_id, lease.epoch, places.count
    return None


def _cart_holds(uow: UnitOfWork, owner: str) -> list[str]:
    cart_id = owner.removeprefix("cart:")
    return [line.hold for line in uow.carts.get(cart_id).lines]


def _holds_leased(uow: UnitOfWork, owner: str) -> bool:
    return any(h.startswith(LEASED) for h in _cart_holds(uow, owner))


def _holds_central(uow: UnitOfWork, owner: str) -> bool:
    return any(not h.startswith(LEASED) for h in _cart_holds(uow, owner))
