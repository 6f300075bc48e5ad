/**
 * A hall configuration's YAML with its `printing:` section replaced, for tests
 * and demos that run printers on ports chosen at run time. The section must be
 * the file's last top-level key, as it is in config/hall.default.yaml.
 */
export function withPrinters(
  yaml: string,
  printers: { code: string; port: number; host?: string; paper?: 58 | 80; kiosks: string[] }[],
): string {
  const start = yaml.search(/^printing:/m);
  const base = start === -1 ? yaml : yaml.slice(0, start);
  const lines = ['printing:', '  printers:'];
  for (const p of printers) {
    lines.push(
      `    - code: ${p.code}`,
      `      name: { zh: ${p.code}, en: ${p.code} }`,
      `      host: ${p.host ?? '127.0.0.1'}`,
      `      port: ${p.port}`,
      `      paper: ${p.paper ?? 80}`,
    );
  }
  lines.push(printers.some((p) => p.kiosks.length > 0) ? '  kiosks:' : '  kiosks: {}');
  for (const p of printers)
    for (const kiosk of p.kiosks) lines.push(`    ${JSON.stringify(kiosk)}: ${p.code}`);
  return `${base.trimEnd()}\n\n${lines.join('\n')}\n`;
}
