"""The cashier client: composition root, use cases, persistence and Qt screens."""
