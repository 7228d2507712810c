/**
 * A compiled matcher (SerializedMatcher, SerializedOverlay: typed arrays and plain data) as JSON-safe data and
 * back. IndexedDB and Firefox's extension storage keep typed arrays by structured clone; Chromium's
 * `storage.local` and extension messaging serialise to JSON, where a Uint32Array becomes `{"0":…}`. Each typed
 * array becomes `{ $typed, base64 }` of its bytes (little-endian, as every browser Dramatis runs in stores
 * them): about 1.4 characters per byte, against 2–11 for a JSON array of numbers.
 */
import { base64ToBytes, bytesToBase64 } from './feed-signature.ts';

const TYPED = {
  Uint8Array, Uint16Array, Uint32Array, Int8Array, Int16Array, Int32Array, Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

interface WireTyped {
  $typed: TypedName;
  base64: string;
}

/** `value` with every typed array in it replaced by its wire form (other values shared, not copied). */
export function toWire(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedName;
    if (!(name in TYPED)) throw new Error(`toWire: ${name} is not supported`);
    return { $typed: name, base64: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) } satisfies WireTyped;
  }
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toWire(v);
    return out;
  }
  return value;
}

/**
 * The value `toWire` was given, typed arrays restored.
 * @throws Error on a wire form that names an unknown array type or holds a byte count that doesn't fit it.
 */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (typeof value !== 'object' || value === null) return value;
  const maybe = value as Partial<WireTyped>;
  if (typeof maybe.$typed === 'string' && typeof maybe.base64 === 'string') {
    const Ctor = TYPED[maybe.$typed];
    if (!Ctor) throw new Error(`fromWire: unknown array type ${maybe.$typed}`);
    const bytes = base64ToBytes(maybe.base64);
    if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new Error(`fromWire: ${bytes.byteLength} bytes is no ${maybe.$typed}`);
    return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = fromWire(v);
  return out;
}
