"""Sales channels and points of sale.

A Guichet till is a point of sale of a box-office channel. The channel's settings decide what
it may sell ("no contingent" right, delivery modes, fee cap, maximum per performance) and how
the cashier searches seats by default.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from domain.money import Money


class ChannelType(enum.Enum):
    BOX_OFFICE = "box_office"
    INDIVIDUAL_TILL = "individual_till"
    TELEPHONE = "telephone"
    INTERNET_B2C = "internet_b2c"
    INTERNET_COMPANY = "internet_company"
    INTERNET_AGENCY = "internet_agency"
    SHOP = "shop"
    EXCHANGE = "exchange"
    EXTERNAL_DISTRIBUTOR = "external_distributor"


class SeatSearchMode(enum.Enum):
    PICK_ON_PLAN = "pick_on_plan"
    AUTO_WITH_VIEW = "auto_with_view"
    AUTO_THEN_EDITABLE = "auto_then_editable"
    NO_PLAN = "no_plan"


@dataclass(frozen=True, slots=True)
class SalesChannel:
    code: str
    name: str
    type: ChannelType
    sells_no_contingent: bool = True
    cash_float_allowed: bool = False
    contact_origin_mandatory: bool = False
    default_seat_search: SeatSearchMode = SeatSearchMode.PICK_ON_PLAN
    max_tickets_per_performance: int | None = None
    delivery_modes: tuple[str, ...] = ()
    fee_cap: Money | None = None  # the most fees (booking + delivery) one order may carry
    audiences: tuple[str, ...] = ()  # the tariffs (audience codes) it sells; empty: all
    hold_minutes: int = 15  # how long a seat in a cart stays held for this channel
    other_tenders: tuple[str, ...] = ("cheque",)  # tenders besides cash, card and voucher


@dataclass(frozen=True, slots=True)
class PointOfSale:
    code: str
    name: str
    channel_code: str
    number: int
