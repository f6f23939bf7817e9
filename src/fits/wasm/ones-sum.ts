/**
 * Page-aligned read buffers, and the SIMD ones'-complement sum over them.
 *
 * The plain-file reader reads into buffers over one `WebAssembly.Memory`: its memory starts on a page
 * boundary, so the kernel copies whole pages into it (a 1 MiB `Buffer` from malloc starts 16 bytes
 * into a page, and the copy then ran several times slower: docs/performance.md, "Large files"). The
 * same memory is what the WebAssembly sum (ones-sum.wat) reads, so data read there is summed without
 * a copy. Without WebAssembly the buffers are ordinary ones; without SIMD the sum is the JavaScript
 * loop in checksum.ts. `HLSP_ONES_SUM=js` turns the WebAssembly sum off (to compare the two).
 */
import { ONES_SUM_WASM } from './ones-sum-wasm.js';

/** The reader's chunk: where each read of a file lands. */
export const READ_BYTES = 1 << 20;
/**
 * The buffer for ranges summed apart from the parse (a data unit's chunks, on helper threads too).
 * 1 MiB reads sum faster than 4 MiB ones on two threads (4 × 207 MB: 0.207 against 0.223 s), as
 * the chunk just read is still in the core's cache when it is summed.
 */
export const RANGE_BYTES = 1 << 20;
const PAGE = 64 * 1024;

interface AlignedMemory {
  buffer: ArrayBuffer;
  read: Buffer;
  range: Buffer;
  /** The folded sum of the words in memory[start, end), or undefined without SIMD. */
  sum: ((start: number, end: number) => number) | undefined;
}

/** The part of the WebAssembly API used here (the project's type libraries do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let memory: AlignedMemory | undefined;

function allocate(): AlignedMemory {
  const pages = (READ_BYTES + RANGE_BYTES) / PAGE;
  let wasmMemory: WasmMemory;
  try {
    if (wasm === undefined) throw new Error('no WebAssembly');
    // The memory is never grown: growing would detach the buffers handed out below.
    wasmMemory = new wasm.Memory({ initial: pages, maximum: pages });
  } catch {
    const buffer = new ArrayBuffer(READ_BYTES + RANGE_BYTES);
    return { buffer, ...views(buffer), sum: undefined };
  }
  const buffer = wasmMemory.buffer;
  return { buffer, ...views(buffer), sum: compileSum(wasmMemory) };
}

function views(buffer: ArrayBuffer): { read: Buffer; range: Buffer } {
  return {
    read: Buffer.from(buffer, 0, READ_BYTES),
    range: Buffer.from(buffer, READ_BYTES, RANGE_BYTES),
  };
}

function compileSum(wasmMemory: WasmMemory): AlignedMemory['sum'] {
  if (wasm === undefined || process.env.HLSP_ONES_SUM === 'js') return undefined;
  try {
    const module = new wasm.Module(Buffer.from(ONES_SUM_WASM, 'base64'));
    const instance = new wasm.Instance(module, { env: { memory: wasmMemory } });
    return instance.exports.sum as (start: number, end: number) => number;
  } catch {
    // An engine without WebAssembly SIMD rejects the module: the JavaScript loop sums instead.
    return undefined;
  }
}

/** The page-aligned memory, made on first use (one per thread). */
export function alignedMemory(): AlignedMemory {
  memory ??= allocate();
  return memory;
}

/** The reader's page-aligned 1 MiB buffer (reused by every read on this thread). */
export function readBuffer(): Buffer {
  return alignedMemory().read;
}

/** The page-aligned 1 MiB buffer for ranges summed apart from the parse. */
export function rangeBuffer(): Buffer {
  return alignedMemory().range;
}

/**
 * The ones'-complement sum of the words of `bytes[start, end)`, folded to 32 bits (0xFFFFFFFF and 0
 * are both zero), when `bytes` lies in the aligned memory and SIMD is at hand; otherwise -1.
 */
export function simdSum(bytes: Uint8Array, start: number, end: number): number {
  const aligned = memory;
  if (aligned === undefined || aligned.sum === undefined || bytes.buffer !== aligned.buffer) return -1;
  return aligned.sum(bytes.byteOffset + start, bytes.byteOffset + end) >>> 0;
}
