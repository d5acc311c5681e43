"""Sales channels (with their delivery modes, in order, and fee cap) and points of sale.

Must not decide what a channel may sell: `domain.availability` does.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, delete, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import (
    ChannelDeliveryModeRow,
    PointOfSaleRow,
    SalesChannelRow,
    table_of,
)
from domain.channels import ChannelType, PointOfSale, SalesChannel, SeatSearchMode
from domain.money import Money

_channels = table_of(SalesChannelRow)
_channel_modes = table_of(ChannelDeliveryModeRow)
_points = table_of(PointOfSaleRow)


def _channel_values(channel: SalesChannel) -> dict[str, Any]:
    cap = channel.fee_cap
    return {
        "name": channel.name,
        "type": channel.type.value,
        "sells_no_contingent": channel.sells_no_contingent,
        "cash_float_allowed": channel.cash_float_allowed,
        "contact_origin_mandatory": channel.contact_origin_mandatory,
        "default_seat_search": channel.default_seat_search.value,
        "max_tickets_per_performance": channel.max_tickets_per_performance,
        "fee_cap_minor": None if cap is None else cap.minor,
        "fee_cap_currency": None if cap is None else cap.currency,
        "audiences": ",".join(channel.audiences),
        "hold_minutes": channel.hold_minutes,
        "other_tenders": ",".join(channel.other_tenders),
    }


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in text.split(",") if code)


class ChannelRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_channel(self, channel: SalesChannel) -> None:
        """Store a channel; its delivery modes must be stored already."""
        self._session.execute(
            insert(_channels).values(code=channel.code, **_channel_values(channel))
        )
        self._write_modes(channel)

    def save_channel(self, channel: SalesChannel) -> None:
        result = self._session.execute(
            update(_channels)
            .where(_channels.c.code == channel.code)
            .values(**_channel_values(channel))
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("sales channel", channel.code)
        self._session.execute(
            delete(_channel_modes).where(_channel_modes.c.channel_code == channel.code)
        )
        self._write_modes(channel)

    def get_channel(self, code: str) -> SalesChannel:
        row = self._session.execute(select(_channels).where(_channels.c.code == code)).first()
        if row is None:
            raise NotFound("sales channel", code)
        return self._channel(row, self._modes_of([code]).get(code, ()))

    def list_channels(self) -> list[SalesChannel]:
        rows = self._session.execute(select(_channels).order_by(_channels.c.name, _channels.c.code))
        rows_list = rows.all()
        modes = self._modes_of([r.code for r in rows_list])
        return [self._channel(r, modes.get(r.code, ())) for r in rows_list]

    def add_point_of_sale(self, point: PointOfSale) -> None:
        self._session.execute(
            insert(_points).values(
                code=point.code,
                name=point.name,
                channel_code=point.channel_code,
                number=point.number,
            )
        )

    def get_point_of_sale(self, code: str) -> PointOfSale:
        row = self._session.execute(select(_points).where(_points.c.code == code)).first()
        if row is None:
            raise NotFound("point of sale", code)
        return PointOfSale(row.code, row.name, row.channel_code, row.number)

    def list_points_of_sale(self, channel_code: str | None = None) -> list[PointOfSale]:
        query = select(_points).order_by(_points.c.channel_code, _points.c.number, _points.c.code)
        if channel_code is not None:
            query = query.where(_points.c.channel_code == channel_code)
        return [
            PointOfSale(r.code, r.name, r.channel_code, r.number)
            for r in self._session.execute(query)
        ]

    # --- helpers -------------------------------------------------------------------------

    def _write_modes(self, channel: SalesChannel) -> None:
        rows = [
            {"channel_code": channel.code, "delivery_mode_code": mode, "position": position}
            for position, mode in enumerate(channel.delivery_modes)
        ]
        if rows:
            self._session.execute(insert(_channel_modes), rows)

    def _modes_of(self, codes: list[str]) -> dict[str, tuple[str, ...]]:
        modes: dict[str, list[str]] = {}
        for channel, mode in self._session.execute(
            select(_channel_modes.c.channel_code, _channel_modes.c.delivery_mode_code)
            .where(_channel_modes.c.channel_code.in_(codes))
            .order_by(_channel_modes.c.channel_code, _channel_modes.c.position)
        ):
            modes.setdefault(channel, []).append(mode)
        return {code: tuple(found) for code, found in modes.items()}

    @staticmethod
    def _channel(row: Row[Any], modes: tuple[str, ...]) -> SalesChannel:
        return SalesChannel(
            code=row.code,
            name=row.name,
            type=ChannelType(row.type),
            sells_no_contingent=row.sells_no_contingent,
            cash_float_allowed=row.cash_float_allowed,
            contact_origin_mandatory=row.contact_origin_mandatory,
            default_seat_search=SeatSearchMode(row.default_seat_search),
            max_tickets_per_performance=row.max_tickets_per_performance,
            delivery_modes=modes,
            fee_cap=(
                None
                if row.fee_cap_minor is None
                else Money(row.fee_cap_minor, row.fee_cap_currency)
            ),
            audiences=_codes(row.audiences),
            hold_minutes=row.hold_minutes,
            other_tenders=_codes(row.other_tenders),
        )
