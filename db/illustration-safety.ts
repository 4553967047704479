/**
 * Checks that an illustration is safe to show on a kiosk: SVGs must be well-formed, with no
 * scripts, event handlers, foreign content or references outside the document; PNG and WebP
 * must carry their file signatures. Returns a problem description, or null when safe.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const forbiddenElements = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'image', 'audio', 'video']);
const textElements = new Set(['text', 'tspan', 'textpath']);

type Node = Record<string, unknown>;

function walk(nodes: unknown, visit: (name: string, attrs: Record<string, string>) => string | null): string | null {
  if (!Array.isArray(nodes)) return null;
  for (const node of nodes as Node[]) {
    for (const [name, value] of Object.entries(node)) {
      if (name === ':@' || name === '#text') continue;
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      const problem = visit(name, attrs) ?? walk(value, visit);
      if (problem) return problem;
    }
  }
  return null;
}

function isExternalReference(value: string): boolean {
  const urls = [...value.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => (m[1] ?? '').trim());
  if (urls.some((u) => !u.startsWith('#'))) return true;
  return /@import|javascript:/i.test(value);
}

export interface SvgCheckOptions {
  /** Bundled illustrations must not contain words: labels live in localized alt text. */
  forbidText?: boolean;
}

export function svgProblem(svg: string, options: SvgCheckOptions = {}): string | null {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) return `the SVG is not well-formed XML (${valid.err.msg}, line ${valid.err.line})`;
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false });
  const tree = parser.parse(svg) as unknown[];
  const root = (tree as Node[]).find((n) => Object.keys(n).some((k) => !k.startsWith('?') && k !== '#text' && k !== ':@'));
  if (!root || !Object.keys(root).includes('svg')) return 'the file is not an SVG image (its root element is not <svg>)';
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) return 'the SVG declares a DOCTYPE or entities, which are not allowed';
  return walk(tree, (name, attrs) => {
    const element = name.toLowerCase();
    if (element.startsWith('?')) return null;
    if (forbiddenElements.has(element)) return `the SVG contains a <${name}> element, which is not allowed`;
    if (element === 'style') return 'the SVG contains a <style> element; use presentation attributes instead';
    if (options.forbidText && textElements.has(element)) return `the SVG contains words (<${name}>); put labels in the alt text instead`;
    for (const [attr, value] of Object.entries(attrs)) {
      const a = attr.toLowerCase();
      if (a.startsWith('on')) return `the SVG has an event handler (${attr} on <${name}>), which is not allowed`;
      if ((a === 'href' || a === 'xlink:href') && !String(value).startsWith('#'))
        return `the SVG references something outside itself (${attr}="${String(value).slice(0, 60)}")`;
      if (isExternalReference(String(value))) return `the SVG references something outside itself (${attr} on <${name}>)`;
    }
    return null;
  });
}

const signatures: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export function illustrationProblem(mediaType: string, data: Buffer, options: SvgCheckOptions = {}): string | null {
  if (mediaType === 'image/svg+xml') return svgProblem(data.toString('utf8'), options);
  const check = signatures[mediaType];
  if (!check) return `unsupported image type ${mediaType}; use SVG, PNG or WebP`;
  return check(data) ? null : `the data is not a valid ${mediaType.replace('image/', '').toUpperCase()} file`;
}
