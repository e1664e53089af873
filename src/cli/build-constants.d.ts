// Written in by the bundler (scripts/build.mjs) and, for the tests, by vitest.config.ts.

/** The package's version. */
declare const __ECS_OR_EKS_VERSION__: string;

/** The answers' JSON Schema, generated from the zod schema at build time (absent in the tests). */
declare const __ECS_OR_EKS_ANSWERS_SCHEMA__: string | undefined;
