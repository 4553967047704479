/**
 * The WHATWG URL class, which every environment shared/ runs in has (Node, Chromium, Electron),
 * declared here because shared/ sees neither the DOM nor Node's types. Only what shared uses.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
}
