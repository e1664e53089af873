/**
 * True when two types accept the same values. A data file's schema and the
 * type the engine reads it as are held together with it: a constant typed
 * `Same<z.infer<typeof schema>, Type>` and set to true fails to compile when
 * they drift.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
