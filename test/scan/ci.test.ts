// CI workflows: where a deploy step points, and the Region a step names,
// except where the Region is only ECR Public's, which answers in us-east-1 alone.
import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";

const credentials = (region: string) =>
  `      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: \${{ secrets.AWS_ROLE_ARN }}\n          aws-region: ${region}\n`;

async function regionOf(text: string): Promise<unknown> {
  return (await scan([{ path: ".github/workflows/release.yaml", text }])).answers.region;
}

describe("CI workflows", () => {
  it("takes no Region from a workflow whose AWS login is for ECR Public (as retail-store-sample-app 1a28474 publishes its images)", async () => {
    const publicLogin = "      - uses: aws-actions/amazon-ecr-login@v2\n        with:\n          registry-type: public\n";
    expect(await regionOf(`jobs:\n  images:\n    steps:\n${credentials("us-east-1")}${publicLogin}`)).toBeUndefined();
    expect(await regionOf(`jobs:\n  images:\n    steps:\n${credentials("us-east-1")}      - run: aws ecr-public get-login-password | docker login --username AWS --password-stdin public.ecr.aws\n`)).toBeUndefined();
  });

  it("still takes a Region ECR Public does not force, and us-east-1 from a workflow with no ECR Public login", async () => {
    const publicLogin = "      - uses: aws-actions/amazon-ecr-login@v2\n        with:\n          registry-type: public\n";
    expect(await regionOf(`jobs:\n  deploy:\n    steps:\n${credentials("eu-west-1")}${publicLogin}`)).toBe("eu-west-1");
    expect(await regionOf(`jobs:\n  deploy:\n    steps:\n${credentials("us-east-1")}      - uses: aws-actions/amazon-ecr-login@v2\n`)).toBe("us-east-1");
  });
});
