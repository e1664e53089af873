import { processIo } from "./io.js";
import { run } from "./main.js";

/** What bin/ecs-or-eks.js calls: run with the real process, then set the exit code. */
export async function main(): Promise<void> {
  // `ecs-or-eks ... | head` closes the pipe early; that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), processIo());
}
