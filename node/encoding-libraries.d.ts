// html-encoding-sniffer and whatwg-encoding ship no types: what node/page-encoding.mjs uses of them.
declare module 'html-encoding-sniffer' {
  /** The encoding's name (`windows-1252`, `UTF-8`, `Shift_JIS`…), or `defaultEncoding` when the bytes declare none it can decode. */
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: {defaultEncoding?: string; transportLayerEncodingLabel?: string},
  ): string;
}
declare module 'whatwg-encoding' {
  /** The bytes decoded in the named encoding (a BOM wins over it). */
  export function decode(bytes: Uint8Array, fallbackEncodingName: string): string;
}
