// A small Dockerfile reader: enough structure (stages, instructions, RUN flags, JSON-form
// CMD) for the tests to check the image definition and to run its stages' commands outside Docker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
export const DOCKERFILE = join(WORKSPACE_ROOT, 'Dockerfile');

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, … */
  readonly keyword: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  readonly args: string;
  readonly line: number;
}

export interface Stage {
  readonly name: string;
  readonly image: string;
  readonly platform: string | undefined;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  readonly stages: readonly Stage[];
}

function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending: { parts: string[]; line: number } | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    // Comment lines end nothing: Docker drops them, even inside a continued instruction.
    if (line.startsWith('#') || (line === '' && !pending)) return;
    const continues = line.endsWith('\\');
    const part = continues ? line.slice(0, -1).trim() : line;
    pending ??= { parts: [], line: i + 1 };
    if (part) pending.parts.push(part);
    if (continues) return;
    const joined = pending.parts.join(' ');
    const [keyword = '', ...rest] = joined.split(/\s+/);
    result.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
    pending = undefined;
  });
  return result;
}

export function parseDockerfile(text: string): Dockerfile {
  const stages: { name: string; image: string; platform: string | undefined; instructions: Instruction[] }[] =
    [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const platform = /--platform=(\S+)/.exec(instruction.args)?.[1];
      const words = instruction.args.replace(/--platform=\S+\s*/, '').split(/\s+/);
      const image = words[0] ?? '';
      const name = words[1]?.toUpperCase() === 'AS' ? (words[2] ?? '') : String(stages.length);
      stages.push({ name, image, platform, instructions: [] });
    } else {
      // Instructions before the first FROM (global ARGs) belong to no stage.
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  return { stages };
}

export function readDockerfile(path: string = DOCKERFILE): Dockerfile {
  return parseDockerfile(readFileSync(path, 'utf8'));
}

export function stage(dockerfile: Dockerfile, name: string): Stage {
  const found = dockerfile.stages.find((s) => s.name === name);
  if (!found)
    throw new Error(
      `no stage "${name}" in the Dockerfile (${dockerfile.stages.map((s) => s.name).join(', ')})`,
    );
  return found;
}

export function all(s: Stage, keyword: string): Instruction[] {
  return s.instructions.filter((i) => i.keyword === keyword);
}

/** The shell script of a RUN, without its BuildKit flags (--mount=…, --network=…). */
export function runScript(instruction: Instruction): string {
  return instruction.args.replace(/^(?:--[\w-]+=\S+\s+)+/, '');
}

/** A JSON-form (exec) CMD or ENTRYPOINT as its argument list. */
export function execForm(instruction: Instruction): string[] {
  const parsed: unknown = JSON.parse(instruction.args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) {
    throw new Error(`line ${instruction.line}: ${instruction.keyword} is not in JSON exec form`);
  }
  return parsed;
}

/** KEY=value pairs of ENV and LABEL instructions (quoted values unquoted). */
export function keyValues(s: Stage, keyword: 'ENV' | 'LABEL'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const instruction of all(s, keyword)) {
    for (const match of instruction.args.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S+)/g)) {
      const [, key = '', raw = ''] = match;
      out[key] = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    }
  }
  return out;
}

export interface Copy {
  /** The stage named by --from, or undefined for the build context. */
  readonly from: string | undefined;
  readonly sources: string[];
  readonly destination: string;
}

export function parseCopy(instruction: Instruction): Copy {
  const from = /--from=(\S+)/.exec(instruction.args)?.[1];
  const words = instruction.args.split(/\s+/).filter((w) => !w.startsWith('--'));
  return { from, sources: words.slice(0, -1), destination: words[words.length - 1] ?? '' };
}

/** COPY --from=<stage> sources and destination. */
export function copiesFrom(s: Stage, from: string): Omit<Copy, 'from'>[] {
  return all(s, 'COPY')
    .map(parseCopy)
    .filter((c) => c.from === from)
    .map(({ sources, destination }) => ({ sources, destination }));
}
