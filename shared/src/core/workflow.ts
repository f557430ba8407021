/**
 * Every workflow (complaint, reservation, registration, filing, appeal) is a
 * table of rules: from which status an event leads to which, who may send it,
 * and the named condition it needs. `defineWorkflow` turns a table into the one
 * `transition(from, event, actors, ctx?)` all five share, with one result
 * type, so the BFF applies every step the same way and the mini-program asks
 * the same table which buttons to show.
 */

/** The actor no person ever is: jobs, and the BFF's own compensations. Never offered as a button. */
export const SYSTEM_ACTOR = 'system';

/** A named pure condition on the context a step is taken in. Its name is what a refusal says is missing. */
export interface Guard<Ctx> {
  readonly name: string;
  readonly test: (ctx: Ctx) => boolean;
}

/**
 * A guard. It sees `{}` when the caller gives no context, so it must refuse
 * what it cannot see rather than assume it.
 */
export function guard<Ctx>(name: string, test: (ctx: Ctx) => boolean): Guard<Ctx> {
  return { name, test };
}

export interface WorkflowRule<S extends string, E extends string, A extends string, Ctx> {
  readonly event: E;
  readonly from: S;
  readonly to: S;
  /** Who may send the event here. */
  readonly by: readonly A[];
  readonly guard?: Guard<Ctx>;
}

/**
 * Why a step is refused: FORBIDDEN when these actors may not take it here (403),
 * CONFLICT when the event does not leave the current status (409),
 * GUARD_FAILED when the step's named condition is not met.
 */
export type Refusal = 'FORBIDDEN' | 'CONFLICT' | 'GUARD_FAILED';

/** The one result of every workflow's `transition`. */
export type Step<S extends string, E extends string> =
  | { readonly ok: true; readonly event: E; readonly from: S; readonly to: S }
  | { readonly ok: false; readonly refusal: Refusal; readonly message: string };

export interface Workflow<S extends string, E extends string, A extends string, Ctx> {
  /** The record's name in messages: "complaint", "filing". */
  readonly name: string;
  readonly statuses: readonly S[];
  readonly rules: ReadonlyArray<WorkflowRule<S, E, A, Ctx>>;
  /** The next status, or why not. Pure: the BFF applies the answer with one conditional update. */
  transition(from: S, event: E, actors: readonly A[], ctx?: Ctx): Step<S, E>;
  /** The events these actors may send from a status, system steps left out: the buttons a page shows. Guards are not checked (their input comes with the step). */
  available(from: S, actors: readonly A[]): E[];
}

/**
 * Checks the table once, when it is defined: every status named is one of
 * `statuses`, and two rules sharing an event and a from-status both carry a
 * guard (otherwise the second could never be chosen).
 */
function checkTable<S extends string, E extends string, A extends string, Ctx>(name: string, statuses: readonly S[], rules: ReadonlyArray<WorkflowRule<S, E, A, Ctx>>): void {
  for (const rule of rules) {
    for (const status of [rule.from, rule.to])
      if (!statuses.includes(status)) throw new Error(`The ${name} workflow names an unknown status "${status}"`);
    if (rule.by.length === 0) throw new Error(`The ${name} workflow lets nobody send "${rule.event}" from ${rule.from}`);
    const rivals = rules.filter((r) => r !== rule && r.event === rule.event && r.from === rule.from);
    if (rivals.length > 0 && (!rule.guard || rivals.some((r) => !r.guard)))
      throw new Error(`The ${name} workflow has two rules for "${rule.event}" from ${rule.from}: each needs a guard`);
  }
}

export function defineWorkflow<S extends string, E extends string, A extends string, Ctx = Record<string, never>>(definition: {
  name: string;
  statuses: readonly S[];
  rules: ReadonlyArray<WorkflowRule<S, E, A, Ctx>>;
}): Workflow<S, E, A, Ctx> {
  const { name, statuses, rules } = definition;
  checkTable(name, statuses, rules);
  const mayAct = (rule: WorkflowRule<S, E, A, Ctx>, actors: readonly A[]) => rule.by.some((b) => actors.includes(b));

  function transition(from: S, event: E, actors: readonly A[], ctx: Ctx = {} as Ctx): Step<S, E> {
    const forbidden: Step<S, E> = { ok: false, refusal: 'FORBIDDEN', message: `You may not ${event} this ${name}` };
    const fromHere = rules.filter((r) => r.event === event && r.from === from);
    if (fromHere.length === 0) {
      // Told apart so that a person who could never send this event learns that, not the status.
      const everAllowed = rules.some((r) => r.event === event && mayAct(r, actors));
      return everAllowed ? { ok: false, refusal: 'CONFLICT', message: `${/^[aeiou]/.test(from) ? 'An' : 'A'} ${from} ${name} cannot be sent "${event}"` } : forbidden;
    }
    const allowed = fromHere.filter((r) => mayAct(r, actors));
    if (allowed.length === 0) return forbidden;
    const rule = allowed.find((r) => !r.guard || r.guard.test(ctx));
    if (!rule) return { ok: false, refusal: 'GUARD_FAILED', message: `"${event}" needs: ${allowed.map((r) => r.guard!.name).join(' or ')}` };
    return { ok: true, event, from, to: rule.to };
  }

  function available(from: S, actors: readonly A[]): E[] {
    const people = actors.filter((a) => a !== SYSTEM_ACTOR);
    return [...new Set(rules.filter((r) => r.from === from && mayAct(r, people)).map((r) => r.event))];
  }

  return { name, statuses, rules, transition, available };
}
