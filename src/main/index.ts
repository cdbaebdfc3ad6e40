/**
 * Electron main entry (built to out/main/index.js). Everything lives in startDesk and the
 * modules it wires; this file only says where the build put us.
 */
import { startDesk } from './startDesk.ts';

void startDesk({ mainDir: import.meta.dirname, argv: process.argv, env: process.env });
