/** Requests the side panel and the article reader make: see src/background/panel-handlers.ts. */

export interface PanelApi {}
