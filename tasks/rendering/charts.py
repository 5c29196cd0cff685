"""Meals per day as a bar chart drawn with ReportLab's own graphics (no image files, no other library)."""

import datetime
import math
from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm

from config.pdf import register_fonts
from tasks.rendering.layout import CONTENT_WIDTH, MARGIN, Block

CHART_HEIGHT = 50 * mm
BAR_COLOUR = colors.HexColor("#3b6ea5")


def daily_bars_block(per_day: Sequence[tuple[datetime.date, int]]) -> Block:
    """A bar per day (labelled with the day of the month), the axis in whole meals."""
    drawing = Drawing(CONTENT_WIDTH, CHART_HEIGHT)
    drawing.add(_chart([meals for _day, meals in per_day], [str(day.day) for day, _meals in per_day]))
    return Block(
        height=CHART_HEIGHT + 2 * mm,
        draw=lambda canvas, top: renderPDF.draw(drawing, canvas, MARGIN, top - CHART_HEIGHT),
    )


def _chart(values: list[int], labels: list[str]) -> VerticalBarChart:
    font, _bold = register_fonts()
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 8 * mm
    chart.width, chart.height = CONTENT_WIDTH - 14 * mm, CHART_HEIGHT - 12 * mm
    chart.data = [values or [0]]
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    top = max(values, default=0)
    step = max(1, math.ceil(top / 5))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, step * max(1, math.ceil(top / step))
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.lightgrey
    return chart
