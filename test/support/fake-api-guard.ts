// The fake Excel held to the requirement sets a test declares. Code under test reaches the fake through
// a request context wrapped here: every object it gets is known by its Office.js class (Workbook, Range,
// …, followed from the types @types/office-js gives each property and method), and each member it
// touches is looked up in Microsoft's "[Api set: …]" record (office-api-sets.ts). A member whose set
// is above the declared one fails as on an older Excel: the call or write is sent, and the sync that
// carries it rejects with ApiNotFound, stopping the rest of that batch; a load of such a property fails
// the same way. The fake's own objects stay what they are: the wrapping is transparent to the fake,
// to members Office.js does not describe (the fake's test helpers) and to the tests' reading of state.
import { apiMember, type ApiMember, excelApiTable, type ExcelApiTable, type RequirementSet } from "./office-api-sets";

/** Excel's message for an API the host does not have (OfficeExtension.Error code ApiNotFound). */
export const API_NOT_FOUND_MESSAGE =
  "The API you are trying to use could not be found. It may be available in a newer version of Excel. See the Excel JavaScript API requirement sets article for more information.";

/** The part of the fake's request context the guard needs: its queue of operations for the next sync. */
export interface GuardedContext {
  queue: { op: { kind: "call" | "set" | "load"; target: string; member: string; args: unknown[] }; exec: () => void }[];
}

export interface GuardHost {
  /** The declared sets, as Office.context.requirements.isSetSupported answers. */
  isSetSupported(name: string, version: string): boolean;
  /** The declared sets, name -> highest version (for the error's message). */
  supported: Record<string, string>;
}

type ErrorFactory = (code: string, message: string) => Error;

/** Every member of `className` whose set `host` refuses, with that set (for tests and reports). */
export function refusedMembers(className: string, host: GuardHost, table: ExcelApiTable = excelApiTable()): { member: string; set: RequirementSet }[] {
  const out: { member: string; set: RequirementSet }[] = [];
  for (let cls: string | undefined = className; cls; cls = table[cls]?.base) {
    for (const [member, info] of Object.entries(table[cls]?.members ?? {})) {
      if (info.set && !host.isSetSupported(info.set.name, info.set.version)) out.push({ member, set: info.set });
    }
  }
  return out;
}

/**
 * The request context as code under test sees it: `context` itself, typed as Excel's RequestContext,
 * with every member of every object reached from it checked against the sets `host` declares.
 */
export function guardRequirementSets<C extends GuardedContext>(context: C, host: GuardHost, error: ErrorFactory): C {
  const table = excelApiTable();
  const proxies = new WeakMap<object, { type: string; proxy: object }>();
  const targets = new WeakMap<object, object>();
  const unwrap = (v: unknown): unknown => (typeof v === "object" && v !== null && targets.has(v) ? targets.get(v) : v);

  const refusal = (what: string, set: RequirementSet): Error => {
    const have = host.supported[set.name];
    return error(
      "ApiNotFound",
      `${API_NOT_FOUND_MESSAGE} (${what} needs ${set.name} ${set.version}; this host has ${have ? `${set.name} ${have}` : `no ${set.name}`}.)`
    );
  };
  /** Queue a failing operation at `at`: the sync that carries it rejects there, as Excel's does. */
  const refuseAt = (at: number, type: string, member: string, set: RequirementSet): void => {
    const failure = refusal(`${type}.${member}`, set);
    context.queue.splice(at, 0, {
      op: { kind: "call", target: type, member, args: [] },
      exec: () => {
        throw failure;
      },
    });
  };
  const refused = (set: RequirementSet | undefined): set is RequirementSet => !!set && !host.isSetSupported(set.name, set.version);

  const wrapAs = (value: unknown, member: ApiMember): unknown => {
    if (!member.type || typeof value !== "object" || value === null) return value;
    if (member.array) return Array.isArray(value) ? value.map((v) => wrap(v, member.type!)) : value;
    return wrap(value, member.type);
  };

  /** The properties a load asks for that the declared sets refuse ("items/x" is checked on the item class). */
  const refusedLoads = (type: string, props: unknown): { type: string; member: string; set: RequirementSet }[] => {
    const spec = props as { select?: unknown } | undefined;
    const raw =
      typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props
          : typeof spec?.select === "string"
            ? spec.select.split(",")
            : Object.keys(spec ?? {});
    const out: { type: string; member: string; set: RequirementSet }[] = [];
    for (const p of raw.map((x) => String(x).trim()).filter(Boolean)) {
      let cls = type;
      let parts = p.split("/");
      const items = apiMember(table, cls, "items");
      if (parts[0] === "items" && items?.array && items.type) {
        cls = items.type;
        parts = parts.slice(1);
      }
      for (const part of parts) {
        const info = apiMember(table, cls, part);
        if (!info) break;
        if (refused(info.set)) out.push({ type: cls, member: part, set: info.set });
        if (!info.type) break;
        cls = info.type;
      }
    }
    return out;
  };

  function wrap<T extends object>(target: T, type: string): T {
    const known = proxies.get(target);
    if (known && known.type === type) return known.proxy as T;
    const proxy = new Proxy(target, {
      get(t, prop) {
        const value: unknown = Reflect.get(t, prop, t);
        const member = typeof prop === "string" ? apiMember(table, type, prop) : undefined;
        if (typeof value === "function") {
          const fn = value as (...args: unknown[]) => unknown;
          if (!member) return fn.bind(t);
          return (...args: unknown[]): unknown => {
            const at = context.queue.length;
            const rawArgs = args.map(unwrap);
            const loads = prop === "load" ? refusedLoads(type, rawArgs[0]) : [];
            const result = fn.apply(t, rawArgs);
            if (refused(member.set)) refuseAt(at, type, prop as string, member.set);
            else if (loads.length) refuseAt(at, loads[0].type, loads[0].member, loads[0].set);
            return wrapAs(result, member);
          };
        }
        if (member && refused(member.set)) {
          // A navigation property (an object) is sent with what is done to it; a plain value could only
          // have come from a load, which fails the same way.
          if (typeof value === "object" && value !== null) refuseAt(context.queue.length, type, prop as string, member.set);
          else throw refusal(`${type}.${String(prop)}`, member.set);
        }
        return member ? wrapAs(value, member) : value;
      },
      set(t, prop, value) {
        const member = typeof prop === "string" ? apiMember(table, type, prop) : undefined;
        const at = context.queue.length;
        const done = Reflect.set(t, prop, unwrap(value), t);
        const need = member?.setterSet ?? member?.set;
        if (refused(need)) refuseAt(at, type, prop as string, need);
        return done;
      },
    });
    proxies.set(target, { type, proxy });
    targets.set(proxy, target);
    return proxy;
  }

  return wrap(context, "RequestContext");
}
