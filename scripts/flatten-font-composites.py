#!/usr/bin/env python3
"""Rewrite the shipped fonts so that no composite glyph has a composite component (run once; the fonts in
WeProtect.Summit.Web/Pdf/Fonts are its output).

Why: PDFsharp 6.2.4 embeds a subset of each font and adds the components of a composite glyph one level deep only. In
Noto Naskh Arabic most dotted letters (ب ت ي ة …) and the hamza forms (أ إ) are composites whose dot or hamza is itself a
composite, so the embedded subset lacked it and the PDF drew "الكعٮى" for "الكعبي". Each glyph with a nested composite is
replaced here by its outline (the same points, decomposed), so one level is always enough. Shaping (GSUB/GPOS), metrics and
every other glyph are unchanged; the licence (SIL OFL 1.1) allows modified versions.

    python3 scripts/flatten-font-composites.py WeProtect.Summit.Web/Pdf/Fonts/*.ttf     # needs fontTools (python3-fonttools)
"""
import sys

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont


def flatten(path):
    font = TTFont(path)
    glyf = font["glyf"]
    glyph_set = font.getGlyphSet()
    nested = [name for name in font.getGlyphOrder()
              if glyf[name].isComposite() and any(glyf[c.glyphName].isComposite() for c in glyf[name].components)]
    outlines = {}
    for name in nested:
        recording = DecomposingRecordingPen(glyph_set)
        glyph_set[name].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(pen)
        outlines[name] = pen.glyph()
    for name, glyph in outlines.items():
        glyph.recalcBounds(glyf)
        glyf[name] = glyph
    font.save(path)
    left = [name for name in font.getGlyphOrder()
            if glyf[name].isComposite() and any(glyf[c.glyphName].isComposite() for c in glyf[name].components)]
    print(f"{path}: {len(nested)} glyphs with nested composites decomposed, {len(left)} left")


for argument in sys.argv[1:]:
    flatten(argument)
