import { createCommand, type LexicalCommand } from 'lexical';

/** Asks the toolbar to open its link dialog (the link button, or Mod+K). */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('PD_OPEN_LINK_DIALOG');
