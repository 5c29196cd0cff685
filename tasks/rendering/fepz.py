"""What every FEPŻ document carries (docs/domain.md#printed-lists): the programme's logo strip, the
programme line, the subprogramme year and the partner organisation (settings FEPZ_*)."""

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from config.pdf import markup_safe
from tasks.rendering import wording
from tasks.rendering.layout import CONTENT_WIDTH, MARGIN, Block
from tasks.rendering.parts import paragraph_block

LOGO_STRIP_HEIGHT = 16 * mm
FILL_IN = "." * 60  # a line to fill in by hand


@dataclass(frozen=True)
class Programme:
    """The office's settings for FEPŻ documents (config/settings.py FEPZ_*)."""

    subprogramme: str = ""  # "Podprogram 2026"; empty: the document's year
    partner: str = ""  # the partner organisation; empty: a line to fill in
    logo_file: str = ""  # the programme's logo strip as an image; empty: an empty framed place


NO_SETTINGS = Programme()


def programme_blocks(programme: Programme, *, year: int) -> list[Block]:
    """The programme line, then the subprogramme and the partner organisation."""
    subprogramme = programme.subprogramme or f"Podprogram {year}"
    partner = markup_safe(programme.partner) if programme.partner else FILL_IN
    return [
        paragraph_block(markup_safe(wording.PROGRAMME), size=9, bold=True),
        paragraph_block(f"{markup_safe(subprogramme)} · <b>Organizacja partnerska:</b> {partner}", size=9),
    ]


def draw_logo_strip(canvas: Canvas, top: float, logo_file: str) -> None:
    """The programme's logo strip: the configured image, else an empty framed place (never placeholder text)."""
    bottom = top - LOGO_STRIP_HEIGHT
    if logo_file:
        size = {"width": CONTENT_WIDTH, "height": LOGO_STRIP_HEIGHT}
        canvas.drawImage(logo_file, MARGIN, bottom, **size, preserveAspectRatio=True, anchor="c", mask="auto")
        return
    canvas.setLineWidth(0.6)
    canvas.rect(MARGIN, bottom, CONTENT_WIDTH, LOGO_STRIP_HEIGHT, stroke=1, fill=0)


def header_with_logo_strip(blocks: list[Block], logo_file: str):
    """(height, draw) of a page header: the logo strip, then ``blocks``."""

    def draw(canvas: Canvas, top: float) -> None:
        draw_logo_strip(canvas, top, logo_file)
        y = top - LOGO_STRIP_HEIGHT - 4 * mm
        for block in blocks:
            block.draw(canvas, y)
            y -= block.height

    return LOGO_STRIP_HEIGHT + 4 * mm + sum(block.height for block in blocks), draw
