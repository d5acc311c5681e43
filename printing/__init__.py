"""Tickets, receipts and report pages onto paper: document data (`data`), layouts as JSON
(`layouts`), and pure renderers to ESC/POS (`escpos`), Boca FGL (`fgl`) and PDF (`pdf`), with
replays that turn bytes back into pictures (`replay_escpos`, `replay_fgl`, `preview`).

Nothing here opens a device, a file for writing, or the till's database, and nothing imports
Qt or the client: drivers send the bytes, the client stores the jobs.
"""
