/** The package's version (set at build time, so no package.json is read or bundled). */
export const VERSION: string = __ECS_OR_EKS_VERSION__;

/** Where editors find the answers schema: the copy shipped in this major version of the package. */
export const SCHEMA_URL = `https://unpkg.com/ecs-or-eks@${VERSION.split(".")[0]}/dist/answers.schema.json`;
export const SCAN_SCHEMA_URL = `https://unpkg.com/ecs-or-eks@${VERSION.split(".")[0]}/dist/scan.schema.json`;
