// A small, strict argument parser: flags we know, positional arguments, and a Danish error otherwise.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface FlagSpec {
  [flag: string]: "boolean" | "string";
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | boolean>;
}

export function parseArgs(argv: string[], spec: FlagSpec, aliases: Record<string, string> = {}): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.split(/=(.*)/s, 2);
    const name = aliases[rawName] ?? rawName;
    const kind = spec[name];
    if (!kind) throw new UsageError(`Ukendt tilvalg: ${rawName}`);
    if (kind === "boolean") {
      if (inline !== undefined) throw new UsageError(`${name} tager ingen værdi`);
      flags[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        throw new UsageError(`${name} kræver en værdi`);
      }
      flags[name] = value;
    }
  }
  return { positional, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === "string" ? v : undefined;
}
