"""Printer drivers: ESC/POS (receipts, tickets on a roll) and Boca FGL (ticket stock), each
sending bytes that `printing/` built, reporting status and the outcome of every job."""
