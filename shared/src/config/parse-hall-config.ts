import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { checkCrossReferences, type ConfigProblem } from './check-cross-references';
import { hallConfigSchema, type HallConfig } from './hall-config-schema';

export type ParseHallConfigResult =
  { ok: true; config: HallConfig } | { ok: false; problems: ConfigProblem[] };

/** Validates an already-parsed object (e.g. JSON sent by an admin). */
export function validateHallConfig(input: unknown): ParseHallConfigResult {
  const parsed = hallConfigSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(toProblem) };
  const problems = checkCrossReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: parsed.data };
}

/** Parses and validates the YAML text of a hall configuration file. */
export function parseHallConfigYaml(text: string): ParseHallConfigResult {
  let input: unknown;
  try {
    input = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
      // The library's message repeats the position and adds a code excerpt over
      // several lines; hall staff get one line, with the position as the path.
      const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, problems: [{ path: `line ${line}:${col}`, message }] };
    }
    throw error;
  }
  return validateHallConfig(input);
}

/** One problem per line: `services[12].route[1].skill: unknown skill "archive"`. */
export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('\n');
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  return { path: formatPath(issue.path), message: describeIssue(issue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.message.startsWith('Invalid input: expected')
        ? issue.message.replace('Invalid input: ', '')
        : issue.message;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      return issue.message;
  }
}
