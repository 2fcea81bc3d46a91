/** A finite state machine as data: `transitions[from]` lists the states reachable from `from`. */
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

export function allowedFrom<S extends string>(transitions: Transitions<S>, from: S): readonly S[] {
  return transitions[from] ?? [];
}

export function canTransition<S extends string>(transitions: Transitions<S>, from: S, to: S): boolean {
  return allowedFrom(transitions, from).includes(to);
}

export type TransitionCheck<S extends string> =
  | { ok: true }
  | { ok: false; from: S; to: S; allowed: readonly S[] };

export function checkTransition<S extends string>(transitions: Transitions<S>, from: S, to: S): TransitionCheck<S> {
  return canTransition(transitions, from, to) ? { ok: true } : { ok: false, from, to, allowed: allowedFrom(transitions, from) };
}
