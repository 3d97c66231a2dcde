"""Vietnamese text helpers shared by the models, the search, the imports and the pages:
Unicode forms, diacritics, and numbers written the Vietnamese way."""

import re
import unicodedata

from django.utils import formats
from django.utils.text import slugify

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


def number_text(value: int) -> str:
    """1234 → "1.234" in Vietnamese, "1,234" in English: thousands grouped as the active
    language writes them."""
    return formats.number_format(value, force_grouping=True)


def percent_text(value: float) -> str:
    """12.5 → "12,5" in Vietnamese ("12.5" in English); 20.0 → "20" (no useless ",0"); the
    sign is left to the words around it."""
    text = formats.number_format(round(abs(value), 1), decimal_pos=1, force_grouping=True)
    return text.removesuffix(f"{formats.get_format('DECIMAL_SEPARATOR')}0")


# The Vietnamese alphabet (and the Latin letters it lacks, where English puts them): "Đức"
# after "Dominica", "Ấn Độ" after "Azerbaijan".
_VI_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_VI_LETTER_RANK = {letter: rank for rank, letter in enumerate(_VI_ALPHABET, start=20)}
# Tones compare after the letters, in the dictionaries' order: ngang, huyền, hỏi, ngã, sắc, nặng.
_VI_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_WORD_SEPARATORS = " -\u2010\u2013"


def vi_sort_key(value: str) -> tuple:
    """A key that sorts text in Vietnamese alphabetical order (Đ after D, Ă and Â after A,
    then by tone; word by word, so "Nam Phi" before "Namibia"). Other Latin letters with
    marks ("Réunion", "Åland") sort as their base letter; punctuation is ignored."""
    letters, tones = [], []
    for char in nfc(str(value)).casefold():
        if char in _WORD_SEPARATORS:
            letters.append(0)
            continue
        if char.isdigit():
            letters.append(1 + int(char) if char.isascii() else 11)
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        tone = next((_VI_TONE_RANK[m] for m in marks if m in _VI_TONE_RANK), 0)
        shape = "".join(mark for mark in marks if mark not in _VI_TONE_RANK)  # ă â ê ô ơ ư
        letter = unicodedata.normalize("NFC", base + shape)
        rank = _VI_LETTER_RANK.get(letter) or _VI_LETTER_RANK.get(base)
        if rank is None:
            if not char.isalpha():
                continue  # parentheses, apostrophes, commas
            rank = 100 + ord(base)
        letters.append(rank)
        tones.append(tone)
    return (tuple(letters), tuple(tones), str(value))


# Control characters no one types (tab and line breaks excepted): pasted from other software,
# they make XML (so XLSX) invalid, and PostgreSQL refuses NUL.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_characters(value: str) -> list[str]:
    """The control characters in `value`, as U+XXXX codes, each once."""
    return sorted({f"U+{ord(char):04X}" for char in _CONTROL_CHARACTERS.findall(value)})


def without_control_characters(value: str) -> str:
    return _CONTROL_CHARACTERS.sub("", value)


def ascii_slug(value: str) -> str:
    """'Đoàn vào, đoàn ra' -> 'doan-vao-doan-ra', for file names (slugify alone drops Đ)."""
    return slugify(unaccent(str(value)))
