import type { zhCN } from './zhCN.ts';

/** Every text of the interface has one of these keys; zh-CN defines the set. */
export type MessageKey = keyof typeof zhCN;
