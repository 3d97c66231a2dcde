"""Vietnamese text helpers shared by the models, the search, the imports and the pages:
Unicode forms, diacritics, and numbers written the Vietnamese way."""

import unicodedata

# Letters that NFD does not decompose into a base letter plus a combining mark.
_SPECIAL_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ơ": "o", "Ơ": "O", "ư": "u", "Ư": "U"})


def nfc(value: str) -> str:
    """The canonical composed form, whatever keyboard or spreadsheet the text came from."""
    return unicodedata.normalize("NFC", value)


def unaccent(value: str) -> str:
    """'Đà Nẵng' -> 'Da Nang': drop Vietnamese diacritics, keep case."""
    decomposed = unicodedata.normalize("NFD", value.translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(value: str) -> str:
    """A comparison key ignoring case, diacritics and repeated spaces: 'YANGON ' == 'Yangon'."""
    return " ".join(unaccent(nfc(value)).casefold().split())


def vi_number(value: int) -> str:
    """1234 → "1.234" (Vietnamese groups thousands with a dot)."""
    return f"{value:,}".replace(",", ".")


def vi_percent(value: float) -> str:
    """12.5 → "12,5"; 20.0 → "20" (Vietnamese decimal comma, no useless ",0")."""
    text = f"{abs(value):,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return text.removesuffix(",0")
