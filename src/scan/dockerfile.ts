// Dockerfiles: a Windows base image or an Arm platform on a FROM line.
import { emptyFindings, type Findings } from "./evidence.js";
import { stated } from "./signs.js";

const WINDOWS_IMAGE = /mcr\.microsoft\.com\/(windows|powershell:.*(nanoserver|windowsservercore)|dotnet\/framework|dotnet\/.*(nanoserver|windowsservercore))|(^|\/)(windows\/)?(servercore|nanoserver)(:|$)/i;

export function readDockerfile(file: string, source: string): Findings {
  const findings = emptyFindings();
  source.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    const from = /^FROM\s+(?:--platform=(\S+)\s+)?(\S+)/i.exec(line);
    if (!from) return;
    const [, platform, image] = from;
    if (platform !== undefined && /arm64/.test(platform)) findings.signs.push(stated("requirements", "arm", file, index + 1, line));
    if (platform?.startsWith("windows") || WINDOWS_IMAGE.test(image!)) findings.signs.push(stated("requirements", "windows", file, index + 1, line));
  });
  return findings;
}
