import { defineExtension } from 'lexical';
import { registerModelGuard } from './registerModelGuard.ts';

/** registerModelGuard as an extension, so every editor built from the release extension has it. */
export const ModelGuardExtension = defineExtension({
  name: '@pressdesk/editor/ModelGuard',
  register: (editor) => registerModelGuard(editor),
});
