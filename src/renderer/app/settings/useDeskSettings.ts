import { useContext } from 'react';
import { DeskSettingsContext, type DeskSettings } from './deskSettingsContext.ts';

export function useDeskSettings(): DeskSettings {
  return useContext(DeskSettingsContext);
}
