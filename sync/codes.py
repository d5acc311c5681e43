"""The wire models of single-use advantage codes (seed 004): a till claims a code for a sale
before it discounts the sale, so a code is used at most once on every till. Plain pydantic."""

from __future__ import annotations

from pydantic import Field

from sync.protocol import ServerResponse, Wire


class CodeClaimRequest(Wire):
    """``sale``: the id of the sale (the till's cart) the code is for; asking again for the
    same sale is not a second use."""

    sale: str = Field(min_length=1, max_length=64)


class CodeClaimResponse(ServerResponse):
    code: str
    advantage: str  # the advantage the code is for
    sale: str
    claimed: bool  # redeem: True (it is this sale's); release: False once given back
