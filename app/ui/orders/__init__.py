"""After the sale (F2): find an order, refund its tickets, reprint one as DUPLICATA."""
