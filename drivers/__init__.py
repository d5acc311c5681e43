"""Device drivers: one small interface per role, protocols built apart from transports.

Nothing here imports Qt or the till's database; the client wires drivers to its lanes and
records what they report.
"""
