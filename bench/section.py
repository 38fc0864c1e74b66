#!/usr/bin/env python3
"""Puts one benchmark section into bench/RESULTS.md, leaving every other section as it is.

    bench/section.py RESULTS.md "## Heading prefix" section.md

The section (a Markdown block starting with its "## " heading) replaces the first section whose heading starts with
the prefix, up to the next "## " heading; without one it is appended. Each script owns one heading, so a rerun of one
benchmark never wipes the figures of another.
"""
import pathlib
import re
import sys

results, prefix, section_file = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
section = pathlib.Path(section_file).read_text().strip("\n") + "\n"
if not section.startswith(prefix):
    sys.exit(f"section.py: the section must start with its heading {prefix!r}")
text = results.read_text() if results.exists() else "# Benchmark results\n"
pattern = re.compile(r"^" + re.escape(prefix) + r".*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda _: section + "\n", text, count=1)
else:
    text = text.rstrip("\n") + "\n\n" + section
results.write_text(text.rstrip("\n") + "\n")
