# str case methods over the scripts that have case: every character's upper, lower and title, as CPython 3.13 (Unicode 15.1) maps them
RANGES = [(0x0, 0x600), (0x10A0, 0x1100), (0x1C80, 0x1CC0), (0x1E00, 0x2200), (0x2C00, 0x2D30),
          (0xA640, 0xA800), (0xFB00, 0xFB20), (0xFF20, 0xFF60), (0x10400, 0x10450)]
CHARS = [chr(cp) for first, last in RANGES for cp in range(first, last)]


def digest(text):
    """A number that changes with any character of text, and its length."""
    total = 0
    for i, ch in enumerate(text):
        total = (total * 31 + ord(ch) * (i + 1)) % 1000000007
    return f"{len(text)}:{total}"


for name in ["upper", "lower", "title"]:
    mapped = [getattr(ch, name)() for ch in CHARS]
    print(name, digest("|".join(mapped)))
    # The first characters whose mapping is not one character, to read when a digest differs.
    print(name, [c + ">" + m for c, m in zip(CHARS, mapped) if len(m) != 1][:6])

# Words: digraphs, a final sigma after ignorable characters, Georgian, ß, and Greek with ypogegrammeni.
WORDS = ["ǆungla ǉubljana ǌ ǳ", "ΟΔΟΣ ΟΔΟΣ. ΣΑΣ", "ΑΣ'Σ Σ", "ა ბ გ", "straße STRASSE", "ᾳ ᾼ ῳ", "ǅ ǈ ǋ ǲ", "hello wORLD 3rd ǅx"]
for w in WORDS:
    print([w.upper(), w.lower(), w.title()])
