"""dinglehopper in process, for `cargo xtask bench --only compare`.

    python dinglehopper_pairs.py <pairs file>

The pairs file has lines `<ocr path>\t<gt path>`. For each pair this does what dinglehopper's
CLI (cli.py, `process`) does for the metrics of two plain text files: `extract` both files
(plain text, UTF-8: lines stripped, normalized, joined), `character_error_rate_n`, then
`words_normalized` and `word_error_rate_n`; and prints one JSON line: name, cer, wer and
micros (the whole of that, files read included; the first pair is run once untimed
before, since dinglehopper's first call loads what it loads lazily). The HTML reports are left out here; the
per-command measure runs the CLI, which writes them.
"""

import json
import os
import sys
import time

from dinglehopper.character_error_rate import character_error_rate_n
from dinglehopper.ocr_files import extract
from dinglehopper.word_error_rate import word_error_rate_n, words_normalized


def rates(ocr, gt):
    gt_text = extract(gt, plain_encoding="utf-8")
    ocr_text = extract(ocr, plain_encoding="utf-8")
    cer, _ = character_error_rate_n(gt_text, ocr_text)
    wer, _ = word_error_rate_n(list(words_normalized(gt_text)), list(words_normalized(ocr_text)))
    return cer, wer


def main(pairs):
    # The encoding is given, as the fixtures give it, since dinglehopper guesses it from the
    # first bytes otherwise (and guesses ASCII for some of these articles).
    with open(pairs, encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    if lines:
        rates(*lines[0])  # untimed: the first call loads what dinglehopper loads lazily
    for ocr, gt in lines:
        started = time.perf_counter()
        cer, wer = rates(ocr, gt)
        micros = (time.perf_counter() - started) * 1e6
        name = os.path.basename(ocr).removesuffix(".ocr.txt")
        print(json.dumps({"name": name, "cer": cer, "wer": wer, "micros": round(micros)}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
