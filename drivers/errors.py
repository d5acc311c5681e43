"""The one error tree of every device.

Each error says whether trying again makes sense (``retryable``) and whether a person must do
something first (``needs_attention``: paper, cover, jam). The UI maps them to messages.

DeviceError
├── DeviceUnavailable   cannot reach the device (no libusb: "USB unavailable", refused, unplugged)
├── DeviceBusy          another client holds it (Boca printers accept one TCP connection)
├── DeviceTimeout       no answer within the deadline; the outcome of the last command is unknown
├── DeviceFault         the device reports a condition a person must fix (paper out, cover open)
├── ProtocolError       bytes that do not follow the protocol (garbled status, bad checksum)
└── DeviceConfigError   the configuration names something impossible (unknown driver, bad URI)
"""

from __future__ import annotations

from domain.errors import GuichetError


class DeviceError(GuichetError):
    retryable: bool = False
    needs_attention: bool = False

    def __init__(self, message: str, *, device: str = "") -> None:
        super().__init__(message)
        self.device = device


class DeviceUnavailable(DeviceError):
    retryable = True


class DeviceBusy(DeviceError):
    retryable = True


class DeviceTimeout(DeviceError):
    retryable = True


class DeviceFault(DeviceError):
    retryable = True
    needs_attention = True


class ProtocolError(DeviceError):
    retryable = False


class DeviceConfigError(DeviceError):
    retryable = False
