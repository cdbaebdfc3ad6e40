import { describe, expect, it } from 'vitest';
import { StoreOpenError } from '../../../src/core/store/storeError.ts';
import {
  reportStartupError,
  STARTUP_ERROR_TITLE,
  startupErrorText,
} from '../../../src/main/reportStartupError.ts';

describe('reportStartupError', () => {
  it('shows the StoreOpenError message under a Chinese and English title, then exits 1', () => {
    const boxes: [string, string][] = [];
    const exits: (number | undefined)[] = [];
    const error = new StoreOpenError(
      'corrupt',
      '/data/pressdesk.sqlite',
      'The database /data/pressdesk.sqlite is damaged.',
    );
    reportStartupError(
      {
        dialog: { showErrorBox: (title, content) => boxes.push([title, content]) },
        app: { exit: (code) => exits.push(code) },
      },
      error,
    );
    expect(boxes).toEqual([
      [STARTUP_ERROR_TITLE, 'The database /data/pressdesk.sqlite is damaged.'],
    ]);
    expect(STARTUP_ERROR_TITLE).toMatch(/无法启动/);
    expect(STARTUP_ERROR_TITLE).toMatch(/cannot start/);
    expect(exits).toEqual([1]);
  });

  it('names other errors as a failed start', () => {
    expect(startupErrorText(new Error('boom'))).toBe('PressDesk could not start: boom');
  });

  it('adds the fix when better-sqlite3 was built for another runtime', () => {
    const error = new StoreOpenError(
      'data_dir_unusable',
      '/d/pressdesk.sqlite',
      'Could not open the database /d/pressdesk.sqlite: The module was compiled against a different Node.js version using NODE_MODULE_VERSION 127.',
    );
    expect(startupErrorText(error)).toMatch(/npm run desktop:setup/);
  });
});
