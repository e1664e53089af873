import pkg from "../../package.json" with { type: "json" };

/** Where editors find the answers schema: the copy shipped in this major version of the package. */
export const SCHEMA_URL = `https://unpkg.com/ecs-or-eks@${pkg.version.split(".")[0]}/dist/answers.schema.json`;

export const VERSION: string = pkg.version;
