"""Chapter numbers written as digits, Roman numerals, English words or CJK numerals."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {  # (public: the finder reads its chapter numbers with the same words)
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "last": 0,
    "final": 0,
}
# Ordinals past the twelfth, and those of the tens: `seventy-seventh` is read from them.
_TEEN_ORDINALS = {word + "th": value for word, value in _UNITS.items() if value >= 13}
_TENS_ORDINALS = {word[:-1] + "ieth": value for word, value in TENS.items()}
_UNIT_ORDINALS = {w: v for w, v in _ORDINALS.items() if v} | _TEEN_ORDINALS
# `first` ... `nineteenth`, `twentieth` ... `ninetieth`, `seventy-seventh`, as a regex.
ENGLISH_ORDINAL = (
    rf"(?:(?:{'|'.join(TENS)})[- ]?(?:{'|'.join(sorted(_UNIT_ORDINALS, key=len, reverse=True))})"
    rf"|{'|'.join(sorted(_UNIT_ORDINALS, key=len, reverse=True))}|{'|'.join(_TENS_ORDINALS)})"
)
# The letters `ENGLISH_ORDINAL` can start with (in lower case).
ENGLISH_ORDINAL_INITIALS = "".join(
    sorted({w[0] for w in (*TENS, *_UNIT_ORDINALS, *_TENS_ORDINALS)})
)


def ordinal_value(text: str) -> int | None:
    """`first` -> 1, `twentieth` -> 20, `Seventy-seventh` -> 77; None for anything else."""
    words = text.casefold().replace("-", " ").split()
    if len(words) == 1:
        return _UNIT_ORDINALS.get(words[0]) or _TENS_ORDINALS.get(words[0])
    if len(words) == 2 and words[0] in TENS and _UNIT_ORDINALS.get(words[1], 10) < 10:
        return TENS[words[0]] + _UNIT_ORDINALS[words[1]]
    return None


_WORD = "|".join(sorted([*_UNITS, *TENS], key=len, reverse=True))
# "twenty-one", "one hundred and five", "Thirty Two"
NUMBER_WORDS = rf"(?:{_WORD})(?:[ -](?:hundred(?: and)?|{_WORD}))*"
ROMAN = r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_RE = re.compile(rf"{ROMAN}|{ROMAN.lower()}")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_CJK_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "萬": 10000}


def roman_value(token: str) -> int | None:
    """The value of a Roman numeral written all upper or all lower case, else None."""
    if not token or not _ROMAN_RE.fullmatch(token):
        return None
    total = 0
    upper = token.upper()
    for i, char in enumerate(upper):
        value = _ROMAN_VALUES[char]
        if i + 1 < len(upper) and _ROMAN_VALUES[upper[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


_ROMAN_DIGITS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(number: int) -> str:
    """``number`` as an upper-case Roman numeral: `XVI` for 16."""
    out = []
    for value, letters in _ROMAN_DIGITS:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def cjk_value(token: str) -> int | None:
    """The value of a CJK numeral (`十二`, `一百零五`) or of full-width digits."""
    token = token.translate(_FULLWIDTH_DIGITS).replace("○", "〇")  # (a circle set for zero)
    if token.isdigit():
        return int(token)
    if len(token) > 1 and all(char in _CJK_DIGITS for char in token):
        # (digit by digit, with no tens or hundreds: `一〇一` is 101)
        return int("".join(str(_CJK_DIGITS[char]) for char in token))
    total, current = 0, 0
    for char in token:
        if char in _CJK_DIGITS:
            current = _CJK_DIGITS[char]
        elif char in _CJK_UNITS:
            total += (current or 1) * _CJK_UNITS[char]
            current = 0
        else:
            return None
    return total + current


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_number(token: str) -> int | None:
    """A chapter number written as digits, a Roman numeral, English words or CJK numerals."""
    token = token.strip().strip("#").rstrip(".")
    if not token:
        return None
    if token.isdigit():
        return int(token)
    if re.fullmatch(r"\d+\.\d+", token):
        return int(token.split(".")[0])
    value = roman_value(token)
    if value is not None:
        return value
    words = token.lower().replace("-", " ").split()
    if words and all(w in _UNITS or w in TENS or w in ("hundred", "and") for w in words):
        total, current = 0, 0
        for word in words:
            if word == "hundred":
                current = (current or 1) * 100
            elif word != "and":
                current += _UNITS.get(word, 0) + TENS.get(word, 0)
        return total + current
    if token.lower() in _ORDINALS:
        return _ORDINALS[token.lower()] or None
    return ordinal_value(token) or cjk_value(token)
