"""What every printed document shares: an embedded font with Polish letters, safe markup.

The built-in Helvetica cannot draw ą ć ę ł ń ó ś ź ż, so DejaVu Sans (shipped in
``config/fonts``, free licence in LICENSE-DejaVu.txt) is embedded in every PDF.
"""

from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register the fonts once per process; returns (regular, bold) names for ReportLab."""
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    return FONT, FONT_BOLD


def markup_safe(text) -> str:
    """User text for a ReportLab ``Paragraph``: '&', '<' and '>' print as written."""
    return escape("" if text is None else str(text))
