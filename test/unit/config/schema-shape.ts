/**
 * Type-level tools for comparing a hand-written config type with the type generated from its
 * JSON Schema (test/unit/config/schema-types.test.ts).
 *
 * Assignability alone misses the commonest drift: a schema that gains an optional key is still
 * assignable both ways to a type without it. So the test also compares the two types' property
 * paths, which name every key at every depth.
 */

type Leaf = string | number | boolean | bigint | symbol | null | undefined;

type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;

/** The named keys of T, without its index signatures. */
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: 0;
} &
  string;

/** `*` and the paths below, for a record's values; nothing for an open object's `unknown`s. */
type IndexPaths<T, P extends string> = string extends keyof T
  ? unknown extends T[string & keyof T]
    ? never
    : Join<P, '*'> | PathsOf<T[string & keyof T], Join<P, '*'>>
  : never;

/**
 * Every property path of T: "status.labels", "playbooks.*.after-close[].name" (`*` for the
 * values of a record, `[]` for the items of an array). A union contributes the paths of each of
 * its members; an index signature of `unknown` (an object the schema leaves open) contributes
 * none.
 */
type PathsOf<T, P extends string = ''> = T extends Leaf
  ? never
  : T extends readonly (infer E)[]
    ? PathsOf<E, `${P}[]`>
    : | {
          [K in KnownKeys<T>]: Join<P, K> | PathsOf<K extends keyof T ? T[K] : never, Join<P, K>>;
        }[KnownKeys<T>]
      | IndexPaths<T, P>;

/** The paths of A that B lacks (never when there are none). */
export type PathsMissing<A, B> = Exclude<PathsOf<A>, PathsOf<B>>;

/**
 * Compiles only when _Actual is assignable to Expected. Unlike expectTypeOf's, the error
 * elaborates: "Type 'IntakeFile' does not satisfy the constraint 'IntakeSchema'. Types of
 * property 'exempt' are incompatible ...". Does nothing at run time.
 */
export function assertExtends<_Actual extends Expected, Expected>(): void {}

/**
 * Compiles only when _Paths is never; otherwise the error shows it: `Type '"reopen-on-edit"'
 * does not satisfy the constraint 'never'`. Does nothing at run time.
 */
export function assertNever<_Paths extends never>(): void {}

/** The members of one union of literals that the other lacks, both ways. */
export type Difference<A, B> = Exclude<A, B> | Exclude<B, A>;
