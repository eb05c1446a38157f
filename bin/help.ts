/** Help sections shared by the commands: examples, exit codes, environment variables. */
export function helpSections(parts: {
  examples: [string, string][];
  exitCodes: [string, string][];
  env: [string, string][];
}): string {
  const width = (rows: [string, string][]) => Math.max(0, ...rows.map(([a]) => a.length));
  const block = (title: string, rows: [string, string][]) => {
    if (rows.length === 0) return '';
    const w = width(rows);
    return `\n${title}:\n${rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`.trimEnd()).join('\n')}\n`;
  };
  const examples = parts.examples.length
    ? `\nExamples:\n${parts.examples.map(([cmd, what]) => `  $ ${cmd}\n      ${what}`).join('\n')}\n`
    : '';
  return examples + block('Exit codes', parts.exitCodes) + block('Environment variables', parts.env);
}
