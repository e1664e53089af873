export interface LocalRegistry {
  url: string;
  pid: number;
  /** npm's settings for a run against this registry, with its own cache folder. */
  env(cache: string): Record<string, string>;
  /** Publishes a packed tarball (npm pack's output) with the machine's npm. */
  publish(tarball: string): void;
  stop(): Promise<void>;
}
/** Starts verdaccio on 127.0.0.1 with no uplinks, signs a user in, and resolves once it answers. */
export function startRegistry(options?: { node?: string }): Promise<LocalRegistry>;
