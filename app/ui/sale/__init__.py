"""The counter sale's screens: the cart beside the performance page's plan, and the payment
panel (F12)."""
