/**
 * Checks that an illustration is safe to show on a kiosk and to pass on to other kiosks.
 *
 * SVGs are checked against an allow-list: every element must be a known, static SVG element in
 * the SVG namespace and every attribute a known presentation or geometry attribute, matched after
 * namespace prefixes are resolved and character references decoded. DOCTYPEs, entities,
 * processing instructions, scripts, style sheets, animation, foreign content and references
 * outside the document (hrefs other than `#id`, `url()` other than `url(#id)`, CSS escapes) are
 * refused. PNG and WebP are checked by parsing their real headers (PNG IHDR, WebP VP8/VP8L/VP8X)
 * for their dimensions, with caps on bytes and pixels.
 * Returns a problem description, or null when safe.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS, MAX_PICTURE_SIDE } from '../electron/shared/picture-limits';

export { MAX_PICTURE_BYTES as MAX_ILLUSTRATION_BYTES };

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const textElements = new Set(['text', 'tspan', 'textPath']);
const filterPrimitives = [
  'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting', 'feDisplacementMap',
  'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
];
/** Static SVG elements, in the SVG namespace. No script, style, a, image, foreignObject, feImage or animation. */
const allowedElements = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath', 'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'filter',
  ...filterPrimitives,
]);
/** Elements that may hold words or other character data. */
const characterDataElements = new Set([...textElements, 'title', 'desc']);
/** Elements whose href may point at another element of the same document. */
const hrefElements = new Set(['use', 'textPath', 'linearGradient', 'radialGradient', 'pattern']);
const animationElements = new Set(['set', 'animate', 'animateColor', 'animateMotion', 'animateTransform', 'discard', 'mpath']);

const presentationAttributes = [
  'alignment-baseline', 'baseline-shift', 'clip-path', 'clip-rule', 'color', 'color-interpolation', 'color-interpolation-filters',
  'direction', 'display', 'dominant-baseline', 'fill', 'fill-opacity', 'fill-rule', 'filter', 'flood-color', 'flood-opacity',
  'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style', 'font-variant', 'font-weight', 'image-rendering',
  'letter-spacing', 'lighting-color', 'marker-end', 'marker-mid', 'marker-start', 'mask', 'opacity', 'overflow', 'paint-order',
  'shape-rendering', 'stop-color', 'stop-opacity', 'stroke', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap',
  'stroke-linejoin', 'stroke-miterlimit', 'stroke-opacity', 'stroke-width', 'text-anchor', 'text-decoration', 'text-rendering',
  'transform', 'unicode-bidi', 'vector-effect', 'visibility', 'word-spacing', 'writing-mode',
];
const geometryAttributes = [
  'id', 'class', 'style', 'lang', 'version', 'baseProfile', 'viewBox', 'preserveAspectRatio', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r',
  'rx', 'ry', 'fx', 'fy', 'fr', 'width', 'height', 'd', 'points', 'pathLength', 'offset', 'gradientUnits', 'gradientTransform',
  'spreadMethod', 'patternUnits', 'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
  'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust',
  'startOffset', 'method', 'spacing', 'side', 'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'type',
  'values', 'operator', 'k1', 'k2', 'k3', 'k4', 'radius', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent',
  'baseFrequency', 'numOctaves', 'seed', 'stitchTiles', 'scale', 'xChannelSelector', 'yChannelSelector', 'order', 'kernelMatrix',
  'divisor', 'bias', 'targetX', 'targetY', 'edgeMode', 'preserveAlpha', 'surfaceScale', 'specularConstant', 'specularExponent',
  'diffuseConstant', 'kernelUnitLength', 'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle',
];
const allowedAttributes = new Set([...presentationAttributes, ...geometryAttributes]);

type Node = Record<string, unknown>;

const predefinedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML character references; returns null when the text uses any other entity or a bare `&`. */
export function decodeXmlReferences(text: string): string | null {
  let bad = false;
  const decoded = text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) {
      bad = true;
      return whole;
    }
    if (ref.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        bad = true;
        return whole;
      }
      return String.fromCodePoint(code);
    }
    const named = predefinedEntities[ref];
    if (named === undefined) bad = true;
    return named ?? whole;
  });
  return bad ? null : decoded;
}

/** All character data below a parsed node (for CDATA sections). */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (value && typeof value === 'object') return Object.entries(value).filter(([k]) => k !== ':@').map(([, v]) => textOf(v)).join('');
  return String(value ?? '');
}

const localRef = /^#[A-Za-z_][\w.:-]*$/;

/** A problem with a (decoded) attribute value, or null: no escapes, and url() only to #id. */
function valueProblem(value: string): string | null {
  if (value.includes('\\')) return 'contains a backslash (CSS escapes are not allowed)';
  if ([...value].some((c) => { const n = c.charCodeAt(0); return (n < 32 && n !== 9 && n !== 10 && n !== 13) || n === 127; })) return 'contains control characters';
  if (/@import|expression\s*\(|javascript:|data:/i.test(value)) return 'refers to something outside the picture';
  for (const m of value.matchAll(/url\s*\(([^)]*)\)?/gi)) {
    const target = (m[1] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2').trim();
    if (!localRef.test(target)) return 'refers to something outside the picture (url() may only name an #id in the picture)';
  }
  if (/url\s*\(/i.test(value) && !/url\s*\([^)]*\)/i.test(value)) return 'has an unclosed url(';
  return null;
}

interface Scope {
  readonly [prefix: string]: string;
}

export interface SvgCheckOptions {
  /** Bundled illustrations must not contain words: labels live in localized alt text. */
  forbidText?: boolean;
}

function splitName(qname: string): [prefix: string | null, local: string] {
  const i = qname.indexOf(':');
  return i < 0 ? [null, qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

export function svgProblem(svg: string, options: SvgCheckOptions = {}): string | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) return 'the SVG declares a DOCTYPE or entities, which are not allowed';
  const valid = XMLValidator.validate(svg);
  if (valid !== true) return `the SVG is not well-formed XML (${valid.err.msg}, line ${valid.err.line})`;
  let tree: Node[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      processEntities: false,
      ignoreDeclaration: false,
      ignorePiTags: false,
      parseAttributeValue: false,
      parseTagValue: false,
      trimValues: false,
      cdataPropName: '#cdata',
      commentPropName: '#comment',
    });
    tree = parser.parse(svg) as Node[];
  } catch {
    return 'the SVG could not be read as XML';
  }
  let rootSeen = false;
  for (const node of tree) {
    for (const key of Object.keys(node)) {
      if (key === ':@' || key === '#comment') continue;
      if (key === '#text') {
        if (String(node[key]).trim()) return 'the SVG has text outside its <svg> element';
        continue;
      }
      if (key === '?xml') continue;
      if (key.startsWith('?')) return `the SVG contains a processing instruction (<${key}>), which is not allowed`;
      if (rootSeen) return 'the SVG has more than one root element';
      rootSeen = true;
      const problem = checkElement(key, node, {}, options, true);
      if (problem) return problem;
    }
  }
  if (!rootSeen) return 'the file is not an SVG image (it has no <svg> element)';
  return null;
}

function checkElement(qname: string, node: Node, parentScope: Scope, options: SvgCheckOptions, isRoot: boolean): string | null {
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  const attrs: [string, string][] = [];
  for (const [name, raw] of Object.entries(rawAttrs)) {
    const value = decodeXmlReferences(String(raw));
    if (value === null) return `the SVG uses an entity in ${name} on <${qname}>, which is not allowed`;
    attrs.push([name, value]);
  }
  // Namespace declarations on this element apply to it and its attributes.
  const scope: Record<string, string> = { ...parentScope };
  for (const [name, value] of attrs) {
    if (name === 'xmlns') scope[''] = value;
    else if (name.startsWith('xmlns:')) {
      const prefix = name.slice(6);
      if (prefix === 'xml' || prefix === 'xmlns') return `the SVG redeclares the reserved prefix ${prefix}`;
      scope[prefix] = value;
    }
  }
  const [prefix, local] = splitName(qname);
  const ns = prefix === null ? scope[''] : prefix === 'xml' ? XML_NS : scope[prefix];
  if (ns === undefined && prefix !== null) return `the SVG uses an undeclared namespace prefix "${prefix}:" on <${qname}>`;
  if (isRoot && !(local === 'svg' && ns === SVG_NS)) return `the file is not an SVG image (its root element is not <svg> in the SVG namespace ${SVG_NS})`;
  if (ns !== SVG_NS) return `the SVG contains <${qname}>${ns ? ` from the namespace ${ns}` : ' outside the SVG namespace'}; only SVG elements are allowed`;
  if (animationElements.has(local)) return `the SVG contains an animation element (<${qname}>), which is not allowed`;
  if (local === 'script' || local === 'style' || local === 'foreignObject') {
    return local === 'style'
      ? 'the SVG contains a <style> element; use presentation attributes instead'
      : `the SVG contains a <${qname}> element, which is not allowed`;
  }
  if (!allowedElements.has(local)) return `the SVG contains a <${qname}> element, which is not allowed (only static shapes, text, gradients, patterns, masks and filters are)`;
  if (options.forbidText && textElements.has(local)) return `the SVG contains words (<${qname}>); put labels in the alt text instead`;

  for (const [name, value] of attrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const [aPrefix, aLocal] = splitName(name);
    const aNs = aPrefix === null ? null : aPrefix === 'xml' ? XML_NS : scope[aPrefix];
    if (aPrefix !== null && aNs === undefined) return `the SVG uses an undeclared namespace prefix "${aPrefix}:" on ${name}`;
    const isHref = (aNs === null && aLocal === 'href') || (aNs === XLINK_NS && aLocal === 'href');
    if (isHref) {
      if (!hrefElements.has(local) || !localRef.test(value))
        return `the SVG references something outside itself (${name}="${value.slice(0, 60).replace(/[^\x20-\x7e]/g, '?')}" on <${qname}>); only links to an #id in the picture are allowed`;
      continue;
    }
    if (aNs === XML_NS && (aLocal === 'space' || aLocal === 'lang')) continue;
    if (aNs !== null || !allowedAttributes.has(aLocal)) {
      if (aNs === null && /^on/i.test(aLocal)) return `the SVG has an event handler (${name} on <${qname}>), which is not allowed`;
      return `the SVG has an attribute that is not allowed (${name} on <${qname}>)`;
    }
    const problem = valueProblem(value);
    if (problem) return `the SVG attribute ${name} on <${qname}> ${problem}`;
  }

  const children = node[qname];
  if (!Array.isArray(children)) return null;
  for (const child of children as Node[]) {
    for (const key of Object.keys(child)) {
      if (key === ':@' || key === '#comment') continue;
      if (key === '#text' || key === '#cdata') {
        const raw = key === '#cdata' ? textOf(child[key]) : String(child[key]);
        if (!raw.trim()) continue;
        if (key === '#text' && decodeXmlReferences(raw) === null) return `the SVG uses an entity inside <${qname}>, which is not allowed`;
        if (!characterDataElements.has(local)) return `the SVG has text directly inside <${qname}>; only <text>, <title> and <desc> may hold words`;
        if (options.forbidText && textElements.has(local)) return `the SVG contains words (<${qname}>); put labels in the alt text instead`;
        continue;
      }
      if (key.startsWith('?')) return `the SVG contains a processing instruction (<${key}>), which is not allowed`;
      const problem = checkElement(key, child, scope, options, false);
      if (problem) return problem;
    }
  }
  return null;
}

interface Dimensions {
  width: number;
  height: number;
}

function pngDimensions(b: Buffer): Dimensions | string {
  if (!b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'the data is not a valid PNG file';
  if (b.length < 33 || b.readUInt32BE(8) !== 13 || b.subarray(12, 16).toString('latin1') !== 'IHDR') return 'the PNG file has no valid IHDR header';
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const depth = b[24]!;
  const colour = b[25]!;
  const okDepths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  if (!okDepths[colour]?.includes(depth) || b[26] !== 0 || b[27] !== 0 || b[28]! > 1) return 'the PNG file has an invalid IHDR header';
  if (!b.includes(Buffer.from('IEND', 'latin1'), 33)) return 'the PNG file is truncated (no IEND chunk)';
  return { width, height };
}

function webpDimensions(b: Buffer): Dimensions | string {
  if (b.length < 30 || b.subarray(0, 4).toString('latin1') !== 'RIFF' || b.subarray(8, 12).toString('latin1') !== 'WEBP') return 'the data is not a valid WEBP file';
  if (b.readUInt32LE(4) + 8 > b.length) return 'the WEBP file is truncated';
  const chunk = b.subarray(12, 16).toString('latin1');
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return 'the WEBP file has an invalid VP8 header';
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return 'the WEBP file has an invalid VP8L header';
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return 'the WEBP file has no VP8, VP8L or VP8X image header';
}

/** Width and height from a PNG or WebP file's header, or a problem description. */
export function rasterDimensions(mediaType: string, data: Buffer): Dimensions | string {
  return mediaType === 'image/png' ? pngDimensions(data) : webpDimensions(data);
}

export function illustrationProblem(mediaType: string, data: Buffer, options: SvgCheckOptions = {}): string | null {
  if (data.length > MAX_PICTURE_BYTES)
    return `the picture is ${(data.length / 1048576).toFixed(1)} MB; the largest allowed is ${MAX_PICTURE_BYTES / 1048576} MB`;
  if (mediaType === 'image/svg+xml') return svgProblem(data.toString('utf8'), options);
  if (mediaType !== 'image/png' && mediaType !== 'image/webp') return `unsupported image type ${mediaType}; use SVG, PNG or WebP`;
  const size = rasterDimensions(mediaType, data);
  if (typeof size === 'string') return size;
  if (size.width < 1 || size.height < 1) return 'the picture has no pixels';
  if (size.width > MAX_PICTURE_SIDE || size.height > MAX_PICTURE_SIDE || size.width * size.height > MAX_PICTURE_PIXELS)
    return `the picture is ${size.width} x ${size.height} pixels; the largest allowed is ${MAX_PICTURE_SIDE} pixels a side and ${MAX_PICTURE_PIXELS / 1048576} megapixels`;
  return null;
}
