"""Card numbers: printable, scanner-friendly digits with a Luhn check digit.

The number is derived from the resident's primary key (unique by construction); the check
digit makes a mistyped or misread card fail validation instead of finding someone else.
"""

from stdnum import luhn

CARD_DIGITS = 7  # 6 digits + check digit, e.g. "0000018"


def card_number_for(resident_id: int) -> str:
    body = f"{resident_id:0{CARD_DIGITS - 1}d}"
    return body + luhn.calc_check_digit(body)


def is_valid_card_number(text: str) -> bool:
    text = (text or "").strip()
    return text.isdigit() and len(text) >= CARD_DIGITS and luhn.is_valid(text)
