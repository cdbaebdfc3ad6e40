import { describe, expect, it } from 'vitest';
import { createApp } from '../../../../src/core/app.ts';
import { memoryLogger } from '../../../../src/core/log/logger.ts';
import { API_METHODS } from '../../../../src/shared/api/contract.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

describe('every contract method refuses malformed input', () => {
  const tempDir = useTempDirs();

  it.each([42, 'text', [], { unexpected: true }, { id: 'not-a-uuid' }, null])(
    '%j → invalid_input, for each method',
    async (input) => {
      const app = createApp({ dataDir: tempDir(), runtime: 'headless', logger: memoryLogger() });
      try {
        for (const method of API_METHODS) {
          const result = await app.call(method, input);
          // `null` stands for "no input": methods whose input is all optional accept it.
          if (input === null && result.ok) continue;
          expect(result, `${method} with ${JSON.stringify(input)}`).toMatchObject({
            ok: false,
            error: { code: 'invalid_input' },
          });
          if (!result.ok) expect(result.error.message).toContain(method);
        }
      } finally {
        app.close();
      }
    },
  );
});
