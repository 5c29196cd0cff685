"""The coordinator's picture of the last days: expected against served, as inline SVG geometry.

Drawn by the server (meals/templates/meals/overview.html): no JavaScript charting library, no CDN.
"""

import math
from dataclasses import dataclass

from meals.selectors.day import DayCount

WIDTH, HEIGHT = 720, 220
LEFT, BOTTOM, TOP = 32, 24, 10  # room for the axis labels
PLOT_HEIGHT = HEIGHT - BOTTOM - TOP


@dataclass(frozen=True)
class Bar:
    day: DayCount
    x: float
    width: float
    expected_y: float
    expected_height: float
    served_y: float
    served_height: float
    label_x: float


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class DaysChart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    baseline: float
    left: int


def days_chart(days: list[DayCount]) -> DaysChart:
    """A slot per day: the expected count as a pale bar, the served count as a dark one inside it."""
    top = max([1, *(max(d.expected, d.served) for d in days)])
    step = max(1, math.ceil(top / 4))
    scale_top = step * math.ceil(top / step)
    slot = (WIDTH - LEFT) / max(1, len(days))
    baseline = HEIGHT - BOTTOM

    def y(value: int) -> float:
        return round(baseline - PLOT_HEIGHT * value / scale_top, 1)

    bars = []
    for index, day in enumerate(days):
        x = LEFT + index * slot + slot * 0.15
        bars.append(
            Bar(
                day=day,
                x=round(x, 1),
                width=round(slot * 0.7, 1),
                expected_y=y(day.expected),
                expected_height=round(baseline - y(day.expected), 1),
                served_y=y(day.served),
                served_height=round(baseline - y(day.served), 1),
                label_x=round(x + slot * 0.35, 1),
            )
        )
    ticks = [Tick(value=value, y=y(value)) for value in range(0, scale_top + 1, step)]
    return DaysChart(width=WIDTH, height=HEIGHT, bars=bars, ticks=ticks, baseline=baseline, left=LEFT)
