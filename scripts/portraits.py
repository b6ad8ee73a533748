#!/usr/bin/env python3
"""Draws the example site's illustrated portraits (content/stories/portraits/).

Each portrait is a flat illustration made from a few shapes, written as SVG
and rasterised to a 640x640 PNG by headless Chromium. They depict nobody:
the example people are invented. The files are dedicated to the public
domain (CC0 1.0), see content/stories/portraits/LICENSE.txt.

Usage: python3 scripts/portraits.py   (needs /usr/bin/chromium)
"""
import os
import subprocess
import tempfile

OUT = os.path.join(os.path.dirname(__file__), "..", "content", "stories", "portraits")

SKIN = ["#f3cfb3", "#e3b08a", "#c98e66", "#a96c47", "#8a5430", "#6a3e22"]
HAIR = {"black": "#1f1a17", "brown": "#5a3a22", "auburn": "#8a3b1c", "blond": "#d8b060", "grey": "#9a9a9a"}

# slug: (background, shirt, skin, hair colour, hair style, glasses)
PEOPLE = {
    "amara-okafor": ("#ffd9a8", "#2e6b30", 5, "black", "afro", False),
    "chloe-dubois": ("#d8e8ff", "#a63d40", 0, "brown", "long", False),
    "daniel-murphy": ("#e3f1d9", "#1f6680", 0, "auburn", "short", True),
    "fatima-el-amrani": ("#f5e1ff", "#3949ab", 2, "black", "scarf", False),
    "kwame-mensah": ("#ffe7c2", "#6a3d9a", 4, "black", "buzz", False),
    "lucas-ferreira": ("#dff3f1", "#7a5200", 2, "brown", "short", False),
    "marek-kowalczyk": ("#ffe0e0", "#00665c", 0, "blond", "short", True),
    "maria-santos": ("#e6e0ff", "#a0245e", 1, "brown", "bun", False),
    "priya-raman": ("#fff1c9", "#1f6680", 3, "black", "long", True),
    "siobhan-kelly": ("#dcefff", "#2e6b30", 0, "auburn", "long", False),
    "zoe-martin": ("#ffe3ef", "#3949ab", 1, "blond", "bob", False),
}

ALT = {
    "amara-okafor": "Illustrated portrait of Amara, smiling, in a green top",
    "chloe-dubois": "Illustrated portrait of Chloé with long brown hair",
    "daniel-murphy": "Illustrated portrait of Daniel with red hair and glasses",
    "fatima-el-amrani": "Illustrated portrait of Fatima in a headscarf",
    "kwame-mensah": "Illustrated portrait of Kwame in a purple shirt",
    "lucas-ferreira": "Illustrated portrait of Lucas with short brown hair",
    "marek-kowalczyk": "Illustrated portrait of Marek with fair hair and glasses",
    "maria-santos": "Illustrated portrait of Maria with her hair in a bun",
    "priya-raman": "Illustrated portrait of Priya with long black hair and glasses",
    "siobhan-kelly": "Illustrated portrait of Siobhán with long red hair",
    "zoe-martin": "Illustrated portrait of Zoë with a blond bob",
}


def svg(background, shirt, skin_index, hair_name, style, glasses):
    skin = SKIN[skin_index]
    hair = HAIR[hair_name]
    shade = "#00000022"
    behind, front = "", ""
    if style == "long":
        behind = f'<path d="M60 92 C 54 36, 146 36, 140 92 L 146 160 C 124 150, 76 150, 54 160 Z" fill="{hair}"/>'
        front = f'<path d="M63 92 C 58 26, 142 26, 137 92 C 128 62, 96 56, 70 78 Z" fill="{hair}"/>'
    elif style == "bun":
        behind = f'<circle cx="100" cy="40" r="17" fill="{hair}"/>'
        front = f'<path d="M64 88 C 59 28, 141 28, 136 88 C 128 62, 72 62, 64 88 Z" fill="{hair}"/>'
    elif style == "afro":
        behind = f'<circle cx="100" cy="78" r="52" fill="{hair}"/>'
    elif style == "bob":
        behind = f'<path d="M60 96 C 54 38, 146 38, 140 96 L 140 118 C 128 112, 72 112, 60 118 Z" fill="{hair}"/>'
        front = f'<path d="M63 88 C 58 28, 142 28, 137 88 C 122 68, 90 66, 63 88 Z" fill="{hair}"/>'
    elif style == "short":
        front = f'<path d="M64 86 C 60 28, 140 28, 136 86 C 130 64, 110 60, 96 62 C 82 64, 70 68, 64 86 Z" fill="{hair}"/>'
    elif style == "buzz":
        front = f'<path d="M66 82 C 64 38, 136 38, 134 82 C 122 62, 78 62, 66 82 Z" fill="{hair}"/>'
    elif style == "scarf":
        behind = f'<path d="M56 100 C 50 30, 150 30, 144 100 L 150 170 C 124 156, 76 156, 50 170 Z" fill="{shirt}"/>'
        front = f'<path d="M60 98 C 54 24, 146 24, 140 98 C 136 70, 120 58, 100 58 C 80 58, 64 70, 60 98 Z" fill="{shirt}"/>'
    eyes = '<circle cx="87" cy="92" r="3.2" fill="#2a2220"/><circle cx="113" cy="92" r="3.2" fill="#2a2220"/>'
    smile = '<path d="M88 108 Q 100 118, 112 108" fill="none" stroke="#7a3b2e" stroke-width="3" stroke-linecap="round"/>'
    specs = (
        '<g fill="none" stroke="#2a2220" stroke-width="2.5"><circle cx="87" cy="92" r="9"/>'
        '<circle cx="113" cy="92" r="9"/><path d="M96 92 H104"/></g>'
        if glasses else ""
    )
    return f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="640" height="640">
<rect width="200" height="200" fill="{background}"/>
{behind}
<path d="M28 200 C 30 152, 68 136, 100 136 C 132 136, 170 152, 172 200 Z" fill="{shirt}"/>
<path d="M88 112 H112 V140 C 106 146, 94 146, 88 140 Z" fill="{skin}"/>
<path d="M88 128 C 94 134, 106 134, 112 128 V140 C 106 146, 94 146, 88 140 Z" fill="{shade}"/>
<ellipse cx="100" cy="90" rx="34" ry="40" fill="{skin}"/>
{front}
{eyes}{specs}{smile}
</svg>'''


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for slug, spec in sorted(PEOPLE.items()):
            source = os.path.join(tmp, f"{slug}.svg")
            with open(source, "w") as f:
                f.write(svg(*spec))
            html = os.path.join(tmp, f"{slug}.html")
            with open(html, "w") as f:
                f.write(f'<html><body style="margin:0"><img src="{slug}.svg" width="640" height="640"></body></html>')
            target = os.path.abspath(os.path.join(OUT, f"{slug}.png"))
            subprocess.run(
                ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--hide-scrollbars", "--window-size=640,640",
                 f"--screenshot={target}", f"file://{html}"],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            print(target)


if __name__ == "__main__":
    main()
