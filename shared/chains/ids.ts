/** Random ids: 32 lowercase hex characters from 16 random bytes (§2.1). */

interface CryptoGlobals {
  crypto?: { getRandomValues(bytes: Uint8Array): Uint8Array };
}

export function randomId(): string {
  const bytes = new Uint8Array(16);
  const crypto = (globalThis as unknown as CryptoGlobals).crypto;
  if (crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
