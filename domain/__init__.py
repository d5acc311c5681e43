"""Box-office rules shared by the till and the server: plain Python, no I/O, no clock calls."""
