"""Pieces the printed forms share: header lines, headings, paragraphs, signature lines."""

from collections.abc import Callable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from config.pdf import register_fonts
from tasks.rendering import wording
from tasks.rendering.layout import CONTENT_WIDTH, MARGIN, Block, Frame

# (text, bold, font size)
Line = tuple[str, bool, float]
LINE_SPACING = 1.35


def lines_height(lines: Sequence[Line]) -> float:
    return sum(size * LINE_SPACING for _text, _bold, size in lines)


def draw_lines(canvas: Canvas, top: float, lines: Sequence[Line], x: float = MARGIN) -> float:
    """Draw plain text lines downwards from ``top``; returns the y below the last one."""
    font, bold_font = register_fonts()
    y = top
    for text, bold, size in lines:
        y -= size * LINE_SPACING
        canvas.setFont(bold_font if bold else font, size)
        canvas.drawString(x, y + 0.25 * size, text)
    return y


def lines_block(
    lines: Sequence[Line],
    *,
    space_before: float = 0,
    space_after: float = 3 * mm,
    keep_with_next: bool = False,
    keep_with_previous: bool = False,
) -> Block:
    return Block(
        height=space_before + lines_height(lines) + space_after,
        draw=lambda canvas, top: draw_lines(canvas, top - space_before, lines),
        keep_with_next=keep_with_next,
        keep_with_previous=keep_with_previous,
    )


def heading(text: str) -> Block:
    """A section title kept on the page of what follows it."""
    return lines_block([(text, True, 11)], space_before=3 * mm, space_after=2 * mm, keep_with_next=True)


def paragraph_block(markup: str, *, size: float = 9.5, bold: bool = False, space_after: float = 1 * mm) -> Block:
    """Wrapped text given as ReportLab markup: callers escape user text with config.pdf.markup_safe."""
    font, bold_font = register_fonts()
    style = ParagraphStyle("cps", fontName=bold_font if bold else font, fontSize=size, leading=size * LINE_SPACING)
    paragraph = Paragraph(markup, style)
    _width, height = paragraph.wrap(CONTENT_WIDTH, 1000)
    return Block(height=height + space_after, draw=lambda canvas, top: paragraph.drawOn(canvas, MARGIN, top - height))


def signature_block(label: str, caption: str, *, x_offset: float = 0, keep_with_previous: bool = False) -> Block:
    """'Wydał: ........' with a caption under the line, where a person signs by hand.

    ``keep_with_previous``: it never starts a page alone, the table's last row comes along.
    """

    def draw(canvas: Canvas, top: float) -> None:
        font, bold_font = register_fonts()
        x, y = MARGIN + x_offset, top - 12 * mm
        canvas.setFont(bold_font, 10)
        canvas.drawString(x, y, label)
        line_start = x + canvas.stringWidth(label, bold_font, 10) + 2 * mm
        canvas.setLineWidth(0.5)
        canvas.setDash(1, 2)
        canvas.line(line_start, y - 1, line_start + 75 * mm, y - 1)
        canvas.setDash()
        canvas.setFont(font, 7.5)
        canvas.drawCentredString(line_start + 37.5 * mm, y - 4 * mm, caption)

    return Block(height=18 * mm, draw=draw, keep_with_previous=keep_with_previous)


def header_frame_part(lines: Sequence[Line], *, space_after: float = 3 * mm) -> tuple[float, Callable]:
    """(height, draw) for a page header made of plain lines."""
    return lines_height(lines) + space_after, lambda canvas, top: draw_lines(canvas, top, lines)


def office_list_frame(
    *, list_name: str, about: str, title: str, printed_at, printed_by: str, notes: Sequence[Line] = ()
) -> Frame:
    """The frame of the office's lists of the meal point: the office and its address, the list's
    name, the line saying what it is ``about``, any ``notes``; "Wydrukowano … przez …" below;
    ``title`` is the PDF's own title."""
    office = [
        (wording.INSTITUTION, True, 10),
        (wording.ADDRESS, False, 8.5),
        (list_name, True, 14),
        (about, False, 9.5),
    ]
    height, draw_header = header_frame_part([*office, *notes])
    return Frame(
        header_height=height,
        draw_header=draw_header,
        footer_left=wording.printed_line(printed_at, printed_by),
        title=title,
    )
