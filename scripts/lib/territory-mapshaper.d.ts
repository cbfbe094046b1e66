// Minimal typing of the part of mapshaper's library API the territory build uses.
declare module 'mapshaper' {
  type Inputs = Record<string, string | object>;
  const mapshaper: {
    /** Runs mapshaper commands on in-memory inputs; resolves to the -o outputs by file name. */
    applyCommands(commands: string, inputs?: Inputs): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
