"""A till's refund and reprint go up to the real server (uvicorn over TLS, PostgreSQL) as
events of their own, after the sale they correct, once each; the server keeps them and the
till's journal chain verifies through them. (What the server then does with them — seats
freed, barcodes voided — is tested in `test_till_after_sale`.)"""

from __future__ import annotations

from sqlalchemy import select

from app.services.after_sale import AfterSaleServices
from server import tables as t

from .conftest import RunningServer
from .test_till_upload import DemoTill, demo_till, stored_events, template  # noqa: F401


def test_a_refund_and_a_reprint_go_up_after_their_sale_once_each(
    server: RunningServer,
    demo_till: DemoTill,  # noqa: F811
) -> None:
    till = demo_till
    sale = till.sell(3)
    after = AfterSaleServices(till.services.uow_factory, till.clock, "G1", till.services.hasher)
    with till.services.uow_factory(read_only=True) as uow:
        supervisor = uow.operators.get("OP-SUPERVISOR")
        tickets = uow.after_sale.tickets(sale)
    refund = after.refund(sale, [tickets[0].number], "ill", supervisor)
    reprint = after.reprint(sale, tickets[1].number, "damaged", supervisor)
    till.enroll(server)
    link = till.syncing.link()
    assert link is not None
    report = till.syncing.upload()
    assert report.error == "" and report.acked_through_seq == 3
    assert stored_events(server, link.device_id) == [sale, refund.correction.id, reprint.reprint.id]
    with server.engine.connect() as conn:
        kinds = list(
            conn.execute(
                select(t.device_event.c.kind)
                .where(t.device_event.c.device_id == link.device_id)
                .order_by(t.device_event.c.device_seq)
            ).scalars()
        )
        verified = conn.scalar(
            select(t.device.c.journal_seq).where(t.device.c.id == link.device_id)
        )
    assert kinds == ["sale", "refund", "reprint"]
    with till.services.uow_factory(read_only=True) as uow:
        head = uow.journal.head("G1")
    assert head is not None and verified == head.seq
    till.syncing.store.acknowledge(0, 0)  # the answer was lost: all sent again, kept once
    assert till.syncing.upload().acked_through_seq == 3
    assert len(stored_events(server, link.device_id)) == 3
