// The rates read from Price List files, as an overrides file ("extends": "built-in"):
// a bulk file prices things, but says nothing of what a prices file also holds
// (Fargate's sizes, what EKS keeps on a node, pods per instance, cluster
// limits), so those stay the built-in ones and only what the files price changes.
import type { Slot } from "./offer.js";

/** What a Price List file says of itself. */
export interface OfferFile {
  offerCode: string;
  version: string;
  publicationDate: string;
}

/** One rate found: where it goes, and the file it came from. */
export interface FoundRate {
  region: string;
  slot: Slot;
  usd: number;
  offer: OfferFile;
}

type Json = Record<string, unknown>;

/** The date part of a publication date (2026-11-20T19:03:52Z is 2026-11-20). */
function dateOf(offer: OfferFile): string {
  return offer.publicationDate.slice(0, 10);
}

function dated(offer: OfferFile, region: string): { asOf: string; source: string } {
  return { asOf: dateOf(offer), source: `AWS Price List bulk file offers/v1.0/aws/${offer.offerCode}/current/${region}/index.json, version ${offer.version}` };
}

const FARGATE_PARTS = { x86: ["usdPerVcpuHour", "usdPerGbHour"], arm: ["usdPerVcpuHour", "usdPerGbHour"], windows: ["usdPerVcpuHour", "usdPerGbHour", "osUsdPerVcpuHour"] } as const;

/**
 * The overrides file for the rates found, regions in the order given. The
 * first rate found for a figure is kept. A Fargate figure is one object with
 * its vCPU and memory rates (and Windows' licence): it is written only when
 * every part was found, as an overrides file replaces a figure whole.
 */
export function overridesFrom(rates: readonly FoundRate[], regionOrder: readonly string[]): { file: Json; figures: number; regions: string[] } {
  const byRegion = new Map<string, Map<string, FoundRate>>();
  for (const rate of rates) {
    const slots = byRegion.get(rate.region) ?? new Map<string, FoundRate>();
    byRegion.set(rate.region, slots);
    const key = JSON.stringify(rate.slot);
    if (!slots.has(key)) slots.set(key, rate);
  }
  const regions: Json = {};
  let figures = 0;
  const published: string[] = [];
  for (const name of regionOrder) {
    const found = byRegion.get(name);
    if (!found) continue;
    const region: Record<string, Json> = {};
    const put = (path: readonly string[], figure: Json, offer: OfferFile) => {
      let at: Json = region;
      for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Json;
      at[path.at(-1)!] = { ...figure, ...dated(offer, name) };
      figures += 1;
      published.push(dateOf(offer));
    };
    const sorted = [...found.values()].sort((a, b) => order(a.slot).localeCompare(order(b.slot)));
    for (const rate of sorted) {
      const { slot } = rate;
      if (slot.kind === "ec2") put([slot.list, slot.type], { usdPerHour: rate.usd }, rate.offer);
      else if (slot.kind === "eks") put(["eks", slot.figure], { usd: rate.usd }, rate.offer);
      else if (slot.kind === "network") put(["network", slot.figure], { usd: rate.usd }, rate.offer);
    }
    for (const os of ["x86", "arm", "windows"] as const) {
      const parts = FARGATE_PARTS[os].map((part) => found.get(JSON.stringify({ kind: "fargate", os, part })));
      if (parts.some((part) => part === undefined)) continue;
      const figure = Object.fromEntries(FARGATE_PARTS[os].map((part, i) => [part, parts[i]!.usd]));
      put(["fargate", os], figure, parts[0]!.offer);
    }
    if (Object.keys(region).length > 0) regions[name] = region;
  }
  const latest = published.sort().at(-1) ?? "";
  return { file: { extends: "built-in", version: `AWS Price List, published ${latest}`, regions }, figures, regions: Object.keys(regions) };
}

/** A stable order for a region's rates: by kind, then list and name, so the file is the same whatever the input order. */
function order(slot: Slot): string {
  if (slot.kind === "ec2") return `0 ${slot.list} ${slot.type}`;
  if (slot.kind === "eks") return `1 ${slot.figure}`;
  if (slot.kind === "network") return `2 ${slot.figure}`;
  return `3 ${slot.os} ${slot.part}`;
}
