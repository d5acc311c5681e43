"""Options at the till (seed 001): an option created for a contact holds its places until its
expiry; validated, it is picked up, paid and printed in one sale.

Each option has its own cart, which no till has open (its ``till`` is `OPTION_CARTS`): the
places are held through the sale's quantity mode (`SellingServices.add_quantities`: standing
places of the category's zone, or its best available seats) and the holds then run until the
option's expiry. The inventory only ever sees that cart, so an option holds exactly its
cart's places. Refused, cancelled or expired, the cart is abandoned and every place goes
back; ordered, the cart is paid: `pay` records the sale (journal, tickets queued,
`SellingServices.record_sale`), marks the option ordered and attaches the contact to the
order in one transaction. The counter pays it with any tender, from `for_payment`'s cart
(a card the terminal approved for that cart before a crash counts once).

On a till enrolled with a server the places are held there as well (the sale's inventory,
`SellingServices.inventory_in`): the server's holds are made to run until the option's expiry
(`ServerInventory.extend`), so no other till sells them meanwhile; a server that cannot be
reached, or that would not keep them, refuses the option (`HoldNotExtended`) and nothing stays
held. The option's places then sell from those holds when it is paid, and an option refused,
cancelled or expired drops them. An option lives on the till that made it.

Training mode makes no option and picks none up (`OptionNotInTraining`): an option holds real
places for a real contact. Its other steps (validate, refuse, expire) are dates and states,
not sales, and run as outside it.

Modifying a placed option's quantities (`domain.options.place`) is not offered at the till
yet: refuse it and create another.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from app.services import training
from app.services.ports import UnitOfWork, UnitOfWorkFactory
from app.services.selling import CartView, SaleResult, SeatsLost, SellingServices
from domain import options as rules
from domain.clock import Clock
from domain.options import HoldChange, Option, OptionError, OptionState
from domain.orders import Cart, PaymentPlan

OPTION_CARTS = "options"  # the `Cart.till` of option carts: never a till's open cart
OPEN = frozenset(
    {OptionState.REQUESTED, OptionState.PLACED, OptionState.WAITING_LIST,
     OptionState.REFUSAL_PENDING, OptionState.VALIDATED}
)  # fmt: skip


class OptionNotInTraining(OptionError):
    """Training mode makes no option and picks none up: an option holds real places for a
    real contact, and a trainee's sale would hand them back."""

    def __init__(self) -> None:
        super().__init__("training mode is on: options are made and picked up only outside it")


class NoTariffForCategory(OptionError):
    def __init__(self, category: str) -> None:
        super().__init__(f"the performance sells no tariff in category {category}")
        self.category = category


class OptionServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        till: str,
        selling: SellingServices,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._selling = selling

    @property
    def clock(self) -> Clock:
        return self._clock

    def create_direct(
        self,
        contact_id: str,
        performance_id: str,
        quantities: Mapping[str, int],
        expires_at: datetime,
        file_number: str = "",
    ) -> Option:
        """A direct option (pose directe): placed at once, its places held until
        ``expires_at``. `OptionQuantitiesInvalid`, `OptionExpiryInvalid`, or the sale's
        `SeatsUnavailable` / `PlacesUnavailable` / `NotEnoughSeats`, and nothing is held."""
        now = self._clock.now()
        asked = rules.request(
            uuid.uuid4().hex[:10].upper(), contact_id, performance_id, quantities, expires_at,
            now, file_number.strip(),
        )  # fmt: skip
        option, change = rules.place_directly(asked)
        audience = self._full_tariffs(performance_id)
        with self._uow(read_only=True) as uow:
            if training.current(uow) is not None:
                raise OptionNotInTraining()
            if uow.contacts.get(contact_id).erased:  # NotFound for an unknown contact
                raise OptionError(f"contact {contact_id} was erased")
        cart = Cart(uuid.uuid4().hex, OPTION_CARTS, "EUR")
        with self._uow() as uow:
            uow.carts.save(cart, now)
            uow.commit()
        try:
            wanted = []
            for category, count in change.take.items():
                if category not in audience:
                    raise NoTariffForCategory(category)
                wanted.append((category, audience[category], count))
            held = self._selling.add_quantities(cart.id, performance_id, wanted).cart
            with self._uow() as uow:
                lost = self._selling.inventory_in(uow).extend(uow, held, expires_at, now)
                if lost:  # lapsed and taken by another cart while the places were picked
                    raise SeatsLost(lost)
                uow.carts.save(replace(held, hold_expires_at=expires_at), now)
                uow.options.add(option, cart.id, now)
                uow.commit()
        except Exception:
            self._selling.abandon(cart.id)
            raise
        return option

    def _full_tariffs(self, performance_id: str) -> dict[str, str]:
        """Per category, the tariff an option is held at: the first the channel sells."""
        tariffs: dict[str, str] = {}
        for price in self._selling.price_table(performance_id):
            tariffs.setdefault(price.category, price.audience)
        return tariffs

    def get(self, option_id: str) -> Option:
        with self._uow(read_only=True) as uow:
            return uow.options.get(option_id)

    def listed(self) -> list[Option]:
        with self._uow(read_only=True) as uow:
            return uow.options.all()

    def find(self, query: str) -> list[Option]:
        """By option number, contact number or file number (seed 001), open ones only."""
        with self._uow(read_only=True) as uow:
            return [o for o in uow.options.in_states(OPEN) if rules.matches(o, query)]

    def validate(self, option_id: str) -> Option:
        return self._step(option_id, rules.validate)

    def start_refusal(self, option_id: str) -> Option:
        return self._step(option_id, rules.start_refusal)

    def cancel_refusal(self, option_id: str) -> Option:
        return self._step(option_id, rules.cancel_refusal)

    def refuse(self, option_id: str) -> Option:
        return self._step(option_id, rules.refuse)

    def cancel(self, option_id: str) -> Option:
        return self._step(option_id, rules.cancel)

    def _step(self, option_id: str, step: Callable[[Option], tuple[Option, HoldChange]]) -> Option:
        now = self._clock.now()
        with self._uow() as uow:
            moved, change = step(uow.options.get(option_id))
            self._apply(uow, option_id, moved, change, now)
            uow.commit()
        return moved

    def _apply(
        self, uow: UnitOfWork, option_id: str, moved: Option, change: HoldChange, now: datetime
    ) -> None:
        """Save the option; an option that holds nothing any more gives its cart back."""
        uow.options.save(moved)
        if change.release and not moved.held:
            cart = uow.carts.get(uow.options.cart_of(option_id))
            self._selling.inventory_in(uow).release(uow, cart)
            uow.carts.close(cart.id, "abandoned", now)

    def expire_due(self) -> list[Option]:
        """Options past their expiry: expired, every place they held back on sale."""
        now = self._clock.now()
        with self._uow() as uow:
            due = [o for o in uow.options.in_states(rules.HOLDING) if o.due(now)]
            expired = []
            for option in due:
                moved, change = rules.expire(option, now)
                self._apply(uow, option.id, moved, change, now)
                expired.append(moved)
            uow.commit()
        return expired

    def cart_of(self, option_id: str) -> str:
        with self._uow(read_only=True) as uow:
            return uow.options.cart_of(option_id)

    def due(self, option_id: str) -> PaymentPlan:
        """What the contact pays to pick a validated option up."""
        return PaymentPlan(self._selling.cart(self.cart_of(option_id)).due)

    def for_payment(self, option_id: str) -> CartView:
        """The cart a validated option is paid from (the payment panel's, any tender); the
        domain's refusal when the option is not validated."""
        with self._uow(read_only=True) as uow:
            if training.current(uow) is not None:
                raise OptionNotInTraining()
            rules.order(uow.options.get(option_id), "?", self._clock.now())
            cart_id = uow.options.cart_of(option_id)
        return self._selling.cart(cart_id)

    def pay(self, option_id: str, plan: PaymentPlan, operator_id: str) -> SaleResult:
        """Pick-up: a validated option paid. One transaction: the sale recorded and
        journaled with its tickets queued, the option ordered, the contact on the order."""
        now = self._clock.now()
        with self._uow() as uow:
            if training.current(uow) is not None:
                raise OptionNotInTraining()
            option = uow.options.get(option_id)
            rules.order(option, "?", now)  # refused here, before the sale, unless validated
            cart = uow.carts.get(uow.options.cart_of(option_id))
            uow.carts.save(replace(cart, till=self._till), now)  # this till's sale now
            order, device_seq, jobs = self._selling.record_sale(uow, cart.id, plan, operator_id)
            ordered, _ = rules.order(option, order.id, now)  # its places passed to the order
            uow.options.save(ordered)
            uow.contacts.attach(order.id, option.contact_id)
            uow.commit()
        return self._selling.after_commit(order, device_seq, jobs)
