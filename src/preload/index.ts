/**
 * The preload of every PressDesk window (built to out/preload/index.cjs, sandboxed). It
 * exposes window.api, built from the contract, and nothing else: no ipcRenderer, no process.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './createBridge.ts';

contextBridge.exposeInMainWorld('api', createBridge(ipcRenderer));
