import type { zhCN } from './zhCN.ts';

/** Every text of the editor has one of these keys; zh-CN defines the set. */
export type EditorMessageKey = keyof typeof zhCN;
