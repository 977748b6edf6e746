#!/usr/bin/python3
"""Dates written in English words, and their ISO form.

Deterministic data for the date-translation example: `draw(rng)` takes a
`random.Random(seed)` and returns one (sentence, iso) pair, e.g.

    "march 23, 1999"                          -> "1999-03-23"
    "23 march 1999"                           -> "1999-03-23"
    "the twenty-third of march 1999"          -> "1999-03-23"
    "tuesday, march 23rd 1999"                -> "1999-03-23"
    "march 23rd, nineteen ninety-nine"        -> "1999-03-23"
    "the 23rd of march nineteen ninety-nine"  -> "1999-03-23"

Dates are uniform between 1900-01-01 and 2099-12-31. Sentences are
lowercase and at most MAX_SRC_LEN characters.

Vocabularies:
  source: PAD = 0, then the sorted characters of SOURCE_CHARS (1, 2, ...);
  target: PAD = 0, BOS = 1, EOS = 2, then "0123456789-" (3, 4, ...).

Batches are time-major: `encode_source` gives src [T, B] int64 (PAD after
each sentence's end) and lens [B] int64.
"""

import datetime

import numpy as np

MAX_SRC_LEN = 48

FIRST = datetime.date(1900, 1, 1)
LAST = datetime.date(2099, 12, 31)

MONTHS = ["january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"]
ORDINAL_ONES = ["zeroth", "first", "second", "third", "fourth", "fifth",
                "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                "twelfth", "thirteenth", "fourteenth", "fifteenth",
                "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
ORDINAL_TENS = {20: "twentieth", 30: "thirtieth"}

# Every character a sentence may contain (checked by `draw`): those of the
# words above and of the formats below.
SOURCE_CHARS = sorted(set(
    "".join(MONTHS + WEEKDAYS + ONES + TENS + ORDINAL_ONES)
    + "".join(ORDINAL_TENS.values())
    + "the of hundred thousand oh st nd rd th, -0123456789"))
SRC_PAD = 0
SRC_INDEX = {c: i + 1 for i, c in enumerate(SOURCE_CHARS)}
SRC_VOCAB = len(SOURCE_CHARS) + 1

PAD, BOS, EOS = 0, 1, 2
TARGET_CHARS = "0123456789-"
TARGET_TOKENS = ["<pad>", "<bos>", "<eos>"] + list(TARGET_CHARS)
TGT_INDEX = {c: i + 3 for i, c in enumerate(TARGET_CHARS)}
TGT_VOCAB = len(TARGET_TOKENS)


# --- numbers in words -------------------------------------------------------

def cardinal(n):
    """0 <= n < 100 in words: 7 -> "seven", 42 -> "forty-two"."""
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + ("-" + ONES[ones] if ones else "")


def ordinal(n):
    """1 <= n <= 31 in words: 3 -> "third", 23 -> "twenty-third"."""
    if n < 20:
        return ORDINAL_ONES[n]
    if n % 10 == 0:
        return ORDINAL_TENS[n]
    return TENS[n // 10] + "-" + ORDINAL_ONES[n % 10]


def ordinal_suffix(n):
    """1 <= n <= 31 as digits with its suffix: 1st, 2nd, 3rd, 11th, 23rd."""
    if 11 <= n % 100 <= 13:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def spoken_year(year, rng):
    """A year as spoken, e.g. 1999 -> "nineteen ninety-nine",
    1905 -> "nineteen oh five", 1900 -> "nineteen hundred",
    2000 -> "two thousand", 2004 -> "two thousand four",
    2015 -> "twenty fifteen" or "two thousand fifteen" (drawn from rng)."""
    century, rest = divmod(year, 100)
    if year == 2000:
        return "two thousand"
    if century == 20 and rest < 10:
        return "two thousand " + ONES[rest]
    if century == 20 and rng.random() < 0.5:
        return "two thousand " + cardinal(rest)
    head = cardinal(century)
    if rest == 0:
        return head + " hundred"
    if rest < 10:
        return head + " oh " + ONES[rest]
    return head + " " + cardinal(rest)


# --- sentences --------------------------------------------------------------

def write(date, fmt, rng):
    """The date `date` written in format number `fmt` (0 .. NUM_FORMATS-1).
    `rng` is only used by formats with a spoken year."""
    month = MONTHS[date.month - 1]
    d, y = date.day, date.year
    if fmt == 0:    # march 23, 1999
        return "%s %d, %d" % (month, d, y)
    if fmt == 1:    # 23 march 1999
        return "%d %s %d" % (d, month, y)
    if fmt == 2:    # the twenty-third of march 1999
        return "the %s of %s %d" % (ordinal(d), month, y)
    if fmt == 3:    # tuesday, march 23rd 1999
        return "%s, %s %s %d" % (WEEKDAYS[date.weekday()], month,
                                 ordinal_suffix(d), y)
    if fmt == 4:    # march 23rd, nineteen ninety-nine
        return "%s %s, %s" % (month, ordinal_suffix(d), spoken_year(y, rng))
    if fmt == 5:    # the 23rd of march nineteen ninety-nine
        return "the %s of %s %s" % (ordinal_suffix(d), month,
                                    spoken_year(y, rng))
    raise ValueError("no date format %d" % fmt)


NUM_FORMATS = 6


def iso(date):
    return date.isoformat()


def draw_date(rng):
    """A date uniform between FIRST and LAST."""
    span = (LAST - FIRST).days
    return FIRST + datetime.timedelta(days=rng.randint(0, span))


def draw(rng):
    """One (sentence, iso) pair drawn from `rng` (a random.Random)."""
    date = draw_date(rng)
    fmt = rng.randrange(NUM_FORMATS)
    sentence = write(date, fmt, rng)
    assert len(sentence) <= MAX_SRC_LEN, sentence
    assert all(c in SRC_INDEX for c in sentence), sentence
    return sentence, iso(date)


# --- encoding ---------------------------------------------------------------

def encode_source(sentences):
    """Sentences -> (src [T, B] int64 time-major, PAD-padded; lens [B] int64),
    T = the longest sentence."""
    lens = np.array([len(s) for s in sentences], dtype=np.int64)
    src = np.full((int(lens.max()), len(sentences)), SRC_PAD, dtype=np.int64)
    for b, s in enumerate(sentences):
        src[:len(s), b] = [SRC_INDEX[c] for c in s]
    return src, lens


def encode_target(isos):
    """ISO strings -> [L + 1, B] int64: the characters' ids then EOS
    (teacher-forcing targets; the decoder input is BOS then these shifted)."""
    L = max(len(s) for s in isos)
    tgt = np.full((L + 1, len(isos)), PAD, dtype=np.int64)
    for b, s in enumerate(isos):
        tgt[:len(s), b] = [TGT_INDEX[c] for c in s]
        tgt[len(s), b] = EOS
    return tgt


def decode_target(ids):
    """Target ids (a 1-D sequence) -> string, stopping at the first EOS;
    PAD and BOS are skipped."""
    out = []
    for i in ids:
        i = int(i)
        if i == EOS:
            break
        if i >= 3:
            out.append(TARGET_TOKENS[i])
    return "".join(out)


def decode_batch(tokens):
    """tokens [steps, B] -> list of B strings."""
    tokens = np.asarray(tokens)
    return [decode_target(tokens[:, b]) for b in range(tokens.shape[1])]


if __name__ == "__main__":
    import random
    rng = random.Random(0)
    for _ in range(12):
        print("%-48s -> %s" % draw(rng))
    lengths = [len(draw(rng)[0]) for _ in range(100000)]
    print("source vocab %d, target vocab %d, sentence length %d..%d"
          % (SRC_VOCAB, TGT_VOCAB, min(lengths), max(lengths)))
