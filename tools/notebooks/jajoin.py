"""Join soft-wrapped lines in Japanese Markdown (a newline between CJK characters shows as a space)."""

import re


def ja_join(text: str) -> str:
    out: list[str] = []
    for line in text.strip("\n").splitlines():
        starts_block = not line.strip() or re.match(r"\s*(- |#|\d+\. |\|)", line)
        if out and out[-1].strip() and not starts_block:
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out)
