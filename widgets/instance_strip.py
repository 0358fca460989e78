"""The fleet one instance at a time: a compact chip per instance, coloured by whether it serves.

"In service" to Auto Scaling is not "serving" to the load balancer: a new instance is InService
minutes before its target is healthy. The chip shows the difference (warming up) because that is
the delay operators misjudge during a scale-out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from console.snapshots import InstanceInfo
from widgets.theme import set_style_property

COLUMNS = 4
MAX_CHIPS = 16


def instance_state(info: InstanceInfo) -> tuple[str, str]:
    """(words for the operator, colour key for the stylesheet)."""
    lifecycle = info.lifecycle_state
    if lifecycle.startswith("Pending"):
        return QCoreApplication.translate("InstanceStrip", "launching"), "pending"
    if lifecycle.startswith("Terminat"):
        return QCoreApplication.translate("InstanceStrip", "terminating"), "gone"
    if lifecycle.startswith(("Detach", "Standby", "EnteringStandby")):
        return lifecycle.lower(), "gone"
    if info.health_status == "Unhealthy":
        return QCoreApplication.translate("InstanceStrip", "unhealthy"), "unhealthy"
    target = info.target_health
    if target is None or target == "initial":
        return QCoreApplication.translate("InstanceStrip", "warming up"), "warming"
    if target == "healthy":
        return QCoreApplication.translate("InstanceStrip", "healthy"), "healthy"
    if target == "draining":
        return QCoreApplication.translate("InstanceStrip", "draining"), "gone"
    if target == "unused":
        return QCoreApplication.translate("InstanceStrip", "unused"), "gone"
    return target, "unhealthy"


def short_id(instance_id: str) -> str:
    """The tail of the id: unique enough within one group, short enough for a chip."""
    return instance_id if len(instance_id) <= 8 else "…" + instance_id[-6:]


class InstanceStrip(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instanceStrip")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(3)
        self._chips: list[QLabel] = []
        self._more = QLabel("", self)
        self._more.setObjectName("instanceMore")
        self._stale = False

    def set_instances(self, instances: tuple[InstanceInfo, ...]) -> None:
        """Sorted so that problems come first: they are what the eye should land on."""
        order = {"unhealthy": 0, "warming": 1, "pending": 2, "healthy": 3, "gone": 4}
        ranked = sorted(instances, key=lambda i: (order[instance_state(i)[1]], i.instance_id))
        shown = ranked[:MAX_CHIPS]
        while len(self._chips) < len(shown):
            chip = QLabel(self)
            chip.setObjectName("instanceChip")
            chip.setTextFormat(Qt.TextFormat.PlainText)
            self._grid.addWidget(chip, len(self._chips) // COLUMNS, len(self._chips) % COLUMNS)
            self._chips.append(chip)
        for chip, info in zip(self._chips, shown, strict=False):
            words, key = instance_state(info)
            cpu = "" if info.cpu_percent is None else f" {info.cpu_percent:.0f}%"
            chip.setText(f"{short_id(info.instance_id)} {words}{cpu}")
            chip.setToolTip(self.tr("{id}\nAuto Scaling: {lifecycle}, {health}\nload balancer: {target}").format(
                id=info.instance_id, lifecycle=info.lifecycle_state, health=info.health_status,
                target=info.target_health or self.tr("not registered")))
            set_style_property(chip, "health", key)
            set_style_property(chip, "stale", "true" if self._stale else "false")
        for index, chip in enumerate(self._chips):
            chip.setVisible(index < len(shown))
        hidden = len(ranked) - len(shown)
        self._more.setText(self.tr("+ {count} more").format(count=hidden) if hidden else "")
        self._grid.removeWidget(self._more)
        self._grid.addWidget(self._more, (len(shown) + COLUMNS - 1) // COLUMNS, 0, 1, COLUMNS)
        self._more.setVisible(bool(hidden))

    def set_stale(self, stale: bool) -> None:
        self._stale = stale
        for chip in self._chips:
            set_style_property(chip, "stale", "true" if stale else "false")

    @property
    def chip_texts(self) -> list[str]:
        return [chip.text() for chip in self._chips if chip.isVisibleTo(self)]

    def chip_health(self) -> list[str]:
        return [str(chip.property("health")) for chip in self._chips if chip.isVisibleTo(self)]
