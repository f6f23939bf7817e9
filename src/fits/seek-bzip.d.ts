/** The part of seek-bzip (CommonJS, untyped) that the bzip2 reader uses. */
declare module 'seek-bzip' {
  class Stream {
    readByte(): number;
    writeByte(byte: number): void;
    eof?(): boolean;
  }
  const Bunzip: {
    Stream: typeof Stream;
    /** Decodes every block of `input` into `output`; `multistream` goes on across concatenated streams. */
    decode(input: Stream, output: Stream, multistream?: boolean): void;
  };
  export default Bunzip;
}
