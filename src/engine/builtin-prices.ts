import pricesJson from "../../rules/prices.json" with { type: "json" };
import type { Prices, PricesFileData } from "./price-types.js";

/**
 * The prices that ship with ecs-or-eks. scripts/build.mjs runs `prices check`
 * on them (and the tests do), so start-up reads them without zod.
 */
export const BUILT_IN_PRICES: Prices = { origin: { source: "built-in", version: pricesJson.version }, data: pricesJson as PricesFileData };
