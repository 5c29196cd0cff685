"""A small page engine for long printed lists: linear in rows, page count known up front.

ReportLab's ``Table`` re-measures the remaining rows every time it splits across a page, so
one big table costs quadratic time. Here the rows are measured in a first pass that keeps
only each row's height (8 bytes a row), placed on pages, and only then drawn page by page,
each row's cells being wrapped again as its page is drawn. The page total for "Strona X z Y"
is therefore known before the first page is written, the header row is repeated wherever a
table continues, and memory holds the caller's rows plus the PDF, nothing per cell.

Text is drawn as plain strings (no markup): a name with ``&`` or ``<`` prints as written.
"""

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from itertools import repeat

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from config.pdf import register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER_HEIGHT = 10 * mm
FONT_SIZE = 8.5
HEADER_FONT_SIZE = 8
LEADING = 10.5
PADDING = 1.5 * mm
ELLIPSIS = "…"
SHADE = 0.88  # grey level of highlighted rows (e.g. residents already served)

# Page streams are deflated without the extra ASCII85 layer: smaller files, a third less time.
rl_config.useA85 = 0


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # points
    align: str = "left"  # "left" or "right"
    max_lines: int = 4  # longer text is cut with an ellipsis, so no row outgrows a page
    # Never broken (a decision number): kept on one line, drawn smaller when wider than the column.
    one_line: bool = False


@dataclass(frozen=True)
class Table:
    columns: Sequence[Column]
    rows: Sequence  # the caller's rows, any objects
    cells: Callable[[int, object], Sequence[str]]  # (1-based number, row) -> one text per column
    min_row_height: float = 7 * mm
    shaded: Callable[[object], bool] | None = None  # rows to highlight


@dataclass(frozen=True)
class Block:
    """Anything drawn in a fixed height: titles, totals, signature lines."""

    height: float
    draw: Callable[[Canvas, float], None]  # (canvas, top y)
    keep_with_next: bool = False  # a section title never ends a page alone
    keep_with_previous: bool = False  # totals never start a page alone: the table's last row comes along


@dataclass(frozen=True)
class Frame:
    """What every page carries: a header (drawn from the top margin down) and the footer text."""

    header_height: float
    draw_header: Callable[[Canvas, float], None]  # (canvas, top y)
    footer_left: str
    title: str  # the PDF's metadata title


# --- Measuring ------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _char_widths(font: str) -> tuple[dict[int, float], float]:
    face = pdfmetrics.getFont(font).face
    return face.charWidths, face.defaultWidth


def text_width(text: str, font: str, size: float) -> float:
    """ReportLab's stringWidth for our TrueType fonts, without its per-call overhead."""
    widths, default = _char_widths(font)
    return sum(map(widths.get, map(ord, text), repeat(default))) * size / 1000


def wrap(text: str, font: str, size: float, width: float, max_lines: int) -> tuple[str, ...]:
    """Greedy word wrap with the font's metrics; overlong words are broken, overflow gets '…'."""
    text = "" if text is None else str(text)
    if "\n" not in text and text_width(text, font, size) <= width:
        return (text,)  # the common case: one short line, one measurement
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(_wrap_paragraph(paragraph, font, size, width))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit(lines[-1] + ELLIPSIS, font, size, width)
    return tuple(lines)


def _wrap_paragraph(paragraph: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while text_width(word, font, size) > width:  # a word wider than the column
            cut = _longest_prefix(word, font, size, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    lines.append(current)
    return lines


def _longest_prefix(word: str, font: str, size: float, width: float) -> int:
    """How much of an overlong word fits, cut after a '.', '/' or '-' when there is one."""
    cut = len(word) - 1
    while cut > 1 and text_width(word[:cut], font, size) > width:
        cut -= 1
    separator = max(word.rfind(mark, 0, cut) for mark in "./-")
    return separator + 1 if separator > 0 else max(cut, 1)


def _fit(line: str, font: str, size: float, width: float) -> str:
    """Shorten a line that ends with '…' until it fits."""
    while len(line) > 1 and text_width(line, font, size) > width:
        line = line[:-2] + ELLIPSIS
    return line


class _LaidTable:
    """A table measured once: its wrapped header and every row's height, nothing else."""

    def __init__(self, table: Table, font: str, bold: str):
        self.table = table
        self.font = font
        self.limits = [(c.width - 2 * PADDING, 1 if c.one_line else c.max_lines) for c in table.columns]
        self.whole = [c.one_line for c in table.columns]
        titles = [column.title for column in table.columns]
        self.header = tuple(
            wrap(t, bold, HEADER_FONT_SIZE, w, 3) for t, (w, _n) in zip(titles, self.limits, strict=True)
        )
        self.header_height = _height(self.header, 0)
        self.heights = array("d", (_height(self.lines(n, row), table.min_row_height) for n, row in self.numbered()))

    def numbered(self, start: int = 0, end: int | None = None):
        rows = self.table.rows
        end = len(rows) if end is None else end
        return ((index + 1, rows[index]) for index in range(start, end))

    def lines(self, number: int, row) -> tuple[tuple[str, ...], ...]:
        texts = self.table.cells(number, row)
        return tuple(
            (str(t),) if whole else wrap(t, self.font, FONT_SIZE, w, n)
            for t, (w, n), whole in zip(texts, self.limits, self.whole, strict=True)
        )


def _height(cells, minimum: float) -> float:
    return max(minimum, max(len(lines) for lines in cells) * LEADING + 2 * PADDING)


# --- Placing on pages -------------------------------------------------------------------------


def _paginate(items: list, body_top: float, body_bottom: float) -> list[list[tuple]]:
    """Pages as lists of ("block", block, y) and ("rows", laid table, first, end, y) placements."""
    pages: list[list[tuple]] = [[]]
    y = body_top
    for index, item in enumerate(items):
        if isinstance(item, Block):
            following = items[index + 1] if item.keep_with_next and index + 1 < len(items) else None
            needed = item.height + (_first_height(following) if following is not None else 0)
            if y - needed < body_bottom and pages[-1]:
                carried = _take_last_row(pages[-1]) if item.keep_with_previous else None
                pages.append([])
                y = body_top
                if carried is not None:
                    pages[-1].append(("rows", carried[0], carried[1], carried[1] + 1, y))
                    y -= _first_height(carried[0], carried[1])
            pages[-1].append(("block", item, y))
            y -= item.height
        else:
            y = _place_table(pages, item, y, body_top, body_bottom)
    return pages


def _place_table(pages: list[list[tuple]], laid: _LaidTable, y: float, body_top: float, body_bottom: float) -> float:
    """Place the rows page by page, each page's part starting with the header row."""
    start = 0
    while True:
        if y - _first_height(laid, start) < body_bottom and pages[-1]:
            pages.append([])
            y = body_top
        end, bottom = _rows_that_fit(laid, start, y - laid.header_height, body_bottom)
        pages[-1].append(("rows", laid, start, end, y))
        y, start = bottom, end
        if start >= len(laid.heights):
            return y


def _take_last_row(page: list[tuple]) -> tuple | None:
    """Remove the last row of a table part that ends ``page`` (if it keeps another); (table, index)."""
    if not page or page[-1][0] != "rows":
        return None
    _kind, laid, start, end, top = page[-1]
    if end - start < 2:
        return None
    page[-1] = ("rows", laid, start, end - 1, top)
    return laid, end - 1


def _first_height(item, start: int = 0) -> float:
    """The least room an item needs at the bottom of a page: a block, or a header and one row."""
    if isinstance(item, Block):
        return item.height
    return item.header_height + (item.heights[start] if start < len(item.heights) else 0)


def _rows_that_fit(laid: _LaidTable, start: int, y: float, bottom: float) -> tuple[int, float]:
    end = start
    heights = laid.heights
    while end < len(heights) and (y - heights[end] >= bottom or end == start):
        y -= heights[end]
        end += 1
    return end, y


# --- Drawing ----------------------------------------------------------------------------------


def render(frame: Frame, items: Sequence[Table | Block]) -> bytes:
    """The whole document as PDF bytes."""
    font, bold = register_fonts()
    laid = [_LaidTable(item, font, bold) if isinstance(item, Table) else item for item in items]
    pages = _paginate(laid, PAGE_HEIGHT - MARGIN - frame.header_height, MARGIN + FOOTER_HEIGHT)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=font)
    canvas.setTitle(frame.title)
    canvas.setAuthor("OPS Chorzów – Centrum Pracy Socjalnej")
    canvas.setCreator("CPS Chorzów")
    for number, placements in enumerate(pages, start=1):
        frame.draw_header(canvas, PAGE_HEIGHT - MARGIN)
        for placement in placements:
            if placement[0] == "block":
                placement[1].draw(canvas, placement[2])
            else:
                _draw_rows(canvas, *placement[1:], bold=bold)
        _draw_footer(canvas, frame.footer_left, number, len(pages), font)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_rows(canvas: Canvas, laid: _LaidTable, start: int, end: int, top: float, *, bold: str) -> None:
    columns = laid.table.columns
    xs = [MARGIN]
    for column in columns:
        xs.append(xs[-1] + column.width)
    right = xs[-1]
    _shade(canvas, top - laid.header_height, right, laid.header_height)
    text = canvas.beginText()  # one text object per table part: far fewer operators than drawString
    text.setFont(bold, HEADER_FONT_SIZE, LEADING)
    _put_cells(text, laid.header, columns, xs, top, bold, HEADER_FONT_SIZE)
    y = top - laid.header_height
    lines = [(MARGIN, top, right, top), (MARGIN, y, right, y)]
    text.setFont(laid.font, FONT_SIZE, LEADING)
    shaded = laid.table.shaded
    for (number, row), height in zip(laid.numbered(start, end), laid.heights[start:end], strict=True):
        if shaded is not None and shaded(row):
            _shade(canvas, y - height, right, height)
        _put_cells(text, laid.lines(number, row), columns, xs, y, laid.font, FONT_SIZE)
        y -= height
        lines.append((MARGIN, y, right, y))
    lines.extend((x, top, x, y) for x in xs)
    canvas.setLineWidth(0.5)
    canvas.lines(lines)
    canvas.drawText(text)


def _shade(canvas: Canvas, y: float, right: float, height: float) -> None:
    canvas.setFillGray(SHADE)
    canvas.rect(MARGIN, y, right - MARGIN, height, stroke=0, fill=1)
    canvas.setFillGray(0)


def _put_cells(text, cells, columns, xs, top: float, font: str, size: float) -> None:
    baseline = top - PADDING - size
    for lines, column, x in zip(cells, columns, xs, strict=False):
        if len(lines) == 1 and not lines[0]:
            continue
        if column.align == "right":
            for offset, line in enumerate(lines):
                right = x + column.width - PADDING
                text.setTextOrigin(right - text_width(line, font, size), baseline - offset * LEADING)
                text.textLine(line)
        elif column.one_line and len(lines) == 1:
            _put_shrunk(text, lines[0], x + PADDING, baseline, column.width - 2 * PADDING, font, size)
        else:
            text.setTextOrigin(x + PADDING, baseline)
            for line in lines:
                text.textLine(line)  # moves down by LEADING


def _put_shrunk(text, line: str, x: float, baseline: float, width: float, font: str, size: float) -> None:
    """One line, in a smaller size if it is wider than ``width``: a number is never broken in two."""
    needed = text_width(line, font, size)
    smaller = size * width / needed if needed > width else size
    text.setFont(font, smaller, LEADING)
    text.setTextOrigin(x, baseline)
    text.textLine(line)
    text.setFont(font, size, LEADING)


def _draw_footer(canvas: Canvas, left: str, number: int, total: int, font: str) -> None:
    canvas.setFont(font, 7.5)
    canvas.setLineWidth(0.3)
    canvas.line(MARGIN, MARGIN + 6 * mm, MARGIN + CONTENT_WIDTH, MARGIN + 6 * mm)
    canvas.drawString(MARGIN, MARGIN + 2 * mm, left)
    canvas.drawRightString(MARGIN + CONTENT_WIDTH, MARGIN + 2 * mm, f"Strona {number} z {total}")
