/**
 * Finding M2 and L5 of the 2026-12-01 security review: the SVG check is an allow-list matched after
 * namespace resolution and entity decoding, and PNG/WebP are checked by their real headers with
 * caps on bytes and pixels. Each bypass goes through the real pack validator, as an import would.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack } from '../../db/pack-validate';
import { illustrationProblem, MAX_ILLUSTRATION_BYTES, svgProblem } from '../../db/illustration-safety';
import { removeTempDirs, repoRoot, sourcePack } from '../fixtures/content';
import { hugeWebpHeader, makePng, svgBypasses, tinyWebp } from '../fixtures/images';

afterAll(removeTempDirs);

function importProblems(mediaType: string, data: Buffer): string {
  const pack = sourcePack();
  const x = pack.procedures[0]!.illustrations[0]!;
  x.mediaType = mediaType as typeof x.mediaType;
  x.data = data.toString('base64');
  const result = checkPack(pack);
  return result.ok ? '(accepted)' : result.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

describe('the SVG allow-list refuses each of the review\'s ten bypasses', () => {
  for (const [name, svg, problem] of svgBypasses) {
    it(name, () => {
      const problems = importProblems('image/svg+xml', Buffer.from(svg));
      expect(problems).toMatch(/^procedures\[0\]\.illustrations\[0\]: illustration "spine-fracture": /);
      expect(problems).toMatch(problem);
    });
  }
});

describe('the SVG allow-list', () => {
  it('accepts the bundled pictures, the app icon and plain markup with local references', () => {
    expect(importProblems('image/svg+xml', readFileSync(join(repoRoot, 'resources/build/icon.svg')))).toBe('(accepted)');
    const plain =
      '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">' +
      '<!-- a comment --><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h9"/></defs>' +
      '<rect width="10" height="10" style="fill: url(\'#g\')"/><use xlink:href="#p"/><title>Spine &amp; needle &#x2014;</title></svg>';
    expect(svgProblem(plain)).toBeNull();
  });

  it('refuses an external entity with a clear message instead of failing inside the parser', () => {
    const svg = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><title>&x;</title></svg>';
    expect(importProblems('image/svg+xml', Buffer.from(svg))).toMatch(/DOCTYPE or entities/);
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><title>&x;</title></svg>')).toMatch(/entity inside <title>/);
  });

  it('refuses elements outside the SVG namespace, undeclared prefixes and unknown attributes', () => {
    expect(svgProblem('<svg><rect/></svg>')).toMatch(/root element is not <svg> in the SVG namespace/);
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><g xmlns="http://www.w3.org/1999/xhtml"><script>x</script></g></svg>')).toMatch(/<g> from the namespace http:\/\/www\.w3\.org\/1999\/xhtml/);
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><q:rect/></svg>')).toMatch(/undeclared namespace prefix "q:"/);
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><rect x:onload="a()" xmlns:x="urn:x"/></svg>')).toMatch(/not allowed \(x:onload on <rect>\)/);
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><rect &#x6f;nload="a()"/></svg>')).not.toBeNull();
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="&#x75;rl(https://example.com/)"/></svg>')).toMatch(/outside the picture/);
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.com/"><rect/></a></svg>')).toMatch(/<a> element/);
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml,x"/></svg>')).toMatch(/outside itself/);
  });
});

describe('PNG and WebP are checked by their real headers, with caps', () => {
  it('accepts a real PNG and a real WebP', () => {
    expect(illustrationProblem('image/png', readFileSync(join(repoRoot, 'resources/build/icon.png')))).toBeNull();
    expect(illustrationProblem('image/png', makePng(20, 10))).toBeNull();
    expect(illustrationProblem('image/webp', tinyWebp)).toBeNull();
  });

  it('refuses a PNG whose header claims 20,000 x 20,000 pixels, at import', () => {
    expect(importProblems('image/png', makePng(4, 4, { width: 20_000, height: 20_000 }))).toMatch(/20000 x 20000 pixels; the largest allowed is 8192 pixels a side/);
  });

  it('refuses a WebP whose VP8X header claims 20,000 x 20,000 pixels, at import', () => {
    expect(importProblems('image/webp', hugeWebpHeader())).toMatch(/20000 x 20000 pixels/);
  });

  it('refuses a PNG signature followed by garbage, and a truncated PNG', () => {
    const png = makePng(8, 8);
    const garbage = Buffer.concat([png.subarray(0, 8), Buffer.alloc(40, 7)]);
    expect(importProblems('image/png', garbage)).toMatch(/no valid IHDR header/);
    expect(importProblems('image/png', png.subarray(0, 40))).toMatch(/truncated/);
  });

  it(`refuses a picture over ${MAX_ILLUSTRATION_BYTES / 1048576} MB`, () => {
    const big = Buffer.concat([makePng(8, 8), Buffer.alloc(MAX_ILLUSTRATION_BYTES, 0)]);
    expect(importProblems('image/png', big)).toMatch(/the largest allowed is 2 MB/);
  });
});
