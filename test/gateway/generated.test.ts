import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../support/shared.ts';

const crds = sharedPath('gateway-api', 'v1.6.1', 'crds', 'experimental');
const script = fileURLToPath(new URL('../../scripts/generate-gateway-types.ts', import.meta.url));

describe.skipIf(crds.missing !== undefined)('generated Gateway API types', () => {
  it('are what `npm run generate:types` makes from the CRDs in ../shared', async () => {
    const run = await promisify(execFile)(process.execPath, [script, '--check']).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(run).toEqual({ code: 0, stderr: '' });
  });
});
