"""Printable resident cards: credit-card size, ten to an A4 sheet, to cut out.

Each card carries the name and the card number as text, as a Code128 barcode (what the
counter's scanner reads) and as a QR code (what a phone or a 2D scanner reads), the point's
serving days and hours and how long the meal decision is valid. Never the PESEL, the address
or health data: a lost card tells a finder nothing but a name.
"""

import datetime
from io import BytesIO

from django.conf import settings
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from beneficiaries.models import Program
from config.dates import day_text
from config.pdf import markup_safe, register_fonts

CARD_WIDTH, CARD_HEIGHT = 85.6 * mm, 54 * mm  # ISO/IEC 7810 ID-1, a bank card
COLUMNS, ROWS = 2, 5
PADDING = 3.5 * mm
BAND_HEIGHT = 9 * mm
QR_SIZE = 21 * mm
BRAND = colors.HexColor("#0b4f8a")
# Bars of 0.33 mm (13 mil) and more are read by cheap counter scanners.
BAR_WIDTH = 0.36 * mm
BAR_HEIGHT = 11 * mm


def render_resident_cards(residents) -> bytes:
    """A PDF with one card per resident, COLUMNS x ROWS per A4 page.

    Residents come with their entitlements prefetched (beneficiaries.selectors.residents_with_entitlements).
    """
    register_fonts()
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(_("Resident cards"))
    canvas.setAuthor(_("OPS Chorzów – Centrum Pracy Socjalnej"))
    per_page = COLUMNS * ROWS
    residents = list(residents)
    for index, resident in enumerate(residents):
        if index and index % per_page == 0:
            canvas.showPage()
        x, y = _card_origin(index % per_page)
        _draw_card(canvas, resident, x, y)
    canvas.save()
    return buffer.getvalue()


def _card_origin(slot: int) -> tuple[float, float]:
    """Bottom-left corner of a slot; the grid is centred on the page."""
    page_width, page_height = A4
    left = (page_width - COLUMNS * CARD_WIDTH) / 2
    top = page_height - (page_height - ROWS * CARD_HEIGHT) / 2
    column, row = slot % COLUMNS, slot // COLUMNS
    return left + column * CARD_WIDTH, top - (row + 1) * CARD_HEIGHT


def _draw_card(canvas: Canvas, resident, x: float, y: float):
    regular, bold = register_fonts()
    canvas.saveState()
    canvas.setStrokeColor(colors.lightgrey)  # the cutting line
    canvas.setLineWidth(0.5)
    canvas.roundRect(x, y, CARD_WIDTH, CARD_HEIGHT, 3 * mm)
    _draw_band(canvas, x, y, bold, regular)
    _draw_name(canvas, resident, x, y, bold)
    canvas.setFont(regular, 8.5)
    canvas.setFillColor(colors.black)
    number = resident.card_number or ""
    canvas.drawString(x + PADDING, y + PADDING + BAR_HEIGHT + 6.5 * mm, _("Card no. %(number)s") % {"number": number})
    _draw_meal_terms(canvas, resident, x, y + PADDING + BAR_HEIGHT + 11 * mm, regular)
    _draw_barcode(canvas, number, x, y + PADDING + 3 * mm)
    _draw_qr(canvas, number, x + CARD_WIDTH - PADDING - QR_SIZE, y + PADDING)
    canvas.restoreState()


def _draw_band(canvas: Canvas, x: float, y: float, bold: str, regular: str):
    band_y = y + CARD_HEIGHT - BAND_HEIGHT
    canvas.setFillColor(BRAND)
    canvas.roundRect(x, band_y, CARD_WIDTH, BAND_HEIGHT, 3 * mm, stroke=0, fill=1)
    canvas.rect(x, band_y, CARD_WIDTH, BAND_HEIGHT / 2, stroke=0, fill=1)  # square lower corners
    canvas.setFillColor(colors.white)
    canvas.setFont(bold, 7.5)
    canvas.drawString(x + PADDING, band_y + 5.2 * mm, _("OPS Chorzów – Centrum Pracy Socjalnej"))
    canvas.setFont(regular, 6.5)
    canvas.drawString(x + PADDING, band_y + 1.8 * mm, _("Resident card · ul. Kasprowicza 2, Chorzów"))


def _draw_name(canvas: Canvas, resident, x: float, y: float, bold: str):
    """The name in up to two lines, shrunk until it fits beside the QR code."""
    width = CARD_WIDTH - 3 * PADDING - QR_SIZE
    name = f"{resident.first_name} {resident.last_name}"
    longest_word = max(name.split() or [""], key=len)
    for size in (12, 11, 10, 9, 8, 7):
        style = ParagraphStyle("name", fontName=bold, fontSize=size, leading=size * 1.15)
        paragraph = Paragraph(markup_safe(name), style)
        _, height = paragraph.wrap(width, CARD_HEIGHT)
        if height <= 2 * style.leading + 0.1 and stringWidth(longest_word, bold, size) <= width:
            break
    top = y + CARD_HEIGHT - BAND_HEIGHT - 2 * mm
    paragraph.drawOn(canvas, x + PADDING, top - height)


def _draw_meal_terms(canvas: Canvas, resident, x: float, y: float, font: str):
    """The serving days and hours, and the meal decision's validity, in two small lines."""
    decision = meal_decision(resident.entitlements.all(), timezone.localdate())
    days = _weekdays_text(decision.weekdays if decision else "12345")
    lines = [_("Meals: %(days)s, %(hours)s") % {"days": days, "hours": settings.MEAL_POINT_HOURS}]
    if decision is not None:
        start, end = day_text(decision.valid_from), day_text(decision.valid_to)
        lines.insert(0, _("Decision valid %(start)s – %(end)s") % {"start": start, "end": end})
    canvas.setFont(font, 7)
    for offset, line in enumerate(lines):
        canvas.drawString(x + PADDING, y + offset * 3.2 * mm, line)


def meal_decision(entitlements, today: datetime.date):
    """The hot-meal decision the card speaks of: the one covering today, else the next, else the last."""
    meals = [e for e in entitlements if e.program == Program.HOT_MEAL]
    current = [e for e in meals if e.valid_from <= today <= e.valid_to]
    upcoming = sorted((e for e in meals if e.valid_from > today), key=lambda e: e.valid_from)
    past = sorted((e for e in meals if e.valid_to < today), key=lambda e: e.valid_to, reverse=True)
    return next(iter(current + upcoming + past), None)


def _weekdays_text(weekdays: str) -> str:
    """'12345' -> 'pon.–pt.' (a run of days), '135' -> 'pon., śr., pt.' (Django's abbreviations)."""
    numbers = sorted(int(day) for day in weekdays)
    names = [str(WEEKDAYS_ABBR[number - 1]) for number in numbers]
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


def _draw_barcode(canvas: Canvas, number: str, x: float, y: float):
    if not number:
        return
    # The quiet zones (10 bars wide on each side) start at the card's edge.
    barcode = Code128(number, barWidth=BAR_WIDTH, barHeight=BAR_HEIGHT, humanReadable=True)
    barcode.fontName, barcode.fontSize = register_fonts()[0], 7
    barcode.drawOn(canvas, x, y)


def _draw_qr(canvas: Canvas, number: str, x: float, y: float):
    if not number:
        return
    widget = QrCodeWidget(number, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (right - left), 0, 0, QR_SIZE / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)
