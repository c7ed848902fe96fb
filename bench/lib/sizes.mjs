// Byte counts the way a CDN serves them: raw (minified), gzip level 9, brotli quality 11.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function sizesOf(bytes) {
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function fileSizes(file) {
  return sizesOf(readFileSync(file));
}

/** 12345 -> "12.3 KB" (1 KB = 1,000 bytes). */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
