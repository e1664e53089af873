// AWS's public Price List bulk files (offers/v1.0/aws/<offer>/current/<region>/index.json):
// which product is which figure of a prices file, and what its on-demand rate is.
// Pure: the CLI streams a file's products and terms through these.
import type { RegionPrices } from "../engine/price-types.js";

/** The offers the import reads; any other is refused. The load balancer's offer is named AWSELB in the files' paths. */
export const OFFERS = ["AmazonEC2", "AmazonECS", "AmazonEKS", "AmazonVPC", "AWSELB", "ElasticLoadBalancing", "AmazonCloudWatch"] as const;

/** The network figures of a prices file's region. */
type NetworkKey = keyof RegionPrices["network"];

/** Where a rate goes in a region of the prices file. */
export type Slot =
  | { kind: "ec2"; list: "ec2" | "ec2Windows"; type: string }
  | { kind: "fargate"; os: "x86" | "arm" | "windows"; part: "usdPerVcpuHour" | "usdPerGbHour" | "osUsdPerVcpuHour" }
  | { kind: "eks"; figure: "clusterHour" | "extendedSupportAdds" }
  | { kind: "network"; figure: NetworkKey };

const ALB = "Load Balancer-Application";
const LOAD_BALANCERS = ["AWSELB", "ElasticLoadBalancing", "AmazonEC2"];

/**
 * Usage types, without the region's prefix (USE1-, EU-, APN2-), each with the
 * offers that list it and, where the usage type alone is ambiguous, the product
 * family. Fargate is listed in both the ECS and the EKS offer at the same rates.
 */
const BY_USAGE: Record<string, { slot: Slot; offers: readonly string[]; family?: string }> = {
  "Fargate-vCPU-Hours:perCPU": { slot: { kind: "fargate", os: "x86", part: "usdPerVcpuHour" }, offers: ["AmazonECS", "AmazonEKS"] },
  "Fargate-GB-Hours": { slot: { kind: "fargate", os: "x86", part: "usdPerGbHour" }, offers: ["AmazonECS", "AmazonEKS"] },
  "Fargate-ARM-vCPU-Hours:perCPU": { slot: { kind: "fargate", os: "arm", part: "usdPerVcpuHour" }, offers: ["AmazonECS", "AmazonEKS"] },
  "Fargate-ARM-GB-Hours": { slot: { kind: "fargate", os: "arm", part: "usdPerGbHour" }, offers: ["AmazonECS", "AmazonEKS"] },
  "Fargate-Windows-vCPU-Hours:perCPU": { slot: { kind: "fargate", os: "windows", part: "usdPerVcpuHour" }, offers: ["AmazonECS"] },
  "Fargate-Windows-GB-Hours": { slot: { kind: "fargate", os: "windows", part: "usdPerGbHour" }, offers: ["AmazonECS"] },
  "Fargate-Windows-OS-Hours:perCPU": { slot: { kind: "fargate", os: "windows", part: "osUsdPerVcpuHour" }, offers: ["AmazonECS"] },
  "AmazonEKS-Hours:perCluster": { slot: { kind: "eks", figure: "clusterHour" }, offers: ["AmazonEKS"] },
  // Billed on top of the cluster-hour, which is what the prices file's extendedSupportAdds means.
  "AmazonEKS-Hours:extendedSupport": { slot: { kind: "eks", figure: "extendedSupportAdds" }, offers: ["AmazonEKS"] },
  "NatGateway-Hours": { slot: { kind: "network", figure: "natGatewayHour" }, offers: ["AmazonEC2", "AmazonVPC"] },
  "NatGateway-Bytes": { slot: { kind: "network", figure: "natGatewayGb" }, offers: ["AmazonEC2", "AmazonVPC"] },
  LoadBalancerUsage: { slot: { kind: "network", figure: "loadBalancerHour" }, offers: LOAD_BALANCERS, family: ALB },
  LCUUsage: { slot: { kind: "network", figure: "loadBalancerLcuHour" }, offers: LOAD_BALANCERS, family: ALB },
  "PublicIPv4:InUseAddress": { slot: { kind: "network", figure: "publicIpv4Hour" }, offers: ["AmazonVPC", "AmazonEC2"] },
  "VpcEndpoint-Hours": { slot: { kind: "network", figure: "vpcEndpointHour" }, offers: ["AmazonVPC"] },
  "VpcEndpoint-Bytes": { slot: { kind: "network", figure: "vpcEndpointGb" }, offers: ["AmazonVPC"] },
  "DataProcessing-Bytes": { slot: { kind: "network", figure: "logsIngestGb" }, offers: ["AmazonCloudWatch"] },
  "TimedStorage-ByteHrs": { slot: { kind: "network", figure: "logsStorageGbMonth" }, offers: ["AmazonCloudWatch"] },
};

/** The region's prefix of a usage type: USE1-, EU-, APN2-, USW2-; us-east-1's EC2 rows have none. */
const REGION_PREFIX = /^[A-Z]{2,4}\d?-/;

/**
 * The figure a product prices, in which region, or undefined for a product
 * the prices file has no place for. EC2 rows count only as the prices file
 * means them: shared tenancy, no pre-installed software, capacity in use,
 * the licence included, and an instance type the built-in list describes.
 */
export function classifyProduct(offer: string, product: unknown, regions: readonly string[], types: ReadonlySet<string>): { region: string; slot: Slot } | undefined {
  const region = regionOf(product);
  if (region === undefined || !regions.includes(region) || !isRecord(product) || !isRecord(product.attributes)) return undefined;
  const a = product.attributes;
  if (offer === "AmazonEC2" && product.productFamily === "Compute Instance") {
    const type = a.instanceType;
    const shared = a.tenancy === "Shared" && a.preInstalledSw === "NA" && a.capacitystatus === "Used" && a.licenseModel === "No License required";
    if (!shared || typeof type !== "string" || !types.has(type)) return undefined;
    if (a.operatingSystem === "Linux") return { region, slot: { kind: "ec2", list: "ec2", type } };
    if (a.operatingSystem === "Windows") return { region, slot: { kind: "ec2", list: "ec2Windows", type } };
    return undefined;
  }
  if (typeof a.usagetype !== "string") return undefined;
  const usage = BY_USAGE[a.usagetype.replace(REGION_PREFIX, "")];
  if (!usage || !usage.offers.includes(offer) || (usage.family !== undefined && product.productFamily !== usage.family)) return undefined;
  return { region, slot: usage.slot };
}

/** The region a product is in, as its regionCode names it. */
export function regionOf(product: unknown): string | undefined {
  const region = isRecord(product) && isRecord(product.attributes) ? product.attributes.regionCode : undefined;
  return typeof region === "string" ? region : undefined;
}

/**
 * A SKU's on-demand rate in USD: of its price dimensions, the first paid tier
 * (a free first tier, USD 0 up to some amount, is skipped); undefined when it
 * has no finite positive USD price.
 */
export function onDemandUsd(terms: unknown): number | undefined {
  if (!isRecord(terms)) return undefined;
  let best: { from: number; usd: number } | undefined;
  for (const term of Object.values(terms)) {
    if (!isRecord(term) || !isRecord(term.priceDimensions)) continue;
    for (const dimension of Object.values(term.priceDimensions)) {
      if (!isRecord(dimension) || !isRecord(dimension.pricePerUnit)) continue;
      const usd = Number(dimension.pricePerUnit.USD);
      const from = dimension.beginRange === undefined ? 0 : Number(dimension.beginRange);
      if (!Number.isFinite(usd) || usd <= 0 || !Number.isFinite(from)) continue;
      if (best === undefined || from < best.from) best = { from, usd };
    }
  }
  return best?.usd;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
