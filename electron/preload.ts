import { contextBridge, ipcRenderer } from 'electron';
import { MENU_COMMANDS, type MenuCommand, type PrintOutcome, type PrintRequest, type RosterdeskBridge } from '../core/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../core/contract';
import type { ApiResult } from '../core/result';
import { CALL_CHANNEL, MENU_CHANNEL } from './handlers';
import { PRINT_CHANNEL } from './print';

/**
 * The one narrow object the page gets: `window.rosterdesk`. No ipcRenderer,
 * no Node, just the contract's call and the menu's commands.
 */
const bridge = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<ApiResult<MethodOutput<M>>>;
  },
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const handler = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
  print(request: PrintRequest): Promise<PrintOutcome> {
    return ipcRenderer.invoke(PRINT_CHANNEL, request) as Promise<PrintOutcome>;
  },
} satisfies RosterdeskBridge;

contextBridge.exposeInMainWorld('rosterdesk', bridge);
