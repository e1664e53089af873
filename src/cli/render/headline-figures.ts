import type { Result } from "../../explain/result.js";
import type { LaunchType, Platform } from "../../engine/rule-types.js";

/** One way of running and its monthly total, in USD. */
export interface HeadlineFigure {
  platform: Platform;
  launchType: LaunchType;
  total: number;
}

/**
 * The two monthly figures every format leads with: the recommended way's and
 * the cheapest way's. The one place they are read from `costs.estimate`, so
 * the summary and the estimate's own lines can never quote different sums.
 */
export function headlineFigures(result: Result): { recommended: HeadlineFigure; cheapest: HeadlineFigure } {
  const { options, cheapest } = result.costs.estimate;
  const figure = (platform: Platform, launchType: LaunchType): HeadlineFigure => {
    const row = options.find((o) => o.platform === platform && o.launchType === launchType)!;
    return { platform, launchType, total: row.total };
  };
  return { recommended: figure(result.recommendation, result.launchType), cheapest: figure(cheapest.platform, cheapest.launchType) };
}
