"""Advantages and promo codes at the till (seed 004): enter a code from the cart, see which
advantages the cart's contact may have, generate and track single-use codes.

The discount lives in the cart's lines (`CartLine.discount`), saved with the cart: what the
selling service asks to be paid, and what the sale record journals, is the discounted amount.
A cart that changes loses its discounts (`Cart.undiscounted`); `refresh` applies its codes
again and drops, by name, those that no longer fit (a cart now below a code's minimum).

A **single-use code is used at most once on every till**. A till enrolled with the central
server claims the code there for its cart before it applies it (``POST /v1/codes/{code}/
redeem``, idempotent on the cart's id, refused when another cart has it): offline, such a code
is refused (`Refusal.OFFLINE`) — a till cannot know another till did not take it meanwhile. A
till on its own (a single-till box office, no server) keeps its codes in its database. Locally
a code is held by the cart that took it (refused to any other), used once that cart is paid,
and free again if the cart was abandoned (`release_abandoned` gives it back to the server; the
client's station chores, `app.ui.chores`, call it at start and then every minute).
"""

from __future__ import annotations

import contextlib
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import httpx

from app.services.ports import UnitOfWork, UnitOfWorkFactory
from app.services.records import SyncLink
from domain.advantages import (
    Advantage,
    CodeRefused,
    CodeState,
    CodeTally,
    Refusal,
    Target,
    applicable,
    check,
    check_code_state,
    discount_of_each,
    discounted,
    generate_codes,
    normalise_code,
    tally,
)
from domain.clock import Clock
from domain.errors import DomainError
from domain.money import Money
from domain.orders import Cart
from sync.client import Refused, ServerClient, SyncError

# How a contact list's advantage is kept applied to a cart: the contact it is for.
CONTACT_MARK = "contact:"
# A code is claimed while the customer waits at the counter: a short wait, then "offline".
CLAIM_TIMEOUT = httpx.Timeout(connect=2.0, read=5.0, write=5.0, pool=2.0)


class ClaimUnavailable(Exception):
    """The server could not be asked (unreachable, busy): the claim is not known either way."""


class CodeClaims(Protocol):
    """The central server's register of single-use codes (`sync.client.ServerClient`)."""

    def redeem(self, code: str, sale: str) -> str:
        """Claim ``code`` for ``sale`` (idempotent on ``sale``): the advantage it is for, or
        `CodeRefused` (USED, UNKNOWN, INVALIDATED) or `ClaimUnavailable`."""

    def release(self, code: str, sale: str) -> None:
        """Give ``code`` back when ``sale`` did not take place."""


class ServerCodeClaims:
    """`CodeClaims` through the enrolled till's server (``link()``: its `SyncLink`; None or
    revoked: every claim is unavailable, so its single-use codes are refused)."""

    def __init__(self, link: Callable[[], SyncLink | None]) -> None:
        self._link = link

    def redeem(self, code: str, sale: str) -> str:
        return self._ask(code, lambda c: c.redeem_code(code, sale).advantage)

    def release(self, code: str, sale: str) -> None:
        self._ask(code, lambda c: c.release_code(code, sale).advantage)

    def _ask(self, code: str, call: Callable[[ServerClient], str]) -> str:
        link = self._link()
        if link is None or link.revoked:
            raise ClaimUnavailable("this till has no server")
        try:
            with ServerClient(link.server_url, link.ca_pem, link.token, CLAIM_TIMEOUT) as client:
                return call(client)
        except Refused as exc:
            if exc.status == 404:
                raise CodeRefused(Refusal.UNKNOWN, code) from exc
            reason = str(exc.details.get("reason", ""))
            if reason in (Refusal.USED.value, Refusal.INVALIDATED.value):
                raise CodeRefused(Refusal(reason), code) from exc
            raise ClaimUnavailable(str(exc)) from exc
        except SyncError as exc:  # unreachable, busy, not enrolled any more
            raise ClaimUnavailable(str(exc)) from exc


@dataclass(frozen=True, slots=True)
class CartCodes:
    """What the cart shows of its advantages: each applied one (with its code as applied and
    what it takes off), those a change of the cart dropped and why, and those the cart's
    contact (or anyone) may have without a code."""

    applied: tuple[tuple[Advantage, str, Money], ...] = ()
    dropped: tuple[tuple[Advantage, CodeRefused], ...] = ()
    available: tuple[Advantage, ...] = ()

    def pairs(self) -> tuple[tuple[Advantage, str], ...]:
        return tuple((advantage, code) for advantage, code, _ in self.applied)


@dataclass(frozen=True, slots=True)
class AppliedCart:
    cart: Cart
    applied: tuple[tuple[Advantage, str], ...]  # in the order they were applied
    dropped: tuple[tuple[Advantage, CodeRefused], ...] = ()  # by `refresh`, and why


class AdvantageServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        channel_code: Callable[[], str],
        claims: CodeClaims | None = None,
        random_below: Callable[[int], int] = secrets.randbelow,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._channel_code = channel_code
        self._claims = claims  # None: a till on its own, its database the only register
        self._random_below = random_below

    # --- the back office of a single-till box office ---------------------------------------

    def create(self, advantage: Advantage) -> Advantage:
        with self._uow() as uow:
            if advantage.access_code and uow.advantages.code_exists(advantage.access_code):
                raise DomainError(f"the code {advantage.access_code!r} is taken")
            uow.advantages.add(advantage)
            uow.commit()
        return advantage

    def generate(self, advantage_id: str, count: int) -> tuple[str, list[str]]:
        """A batch of ``count`` (≤ 1,000) single-use codes: its id and its codes."""
        now = self._clock.now()
        batch = uuid.uuid4().hex
        with self._uow() as uow:
            advantage = uow.advantages.get(advantage_id)
            if advantage.target is not Target.SINGLE_USE:
                raise DomainError(f"{advantage.name!r} is not an advantage of single-use codes")
            if self._claims is not None:
                raise DomainError("an enrolled till's codes are generated on the server")
            codes = generate_codes(count, self._random_below, uow.advantages.code_exists)
            uow.advantages.add_codes(advantage_id, batch, codes, now)
            uow.commit()
        return batch, codes

    def invalidate(self, code: str) -> None:
        code = normalise_code(code)
        with self._uow() as uow:
            found = uow.advantages.code(code)
            if found is None:
                raise CodeRefused(Refusal.UNKNOWN, code)
            uow.advantages.invalidate(code, self._clock.now())
            uow.commit()

    def tally(self, advantage_id: str) -> CodeTally:
        with self._uow(read_only=True) as uow:
            return tally(c.state for c in uow.advantages.codes_of(advantage_id))

    def advantages(self) -> list[Advantage]:
        with self._uow(read_only=True) as uow:
            return uow.advantages.list_all()

    # --- at the counter --------------------------------------------------------------------

    def available(self, cart_id: str, contact: str | None = None) -> tuple[Advantage, ...]:
        """The advantages the cart may have without a code (the gift beside the contact)."""
        with self._uow(read_only=True) as uow:
            cart = uow.carts.get(cart_id)
            advantages = uow.advantages.list_all()
            uses = {a.id: uow.advantages.uses(a.id) for a in advantages}
            return applicable(
                advantages,
                cart.undiscounted(),
                channel=self._channel_code(),
                at=self._clock.now(),
                uses=uses,
                contact=contact,
            )

    def enter_code(self, cart_id: str, text: str) -> AppliedCart:
        """A code typed or scanned in the cart: a promo code, a partner's code or a single-use
        code. `CodeRefused` names why it is refused; then nothing changed."""
        code = normalise_code(text)
        if not code:
            raise CodeRefused(Refusal.UNKNOWN, text)
        ask_server = False
        with self._uow(read_only=True) as uow:
            try:
                _, ask_server = self._checked(uow, cart_id, code)
            except CodeRefused as refused:  # a code of the server's batches, not known here
                if refused.reason is not Refusal.UNKNOWN or self._claims is None:
                    raise
                ask_server = True
        claimed: str | None = None  # the advantage the server says the code is for
        if ask_server and self._claims is not None:
            try:
                claimed = self._claims.redeem(code, cart_id)  # idempotent on the cart
            except ClaimUnavailable as exc:
                raise CodeRefused(Refusal.OFFLINE, code, str(exc)) from exc
        try:
            with self._uow() as uow:
                advantage, single = self._checked(uow, cart_id, code, claimed)  # under the lock
                if single:
                    if uow.advantages.code(code) is None:
                        uow.advantages.add_codes(advantage.id, "server", [code], self._clock.now())
                    uow.advantages.take_code(code, cart_id, claimed is not None)
                uow.advantages.apply(cart_id, advantage.id, code)
                result = self._discount(uow, uow.carts.get(cart_id))
                uow.commit()
                return result
        except Exception:
            if claimed is not None:
                self._release_quietly(code, cart_id)
            raise

    def apply_advantage(self, cart_id: str, advantage_id: str, contact: str | None) -> AppliedCart:
        """One of the advantages `available` offers the cart without a code (a public one, or
        a contact list's for ``contact``, the cart's contact). `CodeRefused` if it does not
        fit (any more); then nothing changed."""
        with self._uow() as uow:
            advantage = uow.advantages.get(advantage_id)
            if advantage.needs_code:
                raise CodeRefused(Refusal.UNKNOWN, advantage.name, "it needs its code")
            if advantage.id in dict(uow.advantages.applied(cart_id)):
                raise CodeRefused(Refusal.ALREADY_APPLIED, advantage.name)
            check(
                advantage,
                uow.carts.get(cart_id).undiscounted(),
                channel=self._channel_code(),
                at=self._clock.now(),
                uses=uow.advantages.uses(advantage.id),
                contact=contact,
                code=advantage.name,
            )
            # A contact list's advantage remembers whose it is, so a changed cart keeps it.
            mark = CONTACT_MARK + contact if advantage.target is Target.CONTACTS and contact else ""
            uow.advantages.apply(cart_id, advantage.id, mark)
            result = self._discount(uow, uow.carts.get(cart_id))
            uow.commit()
            return result

    def remove_code(self, cart_id: str, advantage_id: str) -> AppliedCart:
        with self._uow() as uow:
            applied = dict(uow.advantages.applied(cart_id))
            code = applied.get(advantage_id)
            if code is None:
                raise CodeRefused(Refusal.UNKNOWN, advantage_id)
            held = uow.advantages.code(code)
            release = held is not None and held.claimed_on_server
            if held is not None and not release:
                uow.advantages.take_code(code, None, False)
            # Claimed on the server: the cart keeps the claim, unapplied, until the server
            # has it back (now, or `release_abandoned` later if it cannot be reached).
            uow.advantages.unapply(cart_id, advantage_id)
            result = self._discount(uow, uow.carts.get(cart_id))
            uow.commit()
        if release:
            self._give_back(code, cart_id)
        return result

    def refresh(self, cart_id: str) -> AppliedCart:
        """After the cart changed: its codes applied again; those that no longer fit are
        dropped (and said why), their single-use codes kept for this cart until removed."""
        with self._uow() as uow:
            result = self._discount(uow, uow.carts.get(cart_id))
            uow.commit()
            return result

    def applied(self, cart_id: str) -> tuple[tuple[Advantage, str], ...]:
        with self._uow(read_only=True) as uow:
            return tuple(
                (uow.advantages.get(a), code) for a, code in uow.advantages.applied(cart_id)
            )

    def cart_codes(
        self,
        cart_id: str,
        contact: str | None = None,
        before: Sequence[tuple[Advantage, str]] = (),
    ) -> CartCodes:
        """The cart's advantages as the cart shows them (``before``: those applied before a
        change of the cart, to say which it dropped)."""
        applied = self.applied(cart_id)
        with self._uow(read_only=True) as uow:
            cart = uow.carts.get(cart_id)
        off = discount_of_each(cart, applied)
        taken = {advantage.id for advantage, _ in applied}
        return CartCodes(
            tuple((a, code, money) for (a, code), money in zip(applied, off, strict=True)),
            self.dropped_since(cart_id, before) if before else (),
            tuple(a for a in self.available(cart_id, contact) if a.id not in taken),
        )

    def dropped_since(
        self, cart_id: str, before: Sequence[tuple[Advantage, str]]
    ) -> tuple[tuple[Advantage, CodeRefused], ...]:
        """Of the advantages ``before`` a change of the cart, those the selling service's
        `reprice` took out of it, each with why (the cart now below a minimum...)."""
        with self._uow(read_only=True) as uow:
            still = dict(uow.advantages.applied(cart_id))
            cart = uow.carts.get(cart_id).undiscounted()
            dropped = []
            for advantage, code in before:
                if advantage.id in still:
                    continue
                try:
                    check_applied(
                        uow, advantage, code, cart, self._channel_code(), self._clock.now()
                    )
                except CodeRefused as refused:
                    dropped.append((advantage, refused))
            return tuple(dropped)

    def release_abandoned(self) -> int:
        """Give back to the server the codes claimed by carts abandoned since (or that dropped
        them): how many went back. The station's chores call it at start and then
        periodically (`app.ui.chores`), off the database lane since it talks to the server. A
        server that cannot be reached keeps the rest for the next call; a code the server
        does not know has nothing to give back."""
        if self._claims is None:
            return 0
        with self._uow(read_only=True) as uow:
            stale = uow.advantages.claimed_by_closed_carts()
        return sum(self._give_back(held.code, held.cart_id or "") for held in stale)

    def _give_back(self, code: str, cart_id: str) -> bool:
        """``code`` given back to the server for ``cart_id``, then free on this till; False
        if the server could not be reached (the cart keeps its claim, to try again)."""
        assert self._claims is not None
        try:
            self._claims.release(code, cart_id)
        except ClaimUnavailable:
            return False
        except CodeRefused:
            pass  # unknown on the server: nothing is claimed there
        with self._uow() as uow:
            held = uow.advantages.code(code)
            # Meanwhile a cart may have taken it again, with a claim of its own: that stays.
            if held is None or held.state is not CodeState.USED:
                uow.advantages.take_code(code, None, False)
                uow.commit()
        return True

    # --- inside -----------------------------------------------------------------------------

    def _checked(
        self, uow: UnitOfWork, cart_id: str, code: str, claimed: str | None = None
    ) -> tuple[Advantage, bool]:
        """The code's advantage and whether it is a single-use code, or `CodeRefused`.
        ``claimed``: the advantage the server claimed the code for, for this cart."""
        cart = uow.carts.get(cart_id).undiscounted()
        advantage = uow.advantages.by_access_code(code)
        single = False
        if advantage is None:
            single = True
            held = uow.advantages.code(code)
            if held is not None:
                check_code_state(held.state, code, cart_id, held.cart_id)
                advantage = uow.advantages.get(held.advantage_id)
            elif claimed is None:
                raise CodeRefused(Refusal.UNKNOWN, code)
            else:
                advantage = self._configured(uow, code, claimed)
        if advantage.id in dict(uow.advantages.applied(cart_id)):
            raise CodeRefused(Refusal.ALREADY_APPLIED, code)
        check(
            advantage,
            cart,
            channel=self._channel_code(),
            at=self._clock.now(),
            uses=uow.advantages.uses(advantage.id),
            code=code,
        )
        return advantage, single

    @staticmethod
    def _configured(uow: UnitOfWork, code: str, advantage_id: str) -> Advantage:
        for advantage in uow.advantages.list_all():
            if advantage.id == advantage_id and advantage.target is Target.SINGLE_USE:
                return advantage
        raise CodeRefused(Refusal.UNKNOWN, code, f"advantage {advantage_id} is not on this till")

    def _discount(self, uow: UnitOfWork, cart: Cart) -> AppliedCart:
        return reprice(uow, cart, self._channel_code(), self._clock.now())

    def _release_quietly(self, code: str, sale: str) -> None:
        assert self._claims is not None
        # release_abandoned tries again for an abandoned cart
        with contextlib.suppress(ClaimUnavailable, CodeRefused):
            self._claims.release(code, sale)


def reprice(uow: UnitOfWork, cart: Cart, channel: str, now: datetime) -> AppliedCart:
    """The cart with its applied codes' discounts, saved. Those that no longer fit (a cart
    now below a minimum, a window closed) leave the cart, said in ``dropped``; a single-use
    code left is free again on this till (`release_abandoned` gives it back to the server)."""
    base = cart.undiscounted()
    fitting: list[tuple[Advantage, str]] = []
    dropped: list[tuple[Advantage, CodeRefused]] = []
    for advantage_id, code in uow.advantages.applied(cart.id):
        advantage = uow.advantages.get(advantage_id)
        try:
            check_applied(uow, advantage, code, base, channel, now)
        except CodeRefused as refused:
            dropped.append((advantage, refused))
            uow.advantages.unapply(cart.id, advantage.id)
            continue
        fitting.append((advantage, code if advantage.needs_code else ""))
    result = discounted(base, fitting)
    uow.carts.save(result, now)
    return AppliedCart(result, tuple(fitting), tuple(dropped))


def check_applied(
    uow: UnitOfWork, advantage: Advantage, code: str, cart: Cart, channel: str, now: datetime
) -> None:
    """`CodeRefused` unless an advantage applied to ``cart`` (with ``code``: the code typed,
    or a contact list's mark) still fits the cart, undiscounted."""
    contact = code.removeprefix(CONTACT_MARK) if code.startswith(CONTACT_MARK) else None
    check(
        advantage,
        cart,
        channel=channel,
        at=now,
        uses=uow.advantages.uses(advantage.id),
        contact=contact,
        code=code if advantage.needs_code else "",
    )
