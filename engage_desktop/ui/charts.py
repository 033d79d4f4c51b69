"""pyqtgraph charts: bars with a line on a second axis, and hover that shows exact values.

One plot item per series (not per bar). Month axes get our own tick labels
(2024年1月), since pyqtgraph's date axis writes English month names.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

pg.setConfigOptions(antialias=True, background="w", foreground="#333333")

BAR = QColor(70, 130, 180)
BAR_NEGATIVE = QColor(200, 90, 80)
LINE = QColor(230, 126, 34)
Fmt = Callable[[float], str]


def _plain(value: float) -> str:
    return f"{value:,.0f}"


class FormattedAxis(pg.AxisItem):
    """An axis whose tick labels go through our formatter (¥1,200,000 instead of 1.2e+06).

    ``unit``: the smallest step the formatter shows (1 for whole counts). Ticks between
    units are dropped: a tick at 1.5 labelled "2" beside the real 2 misreads the chart."""

    def __init__(self, orientation: str, formatter: Fmt = _plain, unit: float | None = 1.0) -> None:
        super().__init__(orientation)
        self.formatter = formatter
        self.unit = unit
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802
        levels = super().tickValues(minVal, maxVal, size)
        if not self.unit:
            return levels
        unit = self.unit
        kept = [(spacing, [v for v in values if abs(v / unit - round(v / unit)) < 1e-6]) for spacing, values in levels]
        return [(max(spacing, unit), values) for spacing, values in kept if values]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - pyqtgraph API
        return [self.formatter(v * scale) for v in values]


def month_position(months: Sequence[dt.date], day: dt.date) -> float | None:
    """Where ``day`` falls on a chart of monthly bars (bar i spans i - 0.5 .. i + 0.5), None off the chart."""
    month = day.replace(day=1)
    if month not in months:
        return None
    return list(months).index(month) - 0.5 + (day.day - 1) / calendar.monthrange(month.year, month.month)[1]


class BarLineChart(QWidget):
    """Bars on the left axis, an optional line on the right axis; hover shows both values."""

    clicked = Signal(int)  # index of the bar/point clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left_axis = FormattedAxis("left")
        self.right_axis = FormattedAxis("right")
        self.plot = pg.PlotWidget(axisItems={"left": self.left_axis, "right": self.right_axis})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(y=True, alpha=0.2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.item = self.plot.getPlotItem()
        self.right = pg.ViewBox()
        self.right.setMenuEnabled(False)  # pyqtgraph's own menu speaks English only; the window exports charts
        self.item.scene().addItem(self.right)
        # Above the plot with the bars: added to the scene beside it, the line was drawn behind the bars, and a
        # month's point inside a bar could not be seen. On top, it must not pan or zoom on a drag either.
        self.right.setZValue(self.item.zValue() + 1)
        self.right.setMouseEnabled(x=False, y=False)
        self.item.getAxis("right").linkToView(self.right)
        self.right.setXLink(self.item)
        self.item.vb.sigResized.connect(self._sync)
        self.bars: pg.BarGraphItem | None = None
        self.line: pg.PlotDataItem | None = None
        self.labels: list[str] = []
        self.bar_values: list[float | None] = []
        self.line_values: list[float | None] = []
        self.bar_name = self.line_name = ""
        self.bar_fmt: Fmt = _plain
        self.line_fmt: Fmt = _plain
        self._extra: list[pg.GraphicsObject] = []
        self.line_margins: list[float | None] = []  # add_error_bars: each line point's margin, for the hover
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.scene().sigMouseClicked.connect(self._click)
        for axis in ("left", "bottom", "right"):
            self.item.getAxis(axis).setTickFont(QFont(self.font().family(), 9))

    def _sync(self) -> None:
        self.right.setGeometry(self.item.vb.sceneBoundingRect())
        self.right.linkedViewChanged(self.item.vb, self.right.XAxis)

    def set_data(self, labels: Sequence[str], bars: Sequence[float | None] | None, *, bar_name: str = "",
                 line: Sequence[float | None] | None = None, line_name: str = "", bar_fmt: Fmt = _plain,
                 line_fmt: Fmt = _plain, line_on_right: bool = True, label_every: int = 1,
                 line_range: tuple[float, float] | None = None, bar_axis_fmt: Fmt = _plain,
                 line_axis_fmt: Fmt = _plain, bar_axis_unit: float | None = 1.0, line_axis_unit: float | None = 1.0) -> None:
        self.clear()
        self.clipped = 0  # line points beyond line_range, drawn at its edge
        self.bands: list[tuple[int, int]] = []  # shaded spans of bars (add_band)
        self.markers: list[tuple[float, str]] = []  # dashed lines with a label (add_marker)
        self.labels = list(labels)
        self.bar_values = list(bars) if bars is not None else []
        self.line_values = list(line) if line is not None else []
        self.bar_name, self.line_name, self.bar_fmt, self.line_fmt = bar_name, line_name, bar_fmt, line_fmt
        self.left_axis.formatter = bar_axis_fmt if bars is not None else line_axis_fmt
        self.left_axis.unit = bar_axis_unit if bars is not None else line_axis_unit
        self.right_axis.formatter, self.right_axis.unit = line_axis_fmt, line_axis_unit
        xs = list(range(len(self.labels)))
        if bars is not None:
            heights = [v or 0 for v in self.bar_values]
            brushes = [pg.mkBrush(BAR_NEGATIVE if h < 0 else BAR) for h in heights]
            self.bars = pg.BarGraphItem(x=xs, height=heights, width=0.7, brushes=brushes, pen=pg.mkPen(None))
            self.item.addItem(self.bars)
        if line is not None and all(v is None for v in self.line_values):
            line = None  # nothing to draw (e.g. no survey answers yet); pyqtgraph cannot bound an all-NaN line
        if line is not None:
            target = self.right if (line_on_right and bars is not None) else self.item
            ys = [float("nan") if v is None else float(v) for v in self.line_values]
            symbols = ["o"] * len(ys)
            if line_range:  # an outlier is drawn at the axis' edge as ▲/▼; hovering still gives its value
                low, high = line_range
                symbols = ["t1" if y > high else "t" if y < low else "o" for y in ys]
                ys = [min(max(y, low), high) if y == y else y for y in ys]
            self.clipped = sum(symbol != "o" for symbol in symbols)
            self.line = pg.PlotDataItem(xs, ys, pen=pg.mkPen(LINE, width=2.5), symbol=symbols,
                                        symbolSize=[11 if symbol != "o" else 7 for symbol in symbols],
                                        symbolBrush=LINE, symbolPen=None, connect="finite")
            target.addItem(self.line)
            if target is self.right:
                self.item.showAxis("right")
                self.item.getAxis("right").setLabel(line_name, color=LINE.name())
                if line_range:
                    self.right.setYRange(*line_range)
                else:
                    self.right.enableAutoRange(axis="y")
            elif line_range:
                self.item.setYRange(*line_range)
        if bars is None or line is None:
            self.item.hideAxis("right")
        if bar_name and bars is not None:
            self.item.getAxis("left").setLabel(bar_name)
        ticks = [(i, text) for i, text in enumerate(self.labels) if i % max(1, label_every) == 0]
        self.item.getAxis("bottom").setTicks([ticks])
        self.item.setXRange(-0.6, max(len(xs) - 0.4, 0.4), padding=0)
        if bars is not None:
            low = min([0.0, *[h for h in heights]])
            high = max([0.0, *[h for h in heights]])
            self.item.setYRange(low, high * 1.12 if high > 0 else 1, padding=0)
        self._sync()

    def add_band(self, first: int, last: int, color: QColor = QColor(46, 139, 87, 40)) -> None:
        """A shaded band behind the bars from bar ``first`` to bar ``last`` (a round reached)."""
        band = pg.LinearRegionItem((first - 0.5, last + 0.5), movable=False, brush=pg.mkBrush(color),
                                   pen=pg.mkPen(None))
        band.setZValue(-10)
        self.item.addItem(band)
        self._extra.append(band)
        self.bands.append((first, last))

    def add_marker(self, x: float, text: str, color: QColor = QColor(230, 120, 0)) -> None:
        """A dashed vertical line at ``x`` (bar units: a measure's start within its month) with a label."""
        line = pg.InfiniteLine(pos=x, angle=90, movable=False, pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
                               label=text, labelOpts={"position": 0.93, "color": color, "anchors": [(0, 0.5), (0, 0.5)],
                                                      "rotateAxis": None})
        line.label.setFont(QFont(self.font().family(), 9))
        line.setZValue(5)
        self.item.addItem(line)
        self._extra.append(line)
        self.markers.append((x, text))

    def add_text(self, text: str, x: float, y: float, color: QColor = QColor(40, 40, 40), on_right: bool = False,
                 anchor: tuple[float, float] = (0.5, 1.0)) -> None:
        item = pg.TextItem(text, color=color, anchor=anchor)
        font = QFont(self.font().family(), 10)
        font.setBold(True)
        item.setFont(font)
        item.setPos(x, y)
        (self.right if on_right else self.item).addItem(item)
        self._extra.append(item)

    def add_error_bars(self, values: Sequence[float | None], margins: Sequence[float | None],
                       color: QColor = LINE) -> int:
        """A margin of error as a vertical bar around each point of the line that has both (NPS ± its
        margin), on the line's axis; how many were drawn."""
        self.line_margins = list(margins)
        points = [(x, v, m) for x, (v, m) in enumerate(zip(values, margins)) if v is not None and m is not None]
        if not points:
            return 0
        # One line item drawn in pairs (low, high) per point: pyqtgraph's ErrorBarItem on the second axis
        # crashed the window's paint (a segmentation fault in the surveys view).
        xs = [x for x, _, _ in points for _ in (0, 1)]
        ys = [y for _, v, m in points for y in (v - m, v + m)]
        bars = pg.PlotDataItem(np.array(xs, dtype=float), np.array(ys, dtype=float), connect="pairs",
                               pen=pg.mkPen(color, width=1.2))
        (self.right if self.bars is not None else self.item).addItem(bars)
        self._extra.append(bars)
        return len(points)

    def clear(self) -> None:
        self.item.clear()
        self.right.clear()
        self.bars = self.line = None
        self.line_margins = []
        self._extra.clear()

    def hover_text(self, index: int) -> str:
        """What hovering bar/point ``index`` shows: the label and the exact values."""
        parts = [self.labels[index]]
        if self.bar_values and self.bar_values[index] is not None:
            parts.append(f"{self.bar_name}: {self.bar_fmt(self.bar_values[index])}")
        if self.line_values and self.line_values[index] is not None:
            margin = self.line_margins[index] if index < len(self.line_margins) else None
            parts.append(f"{self.line_name}: {self.line_fmt(self.line_values[index])}"
                         + ("" if margin is None else f" ± {margin:.1f}"))
        return "\n".join(parts)

    def index_at(self, pos: QPointF) -> int | None:
        if not self.labels or not self.item.vb.sceneBoundingRect().contains(pos):
            return None
        x = self.item.vb.mapSceneToView(pos).x()
        index = int(round(x))
        return index if 0 <= index < len(self.labels) and abs(x - index) < 0.45 else None

    def _click(self, event: object) -> None:
        index = self.index_at(event.scenePos())  # type: ignore[attr-defined]
        if index is not None:
            self.clicked.emit(index)

    def _hover(self, pos: QPointF) -> None:
        index = self.index_at(pos)
        if index is not None:
            QToolTip.showText(self.plot.mapToGlobal(self.plot.mapFromScene(pos).toPoint()), self.hover_text(index),
                              self.plot)
        else:
            QToolTip.hideText()


UP = QColor(46, 125, 50)
DOWN = QColor(198, 40, 40)


class UpDownChart(BarLineChart):
    """Per month, a count drawn above zero (moved up) and one below (moved down): two bar series on
    one axis, one plot item each, with a legend; the axis reads counts both ways. A bar of the month
    still running is drawn lighter."""

    def set_moves(self, labels: Sequence[str], ups: Sequence[int], downs: Sequence[int], *, up_name: str,
                  down_name: str, more: Sequence[str] = (), running: int | None = None, label_every: int = 1,
                  count_fmt: Fmt = _plain) -> None:
        self.clear()
        self.clipped, self.bands = 0, []
        self.labels, self.ups, self.downs, self.more = list(labels), list(ups), list(downs), list(more)
        self.up_name, self.down_name, self.count_fmt = up_name, down_name, count_fmt
        self.left_axis.formatter, self.left_axis.unit = (lambda v: count_fmt(abs(v))), 1.0
        self.item.hideAxis("right")
        if self.item.legend is None:
            self.item.addLegend(offset=(8, 4), labelTextSize="9pt")
        xs = list(range(len(self.labels)))
        for values, sign, color, name in ((self.ups, 1, UP, up_name), (self.downs, -1, DOWN, down_name)):
            light = QColor(color)
            light.setAlpha(90)
            brushes = [pg.mkBrush(light if i == running else color) for i in xs]
            self.item.addItem(pg.BarGraphItem(x=xs, height=[sign * v for v in values], width=0.7, brush=color,
                                              brushes=brushes, pen=pg.mkPen(None), name=name))
        ticks = [(i, text) for i, text in enumerate(self.labels) if i % max(1, label_every) == 0]
        self.item.getAxis("bottom").setTicks([ticks])
        self.item.setXRange(-0.6, max(len(xs) - 0.4, 0.4), padding=0)
        high = max([1, *self.ups])
        low = max([1, *self.downs])
        self.item.setYRange(-low * 1.12, high * 1.35, padding=0)  # room above for the legend
        self._sync()

    def hover_text(self, index: int) -> str:
        parts = [self.labels[index], f"{self.up_name}: {self.count_fmt(self.ups[index])}",
                 f"{self.down_name}: {self.count_fmt(self.downs[index])}"]
        if index < len(self.more) and self.more[index]:
            parts.append(self.more[index])
        return "\n".join(parts)


class StackedBar(QWidget):
    """One horizontal bar split into coloured parts (NPS: detractors / passives / promoters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts: list[tuple[str, float, QColor]] = []
        self.setMinimumHeight(34)
        self.setMouseTracking(True)

    def set_parts(self, parts: list[tuple[str, float, QColor]]) -> None:
        self.parts = parts
        self.update()

    def _spans(self) -> list[tuple[int, int, str, float, QColor]]:
        total = sum(v for _, v, _ in self.parts) or 1
        spans, x = [], 0
        for label, value, color in self.parts:
            width = round(self.width() * value / total)
            spans.append((x, width, label, value, color))
            x += width
        return spans

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        for x, width, label, value, color in self._spans():
            painter.fillRect(x, 0, width, self.height(), color)
            text = f"{label} {value:.0f}%"
            if painter.fontMetrics().horizontalAdvance(text) < width - 6:
                painter.setPen(Qt.GlobalColor.white if color.lightness() < 150 else Qt.GlobalColor.black)
                painter.drawText(x, 0, width, self.height(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()

    def hover_text(self, x: int) -> str:
        for left, width, label, value, _ in self._spans():
            if left <= x < left + width:
                return f"{label}: {value:.1f}%"
        return ""

    def mouseMoveEvent(self, event: object) -> None:  # noqa: N802
        pos = event.position().toPoint()  # type: ignore[attr-defined]
        QToolTip.showText(self.mapToGlobal(pos), self.hover_text(pos.x()), self)


class LinesChart(BarLineChart):
    """Several named lines on one axis with a legend (customers per engagement zone, month by month);
    hover gives every line's value at the month."""

    def set_lines(self, labels: Sequence[str], lines: Sequence[tuple[str, Sequence[float | None], QColor]], *,
                  label_every: int = 1, fmt: Fmt = _plain) -> None:
        self.clear()
        self.clipped, self.bands = 0, []
        self.labels, self.lines, self.count_fmt = list(labels), list(lines), fmt
        self.left_axis.formatter, self.left_axis.unit = fmt, 1.0
        self.item.hideAxis("right")
        if self.item.legend is None:
            self.item.addLegend(offset=(8, 4), labelTextSize="9pt")
        xs = list(range(len(self.labels)))
        high = 1.0
        for name, values, color in self.lines:
            ys = [float("nan") if v is None else float(v) for v in values]
            high = max([high, *[y for y in ys if y == y]])
            self.item.addItem(pg.PlotDataItem(xs, ys, pen=pg.mkPen(color, width=2.5), symbol="o", symbolSize=5,
                                              symbolBrush=color, symbolPen=None, connect="finite", name=name))
        ticks = [(i, text) for i, text in enumerate(self.labels) if i % max(1, label_every) == 0]
        self.item.getAxis("bottom").setTicks([ticks])
        self.item.setXRange(-0.6, max(len(xs) - 0.4, 0.4), padding=0)
        self.item.setYRange(0, high * 1.3, padding=0)  # room above for the legend
        self._sync()

    def hover_text(self, index: int) -> str:
        return "\n".join([self.labels[index], *[f"{name}: {self.count_fmt(values[index])}"
                                                for name, values, _ in self.lines if values[index] is not None]])

