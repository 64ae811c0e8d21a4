import { ChunkDecoder, decodeChunks, decodeText } from './decode';
import { ParseError } from './errors';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function decodeInPieces(data: Uint8Array, size: number): string {
  const d = new ChunkDecoder();
  let out = '';
  for (let i = 0; i < data.length; i += size) out += d.write(data.subarray(i, i + size));
  return out + d.end();
}

function expectParseError(fn: () => unknown, pattern: RegExp, line: number): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).message).toMatch(pattern);
    expect((e as ParseError).line).toBe(line);
    return;
  }
  throw new Error('expected a ParseError');
}

describe('decode', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeText(utf8('a;é\r\n'))).toBe('a;é\r\n');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('"Eén";1')]))).toBe('"Eén";1');
  });

  it('handles chunks split in the middle of a character and of the BOM', () => {
    const text = 'Eénpersoonshuishoudens ’s-Gravenhage 😀 Skarsterlân\n'.repeat(50);
    const data = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(decodeInPieces(data, size)).toBe(text);
  });

  it('decodes UTF-16 LE and BE with a BOM, split anywhere', () => {
    const text = 'indicator,subject\r\nEén,GM0599\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeInPieces(le, 3)).toBe(text);
    expect(decodeInPieces(be, 5)).toBe(text);
  });

  it('refuses UTF-16 without BOM as not text, on line 1', () => {
    const le = Buffer.from('indicator,subject\n', 'utf16le');
    expectParseError(() => decodeText(le), /^file is not text: .*NUL/, 1);
  });

  it('refuses binary data (NUL, control chars, xlsx) with the line it is on', () => {
    expectParseError(() => decodeText(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0)), /file is not text: .*xlsx/, 1);
    expectParseError(() => decodeText(utf8('a,b\nc,d\ne\u0001f\n')), /file is not text/, 3);
    expectParseError(() => decodeInPieces(utf8('a,b\nc,d\n\u0000'), 2), /file is not text/, 3);
  });

  it('falls back to windows-1252 for non-UTF-8 text that started as ASCII', () => {
    expect(decodeText(bytes(0x61, 0x3b, 0xe9, 0x0a))).toBe('a;é\n');
  });

  it('accepts strings and async sources', async () => {
    async function* src(): AsyncGenerator<Uint8Array | string> {
      yield Uint8Array.from([0xef, 0xbb]);
      yield Uint8Array.from([0xbf, 0x61]);
      yield 'b';
    }
    let out = '';
    for await (const t of decodeChunks(src())) out += t;
    expect(out).toBe('ab');
    expect(decodeText('\uFEFFx')).toBe('x');
  });
});
