"""The main window: the login screen, then the screens the operator's role offers.

Ctrl+L locks the till at once; so does the idle timer after the configured minutes without a
key press or a click. Locking returns to the login screen with the operator preselected.
The window owns the station's chores (`app.ui.chores`: expired options, codes of abandoned
carts), run as it opens and then periodically for as long as it is open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.services.after_sale import AfterSaleServices
from app.services.browsing import TillContext
from app.services.devices import DevicesService
from app.services.options import OptionServices
from app.services.printing import PrintingServices
from app.services.selling import SellingServices
from app.services.syncing import SyncServices
from app.services.till import TillServices
from app.ui.chores import StationChores
from app.ui.devices.devices_screen import DevicesScreen
from app.ui.devices.scanner_filter import ScanHub
from app.ui.login.login_screen import LoginScreen
from app.ui.operators.operators_screen import OperatorsScreen
from app.ui.orders.orders_screen import OrdersScreen
from app.ui.performances.list_screen import PerformanceListScreen
from app.ui.performances.performance_page import PerformancePageScreen
from app.ui.plans.plans_screen import PlansScreen
from app.ui.printers.printers_screen import PrintersScreen
from app.ui.sale.sale_screen import CounterServices, SaleScreen
from app.ui.server_link import ServerLinkScreen
from app.ui.sync_status import SyncStatusLabel
from app.ui.tasks import Lane
from app.ui.till.session_screen import TillSessionScreen
from app.ui.till.status import SessionStatusLabel
from domain.operators import Operator, Role, Screen, screens_for
from domain.training import TrainingMode

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}

log = logging.getLogger(__name__)


class IdleWatcher(QObject):
    """Fires `timeout` after a quiet period; any key, click, wheel or touch restarts it."""

    def __init__(self, minutes: float, on_idle: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(on_idle)  # type: ignore[arg-type]
        self.enabled = minutes > 0

    def start(self) -> None:
        if self.enabled:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


@dataclass(frozen=True)
class Facades:
    """What the screens act through: the till's use cases, and its devices when it has them."""

    services: TillServices
    printing: PrintingServices | None = None
    devices: DevicesService | None = None
    selling: SellingServices | None = None  # the counter sale; without it the page only shows
    syncing: SyncServices | None = None  # the link with the central server
    after_sale: AfterSaleServices | None = None  # F2: find, refunds, reprints
    counter: CounterServices | None = None  # the cart's codes and contact


class WorkArea(QWidget):
    """The screens of one logged-in operator, with a list to move between them."""

    def __init__(
        self,
        facades: Facades,
        lane: Lane,
        operator: Operator,
        timezone: ZoneInfo,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workArea")
        self._facades = facades
        self._lane = lane
        self._operator = operator
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setMaximumWidth(220)
        self.nav.setMinimumWidth(170)
        self.nav.setAccessibleName(self.tr("Screens"))
        self.stack = QStackedWidget()
        self.screens: dict[Screen, QWidget] = {}
        self.performance_page: PerformancePageScreen | None = None
        self.sale_screen: SaleScreen | None = None
        for screen in screens_for(operator.role):
            built = self._build(screen, timezone, today)
            if built is None:  # a station without devices offers no device screens
                continue
            widget, title = built
            self.screens[screen] = widget
            self.stack.addWidget(widget)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, screen)
            item.setSizeHint(QSize(0, 44))
            self.nav.addItem(item)
        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._switch)
        self.nav.setCurrentRow(0)
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, activated=self.show_till_session)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, activated=self.show_orders)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, activated=self.show_pick_up)

    def show_pick_up(self) -> bool:
        """F8: the orders screen with the keyboard in its pick-up field (scan an option)."""
        if not self.show_orders():
            return False
        screen = self.screens[Screen.ORDERS]
        assert isinstance(screen, OrdersScreen)
        if screen.pick_up is None:
            return False
        screen.pick_up.query.setFocus()
        return True

    def show_orders(self, scanned: str | None = None) -> bool:
        """F2 (or a scan outside the payment): the orders screen, with what was scanned."""
        screen = self.screens.get(Screen.ORDERS)
        if not isinstance(screen, OrdersScreen):
            return False
        self.nav.setCurrentRow(list(self.screens).index(Screen.ORDERS))
        if scanned is not None:
            screen.find(scanned)
        return True

    def scanned(self, code: str) -> None:
        """A scan from any screen finds its order, except while a customer pays (a gift
        card's code then goes to the payment panel) or a code scanned on the cart (its code
        field; what is no code comes back here by `SaleScreen.unknown_scan`)."""
        sale = self.sale_screen
        if sale is not None and sale.modes.currentWidget() is sale.payment and sale.isVisible():
            return
        if sale is not None and sale.takes_scan(code):
            return
        self.show_orders(code)

    def show_till_session(self) -> None:
        """F10: the till session screen, for the roles that have it."""
        if Screen.TILL_SESSION in self.screens:
            self.nav.setCurrentRow(list(self.screens).index(Screen.TILL_SESSION))

    def _build(self, screen: Screen, timezone: ZoneInfo, today: date) -> tuple[QWidget, str] | None:
        services, lane, operator = self._facades.services, self._lane, self._operator
        if screen is Screen.PERFORMANCES:
            container = QStackedWidget()
            listing = PerformanceListScreen(services, lane, timezone, today)
            page = PerformancePageScreen(services, lane)
            shown: QWidget = page
            sells = operator.role in (Role.CASHIER, Role.SUPERVISOR)
            if self._facades.selling is not None and sells:  # the page becomes the sale screen
                shown = SaleScreen(
                    page,
                    self._facades.selling,
                    services,
                    lane,
                    operator.id,
                    self._facades.devices,
                    self._facades.printing,
                    counter=self._facades.counter,
                )
                shown.unknown_scan.connect(self.show_orders)
                self.sale_screen = shown
            container.addWidget(listing)
            container.addWidget(shown)
            listing.open_performance.connect(
                lambda pid: (page.load(pid), container.setCurrentWidget(shown))
            )
            page.back.connect(
                lambda: (container.setCurrentWidget(listing), listing.table.setFocus())
            )
            container.setProperty("load", listing.load)
            self.performance_list = listing
            self.performance_page = page
            return container, self.tr("Performances")
        if screen is Screen.TILL_SESSION:
            till_screen = TillSessionScreen(
                services,
                lane,
                operator,
                printing=self._facades.printing,
                devices=self._facades.devices,
                timezone=timezone.key,
            )
            return till_screen, self.tr("Till session (F10)")
        if screen is Screen.ORDERS:
            if self._facades.after_sale is None:
                return None
            orders = OrdersScreen(
                self._facades.after_sale,
                services,
                lane,
                operator,
                timezone,
                selling=self._facades.selling,
                devices=self._facades.devices,
            )
            return orders, self.tr("Orders (F2)")
        if screen is Screen.OPERATORS:
            return OperatorsScreen(services, lane, operator), self.tr("Operators")
        if screen is Screen.PLANS:
            return PlansScreen(services, lane), self.tr("Plan files")
        if screen is Screen.SERVER:
            if self._facades.syncing is None:
                return None
            return ServerLinkScreen(self._facades.syncing, lane, timezone), self.tr("Server")
        if screen is Screen.PRINTERS:
            if self._facades.printing is None:
                return None
            printers = PrintersScreen(self._facades.printing, lane, operator_name=operator.name)
            return printers, self.tr("Printers")
        if self._facades.devices is None:
            return None
        return DevicesScreen(self._facades.devices, operator), self.tr("Devices")

    def _switch(self, row: int) -> None:
        item = self.nav.item(row)
        if item is None:
            return
        widget = self.screens[item.data(Qt.ItemDataRole.UserRole)]
        self.stack.setCurrentWidget(widget)
        loader = widget.property("load") or getattr(widget, "load", None)
        if callable(loader):
            loader()


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: TillServices,
        language: str,
        idle_lock_minutes: float,
        timezone: ZoneInfo,
        printing: PrintingServices | None = None,
        devices: DevicesService | None = None,
        parent: QWidget | None = None,
        selling: SellingServices | None = None,
        syncing: SyncServices | None = None,
        after_sale: AfterSaleServices | None = None,
        counter: CounterServices | None = None,
        options: OptionServices | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.facades = Facades(services, printing, devices, selling, syncing, after_sale, counter)
        self.timezone = timezone
        self.scans = ScanHub(self)
        self.scans.scanned.connect(self._scanned)
        self.lane = Lane("database", self)
        self.operator: Operator | None = None
        self.last_scan: str | None = None
        self.till: TillContext | None = None
        self.work: WorkArea | None = None
        self.setObjectName("mainWindow")
        self.resize(1366, 768)

        self.stack = QStackedWidget()
        self.login = LoginScreen(services, self.lane, language, timezone=timezone)
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self.status_till = QLabel()
        self.status_till.setMinimumWidth(260)
        self.status_operator = QLabel()
        self.statusBar().addWidget(self.status_till)
        self.status_session = SessionStatusLabel(services, self.lane)
        self.statusBar().addWidget(self.status_session)
        self.statusBar().addWidget(self.status_operator, 1)
        self.status_sync = (
            None if syncing is None else SyncStatusLabel(syncing, self.lane, timezone)
        )
        if self.status_sync is not None:
            self.statusBar().addPermanentWidget(self.status_sync)
        # Training mode (domain.training): always in sight while it is on.
        self.status_training = QLabel()
        self.status_training.setObjectName("trainingBanner")
        self.status_training.setStyleSheet("color: white; background: #b00020; padding: 2px 8px;")
        self.status_training.hide()
        self.statusBar().addPermanentWidget(self.status_training)
        self.training: TrainingMode | None = None

        self.idle = IdleWatcher(idle_lock_minutes, self.lock, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.installEventFilter(self.scans.wedge)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        QShortcut(QKeySequence("Ctrl+Shift+T"), self, activated=self.toggle_training)
        self.login.logged_in.connect(self._logged_in)
        self._retitle()
        self.lane.submit(services.till, self._till_known, self._till_unknown, owner=self)
        self.lane.submit(services.training, self._training_known, owner=self)
        self.login.refresh()
        # What the station does by itself while it runs, logged in or not (app.ui.chores).
        self.chores = StationChores(
            self.lane, options, None if counter is None else counter.advantages, self
        )
        self.chores.start()

    def _retitle(self) -> None:
        self.setWindowTitle(self.tr("Guichet"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retitle()
            self._show_status()
        super().changeEvent(event)

    def _till_known(self, till: TillContext) -> None:
        self.till = till
        self._show_status()

    def _till_unknown(self, error: BaseException) -> None:
        from app.ui.errors import message_for

        self.status_till.setText(message_for(error))

    def _show_status(self) -> None:
        if self.till is not None:
            self.status_till.setText(f"{self.till.point_of_sale_name} · {self.till.channel.name}")
        if self.training is not None:
            self.status_training.setText(
                self.tr("TRAINING: nothing sold is real (supervisor: %1)").replace(
                    "%1", self.training.supervisor_name
                )
            )
        self.status_training.setVisible(self.training is not None)
        if self.operator is None:
            self.status_operator.setText(self.tr("Locked: log in to use the till"))
        else:
            self.status_operator.setText(
                self.tr("Operator: %1 (Ctrl+L to lock)").replace("%1", self.operator.name)
            )

    def _training_known(self, mode: TrainingMode | None) -> None:
        self.training = mode
        self._show_status()

    def toggle_training(self) -> None:
        """Ctrl+Shift+T: a supervisor puts the till into training mode, or back to real sales."""
        operator = self.operator
        if operator is None or operator.role is not Role.SUPERVISOR:
            self.statusBar().showMessage(
                self.tr("Only a supervisor starts or ends training mode."), 8000
            )
            return
        services = self.services

        def switch() -> TrainingMode | None:
            if services.training() is None:
                return services.start_training(operator)
            services.end_training(operator)
            return None

        self.lane.submit(switch, self._training_known, self._training_failed, owner=self)

    def _training_failed(self, error: BaseException) -> None:
        from app.ui.errors import message_for

        self.statusBar().showMessage(message_for(error), 8000)

    def _logged_in(self, operator: Operator) -> None:
        self.operator = operator
        if self.work is not None:
            self.stack.removeWidget(self.work)
            self.work.deleteLater()
        today = self.services.clock.now().astimezone(self.timezone).date()
        self.work = WorkArea(self.facades, self.lane, operator, self.timezone, today)
        if self.work.sale_screen is not None:  # a gift card scanned while the customer pays
            self.scans.scanned.connect(self.work.sale_screen.scanned)
        self.stack.addWidget(self.work)
        self.stack.setCurrentWidget(self.work)
        self.work.nav.setFocus()
        self._show_status()
        self.idle.start()

    def _scanned(self, code: str, source: str) -> None:
        """Every scan of the till arrives here, whatever screen has the focus."""
        if self.operator is None:
            self.statusBar().showMessage(self.tr("Scan ignored: log in first."), 5000)
            return
        self.statusBar().showMessage(self.tr("Scanned: %1").replace("%1", code), 8000)
        self.last_scan = code
        if self.work is not None:
            self.work.scanned(code)

    def lock(self) -> None:
        """Back to the login screen; the next login rebuilds the screens for its operator."""
        if self.operator is None:
            return
        leaving = self.operator
        keep = leaving.id
        self.operator = None
        # The fiscal journal records the log-out (Ctrl+L, the idle lock, a change of operator).
        self.lane.submit(lambda: self.services.log_out(leaving), None, self._log_out_failed)
        self.idle.stop()
        if self.work is not None:
            self.stack.removeWidget(self.work)
            self.work.deleteLater()
            self.work = None
        self.stack.setCurrentWidget(self.login)
        self._show_status()
        self.login.refresh(keep_operator=keep)

    def _log_out_failed(self, error: BaseException) -> None:
        log.warning("the log-out could not be journaled", exc_info=error)

    def closeEvent(self, event: object) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
            app.removeEventFilter(self.scans.wedge)
        self.chores.stop()
        self.lane.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]

    @property
    def role(self) -> Role | None:
        return None if self.operator is None else self.operator.role
