/** ed25519 signatures for content packs, so a fleet of kiosks imports only packs from trusted keys. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256 } from './canonical-json';
import type { ContentPack } from './pack-schema';

export interface TrustedKey {
  id: string;
  publicKeyPem: string;
}

export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return sha256(der).slice(0, 16);
}

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem, keyId: keyIdOf(publicKeyPem) };
}

const signedBytes = (pack: ContentPack) => {
  const { signature: _signature, ...rest } = pack;
  return Buffer.from(canonicalJson(rest));
};

/** Signs a pack; `release` (number and date) is signed with it, so kiosks can refuse older releases. */
export function signPack(pack: ContentPack, privateKeyPem: string, release?: ContentPack['release']): ContentPack {
  const key = createPrivateKey(privateKeyPem);
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const { signature: _old, ...unsigned } = pack;
  const rest = release ? { ...unsigned, release } : unsigned;
  const value = sign(null, signedBytes(rest as ContentPack), key).toString('base64');
  return { ...rest, signature: { algorithm: 'ed25519', keyId: keyIdOf(publicKeyPem), value } };
}

export type SignatureCheck =
  | { state: 'unsigned' }
  | { state: 'trusted'; keyId: string }
  | { state: 'untrusted'; keyId: string; /** Trusted keys that could not be used (by their names in Settings). */ skipped: string[] }
  | { state: 'bad'; keyId: string };

/** Why a trusted key cannot be used (not PEM, or not Ed25519), or null when it can. */
export function trustedKeyProblem(publicKeyPem: string): string | null {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return 'it is not a readable PEM public key';
  }
  return key.asymmetricKeyType === 'ed25519' ? null : `it is a ${key.asymmetricKeyType ?? 'unknown'} key; packs are signed with Ed25519 keys (made by "npm run admin -- keygen")`;
}

export function checkSignature(pack: ContentPack, trusted: TrustedKey[]): SignatureCheck {
  if (!pack.signature) return { state: 'unsigned' };
  const { keyId, value } = pack.signature;
  const usable = trusted.filter((k) => trustedKeyProblem(k.publicKeyPem) === null);
  const skipped = trusted.filter((k) => !usable.includes(k)).map((k) => k.id);
  const key = usable.find((k) => keyIdOf(k.publicKeyPem) === keyId);
  if (!key) return { state: 'untrusted', keyId, skipped };
  const ok = verify(null, signedBytes(pack), createPublicKey(key.publicKeyPem), Buffer.from(value, 'base64'));
  return ok ? { state: 'trusted', keyId } : { state: 'bad', keyId };
}
