/**
 * The CJK font for PDFs: Noto Sans SC (OFL) from the npm package
 * @expo-google-fonts/noto-sans-sc, never a system font, so every install renders the same.
 * pdfkit embeds only the glyphs a document uses.
 *
 * Speed (docs/decisions/005-certificates.md): the font is parsed once per process with
 * the fontkit pdfkit itself uses, and text shaping results are shared between documents.
 * pdfkit keeps its shaping cache per document, so the labels every certificate repeats
 * were shaped again for each one; re-reading the 10.5 MB file per document cost ~21 ms.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CJK_FONT_PATH = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

/** The parts of a fontkit glyph run pdfkit reads. */
interface GlyphRun {
  glyphs: unknown[];
  positions: Record<string, number>[];
}

interface FontkitGlyph {
  _decode(): unknown;
}

interface FontkitFont {
  layout(text: string, features?: unknown): GlyphRun;
  getGlyph(id: number, characters?: number[]): FontkitGlyph | null;
}

interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
}

const MAX_CACHED_RUNS = 20_000;

const DECODED = Symbol('greenlist.decoded-glyph');

/**
 * The font with process-wide caches: shaping results in front of `layout`, and each
 * glyph's decoded outline (fontkit keeps glyph objects but decodes their outline again
 * for every subset, which was a fifth of a page's time). pdfkit scales the positions of
 * each run it gets in place, so every caller receives fresh position objects; glyphs and
 * decoded outlines are only read and are shared.
 */
function withSharedCaches(font: FontkitFont): FontkitFont {
  const cache = new Map<string, GlyphRun>();
  const cached = Object.create(font) as FontkitFont;
  cached.getGlyph = function (id, characters) {
    const glyph = font.getGlyph.call(this, id, characters) as (FontkitGlyph & { [DECODED]?: true }) | null;
    if (glyph !== null && glyph[DECODED] === undefined) {
      const decode = glyph._decode.bind(glyph);
      let decoded: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          decoded = decode();
          done = true;
        }
        return decoded;
      };
      glyph[DECODED] = true;
    }
    return glyph;
  };
  cached.layout = (text: string, features?: unknown) => {
    const key = (features === undefined ? '' : JSON.stringify(features)) + '\u0000' + text;
    let run = cache.get(key);
    if (run === undefined) {
      const fresh = font.layout(text, features);
      run = { glyphs: fresh.glyphs, positions: fresh.positions.map((p) => ({ ...p })) };
      if (cache.size >= MAX_CACHED_RUNS) cache.clear();
      cache.set(key, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + (p.xAdvance ?? 0), 0);
      },
    };
  };
  return cached;
}

let parsed: FontkitFont | undefined;

/** A parsed font object pdfkit's `registerFont` accepts in place of a path or buffer. */
export function cjkFont(): unknown {
  if (parsed === undefined) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
    parsed = withSharedCaches(fontkit.create(readFileSync(CJK_FONT_PATH)));
  }
  return parsed;
}
