/** Handlers for PanelApi (side panel and article reader). */
import type { Handlers } from '../shared/messages.ts';
import type { PanelApi } from '../shared/panel-api.ts';

export const panelHandlers: Handlers<PanelApi> = {};
