"""A horizontal gauge of one group's weekly sets against its landmark bands (DOMAIN §2 colours)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from models.rules.domain import Landmarks, Status, landmark_bands, volume_status
from ui.domain_text import status_name
from ui.locale_text import number
from ui.theme import status_colour


class VolumeGauge(QWidget):
    """Faint landmark bands, a solid bar for done sets, a tick for planned sets."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sets = 0.0
        self.planned: float | None = None
        self.landmarks = Landmarks(0, 0, 0, 0, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # From the font, like the text beside it: a row of a larger font keeps its proportions.

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 30, self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 14, self.sizeHint().height())

    def set_values(self, sets: float, landmarks: Landmarks, planned: float | None = None) -> None:
        self.sets, self.landmarks, self.planned = sets, landmarks, planned
        self.setToolTip(self.describe())
        self.update()

    @property
    def status(self) -> Status:
        return volume_status(self.sets, self.landmarks)

    def describe(self) -> str:
        lm = self.landmarks
        text = self.tr("{sets} sets — {status} (MV {mv}, MEV {mev}, MAV {mav_low}–{mav_high}, "
                       "MRV {mrv})").format(
            sets=number(self.sets), status=status_name(self.status), mv=lm.mv, mev=lm.mev,
            mav_low=lm.mav_low, mav_high=lm.mav_high, mrv=lm.mrv)
        if self.planned is not None:
            text += self.tr("; planned {sets}").format(sets=number(self.planned))
        return text


    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bands = landmark_bands(self.landmarks)
        scale_max = bands[-1][1] if bands else 1
        width, height = self.width() - 1, self.height() - 1

        def x_of(sets: float) -> float:
            return min(sets, scale_max) / scale_max * width

        for lo, hi, status in bands:
            colour = status_colour(status)
            colour.setAlpha(55)
            painter.fillRect(QRectF(x_of(lo), 0, x_of(hi) - x_of(lo), height), colour)
        bar = QRectF(0, height * 0.25, x_of(self.sets), height * 0.5)
        painter.fillRect(bar, status_colour(self.status))
        if self.planned is not None:
            painter.setPen(QPen(self.palette().windowText().color(), 2))
            x = x_of(self.planned)
            painter.drawLine(int(x), 0, int(x), height)
        painter.end()
