// The rest of the bill: lines every way of running pays about the same, so
// they stand apart from the six ways' totals, each with what it assumes.
import { msg, type Message } from "../message.js";
import type { RegionPrices } from "../price-types.js";
import type { Answers } from "../questions.js";
import { cents, round } from "../rounding.js";
import type { Environment } from "./environments.js";

type SharedItem = "loadBalancers" | "natGateways" | "publicIpv4" | "logs";

export interface SharedLine {
  item: SharedItem;
  usdPerMonth: number;
  assumption: Message;
}

/** Zones each environment spans: one NAT gateway in each, and a load balancer node in each. */
const ZONES = 2;
/** What a load balancer is assumed to use: its capacity units, on average, each hour. */
const LCU_PER_LOAD_BALANCER = 1;
/** Data through the NAT gateways in a production month, when not given (image pulls, calls out). */
const NAT_GIB_DEFAULT = 100;
/** Logs each task writes in a month, when not given; kept a month. */
const LOG_GIB_PER_TASK_DEFAULT = 1;
/** Interface endpoints a private subnet needs instead of NAT for images and logs: ECR API, ECR Docker and CloudWatch Logs (S3's gateway endpoint has no charge). */
const ENDPOINTS_INSTEAD_OF_NAT = 3;

export interface SharedBill {
  lines: SharedLine[];
  total: number;
  /** What VPC endpoints would cost instead of the NAT gateways: named, not in any total. */
  endpointsInstead: { endpoints: number; usdPerMonth: number };
}

/** The shared lines for the environments, with `tasks` in each. */
export function sharedLines(answers: Answers, region: RegionPrices, hours: number, environments: readonly Environment[], tasksIn: (env: Environment) => number): SharedBill {
  const n = region.network;
  const lbs = answers.loadBalancers ?? 1;
  const nat = answers.natDataGiB ?? NAT_GIB_DEFAULT;
  const logs = answers.logGiBPerTask ?? LOG_GIB_PER_TASK_DEFAULT;
  const envs = environments.length;
  const natGib = environments.reduce((sum, e) => sum + nat * e.share, 0);
  const tasks = environments.reduce((sum, e) => sum + tasksIn(e), 0);
  const addresses = envs * (ZONES + lbs * ZONES);
  const lines: SharedLine[] = [
    {
      item: "loadBalancers",
      usdPerMonth: cents(envs * lbs * (n.loadBalancerHour.usd + LCU_PER_LOAD_BALANCER * n.loadBalancerLcuHour.usd) * hours),
      assumption: msg("estimate.shared.loadBalancers", { count: lbs, lcu: LCU_PER_LOAD_BALANCER }),
    },
    {
      item: "natGateways",
      usdPerMonth: cents(envs * ZONES * n.natGatewayHour.usd * hours + natGib * n.natGatewayGb.usd),
      // With one environment, its share is all of it: the total would only repeat the figure.
      assumption: envs === 1 ? msg("estimate.shared.natOne", { zones: ZONES, gib: round(natGib, 1) }) : msg("estimate.shared.nat", { zones: ZONES, gib: nat, total: round(natGib, 1) }),
    },
    {
      item: "publicIpv4",
      usdPerMonth: cents(addresses * n.publicIpv4Hour.usd * hours),
      assumption: msg("estimate.shared.publicIpv4", { addresses, zones: ZONES }),
    },
    {
      item: "logs",
      usdPerMonth: cents(tasks * logs * (n.logsIngestGb.usd + n.logsStorageGbMonth.usd)),
      assumption: msg("estimate.shared.logs", { gib: logs, tasks: msg(tasks === 1 ? "estimate.count.tasks.one" : "estimate.count.tasks.many", { n: tasks }) }),
    },
  ];
  const endpoints = ENDPOINTS_INSTEAD_OF_NAT;
  return {
    lines,
    total: cents(lines.reduce((sum, line) => sum + line.usdPerMonth, 0)),
    endpointsInstead: { endpoints, usdPerMonth: cents(envs * endpoints * ZONES * n.vpcEndpointHour.usd * hours + natGib * n.vpcEndpointGb.usd) },
  };
}
