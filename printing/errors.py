"""The errors of the printing package: a document that cannot be printed, a bad layout.

RenderError       the data cannot be put on paper as asked (a legal mention missing, a
                  barcode value its symbology cannot hold); the message says which field
└── MissingMention   a ticket lacks a mention French ticketing law requires
LayoutError       a layout file is malformed or names an unknown field; the message says where
ReplayError       bytes given to a replay (simulator, preview) do not follow the protocol
"""

from __future__ import annotations

from domain.errors import GuichetError


class RenderError(GuichetError, ValueError):
    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class MissingMention(RenderError):
    pass


class LayoutError(GuichetError, ValueError):
    def __init__(self, message: str, *, place: str = "") -> None:
        super().__init__(f"{place}: {message}" if place else message)
        self.place = place


class ReplayError(ValueError):
    pass
