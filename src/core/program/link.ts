/**
 * A program as a link: everything in the URL fragment (`#program=...`), which
 * the browser never sends to a server, so the program goes from the physio's
 * screen to the patient's laptop without passing through anything.
 *
 * The fragment's payload is base64url of:
 *   byte 0      the link format (LINK_FORMAT); a newer one is refused, not guessed at
 *   byte 1      how the data is packed: 0 plain UTF-8 JSON, 1 raw deflate of it
 *               (CompressionStream, in Node 18+ and Chromium 103+; plain where it is missing)
 *   bytes 2-9   the tag: the first 8 bytes of SHA-256 over bytes 0-1 and the data
 *   bytes 10-   the data
 *
 * The tag detects a link that was cut short (a QR code read in part, a copy
 * that lost its end) or changed by hand: one changed character changes the
 * hash. It is NOT a signature: anyone can edit a program and compute a new
 * tag, as the tag needs no secret. It keeps accidents and casual edits out;
 * what is in a link that passes it is still checked in full (program.ts:
 * every field, every bound), so an edited link can still only hold a program
 * the builder could have made.
 *
 * Decoding: fragment -> base64url -> format -> tag -> inflate -> UTF-8 -> JSON
 * -> the program's schema and bounds; each step refuses with its own message.
 */
import { parseProgram, type Program } from './program.ts';

export const LINK_FORMAT = 1;
/** The fragment's key: `#program=<payload>`. */
export const PROGRAM_FRAGMENT_KEY = 'program';
const TAG_BYTES = 8;
const HEADER_BYTES = 2 + TAG_BYTES;
const PACKED_PLAIN = 0;
const PACKED_DEFLATE = 1;

/**
 * A QR code of version 40 (the largest) holds 2953 bytes in byte mode at
 * error-correction level L; a link longer than this cannot be one QR code.
 */
export const QR_MAX_BYTES = 2953;

export type ProgramDecode = { readonly ok: true; readonly program: Program } | { readonly ok: false; readonly error: string };

const hasCompression = (): boolean => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** ArrayBuffer-backed bytes: what Blob and digest take (a SharedArrayBuffer view is not). */
type Bytes = Uint8Array<ArrayBuffer>;

async function through(bytes: Bytes, stream: CompressionStream | DecompressionStream): Promise<Bytes> {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

async function tagOf(header: Bytes, data: Bytes): Promise<Bytes> {
  const all = new Uint8Array(header.length + data.length);
  all.set(header, 0);
  all.set(data, header.length);
  const digest = await crypto.subtle.digest('SHA-256', all);
  return new Uint8Array(digest, 0, TAG_BYTES);
}

export function base64UrlOf(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of base64url text, or null when it has a character base64url does not use or a length it cannot have. */
export function bytesOfBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The fragment's payload for a program (what follows `#program=`). The program is checked first: a link is only made of a valid one. */
export async function encodeProgram(program: Program): Promise<string> {
  const checked = parseProgram(program);
  if (!checked.ok) throw new RangeError(`program: ${checked.error}`);
  const json = new TextEncoder().encode(JSON.stringify(checked.program));
  const deflate = hasCompression();
  const data = deflate ? await through(json, new CompressionStream('deflate-raw')) : json;
  const header = Uint8Array.of(LINK_FORMAT, deflate ? PACKED_DEFLATE : PACKED_PLAIN);
  const tag = await tagOf(header, data);
  const all = new Uint8Array(HEADER_BYTES + data.length);
  all.set(header, 0);
  all.set(tag, 2);
  all.set(data, HEADER_BYTES);
  return base64UrlOf(all);
}

/** The whole link: the page (without its fragment) and the program in the fragment. */
export async function programLink(program: Program, pageUrl: string): Promise<string> {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  return `${base}#${PROGRAM_FRAGMENT_KEY}=${await encodeProgram(program)}`;
}

/** The payload of a location hash (`#program=...`), or null when the hash carries no program. */
export function programPayloadOf(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${PROGRAM_FRAGMENT_KEY}=`;
  return fragment.startsWith(prefix) ? fragment.slice(prefix.length) : null;
}

const refuse = (error: string): ProgramDecode => ({ ok: false, error });

/** A program from a fragment's payload, or the message that says why the link is refused. Nothing of a refused link is used. */
export async function decodeProgram(payload: string): Promise<ProgramDecode> {
  if (payload === '') return refuse('the link holds no program: nothing follows "#program="');
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return refuse('the link is damaged: it has characters a program link cannot have (was it copied in full?)');
  const bytes = bytesOfBase64Url(payload);
  // the only length base64url cannot have: one character past a whole group, a link that lost its end
  if (bytes === null) return refuse('the link was changed or cut short: its length is not one a program link can have (ask your physiotherapist for the link again)');
  if (bytes.length <= HEADER_BYTES) return refuse(`the link is cut short: ${bytes.length} bytes, too few for any program (was it copied in full?)`);
  const format = bytes[0] ?? 0;
  if (format > LINK_FORMAT) return refuse(`the link was made by a newer FormCoach (link format ${format}; this one reads format ${LINK_FORMAT}): update FormCoach to open it`);
  if (format !== LINK_FORMAT) return refuse(`the link is damaged: unknown link format ${format}`);
  const packed = bytes[1];
  if (packed !== PACKED_PLAIN && packed !== PACKED_DEFLATE) return refuse(`the link is damaged: unknown packing ${String(packed)}`);
  const header = bytes.subarray(0, 2);
  const data = bytes.subarray(HEADER_BYTES);
  const tag = await tagOf(header, data);
  const stored = bytes.subarray(2, HEADER_BYTES);
  if (!tag.every((b, i) => b === stored[i])) {
    return refuse('the link was changed or cut short: its check does not match its content (ask your physiotherapist for the link again)');
  }
  let jsonBytes = data;
  if (packed === PACKED_DEFLATE) {
    if (!hasCompression()) return refuse('this browser cannot unpack the link (no DecompressionStream): open it in a current browser');
    try {
      jsonBytes = await through(data, new DecompressionStream('deflate-raw'));
    } catch (e) {
      return refuse(`the link is damaged: its content does not unpack (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(jsonBytes));
  } catch (e) {
    return refuse(`the link is damaged: its content is not a program (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = parseProgram(value);
  return parsed.ok ? parsed : refuse(`the program is refused: ${parsed.error}`);
}

/** A program from a location hash; null when the hash carries none (not an error: the app opens as usual). */
export async function programOfHash(hash: string): Promise<ProgramDecode | null> {
  const payload = programPayloadOf(hash);
  return payload === null ? null : decodeProgram(payload);
}

/** Bytes of a link as a QR code carries it (UTF-8; the link is ASCII, so its length). */
export const linkBytes = (link: string): number => new TextEncoder().encode(link).length;
