// The one error the territory build throws on purpose: bad or missing input.
// The CLI prints its message as is (it names the file) and exits non-zero.

export class TerritoryInputError extends Error {
  /** The file (or folder) at fault, as an absolute path when known. */
  readonly file: string;

  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'TerritoryInputError';
    this.file = file;
  }
}

/** A build stopped by problems found in the data (listed in full in the message). */
export class BuildError extends Error {
  readonly issues: readonly { severity: string; message: string; line?: number; field?: string }[];

  constructor(title: string, issues: BuildError['issues']) {
    const lines = issues.map((i) => `  ${i.severity}${i.line !== undefined ? ` line ${i.line}` : ''}${i.field ? ` [${i.field}]` : ''}: ${i.message}`);
    super([title, ...lines].join('\n'));
    this.name = 'BuildError';
    this.issues = issues;
  }
}
