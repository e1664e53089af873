// Written in by the bundler (scripts/build.mjs) and, for the tests, by vitest.config.ts.

/** The package's version. */
declare const __ECS_OR_EKS_VERSION__: string;


/** True in the bundle (scripts/build.mjs), false when the tests run the sources. */
declare const __ECS_OR_EKS_BUNDLE__: boolean;
