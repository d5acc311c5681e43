"""ZVT (PA00P015), the card-terminal protocol of Germany, Austria and Switzerland, till's side:
fields, APDUs, serial framing, the link layer, the driver and the reconciliation rules.

Bytes are built in `fields`, `apdu` and `framing`, apart from being sent (`link`,
`terminal`); nothing here imports Qt or the till's database.
"""
