#!/usr/bin/env python3
"""Builds words.txt: the synthetic generator's English word frequencies.

Counts the words of human-corrected text only (never raw OCR), so that the generator's
"clean" side is spelt as people spell:

- the second column ("human-corrected") of the Overproof Trove evaluation set, allArticles.txt;
- every documents/*/corrected.md of this repository.

Usage, from the repository root:

    python3 crates/core/src/synth/make_words.py \
        /work/shared/testdata/overproof-trove/allArticles.txt documents \
        > crates/core/src/synth/words.txt

Rules (see SOURCE.md): line-end hyphens are joined ("no-" + "mination"), HTML comments (page
markers) are dropped, a word is a run of ASCII letters with inner apostrophes, hyphenated
compounds count as their parts, and single letters other than "a" and "I" are skipped. Words
are counted case-insensitively. The spelling written out is the lower-case one when at least
a tenth of the mixed-case occurrences are lower case, else the capitalized one when a tenth are
that, else capitals. Words in a text typed all in capitals (the 1963 teletype reports) count,
but do not vote on the spelling. At most TOP words are kept, the most frequent first and ties
in spelling order; a tier of equal counts that the limit would cut is dropped whole, so which
words are kept never depends on their alphabetical order.
"""

import collections
import pathlib
import re
import sys

TOP = 5000
SEPARATOR = "||@@||"
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
COMMENT = re.compile(r"<!--.*?-->", re.S)


def overproof_texts(path):
    """The human-corrected text of each article, line-end hyphens joined."""
    article = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("*$*OVERPROOF*$*"):
            if article:
                yield dehyphenate(article)
            article = []
            continue
        columns = line.split(SEPARATOR)
        if len(columns) >= 2:
            article.append(columns[1])
    if article:
        yield dehyphenate(article)


def dehyphenate(lines):
    text = ""
    for line in lines:
        line = line.strip()
        if re.search(r"[A-Za-z]-$", text):
            text = text[:-1] + line
        else:
            text = text + "\n" + line if text else line
    return text


def corrected_texts(documents):
    for path in sorted(pathlib.Path(documents).glob("*/corrected.md")):
        yield COMMENT.sub(" ", path.read_text(encoding="utf-8"))


def is_all_caps(text):
    letters = [c for c in text if c.isascii() and c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return bool(letters) and upper > 0.8 * len(letters)


def count(texts):
    counts = collections.Counter()
    votes = collections.defaultdict(collections.Counter)
    for text in texts:
        text = text.replace("\u2019", "'")
        capitals = is_all_caps(text)
        for match in WORD.finditer(text):
            word = match.group(0)
            if len(word) == 1 and word not in ("a", "A", "I"):
                continue
            key = word.lower()
            counts[key] += 1
            if not capitals:
                votes[key][shape(word)] += 1
    return counts, votes


def shape(word):
    if word == word.lower():
        return "lower"
    if word[0].isupper() and word[1:] == word[1:].lower():
        return "title"
    if word == word.upper():
        return "upper"
    return word  # mixed, e.g. McDonald: kept as written


def spelling(key, votes):
    total = sum(votes.values())
    if total == 0 or votes["lower"] * 10 >= total:
        return key if key != "i" else "I"
    if votes["title"] * 10 >= total:
        return key.capitalize()
    mixed = [(n, form) for form, n in votes.items() if form not in ("lower", "title", "upper")]
    if mixed and votes["upper"] < max(mixed)[0]:
        return max(mixed)[1]
    return key.upper()


def main():
    overproof, documents = sys.argv[1], sys.argv[2]
    texts = list(overproof_texts(overproof)) + list(corrected_texts(documents))
    counts, votes = count(texts)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) > TOP:
        # Never cut a tier of equal counts: which of them survived would depend on spelling.
        cut = ranked[TOP][1]
        ranked = [item for item in ranked if item[1] > cut]
    for key, n in ranked:
        print(f"{spelling(key, votes[key])} {n}")


if __name__ == "__main__":
    main()
