"""USB bulk endpoints through pyusb, with write and read deadlines.

Without libusb, pyusb raises NoBackendError: that becomes DeviceUnavailable("USB unavailable
…"), never a crash, so a till without libusb still starts and says why a USB printer is off.
python-escpos's Usb waits forever by default (timeout=0) and resets the device on every open;
this transport opens once, claims the interface, and gives every transfer a deadline.
Permission errors on Linux need a udev rule (installer/); the message says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drivers.errors import DeviceBusy, DeviceTimeout, DeviceUnavailable
from drivers.transports.base import WireLog

Finder = Callable[..., Any]


def _default_finder(**kwargs: Any) -> Any:
    import usb.core

    return usb.core.find(**kwargs)


class UsbTransport:
    def __init__(
        self,
        vendor_id: int,
        product_id: int,
        *,
        interface: int = 0,
        log: WireLog | None = None,
        name: str = "",
        finder: Finder | None = None,
    ) -> None:
        self.vendor_id = vendor_id
        self.product_id = product_id
        self.interface = interface
        self.description = f"usb://{vendor_id:#06x}:{product_id:#06x}"
        self._log = log
        self._name = name
        self._find = finder or _default_finder
        self._device: Any = None
        self._out: Any = None
        self._in: Any = None

    @property
    def is_open(self) -> bool:
        return self._device is not None

    def open(self, timeout: float) -> None:
        if self._device is not None:
            return
        try:
            import usb.core
            import usb.util
        except ImportError:  # pragma: no cover - pyusb is a dependency
            raise DeviceUnavailable("USB unavailable: pyusb is not installed") from None
        try:
            device = self._find(idVendor=self.vendor_id, idProduct=self.product_id)
        except usb.core.NoBackendError:
            raise DeviceUnavailable(
                "USB unavailable: libusb is not installed on this computer", device=self._name
            ) from None
        except usb.core.USBError as error:
            raise DeviceUnavailable(f"USB unavailable: {error}", device=self._name) from None
        if device is None:
            raise DeviceUnavailable(
                f"no USB device {self.vendor_id:04x}:{self.product_id:04x} is plugged in",
                device=self._name,
            )
        try:
            try:
                if device.is_kernel_driver_active(self.interface):
                    device.detach_kernel_driver(self.interface)  # usblp holds printers
            except (NotImplementedError, usb.core.USBError):
                pass  # not on this platform, or nothing attached
            configuration = device.get_active_configuration()
            if configuration is None:
                device.set_configuration()
                configuration = device.get_active_configuration()
            setting = configuration[(self.interface, 0)]
            self._out = usb.util.find_descriptor(
                setting,
                custom_match=lambda e: (
                    usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_OUT
                ),
            )
            self._in = usb.util.find_descriptor(
                setting,
                custom_match=lambda e: (
                    usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_IN
                ),
            )
            usb.util.claim_interface(device, self.interface)
        except usb.core.USBError as error:
            if getattr(error, "errno", None) == 13:
                raise DeviceUnavailable(
                    f"access to {self.description} denied: install the udev rule",
                    device=self._name,
                ) from None
            if getattr(error, "errno", None) == 16:
                raise DeviceBusy(
                    f"{self.description} is used by another program", device=self._name
                ) from None
            raise DeviceUnavailable(f"USB unavailable: {error}", device=self._name) from None
        if self._out is None:
            raise DeviceUnavailable(f"{self.description} has no output endpoint", device=self._name)
        self._device = device

    def close(self) -> None:
        device, self._device = self._device, None
        if device is None:
            return
        try:
            import usb.util

            usb.util.release_interface(device, self.interface)
            usb.util.dispose_resources(device)
        except Exception:
            pass

    def write(self, data: bytes, timeout: float) -> None:
        import usb.core

        if self._device is None:
            raise DeviceUnavailable(f"{self.description} is not open", device=self._name)
        try:
            written = self._out.write(data, timeout=max(1, int(timeout * 1000)))
        except usb.core.USBTimeoutError:
            raise DeviceTimeout(
                f"{self.description} took more than {timeout:g} s to accept the data",
                device=self._name,
            ) from None
        except usb.core.USBError as error:
            self.close()
            raise DeviceUnavailable(f"{self.description} failed: {error}") from None
        if self._log is not None:
            self._log.add("out", data[:written])

    def read(self, size: int, timeout: float) -> bytes:
        import usb.core

        if self._device is None:
            raise DeviceUnavailable(f"{self.description} is not open", device=self._name)
        if self._in is None:
            return b""  # a printer without a status channel
        try:
            data = bytes(self._in.read(size, timeout=max(1, int(timeout * 1000))))
        except usb.core.USBTimeoutError:
            return b""
        except usb.core.USBError as error:
            self.close()
            raise DeviceUnavailable(f"{self.description} failed: {error}") from None
        if data and self._log is not None:
            self._log.add("in", data)
        return data
